"""Sharing what was found, from the window: File → Export, the Charts tab, and the
agreement between annotators. The work is core's (exporting, charts, agreement); it runs
off the GUI thread, and only finished files and pictures come back here."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (QDialog, QFileDialog, QLabel, QMessageBox, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from .actions import make_action
from .panels.messagebar import MessageBar
from .settings import Settings
from .workers import run_task

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from ..core.annotation.labels import Label
    from ..core.sharing.event_view import EventView


def labels_table(labels):
    """The window's labels as the labels.csv frame core's exports take."""
    from ..core.annotation.labels import labels_frame

    return labels_frame(labels) if labels else None


CHART_DPI = 96  # logical pixels per inch: the charts' type keeps its point size at any width
MIN_CHART_WIDTH = 280
MIN_LAYOUT_WIDTH = 480  # narrower, a chart's names collide: it is laid out at this and scaled down


def render_charts(comparison, labels, width: int = 640, scale: float = 1.0) -> list[tuple[str, bytes]]:
    """Worker-thread job: the event's charts ``width`` logical pixels wide (drawn at
    ``scale`` device pixels per logical one), as PNG bytes with their captions. Each figure
    keeps its type size and is laid out again for the width (matplotlib's constrained layout);
    below ``MIN_LAYOUT_WIDTH`` it is laid out at that width, and the panel scales it down."""
    from ..core.sharing import charts

    figures = [(translate("Sharing", "Which outlet reports which claim"), lambda: charts.coverage(comparison)),
               (translate("Sharing", "Word choices per outlet (term table)"), lambda: charts.term_heatmap(comparison)),
               (translate("Sharing", "Loaded wording per outlet (own voice)"), lambda: charts.loaded_wording_chart(comparison))]
    if labels is not None and len(labels):
        figures.append((translate("Sharing", "Labels per outlet, by code"), lambda: charts.codes_per_outlet(labels, comparison)))
    inches = max(MIN_LAYOUT_WIDTH, width) / CHART_DPI
    out = []
    for caption, make in figures:
        fig = make()
        w, h = fig.get_size_inches()
        # narrower than designed: a little taller, so the labels still have room
        fig.set_size_inches(inches, h * min(1.6, max(0.8, (w / inches) ** 0.5)))
        buffer = io.BytesIO()
        # "tight": a title longer than the width is kept whole; the panel scales it to fit
        fig.savefig(buffer, format="png", dpi=CHART_DPI * scale, facecolor="white", bbox_inches="tight")
        out.append((caption, buffer.getvalue()))
    return out


class ChartsPanel(QWidget):
    """The charts of the event, drawn on demand (matplotlib takes a second or two) to the
    panel's width. On a resize the pictures are scaled at once, then drawn again for the
    new width (``width_changed``, after the resizing stops)."""

    width_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.refresh = QPushButton(translate("Sharing", "Draw the charts"))
        self.refresh.setObjectName("charts_refresh")
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.refresh)
        layout.addWidget(self.scroll, 1)
        self.images: list[QLabel] = []
        self.pictures: list[tuple[QLabel, QImage]] = []
        self.drawn_width = 0  # the width the pictures were drawn for
        self._settled = QTimer(self, singleShot=True, interval=400)
        self._settled.timeout.connect(self._width_settled)
        self.scroll.viewport().installEventFilter(self)

    def chart_width(self) -> int:
        """The logical width a chart has in the panel now."""
        margins = self.body_layout.contentsMargins()
        return max(MIN_CHART_WIDTH, self.scroll.viewport().width() - margins.left() - margins.right())

    def show_charts(self, charts: list[tuple[str, bytes]], width: int | None = None) -> None:
        for widget in self.images:
            widget.deleteLater()
        self.images, self.pictures = [], []
        for caption, png in charts:
            title = QLabel(caption)
            title.setStyleSheet("font-weight: bold;")
            picture = QLabel()
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.pictures.append((picture, QImage.fromData(png)))
            for widget in (title, picture):
                self.body_layout.insertWidget(self.body_layout.count() - 1, widget)
                self.images.append(widget)
        self.drawn_width = width or self.chart_width()
        self._fit_pictures()
        self.refresh.setText(translate("Sharing", "Draw the charts again"))
        self.refresh.setEnabled(True)

    def _fit_pictures(self) -> None:
        """Scale each picture to the panel's width now (exact when drawn for this width)."""
        width = self.chart_width()
        ratio = self.devicePixelRatioF()
        for label, image in self.pictures:
            if image.isNull():
                continue
            pixels = int(width * ratio)
            scaled = image if abs(image.width() - pixels) <= 1 else image.scaledToWidth(
                pixels, Qt.TransformationMode.SmoothTransformation)
            pixmap = QPixmap.fromImage(scaled)
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize and self.pictures:
            if abs(self.chart_width() - self.drawn_width) > 2:
                self._fit_pictures()
                self._settled.start()
        return super().eventFilter(watched, event)

    def _width_settled(self) -> None:
        if self.pictures and abs(self.chart_width() - self.drawn_width) > 2 and self.refresh.isEnabled():
            self.width_changed.emit(self.chart_width())


class Sharing(QObject):
    """File → Export, the Charts tab and Label → Agreement, for the event ``event()`` returns
    and the labels ``labels()`` returns; messages go to ``messages`` and ``status``."""

    def __init__(self, owner: QWidget, settings: Settings, messages: MessageBar, status: Callable[..., None],
                 event: Callable[[], EventView | None], labels: Callable[[], list[Label]],
                 event_name: Callable[[], str] = lambda: "Tabayun", code_name: Callable[[str], str] = str,
                 jump: Callable[[str, int, int, str], bool] = lambda *_span: False):
        super().__init__(owner)
        self.owner, self.settings, self.messages, self.status = owner, settings, messages, status
        # not "self.event": that would shadow QObject.event, which Qt calls with every event sent here
        self.current_event, self.labels, self.event_name = event, labels, event_name
        self.code_name, self.jump = code_name, jump  # a code's label; show a span in the grid
        self.charts_panel = ChartsPanel()
        self.charts_panel.refresh.clicked.connect(self.draw_charts)
        self.charts_panel.width_changed.connect(lambda _width: self.draw_charts())
        self.act_export = make_action(owner, translate("Sharing", "&Export…"), self.export_dialog, ["Ctrl+E"], name="act_export",
                                      tip=translate("Sharing", "Write the labelled differences (CSV, XLSX), an HTML report and charts"))
        self.act_agreement = make_action(owner, translate("Sharing", "&Agreement Between Annotators…"), self.agreement_dialog,
                                         name="act_agreement")

    # --- export -----------------------------------------------------------------------
    def export_dialog(self) -> None:
        if self.current_event() is None:
            return
        parent = QFileDialog.getExistingDirectory(
            self.owner, translate("Sharing", "Export: where to put the new export folder"), self.settings.export_directory)
        if parent:
            self.settings.export_directory = parent
            self.export_into(parent)

    def export_into(self, parent: str) -> None:
        """Export the event and its labels into a new folder in ``parent`` (named after the
        event and the time, never an earlier export's), off the GUI thread."""
        from ..core.sharing.export_folder import export_event, new_export_folder

        comparison = self.current_event().comparison
        labels = labels_table(self.labels())
        name = self.event_name()

        def job() -> tuple[Path, list[Path]]:
            folder = new_export_folder(parent, name)
            return folder, export_event(comparison, folder, labels)

        self.status(translate("Sharing", "Exporting into a new folder in {folder}…").format(folder=parent))
        self.act_export.setEnabled(False)
        run_task(job, self._exported, self._export_failed)

    def _exported(self, result: tuple[Path, list[Path]]) -> None:
        folder, paths = result
        self.act_export.setEnabled(True)
        self.last_folder = folder
        self.last_report = next((p for p in paths if p.name == "report.html"), None)
        self.status(translate("Sharing", "Exported %n file(s) to {folder}", "", len(paths)).format(folder=folder), 8000)
        box = QMessageBox(QMessageBox.Icon.Information, translate("Sharing", "Export done"),
                          translate("Sharing", "%n file(s) written to the new folder", "", len(paths)) + f"\n{folder}", parent=self.owner)
        box.setObjectName("export_done")
        if self.last_report is not None:
            report = box.addButton(translate("Sharing", "Open report"), QMessageBox.ButtonRole.ActionRole)
            report.setObjectName("open_report")
            report.clicked.connect(self.open_last_report)
        show = box.addButton(translate("Sharing", "Show folder"), QMessageBox.ButtonRole.ActionRole)
        show.setObjectName("show_folder")
        show.clicked.connect(self.show_last_folder)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal, not blocking: the window (and a test) goes on
        self.done_box = box

    def _export_failed(self, exc: BaseException) -> None:
        self.act_export.setEnabled(True)
        self.messages.show_message(translate("Sharing", "The export failed: {error}. Nothing else was changed; "
                                             "choose a folder you can write to and try again.").format(error=exc),
                                   "error")

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
        if self.current_event() is None:
            return
        comparison = self.current_event().comparison
        labels = labels_table(self.labels())
        panel = self.charts_panel
        width, scale = panel.chart_width(), panel.devicePixelRatioF()
        panel.refresh.setEnabled(False)
        panel.refresh.setText(translate("Sharing", "Drawing…"))
        run_task(lambda: render_charts(comparison, labels, width, scale),
                 lambda charts: panel.show_charts(charts, width),
                 lambda exc: (panel.refresh.setEnabled(True),
                              self.messages.show_message(translate("Sharing", "The charts could not be drawn: {error}").format(error=exc), "error")))

    # --- agreement --------------------------------------------------------------------
    def agreement_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self.owner, translate("Sharing", "Labels files of two or more annotators"),
                                                self.settings.last_directory, translate("Sharing", "Labels (*.csv)"))
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
            self.messages.show_message(translate("Sharing", "Agreement not computed: {error}").format(error=exc), "error")
            return None
        dialog = AgreementDialog(report, self.code_name, self.jump, self.owner)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
