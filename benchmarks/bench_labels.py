"""Time from a code key pressed to the label saved on disk, with 50, 5,000 and 50,000
labels already in labels.csv (the window offscreen, the sample event). Prints figures;
asserts nothing.

    python benchmarks/bench_labels.py            # 50, 5,000 and 50,000 labels
    python benchmarks/bench_labels.py 50000      # one size
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tabayun.core.annotation.codebook import default_codebook  # noqa: E402
from tabayun.core.annotation.labels import labels_to_csv, new_label, read_labels  # noqa: E402
from tabayun.core.resources import sample_event_dir  # noqa: E402

SIZES = (50, 5000, 50000)
PRESSES = 30


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    for existing in [int(a) for a in sys.argv[1:]] or SIZES:
        run(app, existing)


def run(app: QApplication, existing: int) -> None:
    from tabayun.ui.main_window import MainWindow
    from tabayun.ui.settings import Settings
    from tabayun.ui.workers import wait_for_tasks

    tmp = Path(tempfile.mkdtemp(prefix="tabayun-bench-"))
    event = tmp / "event"
    event.mkdir()
    for path in sample_event_dir().iterdir():
        if path.suffix in (".txt", ".csv"):
            shutil.copy(path, event / path.name)
    settings = Settings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    settings.labels_dir = tmp / "labels"
    settings.annotator = "bench"

    window = MainWindow(settings)
    window.show()
    window.open_paths([str(event)])
    wait_for_tasks(60000)
    app.processEvents()
    comparison = window.view.comparison
    codebook = default_codebook()
    article = next(iter(comparison.articles.values()))
    one = new_label(event="event", annotator="other", codebook=codebook, code="neutral", article=article,
                    start=0, end=5)
    # Made by hand, not by new_label, so that 50,000 labels take seconds, not minutes.
    filler = [replace(one, label_id=f"{i:032x}", char_start=i % 200, char_end=i % 200 + 5,
                      text=article.text[i % 200:i % 200 + 5]) for i in range(existing)]
    (event / "labels.csv").write_bytes(labels_to_csv(filler))
    t0 = time.perf_counter()
    window.open_paths([str(event)])  # reopen: the store reads the 5,000 labels
    wait_for_tasks(60000)
    app.processEvents()
    print(f"reopening the event with its {existing:,} labels: {time.perf_counter() - t0:.2f} s; "
          f"labels panel rows: {window.labelling.labels_panel.model.rowCount()}")
    print(f"labels.csv with {len(read_labels(event / 'labels.csv')):,} labels, "
          f"{(event / 'labels.csv').stat().st_size / 1024:.0f} KiB")

    key = codebook.code("referent_label").key
    differences = [d for d in comparison.differences if d.kind == "substitution"][:PRESSES]
    times = []
    for d in differences:
        window.show_difference(d)
        window.grid.setFocus()
        t0 = time.perf_counter()
        QTest.keyClick(window.grid, key)  # returns once the label is on disk
        times.append(time.perf_counter() - t0)
    print("per press (ms):", " ".join(f"{t * 1000:.0f}" for t in times))
    assert len(read_labels(event / "labels.csv")) == existing + len(differences)
    print(f"key press -> label saved (with {existing:,} labels): median {statistics.median(times) * 1000:.1f} ms, "
          f"max {max(times) * 1000:.1f} ms over {len(times)} presses   [aim < 50 ms]")
    t0 = time.perf_counter()
    QTest.keyClick(window.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    print(f"undo (Ctrl+Z) -> file rewritten: {(time.perf_counter() - t0) * 1000:.1f} ms")
    window.close()
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
