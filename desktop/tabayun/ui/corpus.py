"""The window's corpus view: File → Open Corpus Result…, ``tabayun DIR``, a dropped folder or
the Recent menu open what ``tabayun corpus`` wrote into a dock beside the grid; an event
picked there opens in the grid like any event folder (its labels go to its labels.csv)
and the dock stays, marking it, for the next one.

The files are read off the GUI thread (a corpus of 100,000 articles takes a second or so).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QFileDialog

from ..core.corpus.result import CorpusEvent, CorpusResult, CorpusResultError, open_corpus_result
from .actions import make_action
from .panels.corpus import CorpusPanel
from .workers import Task, run_task

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

    from ..core.sharing.event_view import EventView
    from .grid import GridView
    from .labelling import Labelling
    from .panels.messagebar import MessageBar
    from .settings import Settings

translate = QCoreApplication.translate


class CorpusHost(Protocol):
    """What the corpus view needs of the window it serves (the main window is one): the event
    shown, where to say things, and its settings. It is a QMainWindow (the dock goes in it)."""

    settings: Settings
    view: EventView | None
    paths: list[str]
    loading: bool
    grid: GridView
    placeholder: QLabel
    message_bar: MessageBar
    labelling: Labelling
    event_loaded: SignalInstance

    def statusBar(self) -> QStatusBar: ...
    def focusWidget(self) -> QWidget: ...


class CorpusBrowser(QObject):
    opened = Signal()  # a corpus result is shown
    failed = Signal(str)  # it could not be: the message the window shows

    def __init__(self, window: CorpusHost, open_event: Callable[[list[str]], None]):
        super().__init__(window)
        self.w = window
        self._open_event = open_event
        self.result: CorpusResult | None = None
        self._task: Task | None = None
        self._generation = 0
        self._size_dock = False
        self.panel = CorpusPanel()
        self.dock = QDockWidget(translate("Corpus", "Corpus"), window)
        self.dock.setObjectName("corpus_dock")
        self.dock.setWidget(self.panel)
        self.dock.setMinimumWidth(280)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.dock.hide()
        self.panel.event_activated.connect(self.open_event)
        A = partial(make_action, window)
        self.act_open = A(translate("Corpus", "Open &Corpus Result…"), self.open_dialog, ["Ctrl+Alt+O"],
                          name="act_open_corpus",
                          tip=translate("Corpus", "Open the folder `tabayun corpus` wrote: its events and tables"))
        self.act_list = A(translate("Corpus", "Corpus &Events"), self.show_list, ["F6"], name="act_corpus_events",
                          tip=translate("Corpus", "Go to the list of the corpus's events (F6)"))
        self.act_next = A(translate("Corpus", "Next &Event in Corpus"), lambda: self.step(1), ["Alt+PgDown"],
                          name="act_next_event")
        self.act_prev = A(translate("Corpus", "Previous E&vent in Corpus"), lambda: self.step(-1), ["Alt+PgUp"],
                          name="act_prev_event")
        self._update_actions()
        window.event_loaded.connect(self._event_shown)
        window.labelling.annotation.changed.connect(self._labels_changed)

    def _update_actions(self) -> None:
        for action in (self.act_list, self.act_next, self.act_prev):
            action.setEnabled(self.result is not None)

    # --- opening the result ----------------------------------------------------------------
    def open_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.w, translate("Corpus", "Open a corpus result (the folder "
                                                                              "tabayun corpus wrote)"),
                                                  self.w.settings.last_directory)
        if folder:
            self.w.settings.last_directory = str(Path(folder).parent)
            self.open(folder)

    def open(self, folder: str | Path) -> None:
        """Read the corpus result in ``folder`` off the GUI thread, then show it."""
        folder = str(folder)
        if self._task is not None:
            self._task.cancel()
        self._generation += 1
        generation = self._generation
        self.w.statusBar().showMessage(translate("Corpus", "Opening the corpus result {name}…").format(
            name=Path(folder).name))
        self._task = run_task(partial(_read, folder), lambda result: self._done(generation, folder, result),
                              lambda exc: self._failed(generation, folder, exc))

    def _done(self, generation: int, folder: str, result: CorpusResult) -> None:
        if generation != self._generation:
            return
        self._task = None
        self.result = result
        self.panel.set_result(result)
        self.w.settings.add_recent_event([folder])
        first_time = not self.dock.isVisible()
        self.dock.show()
        self._update_actions()
        self._mark_open_event()
        self.w.statusBar().showMessage(translate("Corpus", "Corpus result {name} opened: choose an event and press "
                                                           "Enter to open it.").format(name=result.name), 8000)
        if self.w.view is None and not self.w.loading:
            self.w.placeholder.setText(translate("Corpus", "Choose an event in the corpus list: Enter or a double-click "
                                                           "opens it here."))
        if first_time:
            self._size_dock = True
            QTimer.singleShot(0, self._fit_dock)
        self.panel.focus_list()
        self.opened.emit()

    def _failed(self, generation: int, folder: str, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._task = None
        if isinstance(exc, CorpusResultError):
            message = str(exc)
        elif isinstance(exc, OSError):
            message = translate("Corpus", "Could not read the corpus result {folder}: {error}").format(
                folder=folder, error=exc.strerror or exc)
        else:
            message = translate("Corpus", "Could not open the corpus result {folder} ({error}). Please report "
                                          "this.").format(folder=folder, error=f"{type(exc).__name__}: {exc}")
        self.w.statusBar().clearMessage()
        self.w.message_bar.show_message(message, "error")
        self.failed.emit(message)

    def _fit_dock(self) -> None:
        """The list wide enough for its columns; wider while no event is open beside it."""
        share = 0.5 if self.w.view is None else 0.42
        self.w.resizeDocks([self.dock], [max(360, int(self.w.width() * share))], Qt.Orientation.Horizontal)

    # --- events ----------------------------------------------------------------------------
    def open_event(self, event: CorpusEvent) -> bool:
        """Open ``event``'s folder in the grid, the way any event folder opens (False: it
        cannot be, and the window says why)."""
        if self.result is None:
            return False
        folder = self.result.event_folder(event)
        if not folder.is_dir():
            self.w.message_bar.show_message(translate("Corpus", "{event}'s folder {folder} is missing: run "
                                                                "`tabayun corpus` again with the same --out to "
                                                                "write it.").format(event=event.event_id,
                                                                                    folder=folder), "error")
            return False
        if not event.compared:
            self.w.statusBar().showMessage(translate("Corpus", "{event}: only one outlet told this story, so there is "
                                                               "nothing to compare; its article is shown alone.").format(
                event=event.event_id), 8000)
        self._open_event([str(folder)])
        return True

    def step(self, delta: int) -> bool:
        """Alt+PgDown / Alt+PgUp: open the next (previous) event of the list, as sorted and
        filtered. False when there is none to open."""
        event = self.panel.step(delta) if self.result is not None else None
        if event is None:
            self.w.statusBar().showMessage(translate("Corpus", "No more events in the list."), 4000)
            return False
        return self.open_event(event)

    def show_list(self) -> None:
        """F6: the dock shown and the list focused (F6 again, from the list: back to the grid)."""
        if self.result is None:
            return
        if self.dock.isVisible() and self.panel.isAncestorOf(self.w.focusWidget()) and self.w.view is not None:
            self.w.grid.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        self.dock.show()
        self.dock.raise_()
        self.panel.focus_list()

    def _event_shown(self) -> None:
        self._mark_open_event()
        if self._size_dock:  # the first event opened beside the list: give the grid the room
            self._size_dock = False
            QTimer.singleShot(0, self._fit_dock)

    def _labels_changed(self) -> None:
        """The open event's labels changed: its ✓ in the list follows (when they are saved in
        its folder, as they are unless the user chose another labels file)."""
        event_id = self.panel.events_model.open_event
        annotation = self.w.labelling.annotation
        if self.result is None or event_id is None or annotation.path is None:
            return
        if annotation.path.parent.resolve() == self.result.event_folder(event_id).resolve():
            self.panel.events_model.set_labelled(event_id, bool(annotation.labels))

    def _mark_open_event(self) -> None:
        if self.result is None:
            return
        paths = self.w.paths
        event = self.result.event_of_folder(paths[0]) if len(paths) == 1 and self.w.view is not None else None
        self.panel.set_open_event(event.event_id if event is not None else None)
        self._labels_changed()
        if event is not None:
            self.w.setWindowTitle(translate("Corpus", "{event} of {corpus} — Tabayun").format(
                event=event.event_id, corpus=self.result.name))


def _read(folder: str) -> CorpusResult:
    """Worker-thread job."""
    result = open_corpus_result(folder)
    result.search_texts()
    result.labelled_events()
    return result
