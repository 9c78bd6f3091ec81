"""The side panels' table models (differences, terms, outlets) over the core's results.

They hold no analysis: every value comes from :class:`tabayun.core.sharing.event_view.EventView`
(or the comparison it wraps).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractListModel, QAbstractTableModel, QCoreApplication, QModelIndex,
                            QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt)
from PySide6.QtGui import QFont

from ..core.analysis.collate import reference_reading
from ..core.model import Difference, Slot
from ..core.sharing.event_view import EventView
from .categories import CATEGORY_COLOURS, CATEGORY_LABELS
from .grid_model import refilter_rows
from .outlet_state import OutletState
from .roles import DocRole, ItemRole, SortRole

translate = QCoreApplication.translate

_Index = QModelIndex | QPersistentModelIndex


class SortedItems(QAbstractTableModel):
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
            return translate("Columns", self.COLUMNS[section]) if section < len(self.COLUMNS) else None
        return str(section + 1)

    def insert_position(self, item) -> int:
        """The row where ``item`` goes in the view's last sort (after its equals; the end
        when unsorted): a binary search, computing a dozen keys, not a sort."""
        if self.sorted_by is None:
            return len(self.items)
        column, order = self.sorted_by
        key = self.sort_key(item, column)
        descending = order == Qt.SortOrder.DescendingOrder
        low, high = 0, len(self.items)
        while low < high:
            middle = (low + high) // 2
            other = self.sort_key(self.items[middle], column)
            if (other < key) if descending else (other > key):
                high = middle
            else:
                low = middle + 1
        return low

    def row_of_item(self, item) -> int:
        """The row of ``item`` (the object itself): a binary search in the sorted rows,
        then a look along its equals; -1 if it is not shown."""
        start = 0
        if self.sorted_by is not None:
            start = self.insert_position(item)
            column = self.sorted_by[0]
            key = self.sort_key(item, column)
            while start > 0 and self.sort_key(self.items[start - 1], column) == key:
                start -= 1
            for row in range(start, len(self.items)):
                if self.items[row] is item:
                    return row
                if self.sort_key(self.items[row], column) != key:
                    break
        return next((row for row, other in enumerate(self.items) if other is item), -1)

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
    """Filters here, sorts in the source model (see :class:`SortedItems`)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)


@dataclass(frozen=True)
class SlotLine:
    """One line of the Differences panel: a slot of the apparatus, and the difference a click
    selects (its first departing outlet against the reading it departs from)."""

    slot: Slot
    difference: Difference


def _outlets_text(outlets: OutletState, doc_ids, limit: int = 2) -> str:
    names = [outlets.label(d) for d in doc_ids if d not in outlets.hidden]
    more = len(names) - limit
    return ", ".join(names[:limit]) + (f" +{more}" if more > 0 else "")


