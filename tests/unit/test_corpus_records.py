"""Reading a corpus record by record (core/corpus/records.py), grouping (grouping.py) and
the scores of a grouping (evaluation.py)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

pa = pytest.importorskip("pyarrow")
pytest.importorskip("datasketch")
import pyarrow.parquet as pq  # noqa: E402

from tabayun.core.corpus import grouping  # noqa: E402
from tabayun.core.corpus.evaluation import scores  # noqa: E402
from tabayun.core.corpus.records import (MAX_TEXT_CHARS, BadRecord, CorpusRecord, normal_date,  # noqa: E402
                                         read_corpus)

ARABIC = "وقع المغرب وإسرائيل اتفاقية دفاع في الرباط"


def _read(*paths):
    items = list(read_corpus(paths))
    return [i for i in items if isinstance(i, CorpusRecord)], [i for i in items if isinstance(i, BadRecord)]


def test_a_legacy_arabic_csv_is_read_in_its_code_page(tmp_path):
    path = tmp_path / "old.csv"
    path.write_bytes(f"id,outlet,date,text\r\na1,جريدة,24/11/2021,{ARABIC}\r\n".encode("cp1256"))
    records, bad = _read(path)
    assert not bad
    assert records[0].text == ARABIC and records[0].outlet == "جريدة" and records[0].date == "2021-11-24"
    assert records[0].source == f"{path}:2"


def test_a_row_of_bad_bytes_is_one_bad_record_in_a_utf8_csv(tmp_path):
    path = tmp_path / "mixed.csv"
    rows = [f"r{n},Outlet,2024-01-0{n},{ARABIC} {n}".encode() for n in range(1, 6)]
    rows[2] = b"r3,Outlet,2024-01-03,caf\xe9 au lait"
    path.write_bytes(b"id,outlet,date,body\n" + b"\n".join(rows) + b"\n")
    records, bad = _read(path)
    assert [r.record_id for r in records] == ["r1", "r2", "r4", "r5"]
    assert bad == [BadRecord(f"{path}:4", bad[0].reason)] and "not valid" in bad[0].reason
    assert "UTF-8" in bad[0].reason


def test_huge_fields_and_lines_are_bad_records_and_the_rest_is_read(tmp_path):
    csv_path = tmp_path / "big.csv"
    csv_path.write_text("id,text\nbig," + "x" * (MAX_TEXT_CHARS + 10) + "\nsmall,fine text\n", encoding="utf-8")
    jsonl = tmp_path / "big.jsonl"
    with open(jsonl, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "huge", "text": "y" * (MAX_TEXT_CHARS * 5)}) + "\n")
        fh.write(json.dumps({"id": "after", "text": "the next line is read"}) + "\n")
    records, bad = _read(csv_path, jsonl)
    assert [r.record_id for r in records] == ["small", "after"]
    assert "characters long" in bad[0].reason and bad[0].source == f"{csv_path}:2"
    assert "MB" in bad[1].reason and bad[1].source == f"{jsonl}:1"


def test_a_folder_is_read_recursively_with_its_manifests_and_record_files(tmp_path):
    (tmp_path / "outlet_a").mkdir()
    (tmp_path / "outlet_a" / "one.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "outlet_a" / "manifest.csv").write_text("file,outlet,date\none.txt,الجريدة,2021-11-24\n",
                                                        encoding="utf-8")
    (tmp_path / "more.jsonl").write_text(json.dumps({"id": "one", "text": "another one"}) + "\n", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    records, bad = _read(tmp_path)
    assert [(r.record_id, r.outlet, r.date) for r in records] == [("one", "one", ""), ("one~2", "الجريدة", "2021-11-24")]
    assert not bad  # a .docx is not a corpus file: not read, not a problem either


def test_parquet_dates_ids_and_missing_columns(tmp_path):
    path = tmp_path / "c.parquet"
    pq.write_table(pa.table({"doc_id": [7, 8], "Text": ["first", "second"], "url": ["u1", None],
                             "published": pa.array([dt.datetime(2024, 3, 1, 23), None], pa.timestamp("s"))}), path)
    records, bad = _read(path)
    assert [(r.record_id, r.date, r.url, r.source) for r in records] == [
        ("7", "2024-03-01", "u1", f"{path}:row 1"), ("8", "", "", f"{path}:row 2")]
    other = tmp_path / "other.parquet"
    pq.write_table(pa.table({"headline": ["only a title"]}), other)
    not_parquet = tmp_path / "fake.parquet"
    not_parquet.write_text("hello", encoding="utf-8")
    _, bad = _read(other, not_parquet)
    assert "no text column" in bad[0].reason and "headline" in bad[0].reason
    assert "not a Parquet file" in bad[1].reason


@pytest.mark.parametrize("value, iso", [
    ("2021-11-24", "2021-11-24"), ("2021-11-24T22:10:00Z", "2021-11-24"), ("24/11/2021", "2021-11-24"),
    ("2021/11/24", "2021-11-24"), ("٢٤/١١/٢٠٢١", "2021-11-24"), ("Wed, 24 Nov 2021 10:00:00 +0000", "2021-11-24"),
    (dt.date(2021, 11, 24), "2021-11-24"), (1637712000, "2021-11-24"), ("last week", ""), ("2021-13-40", ""),
    (None, ""),
])
def test_dates_are_read_as_iso(value, iso):
    assert normal_date(value) == iso


def _item(rid: str, words: range, date: str = "") -> grouping.Item:
    return grouping.Item(rid, date, *grouping.signature(" ".join(f"word{n}x" for n in words)))


def test_the_date_window_keeps_a_story_told_again_later_apart():
    a, b = _item("a", range(60), "2024-01-01"), _item("b", range(60), "2024-01-06")
    assert grouping.group([a, b], window_days=3) == [[0], [1]]
    assert grouping.group([a, b], window_days=7) == [[0, 1]]
    undated = _item("c", range(60))
    assert grouping.group([a, b, undated], window_days=3) == [[0, 2], [1]]


def test_groups_do_not_chain_into_one():
    # each article shares half its lead words with the next (Jaccard 1/3), none with the one
    # after: plain union-find of the pairs joins all four
    chain = [_item(k, range(25 * n, 25 * n + 50), "2024-01-01") for n, k in enumerate("abcd")]
    assert grouping.group(chain, threshold=0.3) == [[0, 1], [2, 3]]
    assert grouping.group(chain, threshold=0.4) == [[0], [1], [2], [3]]
    spread = [_item(k, range(60), f"2024-01-0{1 + 2 * n}") for n, k in enumerate("abc")]  # days 1, 3, 5
    assert grouping.group(spread, window_days=3) == [[0, 1], [2]]


def test_scores_of_a_grouping():
    s = scores({"a": "1", "b": "1", "c": "2"}, {"a": "X", "b": "Y", "c": "Y"})
    assert (round(s.purity, 3), round(s.precision, 3), round(s.recall, 3), round(s.f1, 3)) == (0.667, 0.667, 0.667, 0.667)
    perfect = scores({"a": "E1", "b": "E1", "c": "E2"}, {"a": "X", "b": "X", "c": "Y"})
    assert perfect.f1 == 1.0 and perfect.purity == 1.0
    with pytest.raises(ValueError, match="not grouped"):
        scores({"a": "1"}, {"a": "X", "b": "X"})


def test_the_command_without_the_extra_says_what_to_install(monkeypatch, capsys, tmp_path):
    from tabayun.cli import main
    from tabayun import corpus_cli as cli

    monkeypatch.setattr(cli.importlib.util, "find_spec", lambda name: None if name == "datasketch" else object())
    assert main(["corpus", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "datasketch" in err and 'pip install "tabayun[corpus]"' in err
    assert not (tmp_path / "out").exists()
