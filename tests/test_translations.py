"""The interface translations (resources/translations) are complete, current and well-formed.

When one of these fails after adding or changing a string: run
``python tools/update_translations.py``, translate the ``unfinished`` entries of
``kzdesk_kk.ts`` and ``kzdesk_ru.ts``, and run the script again (it compiles the .qm files).
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kzdesk.core import i18n

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("kk", "ru")
QT_ALLOWED = ("kzdesk/ui/", "kzdesk/workers/")
PLACEHOLDER = re.compile(r"%(?:[1-9]|n|v|m|p)|\{\w*\}")
TAG = re.compile(r"</?\w+>")
ACCELERATOR = re.compile(r"&(?!&)(\w)")
KAZAKH_ONLY = set("әғқңөұүһі")  # letters Kazakh Cyrillic has and Russian does not


def _tool():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("update_translations", module)
    spec.loader.exec_module(module)
    return module


tool = _tool()


def _messages(ts_file: Path) -> list[tuple[str, str, list[str]]]:
    """(context, source, translations) of every message; numerus messages have several."""
    found = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")]
            found.append(
                (
                    context.findtext("name") or "",
                    message.findtext("source") or "",
                    forms or [translation.text or ""],
                )
            )
    return found


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory) -> Path:
    """The translation folder as ``update_translations.py`` would leave it now."""
    copy = tmp_path_factory.mktemp("translations")
    for language in (*LANGUAGES, tool.PLURALS_ONLY):
        shutil.copy2(tool.ts_path(language), tool.ts_path(language, copy))
    tool.update(copy)
    return copy


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_of_the_sources_is_in_the_ts(refreshed: Path, language: str) -> None:
    def keys(path: Path) -> set[tuple[str, str]]:
        return {(context, source) for context, source, _ in _messages(path)}

    current = keys(tool.ts_path(language))
    extracted = keys(tool.ts_path(language, refreshed))
    assert sorted(extracted - current) == [], "run tools/update_translations.py and translate"
    assert sorted(current - extracted) == [], "strings gone from the code: run the script"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    assert tool.unfinished(tool.ts_path(language)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_ts_is_as_lupdate_writes_it(refreshed: Path, language: str) -> None:
    assert tool.ts_path(language).read_bytes() == tool.ts_path(language, refreshed).read_bytes()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_qm_is_compiled_from_the_current_ts(tmp_path: Path, language: str) -> None:
    compiled = tmp_path / f"kzdesk_{language}.qm"
    tool.run_lrelease(tool.ts_path(language), compiled)
    assert tool.qm_path(language).read_bytes() == compiled.read_bytes(), "run the script"


def test_the_message_templates_file_is_current(refreshed: Path) -> None:
    shipped = json.loads((FOLDER / tool.TEMPLATES_FILE).read_text(encoding="utf-8"))
    fresh = json.loads((refreshed / tool.TEMPLATES_FILE).read_text(encoding="utf-8"))
    assert shipped == fresh
    assert len(shipped["templates"]) > 50  # the sentences of audio, engines, export, services


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_and_markup_survive_translation(language: str) -> None:
    wrong = []
    for context, source, translations in _messages(tool.ts_path(language)):
        for text in translations:
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                wrong.append((context, source, text))
            if sorted(TAG.findall(source)) != sorted(TAG.findall(text)):
                wrong.append((context, source, text))
    assert wrong == []


def test_one_placeholder_style_named_braces() -> None:
    """Values go in as ``{name}`` through ``str.format``; Qt's ``%1`` marks are not used (``%n``
    stays: it is how Qt picks a plural form)."""
    numbered = re.compile(r"%[1-9]")
    found = [
        f"{context}: {source}"
        for context, source, _ in _messages(tool.ts_path("ru"))
        if numbered.search(source)
    ]
    assert found == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_accelerators_are_kept_once(language: str) -> None:
    wrong = []
    for context, source, translations in _messages(tool.ts_path(language)):
        for text in translations:
            if len(ACCELERATOR.findall(source)) != len(ACCELERATOR.findall(text)):
                wrong.append((context, source, text))
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_are_in_the_language_not_english(language: str) -> None:
    """Every translation has Cyrillic unless the source has no words (``{title} — {state}``, ``JSO&N``)
    or is a name (``SpeechKit (Yandex Cloud)``); Kazakh reads as Kazakh somewhere."""
    latin_words = re.compile(r"[A-Za-z]{3,}")
    untranslated = []
    kazakh_letters = 0
    for context, source, translations in _messages(tool.ts_path(language)):
        words = re.sub(r"%\w|\{\w*\}|<[^>]+>|&", "", source)
        for text in translations:
            kazakh_letters += sum(ch in KAZAKH_ONLY for ch in text.lower())
            has_cyrillic = re.search(r"[а-яА-ЯёЁ" + "".join(KAZAKH_ONLY) + "]", text)
            if not has_cyrillic and text == source and latin_words.search(words):
                untranslated.append((context, source))
    allowed = {
        "kzdesk {version}",
        "{title} — {state} — kzdesk",
        "SpeechKit (Yandex Cloud)",
        "&Word (.docx)",
        "JSO&N",
    }
    assert [u for u in untranslated if u[1] not in allowed] == []
    if language == "kk":
        assert kazakh_letters > 500
    else:
        assert kazakh_letters == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_messages_have_the_forms_of_the_language(language: str) -> None:
    expected = {"kk": 2, "ru": 3}[language]
    numerus = [m for m in _messages(tool.ts_path(language)) if len(m[2]) > 1]
    assert numerus, "the sources have %n messages"
    assert {len(translations) for _, _, translations in numerus} == {expected}
    # a count (%n) only finds its translation as a plural message: lupdate makes one of tr()
    # with %n, not of QCoreApplication.translate(), whose translation is then never shown
    counted = [f"{c}: {s}" for c, s, forms in _messages(tool.ts_path(language)) if "%n" in s]
    assert [m for m in counted if m not in {f"{c}: {s}" for c, s, _ in numerus}] == []


# ---- the Qt-free marker of the non-UI layers -------------------------------------------


def _marker_calls(path: Path) -> list[ast.Call]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "QT_TRANSLATE_NOOP"
    ]


def test_non_ui_markers_use_the_messages_context_and_one_literal() -> None:
    """lupdate reads only literal arguments; the window translates the ``Messages`` context,
    exports the ``Exports`` one (kzdesk.services.wording)."""
    wrong = []
    for path in sorted((ROOT / "kzdesk").rglob("*.py")):
        relative = str(path.relative_to(ROOT))
        if relative.startswith(QT_ALLOWED) or relative == "kzdesk/core/i18n.py":
            continue
        for call in _marker_calls(path):
            context, text = [*call.args, None, None][:2]
            contexts = (i18n.CONTEXT, i18n.EXPORT_CONTEXT, i18n.FORMAT_CONTEXT)
            if not (isinstance(context, ast.Constant) and context.value in contexts):
                wrong.append(f"{relative}:{call.lineno}: context")
            if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
                wrong.append(f"{relative}:{call.lineno}: not one literal (an f-string?)")
    assert wrong == []


def test_a_template_matches_what_format_made_of_it() -> None:
    template = "“{name}” could not be read ({reason}). Check the disk."
    text = template.format(name="Жиналыс (1).mp3", reason="read error")
    assert i18n.match_template([template], text) == (
        template,
        {"name": "Жиналыс (1).mp3", "reason": "read error"},
    )
    assert i18n.match_template([template], "Something else.") is None
    assert i18n.placeholders(template) == ["name", "reason"]


def test_the_most_specific_template_wins() -> None:
    general = "{text}."
    specific = "“{name}” is empty (0 bytes)."
    text = specific.format(name="a.mp3")
    assert i18n.match_template([general, specific], text) == (specific, {"name": "a.mp3"})
    assert i18n.match_template([general, specific], "x failed.") == (general, {"text": "x failed"})


def test_the_export_words_file_is_current(refreshed: Path) -> None:
    """The Qt-free export code reads the Exports context's translations from this file."""
    current = FOLDER / tool.WORDS_FILE
    assert current.read_bytes() == (refreshed / tool.WORDS_FILE).read_bytes()
    words = json.loads(current.read_text(encoding="utf-8"))["languages"]
    for language in LANGUAGES:
        assert words[language]["Speaker {number}"] != "Speaker {number}"


def test_english_says_one_recording_and_two_recordings(qtbot, refreshed: Path) -> None:
    """The source language's plural forms: no "recording(s)" in the English interface."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    english = tool.ts_path(tool.PLURALS_ONLY)
    assert english.read_bytes() == tool.ts_path(tool.PLURALS_ONLY, refreshed).read_bytes()
    assert tool.unfinished(english) == []
    translator = QTranslator()
    assert translator.load(str(tool.qm_path(tool.PLURALS_ONLY)))
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        one = QCoreApplication.translate("FileAdder", "Added %n recording(s)", "", 1)
        many = QCoreApplication.translate("FileAdder", "Added %n recording(s)", "", 3)
        people = QCoreApplication.translate("JobTableModel", "%n people", "", 1)
    finally:
        app.removeTranslator(translator)
    assert (one, many, people) == ("Added 1 recording", "Added 3 recordings", "1 person")


def test_new_english_plurals_are_filled_by_rule() -> None:
    assert tool.english_forms("skipped %n file(s), %n match(es)") == (
        "skipped %n file, %n match",
        "skipped %n files, %n matches",
    )
