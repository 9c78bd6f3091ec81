"""How far the annotator has got, in the status bar: a bar and "12 of 40 reviewed", over
the differences F8 visits (the shown categories and outlets). The states come from core
(:mod:`tabayun.core.annotation.review`): a difference is reviewed when the annotator labelled
it, or judged it not framing with the Neutral code (N)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QProgressBar

from ..core.annotation.review import OPEN, ReviewIndex

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from ..core.annotation.codebook import Codebook
    from ..core.annotation.labels import Label
    from ..core.model import Slot
    from ..core.sharing.event_view import EventView


class ReviewProgress(QProgressBar):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("review_progress")
        self.setMaximumWidth(260)
        self.setTextVisible(True)
        self.index: ReviewIndex | None = None
        self.annotator = ""
        self.slots: list[Slot] | None = None  # what F8 visits now (None: no event)
        self.hide()

    def update_states(self, labels: Iterable[Label], codebook: Codebook, annotator: str) -> None:
        """Labels changed (or the annotator, or the codebook): the states are derived anew."""
        self.annotator = annotator
        self.index = ReviewIndex(labels, codebook, annotator or None)
        self._show()

    def state(self, slot: Slot) -> str:
        return self.index.state(slot) if self.index is not None else OPEN

    def set_scope(self, view: EventView | None, categories: set[str], reference: str | None,
                  visible: list[str]) -> None:
        """The differences F8 visits changed (event, shown categories or outlets, reference):
        collected once here, so a label's key press only looks their states up."""
        self.slots = None if view is None else [
            slot for row in range(len(view)) for slot, _d in view.stops(row, categories, reference, visible)]
        self._show()

    def _show(self) -> None:
        if self.slots is None or self.index is None:
            self.hide()
            return
        progress = self.index.progress(self.slots)
        self.setRange(0, max(1, progress.total))
        self.setValue(progress.reviewed)
        who = translate("ReviewProgress", " by {annotator}").format(annotator=self.annotator) if self.annotator else ""
        self.setFormat(translate("ReviewProgress", "{reviewed} of {total} reviewed").format(
            reviewed=progress.reviewed, total=progress.total) + who)
        self.setToolTip(translate("ReviewProgress", "{labelled} labelled, {no_framing} judged not framing (Neutral, N), "
                                  "{open} open.\nNext open difference: Ctrl+F8.").format(
            labelled=progress.labelled, no_framing=progress.no_framing, open=progress.total - progress.reviewed))
        self.show()
