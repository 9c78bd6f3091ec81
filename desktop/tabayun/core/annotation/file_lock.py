"""A lock beside a file that several windows and processes write: ``labels.csv.lock``.

Created with O_CREAT|O_EXCL (atomic on every OS and on network shares), holding
"pid N on HOST (token)". A save waits up to LOCK_TIMEOUT for it. A lock left by a
process that is gone (a kill or a crash mid-save) is taken over at once when it was
made on this machine and its process no longer runs; a lock from another machine,
or one whose holder cannot be read, is taken to be left over after STALE_LOCK_AGE.
Limits: two waiters breaking the same stale lock at the same instant could both
proceed; clocks of machines sharing a network folder must roughly agree.
"""

from __future__ import annotations

import glob
import os
import re
import socket
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

# How long a save waits for another window's save, and when a lock whose holder
# cannot be checked is left over from a crash. A save holds the lock for one read
# and one write of a small CSV.
LOCK_TIMEOUT = 10.0
STALE_LOCK_AGE = 30.0
# A lock file still empty after this long was left by a process killed between
# creating it and writing its holder into it (which takes microseconds).
EMPTY_LOCK_AGE = 2.0

_HOLDER = re.compile(r"^pid (\d+) on (.+?) \(")


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


@contextmanager
def file_lock(path: Path, timeout: float | None = None, stale_after: float | None = None) -> Iterator[None]:
    """Hold ``path + ".lock"`` exclusively. Raises TimeoutError after ``timeout`` seconds
    (default LOCK_TIMEOUT), naming the holder and saying what to do."""
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    stale_after = STALE_LOCK_AGE if stale_after is None else stale_after
    lock = lock_path(path)
    token = f"pid {os.getpid()} on {socket.gethostname()} ({uuid.uuid4().hex})"
    deadline = time.monotonic() + timeout
    delay = 0.005
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            break
        except FileExistsError:
            pass
        except PermissionError:  # Windows: a lock being deleted; elsewhere a read-only folder
            if not lock.exists():
                raise
        holder = _break_if_stale(lock, stale_after)
        if holder is None:
            continue
        if time.monotonic() >= deadline:
            raise TimeoutError(f"{path.name} is being saved by another Tabayun window ({holder or 'unknown'}) "
                               f"for more than {timeout:g} s. If no other Tabayun is running, delete {lock}.")
        time.sleep(delay)
        delay = min(delay * 2, 0.1)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(token)
    except BaseException:
        lock.unlink(missing_ok=True)
        raise
    try:
        yield
    finally:
        try:  # only our own lock: one held past stale_after may have been broken and retaken
            if lock.read_text(encoding="utf-8") == token:
                lock.unlink()
        except FileNotFoundError:
            pass


def _break_if_stale(lock: Path, stale_after: float) -> str | None:
    """None if ``lock`` is gone or was stale and removed; else who holds it."""
    try:
        age = time.time() - lock.stat().st_mtime
        holder = lock.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return None
    except PermissionError:  # Windows: being deleted right now
        return ""
    if age > stale_after or (not holder and age > EMPTY_LOCK_AGE) or holder_is_gone(holder):
        lock.unlink(missing_ok=True)
        return None
    return holder


def holder_is_gone(holder: str) -> bool:
    """True when ``holder`` names a process of this machine that no longer runs."""
    match = _HOLDER.match(holder)
    if not match or match.group(2) != socket.gethostname():
        return False  # another machine's process cannot be checked from here
    pid = int(match.group(1))
    return pid != os.getpid() and not _process_runs(pid)


def _process_runs(pid: int) -> bool:
    if os.name == "nt":  # os.kill would end the process there
        return _windows_process_runs(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it runs
        return True
    except OSError:
        return True  # unsure: leave the lock to the age rule
    return True


def _windows_process_runs(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return kernel32.GetLastError() == 5  # access denied: it runs; else no such process
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def remove_leftover_temps(path: Path) -> None:
    """Delete temp files a killed save of ``path`` left beside it (core.files.atomic_write_bytes
    names them ``.NAME.*.tabayun-tmp``). Call only while holding ``path``'s lock: then no
    save of it is under way, so every such file is left over."""
    try:
        leftovers = list(path.parent.glob(f".{glob.escape(path.name)}.*.tabayun-tmp"))
    except OSError:
        return
    for tmp in leftovers:
        try:
            tmp.unlink()
        except OSError:
            pass  # another user's, or in use on Windows: harmless, tried again next save
