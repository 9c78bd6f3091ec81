"""How the window names and colours each category of difference and marker (the delegate
paints the colours; the legend, the panels and classroom mode show both)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from ..core.sharing.event_view import DIFFERENCE_CATEGORIES, MARKER_CATEGORIES

# Background colours by category: word-choice (lexical) candidates strongest; spelling,
# added or omitted words, rewording and punctuation faint. Chosen to stay distinguishable in greyscale print-outs too.
CATEGORY_COLOURS = {
    "lexical": QColor("#ffb347"),
    "loaded_term": QColor("#f4a6c6"),
    "scare_quotes": QColor("#d9c2f5"),
    "attribution_verb": QColor("#b9e4cf"),
    "number": QColor("#a9d2ff"),
    "spelling": QColor("#e4ecd9"),
    "added_omitted": QColor("#f2ead8"),
    "rewording": QColor("#efefef"),
    "punctuation": QColor("#ececec"),
    "search": QColor("#fff34d"),
}

ALL_CATEGORIES = DIFFERENCE_CATEGORIES + MARKER_CATEGORIES
# Each category's name, shown in the interface's language: read through CATEGORY_LABELS,
# which translates at each look-up (the table is built before any translator is installed).
_CATEGORY_SOURCES = {
    "lexical": QT_TRANSLATE_NOOP("Category", "Word choice"),
    "number": QT_TRANSLATE_NOOP("Category", "Number"),
    "spelling": QT_TRANSLATE_NOOP("Category", "Spelling"),
    "added_omitted": QT_TRANSLATE_NOOP("Category", "Added"),
    "rewording": QT_TRANSLATE_NOOP("Category", "Rewording"),
    "punctuation": QT_TRANSLATE_NOOP("Category", "Punctuation"),
    "loaded_term": QT_TRANSLATE_NOOP("Category", "Loaded term"),
    "scare_quotes": QT_TRANSLATE_NOOP("Category", "Scare quotes"),
    "attribution_verb": QT_TRANSLATE_NOOP("Category", "Attribution verb"),
    "search": QT_TRANSLATE_NOOP("Category", "Search hit"),
}


class _TranslatedNames(Mapping):
    def __init__(self, sources: dict[str, str]):
        self._sources = sources

    def __getitem__(self, key: str) -> str:
        return QCoreApplication.translate("Category", self._sources[key])

    def __iter__(self):
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


CATEGORY_LABELS: Mapping[str, str] = _TranslatedNames(_CATEGORY_SOURCES)
