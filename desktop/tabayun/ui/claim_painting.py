"""How a claim is painted in classroom mode and its handout: an outlet's words laid out in
their own direction with category highlights and label underlines, the omission mark, and
the captions that say what the machine and the annotators found."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QFontMetricsF, QPainter, QPaintDevice, QTextCharFormat, QTextLayout,
                           QTextOption)

from .categories import CATEGORY_COLOURS
from .i18n import current_language


def omission_text() -> str:
    """An outlet's missing claim: in Arabic for an Arabic interface, else in both languages
    (an English interface in front of an Arabic class)."""
    return "لم يرد" if current_language() == "ar" else "not reported\nلم يرد"


PAPER = QColor("#f4f2ed")
CARD = QColor("#ffffff")
CARD_BORDER = QColor("#d0d4da")
INK = QColor("#1d1d1f")
FAINT_INK = QColor("#6b6b6b")
OMISSION_BACKGROUND = QColor("#f6f6f6")
OMISSION_HATCH = QColor("#cfcfcf")
_LINE_SEPARATOR = "\u2028"  # a paragraph break inside one layout; one UTF-16 unit like "\n"
_FSI, _PDI = "\u2068", "\u2069"  # isolate quoted Arabic inside an English line


@dataclass(frozen=True)
class CaptionItem:
    """One line of step 2: a machine category or a person's label, and what it is about."""

    colour: QColor
    heading: str
    body: str


def isolated(text: str) -> str:
    """Arabic inside an English line keeps its own order, and so does the line around it."""
    return f"{_FSI}{text}{_PDI}"


def quoted(words: str) -> str:
    words = " ".join(words.split())
    return isolated(f"«{words}»") if words else "—"  # an insertion: nothing on that side


def build_layout(text: str, font: QFont, direction: str, width: float, highlights=(), underlines=(),
                 device: QPaintDevice | None = None) -> tuple[QTextLayout, float]:
    """``text`` laid out in ``width``, in its own direction, with background highlights
    ``(utf16 start, length, category)`` and underlines ``(utf16 start, length, colour)``."""
    layout = QTextLayout(text.replace("\n", _LINE_SEPARATOR), font, device)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    rtl = direction == "rtl"
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    option.setAlignment((Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
                        | Qt.AlignmentFlag.AlignAbsolute)
    layout.setTextOption(option)
    formats = []
    for start, length, category in highlights:
        colour = CATEGORY_COLOURS.get(category)
        if colour is not None and length > 0:
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(colour))
            formats.append(_format_range(start, length, fmt))
    for start, length, colour in underlines:
        fmt = QTextCharFormat()
        fmt.setFontUnderline(True)
        fmt.setUnderlineColor(QColor(colour).darker(150))
        formats.append(_format_range(start, length, fmt))
    layout.setFormats(formats)
    layout.beginLayout()
    y, leading = 0.0, max(0.0, QFontMetricsF(font, device).leading() if device else QFontMetricsF(font).leading())
    while (line := layout.createLine()).isValid():
        line.setLineWidth(max(1.0, width))
        line.setPosition(QPointF(0, y))
        y += line.height() + leading
    layout.endLayout()
    return layout, y


def _format_range(start: int, length: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    fr = QTextLayout.FormatRange()
    fr.start, fr.length, fr.format = start, length, fmt
    return fr


def paint_omission_background(painter: QPainter, rect: QRectF) -> None:
    painter.fillRect(rect, OMISSION_BACKGROUND)
    painter.fillRect(rect, QBrush(OMISSION_HATCH, Qt.BrushStyle.BDiagPattern))
