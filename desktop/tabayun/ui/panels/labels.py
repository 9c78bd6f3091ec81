"""The labels panel: every label of the event, filterable; edit a note, a confidence or the
code, delete, and jump to a label in the grid."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QDoubleSpinBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout,
                               QWidget)

from ..label_models import LabelsModel
from ..outlet_state import OutletState
from ..panel_models import SourceSortingProxy
from ..roles import ItemRole
from .tables import item_table

translate = QCoreApplication.translate


class ElidedLabel(QLabel):
    """One line that gives up its width (elided in the middle, whole in the tooltip): a
    long path must not make the side panel wider than the screen, or cut off its other tabs."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)  # a path is data, never HTML
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, max(40, self.width())))


class LabelsPanel(QWidget):
    label_selected = Signal(object)  # Label
    note_edited = Signal(str, str)  # label_id, note
    confidence_edited = Signal(str, object)  # label_id, float | None
    delete_requested = Signal(str)  # label_id

    def __init__(self, outlets: OutletState, parent=None):
        super().__init__(parent)
        self.model = LabelsModel(outlets, self)
        self.proxy = SourceSortingProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit()
        self.filter.setObjectName("labels_filter")
        self.filter.setPlaceholderText(translate("LabelsPanel", "Filter labels (code, outlet, words, note, annotator)…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = item_table("labels_table", self.proxy, (110, 70, 110, 70, 110, 120, 40, 70, 36))
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # a name keeps its start, never "بي...سي"
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        self.note = QLineEdit()
        self.note.setObjectName("label_note")
        self.note.setPlaceholderText(translate("LabelsPanel", "Note on the selected label (Enter saves)"))
        self.confidence = QDoubleSpinBox()
        self.confidence.setObjectName("label_confidence")
        self.confidence.setRange(-0.1, 1.0)
        self.confidence.setSingleStep(0.1)
        self.confidence.setDecimals(1)
        self.confidence.setSpecialValueText(translate("LabelsPanel", "confidence: —"))
        self.confidence.setValue(-0.1)
        self.delete = QPushButton(translate("LabelsPanel", "Delete"))
        self.delete.setObjectName("label_delete")
        self.count = ElidedLabel()
        self.count.setStyleSheet("color: #555;")
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.note, 1)
        edit_row.addWidget(self.confidence)
        edit_row.addWidget(self.delete)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self.count)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda index: self.label_selected.emit(index.data(ItemRole)))
        self.note.returnPressed.connect(self._note_done)
        self.confidence.editingFinished.connect(self._confidence_done)
        self.delete.clicked.connect(self._delete)
        outlets.changed.connect(lambda what: what in ("names", "blind", "reset") and self.fit_columns())
        self._set_editor(None)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Each column as wide as its header with the sort arrow beside it (not over it), and
        the outlet and code columns as wide as the longest name they can show: measured on
        the names (a few), not on thousands of rows, so a key press stays fast."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        outlets = [self.model.outlets.label(d) for d in self.model.outlets.doc_ids]
        codes = [c.label_en for c in self.model.codebook.codes] if self.model.codebook else []
        names = {0: codes, 1: outlets, 3: outlets}
        for column in range(self.model.columnCount()):
            width = header.sectionSizeHint(column) + 6
            if names.get(column):
                extra = 22 + (20 if column == 0 else 0)  # padding; the code's colour swatch
                width = max(width, max(metrics.horizontalAdvance(n) for n in names[column]) + extra)
            width = min(width, 260) if column in names else max(width, self.table.columnWidth(column))
            self.table.setColumnWidth(column, width)

    def set_labels(self, labels, codebook, path: str = "") -> None:
        current = self.current_label()
        fit = codebook is not self.model.codebook
        self.model.set_labels(labels, codebook)
        if fit:
            self.fit_columns()
        n = len(labels)
        self.count.setText(translate("LabelsPanel", "%n label(s)", "", n) + (
            translate("LabelsPanel", " · saved in {path}").format(path=path) if path else ""))
        if current is not None:
            self.select_label(current.label_id, emit=False)
        else:
            self._set_editor(None)

    def current_label(self):
        index = self.table.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def select_label(self, label_id: str, emit: bool = True) -> None:
        row = self.model.row_of(label_id)
        if row < 0:
            self._set_editor(None)
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.blockSignals(not emit)
            self.table.selectionModel().blockSignals(not emit)
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
            self.table.selectionModel().blockSignals(False)
            self.table.blockSignals(False)
        self._set_editor(self.model.items[row])

    def _set_editor(self, label) -> None:
        for widget in (self.note, self.confidence, self.delete):
            widget.setEnabled(label is not None)
        self.note.setText(label.note if label is not None else "")
        self.confidence.setValue(-0.1 if label is None or label.confidence is None else label.confidence)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        label = current.data(ItemRole) if current.isValid() else None
        self._set_editor(label)
        if label is not None:
            self.label_selected.emit(label)

    def _note_done(self) -> None:
        label = self.current_label()
        if label is not None:
            self.note_edited.emit(label.label_id, self.note.text())

    def _confidence_done(self) -> None:
        label = self.current_label()
        if label is not None:
            value = self.confidence.value()
            self.confidence_edited.emit(label.label_id, None if value < 0 else round(value, 1))

    def _delete(self) -> None:
        label = self.current_label()
        if label is not None:
            self.delete_requested.emit(label.label_id)
