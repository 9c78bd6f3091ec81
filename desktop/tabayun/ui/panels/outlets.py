"""The outlets: show/hide (tick), rename (double-click), reorder, reference, blind mode."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QListView, QPushButton,
                               QVBoxLayout, QWidget)

from ..outlet_state import OutletState

from ..panel_models import OutletsModel

from ..roles import DocRole

translate = QCoreApplication.translate


class OutletsPanel(QWidget):
    def __init__(self, outlets: OutletState, parent=None):
        super().__init__(parent)
        self.outlets = outlets
        self.model = OutletsModel(outlets, self)
        self.list = QListView()
        self.list.setObjectName("outlets_list")
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)

        def button(text: str, tip: str, slot) -> QPushButton:
            b = QPushButton(text)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            return b

        self.up = button(translate("OutletsPanel", "Earlier"), translate("OutletsPanel", "Move the outlet one column towards the start"), lambda: self._move(-1))
        self.down = button(translate("OutletsPanel", "Later"), translate("OutletsPanel", "Move the outlet one column towards the end"), lambda: self._move(1))
        self.reference = button(translate("OutletsPanel", "Reference"),
                                translate("OutletsPanel", "Compare every outlet with this one only (click again to clear)"),
                                self._toggle_reference)
        self.show_all = button(translate("OutletsPanel", "Show all"), translate("OutletsPanel", "Show every outlet"), outlets.show_all)
        self.blind = QCheckBox(translate("OutletsPanel", "Blind mode: letters instead of names"))
        self.blind.setObjectName("blind_check")
        self.blind.toggled.connect(outlets.set_blind)
        outlets.changed.connect(lambda what: self._sync_blind() if what in ("blind", "reset") else None)

        buttons = QHBoxLayout()
        for b in (self.up, self.down, self.reference, self.show_all):
            buttons.addWidget(b)
        hint = QLabel(translate("OutletsPanel", "Tick to show, double-click to rename, drag column headers to reorder."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.blind)
        layout.addWidget(hint)

    def _sync_blind(self) -> None:
        self.blind.blockSignals(True)
        self.blind.setChecked(self.outlets.blind)
        self.blind.blockSignals(False)

    def _selected_doc(self) -> str | None:
        idx = self.list.currentIndex()
        return idx.data(DocRole) if idx.isValid() else None

    def _move(self, steps: int) -> None:
        doc = self._selected_doc()
        if doc:
            self.outlets.move(doc, steps)
            self.list.setCurrentIndex(self.model.index(self.outlets.order.index(doc)))

    def _toggle_reference(self) -> None:
        doc = self._selected_doc()
        if doc:
            self.outlets.set_reference(None if self.outlets.reference == doc else doc)
