"""Opening an event: progress by stage, the claims shown once aligned (before the words
are compared), and Esc / Cancel stopping the load with the event shown before intact."""

from __future__ import annotations

import shutil
import time

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
        at_loaded.append((window.stack.currentWidget() is window.preview, window.preview.rowCount(),
                          window.preview.columnCount()))
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
    assert window.preview.rowCount() == 0


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
