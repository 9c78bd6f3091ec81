"""The report's codes by their names, and one count per outlet in every table: its claims,
and its labels (a label on a pair of outlets under both)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from tabayun.core.analysis.normalize import fold
from tabayun.core.annotation.codebook import default_codebook
from tabayun.core.annotation.label_record import LABEL_COLUMNS
from tabayun.core.sharing import charts
from tabayun.core.sharing.headings import Headings
from tabayun.core.sharing.label_counts import code_name, labels_per_outlet
from tabayun.core.sharing.report import render_report
from tabayun.core.sharing.summary import summary_lines



def label(comparison, label_id, code, doc, start, end, note="", other=None, **extra) -> dict:
    """One labels.csv line; ``other`` is the (doc, start, end) of a pair label's other side."""
    line = dict.fromkeys(LABEL_COLUMNS, "")
    line.update(label_id=label_id, event="sample", annotator="sara", created_at="2024-05-01T10:00:00Z",
                updated_at="2024-05-01T10:00:00Z", code=code, note=note, doc_id=doc,
                outlet=comparison.outlet(doc), char_start=start, char_end=end,
                text=comparison.articles[doc].text[start:end], **extra)
    if other:
        o_doc, o_start, o_end = other
        line.update(other_doc_id=o_doc, other_outlet=comparison.outlet(o_doc), other_start=o_start,
                    other_end=o_end, other_text=comparison.articles[o_doc].text[o_start:o_end])
    return line


class Tables(HTMLParser):
    """Each <table>'s rows as lists of cell texts, under the id of the section it is in;
    and the page's visible text."""

    def __init__(self, page: str):
        super().__init__()
        self.tables: dict[str, list[list[list[str]]]] = {}
        self.visible: list[str] = []
        self.section = ""
        self.cell: list[str] | None = None
        self.row: list[str] | None = None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self.section = attrs.get("id", "")
        elif tag == "table":
            self.tables.setdefault(self.section, []).append([])
        elif tag == "tr":
            self.row = []
            self.tables[self.section][-1].append(self.row)
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data):
        self.visible.append(data)
        if self.cell is not None:
            self.cell.append(data)


@pytest.fixture(scope="module")
def war(sample):
    return next(d for d in sample.differences if fold(d.a_text) == fold("الحرب") and fold(d.b_text) == fold("الدفاع"))


@pytest.fixture(scope="module")
def labels(sample, war):
    """A pair label on war/defence (001 ↔ 002) and a label on one outlet's words only."""
    d000 = next(d for d in sample.doc_ids if d.startswith("000"))
    unit = sample.units[d000][3]
    return pd.DataFrame([
        label(sample, "P1", "referent_label", war.doc_a, war.a_start, war.a_end, note="one ministry, two names",
              other=(war.doc_b, war.b_start, war.b_end), row_id=war.row_id, difference_category="lexical"),
        label(sample, "S1", "evaluative_word", d000, unit.start, unit.start + 5),
    ], columns=LABEL_COLUMNS)


def test_report_names_codes_by_the_codebook_in_both_languages(sample, labels):
    page = Tables(render_report(sample, labels))
    visible = "".join(page.visible)
    for code_id in ("referent_label", "evaluative_word"):
        code = default_codebook().code(code_id)
        assert code.label_en in visible and code.label_ar in visible
        assert code_id not in visible
    titles = re.findall(r'<mark class="label" title="\[\d+\] ([^"]*)"', render_report(sample, labels))
    assert titles.count("Referent label · تسمية الفاعل: one ministry, two names") == 2  # on both sides


def test_each_outlets_claims_are_one_count_in_every_table(sample):
    """002 writes one claim in two sentences (row 6): one claim, in every table."""
    page = Tables(render_report(sample, None))
    (outlets,) = page.tables["outlets"]
    h = Headings.for_event(sample)  # the report's headings are in the event's language
    head = outlets[0]
    claims_column = head.index(h("Claims"))
    in_outlets_table = {row[1]: int(row[claims_column]) for row in outlets[1:]}  # doc id -> claims
    (matrix,) = page.tables["omissions"]
    names = matrix[0][3:]
    footer = matrix[-1]
    assert footer[1] == h("Claims reported")
    in_matrix = dict(zip(names, (int(n) for n in footer[3:])))
    rows = {d: sum(1 for r in sample.claim_rows() if d in r.units) for d in sample.doc_ids}
    chart = charts.coverage(sample)
    in_chart = [int(t.get_text().rsplit("(", 1)[1].rstrip(")")) for t in chart.axes[0].get_xticklabels()]
    summary = "\n".join(summary_lines(sample))
    for i, doc in enumerate(sample.doc_ids):
        counts = (in_outlets_table[doc], in_matrix[sample.outlet(doc)], in_chart[i])
        assert counts == (rows[doc],) * 3, (doc, counts)
        assert f"{doc}  {sample.outlet(doc)}: {rows[doc]} claims" in summary
    d002 = next(d for d in sample.doc_ids if d.startswith("002"))
    sentences = sum(1 for u in sample.units[d002] if u.kind.value == "sentence")
    assert (in_outlets_table[d002], sentences) == (15, 16)


def test_a_pair_label_counts_under_both_its_outlets(sample, labels, war):
    d000 = next(d for d in sample.doc_ids if d.startswith("000"))
    referent, evaluative = code_name("referent_label"), code_name("evaluative_word")
    counts = labels_per_outlet(labels, sample)
    assert counts.at[sample.outlet(war.doc_a), referent] == 1
    assert counts.at[sample.outlet(war.doc_b), referent] == 1
    assert counts.at[sample.outlet(d000), evaluative] == 1 and counts.values.sum() == 3
    # the report's table, code by outlet
    page = Tables(render_report(sample, labels))
    table = next(t for t in page.tables["labels"] if t[0][0] == "")
    outlets = table[0][1:]
    by_code = {row[0]: dict(zip(outlets, (int(n) for n in row[1:]))) for row in table[1:]}
    assert by_code[referent][sample.outlet(war.doc_a)] == by_code[referent][sample.outlet(war.doc_b)] == 1
    assert by_code[evaluative] == {sample.outlet(d000): 1, sample.outlet(war.doc_a): 0, sample.outlet(war.doc_b): 0}
    # the chart: one bar segment per outlet and code, the legend by the codes' names
    fig = charts.codes_per_outlet(labels, sample)
    ax = fig.axes[0]
    widths = {}
    for tick, patch in zip([t.get_text() for t in ax.get_yticklabels()] * 2, ax.patches):
        widths[tick] = widths.get(tick, 0) + patch.get_width()
    assert sorted(widths.values()) == [1, 1, 1]
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == [charts.chart_text(referent), charts.chart_text(evaluative)]
