"""Where the API keys live (SpeechKit's; the organisation server's): the OS keyring, never the
database or settings.

Where the OS offers no real keyring (headless Linux, some desktops), a key can be kept in a
file readable only by the user, with a plain warning, or for this run only. Each key is one
:class:`SecretKind` (keyring account, environment variable, file name); ``SecretStore.of``
gives the store of another kind beside the same config folder.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.errors
import platformdirs

SERVICE = "kzdesk"
ACCOUNT = "speechkit-api-key"
ENV_KEY = "KZDESK_SPEECHKIT_API_KEY"
FALLBACK_FILE = "speechkit.key"


@dataclass(frozen=True)
class SecretKind:
    account: str  # the keyring entry (service "kzdesk")
    env: str  # the environment variable that overrides it for scripts
    file: str  # the user-only file in the config folder where no keyring exists


SPEECHKIT = SecretKind(ACCOUNT, ENV_KEY, FALLBACK_FILE)
SERVER = SecretKind("server-api-key", "KZDESK_SERVER_API_KEY", "server.key")

log = logging.getLogger(__name__)


def keyring_available() -> bool:
    """True when a real keyring (Secret Service, Keychain, Credential Locker) is active."""
    try:
        backend = keyring.get_keyring()
        return float(getattr(backend, "priority", 0)) >= 1
    except Exception:
        return False


class SecretStore:
    def __init__(self, config_dir: str | Path | None = None, kind: SecretKind = SPEECHKIT) -> None:
        self.config_dir = Path(
            config_dir or platformdirs.user_config_dir("kzdesk", appauthor=False)
        )
        self.kind = kind
        self._session_key: str | None = None
        self._others: dict[SecretKind, SecretStore] = {kind: self}

    def of(self, kind: SecretKind) -> SecretStore:
        """The store of another key beside this one (one per kind, so a key kept for this
        session only stays)."""
        store = self._others.get(kind)
        if store is None:
            store = SecretStore(self.config_dir, kind)
            store._others = self._others
            self._others[kind] = store
        return store

    @property
    def fallback_path(self) -> Path:
        return self.config_dir / self.kind.file

    def api_key(self) -> str | None:
        """Environment (for scripts) > this run > keyring > the user-only file."""
        for candidate in (os.environ.get(self.kind.env), self._session_key):
            if candidate:
                return candidate.strip()
        if keyring_available():
            try:
                key = keyring.get_password(SERVICE, self.kind.account)
            except keyring.errors.KeyringError:
                log.warning("the keyring could not be read")
                key = None
            if key:
                return key
        with contextlib.suppress(OSError):
            key = self.fallback_path.read_text(encoding="utf-8").strip()
            return key or None
        return None

    def set_api_key(self, key: str, *, where: str = "keyring") -> str:
        """Store the key. ``where``: "keyring", "file" (user-only, not encrypted) or "session".

        Returns where it went; "keyring" falls back to raising when no keyring exists, so the
        caller can ask the user."""
        key = key.strip()
        if where == "session":
            self.delete_api_key()  # "this run only": no older copy may come back next start
            self._session_key = key
            return "session"
        if where == "keyring":
            if not keyring_available():
                raise keyring.errors.NoKeyringError("no system keyring is available")
            keyring.set_password(SERVICE, self.kind.account, key)
            self._session_key = None
            with contextlib.suppress(OSError):
                self.fallback_path.unlink()  # the keyring now holds it: no clear-text copy
            return "keyring"
        self._session_key = None
        self._write_file(self.fallback_path, key)
        return "file"

    def adopt_key_file(self, data_dir: str | Path) -> None:
        """Older versions kept the key file inside a data folder given with ``--data-dir``.
        Move it to the user's config folder (user-only); no copy stays in the data folder,
        which may be shared or copied. A different key already there wins; the old one is
        kept beside it as ``speechkit.key.previous``."""
        old = Path(data_dir) / self.kind.file
        try:
            if not old.is_file() or old.resolve() == self.fallback_path.resolve():
                return
            key = old.read_text(encoding="utf-8").strip()
            current: str | None = None
            with contextlib.suppress(FileNotFoundError):
                current = self.fallback_path.read_text(encoding="utf-8").strip()
            if key and not current:
                self._write_file(self.fallback_path, key)
            elif key and key != current:
                self._write_file(self.fallback_path.with_name(f"{self.kind.file}.previous"), key)
                log.warning("a different key file was found in the data folder; kept aside")
            old.unlink()
            log.info("moved the SpeechKit key file out of the data folder")
        except OSError:
            log.warning("could not move the key file out of %s", data_dir, exc_info=True)

    def _write_file(self, path: Path, key: str) -> None:
        self.config_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(key)
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)

    def delete_api_key(self) -> None:
        self._session_key = None
        if keyring_available():
            with contextlib.suppress(keyring.errors.KeyringError):
                keyring.delete_password(SERVICE, self.kind.account)
        with contextlib.suppress(OSError):
            self.fallback_path.unlink()
