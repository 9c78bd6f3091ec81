"""The corpus view: the events of a corpus result (sortable, searchable; Enter or a
double-click opens one in the grid) and its outlet × term table."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from ...core.corpus.result import CorpusEvent, CorpusResult
from ..corpus_models import CorpusEventsModel, CorpusEventsProxy, OutletTermsModel, OutletTermsProxy
from ..roles import ItemRole
from .messagebar import MessageBar
from .tables import fit_columns, item_table

translate = QCoreApplication.translate

OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CorpusPanel(QWidget):
    event_activated = Signal(object)  # CorpusEvent

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("corpus_panel")
        self.result: CorpusResult | None = None
        self.title = QLabel()
        self.title.setObjectName("corpus_title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.messages = MessageBar()
        self.messages.setObjectName("corpus_messages")
        self.search = QLineEdit()
        self.search.setObjectName("corpus_search")
        self.search.setPlaceholderText(translate("CorpusPanel", "Search events: outlet, date, word, title, E00012…"))
        self.search.setToolTip(translate("CorpusPanel", "Every word must match (diacritics and hamza forms ignored). "
                                                        "Down or Enter goes to the list."))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())

        self.events_model = CorpusEventsModel(self)
        self.events_proxy = CorpusEventsProxy(self)
        self.events_proxy.setSourceModel(self.events_model)
        self.events_table = item_table("corpus_events", self.events_proxy, (76, 132, 64, 180, 96, 34, 240))
        self.events_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by id: by date, as numbered
        self.events_table.setToolTip("")
        header = self.events_table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)  # the user may put the columns in any order
        # shown as: Event, ✓, Dates, Articles, Word choices, Top variants, Outlets: what tells
        # events apart first, the long list of outlets last
        for visual, logical in enumerate((0, 5, 1, 2, 4, 6, 3)):
            header.moveSection(header.visualIndex(logical), visual)
        self.events_table.installEventFilter(self)
        self.events_table.doubleClicked.connect(self._open_index)
        self.events_table.setAccessibleName(translate("CorpusPanel", "Events of the corpus"))

        self.terms_model = OutletTermsModel(self)
        self.terms_proxy = OutletTermsProxy(self)
        self.terms_proxy.setSourceModel(self.terms_model)
        self.terms_table = item_table("corpus_terms", self.terms_proxy, (180, 110))
        self.terms_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.terms_table.setAccessibleName(translate("CorpusPanel", "Outlets and terms"))
        self.terms_empty = QLabel(translate("CorpusPanel", "No term recurs across events in this corpus."))
        self.terms_empty.setStyleSheet("color: #666;")
        self.terms_empty.setWordWrap(True)
        terms_page = QWidget()
        terms_layout = QVBoxLayout(terms_page)
        terms_layout.setContentsMargins(0, 4, 0, 0)
        terms_note = QLabel(translate("CorpusPanel", "Each cell: in k of the n events where the outlet reports the "
                                                     "term, it has this reading (k/n · share)."))
        terms_note.setWordWrap(True)
        terms_note.setStyleSheet("color: #555;")
        terms_layout.addWidget(terms_note)
        terms_layout.addWidget(self.terms_table, 1)
        terms_layout.addWidget(self.terms_empty)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("corpus_tabs")
        self.tabs.addTab(self.events_table, translate("CorpusPanel", "Events"))
        self.tabs.addTab(terms_page, translate("CorpusPanel", "Outlets × terms"))
        self.footer = QLabel()
        self.footer.setObjectName("corpus_footer")
        self.footer.setTextFormat(Qt.TextFormat.PlainText)
        self.footer.setWordWrap(True)
        self.footer.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.messages)
        layout.addWidget(self.search)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.footer)
        self.events_proxy.rowsInserted.connect(self._update_footer)
        self.events_proxy.rowsRemoved.connect(self._update_footer)
        self.events_proxy.modelReset.connect(self._update_footer)
        self.setFocusProxy(self.events_table)

    # --- the result ------------------------------------------------------------------------
    def set_result(self, result: CorpusResult) -> None:
        self.result = result
        info = result.info
        # the line runs in the interface's direction whatever the corpus's name
        mark = "\u200f" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "\u200e"
        self.title.setText(mark + translate(
            "CorpusPanel", "{name}: %n event(s), {articles} articles, {compared} compared", "", len(result.events)).format(
            # the name in a bidi isolate: a Latin name keeps an Arabic line Arabic
            name=f"\u2068{result.name}\u2069", articles=info.get("articles", len(result.articles)),
            compared=info.get("compared", sum(e.compared for e in result.events))))
        self.title.setToolTip(str(result.folder))
        if result.problems:
            self.messages.show_message("\n".join(result.problems), "warning")
        else:
            self.messages.dismiss()
        self.events_model.set_events(result.events, result.search_texts(), result.labelled_events())
        table = result.term_table()
        self.terms_model.set_table(table)
        self.terms_empty.setVisible(not table.rows)
        fit_columns(self.terms_table, {0: [r.term for r in table.rows[:200]], 1: [r.reading for r in table.rows[:200]]})
        for column in range(2, self.terms_model.columnCount()):
            self.terms_table.setColumnWidth(column, max(self.terms_table.columnWidth(column), 96))
        self._update_footer()
        if self.events_proxy.rowCount():
            self.events_table.setCurrentIndex(self.events_proxy.index(0, 0))

    def set_open_event(self, event_id: str | None) -> None:
        """Mark the event open in the grid and make it the list's current row."""
        self.events_model.set_open_event(event_id)
        row = self.events_model.row_of(event_id)
        if row >= 0:
            index = self.events_proxy.mapFromSource(self.events_model.index(row, 0))
            if index.isValid():
                self.events_table.setCurrentIndex(index)
                self.events_table.scrollTo(index)
        self._update_footer()

    def current_event(self) -> CorpusEvent | None:
        index = self.events_table.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def step(self, delta: int) -> CorpusEvent | None:
        """The event ``delta`` rows from the open one (or the current row) in the list as
        sorted and filtered; None past either end."""
        row = self.events_model.row_of(self.events_model.open_event)
        at = self.events_proxy.mapFromSource(self.events_model.index(row, 0)) if row >= 0 else QModelIndex()
        if at.isValid():
            target = at.row() + delta
        else:  # none open (or filtered out): the current row is the next one
            current = self.events_table.currentIndex()
            target = current.row() if current.isValid() else (0 if delta > 0 else self.events_proxy.rowCount() - 1)
        if not 0 <= target < self.events_proxy.rowCount():
            return None
        return self.events_proxy.index(target, 0).data(ItemRole)

    # --- search and keys -------------------------------------------------------------------
    def set_query(self, query: str) -> None:
        self.search.setText(query)
        self._search_timer.stop()
        self._apply_search()

    def _apply_search(self) -> None:
        query = self.search.text()
        self.events_proxy.set_query(query)
        self.terms_proxy.set_query(query)
        if not self.events_table.currentIndex().isValid() and self.events_proxy.rowCount():
            self.events_table.setCurrentIndex(self.events_proxy.index(0, 0))
        self._update_footer()

    def focus_list(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.events_table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.events_table.currentIndex().isValid() and self.events_proxy.rowCount():
            self.events_table.setCurrentIndex(self.events_proxy.index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            if watched is self.events_table and event.key() in OPEN_KEYS:
                self._open_index(self.events_table.currentIndex())
                return True
            if watched is self.search and event.key() in (Qt.Key.Key_Down, *OPEN_KEYS):
                self._search_timer.stop()
                self._apply_search()
                self.focus_list()
                return True
        return super().eventFilter(watched, event)

    def _open_index(self, index: QModelIndex) -> None:
        event = index.data(ItemRole) if index.isValid() else None
        if event is not None:
            self.event_activated.emit(event)

    def _update_footer(self, *_args) -> None:
        total = self.events_model.rowCount()
        shown = self.events_proxy.rowCount()
        parts = [translate("CorpusPanel", "{shown} of %n event(s) shown", "", total).format(shown=shown)
                 if shown != total else translate("CorpusPanel", "%n event(s)", "", total)]
        if self.events_model.open_event:
            parts.append(translate("CorpusPanel", "open: {event}").format(event=self.events_model.open_event))
        parts.append(translate("CorpusPanel", "Enter or a double-click opens an event"))
        self.footer.setText("   ·   ".join(parts))
