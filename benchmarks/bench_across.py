"""How long the tables across events take (`write_across`, core/corpus/across.py) on a
corpus result of many events, without comparing any: a result folder is made up directly
(events.csv, articles.csv, one article file per article drawn from the sample's sentences,
and the variants and markers datasets with lexical slots whose readings are drawn from a
few word pairs, as docs/corpus-format.md lays them out). Prints, per size, the seconds of
each stage (reading, words of the articles, terms by outlet, coverage, loaded wording,
charts and report) and the peak memory. CPU time is printed too: it varies less than wall
time on a shared machine. Asserts nothing.

    python benchmarks/bench_across.py [EVENTS ...]      (default: 200 2000)
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import sample_sentences  # noqa: E402
from tabayun.core.corpus import across, across_charts, across_report  # noqa: E402
from tabayun.core.files import write_csv  # noqa: E402

OUTLETS = [f"Outlet {k:02d}" for k in range(20)]
PAIRS = [("وزير الدفاع", "وزير الحرب"), ("الدفاع", "الحرب"), ("إسرائيل", "الكيان الصهيوني"), ("قال", "زعم"),
         ("زيارة", "جولة"), ("المغرب", "المملكة"), ("هجوم", "عدوان"), ("said", "claimed"), ("rebels", "militants")]
SIZES = (200, 2000)


def make_result(out: Path, events: int, seed: int = 3) -> int:
    rng = random.Random(seed)
    pool = sample_sentences()
    habit = {o: rng.random() for o in OUTLETS}  # each outlet's leaning to the second reading
    event_lines, article_lines, variants, markers = [], [], [], []
    for e in range(1, events + 1):
        event_id = f"E{e:05d}"
        outlets = rng.sample(OUTLETS, rng.randint(1, 8))
        folder = out / "events" / event_id
        folder.mkdir(parents=True)
        for o in outlets:
            doc = f"{event_id}_{o.replace(' ', '_')}"
            (folder / f"{doc}.txt").write_bytes("\n\n".join(rng.sample(pool, 12)).encode("utf-8"))
            article_lines.append((doc, event_id, o, "2024-01-01", "", "", "bench", f"events/{event_id}/{doc}.txt"))
            for _ in range(rng.randint(0, 6)):
                markers.append((event_id, doc, 0, 4, "x", "loaded_term", "x", rng.choice(("own", "quoted")), 0.5,
                                0.5, "referent"))
        compared = len(outlets) >= 2
        if compared:
            for slot in range(rng.randint(1, 6)):
                pair = rng.choice(PAIRS)
                for o in outlets:
                    doc = f"{event_id}_{o.replace(' ', '_')}"
                    reading = int(rng.random() < habit[o])
                    variants.append((slot, slot, "lexical", 0.8, doc, o, 0, 5, pair[reading], reading + 1, False,
                                     event_id))
        event_lines.append((event_id, "2024-01-01", "2024-01-01", len(outlets), len(outlets), "; ".join(outlets),
                            "true" if compared else "false", 0, 0, "", f"events/{event_id}"))
    write_csv(pd.DataFrame.from_records(event_lines, columns=["event_id", "first_date", "last_date", "articles",
                                                              "outlets", "outlet_names", "compared", "slots",
                                                              "word_choices", "top_variants", "folder"]),
              out / "events.csv")
    write_csv(pd.DataFrame.from_records(article_lines, columns=["record_id", "event_id", "outlet", "date", "title",
                                                                "url", "source", "file"]), out / "articles.csv")
    v = pd.DataFrame.from_records(variants, columns=["row_id", "slot_id", "category", "score", "doc_id", "outlet",
                                                     "char_start", "char_end", "text", "reading", "majority",
                                                     "event_id"])
    m = pd.DataFrame.from_records(markers, columns=["event_id", "doc_id", "char_start", "char_end", "text",
                                                    "category", "entry", "voice", "strength", "score", "group"])
    pq.write_to_dataset(pa.Table.from_pandas(v, preserve_index=False), str(out / "variants"),
                        partition_cols=["event_id"], max_partitions=1 << 16)
    pq.write_to_dataset(pa.Table.from_pandas(m, preserve_index=False), str(out / "markers"),
                        partition_cols=["event_id"], max_partitions=1 << 16)
    return len(article_lines)


def main(sizes: list[int]) -> None:
    for events in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp)
            articles = make_result(out, events)
            laps = {}
            cpu0, t0 = time.process_time(), time.perf_counter()
            now = t0
            corpus = across.read_corpus(out)
            laps["read"], now = time.perf_counter() - now, time.perf_counter()
            words, language = across.article_words(out, corpus.articles)
            laps["words"], now = time.perf_counter() - now, time.perf_counter()
            terms = across.terms_by_outlet(corpus.variants)
            laps["terms"], now = time.perf_counter() - now, time.perf_counter()
            cover = across.coverage(corpus.events, corpus.articles)
            matrix = across.coverage_matrix(corpus.events, corpus.articles, list(cover["outlet"]))
            laps["coverage"], now = time.perf_counter() - now, time.perf_counter()
            loaded = across.loaded_by_outlet(corpus.markers, corpus.articles, words)
            laps["loaded"], now = time.perf_counter() - now, time.perf_counter()
            tables = across.AcrossTables(terms, cover, matrix, loaded, language, len(corpus.events), len(cover))
            charts = across_charts.write_charts(tables, out / "across")
            across_report.write_across_report(tables, charts, out / "across" / "report.html")
            laps["charts+report"], now = time.perf_counter() - now, time.perf_counter()
            wall, cpu = now - t0, time.process_time() - cpu0
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            stages = "  ".join(f"{k} {v:.2f}" for k, v in laps.items())
            print(f"{events} events, {articles} articles, {len(corpus.variants)} lexical variant lines: "
                  f"{wall:.2f} s wall, {cpu:.2f} s CPU ({stages}); {len(terms)} term lines; "
                  f"peak {peak:.0f} MB")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or list(SIZES))
