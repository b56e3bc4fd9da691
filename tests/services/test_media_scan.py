"""Only regular files are queued: pipes, devices and links to nowhere are refused with a
sentence at scan time (a pipe would block the reader for ever, /dev/zero never ends)."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from kzdesk.services.media_scan import find_recordings

posix_only = pytest.mark.skipif(os.name != "posix", reason="pipes and devices are POSIX files")


@posix_only
def test_named_pipe_device_and_broken_link_are_refused(tmp_path: Path) -> None:
    good = tmp_path / "good.wav"
    good.write_bytes(b"RIFF")
    fifo = tmp_path / "stream.wav"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.wav"
    zero.symlink_to("/dev/zero")
    dangling = tmp_path / "moved.mp3"
    dangling.symlink_to(tmp_path / "elsewhere" / "moved.mp3")
    scan = find_recordings(
        [str(good), str(fifo), str(zero), str(dangling), str(tmp_path / "nope.wav")],
        keep_named_files=True,
    )
    assert scan.files == [good]
    assert scan.problems() == [
        f"“{tmp_path / 'nope.wav'}” does not exist.",
        f"“{fifo}” is a pipe (FIFO), not a recording file, so kzdesk does not read it. Save the "
        "recording to a file and add that file.",
        f"“{zero}” is a device, not a recording file, so kzdesk does not read it. Choose a "
        "recording file.",
        f"“{dangling}” is a link to “{tmp_path / 'elsewhere' / 'moved.mp3'}”, which does not "
        "exist. Connect the disk it points to, or add the recording itself.",
    ]


@posix_only
def test_special_files_inside_a_folder_are_refused_too(tmp_path: Path) -> None:
    (tmp_path / "a.mp3").write_bytes(b"ID3")
    os.mkfifo(tmp_path / "b.ogg")
    (tmp_path / "c.flac").symlink_to("/dev/null")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp_path / "d.wav"))
        (tmp_path / "notes.txt").write_text("text")
        scan = find_recordings([tmp_path])
    assert scan.files == [tmp_path / "a.mp3"]
    assert scan.skipped == 1  # notes.txt
    kinds = [p.split("” is a ")[1].split(",")[0] for p in scan.problems()]
    assert kinds == ["pipe (FIFO)", "device", "socket"]
