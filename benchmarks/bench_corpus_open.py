"""Time opening a big corpus result (core.corpus.result.open_corpus_result, the csv module):
20,000 events, 100,000 articles, 3,000 lines of terms_by_outlet; and, with --window, the
window's corpus view filled with it (models, sort, a search). Prints figures; asserts nothing.

    python benchmarks/bench_corpus_open.py [--events 20000] [--articles 100000] [--window]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tabayun.core.corpus.result import open_corpus_result
from tabayun.core.files import write_table

OUTLETS = ["الجزيرة", "بي بي سي عربي", "العربية", "الميادين", "سكاي نيوز عربية", "فرانس 24", "رويترز", "الشرق الأوسط",
           "القدس العربي", "الأهرام", "Reuters", "AP", "AFP", "The Guardian", "Al-Monitor"]
WORDS = ["الاحتلال", "إسرائيل", "مقاتلين", "إرهابيين", "مسلحين", "قتلى", "شهداء", "هجوم", "عملية", "زعم", "قال"]


def write_result(folder: Path, events: int, articles: int, terms: int) -> None:
    rng = random.Random(7)
    event_rows, article_rows = [], []
    per_event = max(1, articles // events)
    for n in range(1, events + 1):
        eid = f"E{n:05d}"
        outlets = sorted(rng.sample(OUTLETS, rng.randint(1, min(6, per_event + 2))))
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        compared = len(outlets) > 1
        top = "; ".join(f"{rng.choice(WORDS)} / {rng.choice(WORDS)}" for _ in range(3)) if compared else ""
        event_rows.append([eid, day, day, per_event, len(outlets), "; ".join(outlets), str(compared).lower(),
                           rng.randint(5, 80) if compared else 0, rng.randint(0, 12) if compared else 0, top,
                           f"events/{eid}"])
        for a in range(per_event):
            rid = f"r{len(article_rows)}"
            article_rows.append([rid, eid, rng.choice(outlets), day, "عنوان الخبر " + rid, f"https://example.org/{rid}",
                                 f"corpus.jsonl:{len(article_rows) + 1}", f"events/{eid}/{a:03d}.txt"])
    term_rows = []
    for t in range(terms // len(OUTLETS)):
        a, b = rng.sample(WORDS, 2)
        for outlet in OUTLETS:
            n = rng.randint(1, 200)
            k = rng.randint(0, n)
            term_rows.append([f"{a} / {b} {t}", rng.choice((a, b)), outlet, n, k, round(k / n, 4), 0.0, 1.0])
    write_table(["event_id", "first_date", "last_date", "articles", "outlets", "outlet_names", "compared", "slots",
                 "word_choices", "top_variants", "folder"], event_rows, folder / "events.csv")
    write_table(["record_id", "event_id", "outlet", "date", "title", "url", "source", "file"], article_rows,
                folder / "articles.csv")
    (folder / "across").mkdir(exist_ok=True)
    write_table(["term", "reading", "outlet", "events", "with_reading", "share", "ci_low", "ci_high"], term_rows,
                folder / "across" / "terms_by_outlet.csv")
    (folder / "corpus.json").write_text(json.dumps({
        "format": "tabayun-corpus", "version": 1, "inputs": ["corpus.jsonl"], "window_days": 3, "threshold": 0.3,
        "articles": len(article_rows), "events": events, "compared": 0, "problems": 0, "complete": True}),
        encoding="utf-8")


def timed(func, repeat: int = 5) -> tuple[float, object]:
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--events", type=int, default=20000)
    p.add_argument("--articles", type=int, default=100000)
    p.add_argument("--terms", type=int, default=3000)
    p.add_argument("--window", action="store_true", help="also time the window's corpus view")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="tabayun-corpus-") as tmp:
        folder = Path(tmp)
        write_result(folder, args.events, args.articles, args.terms)
        sizes = {name: (folder / name).stat().st_size / 1e6 for name in ("events.csv", "articles.csv")}
        print(f"{args.events} events ({sizes['events.csv']:.1f} MB), {args.articles} articles "
              f"({sizes['articles.csv']:.1f} MB), {args.terms} term lines")
        seconds, result = timed(lambda: open_corpus_result(folder))
        print(f"open_corpus_result: {seconds * 1000:.0f} ms (median of 5)")
        seconds, table = timed(result.term_table)
        print(f"term_table pivot: {seconds * 1000:.1f} ms ({len(table.rows)} lines x {len(table.outlets)} outlets)")
        if args.window:
            seconds, _ = timed(lambda: (setattr(result, "_search", None), setattr(result, "_labelled", None),
                                        result.search_texts(), result.labelled_events()), repeat=3)
            print(f"search texts and labelled events (the window's worker, after reading): {seconds * 1000:.0f} ms")
            time_window(result)
    return 0


def time_window(result) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from tabayun.ui.panels.corpus import CorpusPanel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    panel = CorpusPanel()
    panel.resize(800, 900)
    panel.show()
    seconds, _ = timed(lambda: (panel.set_result(result), app.processEvents()), repeat=3)
    print(f"corpus view filled: {seconds * 1000:.0f} ms")
    seconds, _ = timed(lambda: (panel.events_table.sortByColumn(5, panel.events_table.horizontalHeader().sortIndicatorOrder()),
                                app.processEvents()), repeat=3)
    print(f"sort the events by top variants: {seconds * 1000:.0f} ms")
    seconds, _ = timed(lambda: (panel.set_query("الميادين"), app.processEvents()), repeat=3)
    print(f"search 'الميادين': {seconds * 1000:.0f} ms ({panel.events_proxy.rowCount()} events shown)")
    panel.set_query("")


if __name__ == "__main__":
    raise SystemExit(main())
