"""Help → Keyboard Shortcuts: a table made from the window's actions themselves, so a
shortcut added anywhere (menus, the grid, the panels, the code keys) is listed without
anyone remembering to write it down here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

# Keys that no action carries: handled by a widget's own key handling.
OTHER_KEYS = (
    ("Shift+Left, Shift+Right; Ctrl+Shift+Left, Ctrl+Shift+Right; Esc",
     "Select words inside the current cell; move the selection; clear it", "grid"),
    ("Arrows, Space; Down; B; R; P", "Step; reveal; blind quiz; reveal names; handout", "classroom mode"),
)

# Where a widget-only shortcut works, said in the user's words (by the widget's object name).
PLACES = {"grid": "grid", "differences_table": "Differences table", "labels_table": "Labels table",
          "raw_article": "raw article"}


def action_name(action: QAction) -> str:
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip("…").rstrip(".").strip()


def where(action: QAction) -> str:
    if action.shortcutContext() != Qt.ShortcutContext.WidgetShortcut:
        return "anywhere in the window"
    places = []
    for widget in action.associatedObjects():
        if isinstance(widget, QWidget):
            place = PLACES.get(widget.objectName(), widget.objectName() or type(widget).__name__)
            if place not in places:
                places.append(place)
    return ", ".join(places)


def shortcut_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """(keys, what, where) for every action of ``window`` (and its parts) with a shortcut,
    then the keys that are not actions."""
    rows = []
    seen = set()
    for action in window.findChildren(QAction):
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty()]
        if not keys:
            continue
        row = (", ".join(keys), action_name(action), where(action))
        if row not in seen:
            seen.add(row)
            rows.append(row)
    rows.sort(key=lambda r: (r[2] != "anywhere in the window", r[1].casefold()))
    return rows + list(OTHER_KEYS)


def shortcuts_dialog(window: QWidget) -> QDialog:
    rows = shortcut_rows(window)
    dialog = QDialog(window)
    dialog.setObjectName("shortcuts_dialog")
    dialog.setWindowTitle("Keyboard shortcuts")
    table = QTableWidget(len(rows), 3)
    table.setObjectName("shortcuts_table")
    table.setHorizontalHeaderLabels(["Keys", "What", "Where"])
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.resizeColumnsToContents()
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(760, 560)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
