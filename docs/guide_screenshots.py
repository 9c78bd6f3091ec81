"""Make the user guide's screenshots (resources/guide/images/) and the guide's own (docs/),
from the real window on the sample event.

    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python docs/guide_screenshots.py

Settings and labels go to a temporary folder: nothing of the user's is read or changed.
Look at every picture before committing it.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from tabayun.core.analysis.normalize import fold
from tabayun.core.annotation.codebook import default_codebook
from tabayun.core.annotation.labels import labels_to_csv, read_labels
from tabayun.core.resources import sample_event_dir
from tabayun.ui.app import _application
from tabayun.ui.fonts import article_font
from tabayun.ui.guide import GuideWindow
from tabayun.ui.main_window import MainWindow
from tabayun.ui.present import PresentationWindow
from tabayun.ui.settings import Settings
from tabayun.ui.workers import wait_for_tasks

ROOT = Path(__file__).resolve().parents[1]
GUIDE_IMAGES = ROOT / "resources" / "guide" / "images"
DOCS = ROOT / "docs"
GUIDE_WIDTH = 1100  # px: the guide scales pictures down to its page, never up


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition, timeout_ms: int = 60000) -> None:
    waited = 0
    while not condition():
        if waited > timeout_ms:
            raise TimeoutError("the window did not get there in time")
        wait(100)
        waited += 100


def save(widget, path: Path, width: int | None = GUIDE_WIDTH) -> None:
    QApplication.processEvents()
    image: QImage = widget.grab().toImage()
    if width and image.width() > width:
        image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path), "PNG")
    print(f"wrote {path.relative_to(ROOT)} ({image.width()}×{image.height()})")


def save_screen(widget, path: Path, width: int | None = GUIDE_WIDTH) -> None:
    """What the screen shows where ``widget`` is, dialogs over it included (needs a real
    display, such as Xvfb)."""
    QApplication.processEvents()
    geometry = widget.frameGeometry()
    pixmap = QApplication.primaryScreen().grabWindow(0, geometry.x(), geometry.y(), geometry.width(),
                                                     geometry.height())
    image = pixmap.toImage()
    if width and image.width() > width:
        image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    image.save(str(path), "PNG")
    print(f"wrote {path.relative_to(ROOT)} ({image.width()}×{image.height()})")


def press_code(window: MainWindow, code_id: str) -> None:
    window.labelling.label_with(code_id)
    QApplication.processEvents()


def main() -> int:
    app = _application()
    scratch = Path(tempfile.mkdtemp(prefix="tabayun-shots-"))
    try:
        event = scratch / "event"
        event.mkdir()
        for path in sample_event_dir().iterdir():
            if path.suffix in (".txt", ".csv"):
                shutil.copy(path, event / path.name)
        settings = Settings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
        settings.labels_dir = scratch / "labels"
        settings.annotator = "R1"
        window = MainWindow(settings, article_font())
        window.resize(1400, 860)
        window.show()
        loaded = []
        window.event_loaded.connect(lambda: loaded.append(True))
        window.open_paths([str(event)])
        wait_until(lambda: loaded)
        window.grid.relayout_rows()
        wait(300)

        # The grid, a word-choice difference selected (F8).
        window.next_difference()
        wait(200)
        save(window, GUIDE_IMAGES / "window.png")

        # Labelling: the first visit's «الحرب» / «الدفاع» labelled as a referent label; the Labels tab.
        comparison = window.view.comparison
        war = next(d for d in comparison.differences if {fold(d.a_text), fold(d.b_text)} == {"الحرب", "الدفاع"})
        window.show_difference(war)
        press_code(window, "referent_label")
        for d in [d for d in comparison.differences if d.category == "lexical" and d is not war][:5]:
            window.show_difference(d)
            press_code(window, "referent_label")
        window.show_difference(war)
        window.tabs.setCurrentWidget(window.labelling.codes_panel)
        wait(200)
        save(window, GUIDE_IMAGES / "labelling.png")
        window.tabs.setCurrentWidget(window.labelling.labels_panel)
        wait(200)
        save(window, GUIDE_IMAGES / "labels-tab.png")

        # Agreement: a second annotator who coded every third span differently.
        mine = read_labels(window.labelling.annotation.path)
        other = [replace(x, label_id=x.label_id[::-1], annotator="R2", code="agency" if n % 3 == 0 else x.code)
                 for n, x in enumerate(mine)]
        r1 = scratch / "R1.csv"
        r2 = scratch / "R2.csv"
        shutil.copy(window.labelling.annotation.path, r1)
        r2.write_bytes(labels_to_csv(other))
        dialog = window.sharing.show_agreement([str(r1), str(r2)])
        wait(300)
        save(dialog, GUIDE_IMAGES / "agreement.png")
        dialog.close()

        # The Charts tab, then an export: the window offers to open the report or the folder.
        window.sharing.draw_charts()
        wait_until(lambda: len(window.sharing.charts_panel.images) >= 4)
        window.tabs.setCurrentWidget(window.sharing.charts_panel)
        (scratch / "exports").mkdir()
        window.sharing.export_into(str(scratch / "exports"))
        wait_until(lambda: getattr(window.sharing, "done_box", None) is not None)
        wait(500)
        save_screen(window, GUIDE_IMAGES / "export.png")
        window.sharing.done_box.close()

        # Classroom mode: the first visit, differences revealed.
        present = PresentationWindow(window.view, window.outlets, window.labelling.annotation)
        present.resize(1400, 860)
        present.show()
        view = window.view
        d001, d002 = (next(d for d in view.comparison.articles if d.startswith(p)) for p in ("001", "002"))
        present.go_to_row(next(r for r in range(len(view.rows)) if view.cell(r, d001) and view.cell(r, d002)
                               and "الحرب" in view.cell(r, d001).text and "الدفاع" in view.cell(r, d002).text))
        present.reveal()
        present.reveal()
        wait(300)
        save(present, GUIDE_IMAGES / "classroom.png")
        present.close()

        # The guide itself, in both languages (for docs/ and the README).
        for language in ("ar", "en"):
            guide = GuideWindow(window, language)
            guide.resize(1200, 820)
            guide.show()
            wait(300)
            guide.fit_images()
            save(guide, DOCS / f"guide-{language}.png", width=None)
            guide.close()
        wait_for_tasks(30000)
        window.close()
        return 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        del app


if __name__ == "__main__":
    sys.exit(main())
