"""Tell an article's claims from what surrounds them.

Each non-blank line of an article becomes a :class:`Segment` with a role:

* furniture: page debris from ``resources/furniture/furniture.csv`` (ad labels, share
  buttons, "related articles" and everything after it) and any line printed twice
  in one article (a photo caption);
* metadata: a dateline ("الرباط- (بي بي سي):"), byline, source line ("المصدر: ..."),
  a URL or date line, and subheadings inside the body;
* headline: the short lines at the top, before the body starts;
* body: everything else, later split into sentences.

A dateline that opens a body paragraph is cut off it as its own metadata segment.
Segments keep offsets into the original text; nothing is removed from it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from .. import resources
from ..model import Article, Segment, SegmentRole
from .normalize import fold, iter_words

HEADLINE_MAX_WORDS = 25
SUBHEADING_MAX_WORDS = 12
BYLINE_MAX_WORDS = 8
DATE_LINE_MAX_WORDS = 12

_BLANK = " \t\r\u00a0\u200b\u200c\u200d\u200e\u200f\u2028\u2029\ufeff"
_TRAILING = " :：.…-–—|"
_SENTENCE_END = (".", "؟", "?", "!", "…", "؛")
_CLOSERS = " \"'”»’)]"

_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
# "الرباط- (بي بي سي):", "القاهرة - (رويترز) -", "RABAT (Reuters) -", "LONDON, Nov 24 (AFP) -"
_DATELINE = re.compile(
    r"^\s*(?P<place>[^\s().:،,\-–—]+(?:[ ,،][^\s().:،,\-–—]+){0,2})\s*[-–—]?\s*"
    r"\((?P<agency>[^()\n]{2,40})\)\s*(?:[:：\-–—]+\s*|$)"
)
_MONTHS = (
    "يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر دجنبر "
    "كانون شباط آذار اذار نيسان أيار ايار حزيران تموز آب اب أيلول ايلول تشرين الأول الاول الثاني "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_WEEKDAYS = (
    "السبت الأحد الاحد الإثنين الاثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة "
    "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun "
    "م ص am pm gmt utc updated published آخر تحديث نشر في تاريخ"
)
_DATE_WORDS = frozenset(fold(w) for w in (_MONTHS + " " + _WEEKDAYS).split())


@dataclass(frozen=True)
class FurnitureEntry:
    text: str  # folded
    match: str  # line | prefix
    scope: str  # line | tail
    original: str


@lru_cache(maxsize=1)
def furniture_entries() -> tuple[FurnitureEntry, ...]:
    return tuple(
        FurnitureEntry(_key(row["text"]), row["match"], row["scope"], row["text"])
        for row in resources.read_csv("furniture", "furniture.csv")
    )


@lru_cache(maxsize=1)
def metadata_openers() -> tuple[tuple[str, str], ...]:
    """(folded opener, kind), longest first so "written by" wins over "by"."""
    rows = resources.read_csv("furniture", "metadata.csv")
    return tuple(sorted(((fold(r["text"]), r["kind"]) for r in rows), key=lambda p: -len(p[0])))


def _key(line: str) -> str:
    """A line's comparable form: folded, inner spaces collapsed, trailing colon/dots gone."""
    return " ".join(fold(line).split()).strip(_TRAILING)


def _words(text: str, limit: int) -> int:
    """How many words ``text`` has, counted up to ``limit`` only: every test here compares
    the count with a small number, and paragraphs are long (folding all their words cost
    most of the time an event took to be split)."""
    return sum(1 for _ in islice(iter_words(text), limit))


def _first_words(line: str, limit: int = DATE_LINE_MAX_WORDS + 1) -> list[str]:
    """The first ``limit`` words of a line (folded): folded once per line and shared by the
    tests, not again by each. The default is enough for all but the headline test, which
    asks for more only for a line that does not end a sentence."""
    return list(islice(iter_words(line), limit))


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith(_SENTENCE_END)


@lru_cache(maxsize=1)
def _furniture_texts() -> tuple[frozenset[str], tuple[str, ...]]:
    """Every entry's text, and the texts of the prefix entries."""
    entries = furniture_entries()
    return frozenset(e.text for e in entries), tuple(e.text for e in entries if e.match == "prefix")


def _match_furniture(key: str) -> FurnitureEntry | None:
    texts, prefixes = _furniture_texts()
    if key not in texts and not key.startswith(prefixes):
        return None  # most lines: told in two calls, without trying the entries one by one
    for entry in furniture_entries():
        if key == entry.text or (entry.match == "prefix" and key.startswith(entry.text)):
            return entry
    return None


