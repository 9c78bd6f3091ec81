"""Sharing what was found: the labeled-differences table (CSV, XLSX), the HTML report, charts."""

from __future__ import annotations

from html.parser import HTMLParser

import arabic_reshaper
import matplotlib
import openpyxl
import pandas as pd
import pytest
from bidi.algorithm import get_display

from tabayun.core.sharing import charts
from tabayun.core.analysis.comparison import compare_articles
from tabayun.core.files import read_csv
from tabayun.core.sharing.export_folder import export_event
from tabayun.core.sharing.labeled_diffs import TABLE_COLUMNS, labeled_table, write_table_csv, write_table_xlsx
from tabayun.core.model import Article
from tabayun.core.analysis.normalize import fold
from tabayun.core.sharing.report import render_report
from tabayun.core.sharing.event_view import EventView

# labels.csv as the labelling side writes it.
LABEL_COLUMNS = ["label_id", "event", "annotator", "created_at", "updated_at", "codebook", "codebook_version", "code",
                 "note", "confidence", "doc_id", "outlet", "char_start", "char_end", "text", "other_doc_id",
                 "other_outlet", "other_start", "other_end", "other_text", "row_id", "suggested_code",
                 "difference_category", "app_version"]
FORMULA_NOTE = '=HYPERLINK("http://example.org","click")'
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def label(comparison, label_id, code, doc, start, end, note="", other=None, **extra):
    """One labels.csv line; ``other`` is (doc, start, end), or (doc, "", "") for an omission."""
    line = dict.fromkeys(LABEL_COLUMNS, "")
    line.update(label_id=label_id, event="sample", annotator="sara", created_at="2024-05-01T10:00:00Z",
                codebook="framing", codebook_version="1", code=code, note=note, confidence="0.8",
                doc_id=doc, outlet=comparison.outlet(doc), char_start=start, char_end=end,
                text=comparison.articles[doc].text[start:end], app_version="0.1.0", **extra)
    if other:
        o_doc, o_start, o_end = other
        line.update(other_doc_id=o_doc, other_outlet=comparison.outlet(o_doc), other_start=o_start, other_end=o_end,
                    other_text=comparison.articles[o_doc].text[o_start:o_end] if o_start != "" else "")
    return line


@pytest.fixture(scope="module")
def labels_csv(sample, tmp_path_factory):
    """A labels.csv on the sample event: war/defence, scare quotes in 003, an omission."""
    war = next(d for d in sample.differences if fold(d.a_text) == fold("الحرب") and fold(d.b_text) == fold("الدفاع"))
    quotes = next(m for m in sample.markers if m.doc_id.startswith("003") and m.category == "scare_quotes")
    view = EventView(sample)
    omitted = next(i for i in range(len(view)) if view.is_omission(i))
    present, absent = view.rows[omitted].doc_ids[0], next(d for d in view.doc_ids if d not in view.rows[omitted].units)
    cell = view.cell(omitted, present)
    lines = [
        label(sample, "L1", "war_framing", war.doc_a, war.a_start, war.a_end, note=FORMULA_NOTE,
              other=(war.doc_b, war.b_start, war.b_end), row_id=war.row_id, difference_category="lexical"),
        label(sample, "L2", "تشكيك", quotes.doc_id, quotes.start, quotes.end, note="علامات تنصيص حول الاسم"),
        label(sample, "L3", "omission", present, cell.start, cell.end, note="+not in the other outlet",
              other=(absent, "", "")),
    ]
    path = tmp_path_factory.mktemp("labels") / "labels.csv"
    pd.DataFrame(lines, columns=LABEL_COLUMNS).to_csv(path, index=False, encoding="utf-8-sig")
    return path


@pytest.fixture(scope="module")
def labels(labels_csv):
    return read_csv(labels_csv)


