"""The window, the editor and the queue's error sentences in Kazakh and Russian."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from kzdesk.app import AppContext
from kzdesk.audio import AudioError, probe
from kzdesk.core.job import Job, JobState
from kzdesk.engines import speechkit_errors
from kzdesk.services.playback_source import choose_source
from kzdesk.services.transcripts import TranscriptService
from kzdesk.storage.db import Database
from kzdesk.storage.transcripts import TranscriptStore
from kzdesk.ui import languages
from kzdesk.ui.editor.editor_window import EditorInputs, EditorWindow
from kzdesk.ui.editor.segment_model import Column as SegmentColumn
from kzdesk.ui.main_window import MainWindow
from kzdesk.ui.messages import translate_message
from kzdesk.ui.models.job_columns import Column
from kzdesk.ui.models.job_table_model import JobTableModel
from kzdesk.ui.status_summary import FailureDetails
from kzdesk.workers.dispatcher import Dispatcher
from tests.ui.editor.sample import sample

CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
KAZAKH = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)
MAIN_MENUS_EN = ["&File", "&Edit", "&Queue", "&Help"]
HORIZONTAL = Qt.Orientation.Horizontal
TOOLTIP = Qt.ItemDataRole.ToolTipRole


@pytest.fixture(params=["kk", "ru"])
def language(request, qapp: QApplication):
    installed = languages.install(request.param, qapp)
    assert len(installed) == 2, "qtbase and kzdesk translators"
    yield request.param
    languages.uninstall(installed, qapp)


def _mnemonics(titles: list[str]) -> list[str]:
    return [m.group(1).lower() for t in titles if (m := re.search(r"&(\w)", t))]


def _check_language(texts: list[str], code: str) -> None:
    for text in texts:
        assert CYRILLIC.search(text), text
    if code == "kk":
        if len("".join(texts)) > 25:  # short words may lack ә ғ қ ң ө ұ ү һ і
            assert any(KAZAKH.search(t) for t in texts), texts
    else:
        assert not any(KAZAKH.search(t) for t in texts), texts


def test_resolve_follows_the_setting_then_the_system() -> None:
    assert languages.resolve("kk") == "kk"
    assert languages.resolve("ru_RU") == "ru"
    assert languages.resolve("", QLocale("kk_KZ")) == "kk"
    assert languages.resolve("", QLocale("ru_KZ")) == "ru"
    assert languages.resolve("", QLocale("en_US")) == "en"
    assert languages.resolve("", QLocale("de_DE")) == "en"
    assert languages.resolve("fr", QLocale("ru_RU")) == "ru"  # unknown setting: the system's
    assert list(languages.LANGUAGES.values()) == ["Қазақша", "Русский", "English"]


def test_english_loads_only_its_plural_forms(qapp: QApplication) -> None:
    [plurals] = languages.load_translators("en")  # no qtbase: Qt's own strings are English
    # the translator gives the form; QCoreApplication.translate puts the number in
    assert plurals.translate("FileAdder", "Added %n recording(s)", "", 2) == "Added %n recordings"


def test_main_window_menus_and_toolbar_are_translated(qtbot, tmp_path: Path, language: str) -> None:
    ctx = AppContext.open(tmp_path / "data")
    dispatcher = Dispatcher(ctx.service, ctx.jobs, max_workers=1)
    window = MainWindow(
        ctx,
        dispatcher,
        check_connection=lambda key, folder: None,
        ui_state=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(window)
    try:
        menus = [a.text() for a in window.menuBar().actions()]
        assert len(menus) == len(MAIN_MENUS_EN)
        assert not set(menus) & set(MAIN_MENUS_EN)
        _check_language(menus, language)
        assert len(set(_mnemonics(menus))) == len(menus)  # each menu keeps its own Alt key
        actions = [
            window.menu_actions.add_files.text(),
            window.menu_actions.add_folder.text(),
            window.menu_actions.pause.text(),
            window.menu_actions.settings.text(),
            window.menu_actions.about.text(),
        ]
        _check_language(actions, language)
        model_headers = [str(window.model.headerData(c.value, HORIZONTAL)) for c in Column]
        _check_language(model_headers, language)
    finally:
        window.close()
        dispatcher.shutdown()
        if shiboken6.isValid(window):
            window.deleteLater()
        ctx.close()


def test_the_toolbar_language_choice_is_translated(qtbot, language: str) -> None:
    from PySide6.QtWidgets import QWidget

    from kzdesk.ui.job_actions import language_names

    owner = QWidget()
    qtbot.addWidget(owner)
    _check_language(list(language_names(owner).values()), language)


def test_editor_window_is_translated(qtbot, tmp_path: Path, language: str) -> None:
    store = TranscriptStore(Database.in_dir(tmp_path / "data"))
    transcript = sample(segments=5)
    inputs = EditorInputs(
        transcript_id=store.save(transcript),
        title="Жиналыс 12.11",
        playback=choose_source(None, [], transcript.duration_ms),
        waveform_cache=tmp_path / "cache",
        export_folder=tmp_path / "out",
    )
    window = EditorWindow(
        TranscriptService(store), inputs, ui_state=QSettings(str(tmp_path / "ui.ini"))
    )
    qtbot.addWidget(window)
    try:
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus and not set(menus) & {"&File", "&Edit", "&Playback", "&Speakers"}
        _check_language(menus, language)
        assert len(set(_mnemonics(menus))) == len(menus)
        texts = [window.menu_actions.undo.text(), window.menu_actions.export.text()]
        _check_language(texts, language)
        headers = [str(window.model.headerData(c.value, HORIZONTAL)) for c in SegmentColumn]
        _check_language(headers, language)
        # the playback notice of a missing recording comes from the non-Qt layer
        _check_language([window.status_label.text()], language)
    finally:
        window.close()


def test_a_job_error_from_the_audio_layer_shows_translated(
    qtbot, tmp_path: Path, language: str
) -> None:
    empty = tmp_path / "Жиналыс.mp3"
    empty.write_bytes(b"")
    with pytest.raises(AudioError) as raised:
        probe(empty)
    english = raised.value.message
    job = Job(id=1, source_path=str(empty), state=JobState.FAILED, error=english)
    model = JobTableModel([job])
    status = model.index(0, Column.STATUS.value)
    shown = model.data(status)
    assert shown != english
    assert "Жиналыс.mp3" in shown
    _check_language([shown], language)
    assert model.data(status, TOOLTIP) == shown

    details = FailureDetails()
    qtbot.addWidget(details)
    details.show_job(job)
    assert "Жиналыс.mp3" in details.label.text()
    assert english not in details.label.text()


def test_a_sentence_with_a_translatable_reason_is_translated_whole(language: str) -> None:
    error = speechkit_errors.from_rpc(None, "", speechkit_errors.Stage.SUBMIT)
    _check_language([translate_message(error.message)], language)
    quota = speechkit_errors.quota_error(speechkit_errors.Stage.SUBMIT).message
    assert "15" in translate_message(quota)
    nested = speechkit_errors.from_operation_error(99, "")  # "(no details)" inside
    translated = translate_message(nested.message)
    assert "no details" not in translated
    _check_language([translated], language)
    assert translate_message("Not one of ours.") == "Not one of ours."
    assert translate_message("") == ""


def test_qt_standard_buttons_are_translated(qtbot, language: str) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    text = box.button(QDialogButtonBox.StandardButton.Cancel).text()
    assert text.replace("&", "") != "Cancel"
    _check_language([text], language)


def test_language_names_new_speakers_and_sizes_speak_the_language(
    qtbot, tmp_path: Path, language: str
) -> None:
    from kzdesk.ui.dialogs.model_download_dialog import format_size
    from kzdesk.ui.editor.edit_session import EditSession
    from kzdesk.ui.editor.speakers_panel import SpeakersPanel

    model = JobTableModel([Job(id=1, source_path="/r/a.wav")])
    shown = model.index(0, Column.LANGUAGE).data()
    assert shown != "kk+ru" and "+" in shown  # "Қазақша + орысша", not a code
    _check_language([shown], language)

    store = TranscriptStore(Database.in_dir(tmp_path / "data"))
    session = EditSession(TranscriptService(store), store.save(sample(segments=3)))
    panel = SpeakersPanel(session)
    qtbot.addWidget(panel)
    speaker_id = panel.add_speaker()
    added = session.transcript.speaker(speaker_id)
    assert added is not None
    word = {"kk": "Сөйлеуші", "ru": "Спикер"}[language]
    assert added.name == f"{word} {len(session.transcript.speakers)}"

    previous = QLocale()
    QLocale.setDefault(QLocale(language))
    try:
        assert format_size(1_600_000_000).startswith("1,6")  # the locale's decimal comma
    finally:
        QLocale.setDefault(previous)


def test_a_chosen_language_brings_its_number_style(qapp: QApplication) -> None:
    previous = QLocale()
    english = QLocale("en_US")
    try:
        assert not languages.use_locale("en", "", english)  # following the system: unchanged
        assert not languages.use_locale("en", "en", english)  # the system's own language
        assert languages.use_locale("kk", "kk", english)
        assert QLocale().toString(1.6, "f", 1) == "1,6"
    finally:
        QLocale.setDefault(previous)


def test_the_engine_labels_of_the_registry_are_translated(qtbot, tmp_path: Path, language: str):
    from kzdesk.services.secrets import SecretStore
    from kzdesk.services.settings import Settings
    from kzdesk.ui.dialogs.settings_dialog import SettingsDialog
    from kzdesk.ui.job_actions import engine_names

    _check_language(list(engine_names().values()), language)  # the queue's Engine ▸ menu
    dialog = SettingsDialog(
        Settings(), SecretStore(tmp_path), tmp_path / "data", check_connection=lambda k, f: None
    )
    qtbot.addWidget(dialog)
    combo = dialog.engine_combo
    shown = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    _check_language([shown["whisper"], shown["server"]], language)  # SpeechKit keeps its name
