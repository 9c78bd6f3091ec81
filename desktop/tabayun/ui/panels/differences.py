"""The event's apparatus as a sortable, filterable table, one line per slot (the readings and
their outlets): selecting one shows it in the grid."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget)

from ...core.model import Difference
from ...core.sharing.event_view import DIFFERENCE_CATEGORIES
from ..categories import CATEGORY_LABELS
from ..outlet_state import OutletState
from ..panel_models import DifferencesFilterProxy, DifferencesModel
from ..roles import ItemRole
from .tables import fit_columns, item_table

translate = QCoreApplication.translate


class DifferencesPanel(QWidget):
    difference_selected = Signal(object)  # Difference

    def __init__(self, outlets: OutletState, parent=None):
        super().__init__(parent)
        self.outlets = outlets
        self.model = DifferencesModel(outlets, self)
        self.proxy = DifferencesFilterProxy(outlets, self)
        self.proxy.setSourceModel(self.model)
        self._quiet = False

        self.category = QComboBox()
        self.category.setObjectName("diff_category")
        self.category.addItem(translate("DifferencesPanel", "All categories"), None)
        for cat in DIFFERENCE_CATEGORIES:
            self.category.addItem(CATEGORY_LABELS[cat], cat)
        self.pair = QComboBox()
        self.pair.setObjectName("diff_pair")
        self.pair.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.pair.setMinimumContentsLength(12)
        self.min_score = QDoubleSpinBox()
        self.min_score.setObjectName("diff_min_score")
        self.min_score.setRange(0.0, 1.0)
        self.min_score.setSingleStep(0.05)
        self.min_score.setDecimals(2)
        self.min_score.setPrefix(translate("DifferencesPanel", "score ≥ "))
        for w in (self.category, self.pair):
            w.currentIndexChanged.connect(self._filters_changed)
        self.min_score.valueChanged.connect(self._filters_changed)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.category)
        filters.addWidget(self.pair, 1)
        filters.addWidget(self.min_score)

        self.table = item_table("differences_table", self.proxy, (32, 58, 110, 110, 58, 44, 104))
        # Highest score first: word choices before spelling, added words and rewording.
        self.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        # What kind and how strong beside the row number, then the words, then who: a narrow
        # side panel scrolls away the outlets, not the words (the model keeps its columns).
        header.moveSection(header.visualIndex(6), 1)
        header.moveSection(header.visualIndex(5), 2)
        header.moveSection(header.visualIndex(1), 5)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        self.count = QLabel()
        self.count.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        outlets.changed.connect(self._outlets_changed)

    def set_view(self, view) -> None:
        self.model.set_view(view)
        direction = Qt.LayoutDirection.RightToLeft if view and view.direction == "rtl" else Qt.LayoutDirection.LeftToRight
        self.table.setLayoutDirection(direction)
        self.fit_columns()
        self._fill_pairs()
        self._update_count()

    def fit_columns(self) -> None:
        """Headers whole with their sort arrow; the outlet columns as wide as the names."""
        names = self.model.outlet_names()
        categories = [CATEGORY_LABELS[c] for c in DIFFERENCE_CATEGORIES]
        fit_columns(self.table, {1: names, 4: names, 6: categories}, extra={6: 20})  # 6: its colour swatch

    def _outlets_changed(self, what: str) -> None:
        if what in ("names", "blind", "reset", "hidden"):
            self.fit_columns()
            self._fill_pairs()

    def _fill_pairs(self) -> None:
        current = self.pair.currentData()
        self.pair.blockSignals(True)
        self.pair.clear()
        self.pair.addItem(translate("DifferencesPanel", "All outlet pairs"), None)
        pairs = sorted({tuple(sorted((line.difference.doc_a, line.difference.doc_b))) for line in self.model.items},
                       key=lambda p: (self.outlets.order.index(p[0]) if p[0] in self.outlets.order else 0,
                                      self.outlets.order.index(p[1]) if p[1] in self.outlets.order else 0))
        for a, b in pairs:
            if a in self.outlets.hidden or b in self.outlets.hidden:
                continue
            self.pair.addItem(f"{self.outlets.label(a)} / {self.outlets.label(b)}", (a, b))
        i = self.pair.findData(current)
        self.pair.setCurrentIndex(max(0, i))
        self.pair.blockSignals(False)

    def _filters_changed(self, *_args) -> None:
        self.proxy.set_filter(self.category.currentData(), self.pair.currentData(), self.min_score.value())
        self._update_count()

    def _update_count(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(translate("DifferencesPanel", "{shown} of %n variant(s)", "", total).format(shown=shown)
                           if shown != total else translate("DifferencesPanel", "%n variant(s)", "", total))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.difference_selected.emit(current.data(ItemRole))

    def select_difference(self, difference: Difference) -> bool:
        """Make the line of ``difference``'s slot the panel's current row without emitting
        ``difference_selected``."""
        line = self.model.line_of(difference)
        for r in range(self.proxy.rowCount() if line is not None else 0):
            idx = self.proxy.index(r, 0)
            if idx.data(ItemRole) == line.difference:
                self._quiet = True
                try:
                    self.table.selectionModel().setCurrentIndex(
                        idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                    self.table.scrollTo(idx)
                finally:
                    self._quiet = False
                return True
        self.table.clearSelection()
        return False

    def current_difference(self) -> Difference | None:
        idx = self.table.currentIndex()
        return idx.data(ItemRole) if idx.isValid() else None
