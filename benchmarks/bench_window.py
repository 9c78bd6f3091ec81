"""Time the window: launch to the sample event shown, and painting a 50-outlet x 300-claim
event screenful by screenful. Prints figures; asserts nothing. Runs Qt offscreen unless
QT_QPA_PLATFORM says otherwise (e.g. ``xcb`` under Xvfb).

    python benchmarks/bench_window.py
    python benchmarks/bench_window.py --first-rows 40   # opening a 40-outlet event: claims shown, then ready

Aims: sample shown < 1.5 s after launch; a screenful painted < 50 ms; F8 to the next slot at
200 outlets < 50 ms (``--f8`` runs only that); the first screen of a 200-outlet event painted
within 3 s of opening (its text, marked as not aligned yet, before its aligned claims).
"""

from __future__ import annotations

import time

_T0 = time.perf_counter()  # before any import: "launch" for the in-process figure

import os  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

WINDOW_SIZE = (1600, 1000)


# --- launch -----------------------------------------------------------------------------
def child_launch() -> None:
    """In a fresh process: start the app, open the sample event, wait until it is painted."""
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from tabayun.ui.app import _application, create_window
    from tabayun.ui.settings import Settings

    app = _application()
    scratch = tempfile.mkdtemp(prefix="tabayun-bench-")
    settings = Settings(QSettings(str(Path(scratch) / "s.ini"), QSettings.Format.IniFormat))
    window = create_window([], settings)
    window.resize(*WINDOW_SIZE)
    window.show()
    t_window = time.perf_counter()

    def shown() -> None:
        window.grid.relayout_rows()
        window.grid.viewport().repaint()
        t = time.perf_counter()
        print(f"LAUNCH {t - _T0:.4f} {t_window - _T0:.4f}", flush=True)
        QTimer.singleShot(0, app.quit)

    window.event_loaded.connect(shown)
    app.exec()
    QApplication.processEvents()


def bench_launch(runs: int = 3) -> None:
    totals, inproc, windows = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, __file__, "--child-launch"], stdout=subprocess.PIPE, text=True)
        for line in proc.stdout:
            if line.startswith("LAUNCH"):
                totals.append(time.perf_counter() - start)
                _, shown, window = line.split()
                inproc.append(float(shown))
                windows.append(float(window))
                break
        proc.wait()
    print(f"launch -> sample event shown: median {statistics.median(totals):.2f} s wall "
          f"(exec to painted; best {min(totals):.2f} s), {statistics.median(inproc):.2f} s from the "
          f"first line of Python; empty window up after {statistics.median(windows):.2f} s   [aim < 1.5 s]")


# --- a big synthetic event ------------------------------------------------------------------
def synthetic_view(outlets: int = 50, claims: int = 300, seed: int = 11):
    """An EventView of ``outlets`` x ``claims`` built directly (no alignment: the window is
    what is measured; the rows are collated into slots as compare does), from the sample event's
    sentences with words swapped and claims left out."""
    from synthetic import SWAPS, sample_sentences

    from tabayun.core.analysis.collate import collate, slot_differences
    from tabayun.core.analysis.comparison import Comparison
    from tabayun.core.analysis.normalize import Normalizer, fold
    from tabayun.core.model import Article, Row, Unit, UnitKind
    from tabayun.core.sharing.event_view import EventView

    rng = random.Random(seed)
    pool = sample_sentences()
    picked = [rng.choice(pool) for _ in range(claims)]
    articles, units, cells = {}, {}, {}
    for k in range(outlets):
        doc = f"outlet{k:02d}"
        parts, us = [], []
        pos = 0
        headline = f"عنوان المنفذ {k}: المغرب وإسرائيل يوقعان اتفاقا"
        for i, sentence in enumerate([headline] + picked):
            if i and k and rng.random() < 0.15:
                continue  # an omission
            words = [SWAPS.get(w, w) if (i and rng.random() < 0.25) else w for w in sentence.split()]
            text = " ".join(words)
            kind = UnitKind.HEADLINE if i == 0 else UnitKind.SENTENCE
            us.append(Unit(doc, len(us), pos, pos + len(text), text, kind, i))
            cells[(i, doc)] = us[-1]
            parts.append(text)
            pos += len(text) + 2
        articles[doc] = Article(doc, "\n\n".join(parts), f"Outlet {k:02d}")
        units[doc] = us
    rows = []
    for i in range(claims + 1):
        present = {doc: (cells[(i, doc)],) for doc in articles if (i, doc) in cells}
        rows.append(Row(i, present, UnitKind.HEADLINE if i == 0 else UnitKind.SENTENCE, 0.8))
    folded = [fold(w) for a in articles.values() for w in a.text.split()]
    normalizer = Normalizer(folded)
    # the apparatus of each row, as compare makes it (collation is O(outlets) per row)
    slots = collate(rows, articles, normalizer)
    differences = slot_differences(slots, {d: a.text for d, a in articles.items()})
    comparison = Comparison(articles, {d: [] for d in articles}, units, rows, normalizer,
                            differences=differences, slots=slots)
    return EventView(comparison)


