"""Label → Agreement Between Annotators: the core's agreement report as tables in the
window (per code, confusion per pair of annotators, the spans they disagree on), with a
jump from a disagreement to its span in the grid when it is in the open event."""

from __future__ import annotations

import math
import numbers
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex,
                            Qt)
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTableView, QTabWidget,
                               QVBoxLayout, QWidget)

from .panels.tables import item_table

translate = QCoreApplication.translate

if TYPE_CHECKING:
    import pandas as pd

    from ..core.annotation.agreement import AgreementReport

_Index = QModelIndex | QPersistentModelIndex
ItemRowRole = Qt.ItemDataRole.UserRole + 40  # the frame's row, as a dict


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return translate("Agreement", "n/a") if math.isnan(value) else f"{value:.2f}"
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


class FrameModel(QAbstractTableModel):
    """A read-only table over a pandas frame: the ``columns`` shown under ``headers``; with
    ``index_header`` the frame's index is the first column (a confusion table's codes)."""

    def __init__(self, frame: pd.DataFrame | None = None, columns: list[str] | None = None,
                 headers: dict[str, str] | None = None, index_header: str = "", parent: QObject | None = None):
        super().__init__(parent)
        self.frame = frame
        self.columns: list[str] = []
        self.headers = headers or {}
        self.index_header = index_header
        self.set_frame(frame, columns)

    def set_frame(self, frame: pd.DataFrame | None, columns: list[str] | None = None) -> None:
        self.beginResetModel()
        self.frame = frame
        self.columns = [] if frame is None else [c for c in (columns or list(frame.columns)) if c in frame.columns]
        self._rows = [] if frame is None else list(frame.itertuples(index=True, name=None))
        self._where = {} if frame is None else {c: list(frame.columns).index(c) + 1 for c in self.columns}
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns) + (1 if self.index_header else 0)

    def _value(self, row: int, column: int) -> Any:
        values = self._rows[row]
        if self.index_header:
            if column == 0:
                return values[0]
            column -= 1
        return values[self._where[self.columns[column]]]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _shown(self._value(index.row(), index.column()))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            value = self._value(index.row(), index.column())
            if isinstance(value, numbers.Number) and not isinstance(value, bool):
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return None
        if role == ItemRowRole:
            values = self._rows[index.row()]
            return dict(zip(self.frame.columns, values[1:]))
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or section < 0:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if self.index_header:
            if section == 0:
                return self.index_header
            section -= 1
        if section >= len(self.columns):
            return None
        name = self.columns[section]
        return self.headers.get(name, str(name))


def _table(name: str, model: FrameModel) -> QTableView:
    """A side-panel style table (panels.tables), unsorted, its columns fitted to what they hold."""
    table = item_table(name, model, (), sortable=False)
    table.resizeColumnsToContents()
    for c in range(model.columnCount()):
        table.setColumnWidth(c, min(260, table.columnWidth(c) + 12))
    return table


class AgreementDialog(QDialog):
    """``jump(doc_id, start, end, text)`` shows a span in the grid and says whether it could."""

    def __init__(self, report: AgreementReport, code_name: Callable[[str], str],
                 jump: Callable[[str, int, int, str], bool], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agreement_dialog")
        self.setWindowTitle(translate("Agreement", "Agreement between annotators"))
        self.report, self.code_name, self.jump = report, code_name, jump

        summary = QLabel("\n".join(report.summary_lines()[:3]))
        summary.setObjectName("agreement_summary")
        summary.setTextFormat(Qt.TextFormat.PlainText)  # annotator names are data, never HTML
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        per_code = report.agreement_frame().copy()
        per_code["code"] = [translate("Agreement", "(all codes)") if c == "(all codes)" else code_name(c) for c in per_code["code"]]
        self.per_code = FrameModel(per_code, headers={"code": translate("Agreement", "Code"),
                                                      "items": translate("Agreement", "Spans"),
                                                      "kappa": translate("Agreement", "Cohen's κ"),
                                                      "alpha": translate("Agreement", "Krippendorff's α")}, parent=self)
        self.per_code_table = _table("agreement_per_code", self.per_code)

        self.pair = QComboBox()
        self.pair.setObjectName("agreement_pair")
        for a, b in report.confusion:
            self.pair.addItem(translate("Agreement", "{a} (rows) × {b} (columns)").format(a=a, b=b), (a, b))
        self.confusion = FrameModel(parent=self)
        self.confusion_table = _table("agreement_confusion", self.confusion)
        self.pair.currentIndexChanged.connect(self._show_pair)
        self._show_pair()
        confusion_page = QWidget()
        confusion_layout = QVBoxLayout(confusion_page)
        confusion_layout.setContentsMargins(0, 0, 0, 0)
        pair_row = QHBoxLayout()
        pair_row.addWidget(QLabel(translate("Agreement", "Annotators:")))
        pair_row.addWidget(self.pair, 1)
        confusion_layout.addLayout(pair_row)
        confusion_layout.addWidget(self.confusion_table, 1)

        disagreements = report.disagreements.copy()
        annotator_columns = list(disagreements.columns[-len(report.annotators):]) if report.annotators else []
        for column in annotator_columns:
            disagreements[column] = [code_name(c) if c else "" for c in disagreements[column]]
        self.disagreements = FrameModel(
            disagreements, ["row_id", "outlet", "text", "other_outlet", "other_text"] + annotator_columns,
            {"row_id": translate("Agreement", "Row"), "outlet": translate("Agreement", "Outlet"),
             "text": translate("Agreement", "Words"), "other_outlet": translate("Agreement", "Other outlet"),
             "other_text": translate("Agreement", "Other words")}, parent=self)
        self.disagreements_table = _table("agreement_disagreements", self.disagreements)
        self.disagreements_table.activated.connect(self._jump)
        self.jump_note = QLabel(translate("Agreement", "Double-click or Enter: show the span in the grid."))
        self.jump_note.setObjectName("agreement_jump_note")
        self.jump_note.setStyleSheet("color: #555;")
        disagreements_page = QWidget()
        disagreements_layout = QVBoxLayout(disagreements_page)
        disagreements_layout.setContentsMargins(0, 0, 0, 0)
        disagreements_layout.addWidget(self.disagreements_table, 1)
        disagreements_layout.addWidget(self.jump_note)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.per_code_table, translate("Agreement", "Per code"))
        self.tabs.addTab(confusion_page, translate("Agreement", "Confusion"))
        self.tabs.addTab(disagreements_page, translate("Agreement", "Disagreements ({n})").format(n=len(disagreements)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(820, 560)

    def _show_pair(self, *_args) -> None:
        pair = self.pair.currentData()
        if pair is None:
            self.confusion.set_frame(None)
            return
        table = self.report.confusion[pair].copy()
        table.index = [self.code_name(c) for c in table.index]
        table.columns = [self.code_name(c) for c in table.columns]
        self.confusion.index_header = f"{pair[0]} ↓ / {pair[1]} →"
        self.confusion.set_frame(table)
        self.confusion_table.resizeColumnsToContents()

    def _jump(self, index: QModelIndex) -> None:
        item = index.data(ItemRowRole)
        if not item:
            return
        shown = self.jump(str(item["doc_id"]), int(item["char_start"]), int(item["char_end"]), str(item["text"]))
        self.jump_note.setText(translate("Agreement", "Shown in the grid.") if shown else
                               translate("Agreement", "This span is not in the open event: open that event to see it "
                                         "in the grid."))
