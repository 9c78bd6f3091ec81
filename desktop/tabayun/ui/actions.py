"""Actions made one way everywhere in the window: text, shortcuts, tip, object name (tests
find actions by it), and owned by a widget so their shortcuts work with the menu bar hidden."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def make_action(owner: QWidget, text: str, slot=None, shortcuts=(), checkable: bool = False, tip: str = "",
                name: str = "") -> QAction:
    action = QAction(text, owner)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.setCheckable(checkable)
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    if name:
        action.setObjectName(name)
    if slot is not None:
        action.triggered.connect(slot)
    owner.addAction(action)
    return action
