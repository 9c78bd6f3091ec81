"""Sharing what was found, from the window: File → Export, the Charts tab, and the
agreement between annotators. The work is core's (exporting, charts, agreement); it runs
off the GUI thread, and only finished files and pictures come back here."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (QDialog, QFileDialog, QLabel, QMessageBox, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from .actions import make_action
from .panels.messagebar import MessageBar
from .settings import Settings
from .workers import run_task

if TYPE_CHECKING:
    from ..core.annotation.labels import Label
    from ..core.sharing.event_view import EventView


def labels_table(labels):
    """The window's labels as the labels.csv frame core's exports take."""
    from ..core.annotation.labels import labels_frame

    return labels_frame(labels) if labels else None


def render_charts(comparison, labels) -> list[tuple[str, bytes]]:
    """Worker-thread job: the event's charts as PNG bytes, with their captions."""
    from ..core.sharing import charts

    figures = [("Which outlet reports which claim", lambda: charts.coverage(comparison)),
               ("Word choices per outlet (term table)", lambda: charts.term_heatmap(comparison))]
    if labels is not None and len(labels):
        figures.append(("Labels per outlet, by code", lambda: charts.codes_per_outlet(labels, comparison)))
    out = []
    for caption, make in figures:
        buffer = io.BytesIO()
        make().savefig(buffer, format="png", dpi=110, bbox_inches="tight")
        out.append((caption, buffer.getvalue()))
    return out


class ChartsPanel(QWidget):
    """The charts of the event, drawn on demand (matplotlib takes a second or two)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.refresh = QPushButton("Draw the charts")
        self.refresh.setObjectName("charts_refresh")
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.refresh)
        layout.addWidget(scroll, 1)
        self.images: list[QLabel] = []

    def show_charts(self, charts: list[tuple[str, bytes]]) -> None:
        for widget in self.images:
            widget.deleteLater()
        self.images = []
        for caption, png in charts:
            title = QLabel(caption)
            title.setStyleSheet("font-weight: bold;")
            picture = QLabel()
            picture.setPixmap(QPixmap.fromImage(QImage.fromData(png)))
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            for widget in (title, picture):
                self.body_layout.insertWidget(self.body_layout.count() - 1, widget)
                self.images.append(widget)
        self.refresh.setText("Draw the charts again")
        self.refresh.setEnabled(True)


class Sharing(QObject):
    """File → Export, the Charts tab and Label → Agreement, for the event ``event()`` returns
    and the labels ``labels()`` returns; messages go to ``messages`` and ``status``."""

    def __init__(self, owner: QWidget, settings: Settings, messages: MessageBar, status: Callable[..., None],
                 event: Callable[[], EventView | None], labels: Callable[[], list[Label]],
                 event_name: Callable[[], str] = lambda: "Tabayun", code_name: Callable[[str], str] = str,
                 jump: Callable[[str, int, int, str], bool] = lambda *_span: False):
        super().__init__(owner)
        self.owner, self.settings, self.messages, self.status = owner, settings, messages, status
        self.event, self.labels, self.event_name = event, labels, event_name
        self.code_name, self.jump = code_name, jump  # a code's label; show a span in the grid
        self.charts_panel = ChartsPanel()
        self.charts_panel.refresh.clicked.connect(self.draw_charts)
        self.act_export = make_action(owner, "&Export…", self.export_dialog, ["Ctrl+E"], name="act_export",
                                      tip="Write the labelled differences (CSV, XLSX), an HTML report and charts")
        self.act_agreement = make_action(owner, "&Agreement Between Annotators…", self.agreement_dialog,
                                         name="act_agreement")

    # --- export -----------------------------------------------------------------------
    def export_dialog(self) -> None:
        if self.event() is None:
            return
        parent = QFileDialog.getExistingDirectory(
            self.owner, "Export: where to put the new export folder", self.settings.export_directory)
        if parent:
            self.settings.export_directory = parent
            self.export_into(parent)

    def export_into(self, parent: str) -> None:
        """Export the event and its labels into a new folder in ``parent`` (named after the
        event and the time, never an earlier export's), off the GUI thread."""
        from ..core.sharing.export_folder import export_event, new_export_folder

        comparison = self.event().comparison
        labels = labels_table(self.labels())
        name = self.event_name()

        def job() -> tuple[Path, list[Path]]:
            folder = new_export_folder(parent, name)
            return folder, export_event(comparison, folder, labels)

        self.status(f"Exporting into a new folder in {parent}…")
        self.act_export.setEnabled(False)
        run_task(job, self._exported, self._export_failed)

    def _exported(self, result: tuple[Path, list[Path]]) -> None:
        folder, paths = result
        self.act_export.setEnabled(True)
        self.last_folder = folder
        self.last_report = next((p for p in paths if p.name == "report.html"), None)
        self.status(f"Exported {len(paths)} files to {folder}", 8000)
        box = QMessageBox(QMessageBox.Icon.Information, "Export done",
                          f"{len(paths)} files written to the new folder\n{folder}", parent=self.owner)
        box.setObjectName("export_done")
        if self.last_report is not None:
            report = box.addButton("Open report", QMessageBox.ButtonRole.ActionRole)
            report.setObjectName("open_report")
            report.clicked.connect(self.open_last_report)
        show = box.addButton("Show folder", QMessageBox.ButtonRole.ActionRole)
        show.setObjectName("show_folder")
        show.clicked.connect(self.show_last_folder)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal, not blocking: the window (and a test) goes on
        self.done_box = box

    def _export_failed(self, exc: BaseException) -> None:
        self.act_export.setEnabled(True)
        self.messages.show_message(f"The export failed: {exc}. Nothing else was changed; "
                                   "choose a folder you can write to and try again.", "error")

    def open_last_report(self) -> None:
        report = getattr(self, "last_report", None)
        if report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(report)))

    def show_last_folder(self) -> None:
        folder = getattr(self, "last_folder", None)
        if folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # --- charts -----------------------------------------------------------------------
    def draw_charts(self) -> None:
        if self.event() is None:
            return
        comparison = self.event().comparison
        labels = labels_table(self.labels())
        self.charts_panel.refresh.setEnabled(False)
        self.charts_panel.refresh.setText("Drawing…")
        run_task(lambda: render_charts(comparison, labels), self.charts_panel.show_charts,
                 lambda exc: (self.charts_panel.refresh.setEnabled(True),
                              self.messages.show_message(f"The charts could not be drawn: {exc}", "error")))

    # --- agreement --------------------------------------------------------------------
    def agreement_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self.owner, "Labels files of two or more annotators",
                                                self.settings.last_directory, "Labels (*.csv)")
        if files:
            self.show_agreement(files)

    def show_agreement(self, files: list[str]) -> QDialog | None:
        from ..core.annotation.agreement import agreement_report
        from ..core.annotation.labels import LabelFileError, labels_frame, read_labels
        from .agreement_view import AgreementDialog

        frames = {}
        try:
            for path in files:
                frames[Path(path).stem if Path(path).stem not in frames else path] = labels_frame(read_labels(path))
            report = agreement_report(frames)
        except (LabelFileError, OSError, ValueError) as exc:
            self.messages.show_message(f"Agreement not computed: {exc}", "error")
            return None
        dialog = AgreementDialog(report, self.code_name, self.jump, self.owner)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
