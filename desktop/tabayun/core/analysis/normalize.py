"""Matching forms of words: used to compare text, never to display it.

Two layers:

* :func:`fold` is a pure character folding: NFKC (undoes Arabic presentation forms),
  diacritics and tatweel removed, alef/hamza forms, alef maqsura and taa marbuta
  folded, Arabic-Indic digits to ASCII, quotation marks and Arabic punctuation to
  one form, case folded.
* :class:`Normalizer` is built for one event from all its tokens. It strips
  clitics (و ف ب ل ك ال and their combinations) and light suffixes only when the
  stripped form is itself a word of the event, so "والمغرب" and "للمغرب" meet
  "المغرب" while "بيان" is not cut to "يان". It also joins one foreign name
  transliterated two ways ("جانتس"/"غانتس", "Gaddafi"/"Qadhafi") and the name forms
  listed in ``resources/aliases.csv``.

Tokens always carry offsets into the original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable, Iterator, NamedTuple

from .. import resources

# Harakat, Quranic marks, superscript alef; tatweel.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_CHAR_FOLD = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
        "ؤ": "و", "ئ": "ي", "ى": "ي", "ی": "ي", "ة": "ه", "ۀ": "ه", "ک": "ك",
        "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
        "‘": "'", "’": "'", "‚": "'", "‹": '"', "›": '"',
        "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",",
        "–": "-", "—": "-", "ـ": "",
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)

# A token: a run of letters/digits with the combining marks Arabic words carry,
# or a number with decimal/thousands separators ("3.5", "1,200", "٢٠٢١"). A token
# holds at least one letter or digit: a lone tatweel or diacritic ("مدار الساعة ـ")
# is not a word, since its matching form would be empty.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
TOKEN_RE = re.compile(
    rf"\d+(?:[.,٫٬]\d+)+|[{_MARKS}]*[^\W\u0640][\w{_MARKS}]*"
)
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")

_AL_PREFIXES = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال")
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_SUFFIXES = ("هما", "كما", "ات", "ون", "ين", "ان", "ها", "هم", "يه", "ه", "ي", "ا")


@lru_cache(maxsize=1 << 17)  # an event repeats its words: fold each spelling once
def fold(text: str) -> str:
    """Character-level folding; the result may differ in length from ``text``."""
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text)
    return text.translate(_CHAR_FOLD).casefold()


def words(text: str) -> list[str]:
    """The matching forms of the words of ``text``; never an empty string (a few
    presentation-form characters fold to nothing and are left out like a lone mark)."""
    return list(iter_words(text))


def iter_words(text: str) -> Iterator[str]:
    """``words(text)`` one at a time: a caller counting only the first few stops early.
    (Built of map and filter: no Python code runs per word, which the page-furniture
    tests, asking for the first words of every line, felt.)"""
    return filter(None, map(fold, map(re.Match.group, TOKEN_RE.finditer(text))))


def is_arabic(text: str) -> bool:
    return bool(_ARABIC_LETTER.search(text))


class Token(NamedTuple):
    """A word with offsets into the original text (a named tuple: an event makes one per
    word of every unit, and tuples are made several times faster than frozen dataclasses)."""

    start: int  # offsets into the original text
    end: int
    surface: str  # the original characters
    folded: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of ``text[start:end]`` with offsets into ``text``."""
    return list(_tokens(text, start, len(text) if end is None else end))


@lru_cache(maxsize=1 << 15)  # each unit is tokenized by several stages: once is enough
def _tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    # mapped over the matches, not a loop: no Python code runs per word
    matches = list(TOKEN_RE.finditer(text, start, end))
    surfaces = list(map(re.Match.group, matches))
    folded = list(map(fold, surfaces))
    tokens = map(Token._make, zip(map(re.Match.start, matches), map(re.Match.end, matches), surfaces, folded))
    if "" in folded:  # a lone diacritic or tatweel is no word
        return tuple(t for t in tokens if t.folded)
    return tuple(tokens)


@lru_cache(maxsize=None)
def stopwords() -> frozenset[str]:
    """Function words (folded) that carry no claim: low weight in matching and salience."""
    words: set[str] = set()
    for name in ("ar.txt", "en.txt"):
        words.update(fold(w) for w in resources.read_lines("stopwords", name))
    return frozenset(words)


@lru_cache(maxsize=1 << 17)
def strip_al(folded: str) -> str:
    """Remove the article ال with any proclitic before it, keeping 2+ letters."""
    for prefix in _AL_PREFIXES:
        if folded.startswith(prefix) and len(folded) - len(prefix) >= 2:
            return folded[len(prefix):]
    return folded


def _g_key(word: str) -> str:
    """Arabic transliteration skeleton: ج/غ/ق/ك all write a foreign G."""
    return re.sub("[جغقك]", "G", word)


