"""Opening an event: progress by stage, each article's first sentences shown once split (marked
as not aligned), the claims once aligned (before the words are compared), and Esc / Cancel
stopping the load at any of these with the event shown before intact."""

from __future__ import annotations

import shutil
import time

import pytest

from PySide6.QtCore import Qt

from tabayun.ui.workers import run_task, wait_for_tasks

from .conftest import open_and_wait


def test_a_cancelled_task_stops_at_its_next_report_and_reports_nothing(qtbot):
    reached, results = [], []

    def work(progress):
        for i in range(200):
            progress("step", i / 200)
            reached.append(i)
            time.sleep(0.005)
        return "finished"

    progressed = []
    task = run_task(work, results.append, results.append, on_progress=lambda s, f: progressed.append(f))
    qtbot.waitUntil(lambda: bool(progressed), timeout=5000)
    task.cancel()
    assert wait_for_tasks(5000)
    qtbot.wait(20)  # deliver anything queued
    assert results == []  # neither the result nor the Cancelled error reaches the GUI thread
    assert len(reached) < 200  # the work stopped, not only its result dropped


def test_opening_shows_stages_and_the_aligned_claims_before_the_grid(qtbot, window, sample_dir, monkeypatch):
    formats, at_loaded = [], []
    window.progress.valueChanged.connect(lambda _v: formats.append(window.progress.format()))
    shown = window._loaded

    def loaded(*args):
        at_loaded.append((window.stack.currentWidget() is window.preview, window.preview.table.rowCount(),
                          window.preview.table.columnCount()))
        shown(*args)

    monkeypatch.setattr(window, "_loaded", loaded)
    with qtbot.waitSignal(window.event_loaded, timeout=30000):
        window.open_paths([str(sample_dir)])
        assert window.progress.isVisible() and window.cancel_button.isVisible()
    stages = {f.split("…")[0] for f in formats}
    assert {"aligning", "finding markers"} <= stages or {"aligning", "comparing words"} <= stages
    # When the result came, the claims were already on screen, one column per outlet.
    ((previewed, rows, columns),) = at_loaded
    assert previewed and rows > 5 and columns == len(window.view.comparison.articles)
    assert window.stack.currentWidget() is window.grid
    assert not window.progress.isVisible() and not window.cancel_button.isVisible()
    assert window.preview.table.rowCount() == 0 and window.preview.notice.text() == ""


def test_esc_or_cancel_leaves_the_event_shown_before_intact(qtbot, window, sample_dir, tmp_path):
    open_and_wait(qtbot, window, [sample_dir])
    view, title, rows = window.view, window.windowTitle(), window.grid_model.rowCount()
    status = window.status_label.text()
    other = tmp_path / "other"
    other.mkdir()
    for path in sorted(sample_dir.glob("*.txt"))[:3]:
        shutil.copy(path, other / path.name)
    for how in ("esc", "button"):
        loaded = []
        window.event_loaded.connect(lambda: loaded.append(1))
        window.open_paths([str(other)])
        assert window.loading and window.cancel_button.isVisible()
        if how == "esc":
            qtbot.keyClick(window.grid, Qt.Key.Key_Escape)
        else:
            qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
        assert not window.loading
        assert wait_for_tasks(30000)
        qtbot.wait(50)  # whatever the worker sent is delivered now, and dropped
        assert loaded == []
        assert window.view is view and window.windowTitle() == title and window.grid_model.rowCount() == rows
        assert window.stack.currentWidget() is window.grid
        assert window.status_label.text() == status
        assert not window.progress.isVisible() and not window.cancel_button.isVisible()
        assert "cancelled" in window.statusBar().currentMessage()
    open_and_wait(qtbot, window, [other])  # and the next open works as usual
    assert len(window.view.comparison.articles) == 3


def test_cancelling_the_first_event_goes_back_to_the_empty_window(qtbot, window, sample_dir):
    window.open_paths([str(sample_dir)])
    window.cancel_loading()
    assert wait_for_tasks(30000)
    qtbot.wait(50)
    assert window.view is None and window.stack.currentWidget() is window.placeholder
    assert "Open articles" in window.placeholder.text()


