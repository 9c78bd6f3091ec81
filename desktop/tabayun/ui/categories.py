"""How the window names and colours each category of difference and marker (the delegate
paints the colours; the legend, the panels and classroom mode show both)."""

from __future__ import annotations

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
CATEGORY_LABELS = {
    "lexical": "Word choice",
    "number": "Number",
    "spelling": "Spelling",
    "added_omitted": "Added",
    "rewording": "Rewording",
    "punctuation": "Punctuation",
    "loaded_term": "Loaded term",
    "scare_quotes": "Scare quotes",
    "attribution_verb": "Attribution verb",
    "search": "Search hit",
}
