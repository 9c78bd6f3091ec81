"""How well events were recovered: purity and B-cubed precision, recall and F1 of a
grouping against the events as assembled (Amigó et al. 2009, "A comparison of extrinsic
clustering evaluation metrics")."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Mapping


@dataclass(frozen=True)
class Scores:
    purity: float  # share of articles in the largest gold event of their found event
    precision: float  # B-cubed: per article, share of its found event from its gold event
    recall: float  # B-cubed: per article, share of its gold event found with it
    f1: float
    found: int
    gold: int

    def line(self) -> str:
        return (f"purity {self.purity:.3f}, B-cubed precision {self.precision:.3f}, recall {self.recall:.3f}, "
                f"F1 {self.f1:.3f} ({self.found} events found, {self.gold} assembled)")


def scores(found: Mapping[str, str], gold: Mapping[str, str]) -> Scores:
    """``found`` and ``gold``: article id -> event; the articles of ``gold`` are scored."""
    ids = list(gold)
    if not ids:
        raise ValueError("no articles to score")
    missing = [i for i in ids if i not in found]
    if missing:
        raise ValueError(f"{len(missing)} assembled articles were not grouped, e.g. {missing[0]}")
    pairs = Counter((found[i], gold[i]) for i in ids)
    found_size = Counter(found[i] for i in ids)
    gold_size = Counter(gold[i] for i in ids)
    largest: dict[str, int] = {}
    for (f, _), n in pairs.items():
        largest[f] = max(largest.get(f, 0), n)
    purity = sum(largest.values()) / len(ids)
    precision = sum(n * n / found_size[f] for (f, _), n in pairs.items()) / len(ids)
    recall = sum(n * n / gold_size[g] for (_, g), n in pairs.items()) / len(ids)
    f1 = 2 * precision * recall / (precision + recall)
    return Scores(purity, precision, recall, f1, len(found_size), len(gold_size))
