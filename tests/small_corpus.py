"""A small corpus result written as docs/corpus-format.md says, for the tests of opening one.

Three events: E00001 the sample event (seeds/, five Arabic articles, its manifest), E00002
the two English articles of tests/fixtures/english, E00003 a story one outlet told (not
compared). The tables across events hold plausible lines (the counts agree with each other).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tabayun.core.files import write_table
from tabayun.core.resources import sample_event_dir

ENGLISH = Path(__file__).parent / "fixtures" / "english"

EVENT_COLUMNS = ["event_id", "first_date", "last_date", "articles", "outlets", "outlet_names", "compared", "slots",
                 "word_choices", "top_variants", "folder"]
ARTICLE_COLUMNS = ["record_id", "event_id", "outlet", "date", "title", "url", "source", "file"]
TERM_COLUMNS = ["term", "reading", "outlet", "events", "with_reading", "share", "ci_low", "ci_high"]

EVENTS = [
    ["E00001", "2021-11-24", "2021-11-24", 5, 5,
     "001 (غير مسمّى); 002 (غير مسمّى); 004 (وكالة); الميادين نت; بي بي سي", "true", 41, 9,
     "الاحتلال / إسرائيل; وزير الحرب / وزير الدفاع; زيارة / جولة", "events/E00001"],
    ["E00002", "2011-10-04", "2011-10-05", 2, 2, "Paper; Wire", "true", 12, 4,
     "Qadhafi / Gaddafi; militants' / rebels'; claimed / said", "events/E00002"],
    ["E00003", "2011-10-06", "2011-10-06", 1, 1, "Wire", "false", 0, 0, "", "events/E00003"],
]

TERMS = [
    # term, reading, outlet, n, k
    ("الاحتلال / إسرائيل", "الاحتلال", "الميادين نت", 4, 4),
    ("الاحتلال / إسرائيل", "الاحتلال", "بي بي سي", 5, 0),
    ("الاحتلال / إسرائيل", "إسرائيل", "الميادين نت", 4, 0),
    ("الاحتلال / إسرائيل", "إسرائيل", "بي بي سي", 5, 5),
    ("Qadhafi / Gaddafi", "Qadhafi", "Paper", 3, 3),
    ("Qadhafi / Gaddafi", "Gaddafi", "Paper", 3, 0),
    ("Qadhafi / Gaddafi", "Gaddafi", "Wire", 6, 5),
    ("Qadhafi / Gaddafi", "Qadhafi", "Wire", 6, 1),
]


def wilson(k: int, n: int) -> tuple[float, float]:
    z = 1.959964
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4)


def write_corpus_result(root: Path, complete: bool = True) -> Path:
    """Write the corpus result into ``root/corpus`` and return that folder."""
    out = root / "corpus"
    articles = []
    e1 = out / "events" / "E00001"
    e1.mkdir(parents=True)
    for path in sorted(sample_event_dir().iterdir()):
        if path.suffix in (".txt", ".csv"):
            shutil.copy(path, e1 / path.name)
    import csv

    with open(e1 / "manifest.csv", encoding="utf-8-sig") as f:
        for n, line in enumerate(csv.DictReader(f), start=1):
            articles.append([f"r{n}", "E00001", line["outlet"], "2021-11-24", f"title {n}",
                             f"https://example.org/{n}", f"seeds.csv:{n + 1}", f"events/E00001/{line['file']}"])
    e2 = out / "events" / "E00002"
    e2.mkdir(parents=True)
    manifest = []
    for n, (name, outlet, date) in enumerate((("paper.txt", "Paper", "2011-10-04"), ("wire.txt", "Wire", "2011-10-05")),
                                             start=6):
        shutil.copy(ENGLISH / name, e2 / name)
        manifest.append([name, outlet, "en", date, f"https://example.org/{n}"])
        articles.append([f"r{n}", "E00002", outlet, date, f"title {n}", f"https://example.org/{n}",
                         f"english.jsonl:{n - 5}", f"events/E00002/{name}"])
    write_table(["file", "outlet", "language", "date", "note"], manifest, e2 / "manifest.csv")
    e3 = out / "events" / "E00003"
    e3.mkdir(parents=True)
    (e3 / "wire.txt").write_text((ENGLISH / "wire.txt").read_text(encoding="utf-8").split("\n\n")[0]
                                 + "\n\nThe council said the city would fall within days.\n", encoding="utf-8")
    write_table(["file", "outlet", "language", "date", "note"],
                [["wire.txt", "Wire", "en", "2011-10-06", "https://example.org/8"]], e3 / "manifest.csv")
    articles.append(["r8", "E00003", "Wire", "2011-10-06", "title 8", "https://example.org/8", "english.jsonl:3",
                     "events/E00003/wire.txt"])
    write_table(EVENT_COLUMNS, EVENTS, out / "events.csv")
    write_table(ARTICLE_COLUMNS, articles, out / "articles.csv")
    write_table(["source", "reason"], [["english.jsonl:4", "no text"]], out / "problems.csv")
    (out / "across").mkdir()
    write_table(TERM_COLUMNS, [[t, r, o, n, k, round(k / n, 4), *wilson(k, n)] for t, r, o, n, k in TERMS],
                out / "across" / "terms_by_outlet.csv")
    (out / ".state").mkdir()
    info = {"format": "tabayun-corpus", "version": 1, "inputs": [str(root / "input" / "seeds.csv"),
                                                                  str(root / "input" / "english.jsonl")],
            "window_days": 3, "threshold": 0.3, "articles": len(articles), "events": len(EVENTS),
            "compared": 2, "problems": 1, "complete": complete}
    (out / "corpus.json").write_text(json.dumps(info, ensure_ascii=False, indent=2), encoding="utf-8")
    return out