class DifferencesModel(SortedItems):
    """One line per slot: who departs and with which words, against the majority reading
    (or, without one, the first reading) and who has that."""

    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "Row"), QT_TRANSLATE_NOOP("Columns", "Outlets"),
               QT_TRANSLATE_NOOP("Columns", "Their words"), QT_TRANSLATE_NOOP("Columns", "Majority's words"),
               QT_TRANSLATE_NOOP("Columns", "Majority outlets"), QT_TRANSLATE_NOOP("Columns", "Score"),
               QT_TRANSLATE_NOOP("Columns", "Category"))
    OUTLET_COLUMNS = (1, 4)

    def __init__(self, outlets: OutletState, parent: QObject | None = None):
        super().__init__(parent)
        self.outlets = outlets
        self.view: EventView | None = None
        self.items: list[SlotLine] = []
        outlets.changed.connect(self._outlets_changed)

    def set_view(self, view: EventView | None) -> None:
        self.beginResetModel()
        self.view = view
        self.items = [SlotLine(slot, d) for slot, d in view.slot_lines()] if view else []
        self.endResetModel()
        self.resort()  # a new event in the order the view shows (by score, highest first)

    def outlet_names(self) -> list[str]:
        """The names an outlets cell shows (one or two of them, then "+n"), to size its column
        by: one name fits whole; a longer list ends in "…", whole in the tooltip."""
        return [self.outlets.label(d) for d in self.outlets.doc_ids if d not in self.outlets.hidden]

    def _sides(self, line: SlotLine) -> tuple[str, str, str, str]:
        slot = line.slot
        ref = reference_reading(slot)
        departing = [r for r in slot.readings if r is not ref]
        nothing = translate("Differences", "(nothing)")
        words = " · ".join(f"«{r.text}»" if r.text else nothing for r in departing)
        doc_ids = [d for r in departing for d in r.doc_ids]
        return (_outlets_text(self.outlets, doc_ids), words, f"«{ref.text}»" if ref.text else nothing,
                _outlets_text(self.outlets, ref.doc_ids))

    def sort_key(self, line: SlotLine, column: int):
        slot = line.slot
        if column == 0:
            return (self.view.row_index(slot.row_id) if self.view else slot.row_id, slot.slot_id)
        if column == 5:
            return slot.score
        if column == 6:
            return (CATEGORY_LABELS.get(slot.category, slot.category), slot.row_id)
        return (self._sides(line)[column - 1], slot.row_id)

    def _outlets_changed(self, what: str) -> None:
        if what in ("names", "blind", "reset", "hidden") and self.items:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self.items) - 1, 4))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        line = self.items[index.row()]
        slot = line.slot
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            if col == 0:
                row_pos = self.view.row_index(slot.row_id) if self.view else slot.row_id
                return row_pos if role == SortRole else str(row_pos)
            if col == 5:
                return slot.score if role == SortRole else f"{slot.score:.2f}"
            if col == 6:
                return CATEGORY_LABELS.get(slot.category, slot.category)
            return self._sides(line)[col - 1]
        if role == Qt.ItemDataRole.DecorationRole:
            return CATEGORY_COLOURS.get(slot.category) if col == 6 else None
        if role == ItemRole:
            return line.difference
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [translate("Differences", "{category}, score {score}").format(
                category=CATEGORY_LABELS.get(slot.category, slot.category), score=f"{slot.score:.2f}")]
            for r in slot.readings:
                mark = translate("Differences", " (majority)") if r.majority else ""
                names = ", ".join(self.outlets.label(d) for d in r.doc_ids)
                text = f"«{r.text}»" if r.text else translate("Differences", "(nothing)")
                lines.append(f"{text}{mark}: {names}")
            return "\n".join(lines)
        if role == Qt.ItemDataRole.FontRole and slot.category == "lexical" and col in (2, 3):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def line_of(self, difference: Difference) -> SlotLine | None:
        """The line of the slot a difference belongs to (a difference from F8 or a click in
        the grid is one outlet's reading against another's)."""
        for line in self.items:
            slot = line.slot
            if slot.row_id != difference.row_id or slot.category != difference.category:
                continue
            for doc, start, end in ((difference.doc_a, difference.a_start, difference.a_end),
                                    (difference.doc_b, difference.b_start, difference.b_end)):
                reading = slot.reading_of(doc)
                w = reading.witness(doc) if reading else None
                if w is not None and (w.start, w.end) == (start, end) and w.end > w.start:
                    return line
        return None


class DifferencesFilterProxy(SourceSortingProxy):
    """Filters the slots by category, outlet pair (both read, and differently) and minimum
    score; hides slots where the shown outlets all read alike."""

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
        slot = model.items[source_row].slot
        if self.category and slot.category != self.category:
            return False
        if self.outlets.hidden and sum(1 for r in slot.readings
                                       if any(d not in self.outlets.hidden for d in r.doc_ids)) < 2:
            return False
        if self.pair:
            a, b = slot.reading_of(self.pair[0]), slot.reading_of(self.pair[1])
            if a is None or b is None or a is b:
                return False
        return slot.score >= self.min_score


class TermsModel(SortedItems):
    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "Usual term"), QT_TRANSLATE_NOOP("Columns", "Marked term"),
               QT_TRANSLATE_NOOP("Columns", "Category"), QT_TRANSLATE_NOOP("Columns", "Count"),
               QT_TRANSLATE_NOOP("Columns", "Outlets"))

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
            ref = translate("Differences", "  (reference)") if doc == self.outlets.reference else ""
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
            return translate("Differences", "Blind mode: names hidden") if self.outlets.blind else f"{self.outlets.name(doc)} ({doc})"
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
