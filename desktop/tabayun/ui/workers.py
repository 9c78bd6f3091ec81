"""Run core calls off the GUI thread (Picard style): ``run_task(func, on_done, on_error)``.

``func`` runs on the global QThreadPool. Its result (or exception) comes back to the GUI
thread through a queued signal, so ``on_done``/``on_error`` may touch widgets. If
``func`` accepts a ``progress`` keyword, it gets a callable ``progress(stage, fraction)``
that is safe to call from the worker; ``on_progress`` receives it on the GUI thread.
"""

from __future__ import annotations

import inspect
import time
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

_alive: set["_TaskSignals"] = set()  # keep signal objects alive until their task reports


class _TaskSignals(QObject):
    done = Signal(object)
    failed = Signal(object, str)
    progress = Signal(str, float)


class _Task(QRunnable):
    def __init__(self, func: Callable[..., Any], signals: _TaskSignals, wants_progress: bool):
        super().__init__()
        self.setAutoDelete(True)
        self._func = func
        self._signals = signals
        self._wants_progress = wants_progress

    def run(self) -> None:  # worker thread
        try:
            if self._wants_progress:
                result = self._func(progress=lambda stage, fraction: self._signals.progress.emit(stage, float(fraction)))
            else:
                result = self._func()
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI thread, not lost
            self._signals.failed.emit(exc, traceback.format_exc())
        else:
            self._signals.done.emit(result)


def _accepts_progress(func: Callable[..., Any]) -> bool:
    try:
        return "progress" in inspect.signature(func).parameters
    except (TypeError, ValueError):
        return False


def run_task(func: Callable[..., Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None] | None = None,
             on_progress: Callable[[str, float], None] | None = None,
             pool: QThreadPool | None = None) -> None:
    """Run ``func()`` on a worker thread; call ``on_done(result)`` or ``on_error(exc)`` on
    the GUI thread. Must be called from the GUI thread."""
    signals = _TaskSignals()  # created here: lives in the GUI thread, so emits are queued

    def finish() -> None:
        _alive.discard(signals)
        signals.deleteLater()

    def done(result: Any) -> None:
        try:
            on_done(result)
        finally:
            finish()

    def failed(exc: BaseException, trace: str) -> None:
        try:
            if on_error is not None:
                on_error(exc)
            else:
                print(trace)
        finally:
            finish()

    signals.done.connect(done)
    signals.failed.connect(failed)
    if on_progress is not None:
        signals.progress.connect(on_progress)
    _alive.add(signals)
    (pool or QThreadPool.globalInstance()).start(_Task(func, signals, _accepts_progress(func)))


def wait_for_tasks(timeout_ms: int = 30000) -> bool:
    """Block until every task started with the global pool has finished (for shutdown,
    tests, benchmarks); False if some still run after ``timeout_ms``.

    Not ``QThreadPool.waitForDone``: PySide keeps the GIL through that call, so a task
    running Python could never finish and the wait would always last the full timeout.
    Sleeping releases the GIL. Results still arrive as queued signals: process events
    afterwards to receive them.
    """
    pool = QThreadPool.globalInstance()
    deadline = time.monotonic() + timeout_ms / 1000
    while pool.activeThreadCount() > 0:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True