def bench_scroll(outlets: int = 50, claims: int = 300) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tabayun.ui.app import _application
    from tabayun.ui.fonts import article_font
    from tabayun.ui.main_window import MainWindow
    from tabayun.ui.settings import Settings

    _application()
    t = time.perf_counter()
    view = synthetic_view(outlets, claims)
    build = time.perf_counter() - t
    scratch = tempfile.mkdtemp(prefix="tabayun-bench-")
    window = MainWindow(Settings(QSettings(str(Path(scratch) / "s.ini"), QSettings.Format.IniFormat)),
                        article_font())
    window.resize(*WINDOW_SIZE)
    window.show()
    QApplication.processEvents()
    t = time.perf_counter()
    window.set_event(view, ["synthetic"])
    window.grid.relayout_rows()
    window.grid.viewport().repaint()
    shown = time.perf_counter() - t
    grid = window.grid
    bar = grid.verticalScrollBar()
    hbar = grid.horizontalScrollBar()

    def pages(direction_bar, count: int) -> list[float]:
        times = []
        for _ in range(count):
            t0 = time.perf_counter()  # scrolling sizes rows coming into view, then paints them
            direction_bar.setValue(direction_bar.value() + direction_bar.pageStep())
            grid.viewport().repaint()
            times.append((time.perf_counter() - t0) * 1000)
            QApplication.processEvents()
        return times

    cold = pages(bar, 25)  # rows never painted before: layouts built on the way
    t = time.perf_counter()
    while grid.rows_pending():
        QApplication.processEvents()
    background = time.perf_counter() - t
    bar.setValue(0)
    warm = pages(bar, 25)
    bar.setValue(bar.maximum() // 2)
    sideways = pages(hbar, 10)
    visible_cols = sum(1 for c in range(len(view.doc_ids))
                       if 0 <= grid.columnViewportPosition(c) < grid.viewport().width())
    print(f"synthetic event ({outlets} outlets x {claims} claims, {len(view.comparison.differences):,} "
          f"differences): built in {build:.2f} s; set on the window, row heights and first paint "
          f"{shown * 1000:.0f} ms; the other rows sized in the background over {background:.2f} s more")
    print(f"  screenful ({WINDOW_SIZE[0]}x{WINDOW_SIZE[1]} window, ~{visible_cols} columns visible) painted, "
          f"scrolling down: first visit median {statistics.median(cold):.1f} ms, max {max(cold):.1f} ms; "
          f"again median {statistics.median(warm):.1f} ms, max {max(warm):.1f} ms; "
          f"sideways median {statistics.median(sideways):.1f} ms, max {max(sideways):.1f} ms   [aim < 50 ms]")
    window.close()


def bench_first_rows(outlets: int) -> None:
    """Open a synthetic ``outlets``-outlet event through the window (as File → Open does):
    time until each article's first sentences are painted (the preview, not aligned yet), until
    its aligned claims are, and until the grid is ready."""
    from synthetic import synthetic_articles

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tabayun.ui.main_window import MainWindow
    from tabayun.ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="tabayun-bench-"))
    for article in synthetic_articles(outlets=outlets):
        (folder / f"{article.doc_id}.txt").write_text(article.text, encoding="utf-8")
    settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    settings.labels_dir = folder / "labels"
    window = MainWindow(settings)
    window.resize(*WINDOW_SIZE)
    window.show()
    app.processEvents()
    times: dict[str, float] = {}
    shown_units, shown_rows = window._first_units, window._first_rows

    def first_units(*args) -> None:
        shown_units(*args)
        window.preview.table.viewport().repaint()
        times.setdefault("first text painted (not aligned)", time.perf_counter() - t0)

    def first_rows(*args) -> None:
        shown_rows(*args)
        window.preview.table.viewport().repaint()
        times.setdefault("first rows painted (aligned)", time.perf_counter() - t0)

    window._first_units, window._first_rows = first_units, first_rows
    window.event_loaded.connect(lambda: times.setdefault("grid ready", time.perf_counter() - t0))
    t0 = time.perf_counter()
    window.open_paths([str(folder)])
    while "grid ready" not in times:
        app.processEvents()
        time.sleep(0.002)
    window.grid.viewport().repaint()
    for what, t in times.items():
        print(f"{outlets} outlets, {what}: {t:.2f} s after opening")


def bench_next_slot(outlets: int = 200, claims: int = 60) -> None:
    """F8 (next variant) on a wide event: each press finds the next row's lead slot among the
    shown outlets, scrolls to it and selects its cells and its line in the Differences panel."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tabayun.ui.app import _application
    from tabayun.ui.fonts import article_font
    from tabayun.ui.main_window import MainWindow
    from tabayun.ui.settings import Settings

    _application()
    view = synthetic_view(outlets, claims)
    scratch = tempfile.mkdtemp(prefix="tabayun-bench-")
    window = MainWindow(Settings(QSettings(str(Path(scratch) / "s.ini"), QSettings.Format.IniFormat)),
                        article_font())
    window.resize(*WINDOW_SIZE)
    window.show()
    window.set_event(view, ["synthetic"])
    QApplication.processEvents()
    times = []
    for _ in range(30):
        t0 = time.perf_counter()
        moved = window.navigator.step(1)
        window.grid.viewport().repaint()
        times.append((time.perf_counter() - t0) * 1000)
        QApplication.processEvents()
        if not moved:
            break
    print(f"F8 to the next slot, {outlets} outlets x {claims} claims ({len(view.comparison.slots):,} slots): "
          f"median {statistics.median(times):.1f} ms, max {max(times):.1f} ms over {len(times)} presses"
          f"   [aim < 50 ms]")
    window.close()


def main() -> None:
    if "--child-launch" in sys.argv:
        child_launch()
        return
    if "--first-rows" in sys.argv:
        bench_first_rows(int(sys.argv[sys.argv.index("--first-rows") + 1]))
        return
    if "--f8" in sys.argv:
        bench_next_slot()
        return
    bench_launch()
    bench_scroll()
    bench_next_slot()


if __name__ == "__main__":
    main()
