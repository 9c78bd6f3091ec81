"""The token and the tests the apparatus's categories rest on (:mod:`collate` names slots):
whether a word is a number or date (a fact to check), and whether two words are one word or
name written differently ("جانتس"/"غانتس", "Gaddafi"/"Qadhafi": spelling, never a choice).
Category names are those of ``resources/codebook/categories.csv``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from .. import resources
from .categories import require
from .normalize import Normalizer, _g_key, _latin_key, fold, is_arabic, strip_al

LEXICAL, SPELLING, PUNCTUATION, NUMBER = "lexical", "spelling", "punctuation", "number"
require((LEXICAL, SPELLING, PUNCTUATION, NUMBER), "difference")
# Letters transliterations and careless spelling trade (long vowels, hamza seats,
# taa marbuta/ha): one of these added, dropped or swapped is a spelling variant.
_SOFT_LETTERS = set("اويىةهءأإآئؤ" + "aeiouyhw")


class DiffToken(NamedTuple):
    """A word or punctuation mark of a unit, with offsets into the original text (a named
    tuple: an event makes one per word of every unit, and tuples are made fastest)."""

    start: int
    end: int
    surface: str
    folded: str
    stem: str  # what the diff compares
    is_word: bool
    is_stop: bool


@lru_cache(maxsize=1)
def date_words() -> frozenset[str]:
    return frozenset(strip_al(fold(w)) for w in resources.read_lines("dates.txt"))


def is_number(token: DiffToken) -> bool:
    return token.is_word and (any(c.isdigit() for c in token.folded) or strip_al(token.folded) in date_words())


def _spelling_pair(a: DiffToken, b: DiffToken, normalizer: Normalizer) -> bool:
    if normalizer.key(a.folded) == normalizer.key(b.folded):
        return True  # a name joined by skeleton or by the alias list, or a clitic form
    x, y = strip_al(a.folded), strip_al(b.folded)
    if min(len(x), len(y)) < 4:
        return False
    if is_arabic(x) and is_arabic(y) and _g_key(x) == _g_key(y):
        return True
    if not is_arabic(x) and not is_arabic(y) and len(x) >= 5 and _latin_key(x) == _latin_key(y):
        return True
    ops = Levenshtein.editops(x, y)
    return len(ops) == 1 and min(len(x), len(y)) >= 5 and all(
        (x[o.src_pos] if o.tag != "insert" else y[o.dest_pos]) in _SOFT_LETTERS for o in ops)
