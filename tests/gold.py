"""Judging the sample event's word choices against the hand-judged gold
(tests/fixtures/gold/: README.md, seeds-word-choices.csv, seeds-additions.csv).

A word-choice item is a ``lexical`` slot of the apparatus. It takes the verdict of a gold
line about the same two outlets whose texts match the slot's readings (the content words
of one contain the other's, both sides): ``genuine`` if any such line is genuine. An item
no gold line judges is ``unjudged`` and counts as not genuine (a person should judge it
and add it to seeds-additions.csv)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from tabayun.core.analysis.normalize import TOKEN_RE, fold, strip_al

GOLD = Path(__file__).parent / "fixtures" / "gold"


@dataclass(frozen=True)
class GoldLine:
    doc_a: str
    doc_b: str
    a_text: str
    b_text: str
    verdict: str


def gold_lines() -> list[GoldLine]:
    out = []
    for name in ("seeds-word-choices.csv", "seeds-additions.csv"):
        path = GOLD / name
        if path.exists():
            with path.open(encoding="utf-8-sig", newline="") as f:
                out += [GoldLine(r["doc_a"], r["doc_b"], r["a_text"], r["b_text"], r["verdict"])
                        for r in csv.DictReader(f)]
    return out


def _words(text: str) -> frozenset[str]:
    return frozenset(strip_al(fold(w)) for w in TOKEN_RE.findall(text))


def _matches(x: str, y: str) -> bool:
    a, b = _words(x), _words(y)
    return bool(a) and bool(b) and (a <= b or b <= a)


def verdict(comparison, slot, lines: list[GoldLine]) -> str:
    """The gold verdict of one slot (see module docstring)."""
    found = set()
    for k, r1 in enumerate(slot.readings):
        for r2 in slot.readings[k + 1:]:
            for w1 in r1.witnesses:
                for w2 in r2.witnesses:
                    t1 = comparison.articles[w1.doc_id].text[w1.start:w1.end]
                    t2 = comparison.articles[w2.doc_id].text[w2.start:w2.end]
                    d1, d2 = w1.doc_id[:3], w2.doc_id[:3]
                    for g in lines:
                        if (g.doc_a, g.doc_b) == (d1, d2) and _matches(g.a_text, t1) and _matches(g.b_text, t2):
                            found.add(g.verdict)
                        elif (g.doc_a, g.doc_b) == (d2, d1) and _matches(g.a_text, t2) and _matches(g.b_text, t1):
                            found.add(g.verdict)
    if "genuine" in found:
        return "genuine"
    return sorted(found)[0] if found else "unjudged"


def judged_word_choices(comparison) -> list[tuple[object, str]]:
    """(slot, verdict) for every word-choice slot, highest score first."""
    lines = gold_lines()
    slots = sorted((s for s in comparison.slots if s.category == "lexical"), key=lambda s: (-s.score, s.row_id))
    return [(s, verdict(comparison, s, lines)) for s in slots]