@pytest.fixture(scope="module")
def exported(sample, labels, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    return out, export_event(sample, out, labels, agreement_lines=["Krippendorff's alpha (nominal): 0.71"])


# --- the table -----------------------------------------------------------------------------

def test_table_has_one_line_per_label_each_findable_in_its_article(sample, labels):
    table = labeled_table(sample, labels)
    assert list(table.columns) == TABLE_COLUMNS and len(table) == len(labels)
    for line in table.to_dict("records"):
        text = sample.articles[line["doc_id"]].text
        assert text[line["char_start"]:line["char_end"]] == line["text"]
        assert line["text"] in line["context"]  # the sentence around the span
    war = table.set_index("label_id").loc["L1"]
    assert fold(war["text"]) == fold("الحرب") and fold(war["other_text"]) == fold("الدفاع")
    assert war["other_text"] in war["other_context"] and war["row_id"] == int(labels.loc[0, "row_id"])
    omission = table.set_index("label_id").loc["L3"]
    assert omission["other_doc_id"] and pd.isna(omission["other_start"]) and omission["other_context"] == ""


def test_parsed_labels_and_labels_as_stored_give_the_same_table(sample, labels):
    parsed = labels.copy()
    for col in ("char_start", "char_end", "other_start", "other_end", "row_id"):
        parsed[col] = pd.to_numeric(parsed[col].replace("", None)).astype("Int64")
    parsed["confidence"] = parsed["confidence"].astype(float)
    stored = labels.copy()
    stored.loc[1, "text"] = "'" + stored.loc[1, "text"]  # how labels.csv escapes a formula-like cell
    expected = labeled_table(sample, labels)
    pd.testing.assert_frame_equal(labeled_table(sample, parsed), expected)
    pd.testing.assert_frame_equal(labeled_table(sample, stored), expected)


def test_a_span_that_does_not_check_out_keeps_its_line_without_context(sample, labels):
    stale = labels.copy()
    stale.loc[0, "text"] = "كلمة أخرى"  # the article has other words at these offsets now
    stale.loc[1, "doc_id"] = "999_not_in_this_event"
    table = labeled_table(sample, stale).set_index("label_id")
    assert len(table) == 3
    assert table.loc["L1", "context"] == "" and table.loc["L2", "context"] == ""
    assert table.loc["L3", "context"]
    page = Tree(render_report(sample, stale))
    assert "تسميات لم توضع على الصفحة" in page.visible  # the Arabic event: Arabic headings
    assert "has other words at" in page.visible
    assert "999_not_in_this_event' is not in this event" in page.visible


def test_csv_and_xlsx_reopen_with_the_same_rows_and_arabic_intact(exported, sample, labels):
    out, paths = exported
    csv_path, xlsx_path = out / "labeled_diffs.csv", out / "labeled_diffs.xlsx"
    assert csv_path in paths and xlsx_path in paths
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")
    table = labeled_table(sample, labels)
    from_csv = read_csv(csv_path)
    from_xlsx = pd.read_excel(xlsx_path, keep_default_na=False)
    for frame in (from_csv, from_xlsx):
        assert list(frame.columns) == TABLE_COLUMNS
        assert list(frame["label_id"]) == list(table["label_id"])
        assert list(frame["context"]) == list(table["context"])  # Arabic sentences, unchanged
        assert "تشكيك" in set(frame["code"])
    war_csv = from_csv.set_index("label_id").loc["L1"]
    assert war_csv["note"] == FORMULA_NOTE  # read_csv undoes the escape
    on_disk = read_csv(csv_path, raw=True).set_index("label_id").loc["L1"]
    assert on_disk["note"] == "'" + FORMULA_NOTE  # quoted: a spreadsheet shows it as text
    assert from_xlsx.set_index("label_id").loc["L1", "note"] == FORMULA_NOTE  # kept verbatim


def test_xlsx_sheet_is_right_to_left_frozen_and_runs_no_formula(exported):
    out, _ = exported
    sheet = openpyxl.load_workbook(out / "labeled_diffs.xlsx").active
    assert sheet.sheet_view.rightToLeft is True
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    note = sheet.cell(row=[c.value for c in sheet["A"]].index("L1") + 1, column=header.index("note") + 1)
    assert note.value == FORMULA_NOTE and note.data_type == "s"
    assert not [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert sheet.column_dimensions["A"].width > 0 and note.alignment.wrap_text


def test_left_to_right_sheet_and_control_characters(tmp_path):
    frame = pd.DataFrame({"text": ["a\x0bb", "-1+2"], "char_start": pd.array([1, None], dtype="Int64")})
    write_table_xlsx(frame, tmp_path / "t.xlsx", rtl=False)
    write_table_csv(frame, tmp_path / "t.csv")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert not sheet.sheet_view.rightToLeft
    assert sheet["A2"].value == "a\ufffdb" and sheet["A3"].value == "-1+2" and sheet["A3"].data_type == "s"
    assert read_csv(tmp_path / "t.csv", raw=True)["text"].tolist() == ["a\x0bb", "'-1+2"]
    assert read_csv(tmp_path / "t.csv")["text"].tolist() == ["a\x0bb", "-1+2"]


# --- the report ---------------------------------------------------------------------------

class Tree(HTMLParser):
    """Start tags with their attributes, and the page's visible text (label numbers left out,
    so that article sentences read as in the article)."""

    def __init__(self, page: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self._in_ref = False
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_ref = tag == "sup"

    def handle_endtag(self, tag):
        self._in_ref = self._in_ref and tag != "sup"

    def handle_data(self, data):
        if not self._in_ref:
            self.text.append(data)

    @property
    def visible(self) -> str:
        return "".join(self.text)


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def test_report_shows_every_outlet_side_by_side_and_the_labels(exported, sample):
    out, paths = exported
    page = (out / "report.html").read_text(encoding="utf-8")
    tree = Tree(page)
    visible = _squeezed(tree.visible)
    for doc, article in sample.articles.items():
        assert article.outlet in visible
        for unit in sample.units[doc]:
            assert _squeezed(unit.text) in visible, unit.unit_id
    assert tree.tags[0][0] == "html" and tree.tags[0][1]["dir"] == "rtl"
    marks = [a for t, a in tree.tags if t == "mark" and "title" in a]  # the legend has one too
    assert any("war_framing" in a["title"] and FORMULA_NOTE in a["title"] for a in marks)
    assert any("تشكيك" in a["title"] for a in marks) and any("omission" in a["title"] for a in marks)
    assert "Krippendorff's alpha (nominal): 0.71" in visible
    assert sum(1 for t, a in tree.tags if t == "td" and "omitted" in a.get("class", "")) > 0
    assert {"lexical", "scare_quotes", "loaded_term"} <= {a["class"].split("hl-")[1] for t, a in tree.tags
                                                          if t == "span" and "hl-" in a.get("class", "")}
    images = [a["src"] for t, a in tree.tags if t == "img"]
    assert len(images) == 4 and all(src.startswith("data:image/") for src in images)
    assert "@font-face" in page and "data:font/ttf;base64," in page
    assert not any(t in ("script", "link", "iframe") for t, _ in tree.tags)  # no code, nothing fetched


def test_report_without_labels(sample):
    page = render_report(sample, None)
    tree = Tree(page)
    assert not any(t == "mark" and "title" in a for t, a in tree.tags)
    assert 'id="labels"' not in page and 'id="agreement"' not in page
    assert all(a.outlet in tree.visible for a in sample.articles.values())


def test_article_markup_is_shown_as_text_and_runs_nothing(sample):
    base = [sample.articles[d] for d in sample.doc_ids[:2]]
    crafted = Article(doc_id=f"zz_{IMG}", outlet=f"Outlet {IMG}", url=f"javascript:alert(1)//{SCRIPT}",
                      text=f"Breaking {SCRIPT} news\n\nThe minister {IMG} visited Rabat on Wednesday.\n")
    event = compare_articles(base + [crafted])
    doc = crafted.doc_id
    start = crafted.text.index(IMG)
    evil = pd.DataFrame([label(event, "X1", f"code{SCRIPT}", doc, start, start + len(IMG), note=f"</mark>{IMG}")],
                        columns=LABEL_COLUMNS)
    page = render_report(event, evil, agreement_lines=[SCRIPT], charts=None)
    tree = Tree(page)
    assert not [t for t, _ in tree.tags if t in ("script", "img", "iframe", "object", "embed")]
    assert not [name for _, attrs in tree.tags for name in attrs if name.startswith("on")]
    assert not [a for t, a in tree.tags if t == "a" and "javascript" in a.get("href", "")]
    assert SCRIPT in tree.visible and IMG in tree.visible and f"Outlet {IMG}" in tree.visible
    assert any(IMG in a.get("title", "") for t, a in tree.tags if t == "mark")  # the note, as an attribute's text
    assert "script-src" not in page and "default-src 'none'" in page  # and a policy forbidding scripts anyway
    directions = {a.get("dir") for t, a in tree.tags if t == "td" and a.get("dir")}
    assert {"rtl", "ltr"} <= directions  # the English article's cells run left to right in an Arabic event


# --- charts ---------------------------------------------------------------------------------

def test_chart_files_are_written(exported):
    out, paths = exported
    pngs = sorted(p.name for p in paths if p.suffix == ".png")
    assert pngs == ["codes_per_outlet.png", "coverage.png", "loaded_wording.png", "terms.png"]
    for path in paths:
        if path.suffix == ".png":
            assert path.read_bytes().startswith(b"\x89PNG") and path.stat().st_size > 5000
        if path.suffix == ".svg":
            assert b"<svg" in path.read_bytes()[:2000]


def test_export_without_labels_skips_what_needs_them(sample, tmp_path):
    paths = export_event(sample, tmp_path)
    names = sorted(p.relative_to(tmp_path).as_posix() for p in paths)
    assert names == ["charts/coverage.png", "charts/coverage.svg", "charts/loaded_wording.png",
                     "charts/loaded_wording.svg", "charts/terms.png", "charts/terms.svg", "report.html"]
    assert all(p.exists() for p in paths)


ARABIC = "وزير الحرب الإسرائيلي"


def test_chart_text_is_logical_order_where_matplotlib_shapes_itself(monkeypatch):
    monkeypatch.setattr(matplotlib, "__version__", "3.11.0")
    assert charts.chart_text(ARABIC) == ARABIC


def test_chart_text_is_shaped_and_reordered_for_older_matplotlib(monkeypatch):
    monkeypatch.setattr(matplotlib, "__version__", "3.10.3")
    shaped = get_display(arabic_reshaper.reshape(ARABIC))
    assert charts.chart_text(ARABIC) == shaped and shaped != ARABIC


@pytest.mark.parametrize("version", ["3.10.3", "3.11.2"])
def test_every_label_of_a_chart_goes_through_chart_text(sample, monkeypatch, version):
    monkeypatch.setattr(matplotlib, "__version__", version)
    fig = charts.term_heatmap(sample)
    ax = fig.axes[0]
    outlets = [t.get_text() for t in ax.get_xticklabels()]
    assert outlets == [charts.chart_text(sample.outlet(d)) for d in sample.doc_ids]
    first = sample.terms[0]
    assert ax.get_yticklabels()[0].get_text() == charts.chart_text(f"{first.term_a} / {first.term_b}")


def test_codes_per_outlet_needs_labels(sample, labels):
    fig = charts.codes_per_outlet(labels, sample)
    assert fig.axes and len(fig.axes[0].patches) >= 3
    with pytest.raises(ValueError):
        charts.codes_per_outlet(labels.iloc[0:0], sample)


def test_report_lists_the_apparatus_readings_and_their_outlets(sample):
    page = render_report(sample, None)
    section = page[page.index('<section id="apparatus">'):]
    section = section[:section.index("</section>")]
    visible = _squeezed(Tree(section).visible)
    outlet = {d[:3]: sample.outlet(d) for d in sample.doc_ids}
    assert f"«الحرب» ← {outlet['001']}" in visible
    assert f"«الدفاع» ← {outlet['000']}, {outlet['002']}, {outlet['004']} (الأغلبية)" in visible  # Arabic event
    # the departing reading is the one marked, as in the grid
    assert '<span class="hl hl-lexical">الحرب</span>' in section and "hl-lexical\">الدفاع" not in section


def test_each_window_export_gets_a_new_folder_named_after_the_event_and_time(tmp_path):
    from datetime import datetime

    from tabayun.core.sharing.export_folder import export_folder_name, new_export_folder

    when = datetime(2026, 12, 2, 9, 15)
    assert export_folder_name("Sample event", when) == "Sample event export 2026-12-02 0915"
    assert export_folder_name('a/b: "c"?', when) == "a b c export 2026-12-02 0915"
    first = new_export_folder(tmp_path, "حدث الرباط", when)
    (first / "report.html").write_text("earlier", encoding="utf-8")
    second = new_export_folder(tmp_path, "حدث الرباط", when)
    assert first.name == "حدث الرباط export 2026-12-02 0915" and second.name == first.name + " (2)"
    assert list(second.iterdir()) == [] and (first / "report.html").read_text(encoding="utf-8") == "earlier"
