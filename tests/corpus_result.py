"""A small corpus result folder for tests, written as docs/corpus-format.md describes it
(what `tabayun corpus` writes), from events compared with the usual pipeline.

``write_corpus_result(out_dir, events)`` takes events as lists of Articles (each event is
compared with ``compare_articles``; an event of one outlet is listed, not compared) and
writes events.csv, articles.csv, corpus.json, the event folders (one .txt per article and a
manifest.csv) and the variants/, differences/ and markers/ Parquet datasets, partitioned by
event (hive style). ``corpus_events()`` gives the events the corpus tests share; import with
``from corpus_result import ...`` (tests/ is on the path through tests/conftest.py).
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from tabayun.core.analysis.comparison import Comparison, compare_articles
from tabayun.core.analysis.readers import load_paths
from tabayun.core.files import write_csv, write_table
from tabayun.core.model import Article
from tabayun.core.resources import sample_event_dir

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = ROOT / "tests" / "fixtures" / "english"
EVENT_COLUMNS = ["event_id", "first_date", "last_date", "articles", "outlets", "outlet_names", "compared", "slots",
                 "word_choices", "top_variants", "folder"]
ARTICLE_COLUMNS = ["record_id", "event_id", "outlet", "date", "title", "url", "source", "file"]


@dataclass
class WrittenEvent:
    event_id: str
    articles: list[Article]
    comparison: Comparison | None  # None: one outlet only, not compared


def load_folder(folder: Path, only: tuple[str, ...] = ()) -> list[Article]:
    """The articles of an event folder (its manifest's outlets), those whose file stem starts
    with one of ``only`` when given."""
    articles = load_paths([folder]).articles
    return [a for a in articles if not only or a.doc_id.startswith(only)]


def seeds_second_event() -> list[Article]:
    """A second Arabic event made from the sample by editing its text: the same outlets a week
    later in Abu Dhabi. 001 again writes وزير الحرب, and now 002 does too; بي بي سي and 004 keep
    وزير الدفاع. (003, another event in the sample, is left out.)"""
    edits = [("الرباط", "أبوظبي"), ("المغرب", "الإمارات"), ("المغربي", "الإماراتي"), ("المغربية", "الإماراتية")]
    out = []
    for article in load_folder(sample_event_dir(), ("000", "001", "002", "004")):
        text = article.text
        for old, new in edits:
            text = text.replace(old, new)
        if article.doc_id.startswith("002"):
            text = text.replace("لوزير الدفاع الإسرائيلي", "لوزير الحرب الإسرائيلي")
        out.append(replace(article, doc_id=f"{article.doc_id}_b", text=text, date="2021-12-01"))
    return out


def synthetic_event(seed: int, outlets: int = 4, sentences: int = 8) -> list[Article]:
    """An event of benchmarks/synthetic.py: ``outlets`` retellings of the sample's sentences
    with word choices swapped at random (Outlet 00, Outlet 01, …)."""
    spec = importlib.util.spec_from_file_location("tabayun_bench_synthetic", ROOT / "benchmarks" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [replace(a, doc_id=f"s{seed}_{a.doc_id}", date=f"2022-01-{seed:02d}")
            for a in module.synthetic_articles(outlets, sentences, seed)]


def corpus_events() -> list[list[Article]]:
    """The corpus the tests share, in date order (E00001 …): the sample event; the same outlets
    a week later; the English pair (paper, wire); two synthetic events; the paper's article
    alone (a story only one outlet told)."""
    english = load_folder(ENGLISH)
    for a in english:
        assert a.outlet in ("paper", "wire")
    dated = lambda arts, date: [replace(a, date=date) for a in arts]  # noqa: E731
    paper_alone = [replace(a, doc_id="paper_alone", date="2022-03-01") for a in english if a.outlet == "paper"]
    return [dated(load_folder(sample_event_dir()), "2021-11-24"), seeds_second_event(),
            dated(english, "2021-12-10"), synthetic_event(7), synthetic_event(8), paper_alone]


def _dataset(frames: list[pd.DataFrame], folder: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    frames = [f for f in frames if len(f)]
    if not frames:
        return
    table = pa.Table.from_pandas(pd.concat(frames, ignore_index=True), preserve_index=False)
    pq.write_to_dataset(table, str(folder), partition_cols=["event_id"])


def write_corpus_result(out_dir: Path, events: list[list[Article]]) -> list[WrittenEvent]:
    """Compare each event and write the corpus result folder; returns the events written."""
    out_dir = Path(out_dir)
    written, event_lines, article_lines = [], [], []
    variants, differences, markers = [], [], []
    for number, articles in enumerate(events, start=1):
        event_id = f"E{number:05d}"
        folder = f"events/{event_id}"
        outlets = sorted({a.outlet for a in articles})
        comparison = compare_articles(articles) if len(outlets) >= 2 else None
        for a in articles:
            (out_dir / folder).mkdir(parents=True, exist_ok=True)
            (out_dir / folder / f"{a.doc_id}.txt").write_bytes(a.text.encode("utf-8"))
            article_lines.append((f"{event_id}:{a.doc_id}", event_id, a.outlet, a.date or "", a.title or "",
                                  a.url or "", str(a.source or a.doc_id), f"{folder}/{a.doc_id}.txt"))
        write_table(["file", "outlet", "language", "date", "note"],
                    [(f"{a.doc_id}.txt", a.outlet, a.language or "", a.date or "", a.url or "") for a in articles],
                    out_dir / folder / "manifest.csv")
        slots = word_choices = 0
        top = ""
        if comparison is not None:
            for frames, frame in ((variants, comparison.variants_frame()), (differences, comparison.differences_frame()),
                                  (markers, comparison.markers_frame())):
                frames.append(frame.assign(event_id=event_id))
            slots = len(comparison.slots)
            lexical = sorted((s for s in comparison.slots if s.category == "lexical"), key=lambda s: -s.score)
            word_choices = len(lexical)
            top = "; ".join(" / ".join(r.text for r in s.readings) for s in lexical[:3])
        dates = sorted(a.date for a in articles if a.date)
        event_lines.append((event_id, dates[0] if dates else "", dates[-1] if dates else "", len(articles),
                            len(outlets), "; ".join(outlets), "true" if comparison is not None else "false",
                            slots, word_choices, top, folder))
        written.append(WrittenEvent(event_id, articles, comparison))
    write_table(EVENT_COLUMNS, event_lines, out_dir / "events.csv")
    write_csv(pd.DataFrame.from_records(article_lines, columns=ARTICLE_COLUMNS), out_dir / "articles.csv")
    write_table(["source", "reason"], [], out_dir / "problems.csv")
    _dataset(variants, out_dir / "variants")
    _dataset(differences, out_dir / "differences")
    _dataset(markers, out_dir / "markers")
    (out_dir / "corpus.json").write_text(json.dumps({
        "format": "tabayun-corpus", "version": 1, "inputs": [], "window_days": 3, "threshold": 0.3,
        "articles": len(article_lines), "events": len(event_lines),
        "compared": sum(e.comparison is not None for e in written), "problems": 0, "complete": True}),
        encoding="utf-8")
    return written
