"""A stretch of words selected inside one grid cell, with the mouse or Shift+arrows.

Positions here are Python indices into the cell's text (which is the article's original
text from the cell's start): the labelling code adds the cell's start to get article
offsets. Qt's UTF-16 positions are converted in :mod:`tabayun.ui.offsets`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QPersistentModelIndex


def _in_word(ch: str) -> bool:
    # letters, digits and combining marks (Arabic diacritics are marks: a word keeps them)
    return unicodedata.category(ch)[0] in "LNM" or ch in "_'’-"


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word of ``text``: runs of letters, digits and marks."""
    spans, start = [], None
    for i, ch in enumerate(text):
        if _in_word(ch):
            if start is None:
                start = i
        elif start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def words_between(words: list[tuple[int, int]], a: int, b: int) -> tuple[int, int] | None:
    """Indices (first, last) of the words a drag from position ``a`` to ``b`` touches:
    a word half covered counts whole, as annotators mean it."""
    lo, hi = min(a, b), max(a, b)
    touched = [i for i, (s, e) in enumerate(words) if s < hi and e > lo] if hi > lo else \
        [i for i, (s, e) in enumerate(words) if s <= lo <= e]
    return (touched[0], touched[-1]) if touched else None


@dataclass
class CellSelection:
    """Words ``anchor``..``focus`` (inclusive, either order) of the cell at ``index``."""

    index: QPersistentModelIndex
    words: list[tuple[int, int]]
    anchor: int
    focus: int

    @property
    def span(self) -> tuple[int, int]:
        first, last = sorted((self.anchor, self.focus))
        return self.words[first][0], self.words[last][1]

    def extend(self, step: int) -> None:
        """Shift+arrow: the moving end goes one word further (or back)."""
        self.focus = max(0, min(len(self.words) - 1, self.focus + step))

    def move(self, step: int) -> None:
        """Ctrl+Shift+arrow: the whole selection one word along, its length kept."""
        if 0 <= self.anchor + step < len(self.words) and 0 <= self.focus + step < len(self.words):
            self.anchor += step
            self.focus += step
