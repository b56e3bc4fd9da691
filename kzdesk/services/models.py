"""Whisper models for the offline engine: the catalogue, what is installed, download, delete.

Models live in the Hugging Face cache layout (``models--Org--name/blobs|snapshots|refs``)
inside kzdesk's own cache folder, so huggingface_hub downloads, resumes and verifies them.
A model can also be any local CTranslate2 folder (``model.bin`` + ``config.json`` + tokenizer)
or any hub id (``Org/name``) of a CTranslate2 Whisper conversion. Qt-free: progress leaves
through a callback, cancellation arrives as a flag.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from kzdesk.core.engine import EngineError, FailureKind
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.storage.db import APP_NAME

log = logging.getLogger(__name__)

ENV_MODELS_DIR = "KZDESK_MODELS_DIR"

# name -> (hub id, approximate download size in MB); the order is the one shown to the user
CATALOGUE: dict[str, tuple[str, int]] = {
    "tiny": ("Systran/faster-whisper-tiny", 75),
    "base": ("Systran/faster-whisper-base", 145),
    "small": ("Systran/faster-whisper-small", 484),
    "medium": ("Systran/faster-whisper-medium", 1530),
    "large-v3-turbo": ("mobiuslabsgmbh/faster-whisper-large-v3-turbo", 1620),
}
# what faster-whisper needs from a repository (no PyTorch or ONNX copies)
ALLOW_PATTERNS = [
    "config.json",
    "preprocessor_config.json",
    "model.bin",
    "tokenizer.json",
    "vocabulary.*",
]

ProgressFn = Callable[[int, int], None]  # (bytes done, bytes in all; 0 = not known yet)
CancelFn = Callable[[], bool]


class ModelError(Exception):
    """A model problem with a sentence for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DownloadCancelled(Exception):
    pass


def offline_sentence(name: str) -> str:
    return QT_TRANSLATE_NOOP(
        "Messages",
        "The Whisper model “{name}” is not on this computer and cannot be downloaded now: "
        "there is no connection to the internet (or to huggingface.co). Connect and download "
        "it in Settings → Offline engine, or choose a model folder that is on this computer.",
    ).format(name=name)


def default_models_dir() -> Path:
    env = os.environ.get(ENV_MODELS_DIR)
    if env:
        return Path(env)
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "models"


def repo_for(name: str) -> str | None:
    """The hub id for a catalogue name or ``Org/name``; None for a local folder."""
    if name in CATALOGUE:
        return CATALOGUE[name][0]
    if is_model_folder(name):
        return None
    if "/" in name and not os.path.isabs(name) and name.count("/") == 1:
        return name
    return None


def is_model_folder(path: str | Path) -> bool:
    folder = Path(path).expanduser()
    return (folder / "model.bin").is_file() and (folder / "config.json").is_file()


def display_name(repo_id: str) -> str:
    for name, (repo, _size) in CATALOGUE.items():
        if repo == repo_id:
            return name
    return repo_id


def _repo_dir(models_dir: Path, repo_id: str) -> Path:
    return Path(models_dir) / ("models--" + repo_id.replace("/", "--"))


def _snapshot(repo_dir: Path) -> Path | None:
    """The complete snapshot of a cached repository (the one refs/main names, else any)."""
    snapshots = repo_dir / "snapshots"
    candidates: list[Path] = []
    ref = repo_dir / "refs" / "main"
    if ref.is_file():
        candidates.append(snapshots / ref.read_text(encoding="utf-8").strip())
    if snapshots.is_dir():
        candidates += sorted(p for p in snapshots.iterdir() if p.is_dir())
    return next((c for c in candidates if is_model_folder(c)), None)


def local_model_path(name: str, models_dir: Path | None = None) -> Path | None:
    """Where the model is on this computer, or None when it must be downloaded first."""
    if is_model_folder(name):
        return Path(name).expanduser()
    repo = repo_for(name)
    if repo is None:
        return None
    return _snapshot(_repo_dir(models_dir or default_models_dir(), repo))


