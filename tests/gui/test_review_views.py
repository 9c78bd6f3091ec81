"""The tables and captions people read: the Differences table's headers and names, and the
classroom reveal list's order of mixed Arabic and English."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from tabayun.core.annotation.targets import for_difference
from tabayun.ui.present import PresentationWindow

from .conftest import doc_of


# --- the Differences table ------------------------------------------------------------------

def test_differences_table_has_distinct_headers_and_whole_outlet_names(qtbot, sample_window):
    w = sample_window
    panel = w.differences_panel
    w.show_side_tab(panel)
    table, model = panel.table, panel.proxy
    header = table.horizontalHeader()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert len(set(titles)) == len(titles), titles
    assert table.textElideMode() == Qt.TextElideMode.ElideRight  # if ever cut, a name keeps its start
    for column in range(model.columnCount()):  # the sort arrow sits beside each title, not over it
        table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        assert header.sectionSize(column) >= header.sectionSizeHint(column), titles[column]
    metrics = table.fontMetrics()
    one_name = 0
    for row in range(model.rowCount()):
        for column in panel.model.OUTLET_COLUMNS:
            text = model.index(row, column).data()
            if text in {w.outlets.label(d) for d in w.outlets.doc_ids}:  # one outlet: whole, never elided
                one_name += 1
                assert metrics.horizontalAdvance(text) + 12 <= header.sectionSize(column), text
    assert one_name > model.rowCount()  # most lines name one outlet on a side


def test_differences_table_starts_with_the_highest_scores_word_choices_first(sample_window):
    panel = sample_window.differences_panel
    header = panel.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (5, Qt.SortOrder.DescendingOrder)
    slots = [panel.model.items[r].slot for r in range(panel.model.rowCount())]
    scores = [s.score for s in slots]
    assert scores == sorted(scores, reverse=True) and len(slots) > 10
    categories = [s.category for s in slots]
    first_other = next(i for i, c in enumerate(categories) if c != "lexical")
    assert first_other >= 2 and set(categories[:first_other]) == {"lexical"}
    assert {"rewording", "added_omitted"} <= set(categories)  # shown, after the word choices
    assert max(categories.index("rewording"), categories.index("added_omitted")) > first_other


# --- classroom mode's reveal list -------------------------------------------------------------

FSI, PDI = "\u2068", "\u2069"
ARABIC = re.compile(r"[\u0600-\u06ff]")


def bidi_problems(text: str) -> list[str]:
    """What breaks a mixed line's order: an Arabic letter outside an isolate, an unbalanced
    isolate, a guillemet away from its words or outside the isolate of the words it quotes."""
    problems, depth = [], 0
    for i, ch in enumerate(text):
        if ch == FSI:
            depth += 1
        elif ch == PDI:
            depth -= 1
            if depth < 0:
                problems.append(f"PDI without FSI at {i}")
        elif ARABIC.match(ch) and depth == 0:
            problems.append(f"Arabic outside an isolate at {i}: {text[max(0, i - 5):i + 5]!r}")
        elif ch in "«»" and depth == 0:
            problems.append(f"{ch} outside an isolate at {i}")
        elif ch == "«" and (i + 1 >= len(text) or text[i + 1].isspace()):
            problems.append(f"« detached from its words at {i}")
        elif ch == "»" and (i == 0 or text[i - 1].isspace()):
            problems.append(f"» detached from its words at {i}")
    if depth:
        problems.append("an isolate left open")
    return problems


def labelled_first_visit(w):
    view = w.view
    d001, d002 = doc_of(view, "001"), doc_of(view, "002")
    row = next(r for r in range(len(view.rows)) if view.cell(r, d001) and view.cell(r, d002)
               and "الحرب" in view.cell(r, d001).text and "الدفاع" in view.cell(r, d002).text)
    d = next(d for d in view.differences_in_row(row) if {d.a_text, d.b_text} == {"الحرب", "الدفاع"})
    w.settings.annotator = "tester"
    assert w.labelling.annotation.apply(for_difference(d), "referent_label", note="one ministry, two names")
    return row, d, d001, d002


def present_at(qtbot, w, shown, row) -> PresentationWindow:
    p = PresentationWindow(w.view, w.outlets, w.labelling.annotation, shown)
    qtbot.addWidget(p)
    p.resize(1600, 1000)
    p.show()
    assert p.go_to_row(row) and p.row == row
    p.reveal()
    p.reveal()
    return p


def test_reveal_list_isolates_arabic_and_keeps_guillemets_on_their_words(qtbot, sample_window):
    w = sample_window
    row, d, d001, d002 = labelled_first_visit(w)
    p = present_at(qtbot, w, [d001, d002], row)
    items = p.caption_items(row)
    assert len(items) > 3 and any("«" in item.body for item in items)
    for item in items:
        assert not bidi_problems(item.heading), (item.heading, bidi_problems(item.heading))
        assert not bidi_problems(item.body), (item.body, bidi_problems(item.body))
    assert items[0].heading == "Word choice"  # the strongest category first
    # A paired label shows both its sides: each outlet with its words.
    (label,) = [item for item in items if item.heading.startswith("Label:")]
    assert "Referent label" in label.heading and f"{FSI}تسمية الفاعل{PDI}" in label.heading
    a, b = (d.doc_a, d.a_text), (d.doc_b, d.b_text)
    for doc, words in (a, b):
        assert f"{FSI}{w.outlets.name(doc)}{PDI} {FSI}«{words}»{PDI}" in label.body
    assert label.body.index(w.outlets.name(d.doc_a)) < label.body.index("↔") < label.body.index(w.outlets.name(d.doc_b))
    assert label.body.endswith(f"— {FSI}one ministry, two names{PDI}")


def test_reveal_list_lines_read_in_order_and_large(qtbot, sample_window):
    """Laid out as Qt lays out the caption: each outlet's name and words on its side of ↔."""
    w = sample_window
    row, d, d001, d002 = labelled_first_visit(w)
    p = present_at(qtbot, w, [d001, d002], row)
    document = QTextDocument()
    document.setDefaultFont(p.caption.font())
    document.setHtml(p.caption.text())
    document.setTextWidth(10000)  # one line each: the order, not the wrapping
    document.size()
    lines = 0
    block = document.firstBlock()
    while block.isValid():
        text = block.text()
        if "↔" in text and "001" in text and "002" in text:
            assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight  # the interface's
            line = block.layout().lineAt(0)

            def x(word: str, text=text, line=line) -> float:
                return line.cursorToX(text.index(word) + 1)[0]  # inside the word: no run boundary

            assert x("001") < x("الحرب") < x("↔") < x("002") < x("الدفاع"), text
            lines += 1
        block = block.next()
    assert lines == 2  # the difference and its label
    # from the back of the class: 24 px and more at 1600×1000 (it was 18), and the list fits its space
    assert p.caption.font().pixelSize() >= 24 and p.target_text_px() * 0.75 >= p.caption.font().pixelSize()
    document.setDocumentMargin(0)  # as a QLabel lays out its text
    document.setTextWidth(p.caption.width())
    assert document.size().height() <= p.caption.height()


def test_a_paired_labels_other_outlet_off_screen_is_named_but_not_in_the_quiz(qtbot, sample_window):
    w = sample_window
    row, d, d001, d002 = labelled_first_visit(w)
    d000 = doc_of(w.view, "000")
    p = present_at(qtbot, w, [d001, d000], row)
    (label,) = [item for item in p.caption_items(row) if item.heading.startswith("Label:")]
    assert w.outlets.name(d002) in label.body and "«الدفاع»" in label.body
    p.toggle_quiz()
    (label,) = [item for item in p.caption_items(row) if item.heading.startswith("Label:")]
    assert w.outlets.name(d002) not in label.body and "another outlet" in label.body
    assert not bidi_problems(label.body)


def test_every_side_panel_table_has_distinct_headers(sample_window):
    w = sample_window
    for model in (w.differences_panel.model, w.terms_panel.model, w.labelling.labels_panel.model):
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        assert len(set(headers)) == len(headers), headers
