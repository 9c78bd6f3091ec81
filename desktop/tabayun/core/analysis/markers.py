"""Framing markers inside single articles: loaded terms, judging attribution verbs
and scare quotes.

* Lexicon terms (``resources/lexicons/framing.csv`` and ``attribution.csv``) are
  matched as sequences of whole words on folded tokens, so spelling (hamza forms,
  diacritics, taa marbuta, case) does not matter and a short term never matches inside
  a longer word. An Arabic word may carry attached clitics (و ف ب ل ك ال): "والقدس
  المحتلة" and "لجيش الاحتلال" are found. Where entries overlap, the longest wins.
* Scare quotes: a name or short term (1-3 words) in quotation marks that the event's
  articles also write bare elsewhere: 003's "إسرائيل" against everyone's إسرائيل.
  A quoted sentence is a quote, not a scare quote.

Only units (headlines and sentences) are searched, so page furniture never yields a
marker. Every span covers whole words of ``article.text``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .. import resources
from ..model import Article, Marker, Unit
from .categories import require
from .normalize import Normalizer, Token, is_arabic, strip_al, tokenize

MARKER_COLUMNS = ["doc_id", "char_start", "char_end", "text", "category", "entry"]

LOADED_TERM = "loaded_term"
SCARE_QUOTES = "scare_quotes"
ATTRIBUTION_VERB = "attribution_verb"
# attribution.csv only: a plain reporting verb listed for contrast; never a marker.
NEUTRAL = "neutral"
LEXICON_FILES = (("lexicons", "framing.csv"), ("lexicons", "attribution.csv"))

MAX_SCARE_WORDS = 3  # more words in quotation marks is a quote, not a scare quote
_DOUBLE_QUOTES = '"“”«»„‟'
_SINGLE_QUOTES = "'‘’"  # also apostrophes: these must stand free of words on both sides
_DOUBLE_RE, _SINGLE_RE = re.compile(f"[{_DOUBLE_QUOTES}]"), re.compile(f"[{_SINGLE_QUOTES}]")
# A quoted stretch with clause punctuation in it is a quoted statement.
_CLAUSE_PUNCT = re.compile(r"[!?؟:;؛،,]|\.\s*$")
# Letters, digits and the marks Arabic words carry (incl. tatweel, as in لـ"إسرائيل").
_WORD_CHAR = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d]")
# What may stand between the words of one lexicon term: "so-called", "so called".
_TERM_GAP = re.compile(r"[\s\-\u2010\u2011]+")
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")


@dataclass(frozen=True)
class LexiconEntry:
    term: str  # as written in the lexicon file
    category: str
    keys: tuple[str, ...]  # one matching key per word (see _entry_key)


def _entry_key(folded: str) -> str:
    """A lexicon word's key: folded, Arabic ال dropped (it is optional in matching)."""
    return strip_al(folded) if is_arabic(folded) else folded


@lru_cache(maxsize=1 << 16)  # an event repeats its words: key each spelling once
def _token_keys(folded: str, first: bool) -> frozenset[str]:
    """Keys a text word may match: itself, without ال, and (first word of a term only)
    without a conjunction and/or preposition clitic: "والقدس", "لجيش", "وزعم"."""
    if not is_arabic(folded):
        return frozenset((folded,))
    keys = {folded, strip_al(folded)}
    if first:
        word = folded
        if word[:1] in _CONJUNCTIONS and len(word) > 3:
            word = word[1:]
            keys.update((word, strip_al(word)))
        if word[:1] in _PREPOSITIONS and len(word) > 3:
            keys.add(word[1:])
    return frozenset(keys)


@lru_cache(maxsize=1)
def lexicon_index() -> dict[str, tuple[LexiconEntry, ...]]:
    """Marker-producing entries by the key of their first word, longest term first."""
    require((LOADED_TERM, SCARE_QUOTES, ATTRIBUTION_VERB), kind="marker")
    index: dict[str, list[LexiconEntry]] = defaultdict(list)
    seen: dict[tuple[str, ...], str] = {}
    for parts in LEXICON_FILES:
        for row in resources.read_csv(*parts):
            where = f"{'/'.join(parts)}: {row['term']!r}"
            if row["category"] == NEUTRAL:
                continue
            require((row["category"],), kind="marker")
            keys = tuple(_entry_key(t.folded) for t in tokenize(row["term"]))
            if not keys:
                raise ValueError(f"{where} has no words")
            if keys in seen:
                raise ValueError(f"{where} duplicates {seen[keys]!r}")
            seen[keys] = row["term"]
            index[keys[0]].append(LexiconEntry(row["term"], row["category"], keys))
    return {k: tuple(sorted(v, key=lambda e: -len(e.keys))) for k, v in index.items()}


def _lexicon_matches(text: str, tokens: list[Token]) -> list[tuple[int, int, LexiconEntry]]:
    """(first token, end token, entry) for every entry matching at every position."""
    index = lexicon_index()
    found = []
    for i, tok in enumerate(tokens):
        for key in _token_keys(tok.folded, first=True):
            for entry in index.get(key, ()):
                end = i + len(entry.keys)
                if end > len(tokens):
                    continue
                ok = True
                for j in range(i + 1, end):
                    if entry.keys[j - i] not in _token_keys(tokens[j].folded, first=False) or not _TERM_GAP.fullmatch(
                            text[tokens[j - 1].end:tokens[j].start]):
                        ok = False
                        break
                if ok:
                    found.append((i, end, entry))
    return found


