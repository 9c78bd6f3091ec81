"""The long run of the property tests: the whole pipeline on N generated events
(default 10,000) of Arabic, English and mixed text with tatweel, diacritics, bidi
controls, zero-width characters, Arabic-Indic digits, quotes and punctuation-only
lines. Checks each run (no exception, every unit/difference/marker span equal to its
slice of the original text) and, every 20th example, that labels on its spans
round-trip through labels.csv. Prints examples run, failures, and the first failures.

    python benchmarks/fuzz_pipeline.py [N] [SEED]
"""

from __future__ import annotations

import collections
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "property"))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from pipeline_strategies import events, run_pipeline  # noqa: E402
from tabayun.core.annotation.codebook import default_codebook  # noqa: E402
from tabayun.core.annotation.labels import LabelStore, new_label, read_labels  # noqa: E402


def labels_round_trip(comparison, folder: Path, rng: random.Random) -> None:
    store = LabelStore(folder / "labels.csv", "event")
    made = []
    for art in comparison.articles.values():
        start = rng.randint(0, len(art.text))
        end = rng.randint(start, len(art.text))
        made.append(store.add(new_label(event="event", annotator="fuzz", codebook=default_codebook(), code="neutral",
                                        article=art, start=start, end=end, note=art.text[start:end][:30])))
    assert read_labels(folder / "labels.csv") == made == LabelStore(folder / "labels.csv", "event").labels


def main(n: int, run_seed: int) -> int:
    counts = collections.Counter()
    failures: list[tuple[str, list]] = []
    rng = random.Random(run_seed)
    began = time.perf_counter()

    @seed(run_seed)
    @settings(max_examples=n, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(events())
    def one(articles):
        counts["run"] += 1
        try:
            comparison = run_pipeline(articles)
            if counts["run"] % 20 == 0:
                with tempfile.TemporaryDirectory() as folder:
                    labels_round_trip(comparison, Path(folder), rng)
                    counts["label round trips"] += 1
        except Exception as exc:  # every failure is counted, none stops the run
            counts["failed"] += 1
            where = traceback.extract_tb(exc.__traceback__)[-1]
            key = f"{type(exc).__name__} at {Path(where.filename).name}:{where.lineno}: {str(exc)[:120]}"
            if len(failures) < 5:
                failures.append((key, [a.text[:200] for a in articles]))

    one()
    seconds = time.perf_counter() - began
    print(f"examples run: {counts['run']}")
    print(f"failures: {counts['failed']}")
    print(f"label round trips: {counts['label round trips']}")
    print(f"seconds: {seconds:.0f} ({1000 * seconds / max(counts['run'], 1):.1f} ms per example)")
    for key, texts in failures:
        print(f"- {key}\n  {texts!r}")
    return 1 if counts["failed"] else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000, int(sys.argv[2]) if len(sys.argv) > 2 else 9))
