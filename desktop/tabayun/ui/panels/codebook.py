"""The codebook palette: click a code, press its key, or type to find one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from ...core.annotation.codebook import Codebook
from ..label_models import CodebookModel
from ..grid_model import refilter_rows
from ..roles import ItemRole

translate = QCoreApplication.translate


class _CodeFilter(QSortFilterProxyModel):
    """Codes whose id or labels match the typed text (the codebook's own search)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.matches: set[str] | None = None

    def set_query(self, codebook: Codebook | None, text: str) -> None:
        matches = None if not text.strip() or codebook is None else {c.id for c in codebook.search(text)}
        refilter_rows(self, lambda: setattr(self, "matches", matches))

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        if self.matches is None:
            return True
        code = self.sourceModel().code_at(row)
        return code is not None and code.id in self.matches


class CodebookPanel(QWidget):
    code_chosen = Signal(str)  # a code id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = CodebookModel(self)
        self.proxy = _CodeFilter(self)
        self.proxy.setSourceModel(self.model)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # the codebook's "# name:" line is data
        self.title.setStyleSheet("color: #555;")
        self.search = QLineEdit()
        self.search.setObjectName("code_search")
        self.search.setPlaceholderText(translate("CodebookPanel", "Find a code (English or Arabic)… Enter applies the first"))
        self.search.setClearButtonEnabled(True)
        self.list = QListView()
        self.list.setObjectName("code_list")
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setUniformItemSizes(True)
        self.hint = QLabel(translate("CodebookPanel", "Select a highlighted difference, a marker, an omission or a "
                                     "cell, then press a code's key (1–9, letters) or click it. Enter takes the "
                                     "suggested code. Ctrl+Z undoes."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        self.search.textChanged.connect(lambda text: self.proxy.set_query(self.model.codebook, text))
        self.search.returnPressed.connect(self._apply_first)
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._activated)

    def set_codebook(self, codebook: Codebook) -> None:
        self.model.set_codebook(codebook)
        self.title.setText(translate("CodebookPanel", "{name}, version {version}").format(
            name=codebook.name, version=codebook.version))

    def set_suggested(self, code_id: str | None) -> None:
        self.model.set_suggested(code_id)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _apply_first(self) -> None:
        if self.proxy.rowCount():
            self._activated(self.proxy.index(0, 0))
            self.search.clear()

    def _activated(self, index: QModelIndex) -> None:
        code = index.data(ItemRole) if index.isValid() else None
        if code is not None:
            self.code_chosen.emit(code.id)
