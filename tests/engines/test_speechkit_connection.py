"""The connection to SpeechKit: which endpoint is allowed, and what a failed call says about
whether the request reached the service."""

from __future__ import annotations

import grpc
import pytest

from kzdesk.core.engine import EngineError, FailureKind
from kzdesk.engines.speechkit import SpeechKitEngine
from kzdesk.engines.speechkit_connection import endpoint_from_env, never_connected, rpc_status


class _RpcFailure(grpc.RpcError):
    def __init__(self, code: grpc.StatusCode, details: str) -> None:
        self._code, self._details = code, details

    def code(self) -> grpc.StatusCode:
        return self._code

    def details(self) -> str:
        return self._details


def test_remote_endpoint_override_is_refused():
    with pytest.raises(EngineError) as info:
        SpeechKitEngine(api_key="k", endpoint="192.0.2.1:443")  # an address, no name lookup
    assert "local" in info.value.message
    assert info.value.kind is FailureKind.ADDRESS and not info.value.retryable


def test_an_override_that_does_not_resolve_is_not_retried():
    with pytest.raises(EngineError) as info:
        SpeechKitEngine(api_key="k", endpoint="nonexistent.invalid:50051")
    assert info.value.message.startswith("Cannot find host nonexistent.invalid; check the address")
    assert info.value.kind is FailureKind.ADDRESS and not info.value.retryable


def test_endpoint_from_env(monkeypatch):
    monkeypatch.delenv("KZDESK_SPEECHKIT_ENDPOINT", raising=False)
    assert endpoint_from_env() is None
    monkeypatch.setenv("KZDESK_SPEECHKIT_ENDPOINT", " 127.0.0.1:50051 ")
    assert endpoint_from_env() == "127.0.0.1:50051"


def test_a_call_that_never_reached_the_service_is_told_from_a_lost_reply() -> None:
    unavailable = grpc.StatusCode.UNAVAILABLE
    assert never_connected(ConnectionRefusedError())
    assert never_connected(_RpcFailure(unavailable, "failed to connect to all addresses"))
    assert never_connected(_RpcFailure(unavailable, "DNS resolution failed for stt:443"))
    assert not never_connected(_RpcFailure(unavailable, "Socket closed"))  # after sending
    assert not never_connected(_RpcFailure(grpc.StatusCode.DEADLINE_EXCEEDED, "Deadline"))
    assert not never_connected(TimeoutError())


def test_rpc_status_reads_any_failure() -> None:
    assert rpc_status(_RpcFailure(grpc.StatusCode.NOT_FOUND, "no such operation")) == (
        grpc.StatusCode.NOT_FOUND,
        "no such operation",
    )
    assert rpc_status(ValueError("not a gRPC failure")) == (None, "")
