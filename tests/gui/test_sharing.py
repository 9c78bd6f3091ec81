"""Sharing from the window: export, charts, agreement."""

from __future__ import annotations

import pandas as pd
from PySide6.QtGui import QDesktopServices
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from tabayun.core.annotation.labels import labels_to_csv, read_labels
from tabayun.core.analysis.normalize import fold

from .conftest import key_of, press


def test_export_from_the_window_writes_a_new_folder_each_time(qtbot, labelling_window, tmp_path, monkeypatch):
    w = labelling_window
    d = next(d for d in w.view.comparison.differences if {fold(d.a_text), fold(d.b_text)} == {"الحرب", "الدفاع"})
    w.show_difference(d)
    press(qtbot, w, key_of("referent_label"))
    parent = tmp_path / "exports"
    earlier = parent / "mine"
    earlier.mkdir(parents=True)
    (earlier / "report.html").write_text("my earlier report", encoding="utf-8")
    (parent / "report.html").write_text("loose file", encoding="utf-8")
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)

    folders = []
    for _ in range(2):
        w.sharing.export_into(str(parent))
        qtbot.waitUntil(lambda: getattr(w.sharing, "done_box", None) is not None and w.sharing.done_box.isVisible(),
                        timeout=60000)
        box = w.sharing.done_box
        folders.append(w.sharing.last_folder)
        assert box.findChild(QPushButton, "open_report") and box.findChild(QPushButton, "show_folder")
        box.findChild(QPushButton, "show_folder").click()
        w.sharing.done_box = None

    first, second = folders
    assert first != second and first.parent == second.parent == parent
    assert first.name.startswith("event export 20") and second.name.startswith("event export 20")
    if second.name[:len(first.name)] == first.name:  # the same minute: numbered, not overwritten
        assert second.name == first.name + " (2)"
    for folder in folders:
        table = pd.read_csv(folder / "labeled_diffs.csv", encoding="utf-8-sig", keep_default_na=False)
        assert list(table["text"]) == [d.a_text] and list(table["other_text"]) == [d.b_text]
        assert "الحرب" in (folder / "report.html").read_text(encoding="utf-8")
        assert (folder / "labeled_diffs.xlsx").stat().st_size > 0
    assert (earlier / "report.html").read_text(encoding="utf-8") == "my earlier report"
    assert (parent / "report.html").read_text(encoding="utf-8") == "loose file"
    assert sorted(p.name for p in parent.iterdir()) == sorted(["mine", "report.html", first.name, second.name])
    assert opened == [str(first), str(second)]


def test_export_offers_the_last_folder_or_documents_never_the_working_directory(settings, tmp_path):
    from platformdirs import user_documents_path

    assert settings.export_directory == str(user_documents_path())
    settings.export_directory = str(tmp_path)
    assert settings.export_directory == str(tmp_path)


def _picture_widths(panel) -> list[float]:
    return [label.pixmap().width() / label.pixmap().devicePixelRatio() for label, _image in panel.pictures]


def test_charts_tab_draws_to_the_panels_width_and_again_after_a_resize(qtbot, labelling_window):
    w = labelling_window
    panel = w.sharing.charts_panel
    w.show_side_tab(panel)
    w.resizeDocks([w.side_dock], [420], Qt.Orientation.Horizontal)
    qtbot.wait(50)
    w.sharing.draw_charts()
    qtbot.waitUntil(lambda: len(panel.pictures) >= 2 and panel.refresh.isEnabled(), timeout=60000)
    narrow = panel.chart_width()
    assert narrow < 420 and all(abs(x - narrow) <= 1 for x in _picture_widths(panel))
    # nothing cut off: the panel fits its dock (a long labels path made it 560 px wide), the pictures fit it
    assert w.tabs.width() <= w.side_dock.width() and panel.body.width() <= panel.scroll.viewport().width()
    heights = [image.height() for _label, image in panel.pictures]

    w.resizeDocks([w.side_dock], [760], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: panel.chart_width() > narrow + 100, timeout=5000)
    wide = panel.chart_width()
    assert all(abs(x - wide) <= 1 for x in _picture_widths(panel))  # scaled at once
    qtbot.waitUntil(lambda: panel.drawn_width == wide and panel.refresh.isEnabled(), timeout=60000)  # drawn again
    assert all(abs(x - wide) <= 1 for x in _picture_widths(panel))
    # drawn for the new width (matplotlib's "tight" box may differ from it by a little; the panel scales)
    assert all(abs(image.width() - wide * panel.devicePixelRatioF()) <= 0.15 * wide for _label, image in panel.pictures)
    assert [image.height() for _label, image in panel.pictures] != heights


