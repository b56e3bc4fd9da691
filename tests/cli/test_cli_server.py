"""The organisation server from a terminal: its settings through ``kzdesk config``, its key
through ``kzdesk key set --server``, and ``kzdesk transcribe --engine server`` against a local
stub server."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kzdesk.engines import server_errors
from tests.cli.conftest import ROOT, kzdesk
from tests.engines.openai_stub import Answer, Stub, verbose
from tests.media import bursts_file


@pytest.fixture
def stub():
    server = Stub()
    yield server
    server.stop()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    values = dict(os.environ)
    values.pop("KZDESK_SERVER_API_KEY", None)
    values.update(
        KZDESK_DATA_DIR=str(tmp_path / "data"),
        PYTHONPATH=str(ROOT),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    return values


def test_configure_store_the_key_and_transcribe_with_the_server(
    env, stub: Stub, tmp_path: Path
) -> None:
    for name, value in (
        ("server_url", stub.url + "/v1"),
        ("server_model", "large-v3"),
        ("server_concurrency", "3"),
        ("server_max_upload_mb", "100"),
    ):
        done = kzdesk(["config", name, value], env)
        assert done.returncode == 0, done.stderr
    listed = kzdesk(["config"], env).stdout
    assert f"server_url = {stub.url}/v1" in listed and "server_concurrency = 3" in listed

    stored = kzdesk(["key", "set", "--server", "--file"], env, input="sk-court-42\n")
    assert stored.returncode == 0, stored.stderr
    assert "server.key" in stored.stdout
    assert kzdesk(["key", "status", "--server"], env).stdout.strip() == "A server key is set."
    assert kzdesk(["key", "status"], env).stdout.strip() == "No SpeechKit key is set."

    stub.then(Answer(body=verbose("Сот отырысы басталды", start=0.4, end=2.0, language="kk")))
    recording = bursts_file(tmp_path / "отырыс.mp3", [(0.4, 1.6)], 3.0)
    out = tmp_path / "out"
    run = kzdesk(
        ["transcribe", "--engine", "server", "--language", "kk", "--speakers", "off",
         str(recording), "--export", "txt", "--out", str(out)],
        env,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "Сот отырысы басталды" in (out / "отырыс.txt").read_text(encoding="utf-8")
    sent = stub.transcriptions()[0]
    assert sent.headers["Authorization"] == "Bearer sk-court-42"
    assert sent.fields["model"] == ["large-v3"] and sent.fields["language"] == ["kk"]
    data = Path(env["KZDESK_DATA_DIR"])
    assert not [p for p in data.rglob("*") if p.is_file() and b"sk-court-42" in p.read_bytes()]

    again = kzdesk(
        ["transcribe", "--engine", "server", "--model", "kazakh-ft", "--again", "--speakers",
         "off", str(recording), "--export", "", "--out", str(out)],
        env,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert stub.transcriptions()[1].fields["model"] == ["kazakh-ft"]

    deleted = kzdesk(["key", "delete", "--server"], env)
    assert deleted.stdout.strip() == "The server key was deleted."


def test_a_wrong_address_is_refused_by_config(env) -> None:
    done = kzdesk(["config", "server_url", "asr.example.org"], env)
    assert done.returncode == 2
    assert "must start with http:// or https://" in done.stderr


def test_transcribe_with_no_server_set_names_what_to_do(env, tmp_path: Path) -> None:
    recording = bursts_file(tmp_path / "a.wav", [(0.2, 0.5)], 1.0)
    run = kzdesk(["transcribe", "--engine", "server", str(recording), "--export", ""], env)
    assert run.returncode != 0
    assert server_errors.NO_ADDRESS in run.stderr
    assert "Traceback" not in run.stderr
