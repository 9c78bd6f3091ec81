"""The claims of an event being opened, shown as soon as they are aligned (before the
words are compared): one row per claim, one column per outlet, read-only. The real grid
replaces it when the event is ready; a cancelled load takes it away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ..core.sharing.event_view import text_direction

PREVIEW_ROWS = 200  # a few screens: the rest comes with the grid


class RowsPreview(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("rows_preview")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def show_rows(self, articles: dict, rows: list) -> None:
        """``articles`` (doc_id → Article) and their first aligned rows (core Rows)."""
        docs = list(articles)
        self.clear()
        self.setColumnCount(len(docs))
        self.setRowCount(len(rows))
        self.setHorizontalHeaderLabels([articles[d].outlet or d for d in docs])
        first = next((articles[d].text for d in docs if articles[d].text.strip()), "")
        rtl = text_direction(first) == "rtl"
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        for r, row in enumerate(rows):
            for c, doc in enumerate(docs):
                span = row.span(doc)
                if span is not None:
                    self.setItem(r, c, QTableWidgetItem(" ".join(articles[doc].text[span[0]:span[1]].split())))
