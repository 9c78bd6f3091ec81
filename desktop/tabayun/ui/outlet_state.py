"""What the user made of an event's outlets (names, order, hidden, reference, blind mode),
shared by the grid, the panels and classroom mode."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..core.sharing.event_view import blind_label


class OutletState(QObject):
    """What the user made of the outlets: names, order, hidden ones, reference, blind mode.

    ``order`` is the visual order of the columns (first = start of the reading direction).
    """

    changed = Signal(str)  # "names" | "order" | "hidden" | "reference" | "blind" | "reset"

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.doc_ids: list[str] = []
        self.outlets: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.order: list[str] = []
        self.hidden: set[str] = set()
        self.reference: str | None = None
        self.blind = False

    def reset(self, outlets: dict[str, str], layout: dict | None = None) -> None:
        layout = layout or {}
        self.doc_ids = list(outlets)
        self.outlets = dict(outlets)
        self.names = {d: str(n) for d, n in (layout.get("names") or {}).items() if d in outlets and n}
        order = [d for d in (layout.get("order") or []) if d in outlets]
        self.order = order + [d for d in self.doc_ids if d not in order]
        self.hidden = {d for d in (layout.get("hidden") or []) if d in outlets}
        if len(self.hidden) >= len(self.doc_ids):
            self.hidden = set()
        ref = layout.get("reference")
        self.reference = ref if ref in outlets else None
        self.changed.emit("reset")

    def layout(self) -> dict:
        return {"names": self.names, "order": self.order, "hidden": sorted(self.hidden), "reference": self.reference}

    # --- labels -------------------------------------------------------------------
    def name(self, doc_id: str) -> str:
        """The outlet's name as the user set it (never the blind letter)."""
        return self.names.get(doc_id) or self.outlets.get(doc_id, doc_id)

    def label(self, doc_id: str) -> str:
        """What the window calls the outlet: its name, or its letter in blind mode."""
        if self.blind:
            return blind_label(self.doc_ids.index(doc_id)) if doc_id in self.doc_ids else "?"
        return self.name(doc_id)

    def visible(self) -> list[str]:
        return [d for d in self.order if d not in self.hidden]

    # --- changes ------------------------------------------------------------------
    def rename(self, doc_id: str, name: str) -> None:
        name = name.strip()
        if not name or name == self.outlets.get(doc_id):
            self.names.pop(doc_id, None)
        else:
            self.names[doc_id] = name
        self.changed.emit("names")

    def set_hidden(self, doc_id: str, hidden: bool) -> None:
        if hidden and len(self.visible()) <= 1 and doc_id not in self.hidden:
            return  # keep one outlet on screen
        (self.hidden.add if hidden else self.hidden.discard)(doc_id)
        if hidden and self.reference == doc_id:
            self.reference = None
            self.changed.emit("reference")
        self.changed.emit("hidden")

    def show_all(self) -> None:
        self.hidden.clear()
        self.changed.emit("hidden")

    def set_order(self, order: list[str]) -> None:
        if sorted(order) == sorted(self.doc_ids) and order != self.order:
            self.order = list(order)
            self.changed.emit("order")

    def move(self, doc_id: str, steps: int) -> None:
        order = list(self.order)
        i = order.index(doc_id)
        j = max(0, min(len(order) - 1, i + steps))
        order.insert(j, order.pop(i))
        self.set_order(order)

    def set_reference(self, doc_id: str | None) -> None:
        if doc_id != self.reference:
            self.reference = doc_id
            if doc_id is not None:
                self.hidden.discard(doc_id)
            self.changed.emit("reference")

    def set_blind(self, blind: bool) -> None:
        if blind != self.blind:
            self.blind = blind
            self.changed.emit("blind")
