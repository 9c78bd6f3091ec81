"""Starting the app: no window possible -> a clear message and exit code 3; --screenshot; workers."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from tabayun.ui.app import check_platform, missing_libraries, no_window_message, package_for_library
from tabayun.ui.workers import run_task

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-cursor.so.0 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibQt6Gui.so.6 => /x/PySide6/Qt/lib/libQt6Gui.so.6 (0x00007f)
\tlibEGL.so.1 => not found
"""


def test_missing_xcb_libraries_become_package_names():
    missing = missing_libraries(LDD)
    assert missing == ["libEGL.so.1", "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"]
    assert [package_for_library(s) for s in missing] == ["libegl1", "libxcb-cursor0", "libxcb-icccm4",
                                                         "libxkbcommon-x11-0"]
    assert package_for_library("libxcb-keysyms.so.1") == "libxcb-keysyms1"
    message = no_window_message(["libxcb-cursor0", "libxcb-icccm4"])
    assert message.startswith("Tabayun cannot open a window: Qt's xcb platform plugin needs system libraries.")
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in message


def test_platform_check_without_a_display(monkeypatch):
    import tabayun.ui.app as app

    assert "no display" in check_platform({}, "linux")
    assert check_platform({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert check_platform({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert check_platform({}, "win32") is None
    # with the xcb libraries present (as on a desktop), an unreachable X server is named
    monkeypatch.setattr(app, "_ldd_missing", lambda libs: [])
    assert "cannot connect to the X display" in check_platform({"DISPLAY": ":9999"}, "linux")
    monkeypatch.setattr(app, "_ldd_missing", lambda libs: ["libxcb-cursor.so.0"])
    assert "sudo apt-get install libxcb-cursor0" in check_platform({"DISPLAY": ":9999"}, "linux")


def _run_app(args: str, env: dict, tmp_path) -> subprocess.CompletedProcess:
    code = f"import sys; from tabayun.ui.app import run; sys.exit(run({args}))"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=120)


def test_no_display_exits_3_with_a_message_not_a_traceback(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = _run_app("[]", env, tmp_path)
    assert result.returncode == 3
    assert "Tabayun cannot open a window" in result.stderr
    assert "Traceback" not in result.stderr


def test_screenshot_renders_the_sample_event(tmp_path):
    out = tmp_path / "shot.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["HOME"] = str(tmp_path)  # the user's settings stay untouched
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    result = _run_app(f"[], screenshot={str(out)!r}", env, tmp_path)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    assert not (tmp_path / "config" / "Tabayun").exists()


class Emitter(QObject):
    fired = Signal()


def test_run_task_reports_result_progress_and_errors(qtbot):
    got, stages, errors = [], [], []
    done = Emitter()

    def work(progress):
        progress("half", 0.5)
        return 42

    with qtbot.waitSignal(done.fired, timeout=5000):
        run_task(work, lambda r: (got.append(r), done.fired.emit()), on_progress=lambda s, f: stages.append((s, f)))
    assert got == [42] and stages == [("half", 0.5)]

    with qtbot.waitSignal(done.fired, timeout=5000):
        run_task(lambda: 1 / 0, lambda r: None, lambda exc: (errors.append(exc), done.fired.emit()))
    assert isinstance(errors[0], ZeroDivisionError)
