"""A small OpenAI-compatible transcription server for fault tests (stdlib http.server on
127.0.0.1): each request takes the next scripted answer (a status with a body and headers, a
stall, a block until released) and is recorded with its form fields and audio."""

from __future__ import annotations

import email.parser
import email.policy
import json
import ssl
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    fields: dict[str, list[str]]
    file_name: str = ""
    file_type: str = ""
    audio: bytes = b""


@dataclass
class Answer:
    status: int = 200
    body: Any = None  # dict/list -> JSON; bytes/str as they are; None -> a default reply
    headers: dict[str, str] = field(default_factory=dict)
    stall: bool = False  # never answer (until the stub stops)
    hold: threading.Event | None = None  # answer once this is set
    close: bool = False  # drop the connection without an answer


def verbose(
    text: str = "hello there",
    *,
    start: float = 0.0,
    end: float = 1.0,
    words: bool = True,
    probability: float | None = 0.9,
    language: str = "english",
) -> dict[str, Any]:
    """A verbose_json reply with one segment (and its words spread over it)."""
    reply: dict[str, Any] = {
        "task": "transcribe",
        "language": language,
        "duration": end,
        "text": text,
        "segments": [{"id": 0, "start": start, "end": end, "text": " " + text}],
    }
    if words:
        parts = text.split()
        step = (end - start) / max(len(parts), 1)
        reply["words"] = [
            {"word": w, "start": start + i * step, "end": start + (i + 1) * step}
            | ({"probability": probability} if probability is not None else {})
            for i, w in enumerate(parts)
        ]
    return reply


class Stub:
    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.script: deque[Answer] = deque()
        self.default: Callable[[Received], Answer] = lambda r: Answer(body=verbose())
        self.models: list[str] | None = None  # GET /v1/models answers these (None: 404)
        self.received: list[Received] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        if tls is not None:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        scheme = "https" if tls is not None else "http"
        self.url = f"{scheme}://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def then(self, *answers: Answer) -> Stub:
        self.script.extend(answers)
        return self

    def transcriptions(self) -> list[Received]:
        return [r for r in self.received if r.path.endswith("/audio/transcriptions")]

    def wait_for_requests(self, count: int, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.transcriptions()) >= count:
                return
            time.sleep(0.01)
        raise AssertionError(f"fewer than {count} requests in {timeout} s")

    def stop(self) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()

    def _next(self, received: Received) -> Answer:
        with self.lock:
            if self.script:
                return self.script.popleft()
        return self.default(received)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                stub.received.append(Received(self.path, dict(self.headers), {}))
                if self.path == "/v1/models" and stub.models is not None:
                    data = {"object": "list", "data": [{"id": m} for m in stub.models]}
                    self._send(Answer(body=data))
                else:
                    self._send(Answer(404, {"detail": "Not Found"}))

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                received = _parse(self.path, dict(self.headers), body)
                stub.received.append(received)
                answer = stub._next(received)
                with stub.lock:
                    stub.in_flight += 1
                    stub.most_in_flight = max(stub.most_in_flight, stub.in_flight)
                try:
                    if answer.stall:
                        stub.stopping.wait(120)
                        return
                    if answer.hold is not None:
                        answer.hold.wait(60)
                    if answer.close:
                        self.close_connection = True
                        return
                    self._send(answer)
                finally:
                    with stub.lock:
                        stub.in_flight -= 1

            def _send(self, answer: Answer) -> None:
                body = answer.body if answer.body is not None else verbose()
                if isinstance(body, dict | list):
                    data = json.dumps(body).encode("utf-8")
                    kind = "application/json"
                else:
                    data = body.encode("utf-8") if isinstance(body, str) else body
                    kind = "text/html"
                self.send_response(answer.status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

        return Handler


def _parse(path: str, headers: dict[str, str], body: bytes) -> Received:
    received = Received(path, headers, {})
    kind = headers.get("Content-Type", "")
    if not kind.startswith("multipart/form-data"):
        return received
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {kind}\r\n\r\n".encode() + body
    )
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True) or b""
        filename = part.get_filename()
        if filename:
            received.file_name = filename
            received.file_type = part.get_content_type()
            received.audio = payload
        elif name:
            received.fields.setdefault(str(name), []).append(payload.decode("utf-8"))
    return received
