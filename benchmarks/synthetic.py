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


def long_articles(outlets: int = 5, sentences: int = 2000, seed: int = 5) -> list[Article]:
    """``outlets`` retellings of one long story of ``sentences`` distinct claims (the sample's
    sentences with a third of their words drawn at random): each outlet
    swaps some words, leaves out about one claim in ten and moves about one in twenty."""
    pool = sample_sentences()
    vocabulary = sorted({w for sentence in pool for w in sentence.split()})
    rng = random.Random(seed)
    # A claim: a sample sentence with a third of its words drawn from the whole sample, so
    # that no two claims are near copies (which no reader could align either).
    story = [" ".join(rng.choice(vocabulary) if rng.random() < 0.35 else w for w in rng.choice(pool).split())
             for _ in range(sentences)]
    articles = []
    for n in range(outlets):
        told = [s for s in story if rng.random() > 0.1]
        for _ in range(len(told) // 20):  # a claim told a little earlier or later
            i = rng.randrange(len(told))
            j = min(len(told) - 1, max(0, i + rng.randint(-5, 5)))
            told.insert(j, told.pop(i))
        lines = [" ".join(SWAPS.get(w, w) if rng.random() < 0.2 else w for w in s.split()) for s in told]
        text = f"عنوان المنفذ {n}: المغرب وإسرائيل يوقعان اتفاقا\n\n" + "\n\n".join(lines)
        articles.append(Article(f"outlet{n:02d}", text, f"Outlet {n:02d}"))
    return articles


def synthetic_corpus(events: int = 20, outlets: int = 6, sentences: int = 10, seed: int = 11,
                     start: str = "2024-01-01", days: int = 120, retold: int = 0) -> list[dict]:
    """A corpus of ``events`` distinct stories, each told by 2 to ``outlets`` outlets within
    two days, the stories' dates spread over ``days`` days: records (id, outlet, date, title,
    text, url) with the story each belongs to (``event``). A story is ``sentences`` sentences
    of words drawn (common words more often) from the sample event's vocabulary and of the
    story's own names (a dozen made-up words: the people and places only it has); each outlet
    leaves out some sentences, moves one and swaps some words (``SWAPS``). ``retold``: that
    many of the stories are told again, word for word, 40 days later (another event: the
    date window must keep them apart)."""
    import datetime as dt

    from tabayun.core.analysis.readers import article_files

    vocabulary = sorted({w for path in article_files(sample_event_dir())
                         for w in path.read_text(encoding="utf-8").split() if w.isalpha()})
    rng = random.Random(seed)
    weights = [1 / (rank + 1) ** 0.5 for rank in range(len(vocabulary))]
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    rng.shuffle(weights)
    first = dt.date.fromisoformat(start)
    records = []

    def tell(event: str, story: list[str], title: str, day: dt.date) -> None:
        count = rng.randint(2, outlets)
        for k in rng.sample(range(outlets * 3), count):  # outlets*3 outlet names in all
            told = [s for s in story if rng.random() > 0.15] or story[:1]
            if len(told) > 2:
                i = rng.randrange(len(told))
                told.insert(rng.randrange(len(told)), told.pop(i))
            lines = [" ".join(SWAPS.get(w, w) if rng.random() < 0.3 else w for w in s.split()) for s in told]
            date = day + dt.timedelta(days=rng.randint(0, 2))
            rid = f"{event}-o{k:02d}"
            records.append({"id": rid, "outlet": f"Outlet {k:02d}", "date": date.isoformat(), "title": title,
                            "text": "\n\n".join(lines), "url": f"https://outlet{k:02d}.example/{rid}",
                            "event": event})

    stories = []
    for e in range(events):
        names = ["".join(rng.choices(letters, k=rng.randint(4, 7))) for _ in range(12)]
        story = [" ".join(rng.choice(names) if rng.random() < 0.25 else rng.choices(vocabulary, weights)[0]
                          for _ in range(rng.randint(10, 18))) for _ in range(sentences)]
        title = " ".join(rng.choices(vocabulary, weights, k=7))
        day = first + dt.timedelta(days=rng.randrange(days))
        stories.append((story, title, day))
        tell(f"S{e:04d}", story, title, day)
    for e in range(min(retold, events)):
        story, title, day = stories[e]
        tell(f"S{e:04d}-again", story, title, day + dt.timedelta(days=40))
    return records
