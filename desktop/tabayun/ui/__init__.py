"""Tabayun's window (PySide6). Imports Qt; core never imports this package."""

from __future__ import annotations

import sys


def _guard_none_refcount() -> None:
    """Work around a refcount bug of PySide6 6.12 on Python < 3.12.

    There, every Qt call that returns nothing (``widget.update()``, ``repaint()``, an
    invalid ``index.data()``...) hands back ``None`` without taking a reference to it. On
    Python 3.12+ ``None`` is immortal and nothing happens; on 3.10/3.11 each such call
    drops ``None``'s reference count by one, and a few thousand calls later (a little
    scrolling) the interpreter aborts with "Fatal Python error: none_dealloc". We detect
    the leak with one harmless call and, only if it is there, give ``None`` the same
    effectively-infinite reference count that Python 3.12 gives it.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    try:
        import ctypes

        from PySide6.QtCore import QObject
    except ImportError:
        return
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")  # returns None
    if sys.getrefcount(None) < before:
        refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt, the object's first field
        refcount.value += 1 << 40


_guard_none_refcount()
