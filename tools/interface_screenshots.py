"""Pictures of the interface in one language: the window on the sample event, Preferences,
the keyboard shortcuts dialog, the export-done message (Qt's own buttons) and classroom mode.

    xvfb-run -s "-screen 0 1600x1000x24" python tools/interface_screenshots.py ar docs/

writes docs/interface-ar-window.png, -preferences.png, -shortcuts.png, -message.png, -classroom.png. Settings
are a scratch file: the pictures show the defaults, never this user's layout. (The window alone
is also ``tabayun --lang ar --screenshot out.png``.)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def main(language: str, out_dir: str, size: tuple[int, int] = (1600, 1000)) -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QMessageBox

    from tabayun.ui import i18n
    from tabayun.ui.app import _application, create_window
    from tabayun.ui.settings import Settings
    from tabayun.ui.workers import wait_for_tasks

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = _application()
    if i18n.install(app, language) != language:
        print(f"the {language} translation is not built", file=sys.stderr)
        return 1
    scratch = tempfile.TemporaryDirectory(prefix="tabayun-shots-")
    settings = Settings(QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.Format.IniFormat))
    settings.labels_dir = Path(scratch.name) / "labels"
    window = create_window([], settings)
    window.resize(*size)
    written = []

    def save(widget, name: str) -> None:
        app.processEvents()
        path = out / f"interface-{language}-{name}.png"
        widget.grab().save(str(path), "PNG")
        written.append(path)

    def shoot() -> None:
        window.next_difference()
        window.grid.relayout_rows()
        save(window, "window")
        prefs = window.preferences_dialog()
        prefs.adjustSize()
        save(prefs, "preferences")
        prefs.reject()
        window._shortcuts_help()
        shortcuts = window.shortcuts_dialog
        shortcuts.resize(760, 640)
        for _ in range(3):  # its rows wrap once the columns have their widths
            app.processEvents()
        save(shortcuts, "shortcuts")
        shortcuts.close()
        box = QMessageBox(QMessageBox.Icon.Information, i18n.QCoreApplication.translate("Sharing", "Export done"), "", parent=window)
        box.setText(i18n.QCoreApplication.translate("Sharing", "%n file(s) written to the new folder", "", 7)
                    + "\n/home/user/Documents/Sample event 2026-12-02 0730")
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.show()
        save(box, "message")
        box.close()
        from tabayun.ui.present import PresentationWindow

        window.present()
        present = window.findChild(PresentationWindow)
        present.reveal()
        present.reveal()  # step 3: the categories, captioned
        save(present, "classroom")
        present.close()
        QTimer.singleShot(0, app.quit)

    window.event_loaded.connect(lambda: QTimer.singleShot(100, shoot))
    window.show()
    app.exec()
    wait_for_tasks(10000)
    scratch.cleanup()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "ar", sys.argv[2] if len(sys.argv) > 2 else "docs"))