def test_agreement_tables_in_the_window_and_a_jump_to_a_disagreement(qtbot, labelling_window, tmp_path):
    from PySide6.QtWidgets import QTableView

    w = labelling_window
    # six differences with words on both sides (the sample has three word choices; any category will do)
    lexical = [d for d in w.view.comparison.differences if d.kind == "substitution"][:6]
    for d in lexical:
        w.show_difference(d)
        press(qtbot, w, key_of("referent_label"))
    mine = read_labels(w.labelling.annotation.path)
    from dataclasses import replace

    other = [replace(x, label_id=x.label_id[::-1], annotator="R2",
                     code="agency" if n % 3 == 0 else x.code) for n, x in enumerate(mine)]
    (tmp_path / "r2.csv").write_bytes(labels_to_csv(other))
    dialog = w.sharing.show_agreement([str(w.labelling.annotation.path), str(tmp_path / "r2.csv")])
    qtbot.addWidget(dialog)
    assert "kappa" in dialog.findChild(QLabel, "agreement_summary").text().lower()

    per_code = dialog.findChild(QTableView, "agreement_per_code").model()
    headers = [per_code.headerData(c, Qt.Orientation.Horizontal) for c in range(per_code.columnCount())]
    assert headers[:4] == ["Code", "Spans", "Cohen's κ", "Krippendorff's α"] and "n R1" in headers
    rows = {per_code.index(r, 0).data(): [per_code.index(r, c).data() for c in range(per_code.columnCount())]
            for r in range(per_code.rowCount())}
    assert set(rows) == {"Referent label", "Agency", "(all codes)"}  # the codes' names, not their ids
    assert rows["(all codes)"][1] == "6" and rows["Referent label"][headers.index("n R1")] == "6"
    assert rows["Agency"][headers.index("n R2")] == "2"

    confusion = dialog.findChild(QTableView, "agreement_confusion").model()
    cells = {(confusion.index(r, 0).data(), confusion.headerData(c, Qt.Orientation.Horizontal)):
             confusion.index(r, c).data() for r in range(confusion.rowCount()) for c in range(1, confusion.columnCount())}
    assert cells[("Referent label", "Referent label")] == "4" and cells[("Referent label", "Agency")] == "2"

    table = dialog.findChild(QTableView, "agreement_disagreements")
    disagreements = table.model()
    assert disagreements.rowCount() == 2
    headers = [disagreements.headerData(c, Qt.Orientation.Horizontal) for c in range(disagreements.columnCount())]
    assert len(set(headers)) == len(headers) and headers[-2:] == ["R1", "R2"]
    assert disagreements.index(0, headers.index("R2")).data() == "Agency"
    first = next(x for x in mine if x.text == disagreements.index(0, headers.index("Words")).data())
    w.grid.setCurrentIndex(w.proxy.index(0, 0))
    table.activated.emit(disagreements.index(0, 1))
    current = w.grid.currentIndex()
    assert w.view.row_index(first.row_id) == w.proxy.mapToSource(current).row()
    assert w.grid.doc_at_column(current.column()) == first.doc_id
    assert "Shown in the grid" in dialog.jump_note.text()


def test_a_disagreement_from_another_event_does_not_jump(qtbot, labelling_window):
    w = labelling_window
    assert not w.labelling.show_span("not-in-this-event", 0, 5, "words")
    doc, article = next(iter(w.view.comparison.articles.items()))
    row = next(r for r in range(3, len(w.view)) if w.view.cell(r, doc) is not None)  # headline rows vary
    cell = w.view.cell(row, doc)
    start, end = cell.start, cell.start + 5
    assert not w.labelling.show_span(doc, start, end, article.text[start:end] + "x")  # another version of it
    assert w.labelling.show_span(doc, start, end, article.text[start:end])
    assert w.proxy.mapToSource(w.grid.currentIndex()).row() == row
