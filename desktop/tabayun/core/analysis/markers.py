"""Framing markers inside single articles: loaded terms, judging attribution verbs
and scare quotes, each with its voice (own, attributed, quoted: see voice.py).

* Lexicons (``resources/lexicons/``): ``framing.csv`` (hand-graded, Arabic and English),
  ``en_subjectivity.csv`` (derived from TextBlob's subjectivity lexicon; framing.csv wins
  where both list a term) and ``attribution.csv``. Each entry has a strength (0-1); an
  entry of strength 0, or category ``neutral``, is the plain side of a contrast: listed so
  a researcher sees the alternative, and so that a longer plain phrase ("claimed
  responsibility") shadows the loaded word inside it; it never yields a marker. Terms are
  matched as in term_match.py; where entries overlap, the longest wins.
* Contrast: a loaded term that (nearly) every article of the event uses is the event's
  usual word, not a marker of one outlet (التطبيع in the sample event).
* Scare quotes: a name or short term (1-3 words) in quotation marks that the event's
  articles also write bare elsewhere, and that is not a quoted speaker's word (a reporting
  verb earlier in the sentence), not a title (الاتفاق بشأن "الخدمات الجوية"), and is
  weighed against the outlet's quoting habits: an outlet that puts many terms in quotation
  marks (house style) needs to quote the same term repeatedly before it counts.

Only units (headlines and sentences) are searched, so page furniture never yields a
marker. Every span covers whole words of ``article.text``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from typing import TYPE_CHECKING

from .. import resources
from ..model import Article, Marker, Unit
from .categories import require
from .normalize import Normalizer, Token, is_arabic, strip_al, tokenize
from .term_match import TermIndex, term_keys, token_keys
from .voice import WORD_CHAR, VoiceMap, voice_map

if TYPE_CHECKING:
    import pandas as pd

MARKER_COLUMNS = ["doc_id", "char_start", "char_end", "text", "category", "entry", "voice", "strength",
                  "score", "group"]
LEXICON_COLUMNS = ["language", "term", "category", "group", "strength", "neutral", "note", "source"]

LOADED_TERM = "loaded_term"
SCARE_QUOTES = "scare_quotes"
ATTRIBUTION_VERB = "attribution_verb"
# A plain side of a contrast (قال، said; claimed responsibility): never a marker.
NEUTRAL = "neutral"
# Read in this order: the first file listing a term wins (hand grades over derived ones).
LEXICON_FILES = (("lexicons", "framing.csv"), ("lexicons", "attribution.csv"), ("lexicons", "en_subjectivity.csv"))
DERIVED_FILES = {("lexicons", "en_subjectivity.csv")}

# Contrast: a loaded term used by at least this share of the event's articles (and by 3
# or more of them) is the event's usual word.
USUAL_SHARE, USUAL_MIN_ARTICLES = 0.75, 3

MAX_SCARE_WORDS = 3  # more words in quotation marks is a quote, not a scare quote
# A quoted stretch with clause punctuation in it is a quoted statement.
_CLAUSE_PUNCT = re.compile(r"[!?؟:;؛،,]|\.\s*$")
# Quoting habit: an outlet that quotes this many different short terms per 100 words
# quotes by house style; one quote from it is not a sign of distance. Measured on the
# sample event: 001 quotes 0.7 terms per 100 words, 002 (which puts names, loanwords and
# officials' words in «») 1.3.
HOUSE_STYLE_QUOTES_PER_100_WORDS = 1.0
HOUSE_STYLE_MIN_TERMS = 3  # a habit needs several quoted terms, not one in a short text
SCARE_STRENGTH_REPEATED, SCARE_STRENGTH_SINGLE = 0.9, 0.6


@dataclass(frozen=True)
class LexiconEntry:
    term: str  # as written in the lexicon file
    category: str  # loaded_term | attribution_verb | neutral
    group: str  # referent, casualty, actor, place, action, evaluative, intensifier, ...
    strength: float  # 0-1; 0 = the plain side of a contrast

    @property
    def is_marker(self) -> bool:
        return self.category != NEUTRAL and self.strength > 0


def lexicon_rows() -> list[dict[str, str]]:
    """All lexicon lines, hand-graded files first; a derived line whose term a hand file
    lists is dropped."""
    rows, hand_terms = [], set()
    for parts in LEXICON_FILES:
        for row in resources.read_csv(*parts):
            keys = term_keys(row["term"])
            if parts in DERIVED_FILES and keys in hand_terms:
                continue
            hand_terms.add(keys)
            rows.append({**row, "file": "/".join(parts)})
    return rows


@lru_cache(maxsize=1)
def lexicon_index() -> TermIndex[LexiconEntry]:
    """Every lexicon entry, marker-producing or plain, for longest-match search."""
    require((LOADED_TERM, SCARE_QUOTES, ATTRIBUTION_VERB), kind="marker")
    entries = []
    for row in lexicon_rows():
        where = f"{row['file']}: {row['term']!r}"
        if row["category"] != NEUTRAL:
            require((row["category"],), kind="marker")
        try:
            strength = float(row.get("strength") or 0)
        except ValueError:
            raise ValueError(f"{where}: strength {row['strength']!r} is not a number from 0 to 1") from None
        if not 0 <= strength <= 1:
            raise ValueError(f"{where}: strength {strength} is outside 0-1")
        entries.append((row["term"], LexiconEntry(row["term"], row["category"], row.get("group", ""), strength)))
    return TermIndex(entries, where="lexicons")


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to whole words: a quote glued to a clitic (و"إسرائيل", لـ"مواجهة")
    takes the clitic in."""
    while start > 0 and WORD_CHAR.match(text[start - 1]):
        start -= 1
    while end < len(text) and WORD_CHAR.match(text[end]):
        end += 1
    return start, end


