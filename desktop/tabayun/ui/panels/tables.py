"""The read-only, sortable, one-row-at-a-time table the side panels list things in, and
how its columns are sized to their headers and to the names they show."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

NAME_PADDING = 22  # a cell's margins and a little air around a measured name
WIDEST_NAME_COLUMN = 260  # px: a column of names never takes the whole side panel


def item_table(name: str, model: QAbstractItemModel, widths: tuple[int, ...], sortable: bool = True) -> QTableView:
    """``sortable``: a header click sorts (the model or proxy must implement sort())."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSortingEnabled(sortable)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)  # a name keeps its start, never "بي...سي"
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(28)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    return table


def fit_columns(table: QTableView, names: dict[int, list[str]], extra: dict[int, int] | None = None) -> None:
    """Each column as wide as its header with the sort arrow beside it (not over it), and
    each column of ``names`` as wide as the longest of them (plus ``extra[column]``, e.g. a
    swatch), up to :data:`WIDEST_NAME_COLUMN`: measured on the names (a few), not on
    thousands of rows, so that a key press stays fast. Other columns keep any larger width."""
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    extra = extra or {}
    for column in range(table.model().columnCount()):
        width = header.sectionSizeHint(column) + 6  # the hint counts the sort arrow
        if names.get(column):
            longest = max(metrics.horizontalAdvance(n) for n in names[column])
            width = max(width, longest + NAME_PADDING + extra.get(column, 0))
        width = min(width, WIDEST_NAME_COLUMN) if column in names else max(width, table.columnWidth(column))
        table.setColumnWidth(column, width)