def _is_date_line(text: str, first_words: list[str]) -> bool:
    words = first_words[:DATE_LINE_MAX_WORDS + 1]
    if not words or len(words) > DATE_LINE_MAX_WORDS:
        return False
    has_date = any(w in _DATE_WORDS for w in words) and any(w[0].isdigit() for w in words)
    has_date = has_date or bool(re.search(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}", text))
    leftovers = [w for w in words if not w[0].isdigit() and w not in _DATE_WORDS]
    return has_date and len(leftovers) <= 1


def _metadata_kind(text: str, first_words: list[str]) -> str | None:
    """The kind of a whole line that is metadata, or None (``first_words``: _first_words(text))."""
    if _URL_LINE.match(text):
        return "url"
    if _is_date_line(text, first_words):
        return "date"
    m = _DATELINE.match(text)
    if m and m.end() >= len(text.rstrip()):
        return "dateline"
    key = fold(text)
    for opener, kind in metadata_openers():
        if key.startswith(opener):
            rest = key[len(opener):]
            if kind == "source" and rest.lstrip().startswith((":", "：")):
                return "source"
            if kind == "byline" and rest[:1] in (" ", ":") \
                    and len(first_words) <= BYLINE_MAX_WORDS and not _ends_sentence(text):
                return "byline"
    return None


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, trimmed of surrounding blanks."""
    spans = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        while start < end and text[start] in _BLANK:
            start += 1
        while end > start and text[end - 1] in _BLANK:
            end -= 1
        if start < end:  # with words, or only punctuation or symbols (a divider, never a claim)
            spans.append((start, end))
    return spans


def segment(article: Article) -> list[Segment]:
    """The roles of all non-blank lines of ``article``, in text order."""
    text = article.text
    lines = _lines(text)
    keys = [_key(text[s:e]) for s, e in lines]
    repeated = {k for k, n in Counter(keys).items() if n > 1 and _words(k, 3) >= 3}
    # a line printed twice in a row is a caption; a headline printed again further down
    # (a page that repeats its title) keeps its first copy
    captions = {k for k, nxt in zip(keys, keys[1:]) if k == nxt and k in repeated}

    out: list[Segment] = []
    in_tail = False
    in_head = True
    kept_heads: set[str] = set()
    for para, ((start, end), key) in enumerate(zip(lines, keys)):
        line = text[start:end]

        def add(role: SegmentRole, reason: str, s: int = start, e: int = end) -> None:
            out.append(Segment(article.doc_id, s, e, role, reason, para))

        entry = None if in_tail else _match_furniture(key)
        if in_tail:
            add(SegmentRole.FURNITURE, "after the page footer")
            continue
        if entry is not None:
            in_tail = entry.scope == "tail"
            add(SegmentRole.FURNITURE, f"furniture: {entry.original}")
            continue
        words = _first_words(line)
        if not words:
            add(SegmentRole.FURNITURE, "no words")
            continue
        if key in repeated and (key in captions or key in kept_heads or not in_head
                                or not _looks_like_heading(line, words, HEADLINE_MAX_WORDS)):
            add(SegmentRole.FURNITURE, "line repeated in the article")
            continue
        if key in repeated:
            kept_heads.add(key)
        kind = _metadata_kind(line, words)
        if kind is not None:
            add(SegmentRole.METADATA, kind)
            continue
        if _looks_like_heading(line, words, HEADLINE_MAX_WORDS):
            if in_head:
                add(SegmentRole.HEADLINE, "headline")
                continue
            if len(words) <= SUBHEADING_MAX_WORDS:
                add(SegmentRole.METADATA, "subheading")
                continue
        in_head = False
        dateline = _DATELINE.match(line)
        if dateline and dateline.end() < len(line):
            body_start = start + dateline.end()
            add(SegmentRole.METADATA, "dateline", start, start + len(line[:dateline.end()].rstrip()))
            add(SegmentRole.BODY, "", body_start, end)
        else:
            add(SegmentRole.BODY, "")
    return out


def _looks_like_heading(line: str, first_words: list[str], max_words: int) -> bool:
    """Short and not ending a sentence (``first_words``: _first_words(line), counted further
    here if they stop short of ``max_words``)."""
    if _ends_sentence(line):
        return False
    if max_words >= len(first_words) == DATE_LINE_MAX_WORDS + 1:
        first_words = _first_words(line, max_words + 1)
    return len(first_words) <= max_words