def test_the_unaligned_text_comes_first_marked_then_the_aligned_claims(qtbot, window, sample_dir, monkeypatch):
    seen = []
    show_units, show_rows = window._first_units, window._first_rows

    def state(kind):
        table = window.preview.table
        cells = [[(table.item(r, c).text(), table.item(r, c).font().italic()) if table.item(r, c) else None
                  for c in range(table.columnCount())] for r in range(min(3, table.rowCount()))]
        seen.append((kind, window.stack.currentWidget() is window.preview, table.aligned,
                     window.preview.notice.text(), table.columnCount(), cells))

    def units(articles, first):
        show_units(articles, first)
        state("units")
        seen[-1] += (articles, first)

    def rows(articles, first):
        show_rows(articles, first)
        state("rows")

    monkeypatch.setattr(window, "_first_units", units)
    monkeypatch.setattr(window, "_first_rows", rows)
    open_and_wait(qtbot, window, [sample_dir])
    assert [s[0] for s in seen] == ["units", "rows"]
    (_, shown, aligned, notice, columns, cells, articles, first), rows_state = seen
    assert shown and not aligned and columns == len(window.view.comparison.articles)
    assert notice.startswith("Not aligned yet") and "not one claim" in notice
    # each column is its outlet's own first sentences, in its order, greyed and slanted
    for c, doc in enumerate(articles):
        for r in range(min(3, len(first[doc]))):
            assert cells[r][c] == (" ".join(first[doc][r].text.split()), True)
    assert rows_state[1] and rows_state[2] and "Not aligned" not in rows_state[3]
    assert not any(cell[1] for line in rows_state[5] for cell in line if cell is not None)


def _cancel_at(window, monkeypatch, qtbot, stage: str, cancelled: list) -> None:
    """Press Esc as soon as the preview of ``stage`` ("units" or "rows") is on screen."""
    attribute = "_first_units" if stage == "units" else "_first_rows"
    shown = getattr(window, attribute)

    def show_then_cancel(*args):
        shown(*args)
        assert window.stack.currentWidget() is window.preview and window.preview.table.rowCount() > 0
        qtbot.keyClick(window.preview.table, Qt.Key.Key_Escape)
        cancelled.append(stage)

    monkeypatch.setattr(window, attribute, show_then_cancel)


@pytest.mark.parametrize("stage", ["units", "rows"])
def test_esc_during_a_preview_restores_the_event_shown_before(qtbot, window, sample_dir, tmp_path, monkeypatch,
                                                               stage):
    open_and_wait(qtbot, window, [sample_dir])
    view, title, rows = window.view, window.windowTitle(), window.grid_model.rowCount()
    status = window.status_label.text()
    other = tmp_path / "other"
    other.mkdir()
    for path in sorted(sample_dir.glob("*.txt"))[:3]:
        shutil.copy(path, other / path.name)
    cancelled, loaded = [], []
    _cancel_at(window, monkeypatch, qtbot, stage, cancelled)
    later = []
    if stage == "units":  # nothing of this load may come after the cancel
        monkeypatch.setattr(window, "_first_rows", lambda *args: later.append(args))
    window.event_loaded.connect(lambda: loaded.append(1))
    window.open_paths([str(other)])
    qtbot.waitUntil(lambda: cancelled == [stage], timeout=30000)
    assert wait_for_tasks(30000)
    qtbot.wait(50)
    assert not window.loading and loaded == [] and later == []
    assert window.view is view and window.windowTitle() == title and window.grid_model.rowCount() == rows
    assert window.stack.currentWidget() is window.grid
    assert window.preview.table.rowCount() == 0 and window.preview.notice.text() == ""
    assert window.status_label.text() == status
    assert not window.progress.isVisible() and not window.cancel_button.isVisible()


def test_esc_during_the_unaligned_preview_of_the_first_event_empties_the_window(qtbot, window, sample_dir,
                                                                                 monkeypatch):
    cancelled = []
    _cancel_at(window, monkeypatch, qtbot, "units", cancelled)
    window.open_paths([str(sample_dir)])
    qtbot.waitUntil(lambda: cancelled == ["units"], timeout=30000)
    assert wait_for_tasks(30000)
    qtbot.wait(50)
    assert window.view is None and window.stack.currentWidget() is window.placeholder
    assert window.preview.table.rowCount() == 0
    assert "Open articles" in window.placeholder.text()


def test_a_wide_event_previews_readable_columns_scrolling_sideways(qtbot, window, sample_dir):
    from tabayun.core.analysis.readers import load_paths
    from tabayun.core.analysis.units import split_units
    from tabayun.core.model import Article
    from tabayun.ui.grid import MIN_COLUMN_WIDTH

    loaded = load_paths([sample_dir]).articles
    articles = {f"{a.doc_id}-{k}": Article(f"{a.doc_id}-{k}", a.text, a.outlet) for k in range(5) for a in loaded}
    units = {d: split_units(a)[1] for d, a in articles.items()}
    window.preview.show_units(articles, units)
    window.stack.setCurrentWidget(window.preview)
    table = window.preview.table
    assert table.columnCount() == len(articles) > 20
    assert all(table.columnWidth(c) >= MIN_COLUMN_WIDTH for c in range(table.columnCount()))
    assert table.horizontalScrollBar().maximum() > 0
