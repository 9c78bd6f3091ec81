"""Word choices on the sample event against the hand-judged gold (tests/fixtures/gold/):
prints each word-choice slot (readings, outlets, score) with its verdict, and the precision.

    python benchmarks/gold_precision.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

from gold import judged_word_choices  # noqa: E402

from tabayun.core.analysis.comparison import compare  # noqa: E402
from tabayun.core.resources import sample_event_dir  # noqa: E402


def main() -> None:
    event = compare([sample_event_dir()])
    judged = judged_word_choices(event)
    for slot, verdict in judged:
        readings = "  |  ".join(f"«{r.text}» {','.join(d[:3] for d in r.doc_ids)}{' (majority)' if r.majority else ''}"
                                for r in slot.readings)
        print(f"row {slot.row_id:3d} slot {slot.slot_id:2d}  {slot.score:.2f}  {verdict:28s} {readings}")
    genuine = sum(1 for _, v in judged if v == "genuine")
    share = genuine / len(judged) if judged else 0.0
    print(f"\n{len(judged)} word-choice items, {genuine} genuine: precision {share:.0%}   [aim >= 80 %, <= 15 items]")
    print(f"difference lines called word choice: {sum(1 for d in event.differences if d.category == 'lexical')}")


if __name__ == "__main__":
    main()
