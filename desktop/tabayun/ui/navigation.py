"""Going from difference to difference: F8 / Shift+F8, a pick in the Differences or Terms
panel; which difference is current, and showing it in the grid (its row scrolled to, its
two cells selected, filters cleared or outlets unhidden when they would hide it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..core.annotation.review import OPEN
from ..core.model import Difference, Slot
from .categories import CATEGORY_LABELS

translate = QCoreApplication.translate

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
        self.review_state: Callable[[Slot], str] | None = None  # set by the window when labelling is on
        self._term_cursor: tuple[object, int] | None = None
        differences_panel.difference_selected.connect(self._panel_difference_selected)

    def set_view(self, view: EventView | None) -> None:
        self.view = view
        self.current = None
        self.grid_model.set_current(None)
        self._term_cursor = None

    def step(self, direction: int, only_open: bool = False) -> bool:
        """Show the next (1) or previous (-1) difference, slot by slot in reading order
        (``only_open``: the next one the annotator has not reviewed); False at the end."""
        if self.view is None:
            return False
        rows = self.proxy.rowCount()
        current = self.grid.currentIndex()
        at = self.view.slot_of(self.current) if self.current is not None else None
        r, skip = (-1 if direction > 0 else rows), None  # before any difference: from the top
        if current.isValid() and self.current is not None:
            r = current.row()
            here = self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            if at is not None and self.view.rows[here].row_id == at.row_id:
                r, skip = r - direction, at.slot_id  # the rest of the current row first
        visible = self.outlets.visible()
        categories = self.categories()
        r += direction
        while 0 <= r < rows:
            source_row = self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            stops = self.view.stops(source_row, categories, self.outlets.reference, visible)
            for slot, d in (stops if direction > 0 else reversed(stops)):
                if skip is not None and (slot.slot_id - skip) * direction <= 0:
                    continue
                if only_open and self.review_state is not None and self.review_state(slot) != OPEN:
                    continue
                self.show(d)
                return True
            skip = None
            r += direction
        if only_open:
            self.status(translate("Navigation", "No further open difference") if direction > 0
                        else translate("Navigation", "No earlier open difference"), 3000)
        else:
            self.status(translate("Navigation", "No further difference") if direction > 0
                        else translate("Navigation", "No earlier difference"), 3000)
        return False

    def show_at(self, proxy_index, position: int) -> bool:
        """Make the difference under a clicked word current (``position``: a Python index
        into the cell's text); False where the outlet does not depart there."""
        if self.view is None or not proxy_index.isValid():
            return False
        row = self.proxy.mapToSource(proxy_index).row()
        doc = self.grid_model.doc_id(self.proxy.mapToSource(proxy_index).column())
        cell = self.view.cell(row, doc)
        if cell is None:
            return False
        d = self.view.difference_at(row, doc, cell.start + position, self.categories(), self.outlets.reference,
                                    self.outlets.visible())
        if d is None:
            return False
        self.show(d)
        return True

    def show(self, d: Difference, sync_panel: bool = True) -> None:
        """Scroll the grid to ``d``'s row and select its two cells."""
        if self.view is None:
            return
        source_row = self.view.row_index(d.row_id)
        proxy_index = self.proxy.mapFromSource(self.grid_model.index(source_row, 0))
        if not proxy_index.isValid():
            self.clear_filters()
            self.status(translate("Navigation", "Filters cleared to show the difference"), 3000)
            proxy_index = self.proxy.mapFromSource(self.grid_model.index(source_row, 0))
        for doc in (d.doc_a, d.doc_b):
            if doc in self.outlets.hidden:
                self.outlets.set_hidden(doc, False)
        columns = [self.grid_model.column_of(d.doc_a), self.grid_model.column_of(d.doc_b)]
        self.current = d
        self.grid_model.set_current(d)
        if self.grid._relayout_timer.isActive():
            self.grid.relayout_rows()
        self.grid.select_cells(proxy_index.row(), columns)
        if sync_panel:
            self.differences_panel.select_difference(d)
        self.shown.emit(d)
        self.status(
            translate("Navigation", "Row {row}: {outlet_a} «{words_a}» / {outlet_b} «{words_b}» ({category}, "
                      "score {score})").format(
                row=source_row, outlet_a=self.outlets.label(d.doc_a), words_a=d.a_text,
                outlet_b=self.outlets.label(d.doc_b), words_b=d.b_text,
                category=CATEGORY_LABELS.get(d.category, d.category), score=f"{d.score:.2f}"), 8000)

    def show_term(self, term) -> None:
        """Each pick of the same term pair shows its next difference, round the event."""
        if self.view is None or term is None:
            return
        found = self.view.differences_for_term(term.term_a, term.term_b)
        if not found:
            self.status(translate("Navigation", "No difference found for this term pair"), 3000)
            return
        n = 0
        if self._term_cursor and self._term_cursor[0] == term:
            n = (self._term_cursor[1] + 1) % len(found)
        self._term_cursor = (term, n)
        self.show(found[n])

    def _panel_difference_selected(self, d: Difference) -> None:
        if d is not None:
            self.show(d, sync_panel=False)
