"""Turn what the SpeechKit SDK raises into :class:`EngineError` with a sentence for the user.

Never put the API key, the ``authorization`` header or ``str(exc)`` of an SDK error into a
message: only the gRPC status code and the server's ``details``.
"""

from __future__ import annotations

import enum
import re

import grpc

from kzdesk.core.engine import EngineError, FailureKind
from kzdesk.core.i18n import QT_TRANSLATE_NOOP

QUOTA_RETRY_SUBMIT_S = 15 * 60  # 500 recognitions per hour: wait a good while
QUOTA_RETRY_POLL_S = 2 * 60

# google.rpc codes that Operation.error carries
RPC_CANCELLED = 1
RPC_INVALID_ARGUMENT = 3


class Stage(enum.StrEnum):
    SUBMIT = "submit"
    POLL = "poll"
    FETCH = "fetch"
    CANCEL = "cancel"
    CHECK = "check"


def auth_error() -> EngineError:
    return EngineError(
        FailureKind.AUTH,
        QT_TRANSLATE_NOOP(
            "Messages", "SpeechKit rejected the API key. Open Settings and paste a valid key."
        ),
    )


def permission_error() -> EngineError:
    return EngineError(
        FailureKind.PERMISSION,
        QT_TRANSLATE_NOOP(
            "Messages",
            "SpeechKit refused the request: the service account of this API key needs the "
            "role ai.speechkit-stt.user in the folder it works in. Ask the cloud "
            "administrator to grant it, or use a key of another service account.",
        ),
    )


def unreachable_error() -> EngineError:
    return EngineError(
        FailureKind.UNREACHABLE,
        QT_TRANSLATE_NOOP(
            "Messages",
            "Cannot reach SpeechKit. Check the internet connection; the job will continue "
            "when the connection is back.",
        ),
    )


# How a name server's "no such name" reaches us: c-ares (gRPC's resolver), glibc, macOS and
# Windows. A name server that cannot be reached at all ("Could not contact DNS servers",
# "Temporary failure in name resolution") is a connection problem and is retried.
HOST_NOT_FOUND_MARKERS = (
    "Domain name not found",
    "Name or service not known",
    "No address associated with hostname",
    "nodename nor servname provided, or not known",
    "No such host is known",
)
_RESOLVING_RE = re.compile(r"(?:resolving|lookup failed for)\s+\[?([^\s\]:]+)")


def host_not_found_error(host: str) -> EngineError:
    """The address does not exist: trying again cannot help, so the job fails at once."""
    return EngineError(
        FailureKind.ADDRESS,
        QT_TRANSLATE_NOOP(
            "Messages",
            "Cannot find host {host}; check the address (if it is right, check the network's "
            "name server settings).",
        ).format(host=host),
    )


def host_not_found(details: str) -> str | None:
    """The host name a gRPC "no such name" failure is about (or "SpeechKit"), else None."""
    if not any(marker in details for marker in HOST_NOT_FOUND_MARKERS):
        return None
    found = _RESOLVING_RE.search(details)
    return found.group(1) if found else "SpeechKit"


def too_large_error(size_bytes: int) -> EngineError:
    return EngineError(
        FailureKind.BAD_AUDIO,
        QT_TRANSLATE_NOOP(
            "Messages",
            "The audio to send is {size} MB, but SpeechKit accepts at most 60 MB per "
            "request. Split the recording into shorter parts and add them again.",
        ).format(size=f"{size_bytes / 1_000_000:.1f}"),
    )


def expired_error() -> EngineError:
    return EngineError(
        FailureKind.EXPIRED,
        QT_TRANSLATE_NOOP(
            "Messages",
            "SpeechKit no longer has this recognition (results are kept for three days). The "
            "piece has to be sent again.",
        ),
    )


def cancelled_error() -> EngineError:
    return EngineError(
        FailureKind.CANCELLED, QT_TRANSLATE_NOOP("Messages", "The recognition was cancelled.")
    )


def quota_error(stage: Stage) -> EngineError:
    wait_s = QUOTA_RETRY_SUBMIT_S if stage is Stage.SUBMIT else QUOTA_RETRY_POLL_S
    return EngineError(
        FailureKind.QUOTA,
        QT_TRANSLATE_NOOP(
            "Messages",
            "SpeechKit quota is used up for now. The job will try again in about {minutes} minutes.",
        ).format(minutes=wait_s // 60),
        retry_after_s=wait_s,
    )


def from_rpc(code: grpc.StatusCode | None, details: str, stage: Stage) -> EngineError:
    """Map a gRPC status of a call at ``stage`` to an EngineError."""
    details = (details or "").strip().rstrip(".")
    if code == grpc.StatusCode.UNAUTHENTICATED:
        return auth_error()
    if code == grpc.StatusCode.PERMISSION_DENIED:
        return permission_error()
    if code == grpc.StatusCode.RESOURCE_EXHAUSTED:
        return quota_error(stage)
    if code == grpc.StatusCode.UNAVAILABLE and (host := host_not_found(details)):
        return host_not_found_error(host)
    if code in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED, None):
        return unreachable_error()
    if code == grpc.StatusCode.NOT_FOUND and stage in (Stage.POLL, Stage.FETCH, Stage.CANCEL):
        return expired_error()
    if code == grpc.StatusCode.INVALID_ARGUMENT:
        return EngineError(
            FailureKind.BAD_AUDIO,
            QT_TRANSLATE_NOOP(
                "Messages",
                "SpeechKit rejected the audio or the settings ({details}). Check that the file "
                "plays and that the language and model are supported.",
            ).format(details=details or QT_TRANSLATE_NOOP("Messages", "invalid argument")),
        )
    if code == grpc.StatusCode.CANCELLED:
        return cancelled_error()
    name = code.name if code is not None else "UNKNOWN"
    return EngineError(
        FailureKind.REMOTE,
        QT_TRANSLATE_NOOP(
            "Messages",
            "SpeechKit reported an error ({name}: {details}). Try again later; if it "
            "repeats, contact Yandex Cloud support.",
        ).format(name=name, details=details or QT_TRANSLATE_NOOP("Messages", "no details")),
    )


def from_operation_error(code: int, message: str) -> EngineError:
    """Map ``Operation.error`` (the recognition itself failed) to an EngineError."""
    message = (message or QT_TRANSLATE_NOOP("Messages", "no details")).strip().rstrip(".")
    if code == RPC_INVALID_ARGUMENT:
        return EngineError(
            FailureKind.BAD_AUDIO,
            QT_TRANSLATE_NOOP(
                "Messages",
                "SpeechKit could not process the audio ({message}). Check that the file plays.",
            ).format(message=message),
        )
    if code == RPC_CANCELLED:
        return cancelled_error()
    return EngineError(
        FailureKind.REMOTE,
        QT_TRANSLATE_NOOP(
            "Messages",
            "SpeechKit could not recognise this recording ({message}). Try again later; if "
            "it repeats, contact Yandex Cloud support.",
        ).format(message=message),
    )


def unreadable_result_error() -> EngineError:
    return EngineError(
        FailureKind.REMOTE,
        QT_TRANSLATE_NOOP(
            "Messages",
            "SpeechKit returned a result kzdesk could not read. Try again later; if it "
            "repeats, report it with the log file.",
        ),
    )


def timeout_error(hours: float) -> EngineError:
    return EngineError(
        FailureKind.REMOTE,
        QT_TRANSLATE_NOOP(
            "Messages",
            "SpeechKit has not finished this recording after {hours} hours. Try again later "
            "or choose the regular (not deferred) model.",
        ).format(hours=f"{hours:.0f}"),
    )
