"""The CLI as a user runs it: a subprocess against the emulator over real gRPC."""

from __future__ import annotations

import contextlib
import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from docx import Document

from kzdesk.cli_run import scan_paths
from kzdesk.core.job import Language, SpeakersMode
from tests.cli.conftest import ROOT, kzdesk
from tests.media import bursts_file


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "Жазбалар"
    (folder / "ішкі папка").mkdir(parents=True)
    bursts_file(folder / "Жиналыс ұзақ 'ә'.mp3", [(0.5, 1.0), (2.5, 1.0)], 4.0)
    bursts_file(folder / "ішкі папка" / "интервью; 2.m4a", [(0.3, 1.2)], 3.0, channels=2)
    bursts_file(folder / "voice.ogg", [(0.4, 0.8)], 2.0, extra=["-c:a", "libopus"])
    (folder / "notes.txt").write_text("not audio")
    (folder / "broken.mp3").write_text("this is text, not sound")
    (folder / "empty.wav").write_bytes(b"")
    return folder


def test_transcribe_folder_into_all_formats(cli_env, mixed_folder: Path, tmp_path: Path):
    out = tmp_path / "out"
    r = kzdesk(
        ["transcribe", str(mixed_folder), "--export", "docx,srt,vtt,txt,json", "--out", str(out)],
        cli_env,
    )
    assert r.returncode == 1, r.stderr  # two files are broken
    assert "Skipped 1 file" in r.stderr
    assert "broken.mp3:" in r.stderr and "empty.wav:" in r.stderr
    assert "Traceback" not in r.stderr
    produced = sorted(p.name for p in out.iterdir())
    for stem in ("Жиналыс ұзақ 'ә'", "интервью; 2", "voice"):
        for ext in ("docx", "srt", "vtt", "txt", "json"):
            assert f"{stem}.{ext}" in produced
            assert str(out / f"{stem}.{ext}") in r.stdout
    doc = Document(str(out / "Жиналыс ұзақ 'ә'.docx"))
    assert any(
        run.bold and run.text.startswith("Speaker") for p in doc.paragraphs for run in p.runs
    )
    data = json.loads((out / "voice.json").read_text(encoding="utf-8"))
    assert data["segments"]

    jobs = kzdesk(["jobs"], cli_env)
    assert jobs.returncode == 0
    assert jobs.stdout.count("done") == 3 and jobs.stdout.count("failed") == 2

    job_id = next(line.split()[0] for line in jobs.stdout.splitlines() if "voice.ogg" in line)
    again = kzdesk(
        ["export", job_id, "--format", "txt", "--no-timestamps", "--out", str(tmp_path / "again")],
        cli_env,
    )
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "again" / "voice.txt").exists()


