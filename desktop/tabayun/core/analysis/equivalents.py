"""Paraphrase equivalents: wordings of one meaning (``resources/paraphrase/equivalents.csv``).

A slot whose readings all fall in one class (ما / الأمر الذي, جدًا / للغاية, said / told)
is not a difference. Matching is on folded words; a leading و or ف is optional.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from .. import resources
from .normalize import TOKEN_RE, fold

_CONJUNCTIONS = ("و", "ف")


def phrase_keys(words: Iterable[str]) -> frozenset[str]:
    """The keys a phrase may match: its folded words, with and without a leading conjunction."""
    folded = [fold(w) for w in words]
    folded = [w for w in folded if w]
    if not folded:
        return frozenset({""})
    keys = {" ".join(folded)}
    first = folded[0]
    if first[:1] in _CONJUNCTIONS and len(first) > 2:
        keys.add(" ".join([first[1:]] + folded[1:]))
    return frozenset(keys)


@lru_cache(maxsize=1)
def equivalence_classes() -> dict[str, int]:
    """Folded phrase -> the number of its class."""
    out: dict[str, int] = {}
    for number, row in enumerate(resources.read_csv("paraphrase", "equivalents.csv")):
        for form in row["forms"].split("|"):
            for key in phrase_keys(TOKEN_RE.findall(form)):
                out.setdefault(key, number)
    return out


def same_meaning(phrases: list[list[str]]) -> bool:
    """True if every phrase (its words) is in one and the same equivalence class."""
    classes = equivalence_classes()
    found = set()
    for words in phrases:
        hits = {classes[k] for k in phrase_keys(words) if k in classes}
        if not hits:
            return False
        found.add(min(hits))
    return len(found) == 1


@lru_cache(maxsize=1)
def _longest_phrase() -> int:
    return max((len(k.split()) for k in equivalence_classes()), default=1)


def _phrases(words: list[str]) -> list[tuple[int, int, int]]:
    """(start, end, class) of the equivalence phrases in ``words``, longest first, left to right."""
    classes = equivalence_classes()
    out, k = [], 0
    while k < len(words):
        for n in range(min(_longest_phrase(), len(words) - k), 0, -1):
            hits = [classes[key] for key in phrase_keys(words[k:k + n]) if key in classes]
            if hits:
                out.append((k, k + n, min(hits)))
                k += n
                break
        else:
            k += 1
    return out


def classes_in(words: list[str]) -> set[int]:
    return {c for _, _, c in _phrases(words)}


def without_equivalents(words: list[str], classes: set[int] | None = None) -> list[str]:
    """``words`` with the phrases of equivalence classes taken out (of ``classes`` only,
    if given): what a reading says beyond a formula the other readings also use
    ("الدبلوماسية في إطار" against "بمقتضى" -> "الدبلوماسية")."""
    drop = set()
    for lo, hi, c in _phrases(words):
        if classes is None or c in classes:
            drop.update(range(lo, hi))
    return [w for k, w in enumerate(words) if k not in drop]
