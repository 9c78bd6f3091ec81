"""The outlet menus: the Outlets menu of the menu bar, and the menu of a column header
(rename, hide, reference, move, raw article). They act on :class:`OutletState` only; what
the window must do itself (a rename dialog, the raw article) comes in as callbacks."""

from __future__ import annotations

from functools import partial
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from .outlet_state import OutletState

translate = QCoreApplication.translate


def add_outlet_actions(menu: QMenu, outlets: OutletState, doc_id: str, rename: Callable[[str], None],
                       show_raw: Callable[[str], None], show_all: QAction) -> None:
    """What can be done to one outlet, as entries of ``menu``."""
    label = outlets.label(doc_id)
    entry = menu.addAction(translate("Outlets", "Rename “{outlet}”…").format(outlet=label), lambda: rename(doc_id))
    entry.setEnabled(not outlets.blind)
    menu.addAction(translate("Outlets", "Hide “{outlet}”").format(outlet=label), lambda: outlets.set_hidden(doc_id, True))
    if outlets.reference == doc_id:
        menu.addAction(translate("Outlets", "Clear reference (compare all pairs)"), lambda: outlets.set_reference(None))
    else:
        menu.addAction(translate("Outlets", "Use “{outlet}” as reference").format(outlet=label), lambda: outlets.set_reference(doc_id))
    menu.addAction(translate("Outlets", "Move earlier"), lambda: outlets.move(doc_id, -1))
    menu.addAction(translate("Outlets", "Move later"), lambda: outlets.move(doc_id, 1))
    menu.addAction(translate("Outlets", "Show raw article"), lambda: show_raw(doc_id))
    menu.addSeparator()
    menu.addAction(show_all)


def fill_outlets_menu(menu: QMenu, outlets: OutletState, rename: Callable[[str], None],
                      show_raw: Callable[[str], None], show_all: QAction, blind: QAction) -> None:
    """The Outlets menu, made anew each time it opens: blind mode, the reference, and a
    submenu per outlet in the columns' order."""
    menu.clear()
    menu.addAction(blind)
    menu.addAction(show_all)
    menu.addSeparator()
    ref_menu = menu.addMenu(translate("Outlets", "&Reference"))
    group = QActionGroup(ref_menu)
    none = ref_menu.addAction(translate("Outlets", "None: compare all pairs"), lambda: outlets.set_reference(None))
    none.setCheckable(True)
    none.setChecked(outlets.reference is None)
    group.addAction(none)
    for doc in outlets.order:
        entry = ref_menu.addAction(outlets.label(doc), partial(outlets.set_reference, doc))
        entry.setCheckable(True)
        entry.setChecked(outlets.reference == doc)
        group.addAction(entry)
    menu.addSeparator()
    for doc in outlets.order:
        add_outlet_actions(menu.addMenu(outlets.label(doc)), outlets, doc, rename, show_raw, show_all)


def fill_shown_outlets_menu(menu: QMenu, outlets: OutletState, show_all: QAction, blind: QAction,
                            open_panel: Callable[[], None]) -> None:
    """The tool bar's Outlets menu: a tick per outlet (shown or not), in the columns' order."""
    menu.clear()
    for doc in outlets.order:
        entry = menu.addAction(outlets.label(doc))
        entry.setCheckable(True)
        entry.setChecked(doc not in outlets.hidden)
        entry.toggled.connect(lambda checked, d=doc: outlets.set_hidden(d, not checked))
        entry.setObjectName(f"show_outlet_{doc}")
    menu.addSeparator()
    menu.addAction(show_all)
    menu.addAction(blind)
    menu.addAction(translate("Outlets", "Outlets Panel (rename, order, reference)…"), open_panel)
