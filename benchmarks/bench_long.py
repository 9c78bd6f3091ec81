"""Long articles: `compare` on 5 articles of N sentences each (synthetic.long_articles:
one story of N distinct claims, each outlet varying, omitting and moving some), each
size in a fresh process.
Prints seconds per stage, the total and peak RSS; asserts nothing.

    python benchmarks/bench_long.py              # 5 x 2,000 and 5 x 4,000 sentences
    python benchmarks/bench_long.py 1000         # one size
    python benchmarks/bench_long.py 2000 --jobs 2

Aim: 5 x 4,000 sentences under 15 s and 1 GB.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ONE = """
import json, resource, sys, time
sys.path.insert(0, {here!r})
from synthetic import long_articles
from tabayun.core.analysis.comparison import compare_articles

sentences, jobs = int(sys.argv[1]), int(sys.argv[2])
articles = long_articles(outlets=5, sentences=sentences)
stages, last = {{}}, [None, time.perf_counter()]

def progress(stage, _fraction):
    now = time.perf_counter()
    if last[0] is not None:
        stages[last[0]] = round(now - last[1], 2)
    last[:] = [stage, now]

began = time.perf_counter()
kwargs = {{"jobs": jobs}} if jobs > 1 else {{}}
comparison = compare_articles(articles, progress=progress, **kwargs)
print(json.dumps({{"sentences": sentences, "jobs": jobs, "rows": len(comparison.rows),
                   "slots": len(comparison.slots), "seconds": round(time.perf_counter() - began, 1),
                   "stages": stages,
                   "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}}))
"""


def main(argv: list[str]) -> None:
    jobs = 1
    if "--jobs" in argv:
        at = argv.index("--jobs")
        jobs = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    script = ONE.format(here=str(Path(__file__).parent))
    for sentences in [int(a) for a in argv] or [2000, 4000]:
        done = subprocess.run([sys.executable, "-c", script, str(sentences), str(jobs)], capture_output=True, text=True)
        if done.returncode != 0:
            print(f"5 x {sentences}: failed ({done.returncode}): {done.stderr.strip().splitlines()[-3:]}")
            continue
        print(json.loads(done.stdout))


if __name__ == "__main__":
    main(sys.argv[1:])
