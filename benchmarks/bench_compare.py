"""Time `compare` (load, clean, align, markers, collate) on the sample event and on a
synthetic event of 40 outlets x 60 sentences. Prints figures; asserts nothing.

    python benchmarks/bench_compare.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import synthetic_articles  # noqa: E402

from tabayun.core.analysis import diff as diff_stage  # noqa: E402
from tabayun.core.analysis.collate import collate  # noqa: E402
from tabayun.core.analysis.comparison import compare, compare_articles  # noqa: E402
from tabayun.core.resources import sample_event_dir  # noqa: E402


def best_of(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def main() -> None:
    compare([sample_event_dir()])  # warm imports and resource caches
    best, median = best_of(lambda: compare([sample_event_dir()]), 5)
    print(f"sample event (5 articles): compare best {best * 1000:.0f} ms, median {median * 1000:.0f} ms")
    articles = synthetic_articles(40, 60)
    words = sum(len(a.text.split()) for a in articles)
    best, median = best_of(lambda: compare_articles(articles), 3)
    result = compare_articles(articles)
    print(f"synthetic event (40 outlets x 60 sentences, {words:,} words): compare best {best:.2f} s, "
          f"median {median:.2f} s; {len(result.rows)} rows, {len(result.slots):,} slots, "
          f"{len(result.differences):,} differences")
    sample = compare([sample_event_dir()])
    for backend in ("python", "fast"):
        diff_stage.use_backend(backend)
        for name, event, repeat in (("sample", sample, 5), ("synthetic 40 outlets", result, 3)):
            best, _ = best_of(lambda: collate(event.rows, event.articles, event.normalizer, event.markers), repeat)
            print(f"collate stage (the apparatus), {diff_stage.BACKEND_NAME}, {name}: best {best * 1000:.0f} ms")
    diff_stage.use_backend("auto")


if __name__ == "__main__":
    main()
