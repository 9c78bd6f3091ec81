"""Issue 9 item 6: every CSV Tabayun writes is formula-safe, headers included, and reads
back exactly with core.files.read_csv (before: `compare` escaped nothing, and `merge`
and `agreement` left annotator names and codes in the header as they were)."""

from __future__ import annotations

import csv
import io

import pandas as pd

from tabayun.cli import main
from tabayun.core.annotation.codebook import default_codebook
from tabayun.core.annotation.labels import LabelStore, new_label
from tabayun.core.files import FORMULA_STARTS, escape_cell, read_csv, unescape_cell, write_csv
from tabayun.core.model import Article

PAYLOADS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "@SUM(A1)", "-2+3 Outlet"]


def cells(path) -> list[str]:
    rows = csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""))
    return [cell for row in rows for cell in row]


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def runnable(path) -> list[str]:
    """Cells a spreadsheet would run as a formula (a negative number is just a number)."""
    return [c for c in cells(path) if c.startswith(FORMULA_STARTS) and not is_number(c)]


def test_compare_escapes_text_outlet_and_doc_id_cells_and_reads_back(tmp_path):
    folder = tmp_path / "event"
    folder.mkdir()
    lines = ["=HYPERLINK(\"http://evil.example\",\"x\") قال وزير الدفاع إن الزيارة مهمة.",
             "+1+1 قال وزير الحرب إن الزيارة مهمة."]
    (folder / "=cmd.txt").write_text("عنوان\n\n" + lines[0], encoding="utf-8")
    (folder / "@b.txt").write_text("عنوان\n\n" + lines[1], encoding="utf-8")
    (folder / "manifest.csv").write_text("file,outlet\n=cmd.txt,-2+3 Outlet\n@b.txt,@SUM(A1)\n", encoding="utf-8")
    assert main(["compare", str(folder), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    for name in ("alignment.csv", "differences.csv", "markers.csv", "terms.csv"):
        assert runnable(tmp_path / "out" / name) == [], name
    frame = read_csv(tmp_path / "out" / "alignment.csv")
    assert {"=cmd", "@b"} <= set(frame["doc_id"]) and {"-2+3 Outlet", "@SUM(A1)"} <= set(frame["outlet"])
    originals = {"=cmd": "عنوان\n\n" + lines[0], "@b": "عنوان\n\n" + lines[1]}
    for rec in frame.itertuples():
        assert originals[rec.doc_id][rec.char_start:rec.char_end] == rec.text
    assert set(lines) <= set(frame["text"])


def test_headers_are_escaped_too(tmp_path):
    frame = pd.DataFrame({"=evil": ["a"], "'quoted": ["'=b"], "plain": [1]})
    write_csv(frame, tmp_path / "t.csv")
    assert runnable(tmp_path / "t.csv") == []
    assert list(read_csv(tmp_path / "t.csv").columns) == ["=evil", "'quoted", "plain"]
    assert read_csv(tmp_path / "t.csv")["'quoted"].tolist() == ["'=b"]


def test_merge_and_agreement_escape_annotator_names_and_codes_in_headers(tmp_path):
    art = Article("001_a", "قال وزير الحرب إن الهجوم الوحشي انتهى. " * 5, "outlet")
    paths = []
    for name, code in (("=Mona", "evaluative_word"), ("@Karim", "neutral")):
        path = tmp_path / f"{name[1:]}.csv"
        store = LabelStore(path, "event")
        for i in range(6):
            store.add(new_label(event="event", annotator=name, codebook=default_codebook(),
                                code=code if i % 2 else "neutral", article=art, start=i * 5, end=i * 5 + 4))
        paths.append(str(path))
    assert main(["merge", *paths, "--out", str(tmp_path / "merged.csv")]) == 0
    assert main(["agreement", *paths, "--out", str(tmp_path / "agreement")]) == 0
    for path in [tmp_path / "merged.csv", *(tmp_path / "agreement").iterdir()]:
        assert runnable(path) == [], path.name
    assert {"=Mona", "@Karim"} <= set(read_csv(tmp_path / "merged.csv").columns)


def test_the_escape_is_a_bijection():
    for text in PAYLOADS + ["'", "''", "'=x", "", "ok", "\tTAB"]:
        assert unescape_cell(escape_cell(text)) == text and not escape_cell(text).startswith(FORMULA_STARTS)


def test_write_table_writes_what_write_csv_writes_for_the_same_values(tmp_path):
    # The command line writes its tables with the csv module (no pandas to import): the
    # files must be the ones pandas wrote, byte for byte.
    from tabayun.core.files import write_table

    columns = ["doc_id", "=start", "score", "count", "maybe", "flag", "text"]
    rows = [["001_a", 3, 0.1 + 0.2, 7, None, True, PAYLOADS[0]],
            ["002_b", 0, 1.0, -2, 4.5, False, "قال «وزير الحرب»,\n\"اقتباس\""],
            ["003_c", 12, float("nan"), 0, None, True, "'plain"]]
    write_csv(pd.DataFrame(rows, columns=columns), tmp_path / "pandas.csv")
    write_table(columns, rows, tmp_path / "csv.csv")
    assert (tmp_path / "csv.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()
    assert read_csv(tmp_path / "csv.csv")["text"].tolist() == [r[-1] for r in rows]


def test_the_tables_compare_writes_are_the_frames_written_by_pandas(sample, tmp_path):
    from tabayun.core.files import write_table

    frames = {"alignment.csv": sample.alignment_frame(), "differences.csv": sample.differences_frame(),
              "variants.csv": sample.variants_frame(), "markers.csv": sample.markers_frame(),
              "terms.csv": sample.terms_frame()}
    tables = sample.tables()
    assert list(tables) == list(frames)
    for name, (columns, rows) in tables.items():
        assert rows, name  # the sample event has some of each
        write_table(columns, rows, tmp_path / f"csv-{name}")
        write_csv(frames[name], tmp_path / f"pandas-{name}")
        assert (tmp_path / f"csv-{name}").read_bytes() == (tmp_path / f"pandas-{name}").read_bytes(), name
