"""Qt models over the core's results: the grid, its filters, the differences, terms and outlets.

They hold no analysis: every value comes from :class:`tabayun.core.sharing.event_view.EventView` (or
the comparison it wraps); they only present it in Qt's terms (roles, UTF-16 ranges).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from PySide6.QtCore import (QAbstractListModel, QAbstractTableModel, QModelIndex, QObject,
                            QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal)
from PySide6.QtGui import QFont

from ..core.model import Difference
from ..core.sharing.event_view import DIFFERENCE_CATEGORIES, MARKER_CATEGORIES, EventView, blind_label
from .colours import CATEGORY_COLOURS
from .offsets import to_utf16_ranges

ALL_CATEGORIES = DIFFERENCE_CATEGORIES + MARKER_CATEGORIES
CATEGORY_LABELS = {
    "lexical": "Word choice",
    "number": "Number",
    "spelling": "Spelling",
    "punctuation": "Punctuation",
    "loaded_term": "Loaded term",
    "scare_quotes": "Scare quotes",
    "attribution_verb": "Attribution verb",
    "search": "Search hit",
}

# Custom roles of the grid model.
HighlightsRole = Qt.ItemDataRole.UserRole + 1  # [(utf16 start, utf16 length, category)]
DirectionRole = Qt.ItemDataRole.UserRole + 2  # Qt.LayoutDirection of the cell's text
OmissionRole = Qt.ItemDataRole.UserRole + 3  # True: this outlet does not report the claim
HeadlineRole = Qt.ItemDataRole.UserRole + 4  # True: the headline row
DocRole = Qt.ItemDataRole.UserRole + 5  # the column's doc_id
SearchRole = Qt.ItemDataRole.UserRole + 6  # search hits, like HighlightsRole
SortRole = Qt.ItemDataRole.UserRole + 7  # a sortable value (panels)
ItemRole = Qt.ItemDataRole.UserRole + 8  # the Difference / TermPair behind a panel row
CellRole = Qt.ItemDataRole.UserRole + 9  # (text or None, direction, is headline): what painting needs in one call
LabelsRole = Qt.ItemDataRole.UserRole + 10  # [(utf16 start, utf16 length, colour)] of the labels on the cell

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


class OutletState(QObject):
    """What the user made of the outlets: names, order, hidden ones, reference, blind mode.

    ``order`` is the visual order of the columns (first = start of the reading direction).
    """

    changed = Signal(str)  # "names" | "order" | "hidden" | "reference" | "blind" | "reset"

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.doc_ids: list[str] = []
        self.outlets: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.order: list[str] = []
        self.hidden: set[str] = set()
        self.reference: str | None = None
        self.blind = False

    def reset(self, outlets: dict[str, str], layout: dict | None = None) -> None:
        layout = layout or {}
        self.doc_ids = list(outlets)
        self.outlets = dict(outlets)
        self.names = {d: str(n) for d, n in (layout.get("names") or {}).items() if d in outlets and n}
        order = [d for d in (layout.get("order") or []) if d in outlets]
        self.order = order + [d for d in self.doc_ids if d not in order]
        self.hidden = {d for d in (layout.get("hidden") or []) if d in outlets}
        if len(self.hidden) >= len(self.doc_ids):
            self.hidden = set()
        ref = layout.get("reference")
        self.reference = ref if ref in outlets else None
        self.changed.emit("reset")

    def layout(self) -> dict:
        return {"names": self.names, "order": self.order, "hidden": sorted(self.hidden), "reference": self.reference}

    # --- labels -------------------------------------------------------------------
    def name(self, doc_id: str) -> str:
        """The outlet's name as the user set it (never the blind letter)."""
        return self.names.get(doc_id) or self.outlets.get(doc_id, doc_id)

    def label(self, doc_id: str) -> str:
        """What the window calls the outlet: its name, or its letter in blind mode."""
        if self.blind:
            return blind_label(self.doc_ids.index(doc_id)) if doc_id in self.doc_ids else "?"
        return self.name(doc_id)

    def visible(self) -> list[str]:
        return [d for d in self.order if d not in self.hidden]

    # --- changes ------------------------------------------------------------------
    def rename(self, doc_id: str, name: str) -> None:
        name = name.strip()
        if not name or name == self.outlets.get(doc_id):
            self.names.pop(doc_id, None)
        else:
            self.names[doc_id] = name
        self.changed.emit("names")

    def set_hidden(self, doc_id: str, hidden: bool) -> None:
        if hidden and len(self.visible()) <= 1 and doc_id not in self.hidden:
            return  # keep one outlet on screen
        (self.hidden.add if hidden else self.hidden.discard)(doc_id)
        if hidden and self.reference == doc_id:
            self.reference = None
            self.changed.emit("reference")
        self.changed.emit("hidden")

    def show_all(self) -> None:
        self.hidden.clear()
        self.changed.emit("hidden")

    def set_order(self, order: list[str]) -> None:
        if sorted(order) == sorted(self.doc_ids) and order != self.order:
            self.order = list(order)
            self.changed.emit("order")

    def move(self, doc_id: str, steps: int) -> None:
        order = list(self.order)
        i = order.index(doc_id)
        j = max(0, min(len(order) - 1, i + steps))
        order.insert(j, order.pop(i))
        self.set_order(order)

    def set_reference(self, doc_id: str | None) -> None:
        if doc_id != self.reference:
            self.reference = doc_id
            if doc_id is not None:
                self.hidden.discard(doc_id)
            self.changed.emit("reference")

    def set_blind(self, blind: bool) -> None:
        if blind != self.blind:
            self.blind = blind
            self.changed.emit("blind")


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
        outlets.changed.connect(self._outlets_changed)

    # --- state --------------------------------------------------------------------
    def set_view(self, view: EventView | None) -> None:
        self.beginResetModel()
        self.view = view
        self._cache.clear()
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
            return cell.text if cell else f"{self.outlets.label(doc)}: not reported"
        return None

    def _tooltip(self, row: int, doc: str, cell) -> str:
        label = self.outlets.label(doc)
        if cell is None:
            return f"{label} does not report this claim"
        lines = [label]
        for d in self.view.cell_differences(row, doc, self.categories, self.outlets.reference, self.outlets.visible()):
            mine, theirs, other = (d.a_text, d.b_text, d.doc_b) if d.doc_a == doc else (d.b_text, d.a_text, d.doc_a)
            lines.append(f"{CATEGORY_LABELS.get(d.category, d.category)}: «{mine}» / "
                         f"{self.outlets.label(other)} «{theirs}»")
        for m in self.view.cell_markers(row, doc, self.categories):
            lines.append(f"{CATEGORY_LABELS.get(m.category, m.category)}: «{m.text}»")
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
                    return f"Outlet {self.outlets.label(doc)} (blind mode)"
                art = self.view.comparison.articles[doc]
                ref = "\nReference outlet" if doc == self.outlets.reference else ""
                return f"{self.outlets.name(doc)}\n{art.source or doc}{ref}"
            if role == DocRole:
                return doc
            return None
        if section >= len(self.view.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "H" if self.view.is_headline(section) else str(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Headlines" if self.view.is_headline(section) else f"Claim {section}"
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
class _SortedItems(QAbstractTableModel):
    """A table over ``self.items`` that sorts itself in Python (one key per item, not one
    call per comparison): thousands of differences sort in milliseconds."""

    COLUMNS: tuple[str, ...] = ()
    items: list
    sorted_by: tuple[int, Qt.SortOrder] | None = None  # the view's last sort, kept for new rows

    def sort_key(self, item, column: int):
        raise NotImplementedError

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or section < 0:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section] if section < len(self.COLUMNS) else None
        return str(section + 1)

    def resort(self) -> None:
        """Sort again as the view last asked (after rows were added)."""
        if self.sorted_by is not None:
            self.sort(*self.sorted_by)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < self.columnCount()):
            return
        self.sorted_by = (column, order)
        if not self.items:
            return
        self.layoutAboutToBeChanged.emit()  # PySide 6.12 takes no arguments (the sort hint is lost)
        old = self.persistentIndexList()
        old_items = [self.items[i.row()] if i.row() < len(self.items) else None for i in old]
        positions = sorted(range(len(self.items)), key=lambda i: self.sort_key(self.items[i], column),
                           reverse=order == Qt.SortOrder.DescendingOrder)
        self.items = [self.items[i] for i in positions]
        if old:
            where = {id(item): row for row, item in enumerate(self.items)}
            self.changePersistentIndexList(old, [self.index(where[id(item)], i.column()) if item is not None
                                                 else QModelIndex() for i, item in zip(old, old_items)])
        self.layoutChanged.emit()


