"""The claims grid's model and its row filter.

They hold no analysis: every value comes from :class:`tabayun.core.sharing.event_view.EventView`;
they only present it in Qt's terms (roles, UTF-16 ranges).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex,
                            QSortFilterProxyModel, Qt)

from ..core.model import Difference
from ..core.sharing.event_view import EventView, whole_words
from .categories import ALL_CATEGORIES, CATEGORY_LABELS
from .offsets import to_utf16_ranges
from .outlet_state import OutletState
from .roles import (CellRole, CurrentRole, DirectionRole, DocRole, HeadlineRole, HighlightsRole, LabelsRole,
                    OmissionRole, SearchRole)

translate = QCoreApplication.translate

_Index = QModelIndex | QPersistentModelIndex


def _direction(name: str) -> Qt.LayoutDirection:
    return Qt.LayoutDirection.RightToLeft if name == "rtl" else Qt.LayoutDirection.LeftToRight


def refilter_rows(proxy: QSortFilterProxyModel, change=None) -> None:
    """Re-run a proxy's row filter after ``change()`` alters its parameters (Qt >= 6.10 API
    when there is one, else the older invalidateRowsFilter)."""
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        if change is not None:
            change()
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:
        if change is not None:
            change()
        proxy.invalidateRowsFilter()


class GridModel(QAbstractTableModel):
    """One row per aligned claim (row 0: the headlines), one column per article (doc_id order)."""

    def __init__(self, outlets: OutletState, parent: QObject | None = None):
        super().__init__(parent)
        self.view: EventView | None = None
        self.outlets = outlets
        self.categories: set[str] = set(ALL_CATEGORIES)
        self.query = ""
        self._cache: dict[tuple[int, int], list] = {}
        # doc_id -> [(start, end, code)] of the labelled spans, and code -> colour (set by the window)
        self.label_spans: Callable[[str], list[tuple[int, int, str]]] = lambda _doc: []
        self.label_colour: Callable[[str], str] = lambda _code: "#999999"
        self._current: dict[tuple[int, int], list[tuple[int, int]]] = {}  # the current difference's words
        outlets.changed.connect(self._outlets_changed)

    # --- state --------------------------------------------------------------------
    def set_view(self, view: EventView | None) -> None:
        self.beginResetModel()
        self.view = view
        self._cache.clear()
        self._current = {}
        self.endResetModel()

    def set_categories(self, categories: Iterable[str]) -> None:
        categories = set(categories)
        if categories != self.categories:
            self.categories = categories
            self._refresh_cells()

    def set_query(self, query: str) -> None:
        if query != self.query:
            self.query = query
            self._refresh_cells([SearchRole])

    def set_current(self, d: Difference | None) -> None:
        """Outline ``d``'s words in its two cells (the difference F8 or a click made current)."""
        before = set(self._current)
        self._current = {}
        if d is not None and self.view is not None:
            row = self.view.row_index(d.row_id)
            for doc, start, end in ((d.doc_a, d.a_start, d.a_end), (d.doc_b, d.b_start, d.b_end)):
                cell = self.view.cell(row, doc)
                if cell is not None and end > start:
                    s, e = whole_words(cell.text, start - cell.start, end - cell.start)
                    ranges = to_utf16_ranges(cell.text, [(s, e, "")])
                    self._current[(row, self.column_of(doc))] = [r[:2] for r in ranges]
        for row, column in before | set(self._current):
            index = self.index(row, column)
            self.dataChanged.emit(index, index, [CurrentRole])

    def labels_changed(self) -> None:
        self._refresh_cells([LabelsRole])

    def _outlets_changed(self, what: str) -> None:
        if what in ("names", "blind", "reference", "reset"):
            if self.columnCount():
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if what in ("hidden", "reference", "reset"):
            self._refresh_cells()
        elif what == "blind":
            self._refresh_cells([Qt.ItemDataRole.ToolTipRole])

    def refresh(self) -> None:
        """Repaint every cell (the view's options changed, e.g. quoted speech shown)."""
        self._refresh_cells()

    def _refresh_cells(self, roles: list | None = None) -> None:
        self._cache.clear()
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1),
                                  roles or [HighlightsRole, SearchRole, Qt.ItemDataRole.ToolTipRole])

    def doc_id(self, column: int) -> str:
        return self.view.doc_ids[column]

    def column_of(self, doc_id: str) -> int:
        return self.view.doc_ids.index(doc_id) if self.view else -1

    # --- Qt -------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.view is None else len(self.view.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.view is None else len(self.view.doc_ids)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.view is None:
            return None
        row, doc = index.row(), self.view.doc_ids[index.column()]
        cell = self.view.cell(row, doc)
        if role == CellRole:
            return (cell.text if cell else None, _direction(self.view.cell_direction(row, doc)),
                    self.view.is_headline(row))
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text if cell else None
        if role == HighlightsRole:
            if cell is None:
                return []
            key = (row, index.column())
            if key not in self._cache:
                shown = self.outlets.visible()
                spans = [(h.start, h.end, h.category) for h in self.view.cell_highlights(
                    row, doc, self.categories, self.outlets.reference, shown)]
                self._cache[key] = to_utf16_ranges(cell.text, spans)
            return self._cache[key]
        if role == CurrentRole:
            return self._current.get((row, index.column()), [])
        if role == LabelsRole:
            if cell is None:
                return []
            spans = [(s, e, self.label_colour(code))
                     for s, e, code in self.view.cell_label_spans(row, doc, self.label_spans(doc))]
            return to_utf16_ranges(cell.text, spans)
        if role == SearchRole:
            if cell is None or not self.query.strip():
                return []
            spans = [(h.start, h.end, h.category) for h in self.view.search_ranges(row, doc, self.query)]
            return to_utf16_ranges(cell.text, spans)
        if role == DirectionRole:
            return _direction(self.view.cell_direction(row, doc))
        if role == OmissionRole:
            return cell is None
        if role == HeadlineRole:
            return self.view.is_headline(row)
        if role == DocRole:
            return doc
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, doc, cell)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return cell.text if cell else translate("Grid", "{outlet}: not reported").format(outlet=self.outlets.label(doc))
        return None

    def _tooltip(self, row: int, doc: str, cell) -> str:
        label = self.outlets.label(doc)
        if cell is None:
            return translate("Grid", "{outlet} does not report this claim").format(outlet=label)
        lines = [label]
        for d in self.view.cell_differences(row, doc, self.categories, self.outlets.reference, self.outlets.visible()):
            mine, theirs, other = (d.a_text, d.b_text, d.doc_b) if d.doc_a == doc else (d.b_text, d.a_text, d.doc_a)
            lines.append(f"{CATEGORY_LABELS.get(d.category, d.category)}: «{mine}» / "
                         f"{self.outlets.label(other)} «{theirs}»")
        for m in self.view.cell_markers(row, doc, self.categories):
            voice = {"attributed": translate("Grid", " (paraphrasing a source)"),
                     "quoted": translate("Grid", " (inside quoted speech)")}.get(m.voice, "")
            lines.append(f"{CATEGORY_LABELS.get(m.category, m.category)}: «{m.text}»{voice}")
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.view is None or section < 0:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section >= len(self.view.doc_ids):
                return None
            doc = self.view.doc_ids[section]
            if role == Qt.ItemDataRole.DisplayRole:
                star = "★ " if doc == self.outlets.reference else ""
                return star + self.outlets.label(doc)
            if role == Qt.ItemDataRole.ToolTipRole:
                if self.outlets.blind:
                    return translate("Grid", "Outlet {outlet} (blind mode)").format(outlet=self.outlets.label(doc))
                art = self.view.comparison.articles[doc]
                ref = "\n" + translate("Grid", "Reference outlet") if doc == self.outlets.reference else ""
                return f"{self.outlets.name(doc)}\n{art.source or doc}{ref}"
            if role == DocRole:
                return doc
            return None
        if section >= len(self.view.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("Grid", "H", "the headlines row's number") if self.view.is_headline(section) else str(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (translate("Grid", "Headlines") if self.view.is_headline(section)
                    else translate("Grid", "Claim {number}").format(number=section))
        return None


class RowFilterProxy(QSortFilterProxyModel):
    """The grid's row filters: only rows with lexical differences, only omissions, a text search.
    The headline row always stays on top."""

    def __init__(self, outlets: OutletState, parent: QObject | None = None):
        super().__init__(parent)
        self.outlets = outlets
        self.lexical_only = False
        self.omissions_only = False
        self.query = ""
        outlets.changed.connect(self._outlets_changed)

    def _outlets_changed(self, what: str) -> None:
        if what in ("hidden", "reference", "reset") and (self.lexical_only or self.omissions_only or self.query):
            refilter_rows(self)

    def set_filters(self, lexical_only: bool | None = None, omissions_only: bool | None = None,
                    query: str | None = None) -> None:
        def change() -> None:
            if lexical_only is not None:
                self.lexical_only = lexical_only
            if omissions_only is not None:
                self.omissions_only = omissions_only
            if query is not None:
                self.query = query

        refilter_rows(self, change)

    def filtering(self) -> bool:
        return self.lexical_only or self.omissions_only or bool(self.query.strip())

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        view: EventView | None = getattr(self.sourceModel(), "view", None)
        if view is None or source_row >= len(view.rows):
            return True
        if view.is_headline(source_row):
            return True
        visible = self.outlets.visible()
        if self.lexical_only and not view.has_lexical(source_row, self.outlets.reference, visible):
            return False
        if self.omissions_only and not view.is_omission(source_row, visible):
            return False
        if self.query.strip() and not view.matches(source_row, self.query, visible):
            return False
        return True


# --- the side panel ----------------------------------------------------------------
