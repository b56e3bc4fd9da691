"""Talking to SpeechKit over gRPC: which endpoint (Yandex, or a local emulator for tests),
the options every call carries (no wait-for-ready, the folder header for user IAM tokens), the
process-wide pace of status checks (the quota), and what a failed call says about the
connection (never reached the server, or broke after the request left).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from typing import Any

import grpc
import grpc.aio

from kzdesk.core.engine import EngineError, FailureKind
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.engines import speechkit_errors as errors


class _SdkCallbackNoise(logging.Filter):
    """grpc.aio's interceptor machinery asks the SDK's call wrapper for a done-callback, which
    it does not implement; asyncio then logs a harmless NotImplementedError per call. Drop it
    so the log keeps only real problems."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not (
            isinstance(exc, NotImplementedError)
            and "_fire_or_add_pending_done_callbacks" in record.getMessage()
        )


logging.getLogger("asyncio").addFilter(_SdkCallbackNoise())

ENDPOINT_ENV = "KZDESK_SPEECHKIT_ENDPOINT"
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
MIN_STATUS_INTERVAL_S = 0.2  # quota: 5 operation status checks per second (shared)


def endpoint_from_env() -> str | None:
    """``KZDESK_SPEECHKIT_ENDPOINT`` (e.g. ``127.0.0.1:50051``) or None for the real service."""
    value = os.environ.get(ENDPOINT_ENV, "").strip()
    return value or None


def check_local(endpoint: str) -> str:
    """The override (the local emulator) must be a local host with a port. A name that does
    not resolve says so; neither case is retried (FailureKind.ADDRESS)."""
    host = endpoint.rsplit(":", 1)[0] if ":" in endpoint else endpoint
    if host in LOCAL_HOSTS and ":" in endpoint:
        return endpoint
    if host.strip("[]"):
        try:
            socket.getaddrinfo(host.strip("[]"), None)
        except (OSError, UnicodeError):  # socket.gaierror: no such name (or no name server)
            raise errors.host_not_found_error(host) from None
    raise EngineError(
        FailureKind.ADDRESS,
        QT_TRANSLATE_NOOP(
            "Messages",
            "The SpeechKit endpoint {endpoint} is not allowed: an overridden endpoint must "
            "be a local emulator (127.0.0.1:PORT or localhost:PORT), because it is used "
            "without encryption. Remove the override to use Yandex SpeechKit.",
        ).format(endpoint=f"{endpoint!r}"),
    )


class StatusRate:
    """Spaces operation status checks of the whole process (quota 5/s)."""

    _lock = threading.Lock()
    _last = 0.0

    @classmethod
    def wait(cls) -> None:
        with cls._lock:
            now = time.monotonic()
            delay = cls._last + MIN_STATUS_INTERVAL_S - now
            if delay > 0:
                time.sleep(delay)
            cls._last = time.monotonic()


def call_details(details: Any, folder_id: str | None) -> Any:
    """No wait-for-ready (an unreachable host fails at once instead of at the deadline);
    ``x-folder-id`` for user IAM tokens."""
    if folder_id:
        metadata = grpc.aio.Metadata(*tuple(details.metadata or ()))
        metadata.add("x-folder-id", folder_id)
        details = details._replace(metadata=metadata)
    return details._replace(wait_for_ready=False)


class UnaryUnaryOptions(grpc.aio.UnaryUnaryClientInterceptor):
    def __init__(self, folder_id: str | None) -> None:
        self._folder_id = folder_id

    async def intercept_unary_unary(self, continuation, clientcall_details, request):
        return await continuation(call_details(clientcall_details, self._folder_id), request)


class UnaryStreamOptions(grpc.aio.UnaryStreamClientInterceptor):
    def __init__(self, folder_id: str | None) -> None:
        self._folder_id = folder_id

    async def intercept_unary_stream(self, continuation, clientcall_details, request):
        return await continuation(call_details(clientcall_details, self._folder_id), request)


def rpc_status(exc: BaseException) -> tuple[grpc.StatusCode | None, str]:
    code = getattr(exc, "code", None)
    details = getattr(exc, "details", None)
    try:
        return (code() if callable(code) else None), (details() if callable(details) else "") or ""
    except Exception:
        return None, ""


# gRPC's words for a call that never reached the server (core's and the SDK's channels)
_NOT_CONNECTED = (
    "failed to connect",
    "connection refused",
    "dns resolution failed",
    "name resolution",
    "no route to host",
    "network is unreachable",
    "failed to resolve",
)


def never_connected(exc: BaseException) -> bool:
    from yandex_ai_studio_sdk.exceptions import UnknownEndpointError

    if isinstance(exc, UnknownEndpointError | ConnectionRefusedError):
        return True
    code, details = rpc_status(exc)
    if code is not grpc.StatusCode.UNAVAILABLE:
        return False
    details = details.lower()
    return any(words in details for words in _NOT_CONNECTED)
