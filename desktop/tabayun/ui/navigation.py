"""Going from difference to difference: F8 / Shift+F8, a pick in the Differences or Terms
panel; which difference is current, and showing it in the grid (its row scrolled to, its
two cells selected, filters cleared or outlets unhidden when they would hide it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Signal

from ..core.model import Difference
from .categories import CATEGORY_LABELS

if TYPE_CHECKING:
    from ..core.sharing.event_view import EventView
    from .grid import GridView
    from .grid_model import GridModel, RowFilterProxy
    from .outlet_state import OutletState
    from .panels.differences import DifferencesPanel


class DifferenceNavigator(QObject):
    shown = Signal(object)  # the Difference now current

    def __init__(self, grid: GridView, proxy: RowFilterProxy, grid_model: GridModel, outlets: OutletState,
                 differences_panel: DifferencesPanel, categories: Callable[[], set[str]],
                 status: Callable[..., None], clear_filters: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self.grid, self.proxy, self.grid_model, self.outlets = grid, proxy, grid_model, outlets
        self.differences_panel = differences_panel
        self.categories, self.status, self.clear_filters = categories, status, clear_filters
        self.view: EventView | None = None
        self.current: Difference | None = None
        self._term_cursor: tuple[object, int] | None = None
        differences_panel.difference_selected.connect(self._panel_difference_selected)

    def set_view(self, view: EventView | None) -> None:
        self.view = view
        self.current = None
        self._term_cursor = None

    def step(self, direction: int) -> bool:
        """Show the next (1) or previous (-1) row's lead difference; False at the end."""
        if self.view is None:
            return False
        rows = self.proxy.rowCount()
        current = self.grid.currentIndex()
        # Before any difference was shown, F8 starts above the first row (Qt puts the
        # current index on row 0 at start, whose differences would be skipped).
        shown = current.isValid() and self.current is not None
        start = current.row() if shown else (-1 if direction > 0 else rows)
        visible = self.outlets.visible()
        categories = self.categories()
        r = start + direction
        while 0 <= r < rows:
            source_row = self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            d = self.view.lead_difference(source_row, categories, self.outlets.reference, visible)
            if d is not None:
                self.show(d)
                return True
            r += direction
        self.status("No further difference" if direction > 0 else "No earlier difference", 3000)
        return False

    def show(self, d: Difference, sync_panel: bool = True) -> None:
        """Scroll the grid to ``d``'s row and select its two cells."""
        if self.view is None:
            return
        source_row = self.view.row_index(d.row_id)
        proxy_index = self.proxy.mapFromSource(self.grid_model.index(source_row, 0))
        if not proxy_index.isValid():
            self.clear_filters()
            self.status("Filters cleared to show the difference", 3000)
            proxy_index = self.proxy.mapFromSource(self.grid_model.index(source_row, 0))
        for doc in (d.doc_a, d.doc_b):
            if doc in self.outlets.hidden:
                self.outlets.set_hidden(doc, False)
        columns = [self.grid_model.column_of(d.doc_a), self.grid_model.column_of(d.doc_b)]
        self.current = d
        if self.grid._relayout_timer.isActive():
            self.grid.relayout_rows()
        self.grid.select_cells(proxy_index.row(), columns)
        if sync_panel:
            self.differences_panel.select_difference(d)
        self.shown.emit(d)
        self.status(
            f"Row {source_row}: {self.outlets.label(d.doc_a)} «{d.a_text}» / {self.outlets.label(d.doc_b)} "
            f"«{d.b_text}» ({CATEGORY_LABELS.get(d.category, d.category)}, score {d.score:.2f})", 8000)

    def show_term(self, term) -> None:
        """Each pick of the same term pair shows its next difference, round the event."""
        if self.view is None or term is None:
            return
        found = self.view.differences_for_term(term.term_a, term.term_b)
        if not found:
            self.status("No difference found for this term pair", 3000)
            return
        n = 0
        if self._term_cursor and self._term_cursor[0] == term:
            n = (self._term_cursor[1] + 1) % len(found)
        self._term_cursor = (term, n)
        self.show(found[n])

    def _panel_difference_selected(self, d: Difference) -> None:
        if d is not None:
            self.show(d, sync_panel=False)
