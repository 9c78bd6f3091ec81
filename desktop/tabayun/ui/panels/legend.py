"""The legend: one coloured swatch per highlight category, each a switch to show or hide it,
in a tool bar (one line, no row of its own when the window is wide enough)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QToolBar

from ..categories import ALL_CATEGORIES, CATEGORY_COLOURS, CATEGORY_LABELS

translate = QCoreApplication.translate

TOOLTIPS = {
    "lexical": QT_TRANSLATE_NOOP("Legend", "Outlets chose different words here: framing candidates"),
    "number": QT_TRANSLATE_NOOP("Legend", "Different numbers"),
    "spelling": QT_TRANSLATE_NOOP("Legend", "Same word, spelt differently (hamza, transliteration, ...)"),
    "punctuation": QT_TRANSLATE_NOOP("Legend", "Different punctuation"),
    "loaded_term": QT_TRANSLATE_NOOP("Legend", "A loaded term from the lexicon"),
    "scare_quotes": QT_TRANSLATE_NOOP("Legend", "Words put in quotation marks"),
    "attribution_verb": QT_TRANSLATE_NOOP("Legend", "How a statement is attributed (said, claimed, ...)"),
}


def swatch(colour: QColor, size: int = 14, filled: bool = True) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour.darker(140), 1.5))
    painter.setBrush(colour if filled else Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), 3, 3)
    painter.end()
    return QIcon(pix)


def switch_icon(colour: QColor) -> QIcon:
    """A filled swatch when the category is shown, its outline when hidden."""
    icon = QIcon()
    icon.addPixmap(swatch(colour).pixmap(14, 14), QIcon.Mode.Normal, QIcon.State.On)
    icon.addPixmap(swatch(colour, filled=False).pixmap(14, 14), QIcon.Mode.Normal, QIcon.State.Off)
    return icon


class Legend(QToolBar):
    """The colour key as a tool bar of switches: one line, beside the main tool bar when
    the window is wide enough, on its own line otherwise (the window decides); a category
    that does not fit goes into the tool bar's » menu, as Qt does."""

    categories_changed = Signal(set)  # the categories now shown
    quoted_speech_changed = Signal(bool)  # show markers inside quoted speech too?

    def __init__(self, parent=None):
        super().__init__(translate("Legend", "Highlights"), parent)
        self.setObjectName("legend")
        self.setMovable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIconSize(QSize(14, 14))
        # a hidden category: its outline and grey words, not a pressed-in button
        self.setStyleSheet("QToolButton { border: none; padding: 2px 5px; }"
                           "QToolButton:checked { background: transparent; }"
                           "QToolButton:!checked { color: #8a8a8a; }"
                           "QToolButton:hover { background: #e8edf3; border-radius: 3px; }")
        title = QLabel(translate("Legend", "Highlights:"))
        title.setStyleSheet("color: #555; padding-left: 6px;")
        self.addWidget(title)
        self.boxes: dict[str, QAction] = {}
        for cat in ALL_CATEGORIES:
            action = QAction(switch_icon(CATEGORY_COLOURS[cat]), CATEGORY_LABELS[cat], self)
            action.setCheckable(True)
            action.setChecked(True)
            action.setToolTip(translate("Legend", TOOLTIPS.get(cat, "")) + "\n" + translate("Legend", "Click to hide or show."))
            action.setObjectName(f"legend_{cat}")
            action.toggled.connect(self._toggled)
            self.addAction(action)
            self.boxes[cat] = action
        # Markers inside words the outlet quotes are a speaker's, not the outlet's: off by default.
        self.addSeparator()
        self.quoted_speech = QAction(switch_icon(QColor("#9aa3ad")), translate("Legend", "Quoted speech"), self)  # a switch like the rest
        self.quoted_speech.setCheckable(True)
        self.quoted_speech.setObjectName("legend_quoted_speech")
        self.quoted_speech.setToolTip(translate("Legend", "Also mark loaded words inside quotations (a speaker's "
                                                "words the outlet quotes).\nOff: only the outlet's own wording and "
                                                "its paraphrases."))
        self.quoted_speech.toggled.connect(self.quoted_speech_changed)
        self.addAction(self.quoted_speech)

    def _toggled(self, _checked: bool) -> None:
        self.categories_changed.emit(self.shown())

    def shown(self) -> set[str]:
        return {cat for cat, box in self.boxes.items() if box.isChecked()}

    def set_shown(self, shown: set[str]) -> None:
        for cat, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(cat in shown)
            box.blockSignals(False)
        self.categories_changed.emit(self.shown())

    def set_counts(self, counts: dict[str, int]) -> None:
        for cat, box in self.boxes.items():
            n = counts.get(cat, 0)
            box.setText(f"{CATEGORY_LABELS[cat]} ({n})")
