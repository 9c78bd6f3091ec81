"""The term table: which word pairs the outlets traded, how often, by whom."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from ...core.sharing.event_view import DIFFERENCE_CATEGORIES
from ..categories import CATEGORY_LABELS
from ..outlet_state import OutletState
from ..panel_models import CategoryFilterProxy, TermsModel
from ..roles import ItemRole
from .tables import item_table

translate = QCoreApplication.translate


class TermsPanel(QWidget):
    term_selected = Signal(object)  # TermPair

    def __init__(self, outlets: OutletState, parent=None):
        super().__init__(parent)
        self.model = TermsModel(outlets, self)
        self.proxy = CategoryFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.category = QComboBox()
        self.category.setObjectName("terms_category")
        self.category.addItem(translate("TermsPanel", "All categories"), None)
        for cat in DIFFERENCE_CATEGORIES:
            self.category.addItem(CATEGORY_LABELS[cat], cat)
        self.category.currentIndexChanged.connect(lambda _i: self.proxy.set_category(self.category.currentData()))
        self.table = item_table("terms_table", self.proxy, (110, 110, 90, 50))
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.empty = QLabel(translate("TermsPanel", "No term pairs in this event."))
        self.empty.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.category)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

    def set_view(self, view) -> None:
        self.model.set_view(view)
        direction = Qt.LayoutDirection.RightToLeft if view and view.direction == "rtl" else Qt.LayoutDirection.LeftToRight
        self.table.setLayoutDirection(direction)
        self.empty.setVisible(self.model.rowCount() == 0)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.term_selected.emit(current.data(ItemRole))
