"""Smoke test of the one-folder bundle: build it from build.spec once, then run the frozen
executable the way users do — ``--version``, a headless transcription against the SpeechKit
emulator (gRPC, protobuf, python-docx templates, lxml, ffmpeg must all be in the bundle), and
the window, offscreen, for a few seconds.

The emulator runs in this test process (the checkout's Python), never from the bundle.
``KZDESK_BUNDLE_DIR=dist/kzdesk`` tests an existing build (``make bundle``) instead of building.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kzdesk import __version__
from tests.media import bursts_file

ROOT = Path(__file__).resolve().parents[2]
EXE_NAME = "kzdesk-cli.exe" if sys.platform == "win32" else "kzdesk"
BUILD_TIMEOUT_S = 1500

pytestmark = [pytest.mark.slow, pytest.mark.timeout(BUILD_TIMEOUT_S + 300)]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The bundle folder (dist/kzdesk), built once for this module."""
    existing = os.environ.get("KZDESK_BUNDLE_DIR")
    if existing:
        yield Path(existing).resolve()
        return
    pytest.importorskip("PyInstaller", reason="PyInstaller builds the bundle (pip install .[dev])")
    base = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(base / "dist"), "--workpath", str(base / "work"), "build.spec"],
        cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-6000:]
    print(f"bundle built in {time.monotonic() - started:.0f} s")
    yield base / "dist" / "kzdesk"
    shutil.rmtree(base, ignore_errors=True)  # about 800 MB


