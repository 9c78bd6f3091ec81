"""Sharing from the window: export, charts, agreement."""

from __future__ import annotations

import pandas as pd
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from tabayun.core.annotation.labels import labels_to_csv, read_labels
from tabayun.core.analysis.normalize import fold

from .conftest import key_of, press


def test_export_from_the_window_writes_tables_report_and_charts(qtbot, labelling_window, tmp_path):
    w = labelling_window
    d = next(d for d in w.view.comparison.differences if {fold(d.a_text), fold(d.b_text)} == {"الحرب", "الدفاع"})
    w.show_difference(d)
    press(qtbot, w, key_of("referent_label"))
    out = tmp_path / "export"
    w.sharing.export_to(str(out))
    qtbot.waitUntil(lambda: "Exported" in w.message_bar.text(), timeout=60000)
    table = pd.read_csv(out / "labeled_diffs.csv", encoding="utf-8-sig", keep_default_na=False)
    assert list(table["text"]) == [d.a_text] and list(table["other_text"]) == [d.b_text]
    assert "الحرب" in (out / "report.html").read_text(encoding="utf-8")
    assert (out / "labeled_diffs.xlsx").stat().st_size > 0


def test_charts_tab_draws_off_the_gui_thread(qtbot, labelling_window):
    w = labelling_window
    w.sharing.draw_charts()
    qtbot.waitUntil(lambda: len(w.sharing.charts_panel.images) >= 4, timeout=60000)
    pictures = [x for x in w.sharing.charts_panel.images if isinstance(x, QLabel) and x.pixmap() and
                not x.pixmap().isNull()]
    assert len(pictures) >= 2 and all(p.pixmap().width() > 200 for p in pictures)


def test_agreement_dialog_shows_the_figures(qtbot, labelling_window, tmp_path):
    w = labelling_window
    lexical = [d for d in w.view.comparison.differences if d.category == "lexical"][:6]
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
    text = dialog.findChild(QPlainTextEdit, "agreement_text").toPlainText()
    assert "kappa" in text.lower() and "alpha" in text.lower()
