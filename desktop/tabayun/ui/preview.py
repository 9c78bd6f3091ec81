"""What the window shows of an event being opened, before the grid is ready, read-only, one
column per outlet. First each article's opening sentences in its own order, under a notice
that they are NOT aligned (a line there is no claim); then, once aligned, one row per claim.
The real grid replaces it when the event is ready; a cancelled load takes it away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from ..core.sharing.event_view import text_direction
from .grid import MIN_COLUMN_WIDTH

PREVIEW_ROWS = 200  # a few screens: the rest comes with the grid

UNALIGNED_GREY = QColor("#555")
# The notice's look in each state: unaligned text must never pass for aligned claims.
_NOTICE_STYLE = {
    "units": "background: #fff3cd; color: #5c4400; border: 1px solid #e0b84c; padding: 4px 8px; font-weight: bold;",
    "rows": "background: #e8f0fe; color: #1a3d6d; border: 1px solid #9ab5e0; padding: 4px 8px;",
}


class RowsPreview(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("rows_preview")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # as wide as the grid's columns at least: many outlets scroll sideways instead of
        # squeezing every column to a sliver (and only the columns on screen are painted)
        header.setMinimumSectionSize(MIN_COLUMN_WIDTH)
        self.aligned = False  # what the table holds: aligned claims, or each article's own order

    def _start(self, articles: dict, rows: int) -> list:
        docs = list(articles)
        self.clear()
        self.setColumnCount(len(docs))
        self.setRowCount(rows)
        self.setHorizontalHeaderLabels([articles[d].outlet or d for d in docs])
        first = next((articles[d].text for d in docs if articles[d].text.strip()), "")
        rtl = text_direction(first) == "rtl"
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        return docs

    def show_rows(self, articles: dict, rows: list) -> None:
        """``articles`` (doc_id → Article) and their first aligned rows (core Rows)."""
        docs = self._start(articles, len(rows))
        self.aligned = True
        for r, row in enumerate(rows):
            for c, doc in enumerate(docs):
                span = row.span(doc)
                if span is not None:
                    self.setItem(r, c, QTableWidgetItem(" ".join(articles[doc].text[span[0]:span[1]].split())))

    def show_units(self, articles: dict, units: dict) -> None:
        """``articles`` and each one's first units (core Units) in its own order, not aligned:
        greyed and slanted, so that the aligned rows that replace them look different."""
        docs = self._start(articles, max((len(units.get(d, ())) for d in articles), default=0))
        self.aligned = False
        font = QFont(self.font())
        font.setItalic(True)
        grey = QBrush(UNALIGNED_GREY)
        for c, doc in enumerate(docs):
            for r, unit in enumerate(units.get(doc, ())):
                item = QTableWidgetItem(" ".join(unit.text.split()))
                item.setFont(font)
                item.setForeground(grey)
                self.setItem(r, c, item)


class PreviewPane(QWidget):
    """The preview table under a notice saying what it holds."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("preview_pane")
        self.notice = QLabel()
        self.notice.setObjectName("preview_notice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.table = RowsPreview()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)

    def show_units(self, articles: dict, units: dict) -> None:
        self.table.show_units(articles, units)
        self.notice.setText(self.tr(
            "Not aligned yet: each outlet's first sentences in its own order. A line here is not one "
            "claim; the claims appear when the articles are aligned."))
        self.notice.setStyleSheet(_NOTICE_STYLE["units"])

    def show_rows(self, articles: dict, rows: list) -> None:
        self.table.show_rows(articles, rows)
        self.notice.setText(self.tr(
            "Claims aligned: one row per claim. The words are still being compared; the full grid follows."))
        self.notice.setStyleSheet(_NOTICE_STYLE["rows"])

    def clear(self) -> None:
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.table.aligned = False
        self.notice.clear()