class SourceSortingProxy(QSortFilterProxyModel):
    """Filters here, sorts in the source model (see :class:`_SortedItems`)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)


class DifferencesModel(_SortedItems):
    COLUMNS = ("Row", "Outlet", "Words", "Words", "Outlet", "Score", "Category")

    def __init__(self, outlets: OutletState, parent: QObject | None = None):
        super().__init__(parent)
        self.outlets = outlets
        self.view: EventView | None = None
        self.items: list[Difference] = []
        outlets.changed.connect(self._outlets_changed)

    def set_view(self, view: EventView | None) -> None:
        self.beginResetModel()
        self.view = view
        self.items = list(view.comparison.differences) if view else []
        self.endResetModel()

    def sort_key(self, d: Difference, column: int):
        if column == 0:
            return (self.view.row_index(d.row_id) if self.view else d.row_id, d.doc_a, d.a_start)
        if column == 5:
            return d.score
        values = (None, self.outlets.label(d.doc_a), d.a_text, d.b_text, self.outlets.label(d.doc_b), None,
                  CATEGORY_LABELS.get(d.category, d.category))
        return (values[column], d.row_id)

    def _outlets_changed(self, what: str) -> None:
        if what in ("names", "blind", "reset") and self.items:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self.items) - 1, 4))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        d = self.items[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            row_pos = self.view.row_index(d.row_id) if self.view else d.row_id
            values = (row_pos, self.outlets.label(d.doc_a), d.a_text, d.b_text, self.outlets.label(d.doc_b),
                      d.score, CATEGORY_LABELS.get(d.category, d.category))
            value = values[col]
            if role == SortRole:
                return value
            if col == 5:
                return f"{d.score:.2f}"
            if col == 0:
                return str(value)
            return value
        if role == Qt.ItemDataRole.DecorationRole:
            return CATEGORY_COLOURS.get(d.category) if col == 6 else None
        if role == ItemRole:
            return d
        if role == Qt.ItemDataRole.ToolTipRole:
            return (f"{self.outlets.label(d.doc_a)}: «{d.a_text}»\n{self.outlets.label(d.doc_b)}: «{d.b_text}»\n"
                    f"{CATEGORY_LABELS.get(d.category, d.category)} ({d.kind}), score {d.score:.2f}")
        if role == Qt.ItemDataRole.FontRole and d.category == "lexical" and col in (2, 3):
            font = QFont()
            font.setBold(True)
            return font
        return None


class DifferencesFilterProxy(SourceSortingProxy):
    """Filters the differences by category, outlet pair and minimum score; hides those of hidden outlets."""

    def __init__(self, outlets: OutletState, parent: QObject | None = None):
        super().__init__(parent)
        self.outlets = outlets
        self.category: str | None = None
        self.pair: tuple[str, str] | None = None
        self.min_score = 0.0
        outlets.changed.connect(lambda what: refilter_rows(self) if what in ("hidden", "reset") else None)

    def set_filter(self, category: str | None = None, pair: tuple[str, str] | None = None,
                   min_score: float = 0.0) -> None:
        def change() -> None:
            self.category, self.pair = category, (tuple(sorted(pair)) if pair else None)
            self.min_score = min_score

        refilter_rows(self, change)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if source_row >= len(model.items):
            return False
        d: Difference = model.items[source_row]
        if d.doc_a in self.outlets.hidden or d.doc_b in self.outlets.hidden:
            return False
        if self.category and d.category != self.category:
            return False
        if self.pair and tuple(sorted((d.doc_a, d.doc_b))) != self.pair:
            return False
        return d.score >= self.min_score


class TermsModel(_SortedItems):
    COLUMNS = ("Term", "Term", "Category", "Count", "Outlets")

    def __init__(self, outlets: OutletState, parent: QObject | None = None):
        super().__init__(parent)
        self.outlets = outlets
        self.items: list = []
        outlets.changed.connect(self._outlets_changed)

    def set_view(self, view: EventView | None) -> None:
        self.beginResetModel()
        self.items = list(view.comparison.terms) if view else []
        self.endResetModel()

    def sort_key(self, t, column: int):
        values = (t.term_a, t.term_b, CATEGORY_LABELS.get(t.category, t.category), t.count, self._by_doc(t))
        return (values[column], t.term_a)

    def _outlets_changed(self, what: str) -> None:
        if what in ("names", "blind", "reset") and self.items:
            self.dataChanged.emit(self.index(0, 4), self.index(len(self.items) - 1, 4))

    def _by_doc(self, term) -> str:
        by_doc = getattr(term, "by_doc", None) or {}
        return ", ".join(f"{self.outlets.label(d)} {n}" for d, n in by_doc.items())

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        t = self.items[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            values = (t.term_a, t.term_b, CATEGORY_LABELS.get(t.category, t.category), t.count, self._by_doc(t))
            value = values[col]
            return str(value) if role == Qt.ItemDataRole.DisplayRole and col == 3 else value
        if role == ItemRole:
            return t
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"«{t.term_a}» / «{t.term_b}»: {t.count}×\n{self._by_doc(t)}"
        return None


class CategoryFilterProxy(SourceSortingProxy):
    """Filtered by the ItemRole object's ``category``; sorted by its source model."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.category: str | None = None

    def set_category(self, category: str | None) -> None:
        def change() -> None:
            self.category = category

        refilter_rows(self, change)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self.category:
            return True
        item = self.sourceModel().index(source_row, 0, source_parent).data(ItemRole)
        return getattr(item, "category", None) == self.category


