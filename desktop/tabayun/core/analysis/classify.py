"""What kind of difference a word-level change is, and how much it deserves a look.

Categories (names as in ``resources/codebook/categories.csv``):

* ``punctuation``: only punctuation or quotation marks differ;
* ``number``: a number, day or month differs (a fact to check);
* ``spelling``: the same word or name written differently ("جانتس"/"غانتس",
  "Gaddafi"/"Qadhafi"): never a framing choice;
* ``lexical``: a different word choice: the framing candidates.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .. import resources
from .categories import require
from .normalize import Normalizer, _g_key, _latin_key, fold, is_arabic, strip_al

LEXICAL, SPELLING, PUNCTUATION, NUMBER = "lexical", "spelling", "punctuation", "number"
require((LEXICAL, SPELLING, PUNCTUATION, NUMBER), "difference")
CATEGORY_WEIGHT = {LEXICAL: 1.0, NUMBER: 0.9, SPELLING: 0.35, PUNCTUATION: 0.15}
# Letters transliterations and careless spelling trade (long vowels, hamza seats,
# taa marbuta/ha): one of these added, dropped or swapped is a spelling variant.
_SOFT_LETTERS = set("اويىةهءأإآئؤ" + "aeiouyhw")


@dataclass(frozen=True)
class DiffToken:
    """A word or punctuation mark of a unit, with offsets into the original text."""

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


def categorise(a: list[DiffToken], b: list[DiffToken], normalizer: Normalizer) -> str:
    """The category of a change from tokens ``a`` (one outlet) to ``b`` (another)."""
    words_a = [t for t in a if t.is_word]
    words_b = [t for t in b if t.is_word]
    if not words_a and not words_b:
        return PUNCTUATION
    numbers_a = [t for t in words_a if is_number(t)]
    numbers_b = [t for t in words_b if is_number(t)]
    if (numbers_a and numbers_b) or (numbers_a or numbers_b) and len(numbers_a + numbers_b) == len(words_a + words_b):
        return NUMBER  # a number or date against another, or one added or left out
    if words_a and len(words_a) == len(words_b) and all(
            _spelling_pair(x, y, normalizer) for x, y in zip(words_a, words_b)):
        return SPELLING
    return LEXICAL


def salience(category: str, a: list[DiffToken], b: list[DiffToken], context: float) -> float:
    """0..1 before the event-level bonus: a crisp change of content words inside two
    otherwise identical sentences scores high, a reworded stretch of a loose
    paraphrase or a swapped function word low. ``context`` is the share of the two
    sentences' tokens that the diff found equal."""
    words = [t for t in a + b if t.is_word]
    content = sum(1 for t in words if not t.is_stop) / len(words) if words else 0.0
    size = max(len(a), len(b))
    crisp = 1.0 / (1.0 + 0.3 * (size - 1))
    return CATEGORY_WEIGHT[category] * (0.55 * context + 0.45 * crisp) * (0.25 + 0.75 * content)