def describe_missing(name: str) -> str | None:
    """A sentence when ``name`` can never work (not a size, a hub id or a model folder)."""
    if repo_for(name) is not None or is_model_folder(name):
        return None
    if os.path.isdir(os.path.expanduser(name)):
        return QT_TRANSLATE_NOOP(
            "Messages",
            "The folder “{name}” holds no Whisper model for faster-whisper (model.bin and "
            "config.json are missing). Choose a CTranslate2 model folder.",
        ).format(name=name)
    sizes = ", ".join(CATALOGUE)
    return QT_TRANSLATE_NOOP(
        "Messages",
        "“{name}” is not a Whisper model kzdesk knows. Choose one of {sizes}, a model "
        "folder on this computer or a Hugging Face id like Org/name.",
    ).format(name=name, sizes=sizes)


@dataclass(frozen=True)
class InstalledModel:
    name: str  # "base", or the hub id
    repo_id: str
    path: Path  # the snapshot folder faster-whisper loads
    size_bytes: int


def installed_models(models_dir: Path | None = None) -> list[InstalledModel]:
    """Complete models in the cache folder, catalogue sizes first, with their size on disk."""
    root = Path(models_dir or default_models_dir())
    found: list[InstalledModel] = []
    if not root.is_dir():
        return found
    for repo_dir in sorted(root.glob("models--*")):
        snapshot = _snapshot(repo_dir)
        if snapshot is None:
            continue
        repo_id = repo_dir.name[len("models--") :].replace("--", "/")
        found.append(
            InstalledModel(
                name=display_name(repo_id),
                repo_id=repo_id,
                path=snapshot,
                size_bytes=_size_on_disk(repo_dir),
            )
        )
    order = list(CATALOGUE)
    found.sort(key=lambda m: (order.index(m.name) if m.name in order else len(order), m.name))
    return found


def _size_on_disk(repo_dir: Path) -> int:
    """The model's files: the blobs where the cache links to them, else the snapshot copies
    (Windows without symlinks); unfinished downloads do not count."""
    total = 0
    for path in repo_dir.rglob("*"):
        if "refs" in path.relative_to(repo_dir).parts or path.name.endswith(".incomplete"):
            continue
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


def delete_model(name: str, models_dir: Path | None = None) -> bool:
    """Remove a downloaded model (never a user's own folder); False when it was not there."""
    repo = repo_for(name) if "/" in name or name in CATALOGUE else None
    if repo is None:
        return False
    repo_dir = _repo_dir(models_dir or default_models_dir(), repo)
    if not repo_dir.exists():
        return False
    shutil.rmtree(repo_dir)
    return True


def format_size(size_bytes: int) -> str:
    if size_bytes >= 1_000_000_000:
        return f"{size_bytes / 1_000_000_000:.1f} GB"
    return f"{size_bytes / 1_000_000:.0f} MB"


