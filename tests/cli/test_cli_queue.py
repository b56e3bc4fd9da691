"""One owner per queue, nothing billed twice, exports as each job ends and never over a
user's file — the CLI as users run it: real processes on one data folder, against the
emulator over real gRPC."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import grpc
import pytest

from tests.cli.conftest import ROOT, kzdesk
from tests.emulator.server import utterance
from tests.media import bursts_file

SEGMENT = [utterance("Сәлеметсіз бе, бастаймыз", 300, 1200)]


# ``python -m kzdesk`` that hears Ctrl-C as from a terminal, even when the tests run in the
# background: a shell starts background jobs with SIGINT ignored, children inherit that, and
# Python then leaves it ignored. Set in the child itself, not by ``preexec_fn``: that runs
# Python between fork and exec, which can hang when other threads (the emulator's gRPC
# server) held a lock at the fork — it did once, and the test timed out waiting for the CLI.
HEARS_CTRL_C = (
    "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "sys.argv[0] = 'kzdesk'; runpy.run_module('kzdesk', run_name='__main__', alter_sys=True)"
)


def start(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    """kzdesk in a child process (see HEARS_CTRL_C)."""
    return subprocess.Popen(
        [sys.executable, "-c", HEARS_CTRL_C, *args],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def query(env: dict[str, str], sql: str, *params: object) -> list[tuple]:
    db = Path(env["KZDESK_DATA_DIR"]) / "kzdesk.sqlite3"
    if not db.exists():
        return []
    with contextlib.closing(sqlite3.connect(db, timeout=10)) as conn:
        try:
            with conn:
                return conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError:
            return []  # the tables are still being created


def wait_for(condition: Callable[[], object], what: str, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def audio(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    return bursts_file(path, [(0.3, 1.0)], 2.0)


def test_a_second_process_never_takes_a_running_job(cli_env, speechkit_emulator, tmp_path):
    speechkit_emulator.script(SEGMENT, processing_s=60)
    out = tmp_path / "out"
    first = start(["transcribe", str(audio(tmp_path, "a.wav")), "--export", "txt",
                   "--out", str(out)], cli_env)  # fmt: skip
    wait_for(lambda: query(cli_env, "SELECT 1 FROM jobs WHERE operation_id IS NOT NULL"),
             "the first file to be accepted")  # fmt: skip
    resumed = kzdesk(["resume"], cli_env)
    assert resumed.returncode == 0, resumed.stderr
    assert f"kzdesk in a terminal (process {first.pid}) is working on this queue" in (
        resumed.stdout
    )
    handed = kzdesk(["transcribe", str(audio(tmp_path, "b.wav")), "--export", "txt",
                     "--out", str(out)], cli_env)  # fmt: skip
    assert handed.returncode == 0, handed.stderr
    assert "It will do these 1 file(s)" in handed.stderr
    wait_for(lambda: len(speechkit_emulator.operation_ids()) == 2, "the handed-over file")
    speechkit_emulator.finish_now()
    stdout, stderr = first.communicate(timeout=60)
    assert first.returncode == 0, stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.txt"]
    assert str(out / "b.txt") in stdout  # the process that ran it says where it went
    assert speechkit_emulator.count("RecognizeFile") == 2  # each file uploaded once


def test_wait_follows_the_other_process_to_the_end(cli_env, speechkit_emulator, tmp_path):
    speechkit_emulator.script(SEGMENT, processing_s=60)
    first = start(["transcribe", str(audio(tmp_path, "a.wav")), "--export", ""], cli_env)
    wait_for(lambda: query(cli_env, "SELECT 1 FROM jobs WHERE operation_id IS NOT NULL"),
             "the first file to be accepted")  # fmt: skip
    follower = start(["transcribe", str(audio(tmp_path, "b.wav")), "--wait", "--export",
                      "txt", "--out", str(tmp_path / "out")], cli_env)  # fmt: skip
    wait_for(lambda: len(speechkit_emulator.operation_ids()) == 2, "the handed-over file")
    speechkit_emulator.finish_now()
    stdout, stderr = follower.communicate(timeout=60)
    assert follower.returncode == 0, stderr
    assert "Following its progress here" in stderr
    assert str(tmp_path / "out" / "b.txt") in stdout
    first.communicate(timeout=60)
    assert first.returncode == 0


def test_a_kill_at_the_instant_of_acceptance_waits_for_the_users_retry(
    cli_env, speechkit_emulator, tmp_path
):
    speechkit_emulator.script(SEGMENT)
    src = audio(tmp_path, "Жиналыс.wav")
    out = tmp_path / "out"
    proc = start(["transcribe", str(src), "--export", "txt", "--out", str(out)], cli_env)
    speechkit_emulator.on_accept = lambda op: os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    speechkit_emulator.on_accept = None
    assert speechkit_emulator.count("RecognizeFile") == 1

    resumed = kzdesk(["resume"], cli_env)
    assert resumed.returncode == 1
    assert "may already have been sent to SpeechKit" in resumed.stderr
    assert "kzdesk retry 1" in resumed.stderr
    again = kzdesk(["resume"], cli_env)  # asking twice changes nothing
    assert "Nothing to resume" in again.stdout
    assert speechkit_emulator.count("RecognizeFile") == 1
    jobs = kzdesk(["jobs"], cli_env)
    assert "may already have been sent" in jobs.stdout

    retried = kzdesk(["retry", "1"], cli_env)
    assert retried.returncode == 0, retried.stderr
    assert speechkit_emulator.count("RecognizeFile") == 2
    assert (out / "Жиналыс.txt").exists()  # the export asked for the first time


def test_after_an_outage_resume_fetches_what_was_accepted(cli_env, speechkit_emulator, tmp_path):
    speechkit_emulator.script(SEGMENT)
    # every status check fails until the job gives up (5 attempts, 4 tries each)
    speechkit_emulator.fault("Get", grpc.StatusCode.UNAVAILABLE, times=20)
    env = dict(cli_env, KZDESK_RETRY_DELAY_S="0.05")
    out = tmp_path / "out"
    r = kzdesk(["transcribe", str(audio(tmp_path, "a.wav")), "--export", "txt",
                "--out", str(out)], env)  # fmt: skip
    assert r.returncode == 1
    [final] = [line for line in r.stderr.splitlines() if line.startswith("✖ a.wav")]
    assert "could not reach SpeechKit after 5 attempts" in final
    assert "will continue when the connection is back" not in final  # it will not
    resumed = kzdesk(["resume"], env)
    assert resumed.returncode == 0, resumed.stderr
    assert speechkit_emulator.count("RecognizeFile") == 1  # fetched by id, not uploaded again
    assert str(out / "a.txt") in resumed.stdout and (out / "a.txt").exists()


def test_the_same_file_with_the_same_choices_reuses_its_job(cli_env, speechkit_emulator, tmp_path):
    speechkit_emulator.script(SEGMENT)
    src = audio(tmp_path, "a.wav")
    args = ["transcribe", str(src), "--export", "txt"]
    assert kzdesk(args, cli_env).returncode == 0
    again = kzdesk(args, cli_env)
    assert again.returncode == 0, again.stderr
    assert "already in the queue as #1 (done)" in again.stderr
    assert str(tmp_path / "a.txt") in again.stdout  # its own export, replaced in place
    assert speechkit_emulator.count("RecognizeFile") == 1
    anew = kzdesk([*args, "--again"], cli_env)
    assert anew.returncode == 0, anew.stderr
    assert speechkit_emulator.count("RecognizeFile") == 2
    # a new job never replaces what another job wrote: it takes a free name
    assert str(tmp_path / "a (2).txt") in anew.stdout


def test_the_users_own_file_next_to_the_recording_is_kept(cli_env, speechkit_emulator, tmp_path):
    speechkit_emulator.script(SEGMENT)
    src = audio(tmp_path / "rec", "meeting.wav")
    mine = tmp_path / "rec" / "meeting.docx"
    mine.write_bytes(b"minutes typed by the secretary")
    r = kzdesk(["transcribe", str(src), "--export", "docx"], cli_env)
    assert r.returncode == 0, r.stderr
    assert mine.read_bytes() == b"minutes typed by the secretary"
    assert (tmp_path / "rec" / "meeting (2).docx").exists()
    assert "“meeting.docx” already exists" in r.stderr


def test_same_named_recordings_in_one_batch_get_distinct_exports(
    cli_env, speechkit_emulator, tmp_path
):
    speechkit_emulator.script(SEGMENT)
    day1, day2 = audio(tmp_path / "day1", "REC001.WAV"), audio(tmp_path / "day2", "REC001.WAV")
    out = tmp_path / "O"
    r = kzdesk(["transcribe", str(day1.parent), str(day2.parent), "--export", "txt",
                "--out", str(out)], cli_env)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["REC001 (2).txt", "REC001.txt"]
    printed = [line for line in r.stdout.splitlines() if line.endswith(".txt")]
    assert len(set(printed)) == 2


def test_ctrl_c_stops_at_once_keeps_finished_exports_and_resume_goes_on(
    cli_env, speechkit_emulator, tmp_path
):
    speechkit_emulator.script(SEGMENT, processing_s=120)
    accepted: list[str] = []

    def first_finishes_at_once(op_id: str) -> None:
        accepted.append(op_id)
        if len(accepted) == 1:
            speechkit_emulator.finish_now(op_id)

    speechkit_emulator.on_accept = first_finishes_at_once
    out = tmp_path / "out"
    proc = start(["transcribe", str(audio(tmp_path, "a.wav")), str(audio(tmp_path, "b.wav")),
                  "--jobs", "1", "--export", "txt", "--out", str(out)], cli_env)  # fmt: skip
    wait_for(lambda: (out / "a.txt").exists() and len(accepted) == 2, "a done, b accepted")
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=30)  # b would take two minutes more
    assert proc.returncode == 130
    assert "kzdesk resume" in stderr and "Traceback" not in stderr
    assert not (out / "b.txt").exists()
    speechkit_emulator.on_accept = None
    speechkit_emulator.finish_now()
    resumed = kzdesk(["resume"], cli_env)
    assert resumed.returncode == 0, resumed.stderr
    assert (out / "b.txt").exists()
    assert speechkit_emulator.count("RecognizeFile") == 2  # b fetched by its id


def test_resume_writes_exports_a_stopped_process_still_owed(cli_env, speechkit_emulator, tmp_path):
    speechkit_emulator.script(SEGMENT)
    out = tmp_path / "out"
    r = kzdesk(["transcribe", str(audio(tmp_path, "a.wav")), "--export", "txt",
                "--out", str(out)], cli_env)  # fmt: skip
    assert r.returncode == 0, r.stderr
    # the state a kill between "done" and the export leaves
    (out / "a.txt").unlink()
    query(cli_env, "UPDATE jobs SET exported_at = NULL")
    resumed = kzdesk(["resume"], cli_env)
    assert resumed.returncode == 0, resumed.stderr
    assert (out / "a.txt").exists() and str(out / "a.txt") in resumed.stdout


@pytest.mark.parametrize("command", [["retry", "7"], ["retry"]])
def test_retry_needs_a_job_that_exists(cli_env, command):
    r = kzdesk(command, cli_env)
    assert r.returncode == 2 and "Traceback" not in r.stderr
