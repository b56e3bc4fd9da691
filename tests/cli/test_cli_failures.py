"""Broken data folders, a full disk, pipes, missing paths, an unknown SpeechKit host: the CLI
answers each with sentences and a non-zero exit, never a traceback, and deletes nothing."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import ROOT, kzdesk
from tests.disks import fill, tmpfs
from tests.media import bursts_file

EXIT_DATA_FOLDER = 3


@pytest.fixture
def env(tmp_path: Path, speechkit_emulator) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("KZDESK_DATA_DIR", None)
    env.update(
        KZDESK_SPEECHKIT_ENDPOINT=speechkit_emulator.endpoint,
        KZDESK_SPEECHKIT_API_KEY=speechkit_emulator.api_key,
        KZDESK_POLL_INTERVAL_S="0.05",
        PYTHONPATH=str(ROOT),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    return env


def _assert_one_sentence(r: subprocess.CompletedProcess[str], *parts: str) -> None:
    assert r.returncode == EXIT_DATA_FOLDER, r.stderr
    assert "Traceback" not in r.stderr and "Logging error" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    for part in parts:
        assert part in lines[0]


def _make_queue(folder: Path, env: dict[str, str]) -> Path:
    r = kzdesk(["--data-dir", str(folder), "config", "price_per_minute", "1"], env)
    assert r.returncode == 0, r.stderr
    return folder / "kzdesk.sqlite3"


def test_a_file_as_the_data_folder(env, tmp_path: Path) -> None:
    path = tmp_path / "data"
    path.write_text("mine")
    for command in (["jobs"], ["transcribe", str(tmp_path)], ["reset-queue"]):
        r = kzdesk(["--data-dir", str(path), *command], env)
        _assert_one_sentence(r, f"The data folder {path} is a file, not a folder.")
    assert path.read_text() == "mine"


def test_a_damaged_queue_then_reset_queue(env, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    database = _make_queue(folder, env)
    database.write_bytes(b"this is not a database" * 300)
    for command in (["jobs"], ["resume"], ["export", "1"]):
        r = kzdesk(["--data-dir", str(folder), *command], env)
        _assert_one_sentence(r, f"The queue database {database} is damaged", "reset-queue")
    assert database.read_bytes() == b"this is not a database" * 300

    r = kzdesk(["--data-dir", str(folder), "reset-queue"], env)
    assert r.returncode == 0, r.stderr
    [aside] = [p for p in folder.iterdir() if p.name.startswith("damaged-")]
    assert f"The damaged database is kept as {aside / 'kzdesk.sqlite3'}." in r.stdout
    assert (aside / "kzdesk.sqlite3").read_bytes() == b"this is not a database" * 300
    jobs = kzdesk(["--data-dir", str(folder), "jobs"], env)
    assert jobs.returncode == 0 and jobs.stdout.strip() == "The queue is empty."


def test_a_truncated_queue(env, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    src = bursts_file(tmp_path / "a.wav", [(0.5, 1.0)], 2.0)
    r = kzdesk(["--data-dir", str(folder), "transcribe", str(src), "--export", ""], env)
    assert r.returncode == 0, r.stderr
    database = folder / "kzdesk.sqlite3"
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = database.read_bytes()
    database.write_bytes(data[: len(data) // 3])
    r = kzdesk(["--data-dir", str(folder), "jobs"], env)
    _assert_one_sentence(r, f"The queue database {database} is damaged")


def test_a_queue_from_a_newer_kzdesk(env, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    database = _make_queue(folder, env)
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA user_version = 1000")
    r = kzdesk(["--data-dir", str(folder), "jobs"], env)
    _assert_one_sentence(r, f"The queue database {database} was written by a newer version")


def test_a_read_only_disk(env, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", read_only=True) as disk:
        if disk is None:
            pytest.skip("this machine does not let the test mount a read-only disk")
        r = kzdesk(["--data-dir", str(disk / "kzdesk"), "jobs"], env)
        _assert_one_sentence(r, f"The data folder {disk / 'kzdesk'} is on a read-only disk")


def test_a_full_disk_is_a_sentence_with_the_free_space(env, tmp_path: Path) -> None:
    src = bursts_file(tmp_path / "a.wav", [(0.5, 1.0)], 2.0)
    with tmpfs(tmp_path / "disk", size_kb=2048) as disk:
        if disk is None:
            pytest.skip("this machine does not let the test mount a small disk")
        folder = disk / "data"
        _make_queue(folder, env)
        fill(disk)
        r = kzdesk(["--data-dir", str(folder), "transcribe", str(src)], env)
        _assert_one_sentence(r, f"The disk that holds {folder} is full (0.0 MB free)")


@pytest.mark.skipif(os.name != "posix", reason="pipes are POSIX files")
def test_pipe_device_and_missing_paths_beside_a_good_file(env, tmp_path: Path) -> None:
    good = bursts_file(tmp_path / "good.wav", [(0.5, 1.0)], 2.0)
    os.mkfifo(tmp_path / "live.wav")
    (tmp_path / "zero.wav").symlink_to("/dev/zero")
    (tmp_path / "gone.mp3").symlink_to(tmp_path / "old" / "gone.mp3")
    out = tmp_path / "out"
    env = dict(env, KZDESK_DATA_DIR=str(tmp_path / "data"))
    args = [str(good), str(tmp_path / "live.wav"), str(tmp_path / "zero.wav")]
    args += [str(tmp_path / "gone.mp3"), str(tmp_path / "missing.wav")]
    r = kzdesk(["transcribe", *args, "--export", "txt", "--out", str(out)], env)
    assert r.returncode == 1, r.stderr  # a path given could not be used
    assert "Traceback" not in r.stderr
    assert "live.wav” is a pipe (FIFO)" in r.stderr
    assert "zero.wav” is a device" in r.stderr
    assert "gone.mp3” is a link to" in r.stderr
    assert "missing.wav” does not exist." in r.stderr
    assert (out / "good.txt").exists()  # the good file is done and exported
    jobs = kzdesk(["jobs"], env)
    assert jobs.stdout.count("done") == 1 and len(jobs.stdout.strip().splitlines()) == 1


def test_an_unknown_speechkit_host_fails_after_one_try(env, speechkit_emulator, tmp_path: Path):
    src = bursts_file(tmp_path / "a.wav", [(0.5, 1.0)], 2.0)
    data = tmp_path / "data"
    env = dict(
        env,
        KZDESK_DATA_DIR=str(data),
        KZDESK_SPEECHKIT_ENDPOINT="nonexistent.invalid:50051",
        KZDESK_RETRY_DELAY_S="0.05",
    )
    r = kzdesk(["transcribe", str(src), "--export", ""], env)
    assert r.returncode == 1
    assert "Cannot find host nonexistent.invalid; check the address" in r.stderr
    assert "Traceback" not in r.stderr
    with sqlite3.connect(data / "kzdesk.sqlite3") as conn:
        state, attempts = conn.execute("SELECT state, attempts FROM jobs").fetchone()
    assert (state, attempts) == ("failed", 1)  # no retries, no second conversion
    assert speechkit_emulator.count("RecognizeFile") == 0


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_data_folder_is_private_and_exports_follow_the_umask(env, tmp_path: Path) -> None:
    (tmp_path / "rec").mkdir()
    src = bursts_file(tmp_path / "rec" / "meeting.wav", [(0.5, 1.0)], 2.0)
    data = tmp_path / "data"
    env = dict(env, KZDESK_DATA_DIR=str(data))
    done = subprocess.run(
        [sys.executable, "-m", "kzdesk", "transcribe", str(src), "--export", "docx,txt"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, umask=0o022,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    seen = {p.relative_to(data).as_posix(): stat.S_IMODE(p.stat().st_mode) for p in data.rglob("*")}
    assert any(name.startswith("audio/1/") and name.endswith(".ogg") for name in seen)
    assert "logs/kzdesk.log" in seen and "kzdesk.sqlite3" in seen
    for name, mode in seen.items():
        expected = 0o700 if (data / name).is_dir() else 0o600
        assert mode == expected, f"{name} is {oct(mode)}"
    for export in ("meeting.docx", "meeting.txt"):
        assert stat.S_IMODE((src.parent / export).stat().st_mode) == 0o644  # the user's umask


def test_an_old_key_file_leaves_the_data_folder(env, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "speechkit.key").write_text("old-key\n")
    env = {k: v for k, v in env.items() if k != "KZDESK_SPEECHKIT_API_KEY"}
    r = kzdesk(["--data-dir", str(data), "key", "status"], env)
    assert r.stdout.strip() == "A SpeechKit key is set."
    moved = Path(env["XDG_CONFIG_HOME"]) / "kzdesk" / "speechkit.key"
    assert moved.read_text() == "old-key"
    assert stat.S_IMODE(moved.stat().st_mode) == 0o600
    assert not (data / "speechkit.key").exists()
