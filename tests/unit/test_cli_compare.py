"""`tabayun compare` as a user runs it: files in, CSVs and a summary out."""

import shutil

import pandas as pd

from tabayun.cli import main
from tabayun.core.model import SegmentRole


def test_compare_writes_alignment_csv_that_round_trips(sample_dir, tmp_path, capsys):
    assert main(["compare", str(sample_dir), "--out", str(tmp_path / "out")]) == 0
    raw = (tmp_path / "out" / "alignment.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel shows the Arabic
    frame = pd.read_csv(tmp_path / "out" / "alignment.csv", encoding="utf-8-sig", keep_default_na=False)
    assert list(frame.columns)[:7] == ["row_id", "doc_id", "outlet", "unit_id", "char_start", "char_end", "text"]
    originals = {p.stem: p.read_text(encoding="utf-8") for p in sample_dir.glob("*.txt")}
    for rec in frame.itertuples():
        assert originals[rec.doc_id][rec.char_start:rec.char_end] == rec.text
    assert frame["unit_id"].is_unique
    assert frame["row_id"].is_monotonic_increasing
    assert set(frame["outlet"]) >= {"بي بي سي", "الميادين نت"}  # from seeds/manifest.csv
    for name in ("differences.csv", "markers.csv", "terms.csv"):
        assert (tmp_path / "out" / name).read_bytes().startswith(b"\xef\xbb\xbf")
    out = capsys.readouterr().out
    assert "Articles: 5" in out and "Claims only one outlet reports" in out
    assert "probably another event" in out.split("003_")[1].splitlines()[0]
    assert "Differences by category: " in out and "lexical 3" in out and "Top framing candidates" in out
    assert "«الحرب»" in out and "Markers: loaded_term" in out
    differences = pd.read_csv(tmp_path / "out" / "differences.csv", encoding="utf-8-sig", keep_default_na=False)
    originals = {p.stem: p.read_text(encoding="utf-8") for p in sample_dir.glob("*.txt")}
    for rec in differences.itertuples():
        assert originals[rec.doc_a][rec.a_start:rec.a_end] == rec.a_text
        assert originals[rec.doc_b][rec.b_start:rec.b_end] == rec.b_text
    markers = pd.read_csv(tmp_path / "out" / "markers.csv", encoding="utf-8-sig", keep_default_na=False)
    assert {"loaded_term", "scare_quotes"} <= set(markers["category"])
    variants = pd.read_csv(tmp_path / "out" / "variants.csv", encoding="utf-8-sig", keep_default_na=False)
    assert list(variants.columns) == ["row_id", "slot_id", "category", "score", "doc_id", "outlet", "char_start",
                                      "char_end", "text", "reading", "majority"]
    for rec in variants.itertuples():
        assert originals[rec.doc_id][rec.char_start:rec.char_end] == rec.text
    war = variants[(variants.category == "lexical") & (variants.text == "الحرب")]
    slot = variants[(variants.row_id == war.row_id.iloc[0]) & (variants.slot_id == war.slot_id.iloc[0])]
    assert sorted(slot[slot.majority].doc_id.str[:3]) == ["000", "002", "004"]  # they write «الدفاع»


def test_every_non_furniture_unit_appears_once(sample, tmp_path):
    frame = sample.alignment_frame()
    expected = {u.unit_id for units in sample.units.values() for u in units}
    assert set(frame["unit_id"]) == expected and len(frame) == len(expected)
    furniture = [(d, s.start) for d, segs in sample.segments.items() for s in segs if s.role is SegmentRole.FURNITURE]
    starts = set(zip(frame["doc_id"], frame["char_start"]))
    assert furniture and not starts & set(furniture)


def test_bad_files_are_reported_and_the_rest_still_compare(sample_dir, tmp_path, capsys):
    event = tmp_path / "event"
    shutil.copytree(sample_dir, event, ignore=shutil.ignore_patterns("__*"))
    (event / "empty.txt").write_bytes(b"")
    (event / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert main(["compare", str(event), "--out", str(tmp_path / "out")]) == 0
    captured = capsys.readouterr()
    assert "empty.txt" in captured.err and "image.txt" in captured.err
    assert "Articles: 5" in captured.out


def test_nothing_loadable_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["compare", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "no article could be loaded" in err and "empty" in err
    assert not (tmp_path / "out").exists()


def test_visual_summary_is_reshaped_for_dumb_terminals(sample_dir, tmp_path, capsys):
    assert main(["compare", str(sample_dir), "--out", str(tmp_path / "o"), "--visual"]) == 0
    out = capsys.readouterr().out
    assert any("\ufe70" <= ch <= "\ufeff" for ch in out)  # Arabic presentation forms: shaped
    csv_text = (tmp_path / "o" / "alignment.csv").read_text(encoding="utf-8-sig")
    assert not any("\ufe70" <= ch <= "\ufefe" for ch in csv_text)  # files are never written shaped
