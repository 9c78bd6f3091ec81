"""Issue 9 items 4 and 8 in the window: why labelling is off stays said, with what to
do; data (outlet names, a codebook's name, tooltips) is shown as text, never as HTML."""

from __future__ import annotations

import socket

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView, QToolTip

from tabayun.core.annotation import file_lock
from tabayun.core.annotation.codebook import parse_codebook
from tabayun.core.annotation.labels import labels_to_csv
from tabayun.core.resources import read_text
from tabayun.ui import plain_tooltips
from tabayun.ui.present import PresentationWindow

from .conftest import key_of, open_and_wait, press

HTML_NAME = "<h1 style='font-size:90px;color:red'>Evil</h1>"


def test_the_reason_a_labels_file_is_refused_stays_in_view(qtbot, window, event_dir, settings):
    # a spreadsheet round trip wrote a fraction where a whole number belongs
    settings.annotator = "R1"
    header = labels_to_csv([]).decode("utf-8-sig").strip()
    row = ("a1,e,R1,2024-05-01T12:00:00Z,2024-05-01T12:00:00Z,c,1,referent_label,,,001,o,0,3,abc,,,,,,"
           "3.5,,,0.1.0")
    bad = (header + "\r\n" + row + "\r\n").encode("utf-8-sig")
    (event_dir / "labels.csv").write_bytes(bad)
    open_and_wait(qtbot, window, [event_dir])
    said = window.message_bar.text()
    assert window.message_bar.isVisible() and "row_id is not a number: '3.5'" in said
    assert "Labelling is off" in said and "File → Labels File…" in said  # what to do
    assert "labelling off" in window.status_label.text()
    window.message_bar.dismiss()
    window.show_difference(next(d for d in window.view.comparison.differences if d.category == "lexical"))
    press(qtbot, window, key_of("referent_label"))
    assert "row_id is not a number" in window.message_bar.text()  # said again, not "see above"
    assert (event_dir / "labels.csv").read_bytes() == bad


def test_a_lock_held_elsewhere_says_why_labelling_is_off(qtbot, window, event_dir, settings, monkeypatch):
    (event_dir / "labels.csv").write_bytes(labels_to_csv([]))
    (event_dir / "labels.csv.lock").write_text("pid 1 on another-machine (x)")
    monkeypatch.setattr(file_lock, "LOCK_TIMEOUT", 0.1)
    open_and_wait(qtbot, window, [event_dir])
    said = window.message_bar.text()
    assert "Labelling is off" in said and "another-machine" in said and "delete" in said


def test_a_dead_processs_lock_does_not_turn_labelling_off(qtbot, window, event_dir, settings):
    (event_dir / "labels.csv").write_bytes(labels_to_csv([]))
    (event_dir / "labels.csv.lock").write_text(f"pid 999999999 on {socket.gethostname()} (x)")
    open_and_wait(qtbot, window, [event_dir])
    assert window.labelling.annotation.off_reason == "" and not (event_dir / "labels.csv.lock").exists()


def test_an_outlet_name_is_shown_as_text_in_classroom_mode(qtbot, sample_window):
    doc = next(iter(sample_window.view.comparison.articles))
    sample_window.outlets.rename(doc, HTML_NAME)
    p = PresentationWindow(sample_window.view, sample_window.outlets, sample_window.labelling.annotation, None)
    qtbot.addWidget(p)
    p.show()
    headers = [panel.header for panel in p.panels]
    assert all(h.textFormat() == Qt.TextFormat.PlainText for h in headers)
    assert HTML_NAME in [h.text() for h in headers]
    assert p.title.textFormat() == Qt.TextFormat.PlainText


def test_a_codebook_name_is_shown_as_text(qtbot, window):
    text = read_text("codebook", "default.csv").replace("# name: Tabayun framing codebook", f"# name: {HTML_NAME}")
    codebook = parse_codebook(text, "team.csv")
    panel = window.labelling.codes_panel
    panel.set_codebook(codebook)
    assert panel.title.textFormat() == Qt.TextFormat.PlainText and HTML_NAME in panel.title.text()


def test_tooltips_quote_data_verbatim(qtbot):
    model = QStandardItemModel(1, 1)
    item = QStandardItem("cell")
    item.setToolTip(HTML_NAME + "\nsecond line")
    model.setItem(0, 0, item)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    filter_ = plain_tooltips.install(QApplication.instance())
    try:
        pos = view.visualRect(model.index(0, 0)).center()
        event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
        QApplication.sendEvent(view.viewport(), event)
        shown = QToolTip.text()
        assert "&lt;h1" in shown and "<h1" not in shown and "second line" in shown
        assert plain_tooltips.plain("<b>x</b>") == "<p>&lt;b&gt;x&lt;/b&gt;</p>"
    finally:
        QApplication.instance().removeEventFilter(filter_)
        QToolTip.hideText()



def test_an_edit_made_by_another_program_is_merged_and_said(qtbot, labelling_window, event_dir):
    import pandas as pd

    from tabayun.core.annotation.labels import read_labels

    window = labelling_window
    lexical = [d for d in window.view.comparison.differences if d.category == "lexical"]
    window.show_difference(lexical[0])
    press(qtbot, window, key_of("referent_label"))
    path = event_dir / "labels.csv"
    copy = pd.read_csv(path, encoding="utf-8-sig")  # a researcher's notebook reads the file ...
    window.show_difference(lexical[1])
    press(qtbot, window, key_of("referent_label"))  # ... the annotator labels on ...
    copy.to_csv(path, index=False, encoding="utf-8-sig")  # ... and the notebook writes its copy back
    window.show_difference(lexical[2])
    press(qtbot, window, key_of("referent_label"))
    assert len(read_labels(path)) == 3
    assert "changed by another program" in window.message_bar.text()
