"""Tabayun's window: the claims grid, its legend and filters, and the side panels.

Everything shown comes from core (``compare`` and :class:`tabayun.core.sharing.event_view.EventView`),
run off the GUI thread by :mod:`tabayun.ui.workers`.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QInputDialog, QLabel, QLineEdit,
                               QMainWindow, QMenu, QMessageBox, QProgressBar, QPushButton, QStackedWidget,
                               QTabWidget, QToolBar, QToolButton, QVBoxLayout, QWidget)

from .. import __version__
from ..core.corpus.result import is_corpus_result
from ..core.model import Difference
from ..core.resources import resource, sample_event_dir
from ..core.sharing.event_view import DIFFERENCE_CATEGORIES, EventView
from .actions import make_action
from .corpus import CorpusBrowser
from .fonts import BASE_POINT_SIZE
from .grid import GridView
from .grid_model import GridModel, RowFilterProxy, refilter_rows
from .guide import show_guide
from .i18n import current_language
from .labelling import Labelling
from .navigation import DifferenceNavigator
from .review_progress import ReviewProgress
from .outlet_menus import add_outlet_actions, fill_outlets_menu, fill_shown_outlets_menu
from .outlet_state import OutletState
from .panels.article import ArticlePanel
from .panels.differences import DifferencesPanel
from .panels.legend import Legend
from .panels.messagebar import MessageBar
from .panels.outlets import OutletsPanel
from .panels.terms import TermsPanel
from .preferences import Preferences, PreferencesDialog
from .present import PresentationWindow
from .settings import MAX_ZOOM, MIN_ZOOM, Settings, event_key
from .sharing import Sharing
from .shortcuts import shortcuts_dialog
from .preview import PREVIEW_ROWS, PreviewPane
from .workers import Task, run_task


def load_event(paths: list[str], progress=None, partial=None) -> EventView:
    """Worker-thread job: analyse the event and index it for the window (all in core).
    core.comparison (numpy and the analysis) is imported here, off the GUI thread, so the window
    is up while it loads. ``partial`` gets ``("units", articles, units)`` once the articles
    are split, not aligned yet (each one's first units), then ``("rows", articles, rows)``
    with their first rows once aligned."""
    from ..core.analysis.comparison import compare

    def first_units(articles, units) -> None:
        if partial is not None:
            partial(("units", articles, {d: us[:PREVIEW_ROWS] for d, us in units.items()}))

    def first_rows(articles, rows) -> None:
        if partial is not None:
            partial(("rows", articles, rows[:PREVIEW_ROWS]))

    return EventView(compare(paths, progress=progress, on_rows=first_rows, on_units=first_units))


# The analysis's stages as core reports them (comparison.compare), named in the progress bar.
LOAD_STAGES = {
    "reading files": QT_TRANSLATE_NOOP("Stage", "reading files"),
    "segmenting": QT_TRANSLATE_NOOP("Stage", "segmenting"),
    "aligning": QT_TRANSLATE_NOOP("Stage", "aligning"),
    "comparing words": QT_TRANSLATE_NOOP("Stage", "comparing words"),
    "finding markers": QT_TRANSLATE_NOOP("Stage", "finding markers"),
    "collating": QT_TRANSLATE_NOOP("Stage", "collating"),
    "done": QT_TRANSLATE_NOOP("Stage", "done"),
}


class MainWindow(QMainWindow):
    event_loaded = Signal()
    load_failed = Signal(str)

    def __init__(self, settings: Settings | None = None, article_font: QFont | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings or Settings()
        self.view: EventView | None = None
        self.paths: list[str] = []
        self.loading = False
        self._generation = 0
        self._event_key = ""
        self.base_font = QFont(article_font) if article_font is not None else QFont()
        self.base_font.setPointSizeF(BASE_POINT_SIZE)
        self._default_families = self.base_font.families() or [self.base_font.family()]
        self._set_font_family(self.settings.article_font_family)
        self.zoom = self.settings.zoom

        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Tabayun"))
        self.setAcceptDrops(True)
        icon = resource("icons", "tabayun.svg")
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))

        self.outlets = OutletState(self)
        self.outlets.blind = self.settings.blind
        self.grid_model = GridModel(self.outlets, self)
        self.proxy = RowFilterProxy(self.outlets, self)
        self.proxy.setSourceModel(self.grid_model)
        self.grid = GridView()
        self.grid.setObjectName("grid")
        self.grid.setModel(self.proxy)

        self._build_central()
        self._build_panels()
        self.navigator = DifferenceNavigator(self.grid, self.proxy, self.grid_model, self.outlets,
                                             self.differences_panel, self.difference_categories,
                                             self.statusBar().showMessage, self.clear_filters, self)
        self._build_actions()
        self.labelling = Labelling(self)
        self.labelling.annotation.changed.connect(self._update_status)  # "labelling off" in the status bar
        self.sharing = Sharing(self, self.settings, self.message_bar, self.statusBar().showMessage,
                               event=lambda: self.view, labels=lambda: self.labelling.annotation.labels,
                               event_name=lambda: self._event_name(self.paths) if self.paths else "Tabayun",
                               code_name=lambda c: self.labelling.annotation.code_name(c),
                               codebook=lambda: self.labelling.annotation.codebook,
                               jump=lambda doc, start, end, text: self.labelling.show_span(doc, start, end, text))
        self.tabs.addTab(self.labelling.codes_panel, self.tr("Codes"))
        self.tabs.addTab(self.labelling.labels_panel, self.tr("Labels"))
        self.tabs.addTab(self.sharing.charts_panel, self.tr("Charts"))
        self.corpus = CorpusBrowser(self, self.open_paths)  # a corpus result's events, in a dock
        self._build_menus_and_toolbar()
        self._build_status_bar()
        self._connect()
        self._apply_zoom()
        self.act_lexical.setChecked(self.settings.default_lexical_only)  # Preferences: default filters
        self.legend.quoted_speech.setChecked(self.settings.default_quoted_speech)
        if self.act_lexical.isChecked():
            self._filters_changed()
        hidden = set(self.settings.hidden_categories)
        self.legend.set_shown({c for c in self.legend.boxes if c not in hidden})
        self._first_show = True
        self._first_event = True
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        if available is not None and available.width() > 0:
            self.resize(min(1600, int(available.width() * 0.92)), min(1000, int(available.height() * 0.9)))
        else:
            self.resize(1400, 900)
        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
        if self.settings.window_state is not None:
            self.restoreState(self.settings.window_state)
            self.corpus.dock.hide()  # until a corpus result is opened

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            if self.settings.window_state is None:  # first run: give the side panel room
                QTimer.singleShot(0, self._size_side_panel)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if hasattr(self, "main_toolbar"):  # not during construction
            self._place_legend()

    def _place_legend(self) -> None:
        """The legend on the main tool bar's line when both fit, else on a line of its own."""
        fits = self.main_toolbar.sizeHint().width() + self.legend.sizeHint().width() + 24 <= self.width()
        if fits and self.toolBarBreak(self.legend):
            self.removeToolBarBreak(self.legend)
        elif not fits and not self.toolBarBreak(self.legend):
            self.insertToolBarBreak(self.legend)

    def _size_side_panel(self) -> None:
        # the differences table wants ~530 px; on a small screen the grid's outlets come first
        share = 0.35 if self.width() >= 1500 else 0.28
        width = max(340, min(560, int(self.width() * share)))
        self.resizeDocks([self.side_dock], [width], Qt.Orientation.Horizontal)
        self.grid.fit_columns()  # now, not after the resize debounce: a screenshot may come first

    # --- construction ---------------------------------------------------------------------
    def _build_central(self) -> None:
        self.message_bar = MessageBar()
        self.legend = Legend()
        self.placeholder = QLabel(self.tr("Open articles about one event: File → Open, or drop files here."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)  # a long message never holds the docks narrow
        self.placeholder.setStyleSheet("color: #666; font-size: 15pt;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.grid)
        self.preview = PreviewPane()  # the text, then the claims, of an event being opened, before the grid
        self.stack.addWidget(self.preview)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(self.message_bar)  # shown only while there is a message
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_panels(self) -> None:
        self.differences_panel = DifferencesPanel(self.outlets)
        self.terms_panel = TermsPanel(self.outlets)
        self.outlets_panel = OutletsPanel(self.outlets)
        self.article_panel = ArticlePanel()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("side_tabs")
        self.tabs.addTab(self.differences_panel, self.tr("Differences"))
        self.tabs.addTab(self.terms_panel, self.tr("Terms"))
        self.tabs.addTab(self.outlets_panel, self.tr("Outlets"))
        self.side_dock = QDockWidget(self.tr("Event"), self)
        self.side_dock.setObjectName("side_dock")
        self.side_dock.setWidget(self.tabs)
        self.side_dock.setMinimumWidth(300)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.side_dock)
        self.article_dock = QDockWidget(self.tr("Raw article"), self)
        self.article_dock.setObjectName("article_dock")
        self.article_dock.setWidget(self.article_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.article_dock)
        self.article_dock.hide()

    def _build_actions(self) -> None:
        A = partial(make_action, self)
        self.act_open_files = A(self.tr("&Open Files…"), self.open_files_dialog, [QKeySequence.StandardKey.Open],
                                tip=self.tr("Open article files about one event"))
        self.act_open_folder = A(self.tr("Open &Folder…"), self.open_folder_dialog, ["Ctrl+Shift+O"],
                                 tip=self.tr("Open every article in a folder"))
        self.act_open_sample = A(self.tr("Open the &Sample Event"), lambda: self.open_paths([str(sample_event_dir())]))
        self.act_clear_recent = A(self.tr("Clear Recent Events"), self._clear_recent)
        # Ctrl+Q (Cmd+Q on a Mac) everywhere: some platforms' standard Quit key is none
        self.act_quit = A(self.tr("&Quit"), self.close, ["Ctrl+Q"])
        self.act_copy = A(self.tr("&Copy"), lambda: self.grid.copy_selection())
        self.act_copy.setShortcut(QKeySequence.StandardKey.Copy)
        self.act_copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_find = A(self.tr("&Find…"), self._focus_search, [QKeySequence.StandardKey.Find, "Ctrl+K"])
        # F8 first: a menu shows only an action's first shortcut
        self.act_next = A(self.tr("&Next Difference"), self.next_difference, ["F8", "Alt+Down"],
                          tip=self.tr("Go to the next difference (F8, Alt+Down)"), name="act_next")
        self.act_prev = A(self.tr("&Previous Difference"), self.previous_difference, ["Shift+F8", "Alt+Up"],
                          tip=self.tr("Go to the previous difference (Shift+F8, Alt+Up)"), name="act_prev")
        self.act_next_open = A(self.tr("Next &Open Difference"), lambda: self.navigator.step(1, only_open=True),
                               ["Ctrl+F8"], name="act_next_open",
                               tip=self.tr("Go to the next difference you have not labelled or judged (Ctrl+F8)"))
        self.act_prev_open = A(self.tr("Previous Open Difference"), lambda: self.navigator.step(-1, only_open=True),
                               ["Ctrl+Shift+F8"], name="act_prev_open")
        self.act_lexical = A(self.tr("Only &Word-Choice Rows"), self._filters_changed, ["Ctrl+L"], checkable=True,
                             tip=self.tr("Show only rows where outlets chose different words"), name="act_lexical")
        self.act_omissions = A(self.tr("Only &Omissions"), self._filters_changed, ["Ctrl+Shift+M"], checkable=True,
                               tip=self.tr("Show only claims that some outlets do not report"), name="act_omissions")
        self.act_blind = A(self.tr("&Blind Mode"), self._toggle_blind, ["Ctrl+B"], checkable=True,
                           tip=self.tr("Replace outlet names by letters"), name="act_blind")
        self.act_blind.setChecked(self.outlets.blind)
        self.act_raw = self.article_dock.toggleViewAction()
        self.act_raw.setText(self.tr("&Raw Article"))
        self.act_raw.setShortcut(QKeySequence("Ctrl+R"))
        self.act_raw.setToolTip(self.tr("Show the current outlet's whole article, furniture included (Ctrl+R)"))
        self.addAction(self.act_raw)
        self.act_side = self.side_dock.toggleViewAction()
        self.act_side.setText(self.tr("&Side Panel"))
        self.act_side.setShortcut(QKeySequence("F9"))
        self.addAction(self.act_side)
        self.act_zoom_in = A(self.tr("Zoom &In"), lambda: self.set_zoom(self.zoom + 1),
                             [QKeySequence.StandardKey.ZoomIn, "Ctrl+="])
        self.act_zoom_out = A(self.tr("Zoom &Out"), lambda: self.set_zoom(self.zoom - 1),
                              [QKeySequence.StandardKey.ZoomOut])
        self.act_zoom_reset = A(self.tr("&Reset Zoom"), lambda: self.set_zoom(0), ["Ctrl+0"])
        self.act_fit = A(self.tr("&Fit Columns to Window"), self._fit_columns, ["Ctrl+Shift+F"])
        self.act_show_all = A(self.tr("Show &All Outlets"), self.outlets.show_all)
        self.act_clear_ref = A(self.tr("&No Reference (compare all pairs)"), lambda: self.outlets.set_reference(None))
        self.act_present = A(self.tr("&Present"), self.present, ["F5"], name="act_present",
                             tip=self.tr("Classroom mode: the claims where outlets differ, one at a time, full screen "
                                         "(F5)"))
        self.act_about = A(self.tr("&About Tabayun"), self._about)
        self.act_preferences = A(self.tr("&Preferences…"), self.preferences_dialog,
                                 ["Ctrl+,"], name="act_preferences")  # Cmd+, on a Mac
        self.act_preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_guide = A(self.tr("&User Guide"), lambda: show_guide(self, current_language()),
                           [QKeySequence.StandardKey.HelpContents],
                           name="act_guide")
        self.act_keys = A(self.tr("&Keyboard Shortcuts"), self._shortcuts_help)

    def _build_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&File"))
        m.addActions([self.act_open_files, self.act_open_folder, self.corpus.act_open, self.act_open_sample])
        self.recent_menu = m.addMenu(self.tr("&Recent Events"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        m.addSeparator()
        lab = self.labelling
        m.addActions([lab.act_labels_file, lab.act_codebook, lab.act_annotator])
        m.addSeparator()
        m.addAction(self.sharing.act_export)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = bar.addMenu(self.tr("&Edit"))
        m.addActions([lab.act_undo, lab.act_redo])
        m.addSeparator()
        m.addActions([self.act_copy, self.act_find])
        m.addSeparator()
        m.addAction(self.act_preferences)
        m = bar.addMenu(self.tr("&Label"))
        m.addActions([lab.act_accept, lab.act_find_code, lab.act_pin, lab.act_delete])
        m.addSeparator()
        m.addAction(self.sharing.act_agreement)
        m = bar.addMenu(self.tr("&View"))
        m.addActions([self.act_lexical, self.act_omissions])
        m.addSeparator()
        m.addActions([self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset, self.act_fit])
        m.addSeparator()
        m.addActions([self.act_side, self.act_raw, self.corpus.act_list])
        m.addSeparator()
        m.addAction(self.act_present)
        m = bar.addMenu(self.tr("&Go"))
        m.addActions([self.act_next, self.act_prev, self.act_next_open, self.act_prev_open])
        m.addSeparator()
        m.addActions([self.corpus.act_next, self.corpus.act_prev])
        self.outlets_menu = bar.addMenu(self.tr("&Outlets"))
        self.outlets_menu.aboutToShow.connect(self._fill_outlets_menu)
        m = bar.addMenu(self.tr("&Help"))
        m.addActions([self.act_guide, self.act_keys, self.act_about])

        tb = QToolBar(self.tr("Main"))
        tb.setObjectName("main_toolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tb.addActions([self.act_open_files, self.act_open_folder])
        tb.addSeparator()
        self.act_prev.setIconText(self.tr("◀ Previous"))
        self.act_next.setIconText(self.tr("Next ▶"))
        tb.addActions([self.act_prev, self.act_next])
        tb.addSeparator()
        self.act_lexical.setIconText(self.tr("Word choice only"))
        self.act_omissions.setIconText(self.tr("Omissions only"))
        tb.addActions([self.act_lexical, self.act_omissions])
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search (ignores diacritics and hamza forms)…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.search.setMaximumWidth(380)
        tb.addWidget(self.search)
        tb.addSeparator()
        self.act_blind.setIconText(self.tr("Blind"))
        tb.addAction(self.act_blind)
        self.outlets_button = QToolButton()
        self.outlets_button.setObjectName("outlets_button")
        self.outlets_button.setText(self.tr("Outlets"))
        self.outlets_button.setToolTip(self.tr("Choose which outlets are shown"))
        self.outlets_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.outlets_button.setMenu(QMenu(self.outlets_button))
        self.outlets_button.menu().aboutToShow.connect(
            lambda: fill_shown_outlets_menu(self.outlets_button.menu(), self.outlets, self.act_show_all,
                                            self.act_blind, lambda: self.show_side_tab(self.outlets_panel)))
        tb.addWidget(self.outlets_button)
        tb.addSeparator()
        self.act_zoom_out.setIconText("A−")
        self.act_zoom_in.setIconText("A+")
        tb.addActions([self.act_zoom_out, self.act_zoom_in])
        self.addToolBar(tb)
        self.main_toolbar = tb
        self.addToolBar(self.legend)  # beside the main tool bar when there is room (_place_legend)
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self._apply_search)

    def _build_status_bar(self) -> None:
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel_loading")
        self.cancel_button.setToolTip(self.tr("Stop opening this event (Esc)"))
        self.cancel_button.clicked.connect(self.cancel_loading)
        self.cancel_button.hide()
        self._cancel_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel_loading)
        self._cancel_key.setEnabled(False)  # Esc is the grid's (clearing a selection) otherwise
        self._task: Task | None = None
        self.review_progress = ReviewProgress()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.review_progress)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)

    def _connect(self) -> None:
        self.outlets.changed.connect(self._outlets_changed)
        self.legend.categories_changed.connect(self._categories_changed)
        self.legend.quoted_speech_changed.connect(self._quoted_speech_changed)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.navigator.shown.connect(lambda _d: self.labelling.refresh_suggestion())
        self.terms_panel.term_selected.connect(self.navigator.show_term)
        self.grid.order_changed.connect(self.outlets.set_order)
        self.grid.header_menu_requested.connect(self._header_menu)
        self.grid.header_double_clicked.connect(self.rename_outlet_dialog)
        self.grid.selectionModel().currentChanged.connect(self._current_cell_changed)
        self.grid.text_selection_changed.connect(self.labelling.refresh_suggestion)
        self.grid.word_clicked.connect(self.navigator.show_at)
        self.navigator.review_state = self.review_progress.state
        self.labelling.annotation.changed.connect(self._labels_changed)
        self.article_dock.visibilityChanged.connect(lambda visible: visible and self._update_article())
        self.proxy.rowsInserted.connect(self._update_status)
        self.proxy.rowsRemoved.connect(self._update_status)

    # --- opening --------------------------------------------------------------------------
    def open_paths(self, paths: list[str]) -> None:
        """Load and analyse ``paths`` off the GUI thread; the window stays responsive."""
        paths = [str(p) for p in paths]
        if not paths:
            return
        if len(paths) == 1 and is_corpus_result(paths[0]):  # what `tabayun corpus` wrote: its events
            self.corpus.open(paths[0])
            return
        if self._task is not None:
            self._task.cancel()  # a load under way is replaced by this one
        self._generation += 1
        generation = self._generation
        self._status_before = self.status_label.text()
        self.loading = True
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Loading… %p%"))
        self.progress.show()
        self.cancel_button.show()
        self._cancel_key.setEnabled(True)
        what = self.tr("the sample event") if self._is_sample(paths) else ", ".join(Path(p).name for p in paths[:3])
        self.status_label.setText(self.tr("Loading {what}…").format(what=what))
        if self.view is None:
            self.placeholder.setText(self.tr("Loading {what}…").format(what=what))
        self._task = run_task(partial(load_event, paths),
                              lambda view: self._loaded(generation, paths, view),
                              lambda exc: self._load_error(generation, paths, exc),
                              lambda stage, fraction: self._progress(generation, stage, fraction),
                              on_partial=lambda first: self._first_part(generation, *first))

    def cancel_loading(self) -> None:
        """Stop opening an event (Esc, the Cancel button): the event shown before, if any,
        stays as it was; the one being opened is never half shown."""
        if not self.loading or self._task is None:
            return
        self._task.cancel()
        self._generation += 1  # anything still on its way from that load is dropped
        self._end_loading()
        self.stack.setCurrentWidget(self.grid if self.view is not None else self.placeholder)
        if self.view is None:
            self.placeholder.setText(self.tr("Open articles about one event: File → Open, or drop files here."))
            self.status_label.setText(self.tr("Nothing loaded"))
        else:
            self.status_label.setText(self._status_before)
        self.statusBar().showMessage(self.tr("Opening the event was cancelled."), 4000)

    def _end_loading(self) -> None:
        self.loading = False
        self._task = None
        self.progress.hide()
        self.cancel_button.hide()
        self._cancel_key.setEnabled(False)
        self.preview.clear()

    def _first_part(self, generation: int, kind: str, articles, parts) -> None:
        if generation == self._generation and self.loading:
            (self._first_units if kind == "units" else self._first_rows)(articles, parts)

    def _first_units(self, articles, units) -> None:
        """The articles are read and split, not aligned: show their text meanwhile, marked so."""
        if not self.preview.table.aligned:  # never over the aligned claims
            self.preview.show_units(articles, units)
            self.stack.setCurrentWidget(self.preview)

    def _first_rows(self, articles, rows) -> None:
        """The claims are aligned, the words not yet compared: show them meanwhile."""
        self.preview.show_rows(articles, rows)
        self.stack.setCurrentWidget(self.preview)

    @staticmethod
    def _is_sample(paths: list[str]) -> bool:
        try:
            return len(paths) == 1 and Path(paths[0]).resolve() == sample_event_dir().resolve()
        except OSError:
            return False

    def _progress(self, generation: int, stage: str, fraction: float) -> None:
        if generation == self._generation:
            self.progress.setValue(int(fraction * 100))
            name = QCoreApplication.translate("Stage", LOAD_STAGES.get(stage, stage))
            self.progress.setFormat(self.tr("{stage}… %p%").format(stage=name))

    def _load_error(self, generation: int, paths: list[str], exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._end_loading()
        self.stack.setCurrentWidget(self.grid if self.view is not None else self.placeholder)
        message = self.tr("Could not open {files}: {error}").format(
            files=", ".join(Path(p).name for p in paths), error=exc)
        if not isinstance(exc, (ValueError, OSError)):
            message = self.tr("Could not analyse these articles ({error}). Please report this.").format(
                error=f"{type(exc).__name__}: {exc}")
        self.message_bar.show_message(message, "error")
        self.status_label.setText(self.tr("Nothing loaded") if self.view is None else self.status_label.text())
        if self.view is None:
            self.placeholder.setText(self.tr("Open articles about one event: File → Open, or drop files here."))
        self.load_failed.emit(message)

    def _loaded(self, generation: int, paths: list[str], view: EventView) -> None:
        if generation != self._generation:
            return
        self._end_loading()
        self.set_event(view, paths)

    def set_event(self, view: EventView, paths: list[str]) -> None:
        """Show an analysed event (what ``open_paths`` ends with; benchmarks call it directly)."""
        self._save_outlet_layout()
        self.view = view
        view.quoted_speech = self.legend.quoted_speech.isChecked()
        self.paths = paths
        self.navigator.set_view(view)
        self._event_key = event_key(paths)
        comparison = view.comparison
        self.labelling.open_event(comparison, paths, self._event_key, self._event_name(paths))
        self.outlets.reset({d: a.outlet for d, a in comparison.articles.items()},
                           self.settings.outlet_layout(self._event_key))
        direction = Qt.LayoutDirection.RightToLeft if view.direction == "rtl" else Qt.LayoutDirection.LeftToRight
        self.grid.setLayoutDirection(direction)
        self.grid_model.set_view(view)
        self.grid.apply_order(self.outlets.order)
        self.grid.apply_hidden(self.outlets.hidden)
        self.differences_panel.set_view(view)
        self.terms_panel.set_view(view)
        self.legend.set_counts(view.category_counts())
        self.stack.setCurrentWidget(self.grid)
        self.settings.add_recent_event(paths)
        self.setWindowTitle(self.tr("{event} — Tabayun").format(event=self._event_name(paths)))
        said = []
        if comparison.problems:
            lines = [f"• {p.source}: {p.reason}" for p in comparison.problems]
            n = len(comparison.problems)
            said.append(self.tr("%n file(s) could not be loaded;", "", n) + " "
                        + self.tr("the other %n article(s) loaded:", "", len(comparison.articles))
                        + "\n" + "\n".join(lines))
        off = self.labelling.annotation.off_reason  # said when the labels file was opened: keep saying it
        if off:
            said.append(off)
        if said:
            self.message_bar.show_message("\n\n".join(said), "error" if off else "warning")
        else:
            self.message_bar.dismiss()
        self._update_status()
        self._update_article()
        if self._first_event and self.settings.window_state is None:
            QTimer.singleShot(0, self._size_side_panel)  # the panel's contents changed its size
        self._first_event = False
        self.event_loaded.emit()

    def _event_name(self, paths: list[str]) -> str:
        return self.tr("Sample event") if self._is_sample(paths) else (
            Path(paths[0]).name if len(paths) == 1 else self.tr("{first} and %n more", "", len(paths) - 1).format(first=Path(paths[0]).name))

    @property
    def event_key(self) -> str:
        return self._event_key

    def show_side_tab(self, widget: QWidget) -> None:
        self.side_dock.show()
        self.tabs.setCurrentWidget(widget)

    def open_files_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open articles about one event"), self.settings.last_directory,
            self.tr("Articles (*.txt *.md *.html *.htm *.csv *.json *.jsonl);;All files (*)"))
        if files:
            self.settings.last_directory = str(Path(files[0]).parent)
            self.open_paths(files)

    def open_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a folder of articles"), self.settings.last_directory)
        if folder:
            self.settings.last_directory = folder
            self.open_paths([folder])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_events
        for paths in recent:
            if self._is_sample(paths):
                label = self.tr("Sample event")
            elif len(paths) == 1 and is_corpus_result(paths[0]):
                label = self.tr("{folder}/ (corpus result)").format(folder=Path(paths[0]).name)
            elif len(paths) == 1:
                label = Path(paths[0]).name + ("/" if Path(paths[0]).is_dir() else "")
            else:
                label = self.tr("{folder}/: %n file(s)", "", len(paths)).format(folder=Path(paths[0]).parent.name)
            action = self.recent_menu.addAction(label)
            action.setToolTip("\n".join(paths))
            action.triggered.connect(partial(self.open_paths, paths))
        if not recent:
            self.recent_menu.addAction(self.tr("No recent events")).setEnabled(False)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.act_clear_recent)

    def _clear_recent(self) -> None:
        self.settings.clear_recent_events()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    # --- outlets --------------------------------------------------------------------------
    def _outlets_changed(self, what: str) -> None:
        if self.view is None:
            return
        if what in ("hidden", "reference", "reset"):
            self._count_reviewed()
        if what == "order":
            self.grid.apply_order(self.outlets.order)
        elif what == "hidden":
            self.grid.apply_hidden(self.outlets.hidden)
        elif what == "blind":
            self.act_blind.setChecked(self.outlets.blind)
            self.settings.blind = self.outlets.blind
            self.statusBar().clearMessage()  # it may name outlets
            self._update_article()
        elif what == "names":
            self._update_article()
        if what != "reset":
            self._save_outlet_layout()
        self._update_status()

    def _save_outlet_layout(self) -> None:
        if self._event_key and self.outlets.doc_ids:
            self.settings.set_outlet_layout(self._event_key, self.outlets.layout())

    def _toggle_blind(self, checked: bool) -> None:
        self.outlets.set_blind(checked)

    def rename_outlet_dialog(self, doc_id: str) -> None:
        if self.outlets.blind:
            self.statusBar().showMessage(self.tr("Outlets cannot be renamed in blind mode."), 4000)
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename outlet"), self.tr("Name for {outlet}:").format(outlet=self.outlets.outlets[doc_id]),
                                        QLineEdit.EchoMode.Normal, self.outlets.name(doc_id))
        if ok:
            self.outlets.rename(doc_id, name)

    def _header_menu(self, doc_id: str, global_pos) -> None:
        menu = QMenu(self)
        add_outlet_actions(menu, self.outlets, doc_id, self.rename_outlet_dialog, self._show_raw, self.act_show_all)
        menu.exec(global_pos)

    def _fill_outlets_menu(self) -> None:
        fill_outlets_menu(self.outlets_menu, self.outlets, self.rename_outlet_dialog, self._show_raw,
                          self.act_show_all, self.act_blind)

    def _show_raw(self, doc_id: str) -> None:
        column = self.grid_model.column_of(doc_id)
        current = self.grid.currentIndex()
        row = current.row() if current.isValid() else 0
        if self.proxy.rowCount():
            self.grid.setCurrentIndex(self.proxy.index(row, column))
        self.article_dock.show()
        self._update_article()

    # --- highlights, filters, search --------------------------------------------------------
    def _labels_changed(self) -> None:
        annotation = self.labelling.annotation
        self.review_progress.update_states(annotation.labels, annotation.codebook, self.settings.annotator)

    def _count_reviewed(self) -> None:
        self.review_progress.set_scope(self.view, self.difference_categories(), self.outlets.reference,
                                       self.outlets.visible())

    def _categories_changed(self, shown: set[str]) -> None:
        self.grid_model.set_categories(shown)
        self._count_reviewed()
        self.settings.hidden_categories = [c for c in self.legend.boxes if c not in shown]
        if self.act_lexical.isChecked():
            refilter_rows(self.proxy)

    def _quoted_speech_changed(self, shown: bool) -> None:
        if self.view is not None:
            self.view.quoted_speech = shown
            self.legend.set_counts(self.view.category_counts())
            self.grid_model.refresh()

    def _filters_changed(self, *_args) -> None:
        self.proxy.set_filters(lexical_only=self.act_lexical.isChecked(),
                               omissions_only=self.act_omissions.isChecked())
        self._update_status()

    def _apply_search(self) -> None:
        query = self.search.text()
        self.grid_model.set_query(query)
        self.proxy.set_filters(query=query)
        self._update_status()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def clear_filters(self) -> None:
        for action in (self.act_lexical, self.act_omissions):
            action.setChecked(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.grid_model.set_query("")
        self.proxy.set_filters(lexical_only=False, omissions_only=False, query="")

    # --- differences ------------------------------------------------------------------------
    def difference_categories(self) -> set[str]:
        shown = self.legend.shown() & set(DIFFERENCE_CATEGORIES)
        return shown or {"lexical"}

    def next_difference(self) -> bool:
        return self.navigator.step(1)

    def previous_difference(self) -> bool:
        return self.navigator.step(-1)

    @property
    def current_difference(self) -> Difference | None:
        return self.navigator.current

    def show_difference(self, d: Difference) -> None:
        self.navigator.show(d)

    def present(self) -> None:
        """Open the classroom presentation at the current claim (it deletes itself on close)."""
        if self.view is None:
            return
        current = self.grid.currentIndex()
        row = self.proxy.mapToSource(current).row() if current.isValid() else None
        PresentationWindow(self.view, self.outlets, self.labelling.annotation, parent=self).start(row)

    # --- current cell ----------------------------------------------------------------------
    def _current_cell_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.article_dock.isVisible():
            self._update_article()
        self.labelling.refresh_suggestion()

    def _update_article(self) -> None:
        if self.view is None:
            self.article_panel.show_article(None, None, "")
            return
        current = self.grid.currentIndex()
        doc = self.grid.doc_at_column(current.column()) if current.isValid() else (self.outlets.visible() or [None])[0]
        span = None
        if current.isValid():
            cell = self.view.cell(self.proxy.mapToSource(current).row(), doc)
            span = (cell.start, cell.end) if cell else None
        self.article_panel.show_article(self.view.comparison, doc, self.outlets.label(doc), span)

    # --- zoom and layout ------------------------------------------------------------------
    def set_zoom(self, zoom: int) -> None:
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self.settings.zoom = self.zoom
        self._apply_zoom()

    def article_font(self) -> QFont:
        font = QFont(self.base_font)
        font.setPointSizeF(BASE_POINT_SIZE + self.zoom)
        return font

    def _apply_zoom(self) -> None:
        font = self.article_font()
        self.grid.delegate.set_font(font)
        self.grid.set_header_font(font)
        self.grid.set_zoom_scale(font.pointSizeF() / BASE_POINT_SIZE)
        self.article_panel.set_font(font)
        self.grid.viewport().update()

    def _fit_columns(self) -> None:
        self.grid.auto_fit = True
        self.grid.fit_columns()

    def _update_status(self, *_args) -> None:
        if self.view is None:
            return
        c = self.view.comparison
        shown = max(0, self.proxy.rowCount() - 1)
        claims = len(self.view.rows) - 1
        rows = (self.tr("{shown} of %n claim(s)", "", claims).format(shown=shown) if shown != claims
                else self.tr("%n claim(s)", "", claims))
        parts = [self.tr("{shown} of %n outlet(s)", "", len(c.articles)).format(shown=len(self.outlets.visible())),
                 rows, self.tr("%n difference(s)", "", len(c.differences)),
                 self.tr("%n marker(s)", "", len(c.markers))]
        if self.outlets.reference:
            parts.append(self.tr("reference: {outlet}").format(outlet=self.outlets.label(self.outlets.reference)))
        if self.outlets.blind:
            parts.append(self.tr("blind mode"))
        if self.labelling.annotation.off_reason:
            parts.append(self.tr("labelling off (see the message above the grid)"))
        self.status_label.setText("   ·   ".join(parts))

    # --- help -------------------------------------------------------------------------------
    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About Tabayun"),
                          self.tr("<b>Tabayun {version}</b> · تباين<br>Several news articles about one event, side by side, "
                                  "claim by claim, with the outlets' different words highlighted.<br><br>"
                                  "Arabic text in Noto Naskh Arabic (SIL Open Font License) when the system has no "
                                  "Arabic font.").format(version=__version__))

    # --- preferences ------------------------------------------------------------------------
    def preferences_dialog(self) -> PreferencesDialog:
        """Edit → Preferences (Ctrl+,): open, and apply what was chosen on OK."""
        dialog = PreferencesDialog(Preferences.read(self.settings), self._default_families[0], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_preferences(dialog.preferences(), dialog.language_changed()))
        dialog.open()
        self.preferences = dialog  # tests and screenshots reach it here
        return dialog

    def apply_preferences(self, prefs: Preferences, language_changed: bool = False) -> None:
        """Store ``prefs`` and apply at once all but the language (read at start)."""
        prefs.write(self.settings)
        self._set_font_family(prefs.font_family)
        self.set_zoom(self.settings.zoom)
        self.act_lexical.setChecked(prefs.lexical_only)
        self._filters_changed()
        self.legend.quoted_speech.setChecked(prefs.quoted_speech)
        if language_changed:
            self.message_bar.show_message(self.tr("The interface language changes when Tabayun restarts."), "info")

    def _set_font_family(self, family: str) -> None:
        self.base_font.setFamilies([family, *self._default_families] if family else self._default_families)

    def _shortcuts_help(self) -> None:
        self.shortcuts_dialog = shortcuts_dialog(self)

    # --- closing ----------------------------------------------------------------------------
    def save_settings(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.zoom = self.zoom
        self._save_outlet_layout()
        self.settings.sync()

    def closeEvent(self, event) -> None:
        self.save_settings()
        self._generation += 1  # a load still running is ignored when it finishes
        super().closeEvent(event)

