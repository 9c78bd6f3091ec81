"""Start the window: ``run(paths, screenshot=None) -> exit code``.

Before Qt is asked for a window, check that it can open one: on Linux without a display,
or with Qt's xcb platform plugin missing system libraries, Qt would abort with a long
message (or a core dump). We say plainly what is missing and return exit code 3.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

EXIT_NO_WINDOW = 3
EXIT_LOAD_FAILED = 2
SCREENSHOT_SIZE = (1600, 1000)

# Debian/Ubuntu package for a shared library Qt's xcb plugin (or QtGui) needs, when the
# package name is not simply derived from the soname (see package_for_library).
_PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}
# What a fresh Debian/Ubuntu usually lacks for PySide6's xcb plugin: named in the message
# even when ldd cannot tell (e.g. ldd itself is missing).
XCB_PACKAGES = ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0", "libegl1", "libgl1",
                "libfontconfig1")


def package_for_library(soname: str) -> str:
    """The Debian package that ships ``soname`` ("libxcb-cursor.so.0" -> "libxcb-cursor0")."""
    if soname in _PACKAGES:
        return _PACKAGES[soname]
    m = re.match(r"^(lib[\w.+-]*?)\.so\.(\d+)", soname)
    if not m:
        return soname
    name, version = m.group(1).lower(), m.group(2)
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def missing_libraries(ldd_output: str) -> list[str]:
    """Sonames that ``ldd`` reports as "not found"."""
    return sorted({m.group(1) for m in re.finditer(r"^\s*(\S+)\s+=>\s+not found", ldd_output, re.MULTILINE)})


def _pyside_dir() -> Path | None:
    try:
        import importlib.util

        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def _ldd_missing(paths: list[Path]) -> list[str] | None:
    """Missing libraries of these shared objects, or None if ldd cannot tell."""
    ldd = shutil.which("ldd")
    if not ldd:
        return None
    missing: set[str] = set()
    for path in paths:
        if not path.exists():
            continue
        try:
            out = subprocess.run([ldd, str(path)], capture_output=True, text=True, timeout=10).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        missing.update(missing_libraries(out))
    return sorted(missing)


def no_window_message(missing_packages: list[str] | None = None, reason: str = "") -> str:
    packages = " ".join(missing_packages or XCB_PACKAGES)
    head = "Tabayun cannot open a window"
    if reason:
        return f"{head}: {reason}"
    return (f"{head}: Qt's xcb platform plugin needs system libraries. On Debian/Ubuntu:\n"
            f"    sudo apt-get install {packages}\n"
            "(To render without a window: tabayun --screenshot out.png [FILES].)")


def check_platform(environ: dict | None = None, platform: str | None = None) -> str | None:
    """None if Qt should be able to open a window; otherwise a message saying why not."""
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "")
    if qpa and not qpa.startswith("xcb"):
        return None  # offscreen, wayland, vnc...: the user chose; Qt reports its own errors
    if not qpa and env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY"):
        return None  # a Wayland session: Qt picks its wayland plugin
    if not env.get("DISPLAY"):
        return no_window_message(reason=(
            "no display (DISPLAY is not set). Run it in a desktop session, or render to a file with "
            "tabayun --screenshot out.png [FILES]."))
    base = _pyside_dir()
    if base is None:
        return None
    plugin = base / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    libs = [plugin] + sorted((base / "Qt" / "lib").glob("libQt6XcbQpa.so*"))[:1]
    missing = _ldd_missing(libs)
    if missing:
        packages = sorted({package_for_library(s) for s in missing})
        return no_window_message(packages)
    if not _x_display_reachable(env.get("DISPLAY", "")):
        return no_window_message(reason=(
            f"cannot connect to the X display {env.get('DISPLAY')!r}. Check DISPLAY (and xauth when "
            "connecting over ssh), or render to a file with tabayun --screenshot out.png [FILES]."))
    return None


def _x_display_reachable(display: str) -> bool:
    """Try to connect to the X server as Qt will (through libxcb); True if unsure."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("xcb") or "libxcb.so.1"
    try:
        xcb = ctypes.CDLL(name)
    except OSError:
        return True  # ldd would have said; let Qt report
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode() or None, None)
    if not connection:
        return False
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)


def _qt_import_problem() -> str | None:
    """If QtGui/QtWidgets cannot be imported (missing system libraries), say which."""
    try:
        import PySide6.QtGui  # noqa: F401
        import PySide6.QtWidgets  # noqa: F401
    except ImportError as exc:
        m = re.search(r"(lib[\w.+-]+\.so[\w.]*)", str(exc))
        if m:
            return no_window_message([package_for_library(m.group(1))] + [p for p in XCB_PACKAGES])
        return no_window_message(reason=f"Qt could not be loaded ({exc}).")
    return None


