"""The tables and captions people read: the Differences table's headers and names, and the
classroom reveal list's order of mixed Arabic and English."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

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
