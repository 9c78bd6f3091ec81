"""Tabayun against CollateX on the sample event's five articles: both run in this
benchmark, on the same texts, as whole processes and in-process. Prints figures and
the ratio; asserts nothing.

CollateX is NOT a project dependency: install it into the benchmark's environment only,

    .venv/bin/pip install collatex python-Levenshtein   # collatex 2.3 imports Levenshtein
    .venv/bin/python benchmarks/bench_collatex.py            # 3 runs of each
    .venv/bin/python benchmarks/bench_collatex.py --runs 1

CollateX is fed as its Python API documents: one plain witness per article (its text as
Tabayun's readers load it, sigil = the article's id), then ``collate(collation)`` with its
defaults (an alignment table; segmentation on, no near matching). Tabayun is fed the same
folder (``tabayun compare seeds/ --out DIR --quiet`` for the whole process; ``compare`` in
process). Aim: Tabayun >= 20x faster.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tabayun.core.resources import sample_event_dir

COLLATEX_CHILD = """
import sys, time
t0 = time.perf_counter()
from collatex import Collation, collate
from tabayun.core.analysis.readers import load_paths
articles = load_paths([sys.argv[1]]).articles
t1 = time.perf_counter()
collation = Collation()
for article in articles:
    collation.add_plain_witness(article.doc_id, article.text)
table = collate(collation)
t2 = time.perf_counter()
print(f"{t2 - t1:.4f} {len(articles)} {len(table.rows[0].cells) if table.rows else 0}")
"""


def whole_process(command: list[str]) -> tuple[float, str]:
    t0 = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return time.perf_counter() - t0, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    try:
        import collatex  # noqa: F401
    except ImportError as exc:
        sys.exit(f"CollateX is not installed here ({exc}): .venv/bin/pip install collatex python-Levenshtein")
    seeds = str(sample_event_dir())
    tabayun_cli = shutil.which("tabayun", path=str(Path(sys.executable).parent)) or "tabayun"
    out = Path(tempfile.mkdtemp(prefix="tabayun-bench-"))

    tab_whole = [whole_process([tabayun_cli, "compare", seeds, "--out", str(out), "--quiet"])[0]
                 for _ in range(args.runs)]
    from tabayun.core.analysis.comparison import compare

    compare([seeds])  # warm imports and caches, as the whole-process figure includes them anyway
    tab_inproc = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        compare([seeds])
        tab_inproc.append(time.perf_counter() - t0)

    cx_whole, cx_inproc = [], []
    for _ in range(args.runs):
        took, said = whole_process([sys.executable, "-c", COLLATEX_CHILD, seeds])
        collation_time, witnesses, columns = said.split()
        cx_whole.append(took)
        cx_inproc.append(float(collation_time))
    shutil.rmtree(out, ignore_errors=True)

    tw, ti = statistics.median(tab_whole), statistics.median(tab_inproc)
    cw, ci = statistics.median(cx_whole), statistics.median(cx_inproc)
    print(f"sample event: {witnesses} articles; CollateX table of {columns} columns; medians of {args.runs} runs")
    print(f"whole process: Tabayun `tabayun compare --quiet` {tw:.2f} s, CollateX {cw:.2f} s -> "
          f"Tabayun {cw / tw:.1f}x faster   [aim >= 20x]")
    print(f"in process:    Tabayun compare() {ti:.3f} s, CollateX collate() {ci:.2f} s -> "
          f"Tabayun {ci / ti:.1f}x faster")


if __name__ == "__main__":
    main()
