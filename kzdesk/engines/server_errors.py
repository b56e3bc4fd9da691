"""What went wrong with an organisation's transcription server, as sentences for the user.

Every failure the server engine raises is an :class:`EngineError` whose kind tells the
pipeline what to do: UNREACHABLE and QUOTA are tried again later by the queue (with a
``gave_up`` sentence once it stops), the others fail the job at once with what to change.
"""

from __future__ import annotations

import socket
import ssl
from typing import Any

import httpx

from kzdesk.core.engine import EngineError, FailureKind
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.engines.server_http import UploadStopped

NO_ADDRESS = QT_TRANSLATE_NOOP(
    "Messages",
    "No transcription server is set. Enter its address in Settings → Server (or run "
    "“kzdesk config server_url http://…”).",
)
BAD_ADDRESS = QT_TRANSLATE_NOOP(
    "Messages",
    "“{url}” is not an address kzdesk can use for a transcription server. Enter one that "
    "starts with http:// or https://, such as http://asr.example.org:8000.",
)
UNREACHABLE = QT_TRANSLATE_NOOP(
    "Messages",
    "kzdesk cannot reach the transcription server at {url}. Check that the server is running "
    "and that this computer is on its network; kzdesk tries again by itself.",
)
NAME_NOT_FOUND = QT_TRANSLATE_NOOP(
    "Messages",
    "The name of the transcription server in {url} cannot be found. Check the address in "
    "Settings → Server and the network connection (VPN); kzdesk tries again by itself.",
)
GAVE_UP = QT_TRANSLATE_NOOP(
    "Messages",
    "kzdesk could not reach the transcription server at {url} and stopped trying. Check that "
    "the server is running and reachable from this computer, then press Retry: the pieces "
    "already transcribed are kept.",
)
TLS = QT_TRANSLATE_NOOP(
    "Messages",
    "The secure connection to the transcription server at {url} failed ({reason}). If your "
    "organisation uses its own certificate authority, install it in this computer's system "
    "certificates; otherwise check whether the address starts with http:// or https://.",
)
CONNECTION_BROKE = QT_TRANSLATE_NOOP(
    "Messages",
    "The connection to the transcription server at {url} broke while it worked on a piece. "
    "kzdesk sends that piece again by itself.",
)
STALLED = QT_TRANSLATE_NOOP(
    "Messages",
    "The transcription server at {url} did not answer within {seconds} seconds. It may be "
    "overloaded; kzdesk tries again by itself.",
)
STALLED_GAVE_UP = QT_TRANSLATE_NOOP(
    "Messages",
    "The transcription server at {url} stopped answering and kzdesk stopped trying. Check the "
    "server (Settings → Server → Test connection), then press Retry: the pieces already "
    "transcribed are kept.",
)
NEEDS_KEY = QT_TRANSLATE_NOOP(
    "Messages",
    "The transcription server at {url} asks for an API key (HTTP 401). Enter the key in "
    "Settings → Server (or run “kzdesk key set --server”).",
)
KEY_UNUSABLE = QT_TRANSLATE_NOOP(
    "Messages",
    "The server's API key contains characters that cannot be sent (a key has only Latin "
    "letters, digits and signs). Paste it again in Settings → Server (or run “kzdesk key set "
    "--server”).",
)
KEY_REJECTED = QT_TRANSLATE_NOOP(
    "Messages",
    "The transcription server at {url} did not accept the API key (HTTP 401). Enter the "
    "right key in Settings → Server (or run “kzdesk key set --server”).",
)
FORBIDDEN = QT_TRANSLATE_NOOP(
    "Messages",
    "The transcription server at {url} does not allow this key to transcribe with the model "
    "“{model}” (HTTP 403). Ask the server's administrator for access, or use another key.",
)
NO_SUCH_MODEL = QT_TRANSLATE_NOOP(
    "Messages",
    "The transcription server at {url} has no model “{model}”. It offers: {models}. Choose "
    "one in Settings → Server (or run “kzdesk config server_model NAME”).",
)
NO_SUCH_SERVICE = QT_TRANSLATE_NOOP(
    "Messages",
    "There is no transcription service at {url} (HTTP 404), or it has no model “{model}”. "
    "Check the address (the part before /v1, such as http://asr.example.org:8000) and the "
    "model name in Settings → Server.",
)
REFUSED = QT_TRANSLATE_NOOP(
    "Messages",
    "The transcription server at {url} refused the request (HTTP {status}: {detail}). Check "
    "the model and the language chosen for this file.",
)
UNEXPECTED_STATUS = QT_TRANSLATE_NOOP(
    "Messages",
    "The transcription server at {url} answered HTTP {status}, which a transcription server "
    "does not. Check the address in Settings → Server.",
)
SERVER_ERROR = QT_TRANSLATE_NOOP(
    "Messages",
    "The transcription server at {url} failed with an error (HTTP {status}). kzdesk tries "
    "again by itself; if this goes on, tell the server's administrator.",
)
SERVER_ERROR_GAVE_UP = QT_TRANSLATE_NOOP(
    "Messages",
    "The transcription server at {url} kept failing (HTTP {status}) and kzdesk stopped "
    "trying. Press Retry later or tell the server's administrator: the pieces already "
    "transcribed are kept.",
)
BUSY = QT_TRANSLATE_NOOP(
    "Messages",
    "The transcription server at {url} is busy (HTTP 429) and asks kzdesk to wait "
    "{seconds} seconds. kzdesk tries again then.",
)
NOT_A_TRANSCRIPTION = QT_TRANSLATE_NOOP(
    "Messages",
    "The transcription server at {url} answered with something that is not a transcription "
    "({detail}). Check that the address points at an OpenAI-compatible transcription server "
    "(Settings → Server).",
)
TOO_LARGE = QT_TRANSLATE_NOOP(
    "Messages",
    "The transcription server at {url} refuses even pieces of {size} KB (HTTP 413, too "
    "large). Ask its administrator about the upload limit, and set it in Settings → Server.",
)
UNREADABLE_PIECE = QT_TRANSLATE_NOOP(
    "Messages",
    "The audio piece {path} cannot be read ({reason}). Add the recording again.",
)
CANCELLED = QT_TRANSLATE_NOOP("Messages", "The transcription on the server was cancelled.")