class OutletsModel(QAbstractListModel):
    """The outlets in column order: check to show, edit to rename; the reference is bold."""

    def __init__(self, outlets: OutletState, parent: QObject | None = None):
        super().__init__(parent)
        self.outlets = outlets
        outlets.changed.connect(self._outlets_changed)

    def _outlets_changed(self, what: str) -> None:
        if what in ("order", "reset"):
            self.beginResetModel()
            self.endResetModel()
        elif self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.outlets.order)

    def doc_id(self, row: int) -> str:
        return self.outlets.order[row]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        if not self.outlets.blind:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.outlets.order):
            return None
        doc = self.outlets.order[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            ref = "  (reference)" if doc == self.outlets.reference else ""
            return self.outlets.label(doc) + ref
        if role == Qt.ItemDataRole.EditRole:
            return self.outlets.name(doc)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Unchecked if doc in self.outlets.hidden else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.FontRole and doc == self.outlets.reference:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Blind mode: names hidden" if self.outlets.blind else f"{self.outlets.name(doc)} ({doc})"
        if role == DocRole:
            return doc
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.row() >= len(self.outlets.order):
            return False
        doc = self.outlets.order[index.row()]
        if role == Qt.ItemDataRole.EditRole and not self.outlets.blind and isinstance(value, str):
            self.outlets.rename(doc, value)
            return True
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            self.outlets.set_hidden(doc, not checked)
            return True
        return False
