"""Help → Keyboard Shortcuts is made from the window's actions; menus show the keys people use."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTableWidget

from tabayun.core.analysis.normalize import fold

from .conftest import key_of, press


def _table_rows(dialog) -> list[tuple[str, str, str]]:
    table = dialog.findChild(QTableWidget, "shortcuts_table")
    return [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]


def test_shortcuts_table_lists_every_action_with_a_shortcut(qtbot, labelling_window):
    w = labelling_window
    w.act_keys.trigger()
    dialog = w.shortcuts_dialog
    rows = _table_rows(dialog)
    listed_keys = {k.strip() for keys, _what, _where in rows for k in keys.split(", ")}
    with_shortcuts = [a for a in w.findChildren(QAction) if any(not k.isEmpty() for k in a.shortcuts())]
    assert len(with_shortcuts) > 30  # menus, docks, the grid's Enter and every code key
    for action in with_shortcuts:
        for key in action.shortcuts():
            assert key.toString(QKeySequence.SequenceFormat.NativeText) in listed_keys, action.text()
    # the ones the hand-written list forgot
    for key in ("Ctrl+E", "Ctrl+Q", "Ctrl+Del", "Ctrl+Shift+F", "F8", "Shift+F8", "F9", "Ctrl+P", key_of("agency")):
        assert key in listed_keys, key
    by_what = {what: (keys, where) for keys, what, where in rows}
    assert by_what["Export"][0] == "Ctrl+E" and by_what["Export"][1] == "anywhere in the window"
    assert "grid" in by_what["Label with the Suggested Code"][1]
    dialog.close()


def test_go_menu_shows_f8_and_undo_names_the_code(qtbot, labelling_window):
    w = labelling_window
    assert w.act_next.shortcut() == QKeySequence("F8")  # the one a menu shows
    assert w.act_prev.shortcut() == QKeySequence("Shift+F8")
    d = next(d for d in w.view.comparison.differences if {fold(d.a_text), fold(d.b_text)} == {"الحرب", "الدفاع"})
    w.show_difference(d)
    press(qtbot, w, key_of("referent_label"))
    assert w.labelling.act_undo.text() == "&Undo label: Referent label"
    w.labelling.act_undo.trigger()
    assert w.labelling.act_redo.text() == "&Redo label: Referent label"