# --- running -----------------------------------------------------------------------------
def _application(argv: list[str] | None = None):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from .settings import APPLICATION, ORGANIZATION

    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
        app = QApplication(argv or [sys.argv[0] if sys.argv else "tabayun"])
        app.setApplicationDisplayName("Tabayun")
        app.setDesktopFileName("tabayun")
        from . import plain_tooltips

        plain_tooltips.install(app)  # outlet names, notes and article text are never HTML
    return app


def create_window(paths: list[str], settings=None):
    """The main window, already loading ``paths`` (or the sample event)."""
    from ..core.resources import sample_event_dir
    from .fonts import article_font
    from .main_window import MainWindow

    window = MainWindow(settings, article_font())
    window.open_paths(list(paths) or [str(sample_event_dir())])
    return window


def save_screenshot(window, path: str) -> bool:
    """Render ``window`` to a PNG at ``path``."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    window.grid.relayout_rows()
    QApplication.processEvents()
    pixmap = window.grab()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return pixmap.save(str(path), "PNG")


def run(paths: list[str], screenshot: str | None = None, size: tuple[int, int] | None = None,
        language: str = "") -> int:
    """Open the window on ``paths`` (default: the sample event); return the exit code.

    With ``screenshot``, render the window to that PNG once the event is shown, and exit
    (0, or 2 if the articles could not be loaded): ``size`` wide and high if given; else
    as big as the screen when there is a display (``xvfb-run -s "-screen 0 1366x768x24"``
    shows a small screen), else offscreen at 1600×1000. ``language`` ("en", "ar") overrides
    Preferences and the system locale for this run.
    """
    if language:
        os.environ["TABAYUN_LANG"] = language
    if screenshot and (not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) or check_platform()):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    problem = _qt_import_problem() or check_platform()
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_NO_WINDOW
    started = time.perf_counter()
    from PySide6.QtCore import QTimer

    from .settings import Settings
    from .workers import wait_for_tasks

    app = _application()
    if screenshot:
        _quiet_offscreen_noise()
    scratch = None
    settings = None
    if screenshot:
        import tempfile

        from PySide6.QtCore import QSettings

        # A screenshot shows the defaults, not this user's layout, and changes no settings.
        scratch = tempfile.TemporaryDirectory(prefix="tabayun-")
        settings = Settings(QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.Format.IniFormat))
    from . import i18n

    # before any widget exists: every string and the layout direction follow the language
    i18n.install(app, i18n.choose_language((settings or Settings()).language))
    window = create_window(paths, settings)
    outcome = {"code": 0}
    if screenshot:
        screen = app.primaryScreen()
        if size:
            window.resize(*size)
        elif app.platformName() != "offscreen" and screen is not None:
            window.setGeometry(screen.availableGeometry())
        else:
            window.resize(*SCREENSHOT_SIZE)

        def shoot(code: int) -> None:
            outcome["code"] = code
            if code == 0 and window.view is not None and window.view.comparison.differences:
                window.next_difference()  # show a selected difference in the picture
            QTimer.singleShot(50, lambda: _finish_screenshot(window, screenshot, outcome, app))

        window.event_loaded.connect(lambda: shoot(0))
        window.load_failed.connect(lambda _msg: shoot(EXIT_LOAD_FAILED))
        # a corpus result: shown with its first event open beside the list
        window.corpus.opened.connect(lambda: window.corpus.step(1) or shoot(0))  # no event: the list alone
        window.corpus.failed.connect(lambda _msg: shoot(EXIT_LOAD_FAILED))
        window.show()
    else:
        window.show()
        window.event_loaded.connect(
            lambda: os.environ.get("TABAYUN_TIMING") and print(
                f"tabayun: event shown {time.perf_counter() - started:.2f} s after the window was asked for",
                file=sys.stderr))
    code = app.exec()
    wait_for_tasks(10000)
    if scratch is not None:
        scratch.cleanup()
    return outcome["code"] if screenshot else code


def _quiet_offscreen_noise() -> None:
    """The offscreen platform warns that it cannot do what only real windows do; say nothing."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind, context, message: str) -> None:
        if message.startswith("This plugin does not support"):
            return
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def _finish_screenshot(window, path: str, outcome: dict, app) -> None:
    if not save_screenshot(window, path):
        print(f"tabayun: could not write {path}", file=sys.stderr)
        outcome["code"] = 1
    else:
        print(f"tabayun: wrote {path}")
    window.hide()
    window.deleteLater()
    app.quit()