@dataclass
class _UnitScan:
    doc: str
    text: str
    unit: Unit
    tokens: list[Token]
    voices: VoiceMap


def _lexicon_markers(scans: list[_UnitScan], n_articles: int) -> list[Marker]:
    index = lexicon_index()
    found = []
    for s in scans:
        for m in index.longest(s.text, s.tokens):
            if not m.item.is_marker:
                continue
            start, stop = s.tokens[m.first].start, s.tokens[m.end - 1].end
            found.append(Marker(s.doc, start, stop, s.text[start:stop], m.item.category, m.item.term,
                                s.voices.voice(start, stop), m.item.strength, m.item.group))
    # Contrast: the event's usual word is no outlet's marker.
    docs_by_entry: dict[str, set[str]] = defaultdict(set)
    for mk in found:
        docs_by_entry[mk.entry].add(mk.doc_id)
    usual = {e for e, docs in docs_by_entry.items()
             if n_articles >= USUAL_MIN_ARTICLES and len(docs) >= max(USUAL_MIN_ARTICLES, USUAL_SHARE * n_articles)}
    return [mk for mk in found if not (mk.category == LOADED_TERM and mk.entry in usual)]


@lru_cache(maxsize=1 << 16)
def _word_key(folded: str) -> str:
    """A word's lexicon key (folded, Arabic ال dropped), as term_keys gives it."""
    return strip_al(folded) if is_arabic(folded) else folded


def _short_quotes(s: _UnitScan) -> list[tuple[int, int, list[Token]]]:
    """Quotations of 1-3 words without clause punctuation: (opening mark, after closing mark, words)."""
    out = []
    for a, b in s.voices.quotes:  # the unit's quotations, found once for its voices
        words = [t for t in s.tokens if a < t.start and t.end < b]
        if 1 <= len(words) <= MAX_SCARE_WORDS and not _CLAUSE_PUNCT.search(s.text[a + 1:b - 1]):
            out.append((a, b, words))
    return out