@pytest.fixture
def frozen_env(tmp_path: Path) -> dict[str, str]:
    """An environment that keeps the frozen app away from the checkout and the user's files."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "KZDESK_"))}
    home = tmp_path / "home"
    env.update(
        KZDESK_DATA_DIR=str(tmp_path / "data"),
        KZDESK_POLL_INTERVAL_S="0.05",
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        TMPDIR=str(tmp_path),  # the single-instance socket lives here: no clash with others
    )
    return env


def run_frozen(bundle: Path, args: list[str], env: dict[str, str], cwd: Path, timeout: float = 180):
    return subprocess.run(
        [str(bundle / EXE_NAME), *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip


def _internal(bundle: Path) -> Path:
    return bundle / "_internal"


def test_version(bundle: Path, frozen_env: dict[str, str], tmp_path: Path) -> None:
    run = run_frozen(bundle, ["--version"], frozen_env, tmp_path, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"kzdesk {__version__}"


def test_layout(bundle: Path) -> None:
    inside = _internal(bundle)
    ffmpeg = inside / "ffmpeg" / ("ffmpeg.exe" if sys.platform == "win32" else "ffmpeg")
    version = subprocess.run([str(ffmpeg), "-version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("ffmpeg version")
    assert not list(inside.glob("imageio_ffmpeg/binaries/ffmpeg-*")), "ffmpeg is bundled twice"
    assert (inside / "resources" / "icons" / "kzdesk.svg").is_file()
    for shipped in (ROOT / "resources" / "models").glob("*.onnx"):  # the speaker models
        copy = inside / "resources" / "models" / shipped.name
        assert copy.is_file() and copy.stat().st_size == shipped.stat().st_size
    assert not list((inside / "resources").rglob("README*"))
    licenses = inside / "licenses"
    assert (licenses / "README.txt").is_file()
    assert (licenses / "Qt" / "NOTICE.txt").is_file()
    assert (licenses / "FFmpeg" / "NOTICE.txt").is_file()
    for model in ("segmentation-3.0", "campplus-zh-en"):  # provenance and licence of each model
        assert (licenses / "models" / f"{model}.txt").is_file(), model
    for dist in ("python-docx", "grpcio", "protobuf", "lxml", "numpy", "ctranslate2"):
        assert list(licenses.glob(f"{dist}-*")), dist
    assert (inside / "faster_whisper" / "assets").is_dir()  # the Silero VAD model
    # spelling: the dictionaries, Hunspell beside chunspell's module, and their notices
    for name in ("kk_KZ", "ru_RU", "en_US"):
        for suffix in (".aff", ".dic"):
            shipped = ROOT / "resources" / "dictionaries" / f"{name}{suffix}"
            bundled = inside / "resources" / "dictionaries" / f"{name}{suffix}"
            assert bundled.read_bytes() == shipped.read_bytes(), name
    assert list(inside.rglob("libhunspell*")) or sys.platform == "win32"
    assert (licenses / "Hunspell" / "NOTICE.txt").is_file()
    assert "ru_RU" in (licenses / "Hunspell-dictionaries" / "NOTICE.txt").read_text("utf-8")
    assert list(licenses.glob("chunspell-*"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="plugin names are Linux ones")
def test_qt_plugins_and_libraries(bundle: Path) -> None:
    qt = _internal(bundle) / "PySide6" / "Qt"
    plugins = qt / "plugins"
    for plugin in (
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "platforms/libqoffscreen.so",
        "multimedia/libffmpegmediaplugin.so",  # the editor's player
        "imageformats/libqsvg.so",
        "iconengines/libqsvgicon.so",
    ):
        assert (plugins / plugin).is_file(), plugin
    libraries = {p.name.split(".so")[0] for p in (qt / "lib").iterdir()}
    for unused in ("libQt6WebEngineCore", "libQt6Pdf", "libQt63DCore", "libQt6Charts"):
        assert unused not in libraries, unused
    # Every Qt plugin finds the Qt and FFmpeg libraries it links against inside the bundle.
    if shutil.which("ldd"):
        missing = set()
        for plugin in plugins.rglob("*.so"):
            out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
            missing |= {
                line.split()[0]
                for line in out.splitlines()
                if "not found" in line and line.split()[0].startswith(("libQt6", "libav", "libsw"))
            }
        assert not missing, missing


def test_bundled_modules(bundle: Path) -> None:
    """What the frozen app can import: the offline engine's stack is in, test and unused heavy
    packages are out (read from the executable's module archive)."""
    from PyInstaller.archive.readers import CArchiveReader

    exe = bundle / EXE_NAME
    modules = set(CArchiveReader(str(exe)).open_embedded_archive("PYZ.pyz").toc)
    extensions = {p.name.split(".")[0] for p in _internal(bundle).rglob("*.so")} | {
        p.name.split(".")[0] for p in _internal(bundle).rglob("*.pyd")
    }
    for wanted in (
        "kzdesk.cli",
        "kzdesk.engines.speechkit",
        "kzdesk.engines.whisper_worker",
        "yandex_ai_studio_sdk",
        "grpc.aio",
        "google.protobuf",
        "docx",
        "faster_whisper.transcribe",
        "ctranslate2",
        "onnxruntime",
        "av",
        "tokenizers",
        "huggingface_hub._snapshot_download",
        "keyring.backends.SecretService",
        "numpy",
        "kzdesk.services.spelling",
    ):
        assert wanted in modules, wanted
    assert "etree" in extensions  # lxml
    assert "hunspell" in extensions  # chunspell's compiled module
    for unwanted in (
        "tests",
        "pytest",
        "hypothesis",
        "librosa",
        "numba",
        "sklearn",
        "scipy",
        "torch",
    ):
        assert not any(m == unwanted or m.startswith(unwanted + ".") for m in modules), unwanted
    assert not (_internal(bundle) / "tests").exists()


def test_headless_transcription(
    bundle: Path, frozen_env: dict[str, str], tmp_path: Path, speechkit_emulator
) -> None:
    recording = bursts_file(tmp_path / "Жиналыс 1.mp3", [(0.5, 1.0), (2.5, 1.0)], 4.0)
    out = tmp_path / "out"
    env = dict(
        frozen_env,
        KZDESK_SPEECHKIT_ENDPOINT=speechkit_emulator.endpoint,
        KZDESK_SPEECHKIT_API_KEY=speechkit_emulator.api_key,
    )
    run = run_frozen(
        bundle,
        ["transcribe", str(recording), "--export", "docx,srt", "--out", str(out)],
        env,
        tmp_path,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    docx_path, srt_path = out / "Жиналыс 1.docx", out / "Жиналыс 1.srt"
    assert str(docx_path) in run.stdout and str(srt_path) in run.stdout

    from docx import Document

    doc = Document(str(docx_path))
    assert any(p.text.strip() for p in doc.paragraphs)
    srt = srt_path.read_text(encoding="utf-8")
    assert "-->" in srt and srt.lstrip("\ufeff").startswith("1")
    log = (tmp_path / "data" / "logs" / "kzdesk.log").read_text(encoding="utf-8")
    assert "Traceback" not in log


def test_diarize_runs_the_speaker_models_in_a_frozen_child(
    bundle: Path, frozen_env: dict[str, str], tmp_path: Path
) -> None:
    """`kzdesk diarize` spawns the frozen executable as the diarization child, which loads the
    bundled ONNX models with onnxruntime (no torch anywhere)."""
    out = tmp_path / "rttm"
    recording = ROOT / "tests" / "data" / "real" / "dev00.flac"
    run = run_frozen(
        bundle,
        ["diarize", str(recording), "--speakers", "2", "--rttm", str(out)],
        frozen_env,
        tmp_path,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    lines = (out / "dev00.rttm").read_text(encoding="utf-8").splitlines()
    assert {line.split()[7] for line in lines} == {"speaker1", "speaker2"}
    assert "dev00.flac: 2 speaker(s)" in run.stderr


def test_window_starts_offscreen(bundle: Path, frozen_env: dict[str, str], tmp_path: Path) -> None:
    exe = bundle / ("kzdesk.exe" if sys.platform == "win32" else "kzdesk")
    proc = subprocess.Popen(
        [str(exe)], cwd=tmp_path, env=frozen_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    log_file = tmp_path / "data" / "logs" / "kzdesk.log"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if log_file.exists() and "starting" in log_file.read_text(encoding="utf-8"):
                break
            time.sleep(0.2)
        time.sleep(4)  # the window is up: let timers, the dispatcher and models run a while
        assert proc.poll() is None, "the window closed by itself"
    finally:
        proc.terminate()
        try:
            stdout, stderr = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            stdout, stderr = proc.communicate()
    log = log_file.read_text(encoding="utf-8")
    assert f"kzdesk {__version__} starting" in log
    bad = [line for line in log.splitlines() if " ERROR " in line or " CRITICAL " in line]
    assert not bad, "\n".join(bad)
    assert "Traceback" not in log and "Traceback" not in stderr, stderr
    for problem in ("Could not load the Qt platform plugin", "Cannot load library", "ImportError"):
        assert problem not in stderr, stderr


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng speaks the test audio")
def test_offline_engine_runs_in_a_frozen_worker_process(
    bundle: Path, frozen_env: dict[str, str], tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """The Whisper engine's spawn child is the frozen executable again: this fails without
    multiprocessing.freeze_support() or with a module of the offline stack missing."""
    from tests.whisper_weights import build_whisper_base, concat_wav, espeak_wav

    model = build_whisper_base(request.config.cache.mkdir("whisper-base"))
    speech = espeak_wav(tmp_path / "s.wav", "The quick brown fox jumps over the lazy dog.")
    recording = concat_wav(tmp_path / "fox.wav", [0.5, speech, 0.5])
    for name, value in (("engine", "whisper"), ("whisper_model", str(model))):
        config = run_frozen(bundle, ["config", name, value], frozen_env, tmp_path, timeout=60)
        assert config.returncode == 0, config.stderr
    config = run_frozen(bundle, ["config", "whisper_device", "cpu"], frozen_env, tmp_path, 60)
    assert config.returncode == 0, config.stderr
    out = tmp_path / "out"
    run = run_frozen(
        bundle,
        ["transcribe", str(recording), "--export", "txt", "--out", str(out)],
        frozen_env,
        tmp_path,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    text = (out / "fox.txt").read_text(encoding="utf-8").lower()
    assert "fox" in text or "dog" in text, text
