"""The legend: one coloured swatch per highlight category, each a switch to show or hide it."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QCheckBox, QLabel, QLayout, QSizePolicy, QWidget

from ..categories import ALL_CATEGORIES, CATEGORY_COLOURS, CATEGORY_LABELS

TOOLTIPS = {
    "lexical": "Outlets chose different words here: framing candidates",
    "number": "Different numbers",
    "spelling": "Same word, spelt differently (hamza, transliteration, ...)",
    "punctuation": "Different punctuation",
    "loaded_term": "A loaded term from the lexicon",
    "scare_quotes": "Words put in quotation marks",
    "attribution_verb": "How a statement is attributed (said, claimed, ...)",
}


def swatch(colour: QColor, size: int = 14) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(colour.darker(140))
    painter.setBrush(colour)
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pix)


class FlowLayout(QLayout):
    """Items left to right, wrapping onto the next line: the legend never forces the window
    wider than the screen."""

    def __init__(self, parent=None, spacing: int = 14):
        super().__init__(parent)
        self._items = []
        self._spacing = spacing

    def addItem(self, item) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.marginsRemoved(QMargins(m.left(), m.top(), m.right(), m.bottom()))
        rtl = self.parentWidget() is not None and self.parentWidget().isRightToLeft()
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x, y = area.x(), y + line_height + 4
                line_height = 0
            if apply:
                left = x if not rtl else area.right() + area.x() - x - hint.width() + 1
                item.setGeometry(QRect(QPoint(left, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + m.bottom()


class Legend(QWidget):
    categories_changed = Signal(set)  # the categories now shown
    quoted_speech_changed = Signal(bool)  # show markers inside quoted speech too?

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = FlowLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        title = QLabel("Highlights:")
        title.setStyleSheet("color: #555;")
        layout.addWidget(title)
        self.boxes: dict[str, QCheckBox] = {}
        for cat in ALL_CATEGORIES:
            box = QCheckBox(CATEGORY_LABELS[cat])
            box.setIcon(swatch(CATEGORY_COLOURS[cat]))
            box.setIconSize(QSize(14, 14))
            box.setChecked(True)
            box.setToolTip(TOOLTIPS.get(cat, "") + "\nUntick to hide.")
            box.setObjectName(f"legend_{cat}")
            box.toggled.connect(self._toggled)
            layout.addWidget(box)
            self.boxes[cat] = box
        # Markers inside words the outlet quotes are a speaker's, not the outlet's: off by default.
        self.quoted_speech = QCheckBox("Quoted speech")
        self.quoted_speech.setObjectName("legend_quoted_speech")
        self.quoted_speech.setToolTip("Also mark loaded words inside quotations (a speaker's words the outlet "
                                      "quotes).\nOff: only the outlet's own wording and its paraphrases.")
        self.quoted_speech.toggled.connect(self.quoted_speech_changed)
        layout.addWidget(self.quoted_speech)

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
