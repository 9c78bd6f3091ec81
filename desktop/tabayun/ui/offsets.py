"""Python string indices -> Qt (UTF-16) positions: the one place they are converted.

Core offsets count Unicode code points (Python ``str`` indices). Qt's QString counts
UTF-16 code units, where a character outside the Basic Multilingual Plane (an emoji,
some CJK) takes two. Every range the UI hands to Qt goes through here.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterable, Sequence


def _astral_positions(text: str) -> list[int]:
    """Python indices of the characters that take two UTF-16 units."""
    if text.isascii() or max(text) < "\U00010000":
        return []
    return [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]


def utf16_index(text: str, index: int) -> int:
    """The UTF-16 position in ``text`` of the Python index ``index``."""
    return index + bisect_left(_astral_positions(text), index)


def utf16_length(text: str) -> int:
    return utf16_index(text, len(text))


def python_index(text: str, utf16: int) -> int:
    """The inverse: the Python index of UTF-16 position ``utf16`` (rounded down inside a pair)."""
    astral = _astral_positions(text)
    index = utf16
    for n, pos in enumerate(astral):
        if pos + n < utf16:
            index -= 1
        else:
            break
    return min(max(index, 0), len(text))


def to_utf16_ranges(text: str, spans: Iterable[Sequence]) -> list[tuple[int, int, object]]:
    """``(start, end, tag)`` Python ranges of ``text`` -> ``(start, length, tag)`` in UTF-16."""
    astral = _astral_positions(text)
    out = []
    for start, end, tag in spans:
        s = start + bisect_left(astral, start)
        e = end + bisect_left(astral, end)
        out.append((s, e - s, tag))
    return out
