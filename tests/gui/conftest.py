"""GUI tests run Qt offscreen, with settings in a temporary file (never the user's)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

HERE = Path(__file__).parent

# The offscreen platform cannot size windows the way a real one does and says so.
OFFSCREEN_NOISE = r"This plugin does not support"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(HERE):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    from tabayun.ui.settings import Settings

    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.labels_dir = tmp_path / "labels"  # never the user's data folder
    return settings


@pytest.fixture
def window(qtbot, settings):
    from tabayun.ui.fonts import article_font
    from tabayun.ui.main_window import MainWindow
    from tabayun.ui.workers import wait_for_tasks

    w = MainWindow(settings, article_font())
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    yield w
    wait_for_tasks(30000)
    qtbot.wait(1)  # deliver queued results before the window goes


def open_and_wait(qtbot, window, paths, timeout=30000):
    with qtbot.waitSignal(window.event_loaded, timeout=timeout):
        window.open_paths([str(p) for p in paths])
    window.grid.relayout_rows()
    return window


@pytest.fixture
def sample_window(qtbot, window, sample_dir):
    return open_and_wait(qtbot, window, [sample_dir])


def doc_of(comparison_or_view, prefix: str) -> str:
    articles = getattr(comparison_or_view, "articles", None) or comparison_or_view.comparison.articles
    return next(d for d in articles if d.startswith(prefix))


# --- labelling -----------------------------------------------------------------------

def key_of(code_id: str) -> str:
    """The key that labels with ``code_id`` in the default codebook."""
    from tabayun.core.annotation.codebook import default_codebook

    return default_codebook().code(code_id).key


def press(qtbot, window, key, modifier=None):
    """A key pressed in the grid, as the annotator does."""
    from PySide6.QtCore import Qt

    window.grid.setFocus()
    qtbot.keyClick(window.grid, key, modifier or Qt.KeyboardModifier.NoModifier)


@pytest.fixture
def event_dir(tmp_path, sample_dir):
    """A copy of the sample event in a folder of the user's: labels.csv goes beside it."""
    import shutil

    folder = tmp_path / "event"
    folder.mkdir()
    for path in sample_dir.iterdir():
        if path.suffix in (".txt", ".csv"):
            shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def labelling_window(qtbot, window, event_dir, settings):
    settings.annotator = "R1"
    return open_and_wait(qtbot, window, [event_dir])


@pytest.fixture(autouse=True)
def interface_language(qapp):
    """Every GUI test runs in English (its plural forms come from tabayun_en.qm), whatever
    the machine's locale; a test that switches language is put back afterwards."""
    from tabayun.ui import i18n

    i18n.install(qapp, "en")
    yield
    if i18n.current_language() != "en":
        i18n.install(qapp, "en")
