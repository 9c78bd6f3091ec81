"""Synthetic events made from the sample, for benchmarks: many outlets retelling one story."""

from __future__ import annotations

import random

from tabayun.core.analysis.comparison import compare
from tabayun.core.model import Article, UnitKind
from tabayun.core.resources import sample_event_dir

# Word choices an outlet might make instead (the framing the product looks for).
SWAPS = {"الدفاع": "الحرب", "جانتس": "غانتس", "غانتس": "جانتس", "وقع": "أبرم", "زيارة": "جولة",
         "الإسرائيلي": "الصهيوني", "المغرب": "المملكة", "أكد": "زعم", "قال": "ادعى"}


def sample_sentences() -> list[str]:
    sample = compare([sample_event_dir()])
    return [u.text for units in sample.units.values() for u in units if u.kind is UnitKind.SENTENCE]


def synthetic_articles(outlets: int = 40, sentences: int = 60, seed: int = 7) -> list[Article]:
    """``outlets`` articles of ``sentences`` sentences each, drawn from the sample event's
    sentences in a shuffled order, with some words swapped and some sentences left out."""
    pool = sample_sentences()
    rng = random.Random(seed)
    articles = []
    for k in range(outlets):
        picked = rng.sample(pool, min(sentences, len(pool)))
        while len(picked) < sentences:
            picked.append(rng.choice(pool))
        lines = []
        for sentence in picked:
            words = [SWAPS.get(w, w) if rng.random() < 0.3 else w for w in sentence.split()]
            lines.append(" ".join(words))
        text = f"عنوان المنفذ {k}: المغرب وإسرائيل يوقعان اتفاقا\n\n" + "\n\n".join(lines)
        articles.append(Article(f"outlet{k:02d}", text, f"Outlet {k:02d}"))
    return articles
