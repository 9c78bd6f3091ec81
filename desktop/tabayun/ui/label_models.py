"""Qt models over the codebook and the labels (they present, core decides)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractListModel, QCoreApplication, QModelIndex, QObject,
                            QPersistentModelIndex, Qt)
from PySide6.QtGui import QColor, QFont

from ..core.annotation.codebook import Code, Codebook
from ..core.annotation.labels import Label
from .i18n import current_language
from .outlet_state import OutletState
from .panel_models import SortedItems
from .roles import ItemRole, SortRole

translate = QCoreApplication.translate

_Index = QModelIndex | QPersistentModelIndex


class CodebookModel(QAbstractListModel):
    """The codes, in codebook order, each with its key, colour and both labels."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.codebook: Codebook | None = None
        self.suggested: str | None = None

    def set_codebook(self, codebook: Codebook) -> None:
        self.beginResetModel()
        self.codebook = codebook
        self.endResetModel()

    def set_suggested(self, code_id: str | None) -> None:
        if code_id != self.suggested:
            self.suggested = code_id
            if self.rowCount():
                self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1), [Qt.ItemDataRole.FontRole])

    def code_at(self, row: int) -> Code | None:
        if self.codebook is None or not 0 <= row < len(self.codebook.codes):
            return None
        return self.codebook.codes[row]

    def row_of(self, code_id: str) -> int:
        return self.codebook.ids.index(code_id) if self.codebook and code_id in self.codebook.ids else -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.codebook is None else len(self.codebook.codes)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        code = self.code_at(index.row()) if index.isValid() else None
        if code is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            key = f"[{code.key}]  " if code.key else ""
            star = translate("Codes", "  ← suggested") if code.id == self.suggested else ""
            names = code.label_ar if current_language() == "ar" else f"{code.label_en} · {code.label_ar}"
            return f"{key}{names}{star}"
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(code.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{code.id}: {code.definition}\n" + translate("Codes", "Example: {example}").format(example=code.example)
        if role == Qt.ItemDataRole.FontRole and code.id == self.suggested:
            font = QFont()
            font.setBold(True)
            return font
        if role == ItemRole:
            return code
        return None


SYNC_LIMIT = 50  # more labels added or removed at once (another window's batch): reset
# column headers: translated where they are shown (panel_models.TableModel.headerData)
LABEL_HEADERS = (QT_TRANSLATE_NOOP("Columns", "Code"), QT_TRANSLATE_NOOP("Columns", "Outlet"),
                 QT_TRANSLATE_NOOP("Columns", "Words"), QT_TRANSLATE_NOOP("Columns", "Other outlet"),
                 QT_TRANSLATE_NOOP("Columns", "Other words"), QT_TRANSLATE_NOOP("Columns", "Note"),
                 QT_TRANSLATE_NOOP("Columns", "Conf."), QT_TRANSLATE_NOOP("Columns", "Annotator"),
                 QT_TRANSLATE_NOOP("Columns", "Row"))


class LabelsModel(SortedItems):
    """All labels of the event, newest last; outlet names follow blind mode. Sorted in
    Python by the view's proxy (:class:`SourceSortingProxy`): a sorting proxy calling
    ``data`` per comparison takes seconds on thousands of labels."""

    COLUMNS = LABEL_HEADERS

    def __init__(self, outlets: OutletState, parent: QObject | None = None):
        super().__init__(parent)
        self.outlets = outlets
        self.codebook: Codebook | None = None
        self.items: list[Label] = []
        self._by_id: dict[str, Label] = {}  # the labels shown, by id
        self._last: list[Label] = []  # as last given, in the store's order
        outlets.changed.connect(lambda what: what in ("names", "blind", "reset") and self._refresh())

    def set_labels(self, labels: list[Label], codebook: Codebook | None) -> None:
        """Show ``labels``. A label added, removed or edited (the usual change: one key
        press) updates just its row; resetting a model of thousands of labels behind a
        sorting proxy would take seconds at every key press."""
        labels = list(labels)
        if codebook is not self.codebook or not self._sync(labels):
            self.beginResetModel()
            self.items = labels
            self._by_id = {label.label_id: label for label in labels}
            self._last = labels
            self.codebook = codebook
            self.endResetModel()
            self.resort()

    def _sync(self, labels: list[Label]) -> bool:
        """Apply a small change row by row: a new label is inserted where the view's sort
        puts it (a binary search, not a sort of every label), an edited one changes in its
        row. The store keeps an unchanged label the same object, so one pass over the
        labels by identity finds what changed. False when too much changed: then a reset."""
        if not self.items and labels:
            return False
        known, last, self._last = self._by_id, self._last, labels
        added, edited = [], []
        if len(labels) >= len(last) and labels[:len(last)] == last:  # compared in C, by identity first
            added = labels[len(last):]  # the usual change: new labels after the others
        else:
            for label in labels:
                had = known.get(label.label_id)
                if had is None:
                    added.append(label)
                elif had is not label:
                    edited.append(label)
        removed = len(known) + len(added) - len(labels)
        if len(added) + removed + len(edited) > SYNC_LIMIT:
            return False
        if removed:
            new = {label.label_id for label in labels}
            for row in reversed([row for row, label in enumerate(self.items) if label.label_id not in new]):
                self.beginRemoveRows(QModelIndex(), row, row)
                del known[self.items[row].label_id]
                del self.items[row]
                self.endRemoveRows()
        for label in edited:
            row = self.row_of(label.label_id)
            self.items[row] = known[label.label_id] = label
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        for label in added:
            row = self.insert_position(label)
            self.beginInsertRows(QModelIndex(), row, row)
            self.items.insert(row, label)
            known[label.label_id] = label
            self.endInsertRows()
        return True

    def _refresh(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def row_of(self, label_id: str) -> int:
        label = self._by_id.get(label_id)
        return -1 if label is None else self.row_of_item(label)

    def _value(self, label: Label, column: int):
        if column == 0:
            return self._code_label(label.code)
        if column in (1, 3):
            return (self._outlet(label.doc_id, label.outlet) if column == 1
                    else self._outlet(label.other_doc_id, label.other_outlet))
        if column == 6:
            return "" if label.confidence is None else f"{label.confidence:.1f}"
        if column == 8:
            return "" if label.row_id is None else label.row_id
        return getattr(label, ("", "", "text", "", "other_text", "note", "", "annotator")[column])

    def sort_key(self, label: Label, column: int):
        value = self._value(label, column)
        return (isinstance(value, str), value, label.created_at)  # empty row ids after numbers

    def _outlet(self, doc: str, fallback: str) -> str:
        if not doc:
            return ""
        return self.outlets.label(doc) if doc in self.outlets.outlets else fallback or doc

    def _code_label(self, code_id: str) -> str:
        try:
            return self.codebook.code(code_id).label(current_language()) if self.codebook else code_id
        except KeyError:
            return code_id  # a code of another codebook: shown as it is, never dropped

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        label = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            value = self._value(label, index.column())
            if role == SortRole:
                return value
            return value if index.column() not in (2, 4) else " ".join(str(value).split())
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and self.codebook is not None:
            try:
                return QColor(self.codebook.code(label.code).colour)
            except KeyError:
                return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self._code_label(label.code)}: «{label.text}»" + (
                f" / «{label.other_text}»" if label.other_doc_id else "") + (f"\n{label.note}" if label.note else "")
        if role == ItemRole:
            return label
        return None
