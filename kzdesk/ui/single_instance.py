"""One kzdesk at a time: a second launch hands its files to the first one and quits.

The first instance listens on a QLocalServer (a Unix socket or a Windows named pipe) whose
name is derived from the key and the user name, so two users on one computer do not meet.
A second instance connects, sends the absolute paths it was given as one JSON line, waits
briefly for an acknowledgement and reports that it is not the primary one.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import sys
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 500
REPLY_TIMEOUT_MS = 2000
ACK = b"ok\n"
_MAX_MESSAGE_BYTES = 4 * 1024 * 1024


def server_name(key: str) -> str:
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment (rare, some sandboxes)
        user = "user"
    digest = hashlib.sha256(f"{key}\0{user}".encode()).hexdigest()[:16]
    safe = "".join(c for c in key if c.isalnum() or c in "-_") or "app"
    return f"{safe}-{digest}"


def paths_from_argv(argv: Iterable[str]) -> list[str]:
    """The arguments that name existing files or folders, made absolute (the first
    instance runs in another working directory)."""
    found = []
    for arg in argv:
        if arg.startswith("-"):
            continue
        path = Path(arg)
        try:
            if path.exists():
                found.append(str(path.resolve()))
        except OSError:
            continue
    return found


class SingleInstance(QObject):
    activation_requested = Signal(list)  # file paths from a second launch (maybe empty)

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.name = server_name(key)
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}
        self.primary_answered = False  # in a second instance: the first one acknowledged

    # ---- public -------------------------------------------------------------------------------
    def is_primary(self, paths: Iterable[str] | None = None) -> bool:
        """True when this is the only instance (it now listens for later launches).

        Otherwise sends ``paths`` (default: existing paths in ``sys.argv[1:]``) to the running
        instance and returns False. Idempotent once primary."""
        if self._server is not None:
            return True
        sent = list(paths) if paths is not None else paths_from_argv(sys.argv[1:])
        if self._send(sent):
            return False
        if self._listen():
            return True
        # Someone else won the race between our connect and our listen; try them once more.
        if self._send(sent):
            return False
        # A socket file left by a crashed instance: nobody answers on it.
        QLocalServer.removeServer(self.name)
        if self._listen():
            return True
        log.warning("single-instance server could not listen on %s; continuing anyway", self.name)
        return True

    def close(self) -> None:
        """Stop listening (at exit, and in tests)."""
        for socket in list(self._buffers):
            self._drop(socket)
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    # ---- second instance ----------------------------------------------------------------------
    def _send(self, paths: list[str]) -> bool:
        socket = QLocalSocket(self)
        try:
            socket.connectToServer(self.name)
            if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
                return False
            message = json.dumps({"paths": paths}, ensure_ascii=False).encode("utf-8") + b"\n"
            socket.write(message)
            socket.waitForBytesWritten(REPLY_TIMEOUT_MS)
            reply = bytearray()
            while ACK not in reply and socket.waitForReadyRead(REPLY_TIMEOUT_MS):
                reply += bytes(socket.readAll().data())
            self.primary_answered = ACK in reply
            if not self.primary_answered:
                log.warning("the running kzdesk did not answer; it may be busy or hung")
            socket.disconnectFromServer()
            return True
        finally:
            socket.abort()
            socket.deleteLater()

    # ---- first instance -----------------------------------------------------------------------
    def _listen(self) -> bool:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.info("cannot listen on %s: %s", self.name, server.errorString())
            server.deleteLater()
            return False
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        return True

    @Slot()
    def _on_new_connection(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            # Bound slots (receiver = self), not lambdas: Qt drops them before tearing us down.
            socket.readyRead.connect(self._on_ready_read)
            socket.disconnected.connect(self._on_disconnected)
            if socket.bytesAvailable():
                self._read(socket)

    @Slot()
    def _on_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    @Slot()
    def _on_disconnected(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            if socket.bytesAvailable():
                self._read(socket)  # the sender may hang up before we read
            self._drop(socket)

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer += bytes(socket.readAll().data())
        if len(buffer) > _MAX_MESSAGE_BYTES:
            log.warning("ignoring an oversized message from another kzdesk")
            self._drop(socket)
            return
        if b"\n" not in buffer:
            return
        line = bytes(buffer.split(b"\n", 1)[0])
        self._buffers[socket] = bytearray()
        try:
            payload = json.loads(line.decode("utf-8"))
            paths = [str(p) for p in payload.get("paths", [])]
        except (ValueError, AttributeError, TypeError):
            log.warning("ignoring a malformed message from another kzdesk")
            self._drop(socket)
            return
        if socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
            socket.write(ACK)
            socket.flush()
        self.activation_requested.emit(paths)

    def _drop(self, socket: QLocalSocket) -> None:
        if self._buffers.pop(socket, None) is None:
            return
        socket.readyRead.disconnect(self._on_ready_read)
        socket.disconnected.disconnect(self._on_disconnected)
        socket.abort()
        socket.deleteLater()
