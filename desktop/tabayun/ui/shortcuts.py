"""Help → Keyboard Shortcuts: a table made from the window's actions themselves, so a
shortcut added anywhere (menus, the grid, the panels, the code keys) is listed without
anyone remembering to write it down here."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QMenu, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

translate = QCoreApplication.translate

# Keys that no action carries: handled by a widget's own key handling.
OTHER_KEYS = (
    ("Shift+Left, Shift+Right; Ctrl+Shift+Left, Ctrl+Shift+Right; Esc",
     QT_TRANSLATE_NOOP("Shortcuts", "Select words inside the current cell; move the selection; clear it"),
     QT_TRANSLATE_NOOP("Shortcuts", "grid")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Enter; Down"),
     QT_TRANSLATE_NOOP("Shortcuts", "Open the chosen event in the grid; from the search box to the list"),
     QT_TRANSLATE_NOOP("Shortcuts", "Corpus panel")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Arrows, Space; Down; B; R; P"),
     QT_TRANSLATE_NOOP("Shortcuts", "Step; reveal; blind quiz; reveal names; handout"),
     QT_TRANSLATE_NOOP("Shortcuts", "classroom mode")),
)

# Where a widget-only shortcut works, said in the user's words (by the widget's object name).
PLACES = {"grid": QT_TRANSLATE_NOOP("Shortcuts", "grid"),
          "differences_table": QT_TRANSLATE_NOOP("Shortcuts", "Differences table"),
          "labels_table": QT_TRANSLATE_NOOP("Shortcuts", "Labels table"),
          "raw_article": QT_TRANSLATE_NOOP("Shortcuts", "raw article")}


def ANYWHERE() -> str:
    return translate("Shortcuts", "anywhere in the window")


def action_name(action: QAction) -> str:
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip("…").rstrip(".").strip()


def where(action: QAction) -> str:
    if action.shortcutContext() != Qt.ShortcutContext.WidgetShortcut:
        return ANYWHERE()
    places = []
    for widget in action.associatedObjects():
        # a menu only shows the action; the window owns every action (make_action): neither is a place
        if isinstance(widget, QWidget) and not isinstance(widget, QMenu) and not widget.isWindow():
            place = (translate("Shortcuts", PLACES[widget.objectName()]) if widget.objectName() in PLACES
                     else widget.objectName() or type(widget).__name__)
            if place not in places:
                places.append(place)
    return translate("Shortcuts", ", ", "between the places a key works").join(places)


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
    rows.sort(key=lambda r: (r[2] != ANYWHERE(), r[1].casefold()))
    return rows + [tuple(translate("Shortcuts", text) for text in row) for row in OTHER_KEYS]


def shortcuts_dialog(window: QWidget) -> QDialog:
    rows = shortcut_rows(window)
    dialog = QDialog(window)
    dialog.setObjectName("shortcuts_dialog")
    dialog.setWindowTitle(translate("Shortcuts", "Keyboard shortcuts"))
    table = QTableWidget(len(rows), 3)
    table.setObjectName("shortcuts_table")
    table.setHorizontalHeaderLabels([translate("Shortcuts", "Keys"), translate("Shortcuts", "What"),
                                     translate("Shortcuts", "Where")])
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.resizeColumnsToContents()
    # the keys of the widget-only rows are long: wrap them, so the action's name keeps its room
    table.setColumnWidth(0, min(table.columnWidth(0), 230))
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    # rows wrap at the widths the shown dialog gives the columns
    table.horizontalHeader().sectionResized.connect(lambda *_: QTimer.singleShot(0, table.resizeRowsToContents))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(760, 560)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
