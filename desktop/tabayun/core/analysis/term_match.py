"""Finding listed terms (one or more words) in text, as the lexicons spell them.

Terms are matched as sequences of whole words on folded tokens, so spelling (hamza
forms, diacritics, taa marbuta, case) does not matter and a short term never matches
inside a longer word. An Arabic word may carry attached clitics (و ف ب ل ك ال) on the
first word of a term ("والقدس المحتلة", "لجيش الاحتلال", "وزعم"), and the article ال is
optional on every word. Used by the framing lexicons (markers.py) and the voice cues
(voice.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, Iterable, TypeVar

from .normalize import Token, is_arabic, strip_al, tokenize

# What may stand between the words of one term: "so-called", "so called".
_TERM_GAP = re.compile(r"[\s\-\u2010\u2011]+")
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")

T = TypeVar("T")


def term_keys(term: str) -> tuple[str, ...]:
    """One matching key per word of a listed term: folded, Arabic ال dropped."""
    return tuple(strip_al(t.folded) if is_arabic(t.folded) else t.folded for t in tokenize(term))


@lru_cache(maxsize=1 << 16)  # an event repeats its words: key each spelling once
def token_keys(folded: str, first: bool) -> frozenset[str]:
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


@dataclass(frozen=True)
class Match(Generic[T]):
    first: int  # index of the first token
    end: int  # index after the last token
    item: T


class TermIndex(Generic[T]):
    """Listed terms, each with an item (a lexicon entry, a cue), by the key of their first word."""

    def __init__(self, terms: Iterable[tuple[str, T]], where: str = "list"):
        index: dict[str, list[tuple[tuple[str, ...], T]]] = defaultdict(list)
        seen: dict[tuple[str, ...], str] = {}
        for term, item in terms:
            keys = term_keys(term)
            if not keys:
                raise ValueError(f"{where}: {term!r} has no words")
            if keys in seen:
                raise ValueError(f"{where}: {term!r} duplicates {seen[keys]!r}")
            seen[keys] = term
            index[keys[0]].append((keys, item))
        self._index = {k: sorted(v, key=lambda e: -len(e[0])) for k, v in index.items()}
        # folded word -> the terms that may start at it: an event repeats its words, and most
        # start none, so each spelling's keys are looked up once, not at every occurrence
        self._starting: dict[str, tuple[tuple[tuple[str, ...], T], ...]] = {}

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def items(self) -> list[T]:
        return [item for group in self._index.values() for _keys, item in group]

    def _terms_starting(self, folded: str) -> tuple[tuple[tuple[str, ...], T], ...]:
        """The terms whose first word a text word of this spelling may be, in the order
        its keys and the index list them."""
        terms = self._starting.get(folded)
        if terms is None:
            terms = self._starting[folded] = tuple(
                term for key in token_keys(folded, first=True) for term in self._index.get(key, ()))
        return terms

    def matches(self, text: str, tokens: list[Token]) -> list[Match[T]]:
        """Every listed term at every position (overlaps included)."""
        found = []
        starting = self._starting
        for i, tok in enumerate(tokens):
            terms = starting.get(tok.folded)
            if terms is None:
                terms = self._terms_starting(tok.folded)
            for keys, item in terms:
                end = i + len(keys)
                if end > len(tokens):
                    continue
                if all(keys[j - i] in token_keys(tokens[j].folded, first=False)
                       and _TERM_GAP.fullmatch(text[tokens[j - 1].end:tokens[j].start])
                       for j in range(i + 1, end)):
                    found.append(Match(i, end, item))
        return found

    def longest(self, text: str, tokens: list[Token]) -> list[Match[T]]:
        """Matches without overlaps, the longest winning ("الاحتلال" inside "جيش الاحتلال")."""
        kept: list[Match[T]] = []
        taken: set[int] = set()
        for m in sorted(self.matches(text, tokens), key=lambda m: (m.first - m.end, m.first)):
            if taken.isdisjoint(range(m.first, m.end)):
                kept.append(m)
                taken.update(range(m.first, m.end))
        return sorted(kept, key=lambda m: m.first)