def test_resume_after_kill_polls_the_stored_operation(cli_env, speechkit_emulator, tmp_path: Path):
    src = bursts_file(tmp_path / "long meeting.wav", [(0.5, 1.0)], 3.0)
    speechkit_emulator.script(None, processing_s=30)  # the service is slow today
    proc = subprocess.Popen(
        [sys.executable, "-m", "kzdesk", "transcribe", str(src), "--export", "txt",
         "--out", str(tmp_path / "out")],
        cwd=ROOT, env=cli_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    db = Path(cli_env["KZDESK_DATA_DIR"]) / "kzdesk.sqlite3"
    deadline = time.monotonic() + 60
    op = None
    while time.monotonic() < deadline and op is None:
        time.sleep(0.1)
        if db.exists():
            with contextlib.closing(sqlite3.connect(db)) as conn:
                try:
                    row = conn.execute("SELECT operation_id FROM jobs").fetchone()
                except sqlite3.OperationalError:
                    row = None  # the other process is still creating the tables
            op = row[0] if row else None
    assert op, "the operation id was not stored before waiting"
    proc.send_signal(signal.SIGKILL)  # power cut
    proc.wait(10)
    speechkit_emulator.script(None)  # operations created from now on finish at once
    for pending in speechkit_emulator._operations.values():
        pending.script.processing_s = 0
    r = kzdesk(["resume", "--export", "txt", "--out", str(tmp_path / "out")], cli_env)
    assert r.returncode == 0, r.stderr
    assert speechkit_emulator.count("RecognizeFile") == 1
    assert (tmp_path / "out" / "long meeting.txt").exists()


def test_wrong_key_and_unreachable_service_are_sentences(cli_env, tmp_path: Path):
    src = bursts_file(tmp_path / "a.wav", [(0.5, 1.0)], 2.0)
    env = dict(cli_env, KZDESK_SPEECHKIT_API_KEY="wrong-key")
    r = kzdesk(["transcribe", str(src), "--export", ""], env)
    assert r.returncode == 1
    assert "key" in r.stderr.lower() and "Traceback" not in r.stderr and "wrong-key" not in r.stderr


def test_unreachable_service_fails_after_retries_with_a_sentence(cli_env, tmp_path: Path):
    src = bursts_file(tmp_path / "a.wav", [(0.5, 1.0)], 2.0)
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(cli_env, KZDESK_SPEECHKIT_ENDPOINT=f"127.0.0.1:{port}", KZDESK_RETRY_DELAY_S="0.1")
    r = kzdesk(["transcribe", str(src), "--export", "txt"], env)
    assert r.returncode == 1
    assert "reach" in r.stderr.lower() and "Traceback" not in r.stderr
    jobs = kzdesk(["jobs"], env)
    assert "failed" in jobs.stdout


def test_missing_path_and_nothing_to_do(cli_env, tmp_path: Path):
    r = kzdesk(["transcribe", str(tmp_path / "nope")], cli_env)
    assert r.returncode == 1 and "does not exist" in r.stderr


def test_scan_skips_thousands_of_non_audio(tmp_path: Path):
    for i in range(3000):
        (tmp_path / f"doc{i}.pdf").write_bytes(b"%PDF")
    (tmp_path / "a.MP3").write_bytes(b"x")
    files, notes, unusable = scan_paths([str(tmp_path)])
    assert [f.name for f in files] == ["a.MP3"]
    assert notes == ["Skipped 3000 file(s) that are not audio or video."]
    assert not unusable  # skipped files are not a path that could not be used


def test_version_and_help(cli_env):
    r = kzdesk(["--version"], cli_env)
    assert r.returncode == 0 and r.stdout.startswith("kzdesk ")


def test_no_key_is_a_sentence_that_says_what_to_do(cli_env, tmp_path: Path):
    src = bursts_file(tmp_path / "a.wav", [(0.5, 1.0)], 2.0)
    env = {k: v for k, v in cli_env.items() if k != "KZDESK_SPEECHKIT_API_KEY"}
    r = kzdesk(["transcribe", str(src), "--export", ""], env)
    assert r.returncode == 1
    assert "No SpeechKit API key is set" in r.stderr and "Settings" in r.stderr


def test_key_set_in_user_only_file_then_used(cli_env, speechkit_emulator, tmp_path: Path):
    env = {k: v for k, v in cli_env.items() if k != "KZDESK_SPEECHKIT_API_KEY"}
    r = kzdesk(["key", "set", "--file"], env, input=speechkit_emulator.api_key + "\n")
    assert r.returncode == 0, r.stderr
    key_file = Path(env["XDG_CONFIG_HOME"]) / "kzdesk" / "speechkit.key"  # never the data folder
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert not (Path(env["KZDESK_DATA_DIR"]) / "speechkit.key").exists()
    assert str(key_file) in r.stdout
    assert kzdesk(["key", "status"], env).stdout.strip() == "A SpeechKit key is set."
    src = bursts_file(tmp_path / "a.wav", [(0.5, 1.0)], 2.0)
    out = tmp_path / "out"
    r = kzdesk(
        ["transcribe", str(src), "--export", "docx,srt,vtt,txt,json", "--out", str(out)], env
    )
    assert r.returncode == 0, r.stderr
    # the key is nowhere but its own file: not in the database, settings, logs or exports
    secret = speechkit_emulator.api_key.encode()
    for path in [*Path(env["KZDESK_DATA_DIR"]).rglob("*"), *out.rglob("*")]:
        if path.is_file() and path != key_file:
            assert secret not in path.read_bytes(), path
    assert kzdesk(["key", "delete"], env).returncode == 0
    assert not key_file.exists()


def test_config_lists_validates_and_saves(cli_env):
    r = kzdesk(["config"], cli_env)
    assert "parallel_jobs = 5" in r.stdout
    assert kzdesk(["config", "parallel_jobs", "99"], cli_env).returncode == 2
    assert kzdesk(["config", "nonsense", "1"], cli_env).returncode == 2
    assert kzdesk(["config", "auto_export", "docx,pdf"], cli_env).returncode == 2
    assert kzdesk(["config", "price_per_minute", "2.5"], cli_env).returncode == 0
    assert kzdesk(["config", "auto_export", "srt,txt"], cli_env).returncode == 0
    assert kzdesk(["config", "price_per_minute"], cli_env).stdout.strip() == "2.5"
    assert "auto_export = srt,txt" in kzdesk(["config"], cli_env).stdout
    # subtitle rules and the export language, used by automatic exports too
    assert kzdesk(["config", "subtitle_cps", "17"], cli_env).returncode == 0
    assert kzdesk(["config", "subtitle_gap_ms", "80"], cli_env).returncode == 0
    assert kzdesk(["config", "export_language", "kk"], cli_env).returncode == 0
    longer = kzdesk(["config", "subtitle_min_cue_ms", "9000"], cli_env)  # longer than the longest
    assert longer.returncode == 2 and "shortest cue" in longer.stderr
    assert kzdesk(["config", "subtitle_lines", "two"], cli_env).returncode == 2
    assert kzdesk(["config", "export_language", "fr"], cli_env).returncode == 2
    listed = kzdesk(["config"], cli_env).stdout
    assert "subtitle_cps = 17.0" in listed and "subtitle_gap_ms = 80" in listed
    assert "export_language = kk" in listed


def test_jobs_show_estimated_cost(cli_env, tmp_path: Path):
    src = bursts_file(tmp_path / "a.wav", [(0.5, 1.0)], 30.0)
    kzdesk(["config", "price_per_minute", "2"], cli_env)
    r = kzdesk(["transcribe", str(src), "--export", ""], cli_env)
    assert r.returncode == 0, r.stderr
    assert "≈1.00 ₸" in kzdesk(["jobs"], cli_env).stdout  # 30 s at 2 per minute


def test_jobs_show_no_cost_for_engines_that_do_not_charge(cli_env, tmp_path: Path):
    from kzdesk.app import AppContext

    kzdesk(["config", "price_per_minute", "2"], cli_env)
    ctx = AppContext.open(cli_env["KZDESK_DATA_DIR"])
    try:
        for engine in ("speechkit", "whisper", "server"):
            src = tmp_path / f"{engine}.wav"
            src.write_bytes(b"RIFF")
            job = ctx.jobs.enqueue(
                src, language=Language.KK, speakers=SpeakersMode.AUTO, engine=engine
            )
            ctx.queue.set_media(job.id, duration_ms=60_000, size=4)
    finally:
        ctx.close()
    lines = kzdesk(["jobs"], cli_env).stdout.splitlines()
    assert [("≈" in line) for line in lines] == [True, False, False]
    assert "≈2.00 ₸" in lines[0]  # a minute at 2 per minute, SpeechKit's only


def test_every_sub_command_of_the_parser_is_told_from_a_file(monkeypatch, tmp_path: Path) -> None:
    from kzdesk import cli

    commands = cli.command_names(cli.build_parser())
    assert {"transcribe", "resume", "jobs", "export", "diarize", "reset-queue"} <= commands
    (tmp_path / "frobnicate").write_bytes(b"x")  # a recording called like a command
    monkeypatch.chdir(tmp_path)
    assert cli.opened_paths(["frobnicate"], commands) == ([], ["frobnicate"])
    assert cli.opened_paths(["--verbose", "jobs"], commands) is None
    # a command added to the parser is a command at once, with no second list to update
    add_commands = cli.cli_folder.add_commands
    monkeypatch.setattr(
        cli.cli_folder,
        "add_commands",
        lambda sub: [add_commands(sub), sub.add_parser("frobnicate")],
    )
    assert cli.opened_paths(["frobnicate"], cli.command_names(cli.build_parser())) is None


def test_paths_without_a_command_open_the_window_with_them(monkeypatch, tmp_path: Path):
    import kzdesk.ui.launch
    from kzdesk.cli import main

    seen = {}
    monkeypatch.setattr(
        kzdesk.ui.launch, "run_gui", lambda data_dir, files=None: seen.update(files=files) or 0
    )
    f = tmp_path / "Жиналыс.mp3"
    f.write_bytes(b"x")
    assert main([str(f), str(tmp_path)]) == 0
    assert seen["files"] == [str(f), str(tmp_path)]
    assert main([]) == 0 and seen["files"] is None
    # the global options may come first: `kzdesk --data-dir DIR FILE`
    monkeypatch.setattr(
        kzdesk.ui.launch,
        "run_gui",
        lambda data_dir, files=None: seen.update(files=files, data_dir=data_dir) or 0,
    )
    assert main(["--data-dir", str(tmp_path / "d"), "--verbose", str(f)]) == 0
    assert seen == {"files": [str(f)], "data_dir": str(tmp_path / "d")}
    assert main([f"--data-dir={tmp_path}", str(f)]) == 0 and seen["data_dir"] == str(tmp_path)


def test_exports_follow_the_configured_language_and_subtitle_rules(cli_env, tmp_path: Path):
    """`kzdesk config` decides what `transcribe --export` writes, not only the dialog."""
    source = bursts_file(tmp_path / "Жиналыс.wav", [(0.5, 2.0), (3.5, 2.0)], 6.0)
    assert kzdesk(["config", "export_language", "kk"], cli_env).returncode == 0
    assert kzdesk(["config", "subtitle_lines", "1"], cli_env).returncode == 0
    assert kzdesk(["config", "subtitle_line_chars", "16"], cli_env).returncode == 0
    out = tmp_path / "out"
    r = kzdesk(["transcribe", str(source), "--export", "docx,srt", "--out", str(out)], cli_env)
    assert r.returncode == 0, r.stderr
    doc = "\n".join(p.text for p in Document(str(out / "Жиналыс.docx")).paragraphs)
    assert "Сөйлеушілер" in doc and "Speakers" not in doc
    blocks = (out / "Жиналыс.srt").read_text(encoding="utf-8").strip().split("\n\n")
    assert blocks and all(len(b.splitlines()) == 3 for b in blocks)  # number, time, one line
    assert all(len(b.splitlines()[2]) <= 16 for b in blocks)


def test_transcribe_with_a_glossary_file(cli_env, tmp_path: Path):
    src = bursts_file(tmp_path / "кеңес.wav", [(0.5, 1.0)], 3.0)
    glossary = tmp_path / "глоссарий.txt"
    glossary.write_bytes("Тоқаев\nТокаев\n# names\nАстана Хаб\n".encode("utf-8-sig"))
    r = kzdesk(["transcribe", str(src), "--glossary", str(glossary), "--export", ""], cli_env)
    assert r.returncode == 0, r.stderr
    with contextlib.closing(
        sqlite3.connect(Path(cli_env["KZDESK_DATA_DIR"]) / "kzdesk.sqlite3")
    ) as db:
        (options,) = db.execute("SELECT options FROM jobs").fetchone()
    assert json.loads(options)["glossary"] == ["Тоқаев", "Токаев", "Астана Хаб"]
    missing = kzdesk(["transcribe", str(src), "--glossary", str(tmp_path / "нет.txt")], cli_env)
    assert missing.returncode == 2 and "cannot be read" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_config_glossary_takes_terms(cli_env):
    assert kzdesk(["config", "glossary", "Тоқаев; Астана Хаб"], cli_env).returncode == 0
    assert "glossary = Тоқаев,Астана Хаб" in kzdesk(["config"], cli_env).stdout
