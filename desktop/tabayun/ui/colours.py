"""The highlight colours, one per category (the delegate paints them, the legend and the
panels show them)."""

from __future__ import annotations

from PySide6.QtGui import QColor

# Background colours by category: word-choice (lexical) candidates strongest; spelling and
# punctuation faint. Chosen to stay distinguishable in greyscale print-outs too.
CATEGORY_COLOURS = {
    "lexical": QColor("#ffb347"),
    "loaded_term": QColor("#f4a6c6"),
    "scare_quotes": QColor("#d9c2f5"),
    "attribution_verb": QColor("#b9e4cf"),
    "number": QColor("#a9d2ff"),
    "spelling": QColor("#e4ecd9"),
    "punctuation": QColor("#ececec"),
    "search": QColor("#fff34d"),
}
