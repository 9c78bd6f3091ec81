"""The window on a small screen (1366×768): few chrome rows, every outlet in view, outlets
chosen from the tool bar."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction

from .conftest import open_and_wait


def test_compact_layout_at_1366x768(qtbot, settings, sample_dir):
    from tabayun.ui.fonts import article_font
    from tabayun.ui.main_window import MainWindow

    w = MainWindow(settings, article_font())
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    open_and_wait(qtbot, w, [sample_dir])
    qtbot.wait(100)  # the side panel is sized once the window is shown
    # the legend is one line of the tool bar area, the message bar takes no row without a message
    assert w.legend.isVisible() and w.legend.height() <= 2 * w.main_toolbar.height()
    legend_top = w.legend.mapTo(w, QPoint(0, 0)).y()
    assert legend_top <= w.main_toolbar.mapTo(w, QPoint(0, 0)).y() + w.main_toolbar.height()  # in the tool bar area
    assert not w.message_bar.isVisible()
    assert w.grid.mapTo(w, w.grid.rect().topLeft()).y() < 110  # menu, tool bar, legend: then the grid
    # all five outlets side by side, no sideways scrolling; more than the headline row in view
    assert w.grid.horizontalScrollBar().maximum() == 0
    assert all(w.grid.columnWidth(c) >= w.grid.min_column_width() for c in range(5))
    assert w.grid.rowAt(w.grid.viewport().height() - 1) >= 1 or w.grid.rowAt(w.grid.viewport().height() - 1) == -1
    assert w.side_dock.width() <= 0.3 * 1366


def test_outlets_chosen_from_the_tool_bar(qtbot, sample_window):
    w = sample_window
    menu = w.outlets_button.menu()
    menu.aboutToShow.emit()
    ticks = [a for a in menu.actions() if a.objectName().startswith("show_outlet_")]
    assert [a.text() for a in ticks] == [w.outlets.label(d) for d in w.outlets.order]
    assert all(a.isChecked() for a in ticks)
    doc = w.outlets.order[1]
    next(a for a in ticks if a.objectName() == f"show_outlet_{doc}").trigger()
    assert doc in w.outlets.hidden and w.grid.isColumnHidden(w.grid_model.column_of(doc))
    menu.aboutToShow.emit()
    again = next(a for a in menu.actions() if a.objectName() == f"show_outlet_{doc}")
    assert not again.isChecked()
    again.trigger()
    assert doc not in w.outlets.hidden
    panel = next(a for a in menu.actions() if isinstance(a, QAction) and a.text().startswith("Outlets Panel"))
    panel.trigger()
    assert w.tabs.currentWidget() is w.outlets_panel
