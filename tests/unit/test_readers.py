"""Loading what users throw at Tabayun: encodings, formats, and bad files."""

from __future__ import annotations

import json

import pytest

from tabayun.core.analysis.readers import UnreadableFile, decode_bytes, load_file, load_paths

ARABIC = "وصل وزير الدفاع الإسرائيلي إلى الرباط في أول زيارة رسمية، وقال إن الاتفاق «تاريخي».\n"
HTML = """<html><head><title>Minister visits Rabat</title>
<script>var ad = "buy now";</script></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Minister visits Rabat</h1>
<p>The Israeli defence minister arrived in Rabat on Wednesday for the first official visit of its kind,
and signed a memorandum of understanding on security cooperation with his Moroccan counterpart.</p>
<p>He said the agreement was historic and would allow the two countries to share intelligence and
to buy and sell weapons, according to a statement from his office in Tel Aviv.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>"""


@pytest.mark.parametrize("encoding, reported", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
    ("cp1256", "cp1256"), ("iso8859_6", "iso8859_6"),
])
def test_arabic_encodings_are_detected(encoding, reported):
    sample = ARABIC.replace("«", '"').replace("»", '"') * 3  # ISO-8859-6 has no « »
    text, found = decode_bytes(sample.encode(encoding))
    assert found == reported
    assert text == sample  # verbatim, no BOM left in front


def test_sample_articles_in_cp1256_and_iso8859_6(sample_dir):
    for path in sorted(sample_dir.glob("*.txt")):
        original = path.read_text(encoding="utf-8")
        assert decode_bytes(original.encode("cp1256"))[0] == original
        try:
            legacy = original.encode("iso8859_6")
        except UnicodeEncodeError:
            continue  # 001-003 use letters ISO-8859-6 lacks
        assert decode_bytes(legacy) == (original, "iso8859_6")


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"), (b"  \n\n ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
])
def test_unreadable_bytes_say_why(data, reason):
    with pytest.raises(UnreadableFile, match=reason):
        decode_bytes(data)


def test_bad_files_are_reported_and_the_rest_load(tmp_path):
    (tmp_path / "good.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    result = load_paths([tmp_path, tmp_path / "missing.txt", tmp_path / "notes.docx"])
    assert [a.doc_id for a in result.articles] == ["good"]
    reasons = {p.source.rsplit("/", 1)[-1]: p.reason for p in result.problems}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["photo.txt"]
    assert "no such file" in reasons["missing.txt"]
    assert "not articles" in reasons["notes.docx"]


def test_huge_file_is_refused(tmp_path, monkeypatch):
    import tabayun.core.analysis.readers as readers

    monkeypatch.setattr(readers, "MAX_BYTES", 1000)
    (tmp_path / "big.txt").write_text(ARABIC * 50, encoding="utf-8")
    result = load_file(tmp_path / "big.txt")
    assert not result.articles and "MB" in result.problems[0].reason


def test_text_is_verbatim(tmp_path):
    raw = "\ufeff" + "عنوان\r\n\r\n" + ARABIC + "\u200f‏ نهاية\n"
    (tmp_path / "a.txt").write_text(raw, encoding="utf-8")
    (article,) = load_file(tmp_path / "a.txt").articles
    assert article.text == raw[1:]  # only the BOM goes
    assert article.encoding == "utf-8"


def test_html_keeps_the_article_and_drops_scripts_and_menus(tmp_path):
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    (article,) = load_file(tmp_path / "page.html").articles
    assert article.text.startswith("Minister visits Rabat\n")
    assert "first official visit" in article.text and "historic" in article.text
    assert "buy now" not in article.text and "Home" not in article.text
    assert article.title == "Minister visits Rabat"


def test_csv_json_and_jsonl_records(tmp_path):
    records = [
        {"id": "bbc", "outlet": "BBC", "title": "عنوان أول", "date": "2021-11-24", "text": ARABIC},
        {"outlet": "Agency", "body": ARABIC.replace("الدفاع", "الحرب")},
        {"outlet": "Nothing", "text": ""},
    ]
    with open(tmp_path / "event.csv", "w", encoding="cp1256", newline="") as fh:
        import csv

        writer = csv.DictWriter(fh, ["id", "outlet", "title", "date", "text", "body"])
        writer.writeheader()
        writer.writerows(records)
    (tmp_path / "event.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "event.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    for name in ("event.csv", "event.json", "event.jsonl"):
        result = load_file(tmp_path / name)
        first, second = result.articles
        assert first.doc_id == "bbc" and first.outlet == "BBC" and first.date == "2021-11-24"
        assert first.text == "عنوان أول\n\n" + ARABIC
        assert second.doc_id == "event-002" and "الحرب" in second.text
        assert len(result.problems) == 1 and "record 3" in result.problems[0].source
    assert load_file(tmp_path / "event.csv").articles[0].encoding == "cp1256"


def test_malformed_json_names_the_line(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"text": "ok ok"}\n{"text": oops}\n', encoding="utf-8")
    result = load_file(tmp_path / "bad.jsonl")
    assert not result.articles and "line 2" in result.problems[0].reason


def test_same_stem_in_two_folders_gets_unique_ids(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(ARABIC, encoding="utf-8")
    result = load_paths([tmp_path / "a", tmp_path / "b"])
    assert [a.doc_id for a in result.articles] == ["story", "story~2"]


def test_folder_manifest_names_outlets(sample_dir):
    result = load_paths([sample_dir])
    assert len(result.articles) == 5 and not result.problems
    outlets = {a.doc_id[:3]: a.outlet for a in result.articles}
    assert outlets["000"] == "بي بي سي"
    assert all(a.language == "ar" for a in result.articles)


def test_tabayun_own_tables_beside_the_articles_are_not_articles(tmp_path, sample_dir):
    import shutil

    from tabayun.cli import main

    for path in sample_dir.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    assert main(["compare", str(tmp_path), "--out", str(tmp_path), "--quiet"]) == 0  # CSVs into the event folder
    (tmp_path / "labels.csv").write_text("label_id,event,doc_id,char_start,char_end,text\r\n", encoding="utf-8")
    result = load_paths([tmp_path])
    assert len(result.articles) == 5 and not result.problems
