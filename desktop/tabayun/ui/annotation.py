"""Labelling in the window: the labels file, the codebook, undo and redo.

Every change goes through a QUndoCommand that calls the core's :class:`LabelStore`,
which saves ``labels.csv`` at once (atomically, merging what another window wrote).
So Ctrl+Z is a change like any other: it is on disk when the key is released.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.annotation.codebook import Codebook, CodebookError, default_codebook, load_codebook
from ..core.annotation.labels import Label, LabelFileError, LabelStore, new_label
from ..core.annotation.targets import LabelTarget
from ..core.resources import sample_event_dir
from .i18n import current_language
from .settings import Settings

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from ..core.analysis.comparison import Comparison

LABELS_NAME = "labels.csv"
EDITABLE = ("code", "note", "confidence")


def default_labels_path(paths: list[str], key: str, settings: Settings) -> Path:
    """``labels.csv`` beside the event (in its folder, or the first file's), unless that
    folder cannot take it or is the shipped sample: then the user's data folder."""
    chosen = settings.labels_file(key)
    if chosen:
        return Path(chosen)
    first = Path(paths[0]).resolve()
    folder = first if first.is_dir() else first.parent
    try:
        shipped = folder == sample_event_dir().resolve()
    except OSError:
        shipped = False
    if shipped or not os.access(folder, os.W_OK):
        return settings.labels_dir / f"{'sample-event' if shipped else key}-{LABELS_NAME}"
    return folder / LABELS_NAME


class _LabelCommand(QUndoCommand):
    """A change to the labels file. Qt calls redo/undo from C++, where a Python exception
    would only be printed: a failed save is kept in ``error``, the command made obsolete
    (Qt then drops it from the stack) and reported by :class:`Annotation`."""

    def __init__(self, store: LabelStore, text: str):
        super().__init__(text)
        self.store = store
        self.error: Exception | None = None

    def _run(self, change: Callable[[], object]) -> None:
        self.error = None
        try:
            change()
        except (OSError, LabelFileError, KeyError, ValueError) as exc:
            self.error = exc
            self.setObsolete(True)


class _Add(_LabelCommand):
    """Its text names the code as the annotator knows it ("label: Referent label"), never its id."""

    def __init__(self, store: LabelStore, label: Label, code_name: str):
        super().__init__(store, translate("Annotation", "label: {code}").format(code=code_name))
        self.label = label

    def redo(self) -> None:
        self._run(lambda: self.store.add(self.label))

    def undo(self) -> None:
        self._run(lambda: self.store.delete(self.label.label_id))


class _Delete(_Add):
    def __init__(self, store: LabelStore, label: Label, code_name: str):
        super().__init__(store, label, code_name)
        self.setText(translate("Annotation", "delete label: {code}").format(code=code_name))

    def redo(self) -> None:
        super().undo()

    def undo(self) -> None:
        super().redo()


class _Edit(_LabelCommand):
    def __init__(self, store: LabelStore, label: Label, changes: dict, what: str):
        super().__init__(store, translate("Annotation", "change label: {what}").format(what=what))
        self.label_id = label.label_id
        self.after = changes
        self.before = {k: getattr(label, k) for k in changes}

    def redo(self) -> None:
        self._run(lambda: self.store.update(self.label_id, **self.after))

    def undo(self) -> None:
        self._run(lambda: self.store.update(self.label_id, **self.before))


class Annotation(QObject):
    """The labels of the open event and the codebook they use."""

    changed = Signal()  # labels added, edited or removed, here or by another window
    problem = Signal(str, str)  # message, level ("warning" | "error")

    def __init__(self, settings: Settings, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self.codebook: Codebook = self._load_codebook()
        self.store: LabelStore | None = None
        self.path: Path | None = None
        # Why labelling is off for this event, said in words with what to do; "" when on.
        # Kept (not only shown once) so that the window can keep saying it.
        self.off_reason = ""
        self.comparison: Comparison | None = None
        self.event_name = ""
        self.undo_stack = QUndoStack(self)
        self.ask_annotator: Callable[[], str] = lambda: ""
        self._spans: dict[str, list[tuple[int, int, str]]] | None = None
        self._watcher = QFileSystemWatcher(self)
        self._reload_timer = QTimer(self, singleShot=True, interval=200)
        self._reload_timer.timeout.connect(self.reload)
        self._seen_mtime: int | None = None  # of the labels file as we last wrote or read it
        # bound methods, not lambdas: Qt disconnects them when this object goes. The folder
        # is watched (an atomic save replaces the file, and a watch on it ends) and the file
        # too (a new label is appended to it: the folder does not change).
        self._watcher.directoryChanged.connect(self._folder_changed)
        self._watcher.fileChanged.connect(self._folder_changed)
        self.undo_stack.indexChanged.connect(self._index_changed)

    # --- codebook -------------------------------------------------------------------
    def _load_codebook(self) -> Codebook:
        path = self.settings.codebook_path
        if path:
            try:
                return load_codebook(path)
            except (CodebookError, OSError) as exc:
                # said once the window listens (the message is made now: ``exc`` ends with the block)
                message = translate("Annotation", "Your codebook could not be loaded ({error}); using the default codebook.").format(
                    error=exc)
                QTimer.singleShot(0, self, lambda: self.problem.emit(message, "warning"))
        return default_codebook()

    def use_codebook(self, path: str) -> None:
        """Load a team's codebook (raises CodebookError with the line at fault)."""
        self.codebook = load_codebook(path)
        self.settings.codebook_path = path
        self._changed()

    # --- the labels file ------------------------------------------------------------
    def open_event(self, comparison: Comparison, paths: list[str], key: str, name: str) -> None:
        self.comparison = comparison
        self.event_name = name
        self.undo_stack.clear()
        self._open(default_labels_path(paths, key, self.settings))

    def use_file(self, path: str, key: str) -> None:
        """Label into another file from now on (File → Labels File…)."""
        self.settings.set_labels_file(key, path)
        self.undo_stack.clear()
        self._open(Path(path))

    def _open(self, path: Path) -> None:
        self.store, self.path, self.off_reason = None, path, ""
        try:
            self.store = LabelStore(path, self.event_name)
        except LabelFileError as exc:
            self.off_reason = translate("Annotation", "Labelling is off") + translate(
                "Annotation", ": {error}. The file is left as it is, never overwritten: fix it (a spreadsheet may "
                "have changed it), or choose another file with File → Labels File…").format(error=exc)
        except TimeoutError as exc:
            self.off_reason = translate("Annotation", "Labelling is off") + translate(
                "Annotation", ": {error} Then reopen the event.").format(error=exc)
        except OSError as exc:
            self.off_reason = translate("Annotation", "Labelling is off") + translate(
                "Annotation", ": cannot use {path} for labels ({error}); choose another file with File → Labels "
                "File…").format(path=path, error=exc.strerror or exc)
        if self.off_reason:
            self.problem.emit(self.off_reason, "error")
        if self.store is not None:
            self._reanchor()
        self._watch()
        self._changed()

    def _reanchor(self) -> None:
        """Labels point at article text; after a re-alignment (or an edited article) they
        are moved to where their quoted text now stands. Those not found are kept as they
        are and reported, never dropped."""
        if self.store is None or self.comparison is None or not self.store.labels:
            return
        try:
            lost = self.store.reanchor(self.comparison.articles)
        except (OSError, LabelFileError) as exc:
            self.problem.emit(translate("Annotation", "Labels could not be re-anchored ({error}).").format(error=exc), "warning")
            return
        if lost:
            lines = "\n".join(f"• «{label.text[:40]}»: {reason}" for label, reason in lost[:8])
            self.problem.emit(translate("Annotation", "%n label(s) no longer match the article text; they are kept "
                                        "in {file} unchanged:", "", len(lost)).format(file=self.path.name)
                              + "\n" + lines, "warning")

    def reload(self) -> None:
        """Another window (or program) wrote the file: show its labels too."""
        if self.store is None:
            return
        try:
            self.store.reload()
        except LabelFileError as exc:
            self.problem.emit(translate("Annotation", "{error}. The labels shown are those before that change; the "
                                        "next label you make is refused until the file is fixed.").format(error=exc),
                              "warning")
        except (OSError, TimeoutError) as exc:
            self.problem.emit(translate("Annotation", "Labels saved by another window could not be read ({error}).").format(error=exc), "warning")
        if self.store.outside_report:
            self.problem.emit(self.store.outside_report, "info")
        self._changed()

    # --- labelling ------------------------------------------------------------------
    @property
    def labels(self) -> list[Label]:
        return self.store.labels if self.store is not None else []

    @property
    def ready(self) -> bool:
        return self.store is not None and self.comparison is not None

    def apply(self, target: LabelTarget, code_id: str, note: str = "", confidence: float | None = None,
              suggested: str = "") -> Label | None:
        """Label ``target`` with ``code_id``; saved before this returns. None if not labelled."""
        if not self.ready:
            self.problem.emit(self.off_reason or translate("Annotation", "Open an event to label it."), "error")
            return None
        annotator = self.settings.annotator or self.ask_annotator().strip()
        if not annotator:
            return None
        self.settings.annotator = annotator
        articles = self.comparison.articles
        other = articles.get(target.other_doc_id) if target.other_doc_id else None
        label = new_label(event=self.event_name, annotator=annotator, codebook=self.codebook, code=code_id,
                          article=articles[target.doc_id], start=target.start, end=target.end, other=other,
                          other_start=target.other_start, other_end=target.other_end, row_id=target.row_id,
                          suggested_code=suggested, difference_category=target.category, note=note,
                          confidence=confidence)
        return label if self._push(_Add(self.store, label, self.code_name(code_id))) else None

    def edit(self, label_id: str, **changes) -> None:
        changes = {k: v for k, v in changes.items() if k in EDITABLE}
        label = self.store.get(label_id) if self.store else None
        if label is None or all(getattr(label, k) == v for k, v in changes.items()):
            return
        what = (f"{self.code_name(label.code)} → {self.code_name(changes['code'])}" if "code" in changes
                else f"{self.code_name(label.code)} ({', '.join(changes)})")
        self._push(_Edit(self.store, label, changes, what))

    def remove(self, label_id: str) -> None:
        label = self.store.get(label_id) if self.store else None
        if label is not None:
            self._push(_Delete(self.store, label, self.code_name(label.code)))

    def _push(self, command: _LabelCommand) -> bool:
        self.undo_stack.push(command)
        if command.error is not None:
            self._report_failure(command.error)
            return False
        if self.store is not None and self.store.outside_report:
            self.problem.emit(self.store.outside_report, "info")  # another program's edit, merged
        return True

    def _report_failure(self, exc: Exception) -> None:
        self.problem.emit(translate("Annotation", "The change could not be saved to {path} ({error}). The file is "
                                    "as it was before; try again, or choose another file with File → Labels "
                                    "File…").format(path=self.path, error=exc), "error")
        self._changed()

    def undo(self) -> None:
        self._step(self.undo_stack.undo, lambda: self.undo_stack.index() - 1)

    def redo(self) -> None:
        self._step(self.undo_stack.redo, lambda: self.undo_stack.index())

    def _step(self, move: Callable[[], None], which: Callable[[], int]) -> None:
        index = which()
        command = self.undo_stack.command(index) if 0 <= index < self.undo_stack.count() else None
        move()
        if isinstance(command, _LabelCommand) and command.error is not None:
            self._report_failure(command.error)

    # --- what the grid paints ---------------------------------------------------------
    def spans(self, doc_id: str) -> list[tuple[int, int, str]]:
        """(start, end, code) of every labelled span in one article (both sides of pairs)."""
        if self._spans is None:
            spans: dict[str, list[tuple[int, int, str]]] = {}
            for label in self.labels:
                spans.setdefault(label.doc_id, []).append((label.char_start, label.char_end, label.code))
                if label.other_doc_id and label.other_start is not None and label.other_end is not None:
                    spans.setdefault(label.other_doc_id, []).append((label.other_start, label.other_end, label.code))
            self._spans = spans
        return self._spans.get(doc_id, [])

    def code_name(self, code_id: str) -> str:
        try:
            return self.codebook.code(code_id).label(current_language())
        except KeyError:
            return code_id  # a code of another codebook: named as it is

    def colour(self, code_id: str) -> str:
        try:
            return self.codebook.code(code_id).colour
        except KeyError:
            return "#999999"  # a code of another codebook: still shown

    def _folder_changed(self, _path: str) -> None:
        self._watch_file()
        if self._mtime() != self._seen_mtime:
            self._reload_timer.start()  # another writer; a burst of writes is one reload

    def _mtime(self) -> int | None:
        try:
            return self.path.stat().st_mtime_ns if self.path else None
        except OSError:
            return None

    def _watch(self) -> None:
        watched = self._watcher.directories() + self._watcher.files()
        if watched:
            self._watcher.removePaths(watched)
        if self.path is not None and self.path.parent.is_dir():
            self._watcher.addPath(str(self.path.parent))
        self._watch_file()

    def _watch_file(self) -> None:
        """Watch the file itself again: a watch ends when a save replaces the file."""
        if self.path is not None and not self._watcher.files() and self.path.is_file():
            self._watcher.addPath(str(self.path))

    def _index_changed(self, _index: int) -> None:
        self._changed()

    def _changed(self) -> None:
        self._seen_mtime = self._mtime()
        if self.path is not None and not self._watcher.directories():
            self._watch()  # the folder was made by the first save
        self._watch_file()
        self._spans = None
        self.changed.emit()