def _scare_quotes(scans: list[_UnitScan], normalizer: Normalizer) -> list[Marker]:
    # Pass 1: every short quote, by the event's matching keys and by its exact words.
    quotes: list[tuple[_UnitScan, int, int, tuple[str, ...], tuple[str, ...]]] = []
    outside_keys: list[list[str | None]] = []
    words_by_doc: Counter = Counter()
    for s in scans:
        words_by_doc[s.doc] += len(s.tokens)
        unit_quotes = _short_quotes(s)
        quotes.extend((s, a, b, tuple(normalizer.key(w.folded) for w in words),
                       term_keys(" ".join(w.surface for w in words)))
                      for a, b, words in unit_quotes if not all(normalizer.is_stopword(w.folded) for w in words))
        keys = [normalizer.key(t.folded) for t in s.tokens]
        starts = [t.start for t in s.tokens]
        for a, b, _words in unit_quotes:  # the words inside a short quote are no bare use
            first, stop = bisect_left(starts, a), bisect_left(starts, b)
            keys[first:stop] = [None] * (stop - first)
        outside_keys.append(keys)
    quoted_keys = {q[3] for q in quotes}
    quoted_first = {key[0] for key in quoted_keys}
    quoted_exact = {(q[0].doc, q[4]) for q in quotes}
    # Pass 2: how often each quoted term is written bare (outside a quote): in the event, by
    # its matching keys (so "لإسرائيل" is a bare إسرائيل), and in the quoting article by its
    # exact words (the event's keys join إسرائيل with إسرائيلي, which 003 writes bare).
    bare: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    bare_exact: Counter = Counter()
    for s, keys in zip(scans, outside_keys):
        for i, key in enumerate(keys):
            if key not in quoted_first:
                continue  # no quoted term starts with this word (None: a word inside quotation marks)
            for n in range(1, MAX_SCARE_WORDS + 1):
                gram = tuple(keys[i:i + n])
                if len(gram) < n or None in gram:
                    break
                if gram not in quoted_keys:
                    continue
                bare[gram][s.doc] += 1
                rest = tuple(_word_key(t.folded) for t in s.tokens[i + 1:i + n])
                for first in token_keys(s.tokens[i].folded, first=True):
                    if (s.doc, (first,) + rest) in quoted_exact:
                        bare_exact[(s.doc, (first,) + rest)] += 1
    quoted_by_doc: dict[str, Counter] = defaultdict(Counter)
    for s, _a, _b, _key, exact in quotes:
        quoted_by_doc[s.doc][exact] += 1
    # Pass 2: a quoted term the event also writes bare is held at a distance, unless it is
    # a title, a speaker's word, or one more quote from an outlet that quotes by habit.
    markers = []
    for s, a, b, key, exact in quotes:
        if not bare.get(key) or s.voices.after_title_word(a, s.text):
            continue
        times_quoted = quoted_by_doc[s.doc][exact]
        terms = len(quoted_by_doc[s.doc])
        habit = 100 * terms / max(1, words_by_doc[s.doc]) if terms >= HOUSE_STYLE_MIN_TERMS else 0.0
        if times_quoted >= 2 and times_quoted >= bare_exact[(s.doc, exact)]:
            strength = SCARE_STRENGTH_REPEATED  # this outlet quotes this term consistently
        elif s.voices.speech_governed(a) or habit >= HOUSE_STYLE_QUOTES_PER_100_WORDS:
            continue
        else:
            strength = SCARE_STRENGTH_SINGLE
        start, end = _whole_words(s.text, a, b)
        markers.append(Marker(s.doc, start, end, s.text[start:end], SCARE_QUOTES,
                              f"quoted: {s.text[a + 1:b - 1].strip()}", s.voices.voice(a, b, own_quote=(a, b)),
                              strength))
    return markers


def find_markers(articles: dict[str, Article], units: dict[str, list[Unit]], normalizer: Normalizer) -> list[Marker]:
    """All framing markers of the event's articles, ordered by (doc_id, start)."""
    scans = []
    for doc, article in articles.items():
        for unit in units.get(doc, ()):
            tokens = tokenize(article.text, unit.start, unit.end)
            scans.append(_UnitScan(doc, article.text, unit, tokens,
                                   voice_map(article.text, unit.start, unit.end, tokens)))
    markers = _lexicon_markers(scans, len(articles)) + _scare_quotes(scans, normalizer)
    return sorted(markers, key=lambda m: (m.doc_id, m.start, m.end, m.category))


def markers_ready() -> None:
    """Nothing: what a process that will find markers runs first, to be up (this module
    imported) when its work comes."""


def markers_table(markers: list[Marker]) -> list[tuple]:
    return [(m.doc_id, m.start, m.end, m.text, m.category, m.entry, m.voice, m.strength, m.score, m.group)
            for m in markers]


def markers_frame(markers: list[Marker]) -> pd.DataFrame:
    import pandas as pd  # only where a DataFrame is asked for

    return pd.DataFrame([{"doc_id": m.doc_id, "char_start": m.start, "char_end": m.end, "text": m.text,
                          "category": m.category, "entry": m.entry, "voice": m.voice, "strength": m.strength,
                          "score": m.score, "group": m.group} for m in markers], columns=MARKER_COLUMNS)