def cancelled() -> EngineError:
    return EngineError(FailureKind.CANCELLED, CANCELLED)


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def tls_reason(exc: BaseException) -> str | None:
    """The TLS problem inside a connection error (None when it is not one)."""
    for link in _chain(exc):
        if isinstance(link, ssl.SSLError):
            return getattr(link, "verify_message", None) or link.reason or str(link)
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text or "[SSL" in text:
        return text.split("] ", 1)[-1].split(" (_ssl", 1)[0]
    return None


def network_error(exc: BaseException, url: str, *, waited_s: float) -> EngineError:
    """An httpx failure as the pipeline should see it."""
    if isinstance(exc, UploadStopped):
        return cancelled()
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return EngineError(FailureKind.ADDRESS, BAD_ADDRESS.format(url=url))
    reason = tls_reason(exc)
    if reason is not None:
        return EngineError(FailureKind.ADDRESS, TLS.format(url=url, reason=reason))
    gave_up = GAVE_UP.format(url=url)
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
        if any(isinstance(link, socket.gaierror) for link in _chain(exc)):
            message = NAME_NOT_FOUND.format(url=url)
        else:
            message = UNREACHABLE.format(url=url)
        return EngineError(FailureKind.UNREACHABLE, message, gave_up=gave_up)
    if isinstance(exc, httpx.TimeoutException):  # read, write or pool: the server stalls
        return EngineError(
            FailureKind.UNREACHABLE,
            STALLED.format(url=url, seconds=round(waited_s)),
            gave_up=STALLED_GAVE_UP.format(url=url),
        )
    return EngineError(FailureKind.UNREACHABLE, CONNECTION_BROKE.format(url=url), gave_up=gave_up)


def detail(body: bytes, limit: int = 200) -> str:
    """The server's own words about a refusal (OpenAI's {"error": {"message": …}} or
    FastAPI's {"detail": …}), shortened; else the start of the body."""
    import json

    try:
        data: Any = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        text = body.decode("utf-8", "replace")
    else:
        text = _message_in(data)
    text = " ".join(text.split())
    return text[: limit - 1] + "…" if len(text) > limit else text or "—"


def _message_in(data: Any) -> str:
    if isinstance(data, dict):
        for key in ("error", "detail", "message", "msg"):
            if key in data:
                return _message_in(data[key])
        return ""
    if isinstance(data, list) and data:
        return _message_in(data[0]) if isinstance(data[0], dict) else str(data[0])
    return "" if data is None else str(data)
