"""The interface languages: which one to use at start, and the translators that make it so.

The setting ``interface_language`` is ``""`` (follow the system) or one of :data:`LANGUAGES`.
Following the system means the first of the system's preferred languages that kzdesk has
(``QLocale.system().uiLanguages()``); English when it has none of them. A change applies at the
next start. For Kazakh and Russian two translators are installed: Qt's own ``qtbase`` (standard
buttons, file dialogs, context menus of text fields) and kzdesk's (``resources/translations``);
for English only kzdesk's plural forms.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from kzdesk.resources import resource_path

SOURCE_LANGUAGE = "en"
# code -> the language's name in itself, as the settings list shows it
LANGUAGES: dict[str, str] = {"kk": "Қазақша", "ru": "Русский", "en": "English"}


def system_language(locale: QLocale | None = None) -> str:
    """The first of the system's preferred languages that kzdesk has, else English."""
    locale = QLocale.system() if locale is None else locale
    for tag in [*locale.uiLanguages(), locale.name()]:
        code = tag.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def resolve(setting: str, locale: QLocale | None = None) -> str:
    """The language to use: the setting when it names one kzdesk has, else the system's."""
    code = (setting or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else system_language(locale)


def translations_folder() -> str:
    return str(resource_path("translations"))


def load_translators(code: str, parent: QObject | None = None) -> list[QTranslator]:
    """Qt's and kzdesk's translators for ``code``; for English, the source language, only
    kzdesk's plural forms ("1 recording", "2 recordings")."""
    if code not in LANGUAGES:
        return []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    files = [(f"kzdesk_{code}", translations_folder())]
    if code != SOURCE_LANGUAGE:
        files.insert(0, (f"qtbase_{code}", qt_folder))
    loaded = []
    for name, folder in files:
        translator = QTranslator(parent)
        if translator.load(name, folder):
            loaded.append(translator)
    return loaded


def use_locale(code: str, setting: str, locale: QLocale | None = None) -> bool:
    """Numbers, sizes and dates follow a language the user chose that is not the system's
    ("1,6 GB" in Kazakh on an English system): the default QLocale becomes that language's.
    True when it changed."""
    if not (setting or "").strip() or code == system_language(locale):
        return False
    QLocale.setDefault(QLocale(code))
    return True


_INSTALLED: list[QTranslator] = []  # what install() put on the application, in order


def install(code: str, app: QCoreApplication) -> list[QTranslator]:
    """Install the translators of ``code`` on ``app``; returns them (to remove them again)."""
    translators = load_translators(code, app)
    for translator in translators:
        app.installTranslator(translator)
        _INSTALLED.append(translator)
    return translators


def uninstall(translators: list[QTranslator], app: QCoreApplication) -> None:
    for translator in translators:
        app.removeTranslator(translator)
        if translator in _INSTALLED:
            _INSTALLED.remove(translator)


def uninstall_all(app: QCoreApplication) -> None:
    """Back to the source language (tests that started the whole app)."""
    uninstall(list(_INSTALLED), app)
