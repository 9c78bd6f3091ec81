"""The interface's language: Qt translators for Tabayun's strings and Qt's own dialogs.

Tabayun's strings are translated in ``resources/translations/tabayun_<lang>.ts`` (written with
``pyside6-lupdate``); the build compiles them to ``.qm`` (setup.py). Qt's own strings (OK,
Cancel, the file dialog) come from PySide6's ``qtbase_<lang>.qm``. The language is chosen at
start: ``TABAYUN_LANG`` (screenshots, tests), else Preferences, else the system locale; a
change in Preferences takes effect at the next start (no live retranslation).
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication

from ..core.resources import resource

# The interface languages, each named in its own language (Preferences lists them so).
LANGUAGES = {"en": "English", "ar": "العربية"}
DEFAULT_LANGUAGE = "en"

_current = DEFAULT_LANGUAGE
_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators


def system_language() -> str:
    """The system locale's language if Tabayun speaks it, else English."""
    for name in QLocale.system().uiLanguages() or [QLocale.system().name()]:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def choose_language(preference: str = "", environ: dict | None = None) -> str:
    """``TABAYUN_LANG``, else ``preference`` ("" = follow the system), else the system's."""
    env = os.environ if environ is None else environ
    for value in (env.get("TABAYUN_LANG", ""), preference):
        code = (value or "").strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return system_language()


def translation_file(language: str):
    """Tabayun's compiled translation (a Traversable), whether or not it exists."""
    return resource("translations", f"tabayun_{language}.qm")


def install(app: QCoreApplication, language: str) -> str:
    """Install the translators for ``language`` and lay the interface out in its direction.

    Returns the language installed: English when ``language``'s translation is missing
    (said on stderr, with what to do). English has a translation file too: its plurals."""
    global _current
    if _installed and language == _current:
        return _current  # already so: no LanguageChange sent to every widget again
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language not in LANGUAGES or not translation_file(language).is_file():
        if language != DEFAULT_LANGUAGE:
            _say_not_built(language)
        language = DEFAULT_LANGUAGE
    if language != DEFAULT_LANGUAGE:
        qt = QTranslator(app)  # Qt's own dialogs and buttons
        if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    ours = QTranslator(app)
    qm = translation_file(language)
    if qm.is_file() and ours.load(str(qm)):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        _say_not_built(language)
    _current = language
    # QLocale's default is left alone: with it Arabic, spin boxes would show Arabic-Indic digits
    # beside the Western digits of every count and score Tabayun formats itself.
    if isinstance(app, QGuiApplication):
        app.setLayoutDirection(layout_direction())
    return language


def _say_not_built(language: str) -> None:
    print(f"tabayun: the {LANGUAGES.get(language, language)} interface is not built "
          f"({translation_file(language)} is missing); reinstall Tabayun (pip install .) to build its "
          "translations.", file=sys.stderr)


def layout_direction() -> Qt.LayoutDirection:
    """Right to left when the installed translation says so (its QT_LAYOUT_DIRECTION entry)."""
    rtl = QCoreApplication.translate("Tabayun", "QT_LAYOUT_DIRECTION") == "RTL"
    return Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight


def current_language() -> str:
    """The interface's language ("en", "ar"): codes and names are shown in it."""
    return _current
