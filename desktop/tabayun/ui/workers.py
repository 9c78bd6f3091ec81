"""Run core calls off the GUI thread (Picard style): ``run_task(func, on_done, on_error)``.

``func`` runs on the global QThreadPool. Its result (or exception) comes back to the GUI
thread through a queued signal, so ``on_done``/``on_error`` may touch widgets. If
``func`` accepts a ``progress`` keyword, it gets a callable ``progress(stage, fraction)``
that is safe to call from the worker; ``on_progress`` receives it on the GUI thread. If
it accepts a ``partial`` keyword, it gets a callable ``partial(value)`` for a first part
of the result (rows to show before the rest is ready); ``on_partial`` receives it.

``run_task`` returns a :class:`Task`; ``Task.cancel()`` stops the work at its next
``progress`` or ``partial`` call (they raise :class:`Cancelled` in the worker), and
nothing it sends after the cancel reaches the GUI thread: a cancelled task is never
half shown.
"""

from __future__ import annotations

import inspect
import threading
import time
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

_alive: set["_TaskSignals"] = set()  # keep signal objects alive until their task reports


class Cancelled(Exception):
    """Raised in a worker at its next progress report once its task was cancelled."""


class Task:
    """A task started by :func:`run_task`; ``cancel()`` from the GUI thread stops it."""

    def __init__(self) -> None:
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        """In the worker: raise Cancelled if the task was cancelled."""
        if self._cancelled.is_set():
            raise Cancelled()


class _TaskSignals(QObject):
    done = Signal(object)
    failed = Signal(object, str)
    progress = Signal(str, float)
    partial = Signal(object)


class _Task(QRunnable):
    def __init__(self, func: Callable[..., Any], signals: _TaskSignals, task: Task, keywords: set[str]):
        super().__init__()
        self.setAutoDelete(True)
        self._func = func
        self._signals = signals
        self._task = task
        self._keywords = keywords

    def run(self) -> None:  # worker thread
        task, signals = self._task, self._signals

        def progress(stage: str, fraction: float) -> None:
            task.check()
            signals.progress.emit(stage, float(fraction))

        def partial(value: Any) -> None:
            task.check()
            signals.partial.emit(value)

        given = {"progress": progress, "partial": partial}
        try:
            task.check()
            result = self._func(**{k: v for k, v in given.items() if k in self._keywords})
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI thread, not lost
            signals.failed.emit(exc, traceback.format_exc())
        else:
            signals.done.emit(result)


def _keywords(func: Callable[..., Any]) -> set[str]:
    try:
        return set(inspect.signature(func).parameters) & {"progress", "partial"}
    except (TypeError, ValueError):
        return set()


def run_task(func: Callable[..., Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None] | None = None,
             on_progress: Callable[[str, float], None] | None = None,
             pool: QThreadPool | None = None,
             on_partial: Callable[[Any], None] | None = None) -> Task:
    """Run ``func()`` on a worker thread; call ``on_done(result)`` or ``on_error(exc)`` on
    the GUI thread. Must be called from the GUI thread. After ``Task.cancel()`` none of
    the callbacks is called."""
    signals = _TaskSignals()  # created here: lives in the GUI thread, so emits are queued
    task = Task()

    def finish() -> None:
        _alive.discard(signals)
        signals.deleteLater()

    def done(result: Any) -> None:
        try:
            if not task.cancelled:
                on_done(result)
        finally:
            finish()

    def failed(exc: BaseException, trace: str) -> None:
        try:
            if task.cancelled or isinstance(exc, Cancelled):
                pass
            elif on_error is not None:
                on_error(exc)
            else:
                print(trace)
        finally:
            finish()

    signals.done.connect(done)
    signals.failed.connect(failed)
    if on_progress is not None:
        signals.progress.connect(lambda stage, fraction: task.cancelled or on_progress(stage, fraction))
    if on_partial is not None:
        signals.partial.connect(lambda value: task.cancelled or on_partial(value))
    _alive.add(signals)
    (pool or QThreadPool.globalInstance()).start(_Task(func, signals, task, _keywords(func)))
    return task


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