def download(
    name: str,
    models_dir: Path | None = None,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> Path:
    """Fetch a model into the cache (resuming a partial download); return its folder.

    Raises ModelError with a sentence (offline, unknown model, disk full) or
    DownloadCancelled. The check for cancellation runs on every received chunk."""
    existing = local_model_path(name, models_dir)
    if existing is not None:
        return existing
    problem = describe_missing(name)
    if problem is not None:
        raise ModelError(problem)
    repo = repo_for(name)
    assert repo is not None
    root = Path(models_dir or default_models_dir())
    root.mkdir(parents=True, exist_ok=True)

    import huggingface_hub
    from huggingface_hub import errors as hf_errors

    bar = _progress_class(progress, cancelled)
    try:
        path = huggingface_hub.snapshot_download(
            repo, cache_dir=str(root), allow_patterns=ALLOW_PATTERNS, tqdm_class=bar
        )
    except DownloadCancelled:
        raise
    except hf_errors.RepositoryNotFoundError as exc:
        raise ModelError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "There is no model “{name}” on Hugging Face (or it is private). Check the name.",
            ).format(name=name)
        ) from exc
    except (hf_errors.LocalEntryNotFoundError, hf_errors.OfflineModeIsEnabled) as exc:
        raise ModelError(offline_sentence(name)) from exc
    except hf_errors.HfHubHTTPError as exc:
        log.warning("model download failed: %s", exc)
        raise ModelError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Hugging Face refused the download of “{name}”. Try again later, or choose a "
                "model folder that is on this computer.",
            ).format(name=name)
        ) from exc
    except OSError as exc:
        if _is_connection_error(exc):
            raise ModelError(offline_sentence(name)) from exc
        raise ModelError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The model “{name}” could not be saved in “{folder}” ({reason}). "
                "Free some disk space or check the folder's permissions.",
            ).format(name=name, folder=root, reason=exc.strerror or exc)
        ) from exc
    except Exception as exc:
        if _is_connection_error(exc):
            raise ModelError(offline_sentence(name)) from exc
        raise
    if cancelled is not None and cancelled():
        raise DownloadCancelled()
    if not is_model_folder(path):
        raise ModelError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "“{name}” on Hugging Face is not a CTranslate2 Whisper model (model.bin is "
                "missing). Choose a faster-whisper conversion.",
            ).format(name=name)
        )
    return Path(path)


def _is_connection_error(exc: BaseException) -> bool:
    names = {c.__name__ for c in type(exc).__mro__}
    return bool(names & {"ConnectError", "ConnectionError", "ConnectTimeout", "TimeoutException"})


def _progress_class(progress: ProgressFn | None, cancelled: CancelFn | None) -> type[Any]:
    """A tqdm stand-in for snapshot_download: reports bytes and stops on cancel.

    snapshot_download sums every file's bytes into one bar (and counts files in another, whose
    unit is not "B"); each chunk updates the bar from the downloading thread."""
    from tqdm.auto import tqdm

    class Progress(tqdm):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.pop("name", None)
            kwargs["disable"] = True
            # one byte bar counts what is written ("Reconstructing…"), the other what is
            # received over Xet ("Downloading bytes"): follow the first, as it sees every file
            self._bytes = kwargs.get("unit") == "B" and "Downloading" not in str(
                kwargs.get("desc", "")
            )
            self._done = int(kwargs.get("initial") or 0)
            super().__init__(*args, **kwargs)

        def update(self, n: float | None = 1) -> bool | None:
            if cancelled is not None and cancelled():
                raise DownloadCancelled()
            if self._bytes:
                self._done += int(n or 0)
                if progress is not None:
                    progress(self._done, int(self.total or 0))
            return None

    return Progress


def locator(
    name: str, models_dir: Path | None = None, *, allow_download: bool = True
) -> Callable[[ProgressFn, CancelFn], Path]:
    """What the offline engine calls at the start of each piece: the model's folder, downloaded
    first where it is missing (with progress and cancel); EngineError with a sentence when
    that is impossible, so the job fails at once instead of hanging."""

    def locate(progress: ProgressFn, cancelled: CancelFn) -> Path:
        found = local_model_path(name, models_dir)
        if found is not None:
            return found
        problem = describe_missing(name)
        if problem is not None:
            raise EngineError(FailureKind.MODEL, problem)
        if not allow_download:
            raise EngineError(FailureKind.MODEL, offline_sentence(name))
        try:
            return download(name, models_dir, progress=progress, cancelled=cancelled)
        except DownloadCancelled as exc:
            raise EngineError(
                FailureKind.CANCELLED,
                QT_TRANSLATE_NOOP("Messages", "The download of the Whisper model was cancelled."),
            ) from exc
        except ModelError as exc:
            raise EngineError(FailureKind.MODEL, exc.message) from exc

    return locate
