"""Peak memory of `compare` on one long article beside the sample event (the sample's
sentences repeated and varied until the article has the size asked for). Each size
runs in a fresh process; prints MB of text, lines, units, seconds and peak RSS.

    python benchmarks/bench_memory.py 3 20        # sizes in MB of UTF-8 text
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

ONE = """
import json, random, resource, sys, time
sys.path.insert(0, {here!r})
from synthetic import SWAPS, sample_sentences
from tabayun.core.analysis.comparison import compare_articles
from tabayun.core.analysis.readers import load_paths
from tabayun.core.model import Article
from tabayun.core.resources import sample_event_dir

megabytes = float(sys.argv[1])
rng = random.Random(3)
pool = sample_sentences()
lines, size = ["مقال طويل عن زيارة غانتس إلى المغرب"], 0
while size < megabytes * 1_000_000:
    words = [SWAPS.get(w, w) if rng.random() < 0.2 else w for w in rng.choice(pool).split()]
    line = " ".join(words) + f" ({{len(lines)}})"
    lines.append(line)
    size += len(line.encode("utf-8")) + 2
text = "\\n\\n".join(lines)
articles = load_paths([sample_event_dir()]).articles + [Article("zz_long", text, "long")]
began = time.perf_counter()
try:
    comparison = compare_articles(articles)
    outcome = {{"units": sum(len(u) for u in comparison.units.values()), "rows": len(comparison.rows)}}
except (ValueError, MemoryError) as exc:
    outcome = {{"refused": str(exc)}}
outcome.update(mb=round(len(text.encode("utf-8")) / 1e6, 2), lines=len(lines),
               seconds=round(time.perf_counter() - began, 1),
               peak_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
print(json.dumps(outcome, ensure_ascii=False))
"""


def main(sizes: list[float]) -> None:
    script = ONE.format(here=str(Path(__file__).parent))
    for mb in sizes:
        done = subprocess.run([sys.executable, "-c", script, str(mb)], capture_output=True, text=True)
        if done.returncode != 0:
            print(f"{mb} MB: failed ({done.returncode}): {done.stderr.strip().splitlines()[-1:]}")
            continue
        print(json.loads(done.stdout))


if __name__ == "__main__":
    main([float(a) for a in sys.argv[1:]] or [3.0])
