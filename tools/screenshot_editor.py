"""Screenshots of the transcript editor with a Kazakh/Russian meeting, and of its Export
dialog when the automatic export already wrote the files, at scale 1 and 2.

    python tools/screenshot_editor.py [--lang kk|ru] [--dark] [OUT_DIR]
                                                               (default /tmp/kzdesk-shots)

Builds a short meeting: each segment is spoken by espeak-ng (Kazakh or Russian voice, a
different voice variant per speaker) into one recording, so the waveform and the timings are
those of real (synthetic) speech. The editor then opens on it, plays to a segment (so a segment
and a word are highlighted), and the find bar searches for "бюджет"; then the proofreading
shots (tools/screenshot_proofreading.py: F8 on an uncertain word, a spelling menu, light and
dark palettes). Without a display it
starts Xvfb and runs itself under it once per scale factor (see screenshot_main_window.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools import xvfb  # noqa: E402

if TYPE_CHECKING:
    from kzdesk.core.transcript import Transcript

SIZE = (1280, 800)
DISPLAY = ":94"
RATE = 16000

# full Kazakh names: the Speaker column fits them; the third speaker keeps the default name,
# which is said in the interface language
SPEAKERS = [
    ("Әсел Нұрланқызы", "kk+f3", "kk-KZ"),
    ("Директор", "ru+m3", "ru-RU"),
    ("", "kk+m1", "kk-KZ"),
]
# (speaker, None or the speaker whose language this segment is in, text)
MEETING = [
    (0, None, "Сәлеметсіздер ме, әріптестер. Бүгін біз бюджетті талқылаймыз."),
    (1, None, "Добрый день. Давайте начнём с первого вопроса повестки."),
    (0, None, "Бірінші мәселе: келесі жылдың бюджеті және жобаның кестесі."),
    (2, None, "Менің ойымша, қаржы бөлімі есепті жұма күні дайындайды."),
    (1, None, "Хорошо. Сколько нужно времени, чтобы согласовать бюджет с министерством?"),
    (0, 1, "Думаю, две недели. Документы уже отправлены в департамент."),
    (2, None, "Келісемін. Бірақ аудан әкімдігінің құжаттары әлі келген жоқ."),
    (1, None, "Тогда давайте перенесём обсуждение на следующую неделю."),
    (0, None, "Жақсы. Мен хаттаманы бүгін кешке жіберемін."),
    (1, None, "Спасибо всем. Следующее совещание в понедельник в десять утра."),
    (2, None, "Рақмет, сау болыңыздар."),
]


def espeak(text: str, voice: str, out: Path) -> None:
    subprocess.run(
        ["espeak-ng", "-v", voice, "-s", "150", "-w", str(out), text],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def build_meeting(folder: Path) -> tuple[Path, Transcript]:
    """The recording (WAV, 16 kHz mono) and a Transcript whose times match it."""
    from kzdesk.core.transcript import (
        Segment,
        Speaker,
        Transcript,
        retime_words,
        speaker_color,
    )
    from tests.media import FFMPEG

    pcm = bytearray()
    segments = []
    pause = b"\0\0" * int(RATE * 0.6)
    for n, (who, voice_of, text) in enumerate(MEETING, start=1):
        voice = SPEAKERS[who][1]
        if voice_of is not None:  # the speaker switches language, keeping their voice variant
            voice = SPEAKERS[voice_of][1].split("+")[0] + "+" + voice.split("+")[1]
        raw, resampled = folder / f"p{n}.wav", folder / f"p{n}.16k.wav"
        espeak(text, voice, raw)
        subprocess.run(
            [FFMPEG, "-nostdin", "-v", "error", "-y", "-i", str(raw), "-ac", "1", "-ar", str(RATE),
             str(resampled)],
            check=True,
        )  # fmt: skip
        with wave.open(str(resampled)) as w:
            frames = w.readframes(w.getnframes())
        pcm += pause
        start = len(pcm) // 2 * 1000 // RATE
        pcm += frames
        end = len(pcm) // 2 * 1000 // RATE
        language = "ru-RU" if voice.startswith("ru") else "kk-KZ"
        segments.append(
            Segment(n, who + 1, start, end, text, language, retime_words(text, [], start, end))
        )
    pcm += pause
    audio = folder / "Жиналыс 12.11.wav"
    with wave.open(str(audio), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(bytes(pcm))
    speakers = [
        Speaker(i + 1, str(i), name or f"Speaker {i + 1}", speaker_color(i))
        for i, (name, _v, _l) in enumerate(SPEAKERS)
    ]
    transcript = Transcript(
        speakers=speakers,
        segments=segments,
        title="Жиналыс 12.11",
        source_path=str(audio),
        duration_ms=len(pcm) // 2 * 1000 // RATE,
        language="kk-KZ",
    )
    return audio, transcript


def shoot(out_dir: Path, scale: str) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from kzdesk.services import wording
    from kzdesk.services.playback_source import choose_source
    from kzdesk.services.transcripts import TranscriptService
    from kzdesk.storage.db import Database
    from kzdesk.storage.transcripts import TranscriptStore
    from kzdesk.ui.editor.editor_window import EditorInputs, EditorWindow
    from kzdesk.ui.launch import make_application

    app = make_application(["kzdesk"])
    suffix = xvfb.install_language(app) + ("" if scale == "1" else f"@{scale}x")
    saved: list[Path] = []

    def settle(seconds: float = 0.4) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    with tempfile.TemporaryDirectory(prefix="kzdesk-shots-") as tmp:
        folder = Path(tmp)
        audio, transcript = build_meeting(folder)
        # as the pipeline saves it: unnamed speakers in the interface language
        transcript = wording.say_default_names(transcript, xvfb.language())
        store = TranscriptStore(Database.in_dir(folder / "data"))
        tid = store.save(transcript)
        inputs = EditorInputs(
            transcript_id=tid,
            title="Жиналыс 12.11",
            playback=choose_source(audio, [], transcript.duration_ms),
            waveform_cache=folder / "cache",
            export_folder=folder,
            export_language=xvfb.language(),
        )
        model = ROOT / ".pytest_cache" / "d" / "whisper-base"  # made by the tests
        if model.is_dir():
            from kzdesk.services.phrase_again import offline_engine

            inputs.phrase_engine = lambda: offline_engine(str(model), "cpu")
        ui_state = QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat)
        window = EditorWindow(TranscriptService(store), inputs, ui_state=ui_state)
        window.resize(*SIZE)
        window.show()
        settle(1.5)  # the waveform task finishes
        played = transcript.segments[4]
        word = played.words[3]
        window.player.seek(word.start_ms + 40)
        settle()
        window.find_bar.show_replace("бюджет")
        settle(0.6)
        window.find_bar.find_next()
        window.view.select_segment(transcript.segments[7].id, scroll=False)
        settle()
        path = out_dir / f"editor{suffix}.png"
        if not window.grab().save(str(path)):
            raise SystemExit(f"could not save {path}")
        saved.append(path)
        # the automatic export wrote the pre-edit DOCX next to the recording
        (folder / "Жиналыс 12.11.docx").write_bytes(b"written when the job ended")
        dialog = window.open_export()
        settle()
        path = out_dir / f"export_dialog{suffix}.png"
        if not dialog.grab().save(str(path)):
            raise SystemExit(f"could not save {path}")
        saved.append(path)
        dialog.reject()
        saved += shoot_phrase_again(window, out_dir, suffix, settle)
        window.close()
        from tools import screenshot_proofreading

        saved += screenshot_proofreading.shoot(
            app, store, inputs, transcript, out_dir, suffix, settle
        )
    QApplication.processEvents()
    return saved


def shoot_phrase_again(window, out_dir: Path, suffix: str, settle) -> list[Path]:  # type: ignore[no-untyped-def]
    """Edit ▸ Phrase language open on a phrase (its Recognise again entries), then the editor
    once that phrase was recognised again in Kazakh (when the tests' Whisper base is here)."""
    from PySide6.QtWidgets import QApplication

    saved = []
    last = window.session.transcript.segments[-1]
    window.view.select_segment(last.id, scroll=True)
    window.edits.set_language(last.id, "ru")  # as if recognition had taken it for Russian
    settle()
    bar = window.menuBar()
    again = window.phrase_again.actions[0]
    for top in bar.actions():
        edit = top.menu()
        language = next(
            (a for a in edit.actions() if a.menu() is not None and again in a.menu().actions()),
            None,
        )
        if language is None:
            continue
        edit.popup(window.mapToGlobal(bar.actionGeometry(top).bottomLeft()))
        settle()
        edit.setActiveAction(language)
        language.menu().popup(edit.mapToGlobal(edit.actionGeometry(language).topRight()))
        language.menu().setActiveAction(again)
        settle()
        path = out_dir / f"editor_recognise_again_menu{suffix}.png"
        if not QApplication.primaryScreen().grabWindow(0).save(str(path)):
            raise SystemExit(f"could not save {path}")
        saved.append(path)
        language.menu().close()
        edit.close()
        break
    if window.phrase_again.actions[0].isEnabled() and window.phrase_again.start("kk"):
        deadline = time.monotonic() + 60
        while window.phrase_again.running and time.monotonic() < deadline:
            settle(0.2)
        settle()
        path = out_dir / f"editor_recognised_again{suffix}.png"
        if not window.grab().save(str(path)):
            raise SystemExit(f"could not save {path}")
        saved.append(path)
    return saved


def main(argv: list[str]) -> int:
    if shutil.which("espeak-ng") is None:
        print("espeak-ng is missing: apt-get install -y espeak-ng", file=sys.stderr)
        return 2
    return xvfb.main(__file__, argv, shoot, DISPLAY)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
