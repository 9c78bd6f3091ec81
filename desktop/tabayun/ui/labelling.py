"""Labelling wired into the main window: what is selected, the code keys, the panels.

Kept out of :mod:`main_window` so that the window stays about showing the event; this
module only decides *what* the annotator is pointing at (a difference, a marker, an
omission, a hand-selected span, a pair of spans) and hands it to :class:`Annotation`.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit

from ..core.annotation import targets
from ..core.annotation.targets import LabelTarget
from .actions import make_action
from .annotation import Annotation
from .i18n import current_language
from .panels.codebook import CodebookPanel
from .panels.labels import LabelsPanel

translate = QCoreApplication.translate
# what a label was put on (core's LabelTarget.what), named in the status bar
TARGET_KINDS = {
    "difference": QT_TRANSLATE_NOOP("Target", "difference"),
    "marker": QT_TRANSLATE_NOOP("Target", "marker"),
    "omission": QT_TRANSLATE_NOOP("Target", "omission"),
    "selected words": QT_TRANSLATE_NOOP("Target", "selected words"),
    "cell": QT_TRANSLATE_NOOP("Target", "cell"),
    "span": QT_TRANSLATE_NOOP("Target", "span"),
    "pair": QT_TRANSLATE_NOOP("Target", "pair"),
}

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QStatusBar, QWidget

    from ..core.model import Difference
    from ..core.sharing.event_view import EventView
    from .grid import GridView
    from .grid_model import GridModel, RowFilterProxy
    from .outlet_state import OutletState
    from .panels.article import ArticlePanel
    from .panels.differences import DifferencesPanel
    from .panels.messagebar import MessageBar
    from .settings import Settings


class LabellingHost(Protocol):
    """What labelling needs of the window it serves (the main window is one): the grid and
    what is selected in it, the raw article, where to say things, and the settings."""

    settings: Settings
    view: EventView | None
    current_difference: Difference | None
    outlets: OutletState
    grid: GridView
    grid_model: GridModel
    proxy: RowFilterProxy
    article_panel: ArticlePanel
    article_dock: QDockWidget
    differences_panel: DifferencesPanel
    message_bar: MessageBar

    @property
    def event_key(self) -> str: ...
    def difference_categories(self) -> set[str]: ...
    def clear_filters(self) -> None: ...
    def show_side_tab(self, widget: QWidget) -> None: ...
    def statusBar(self) -> QStatusBar: ...


class Labelling(QObject):
    def __init__(self, window: LabellingHost):
        super().__init__(window)
        self.w = window
        self.annotation = Annotation(window.settings, self)
        self.annotation.ask_annotator = self._ask_annotator
        self.codes_panel = CodebookPanel()
        self.labels_panel = LabelsPanel(window.outlets)
        self._pinned: LabelTarget | None = None  # the first span of a pair
        self._key_actions: list[QAction] = []
        window.grid_model.label_spans = self.annotation.spans
        window.grid_model.label_colour = self.annotation.colour
        self._build_actions()
        self.codes_panel.set_codebook(self.annotation.codebook)
        self._bind_code_keys()
        self.annotation.changed.connect(self._labels_changed)
        self.annotation.problem.connect(lambda text, level: window.message_bar.show_message(text, level))
        self.codes_panel.code_chosen.connect(self.label_with)
        self.labels_panel.label_selected.connect(self.show_label)
        self.labels_panel.note_edited.connect(lambda lid, note: self.annotation.edit(lid, note=note))
        self.labels_panel.confidence_edited.connect(lambda lid, c: self.annotation.edit(lid, confidence=c))
        self.labels_panel.delete_requested.connect(self.annotation.remove)

    # --- actions ---------------------------------------------------------------------
    def _build_actions(self) -> None:
        A, stack = partial(make_action, self.w), self.annotation.undo_stack
        self.act_undo = A(translate("Labelling", "&Undo"), self.annotation.undo, [QKeySequence.StandardKey.Undo], name="act_undo")
        self.act_redo = A(translate("Labelling", "&Redo"), self.annotation.redo, ["Ctrl+Shift+Z", "Ctrl+Y"], name="act_redo")
        stack.canUndoChanged.connect(self.act_undo.setEnabled)
        stack.canRedoChanged.connect(self.act_redo.setEnabled)
        stack.undoTextChanged.connect(lambda text: self.act_undo.setText(translate("Labelling", "&Undo {action}").format(action=text).strip()))
        stack.redoTextChanged.connect(lambda text: self.act_redo.setText(translate("Labelling", "&Redo {action}").format(action=text).strip()))
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.act_accept = A(translate("Labelling", "Label with the &Suggested Code"), self.accept_suggestion, ["Return", "Enter"],
                            name="act_accept")
        self.act_accept.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.w.grid.addAction(self.act_accept)
        self.w.differences_panel.table.addAction(self.act_accept)  # a difference picked there
        self.act_find_code = A(translate("Labelling", "&Find a Code…"), self._focus_codes, ["/", "Ctrl+;"], name="act_find_code")
        self.act_pin = A(translate("Labelling", "&Pin Span for a Pair"), self.pin_span, ["Ctrl+P"], name="act_pin",
                         tip=translate("Labelling", "Keep the selected span; the next label pairs it with another outlet's span"))
        self.act_delete = A(translate("Labelling", "&Delete Selected Label"), self._delete_current, ["Ctrl+Del"])
        self.act_labels_file = A(translate("Labelling", "&Labels File…"), self.choose_labels_file)
        self.act_codebook = A(translate("Labelling", "Load &Codebook…"), self.choose_codebook)
        self.act_annotator = A(translate("Labelling", "Set &Annotator Name…"), self._change_annotator)

    def _bind_code_keys(self) -> None:
        """One shortcut per code key, active while the grid, the raw article, the Differences
        table (the difference picked there) or the Labels table has focus (so typing in the
        search box never labels anything). In the Labels table the key re-codes the selected label."""
        keyed = (self.w.grid, self.w.article_panel.text, self.w.differences_panel.table, self.labels_panel.table)
        for action in self._key_actions:
            for widget in keyed:
                widget.removeAction(action)
            action.deleteLater()
        self._key_actions = []
        for code in self.annotation.codebook.codes:
            if not code.key:
                continue
            action = QAction(translate("Labelling", "Label as {code}").format(code=code.label(current_language())), self)
            action.setShortcut(QKeySequence(code.key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, c=code.id: self.label_with(c))
            for widget in keyed:
                widget.addAction(action)
            self._key_actions.append(action)

    # --- the event -------------------------------------------------------------------
    def open_event(self, comparison, paths: list[str], key: str, name: str) -> None:
        self._pinned = None
        self.annotation.open_event(comparison, paths, key, name)

    def _labels_changed(self) -> None:
        self.w.grid_model.labels_changed()
        self.w.grid.delegate.forget_formats()
        self.w.grid.viewport().update()
        path = str(self.annotation.path) if self.annotation.path else ""
        self.labels_panel.set_labels(self.annotation.labels, self.annotation.codebook, path)

    # --- what is selected --------------------------------------------------------------
    def current_target(self) -> LabelTarget | None:
        view = self.w.view
        if view is None:
            return None
        if self.w.article_dock.isVisible():
            picked = self.w.article_panel.selected_span()
            if picked is not None:
                doc, start, end = picked
                return targets.for_span(doc, start, end, view.row_containing(doc, start))
        words = self.w.grid.selected_words()
        if words is not None:  # words selected inside a cell (mouse drag, Shift+arrows)
            index, start, end = words
            row = self.w.proxy.mapToSource(index).row()
            doc = self.w.grid.doc_at_column(index.column())
            cell = view.cell(row, doc)
            if cell is not None:
                return targets.for_span(doc, cell.start + start, cell.start + end, view.rows[row].row_id,
                                        what="selected words")
        index = self.w.grid.currentIndex()
        d = self.w.current_difference
        if not index.isValid():
            return targets.for_difference(d) if d is not None else None
        row = self.w.proxy.mapToSource(index).row()
        doc = self.w.grid.doc_at_column(index.column())
        if d is not None and view.row_index(d.row_id) == row and doc in (d.doc_a, d.doc_b):
            return targets.for_difference(d)
        cell = view.cell(row, doc)
        if cell is None:
            reporting = [o for o in self.w.outlets.visible() if view.cell(row, o) is not None]
            if self.w.outlets.reference in reporting:
                reporting.insert(0, self.w.outlets.reference)
            return targets.for_omission(view.rows[row], doc, reporting[0]) if reporting else None
        lead = view.lead_difference(row, self.w.difference_categories(), self.w.outlets.reference,
                                    self.w.outlets.visible())
        if lead is not None and doc in (lead.doc_a, lead.doc_b):
            return targets.for_difference(lead)
        markers = view.cell_markers(row, doc)
        if markers:
            return targets.for_marker(markers[0], view.rows[row].row_id)
        return targets.for_span(doc, cell.start, cell.end, view.rows[row].row_id, what="cell")

    def suggestion(self, target: LabelTarget | None) -> str | None:
        return self.annotation.codebook.suggest(target.category) if target and target.category else None

    def refresh_suggestion(self) -> None:
        self.codes_panel.set_suggested(self.suggestion(self.current_target()))

    # --- labelling -------------------------------------------------------------------
    def label_with(self, code_id: str) -> None:
        if self.labels_panel.table.hasFocus():
            self.recode_selected(code_id)
            return
        target = self.current_target()
        if target is None:
            self.w.statusBar().showMessage(translate("Labelling", "Select a difference, a marker, an omission or a cell first"), 4000)
            return
        if self._pinned is not None and not target.is_pair and target.doc_id != self._pinned.doc_id:
            target = targets.pair_spans(self._pinned, target)
        self._pinned = None
        label = self.annotation.apply(target, code_id, suggested=self.suggestion(target) or "")
        if label is not None:
            code = self.annotation.codebook.code(code_id)
            other = (f" / «{label.other_text}»" if label.other_text else
                     translate("Labelling", " (not in {outlet})").format(outlet=self.w.outlets.label(label.other_doc_id))
                     if label.other_doc_id else "")
            what = translate("Target", TARGET_KINDS.get(target.what, target.what))
            self.w.statusBar().showMessage(translate("Labelling", "Labelled «{text}»{other} as {code} ({what}); "
                                                     "Ctrl+Z undoes").format(
                text=label.text, other=other, code=code.label(current_language()), what=what), 5000)
            self.labels_panel.select_label(label.label_id, emit=False)

    def recode_selected(self, code_id: str) -> None:
        label = self.labels_panel.current_label()
        if label is not None and label.code != code_id:
            self.annotation.edit(label.label_id, code=code_id)
            self.w.statusBar().showMessage(translate("Labelling", "Re-coded as {code}; Ctrl+Z undoes").format(
                code=self.annotation.code_name(code_id)), 5000)

    def accept_suggestion(self) -> None:
        code = self.suggestion(self.current_target())
        if code:
            self.label_with(code)
        else:
            self.w.statusBar().showMessage(translate("Labelling", "No suggested code here: press a code's key"), 3000)

    def pin_span(self) -> None:
        target = self.current_target()
        if target is None or target.is_pair:
            self.w.statusBar().showMessage(translate("Labelling", "Select a span in the raw article (Ctrl+R) or a cell to pin"), 4000)
            return
        self._pinned = target
        self.w.article_panel.clear_selection()
        self.w.statusBar().showMessage(translate("Labelling", "Span pinned: now select the other outlet's span and press a code key"), 6000)

    def show_label(self, label) -> None:
        if label is not None:
            self.show_span(label.doc_id, label.char_start, label.char_end, other_doc_id=label.other_doc_id)

    def show_span(self, doc_id: str, start: int, end: int, text: str | None = None, other_doc_id: str = "") -> bool:
        """Show the row holding ``doc_id``'s ``start:end`` with its cell (and the other
        outlet's) selected. False when the span is not in the open event (another event's
        labels, or ``text`` no longer what the article says there)."""
        view = self.w.view
        article = view.comparison.articles.get(doc_id) if view is not None else None
        if article is None or not (0 <= start <= end <= len(article.text)):
            return False
        if text is not None and article.text[start:end] != text:
            return False
        row = view.row_containing(doc_id, start)
        if row is None:
            return False
        proxy_index = self.w.proxy.mapFromSource(self.w.grid_model.index(row, 0))
        if not proxy_index.isValid():
            self.w.clear_filters()
            proxy_index = self.w.proxy.mapFromSource(self.w.grid_model.index(row, 0))
        columns = [self.w.grid_model.column_of(d) for d in (doc_id, other_doc_id) if d in view.comparison.articles]
        self.w.grid.select_cells(proxy_index.row(), columns)
        return True

    def _delete_current(self) -> None:
        label = self.labels_panel.current_label()
        if label is not None:
            self.annotation.remove(label.label_id)

    def _focus_codes(self) -> None:
        self.w.show_side_tab(self.codes_panel)
        self.codes_panel.focus_search()

    # --- files and identity -------------------------------------------------------------
    def _ask_annotator(self) -> str:
        name, ok = QInputDialog.getText(
            self.w, translate("Labelling", "Who is labelling?"),
            translate("Labelling", "Your name or initials (recorded on every label; asked once):"),
            QLineEdit.EchoMode.Normal, "")
        return name if ok else ""

    def _change_annotator(self) -> None:
        name, ok = QInputDialog.getText(self.w, translate("Labelling", "Annotator"), translate("Labelling", "Name recorded on your next labels:"),
                                        QLineEdit.EchoMode.Normal, self.w.settings.annotator)
        if ok and name.strip():
            self.w.settings.annotator = name
            self.annotation.changed.emit()  # progress is per annotator

    def choose_labels_file(self) -> None:
        start = str(self.annotation.path or Path.home() / "labels.csv")
        path, _ = QFileDialog.getSaveFileName(self.w, translate("Labelling", "Labels file for this event"), start, translate("Labelling", "Labels (*.csv)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.annotation.use_file(path, self.w.event_key)
            if not self.annotation.off_reason and translate("Annotation", "Labelling is off") in self.w.message_bar.text():
                self.w.message_bar.dismiss()  # the refusal no longer holds

    def choose_codebook(self) -> None:
        from ..core.annotation.codebook import CodebookError

        path, _ = QFileDialog.getOpenFileName(self.w, translate("Labelling", "Load a codebook"), self.w.settings.last_directory,
                                              translate("Labelling", "Codebook (*.csv)"))
        if not path:
            return
        try:
            self.annotation.use_codebook(path)
        except (CodebookError, OSError) as exc:
            self.w.message_bar.show_message(translate("Labelling", "The codebook was not loaded: {error}").format(error=exc), "error")
            return
        self.codes_panel.set_codebook(self.annotation.codebook)
        self._bind_code_keys()
