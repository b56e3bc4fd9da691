"""Refresh the interface translations: ``python tools/update_translations.py``.

1. ``lupdate`` (Qt's, shipped with PySide6) scans every ``kzdesk/**/*.py`` for ``tr()``,
   ``QCoreApplication.translate()``, ``QT_TRANSLATE_NOOP()`` (also the Qt-free marker of
   ``kzdesk.core.i18n``) and merges the strings into ``resources/translations/kzdesk_kk.ts`` and
   ``kzdesk_ru.ts``: existing translations are kept, new strings arrive as ``unfinished``,
   strings no longer in the code are dropped.
2. ``lrelease`` compiles each ``.ts`` into the ``.qm`` next to it (what the app loads).
3. The templates of the ``Messages`` context (sentences of the non-Qt layers) are written to
   ``resources/translations/message_templates.json``, which the window uses to recognise a
   stored English sentence (``kzdesk.ui.messages``).
4. The translations of the ``Exports`` context (the words kzdesk writes into exported files
   and default speaker names) are written to ``resources/translations/export_words.json``,
   which the Qt-free export code reads (``kzdesk.services.wording``).
5. English gets the plural forms only (``kzdesk_en.ts``, ``lupdate -pluralonly``): "1
   recording", "2 recordings" instead of "recording(s)". New entries are filled by rule
   (``(s)``/``(es)`` dropped or kept); correct the grammar of a sentence by hand in the file.

Translate the new ``unfinished`` entries (Qt Linguist: ``pyside6-linguist``, or any editor),
then run the script again so the ``.qm`` files match. ``--check`` changes nothing and exits 1
when the ``.ts``/``.qm``/json files are out of date or a translation is missing.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "kzdesk"
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("kk", "ru")
PLURALS_ONLY = "en"  # the source language: only its plural forms are translated
MESSAGES_CONTEXT = "Messages"
TEMPLATES_FILE = "message_templates.json"
EXPORTS_CONTEXT = "Exports"
WORDS_FILE = "export_words.json"


def qt_tool(name: str) -> str:
    """The path of ``lupdate``/``lrelease`` from the installed PySide6."""
    import PySide6  # namespace package in some installs: use __path__, not __file__

    suffix = ".exe" if sys.platform == "win32" else ""
    for folder in PySide6.__path__:
        for candidate in (Path(folder) / f"{name}{suffix}", Path(folder) / "Qt" / "bin" / name):
            if candidate.is_file():
                return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (it ships lupdate and lrelease)")
    return found


def ts_path(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"kzdesk_{language}.ts"


def qm_path(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"kzdesk_{language}.qm"


def run_lupdate(ts_file: Path, language: str) -> None:
    """Merge the strings of the current sources into ``ts_file`` (created when missing)."""
    command = [
        qt_tool("lupdate"),
        "-silent",
        "-extensions",
        "py",
        "-locations",
        "none",
        "-no-obsolete",
        "-sort-messages",
        "-target-language",
        language,
        *(["-pluralonly"] if language == PLURALS_ONLY else []),
        str(SOURCES),
        "-ts",
        str(ts_file),
    ]
    subprocess.run(command, check=True, cwd=ROOT)


def english_forms(source: str) -> tuple[str, str]:
    """(one, many) of an English plural message by rule: "file(s)" -> "file", "files"."""
    one = source.replace("(es)", "").replace("(s)", "")
    many = source.replace("(es)", "es").replace("(s)", "s")
    return one, many


def fill_english_plurals(ts_file: Path) -> bool:
    """Give new English plural entries their two forms by rule; True when any was filled."""
    tree = ET.parse(ts_file)
    filled = False
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        for form in list(translation):
            translation.remove(form)
        translation.text = None
        for text in english_forms(message.findtext("source") or ""):
            ET.SubElement(translation, "numerusform").text = text
        del translation.attrib["type"]
        filled = True
    if filled:
        tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return filled


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    command = [qt_tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, check=True, cwd=ROOT)


def message_templates(ts_file: Path) -> list[str]:
    """The source texts of the ``Messages`` context, sorted."""
    root = ET.parse(ts_file).getroot()
    found: set[str] = set()
    for context in root.iter("context"):
        if context.findtext("name") != MESSAGES_CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            found.add(message.findtext("source") or "")
    return sorted(found)


def write_templates(ts_file: Path, target: Path) -> None:
    data = {"context": MESSAGES_CONTEXT, "templates": message_templates(ts_file)}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    target.write_text(text, encoding="utf-8", newline="\n")


def export_words(ts_file: Path) -> dict[str, str]:
    """English text -> its finished translation, for the ``Exports`` context."""
    words = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        if context.findtext("name") != EXPORTS_CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") or not (translation.text or ""):
                continue
            words[message.findtext("source") or ""] = translation.text or ""
    return dict(sorted(words.items()))


def write_words(folder: Path, target: Path) -> None:
    languages = {language: export_words(ts_path(language, folder)) for language in LANGUAGES}
    data = {"context": EXPORTS_CONTEXT, "languages": languages}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    target.write_text(text, encoding="utf-8", newline="\n")


def update(folder: Path = FOLDER) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        run_lupdate(ts_path(language, folder), language)
        run_lrelease(ts_path(language, folder), qm_path(language, folder))
    english = ts_path(PLURALS_ONLY, folder)
    run_lupdate(english, PLURALS_ONLY)
    if fill_english_plurals(english):
        run_lupdate(english, PLURALS_ONLY)  # back in lupdate's own layout
    run_lrelease(english, qm_path(PLURALS_ONLY, folder))
    write_templates(ts_path(LANGUAGES[0], folder), folder / TEMPLATES_FILE)
    write_words(folder, folder / WORDS_FILE)


def unfinished(ts_file: Path) -> list[str]:
    """``context: source`` of every message without a complete translation."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else list(translation.iter("numerusform"))
            texts = (
                [f.text or "" for f in forms]
                if forms
                else ["" if translation is None else translation.text or ""]
            )
            if (
                translation is None
                or translation.get("type") == "unfinished"
                or not all(t.strip() for t in texts)
            ):
                missing.append(f"{name}: {message.findtext('source')}")
    return missing


def check() -> list[str]:
    """What is out of date, without changing anything (empty when all is current)."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp)
        for language in (*LANGUAGES, PLURALS_ONLY):
            if ts_path(language).exists():
                shutil.copy2(ts_path(language), ts_path(language, copy))
        update(copy)
        for language in (*LANGUAGES, PLURALS_ONLY):
            ts, qm = ts_path(language), qm_path(language)
            if not ts.exists() or ts.read_bytes() != ts_path(language, copy).read_bytes():
                problems.append(f"{ts.name} is not up to date with the sources")
            if not qm.exists() or not filecmp.cmp(qm, qm_path(language, copy), shallow=False):
                problems.append(f"{qm.name} is not compiled from the current {ts.name}")
            problems += [
                f"{ts.name}: untranslated {m}" for m in unfinished(ts_path(language, copy))
            ]
        for name in (TEMPLATES_FILE, WORDS_FILE):
            current = FOLDER / name
            if not current.exists() or current.read_bytes() != (copy / name).read_bytes():
                problems.append(f"{name} is not up to date")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    update()
    for language in LANGUAGES:
        missing = unfinished(ts_path(language))
        print(f"{ts_path(language).relative_to(ROOT)}: {len(missing)} untranslated")
        for item in missing:
            print(f"    {item}")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
