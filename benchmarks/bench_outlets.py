"""How `tabayun compare` grows with the number of outlets: synthetic events of 5, 40 and
200 outlets (60 sentences each, see synthetic.py) written to a folder and compared by the
command line in a fresh process, as a researcher runs it. Prints, per size: wall time of
the whole process, its peak memory (max RSS), the slots of the apparatus (variants.csv) and
the items written (variants.csv lines; differences.csv lines for comparison). CPU time
(user + system) is printed too: on a machine shared with other work it varies far less than
wall time. Asserts nothing.

    python benchmarks/bench_outlets.py [5 40 200]

Aims (issue 11): 40 outlets < 2 s; 200 outlets < 15 s and 1.5 GB; time(200)/time(40) <= 7.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import synthetic_articles  # noqa: E402

SIZES = (5, 40, 200)
SENTENCES = 60


def write_event(folder: Path, outlets: int) -> None:
    for article in synthetic_articles(outlets, SENTENCES):
        (folder / f"{article.doc_id}.txt").write_text(article.text, encoding="utf-8")


def csv_lines(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def run(outlets: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="tabayun-bench-") as scratch:
        event, out = Path(scratch) / "event", Path(scratch) / "out"
        event.mkdir()
        write_event(event, outlets)
        cli = [sys.executable, "-m", "tabayun.cli", "compare", str(event), "--out", str(out), "--quiet"]
        start = time.perf_counter()
        proc = subprocess.Popen(cli, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            raise SystemExit(f"compare failed on {outlets} outlets: {proc.stderr.read().decode()}")
        variants = csv_lines(out / "variants.csv")
        differences = csv_lines(out / "differences.csv")
        return {
            "outlets": outlets, "seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
            "peak_mb": usage.ru_maxrss / 1024,
            "slots": len({(v["row_id"], v["slot_id"]) for v in variants}),
            "variants": len(variants), "differences": len(differences),
        }


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES)
    results = {}
    for n in sizes:
        r = results[n] = run(n)
        print(f"{n:4d} outlets x {SENTENCES} sentences: {r['seconds']:7.2f} s whole process "
              f"({r['cpu']:6.2f} s CPU), "
              f"peak {r['peak_mb']:7.0f} MB, {r['slots']:6d} slots, {r['variants']:7d} variants.csv lines, "
              f"{r['differences']:8d} differences.csv lines", flush=True)
    if 40 in results and 200 in results:
        ratio = results[200]["seconds"] / results[40]["seconds"]
        cpu = results[200]["cpu"] / results[40]["cpu"]
        print(f"time(200)/time(40) = {ratio:.1f} (CPU {cpu:.1f})   [aim <= 7]")


if __name__ == "__main__":
    main()