def _latin_key(word: str) -> str:
    """English transliteration skeleton: Gaddafi, Qadhafi and Kadafi meet."""
    w = re.sub("[qkc]", "g", word)
    w = re.sub("(?<=.)[aeiouyhw]", "", w)
    return re.sub(r"(.)\1+", r"\1", w)


class Normalizer:
    """Maps tokens of one event to matching keys (see module docstring)."""

    def __init__(self, folded_tokens: Iterable[str], aliases: Iterable[tuple[str, str]] | None = None,
                 capitalised: Iterable[str] = ()):
        self._vocab = Counter(map(strip_al, folded_tokens))  # counted in C: an event has many words
        self._stop = stopwords()
        self._cache: dict[str, str] = {}
        self._stem_cache: dict[str, str] = {}
        self._name_of: dict[str, str] = {}
        self._join_name_variants(capitalised)
        pairs = load_aliases() if aliases is None else list(aliases)
        for canonical, variant in pairs:
            self._name_of[self._stem(fold(variant))] = self._stem(fold(canonical))

    # --- clitics and suffixes, checked against the event's own vocabulary -------
    def _stem(self, folded: str) -> str:
        if not is_arabic(folded) or folded in self._stop:
            return folded
        word = strip_al(folded)
        if word == folded:
            word = self._strip_proclitics(word)
        return self._strip_suffix(word)

    def _known(self, word: str) -> bool:
        # A stripped form must be a content word of the event: "بيني" is not "بين" + ي.
        return len(word) >= 2 and word not in self._stop and self._vocab.get(word, 0) > 0

    def _strip_proclitics(self, word: str) -> str:
        # و/ف come off a long word, or a short one whose rest is a word of the event;
        # repeated, so that "ووزارة" and "وزارة" end up the same whatever the root is.
        while word[:1] in _CONJUNCTIONS:
            rest = word[1:]
            inner = strip_al(rest)
            if inner != rest:
                return inner
            if len(rest) >= 4 or rest[:1] in _CONJUNCTIONS or self._known(rest):
                word = rest
                continue
            return self._strip_proclitics_once(word, conj=word[0])
        return self._strip_proclitics_once(word)

    def _strip_proclitics_once(self, word: str, conj: str = "") -> str:
        body = word[len(conj):]
        for prep in _PREPOSITIONS:
            if body.startswith(prep) and self._known(body[1:]):
                return body[1:]
        return word

    def _strip_suffix(self, word: str) -> str:
        for suffix in _SUFFIXES:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= 3 and self._known(stem):
                return stem
        return word

    def _join_name_variants(self, capitalised: Iterable[str]) -> None:
        """One foreign name written two ways: same skeleton, both long, not function words."""
        groups: dict[str, set[str]] = defaultdict(set)
        for word in self._vocab:
            if len(word) >= 4 and word not in self._stop and is_arabic(word):
                groups["ar:" + _g_key(word)].add(word)
        for word in {fold(w) for w in capitalised}:
            if len(word) >= 5 and word not in self._stop and not is_arabic(word):
                groups["en:" + _latin_key(word)].add(word)
        for members in groups.values():
            if len(members) > 1:
                canonical = min(members)
                for word in members:
                    self._name_of[word] = canonical

    # --- public -------------------------------------------------------------
    def stem(self, folded: str) -> str:
        """The token with clitics and light suffixes off, names *not* joined.

        The word diff compares stems, so that "جانتس"/"غانتس" still show as a (spelling)
        difference while "والمغرب"/"المغرب" do not differ at all.
        """
        stem = self._stem_cache.get(folded)
        if stem is None:
            stem = self._stem_cache[folded] = self._stem(folded)
        return stem

    def key(self, folded: str) -> str:
        """The matching key of a folded token."""
        cached = self._cache.get(folded)
        if cached is None:
            stem = self._stem(folded)
            cached = self._name_of.get(stem, self._name_of.get(folded, stem))
            self._cache[folded] = cached
        return cached

    def same_name(self, a: str, b: str) -> bool:
        """True if two folded tokens are one name written differently (or an alias)."""
        return a != b and self.key(a) == self.key(b) and (
            self._name_of.get(self._stem(a)) is not None or self._name_of.get(self._stem(b)) is not None
        )

    def is_stopword(self, folded: str) -> bool:
        return folded in self._stop or strip_al(folded) in self._stop


@lru_cache(maxsize=1)
def load_aliases() -> tuple[tuple[str, str], ...]:
    """(canonical, variant) pairs from ``resources/aliases.csv``."""
    return tuple((row["canonical"], row["variant"]) for row in resources.read_csv("aliases.csv"))
