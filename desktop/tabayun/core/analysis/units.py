"""Split an article into claim-sized units: headlines and sentences, with offsets.

Sentences end at . ؟ ? ! … ؛ followed by space or the end of the paragraph, with any
closing quotation marks kept on the sentence. They do not end inside a quotation
(« » “ ” and straight quotes, when balanced in the paragraph), inside a number
("3.5"), after an abbreviation or an initial ("U.S.", "د."), or at an ellipsis
("..") that the paragraph goes on after.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import resources
from ..model import Article, Segment, SegmentRole, Unit, UnitKind
from .furniture import segment

_TERMINAL = ".؟?!…؛"
_CLOSERS = "\"'”»’)]"
_PAIRS = {"«": "»", "“": "”"}
_SPACE = re.compile(r"\s")
_PAIR_CLOSERS = frozenset(_PAIRS.values())
# The only characters sentence_spans acts on: it jumps from one to the next (a paragraph is
# mostly letters; stepping through them one by one took most of the time an event took to split).
_STOPS = re.compile("[" + re.escape("".join(sorted(set(_PAIRS) | _PAIR_CLOSERS | {'"'} | set(_TERMINAL)))) + "]")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    return frozenset(a.casefold() for a in resources.read_lines("abbreviations.txt"))


def _balanced_quotes(text: str) -> set[str]:
    """The quotation marks whose pairs balance in ``text`` (only those are tracked)."""
    usable = set()
    for opener, closer in _PAIRS.items():
        if text.count(opener) == text.count(closer) and text.count(opener):
            usable.add(opener)
    if text.count('"') and text.count('"') % 2 == 0:
        usable.add('"')
    return usable


def _word_before(text: str, pos: int) -> str:
    """The word that ends at ``pos`` (the terminal's index), with its own dots."""
    start = pos
    while start > 0 and not _SPACE.match(text[start - 1]) and text[start - 1] not in "«“\"(":
        start -= 1
    return text[start:pos + 1]


def _is_abbreviation(text: str, pos: int) -> bool:
    word = _word_before(text, pos)
    core = word.rstrip(".")
    return word.casefold() in abbreviations() or (len(core) == 1 and core.isalpha()) or (
        len(core) > 1 and "." in core and all(len(p) <= 2 for p in core.split("."))  # "U.S", "ق.م"
    )


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the sentences of ``text[start:end]``, trimmed of spaces."""
    para = text[start:end]
    tracked = _balanced_quotes(para)
    depth = 0
    straight_open = False
    spans = []
    sent_start = 0
    i = 0
    n = len(para)
    while i < n:
        stop = _STOPS.search(para, i)
        if stop is None:
            break
        i = stop.start()
        ch = para[i]
        if ch in tracked and ch in _PAIRS:
            depth += 1
        elif ch in _PAIR_CLOSERS and depth and any(_PAIRS[o] == ch for o in tracked if o in _PAIRS):
            depth -= 1
        elif ch == '"' and '"' in tracked:
            straight_open = not straight_open
        elif ch in _TERMINAL and depth == 0 and not straight_open:
            j = i
            while j + 1 < n and para[j + 1] in _TERMINAL:
                j += 1
            k = j + 1
            while k < n and para[k] in _CLOSERS:
                if para[k] == '"' and '"' in tracked:
                    break  # an opening straight quote of the next sentence, not a closer
                k += 1
            at_space = k >= n or para[k].isspace()
            ellipsis = para[i:j + 1].count(".") >= 2 or "…" in para[i:j + 1]
            if at_space and k < n and (
                (ch == "." and j == i and _is_abbreviation(para, i)) or ellipsis
            ):
                at_space = False
            if at_space:
                spans.append((sent_start, k))
                sent_start = k
            i = k
            continue
        i += 1
    spans.append((sent_start, n))
    out = []
    for s, e in spans:
        while s < e and para[s].isspace():
            s += 1
        while e > s and para[e - 1].isspace():
            e -= 1
        if s < e and any(c.isalnum() for c in para[s:e]):
            out.append((start + s, start + e))
    return out


def units_from_segments(article: Article, segments: list[Segment]) -> list[Unit]:
    units: list[Unit] = []
    for seg in segments:
        if seg.role is SegmentRole.HEADLINE:
            spans, kind = [(seg.start, seg.end)], UnitKind.HEADLINE
        elif seg.role is SegmentRole.BODY:
            spans, kind = sentence_spans(article.text, seg.start, seg.end), UnitKind.SENTENCE
        else:
            continue
        for s, e in spans:
            units.append(Unit(article.doc_id, len(units), s, e, article.text[s:e], kind, seg.paragraph))
    return units


def split_units(article: Article) -> tuple[list[Segment], list[Unit]]:
    """The article's segments (all roles) and its units (headlines and sentences)."""
    segments = segment(article)
    return segments, units_from_segments(article, segments)
