"""HTTP to an OpenAI-compatible transcription server (httpx).

httpx because it gives separate connect, read, write and pool timeouts (a short connect
timeout tells "no server there" in seconds, a long read timeout waits for a long piece, a
stalled upload ends by the write timeout), one thread-safe client with a bounded connection
pool for the concurrent pieces, and typed errors that tell an unreachable host from a TLS
failure from a stalled answer. It already comes with the SpeechKit SDK.

Certificates are checked against the operating system's trusted authorities (truststore), so
an organisation's own certificate authority, installed on its computers, is trusted.

Each transcription request runs on a daemon thread of its own (:class:`Exchange`): the
engine's thread keeps polling the job's Cancel and reports upload progress, and a cancelled
piece is left behind (the server may finish it; nobody waits for the answer) instead of
holding the job. The upload is read from disk in chunks, never whole into memory.
"""

from __future__ import annotations

import logging
import os
import ssl
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import httpx

log = logging.getLogger(__name__)

TRANSCRIPTIONS = "/v1/audio/transcriptions"
MODELS = "/v1/models"
CONNECT_TIMEOUT_S = 10.0
WRITE_TIMEOUT_S = 60.0  # no upload chunk accepted for this long: the server stalls
CONTENT_TYPES = {
    "FLAC": ("audio.flac", "audio/flac"),
    "MP3": ("audio.mp3", "audio/mpeg"),
    "OGG_OPUS": ("audio.ogg", "audio/ogg"),
    "WAV": ("audio.wav", "audio/wav"),
}


def normalise_base(url: str) -> str:
    """The server's base address: no trailing slash, no trailing ``/v1`` (people paste the
    OpenAI-style ``http://host:8000/v1``)."""
    url = url.strip().rstrip("/")
    if url.lower().endswith("/v1"):
        url = url[:-3].rstrip("/")
    return url


def shown(url: str) -> str:
    """The address as sentences show it: without a user name or password inside it."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", "")) or url


def valid_base(url: str) -> bool:
    parts = urlsplit(normalise_base(url))
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def tls_context() -> ssl.SSLContext:
    """The operating system's trust store where truststore works, else Python's default."""
    try:
        import truststore

        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    except Exception:  # an unusual platform: the default context still checks certificates
        log.warning("truststore is not usable here; using Python's certificate store")
        return ssl.create_default_context()


@dataclass(frozen=True)
class Answer:
    status: int
    headers: Mapping[str, str]
    body: bytes
    seconds: float  # from the first byte sent to the whole answer read

    def json(self) -> Any:
        import json

        return json.loads(self.body.decode("utf-8"))


class UploadStopped(Exception):
    """The engine gave up on this piece (Cancel) while it was still being uploaded."""


class _Upload:
    """The piece's file as httpx reads it: counts the bytes sent, stops on request."""

    def __init__(self, path: str, stop: threading.Event) -> None:
        self._file = open(path, "rb")  # noqa: SIM115 - closed by the exchange
        self._stop = stop
        self.size = os.fstat(self._file.fileno()).st_size
        self.sent = 0

    def read(self, size: int = -1) -> bytes:
        if self._stop.is_set():
            raise UploadStopped()
        chunk = self._file.read(size)
        self.sent = self._file.tell()
        return chunk

    def fileno(self) -> int:
        return self._file.fileno()

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        return self._file.seek(offset, whence)

    def tell(self) -> int:
        return self._file.tell()

    def close(self) -> None:
        self._file.close()


class Exchange:
    """One transcription request on its own daemon thread."""

    def __init__(self, run: Any, upload: _Upload, stop: threading.Event) -> None:
        self.upload = upload
        self.done = threading.Event()
        self.answer: Answer | None = None
        self.error: BaseException | None = None
        self._stop = stop
        self._thread = threading.Thread(
            target=self._run, args=(run,), name="kzdesk-server-request", daemon=True
        )
        self._thread.start()

    @property
    def uploaded(self) -> bool:
        return self.upload.sent >= self.upload.size

    def abandon(self) -> None:
        """Stop uploading; an answer that still comes is dropped."""
        self._stop.set()

    def _run(self, run: Any) -> None:
        try:
            self.answer = run()
        except BaseException as exc:
            self.error = exc
        finally:
            self.upload.close()
            self.done.set()


class ServerClient:
    """One client per server address and key, shared by the pieces of all jobs."""

    def __init__(
        self,
        base_url: str,
        api_key: str | None,
        *,
        connections: int = 4,
        connect_timeout_s: float = CONNECT_TIMEOUT_S,
        verify: Any = None,
    ) -> None:
        parts = urlsplit(normalise_base(base_url))
        # a user name and password inside the address go as Basic auth, never into the log
        login = (unquote(parts.username or ""), unquote(parts.password or ""))
        self.base = normalise_base(shown(base_url))
        self.connect_timeout_s = connect_timeout_s
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(
            headers=headers,
            auth=httpx.BasicAuth(*login) if parts.username and not api_key else None,
            # room beside the pieces in flight for a test and for pieces left behind by a
            # Cancel (their connection stays until the server answers)
            limits=httpx.Limits(max_connections=connections + 8, max_keepalive_connections=4),
            timeout=httpx.Timeout(connect_timeout_s, read=60.0, write=WRITE_TIMEOUT_S),
            verify=verify if verify is not None else tls_context(),
            follow_redirects=False,
        )

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self._client.close()

    def start_transcription(
        self,
        path: str,
        audio_format: str,
        fields: dict[str, str | list[str]],
        *,
        read_timeout_s: float,
    ) -> Exchange:
        """Start sending one piece; the answer (or the httpx error) lands in the Exchange."""
        stop = threading.Event()
        upload = _Upload(path, stop)
        name, content_type = CONTENT_TYPES.get(audio_format, ("audio.bin", "audio/*"))
        timeout = httpx.Timeout(
            self.connect_timeout_s,
            read=read_timeout_s,
            write=WRITE_TIMEOUT_S,
            pool=read_timeout_s,
        )

        def run() -> Answer:
            started = time.monotonic()
            response = self._client.post(
                self.url(TRANSCRIPTIONS),
                data=fields,
                files={"file": (name, upload, content_type)},
                timeout=timeout,
            )
            return Answer(
                response.status_code,
                dict(response.headers),
                response.content,
                time.monotonic() - started,
            )

        return Exchange(run, upload, stop)

    def get(self, path: str, *, timeout_s: float = 15.0) -> Answer:
        """A short GET (the model list); raises httpx errors."""
        started = time.monotonic()
        response = self._client.get(
            self.url(path), timeout=httpx.Timeout(self.connect_timeout_s, read=timeout_s)
        )
        return Answer(
            response.status_code,
            dict(response.headers),
            response.content,
            time.monotonic() - started,
        )