def _longest_first(matches: list[tuple[int, int, LexiconEntry]]) -> list[tuple[int, int, LexiconEntry]]:
    """Drop matches overlapping a longer one ("الاحتلال" inside "جيش الاحتلال")."""
    kept: list[tuple[int, int, LexiconEntry]] = []
    taken: set[int] = set()
    for i, end, entry in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        if taken.isdisjoint(range(i, end)):
            kept.append((i, end, entry))
            taken.update(range(i, end))
    return kept


def _short_quotes(text: str, start: int, end: int) -> list[tuple[int, int, list[Token]]]:
    """Short quoted stretches in ``text[start:end]``: (open quote, after close quote, words).

    Quotes are paired with the next quote mark of the same family; a pair counts when
    the opening mark leans on the word after it and the closing mark on the word before
    it and not on a word after it. Nested quotes ("... لـ"إسرائيل" ...") then still yield
    the inner short one.
    """
    spans = []
    for family, marks_re in ((_DOUBLE_QUOTES, _DOUBLE_RE), (_SINGLE_QUOTES, _SINGLE_RE)):
        marks = [m.start() for m in marks_re.finditer(text, start, end)]
        for a, b in zip(marks, marks[1:]):
            if b - a < 2 or not _WORD_CHAR.match(text[a + 1]) or not _WORD_CHAR.match(text[b - 1]):
                continue
            if b + 1 < end and _WORD_CHAR.match(text[b + 1]):
                continue
            if family is _SINGLE_QUOTES and a > start and _WORD_CHAR.match(text[a - 1]):
                continue  # an apostrophe ("Israel's"), not an opening quote
            words = tokenize(text, a + 1, b)
            if 1 <= len(words) <= MAX_SCARE_WORDS and not _CLAUSE_PUNCT.search(text[a + 1:b]):
                spans.append((a, b + 1, words))
    return sorted(spans, key=lambda s: s[0])


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to whole words: a quote glued to a clitic (و"إسرائيل", لـ"مواجهة")
    takes the clitic in."""
    while start > 0 and _WORD_CHAR.match(text[start - 1]):
        start -= 1
    while end < len(text) and _WORD_CHAR.match(text[end]):
        end += 1
    return start, end


def _scare_quotes(unit_tokens: list[tuple[str, str, Unit, list[Token]]], normalizer: Normalizer) -> list[Marker]:
    # Pass 1: every short quote, and every 1-3 word sequence written bare (outside one).
    # Words are compared by the event's matching keys, so "لإسرائيل" is a bare إسرائيل.
    quotes: list[tuple[str, str, int, int, list[Token]]] = []
    bare: set[tuple[str, ...]] = set()
    for doc, text, unit, tokens in unit_tokens:
        unit_quotes = _short_quotes(text, unit.start, unit.end)
        quotes.extend((doc, text, a, b, words) for a, b, words in unit_quotes)
        keys = [None if any(a <= t.start < b for a, b, _ in unit_quotes) else normalizer.key(t.folded)
                for t in tokens]
        for i in range(len(keys)):
            for n in range(1, MAX_SCARE_WORDS + 1):
                gram = keys[i:i + n]
                if len(gram) < n or None in gram:
                    break
                bare.add(tuple(gram))
    # Pass 2: a quoted term the event also writes bare is held at a distance.
    markers = []
    for doc, text, a, b, words in quotes:
        if all(normalizer.is_stopword(w.folded) for w in words):
            continue
        if tuple(normalizer.key(w.folded) for w in words) in bare:
            start, end = _whole_words(text, a, b)
            markers.append(Marker(doc, start, end, text[start:end], SCARE_QUOTES,
                                  f"quoted: {text[a + 1:b - 1].strip()}"))
    return markers


def find_markers(articles: dict[str, Article], units: dict[str, list[Unit]], normalizer: Normalizer) -> list[Marker]:
    """All framing markers of the event's articles, ordered by (doc_id, start)."""
    # Each unit tokenized once, for both searches.
    unit_tokens = [(doc, article.text, unit, tokenize(article.text, unit.start, unit.end))
                   for doc, article in articles.items() for unit in units.get(doc, ())]
    markers = []
    for doc, text, _unit, tokens in unit_tokens:
        for i, end, entry in _longest_first(_lexicon_matches(text, tokens)):
            start, stop = tokens[i].start, tokens[end - 1].end
            markers.append(Marker(doc, start, stop, text[start:stop], entry.category, entry.term))
    markers.extend(_scare_quotes(unit_tokens, normalizer))
    return sorted(markers, key=lambda m: (m.doc_id, m.start, m.end, m.category))


def markers_frame(markers: list[Marker]) -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": m.doc_id, "char_start": m.start, "char_end": m.end, "text": m.text,
                          "category": m.category, "entry": m.entry} for m in markers], columns=MARKER_COLUMNS)
