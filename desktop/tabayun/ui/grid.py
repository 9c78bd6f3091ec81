"""The claims grid: a QTableView with one column per outlet and word-wrapped rows.

Row heights come from the delegate's cached text layouts (all visible columns of a row),
recomputed only when the column widths, the font or the filters change. Columns fit the
window while they can stay readable; beyond that they keep a readable width and the
grid scrolls sideways. Columns can be reordered by dragging their headers.
"""

from __future__ import annotations

import time
from collections import deque
from contextlib import contextmanager

from PySide6.QtCore import (QItemSelection, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, QTimer,
                            Signal)
from PySide6.QtGui import QColor, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView

from .cell_selection import CellSelection, word_spans, words_between
from .delegates import GRID_LINE, CellDelegate
from .offsets import python_index, utf16_index
from .roles import CellRole, DocRole

MIN_COLUMN_WIDTH = 180  # at the base font size; scaled with zoom
SYNC_CELLS = 4000  # events with fewer visible cells get all their row heights at once
BACKGROUND_SLICE = 0.012  # seconds of row sizing per event-loop turn for big events


class GridView(QTableView):
    order_changed = Signal(list)  # doc_ids in visual order, after the user dragged a header
    header_menu_requested = Signal(str, object)  # doc_id, global position
    header_double_clicked = Signal(str)
    text_selection_changed = Signal()  # words selected inside a cell, or no longer
    word_clicked = Signal(QModelIndex, int)  # a click (not a drag) on a cell's text: index, Python position

    def __init__(self, parent=None):
        super().__init__(parent)
        self.delegate = CellDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setWordWrap(True)
        self.setShowGrid(True)
        self.setAlternatingRowColors(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setCornerButtonEnabled(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.verticalScrollBar().setSingleStep(24)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        palette.setColor(QPalette.ColorRole.Text, QColor("#1d1d1f"))
        self.setPalette(palette)
        line = GRID_LINE.name()
        self.setStyleSheet(
            f"QTableView {{ gridline-color: {line}; }}"
            f"QHeaderView::section:horizontal {{ background: #f1f4f8; color: #1d2733; border: none;"
            f" border-left: 1px solid {line}; border-bottom: 1px solid #aeb7c2; padding: 7px 8px;"
            f" font-weight: bold; }}"
            f"QHeaderView::section:vertical {{ background: #f7f8fa; color: #7a828c; border: none;"
            f" border-bottom: 1px solid {line}; padding: 4px 5px; }}")

        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(True)
        header.setMinimumSectionSize(80)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionDoubleClicked.connect(self._header_double_clicked)
        header.sectionMoved.connect(self._section_moved)
        header.sectionResized.connect(self._section_resized)
        vheader = self.verticalHeader()
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignTop)
        vheader.setMinimumSectionSize(24)

        self.auto_fit = True
        self._adjusting = False
        self._zoom_scale = 1.0
        self._relayout_timer = QTimer(self, singleShot=True, interval=0)
        self._relayout_timer.timeout.connect(self.relayout_rows)
        self._fit_timer = QTimer(self, singleShot=True, interval=30)
        self._fit_timer.timeout.connect(self.fit_columns)
        self._background = QTimer(self, singleShot=True, interval=0)
        self._background.timeout.connect(self._background_step)
        self._columns: list[tuple[int, int]] = []
        self._known = bytearray()
        self._pending: deque[int] = deque()
        self._sizing = False
        self.verticalScrollBar().valueChanged.connect(self._size_visible)
        self._target: QPersistentModelIndex | None = None  # the cell last jumped to
        self.verticalScrollBar().actionTriggered.connect(self._user_scrolled)
        self.text_selection: CellSelection | None = None
        self._press: tuple[QPersistentModelIndex, int, object] | None = None  # cell, position, point

    # --- model ------------------------------------------------------------------------
    def setModel(self, model) -> None:
        super().setModel(model)
        model.modelReset.connect(self._model_reset)
        model.layoutChanged.connect(self.schedule_relayout)
        model.rowsInserted.connect(self.schedule_relayout)
        model.rowsRemoved.connect(self.schedule_relayout)
        model.dataChanged.connect(self._data_changed)
        self.selectionModel().currentChanged.connect(self._current_moved)

    def _current_moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._target is not None and QModelIndex(self._target) != current:
            self._target = None
        if self.text_selection is not None and QModelIndex(self.text_selection.index) != current:
            self.clear_text_selection()

    def _model_reset(self) -> None:
        self._target = None
        self.clear_text_selection()
        self.delegate.clear_cache()
        self.auto_fit = True
        self.fit_columns()

    def _data_changed(self, *args) -> None:
        self.delegate.forget_formats()
        self.viewport().update()

    def doc_at_column(self, column: int) -> str | None:
        model = self.model()
        return model.headerData(column, Qt.Orientation.Horizontal, DocRole) if model else None

    def column_of(self, doc_id: str) -> int:
        model = self.model()
        for c in range(model.columnCount() if model else 0):
            if self.doc_at_column(c) == doc_id:
                return c
        return -1

    def visual_order(self) -> list[str]:
        header = self.horizontalHeader()
        return [self.doc_at_column(header.logicalIndex(v)) for v in range(header.count())]

    def apply_order(self, order: list[str]) -> None:
        header = self.horizontalHeader()
        self._adjusting = True
        try:
            for target, doc in enumerate(order):
                logical = self.column_of(doc)
                if logical >= 0 and header.visualIndex(logical) != target:
                    header.moveSection(header.visualIndex(logical), target)
        finally:
            self._adjusting = False

    def apply_hidden(self, hidden: set[str]) -> None:
        model = self.model()
        for c in range(model.columnCount() if model else 0):
            self.setColumnHidden(c, self.doc_at_column(c) in hidden)
        self.fit_columns()

    # --- header interaction ---------------------------------------------------------------
    def _header_menu(self, pos) -> None:
        header = self.horizontalHeader()
        logical = header.logicalIndexAt(pos)
        if logical >= 0:
            self.header_menu_requested.emit(self.doc_at_column(logical), header.mapToGlobal(pos))

    def _header_double_clicked(self, logical: int) -> None:
        if logical >= 0:
            self.header_double_clicked.emit(self.doc_at_column(logical))

    def _section_moved(self, *_args) -> None:
        if not self._adjusting:
            self.order_changed.emit(self.visual_order())

    def _section_resized(self, *_args) -> None:
        if not self._adjusting:
            self.auto_fit = False
        self.schedule_relayout()

    # --- geometry -------------------------------------------------------------------------
    def set_header_font(self, font) -> None:
        """Outlet names in the article font (they are often Arabic), a little smaller."""
        header_font = QFont(font)
        header_font.setPointSizeF(max(8.0, font.pointSizeF() - 2))
        header_font.setBold(True)
        self.horizontalHeader().setFont(header_font)

    def set_zoom_scale(self, scale: float) -> None:
        self._zoom_scale = scale
        self.delegate.clear_cache()
        self.fit_columns()

    def min_column_width(self) -> int:
        return int(MIN_COLUMN_WIDTH * self._zoom_scale)

    def fit_columns(self) -> None:
        """Share the width among the visible columns, never below a readable width."""
        model = self.model()
        if model is None or not model.columnCount():
            return
        header = self.horizontalHeader()
        visible = [c for c in range(model.columnCount()) if not header.isSectionHidden(c)]
        if not visible:
            return
        if self.auto_fit:
            available = self.viewport().width() or self.width() - self.verticalHeader().width() - 4
            width = max(self.min_column_width(), available // len(visible))
            self._adjusting = True
            try:
                for c in visible:
                    if header.sectionSize(c) != width:
                        header.resizeSection(c, width)
            finally:
                self._adjusting = False
        self.schedule_relayout()

    def schedule_relayout(self, *_args) -> None:
        self._relayout_timer.start()

    def relayout_rows(self) -> None:
        """Fit each shown row's height to its tallest visible cell: all rows at once for a
        small event; for a big one the rows on screen now and the others in the background,
        a few milliseconds at a time, so the window never freezes."""
        self._relayout_timer.stop()
        self._background.stop()
        model = self.model()
        if model is None:
            return
        header = self.horizontalHeader()
        self._columns = [(c, header.sectionSize(c)) for c in range(model.columnCount())
                         if not header.isSectionHidden(c)]
        rows = model.rowCount()
        self._known = bytearray(rows)
        if rows * max(1, len(self._columns)) <= SYNC_CELLS:
            with self._anchored():
                for r in range(rows):
                    self._size_row(r)
            self._pending = deque()
            return
        self._size_visible()
        first = max(0, self.rowAt(0))
        self._pending = deque(sorted(range(rows), key=lambda r: (r < first, abs(r - first))))
        self._background.start()

    def rows_pending(self) -> int:
        """Rows whose height is still an estimate."""
        return len(self._pending)

    def _size_row(self, r: int) -> None:
        model = self.model()
        height = 0
        for c, width in self._columns:
            height = max(height, self.delegate.text_height(model.index(r, c), width))
        vheader = self.verticalHeader()
        if height and vheader.sectionSize(r) != height:
            vheader.resizeSection(r, height)
        self._known[r] = 1

    def _size_visible(self, *_args) -> None:
        if self._sizing or not self._known:
            return
        self._sizing = True
        try:
            rows = len(self._known)
            for _ in range(6):  # sizing rows moves others into view: repeat until stable
                first = self.rowAt(0)
                last = self.rowAt(self.viewport().height() - 1)
                first = 0 if first < 0 else first
                last = rows - 1 if last < 0 else last
                todo = [r for r in range(max(0, first - 1), min(rows, last + 3)) if not self._known[r]]
                if not todo:
                    break
                with self._anchored():
                    for r in todo:
                        self._size_row(r)
        finally:
            self._sizing = False

    def _background_step(self) -> None:
        deadline = time.perf_counter() + BACKGROUND_SLICE
        with self._anchored():
            while self._pending and time.perf_counter() < deadline:
                r = self._pending.popleft()
                if r < len(self._known) and not self._known[r]:
                    self._size_row(r)
        if self._pending:
            self._background.start()

    @contextmanager
    def _anchored(self):
        """While rows change height, keep in view what the user was shown: the cell the grid
        last jumped to, else the row at the top of the viewport."""
        anchor = self.rowAt(0)
        offset = self.rowViewportPosition(anchor) if anchor >= 0 else 0
        self._sizing = True
        try:
            yield
        finally:
            target = self._target
            if target is not None and target.isValid():
                self.scrollTo(self.model().index(target.row(), target.column()),
                              QAbstractItemView.ScrollHint.PositionAtCenter)
            elif anchor >= 0 and self.verticalScrollBar().value() > 0:
                self.verticalScrollBar().setValue(self.verticalHeader().sectionPosition(anchor) - offset)
            self._sizing = False

    def _user_scrolled(self, *_args) -> None:
        self._target = None

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            self._fit_timer.start()
        if self._pending:
            self._size_visible()

    # --- selection ------------------------------------------------------------------------
    def select_cells(self, proxy_row: int, columns: list[int]) -> None:
        """Make ``proxy_row`` current at the first of ``columns`` and select those cells."""
        model = self.model()
        if model is None or not (0 <= proxy_row < model.rowCount()) or not columns:
            return
        current = model.index(proxy_row, columns[0])
        selection = QItemSelection()
        for c in columns:
            idx = model.index(proxy_row, c)
            selection.select(idx, idx)
        sm = self.selectionModel()
        sm.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
        sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._target = QPersistentModelIndex(current)
        self.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtCenter)
        if self._pending:  # heights around the target were estimates: size them, aim again
            self._size_visible()
            self.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtCenter)

    def copy_selection(self) -> str:
        """The selected cells' text (one per line, grid order) on the clipboard."""
        indexes = sorted(self.selectionModel().selectedIndexes(),
                         key=lambda i: (i.row(), self.horizontalHeader().visualIndex(i.column())))
        text = "\n".join(i.data() for i in indexes if i.data())
        if text:
            QApplication.clipboard().setText(text)
        return text

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if self._select_words_by_key(event):
            return
        if event.key() == Qt.Key.Key_Escape and self.text_selection is not None:
            self.clear_text_selection()
            return
        super().keyPressEvent(event)

    # --- words selected inside a cell -------------------------------------------------------
    def selected_words(self) -> tuple[QModelIndex, int, int] | None:
        """The current cell and the (start, end) of the words selected in it, as Python
        indices into the cell's text; None when no words are selected."""
        sel = self.text_selection
        if sel is None or not sel.index.isValid() or QModelIndex(sel.index) != self.currentIndex():
            return None
        return QModelIndex(sel.index), *sel.span

    def select_words(self, index: QModelIndex, start: int, end: int) -> bool:
        """Select the words of ``index``'s cell touching Python positions ``start``..``end``."""
        text = self._cell_text(index)
        words = word_spans(text) if text else []
        touched = words_between(words, start, end)
        if touched is None:
            return False
        if self.currentIndex() != index:
            self.setCurrentIndex(index)
        first, last = touched if end >= start else touched[::-1]
        self._set_text_selection(CellSelection(QPersistentModelIndex(index), words, first, last))
        return True

    def clear_text_selection(self) -> None:
        if self.text_selection is not None or self.delegate.text_selection is not None:
            self.text_selection = None
            self.delegate.text_selection = None
            self.viewport().update()
            self.text_selection_changed.emit()

    def _set_text_selection(self, sel: CellSelection) -> None:
        self.text_selection = sel
        index = QModelIndex(sel.index)
        model = self.model()
        src = model.mapToSource(index) if hasattr(model, "mapToSource") else index
        text = self._cell_text(index)
        start, end = sel.span
        a, b = utf16_index(text, start), utf16_index(text, end)
        self.delegate.text_selection = (src.row(), src.column(), a, b - a)
        self.viewport().update()
        self.text_selection_changed.emit()

    @staticmethod
    def _cell_text(index: QModelIndex) -> str | None:
        return index.data(CellRole)[0] if index.isValid() else None

    def _text_position(self, index: QModelIndex, point) -> int | None:
        """The Python position in ``index``'s text nearest ``point`` (kept inside the cell)."""
        text = self._cell_text(index)
        if not text:
            return None
        rect = self.visualRect(index)
        inside = point.__class__(min(max(point.x(), rect.left()), rect.right()),
                                 min(max(point.y(), rect.top()), rect.bottom()))
        position = self.delegate.position_at(index, rect, inside)
        return None if position is None else python_index(text, position)

    def _select_words_by_key(self, event) -> bool:
        """Shift+Left/Right: one word more or less in the current cell (in the text's own
        direction: Left goes forward in Arabic); Ctrl+Shift+Left/Right: the selection one
        word along. Shift+Up/Down still select cells."""
        mods = event.modifiers()
        if event.key() not in (Qt.Key.Key_Left, Qt.Key.Key_Right) or not mods & Qt.KeyboardModifier.ShiftModifier:
            return False
        index = self.currentIndex()
        text = self._cell_text(index)
        words = word_spans(text) if text else []
        if not words:
            return False
        rtl = index.data(CellRole)[1] == Qt.LayoutDirection.RightToLeft
        step = 1 if (event.key() == Qt.Key.Key_Right) != rtl else -1
        sel = self.text_selection
        if sel is None or QModelIndex(sel.index) != index:
            first = 0 if step > 0 else len(words) - 1
            sel = CellSelection(QPersistentModelIndex(index), words, first, first)
        elif mods & Qt.KeyboardModifier.ControlModifier:
            sel.move(step)
        else:
            sel.extend(step)
        self._set_text_selection(sel)
        return True

    def mousePressEvent(self, event) -> None:
        self._press = None
        super().mousePressEvent(event)
        point = event.position().toPoint()
        index = self.indexAt(point)
        if self.text_selection is not None:
            self.clear_text_selection()  # a click starts afresh (a drag selects anew)
        if event.button() == Qt.MouseButton.LeftButton and not event.modifiers():
            position = self._text_position(index, point)
            if position is not None:
                self._press = (QPersistentModelIndex(index), position, point)

    def mouseMoveEvent(self, event) -> None:
        press = self._press
        if press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            super().mouseMoveEvent(event)
            return
        # a drag that began on a cell's text selects words in that cell, never other cells
        point = event.position().toPoint()
        if (point - press[2]).manhattanLength() < QApplication.startDragDistance():
            return
        index = QModelIndex(press[0])
        position = self._text_position(index, point)
        if position is not None:
            self.select_words(index, press[1], position)

    def mouseReleaseEvent(self, event) -> None:
        press, self._press = self._press, None
        super().mouseReleaseEvent(event)
        if press is not None and self.text_selection is None and press[0].isValid():
            self.word_clicked.emit(QModelIndex(press[0]), press[1])

    def mouseDoubleClickEvent(self, event) -> None:
        super().mouseDoubleClickEvent(event)
        index = self.indexAt(event.position().toPoint())
        position = self._text_position(index, event.position().toPoint())
        if position is not None:
            self.select_words(index, position, position)  # the word under the pointer

    def current_doc(self) -> str | None:
        idx: QModelIndex = self.currentIndex()
        return self.doc_at_column(idx.column()) if idx.isValid() else None
