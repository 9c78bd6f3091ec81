"""Labelling in the real window: keys, undo, the file on disk, reopening, two windows."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt

from tabayun.core.annotation.codebook import default_codebook
from tabayun.core.annotation.labels import LabelStore, new_label, read_labels
from tabayun.core.annotation.targets import for_difference
from tabayun.core.analysis.normalize import fold
from tabayun.ui.roles import LabelsRole

from .conftest import doc_of, key_of, open_and_wait, press


def war_defence(window):
    return next(d for d in window.view.comparison.differences
                if {fold(d.a_text), fold(d.b_text)} == {"الحرب", "الدفاع"})


def test_label_the_war_defence_difference_by_keyboard_then_undo_and_redo(qtbot, labelling_window, event_dir):
    w = labelling_window
    d = war_defence(w)
    w.show_difference(d)
    assert w.labelling.codes_panel.model.suggested == "referent_label"  # the machine's category pre-selects
    press(qtbot, w, key_of("referent_label"))
    path = event_dir / "labels.csv"
    (label,) = read_labels(path)
    assert (label.code, label.annotator, label.suggested_code, label.difference_category) == (
        "referent_label", "R1", "referent_label", "lexical")
    assert (label.doc_id, label.char_start, label.char_end, label.text) == (d.doc_a, d.a_start, d.a_end, d.a_text)
    assert (label.other_doc_id, label.other_start, label.other_end, label.other_text) == (
        d.doc_b, d.b_start, d.b_end, d.b_text)
    codebook = default_codebook()
    assert label.codebook == codebook.name and label.codebook_version == codebook.version
    # the label shows on the text at once
    row = w.view.row_index(d.row_id)
    cell = w.grid_model.index(row, w.grid_model.column_of(d.doc_a))
    assert cell.data(LabelsRole)
    assert w.labelling.labels_panel.model.rowCount() == 1

    qtbot.keyClick(w.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert read_labels(path) == []
    assert not cell.data(LabelsRole)
    qtbot.keyClick(w.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [x.label_id for x in read_labels(path)] == [label.label_id]


def test_enter_takes_the_suggested_code_and_a_different_key_overrides_it(qtbot, labelling_window, event_dir):
    w = labelling_window
    w.show_difference(war_defence(w))
    press(qtbot, w, Qt.Key.Key_Return)
    press(qtbot, w, key_of("agency"))
    codes = [(x.code, x.suggested_code) for x in read_labels(event_dir / "labels.csv")]
    assert codes == [("referent_label", "referent_label"), ("agency", "referent_label")]


def test_reopening_the_event_shows_its_labels(qtbot, labelling_window, event_dir, settings):
    from tabayun.ui.fonts import article_font
    from tabayun.ui.main_window import MainWindow

    w = labelling_window
    d = war_defence(w)
    w.show_difference(d)
    press(qtbot, w, key_of("referent_label"))
    again = MainWindow(settings, article_font())
    qtbot.addWidget(again)
    open_and_wait(qtbot, again, [event_dir])
    assert again.labelling.labels_panel.model.rowCount() == 1
    row = again.view.row_index(d.row_id)
    assert again.grid_model.index(row, again.grid_model.column_of(d.doc_b)).data(LabelsRole)


def test_a_label_survives_when_the_article_and_its_alignment_change(qtbot, labelling_window, event_dir):
    w = labelling_window
    d = war_defence(w)
    w.show_difference(d)
    press(qtbot, w, key_of("referent_label"))
    # the outlet's file gains a paragraph on top: every offset moves, the rows change
    path = event_dir / f"{d.doc_a}.txt"
    path.write_text("سطر جديد في أعلى المقال يغير كل المواضع.\n\n" + path.read_text(encoding="utf-8"),
                    encoding="utf-8")
    open_and_wait(qtbot, w, [event_dir])
    (label,) = read_labels(event_dir / "labels.csv")
    article = w.view.comparison.articles[d.doc_a]
    assert article.text[label.char_start:label.char_end] == d.a_text
    assert label.char_start > d.a_start
    assert not w.message_bar.isVisible() or "no longer match" not in w.message_bar.text()


def test_omission_cell_is_labelled_against_an_outlet_that_reports_it(qtbot, labelling_window, event_dir):
    w = labelling_window
    view = w.view
    row = next(r for r in range(1, len(view.rows)) if len(view.rows[r].units) >= 2
               and view.cell(r, doc_of(view, "003")) is None)
    missing = doc_of(view, "003")
    w.grid.setCurrentIndex(w.proxy.mapFromSource(w.grid_model.index(row, w.grid_model.column_of(missing))))
    press(qtbot, w, key_of("omission") or Qt.Key.Key_Return)
    (label,) = read_labels(event_dir / "labels.csv")
    assert label.other_doc_id == missing and label.other_start is None
    assert label.doc_id in view.rows[row].units and label.difference_category == "omission"


def test_a_save_failing_mid_write_leaves_the_file_intact(qtbot, labelling_window, event_dir, monkeypatch):
    # A new label is appended then fsynced (cut back if that fails); other changes are
    # written to a temp file, fsynced and renamed: an I/O error at fsync hits both.
    w = labelling_window
    w.show_difference(war_defence(w))
    press(qtbot, w, key_of("referent_label"))
    path = event_dir / "labels.csv"
    before = path.read_bytes()

    def power_cut(*_args, **_kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", power_cut)
    monkeypatch.setattr(os, "replace", power_cut)
    press(qtbot, w, key_of("agency"))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert "could not be saved" in w.message_bar.text()
    assert not [p for p in event_dir.iterdir() if p.name.endswith(".tabayun-tmp")]
    assert len(w.labelling.annotation.labels) == 1  # what is shown is what is on disk
    # the failed change is not on the undo stack: Ctrl+Z undoes the first label
    qtbot.keyClick(w.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert read_labels(path) == []


def test_two_windows_on_one_labels_file_keep_both_sets(qtbot, labelling_window, event_dir, settings):
    from tabayun.ui.fonts import article_font
    from tabayun.ui.main_window import MainWindow

    first = labelling_window
    second = MainWindow(settings, article_font())
    qtbot.addWidget(second)
    open_and_wait(qtbot, second, [event_dir])
    differences = [d for d in first.view.comparison.differences if d.kind == "substitution"][:4]
    for n, d in enumerate(differences):
        window = (first, second)[n % 2]
        window.show_difference(d)
        window.labelling.label_with("evaluative_word")  # as its key does in the active window
    labels = read_labels(event_dir / "labels.csv")
    targets = [for_difference(d) for d in differences]  # an insertion is labelled on the side with words
    assert sorted((x.doc_id, x.char_start) for x in labels) == sorted((t.doc_id, t.start) for t in targets)
    qtbot.waitUntil(lambda: len(first.labelling.annotation.labels) == 4, timeout=5000)  # the watcher reloads


def test_formula_like_notes_are_neutralised_in_the_file(qtbot, labelling_window, event_dir):
    w = labelling_window
    w.show_difference(war_defence(w))
    press(qtbot, w, key_of("referent_label"))
    panel = w.labelling.labels_panel
    panel.select_label(w.labelling.annotation.labels[0].label_id)
    panel.note.setText('=HYPERLINK("http://x","click")')
    w.show_side_tab(panel)
    panel.note.setFocus()  # as a click into the field does
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    raw = (event_dir / "labels.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in raw and ',=HYPERLINK' not in raw
    assert read_labels(event_dir / "labels.csv")[0].note == '=HYPERLINK("http://x","click")'


def test_annotator_is_asked_once(qtbot, window, event_dir, settings):
    open_and_wait(qtbot, window, [event_dir])
    asked = []
    window.labelling.annotation.ask_annotator = lambda: asked.append(1) or "Lina"
    for d in [d for d in window.view.comparison.differences if d.category == "lexical"][:2]:
        window.show_difference(d)
        press(qtbot, window, key_of("referent_label"))
    assert asked == [1] and settings.annotator == "Lina"
    assert {x.annotator for x in read_labels(event_dir / "labels.csv")} == {"Lina"}


def test_a_malformed_labels_file_is_refused_and_left_alone(qtbot, window, event_dir, settings):
    settings.annotator = "R1"
    bad = b"\xef\xbb\xbflabel_id,doc_id,code\r\nx,001,referent_label,unexpected\r\n"
    (event_dir / "labels.csv").write_bytes(bad)
    open_and_wait(qtbot, window, [event_dir])
    assert window.message_bar.isVisible() and "labels.csv" in window.message_bar.text()
    window.show_difference(war_defence(window))
    press(qtbot, window, key_of("referent_label"))
    assert (event_dir / "labels.csv").read_bytes() == bad


def test_a_code_key_in_the_labels_table_recodes_the_selected_label(qtbot, labelling_window, event_dir):
    w = labelling_window
    w.show_difference(war_defence(w))
    press(qtbot, w, key_of("referent_label"))
    panel = w.labelling.labels_panel
    w.show_side_tab(panel)
    panel.select_label(w.labelling.annotation.labels[0].label_id)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, key_of("evaluative_word"))
    (label,) = read_labels(event_dir / "labels.csv")
    assert label.code == "evaluative_word" and label.suggested_code == "referent_label"
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert read_labels(event_dir / "labels.csv")[0].code == "referent_label"


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_the_labels_table_stays_sorted_when_labels_are_added(qtbot, labelling_window, event_dir, order):
    # Each new label is put in its place (a binary search), not the table sorted again:
    # the rows must be exactly what sorting them all gives.
    w = labelling_window
    panel = w.labelling.labels_panel
    panel.table.sortByColumn(2, order)  # by the words
    for d in [d for d in w.view.comparison.differences if d.kind == "substitution"][:5]:
        w.show_difference(d)
        press(qtbot, w, key_of("referent_label"))
    # another window (here a store of its own) appends a label: the watcher shows it, in place
    other = LabelStore(event_dir / "labels.csv", w.labelling.annotation.event_name)
    article = w.view.comparison.articles[doc_of(w.view, "002")]
    other.add(new_label(event=other.event, annotator="Other", codebook=default_codebook(), code="agency",
                        article=article, start=0, end=4))
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 6, timeout=5000)
    shown = [panel.proxy.index(r, 2).data() for r in range(panel.proxy.rowCount())]
    model = panel.model
    resorted = sorted(model.items, key=lambda label: model.sort_key(label, 2),
                      reverse=order == Qt.SortOrder.DescendingOrder)
    assert [" ".join(x.text.split()) for x in resorted] == shown
    assert shown == sorted(shown, reverse=order == Qt.SortOrder.DescendingOrder)
    qtbot.keyClick(w.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # a row removed
    assert panel.proxy.rowCount() == 5
    for label in w.labelling.annotation.labels:  # every label found in its row
        assert model.items[model.row_of(label.label_id)] is label


def _click_difference_in_panel(qtbot, w, d):
    """Pick ``d`` in the Differences panel with the mouse, as an annotator does."""
    from tabayun.ui.roles import ItemRole

    panel = w.differences_panel
    w.show_side_tab(panel)
    table = panel.table
    row = next(r for r in range(panel.proxy.rowCount()) if panel.proxy.index(r, 0).data(ItemRole) == d)
    table.scrollTo(panel.proxy.index(row, 2))  # the words, wherever the panel's width puts them
    rect = table.visualRect(panel.proxy.index(row, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.hasFocus() and w.current_difference == d


def test_a_code_key_labels_the_difference_picked_in_the_differences_panel(qtbot, labelling_window, event_dir):
    w = labelling_window
    d = war_defence(w)
    _click_difference_in_panel(qtbot, w, d)
    qtbot.keyClick(w.differences_panel.table, key_of("agency"))
    (label,) = read_labels(event_dir / "labels.csv")
    assert (label.code, label.doc_id, label.char_start, label.char_end) == ("agency", d.doc_a, d.a_start, d.a_end)
    assert (label.other_doc_id, label.other_start, label.other_end) == (d.doc_b, d.b_start, d.b_end)
    assert "Labelled" in w.statusBar().currentMessage()
    qtbot.keyClick(w.differences_panel.table, Qt.Key.Key_Return)  # Enter: the suggested code, there too
    qtbot.keyClick(w.differences_panel.table, key_of("neutral"))  # a letter key: not the table's type-ahead
    assert [x.code for x in read_labels(event_dir / "labels.csv")] == ["agency", "referent_label", "neutral"]


def test_enter_on_an_insertion_labels_the_side_that_has_words(qtbot, labelling_window, event_dir):
    w = labelling_window
    insertions = [d for d in w.view.comparison.differences if d.kind == "insertion"]
    assert insertions, "the sample event has insertions"
    d = insertions[0]
    assert d.a_start == d.a_end and d.b_text.strip()
    _click_difference_in_panel(qtbot, w, d)
    suggested = w.labelling.suggestion(w.labelling.current_target())
    assert suggested
    qtbot.keyClick(w.differences_panel.table, Qt.Key.Key_Return)
    (label,) = read_labels(event_dir / "labels.csv")
    article = w.view.comparison.articles[d.doc_b].text
    assert label.text == d.b_text == article[label.char_start:label.char_end] and label.doc_id == d.doc_b
    assert (label.other_doc_id, label.other_start, label.other_end, label.other_text) == (d.doc_a, d.a_start,
                                                                                           d.a_start, "")
    assert "Labelled «»" not in w.statusBar().currentMessage()


def test_labels_table_headers_are_distinct_and_names_fit(qtbot, labelling_window):
    w = labelling_window
    w.show_difference(war_defence(w))
    press(qtbot, w, key_of("referent_label"))
    panel = w.labelling.labels_panel
    w.show_side_tab(panel)
    table, model = panel.table, panel.proxy
    header = table.horizontalHeader()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert len(set(titles)) == len(titles)
    table.sortByColumn(8, Qt.SortOrder.AscendingOrder)  # the arrow is on "Row", the narrowest
    for c in range(model.columnCount()):
        assert header.sectionSize(c) >= header.sectionSizeHint(c), titles[c]  # the hint counts the arrow
    metrics = table.fontMetrics()
    for doc in w.outlets.doc_ids:
        name = w.outlets.label(doc)
        assert header.sectionSize(1) >= metrics.horizontalAdvance(name) + 12, name
        assert header.sectionSize(3) >= metrics.horizontalAdvance(name) + 12, name
    label = w.labelling.annotation.labels[0]
    assert model.index(0, 1).data() == w.outlets.label(label.doc_id)


def test_review_progress_counts_labelled_and_not_framing_items_and_ctrl_f8_skips_them(
        qtbot, labelling_window, event_dir, settings):
    """N (Neutral: not framing) and a framing code both mark a difference reviewed; the
    state is saved in labels.csv, so reopening shows the same progress."""
    w = labelling_window
    bar = w.review_progress
    assert bar.isVisibleTo(w) and bar.value() == 0
    total = bar.maximum()
    assert total == sum(len(w.view.stops(r, w.difference_categories(), None, w.outlets.visible()))
                        for r in range(len(w.view)))
    w.show_difference(war_defence(w))
    press(qtbot, w, key_of("referent_label"))
    assert bar.value() == 1 and "1 of" in bar.format() and "R1" in bar.format()
    w.next_difference()
    judged = w.current_difference
    press(qtbot, w, key_of("neutral"))  # looked at: not framing
    assert bar.value() == 2
    assert read_labels(event_dir / "labels.csv")[-1].code == "neutral"
    # Ctrl+F8 from the top never stops on a reviewed difference
    w.navigator.current = None
    seen = []
    while w.navigator.step(1, only_open=True):
        seen.append(w.view.slot_of(w.current_difference))
    assert len(seen) == total - 2
    assert w.view.slot_of(judged) not in seen and w.view.slot_of(war_defence(w)) not in seen

    from tabayun.ui.fonts import article_font
    from tabayun.ui.main_window import MainWindow

    again = MainWindow(settings, article_font())
    qtbot.addWidget(again)
    open_and_wait(qtbot, again, [str(event_dir)])
    assert again.review_progress.value() == 2 and again.review_progress.maximum() == total
