"""Paint one grid cell: the outlet's original words with their highlights, in the text's
own direction, word-wrapped; or a clearly marked empty cell when the outlet omits the claim.

One QTextLayout per cell (cached), with QTextLayout format ranges for the highlights:
no widget per cell, so a big event scrolls smoothly. Highlights are background colours
over whole words (the core widens every range to whole words), so Arabic letters keep
joining. Qt draws table cells in the widget's direction, not the text's: each cell's
direction comes from its text (DirectionRole).
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QTextCharFormat,
                           QTextLayout, QTextOption)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .categories import CATEGORY_COLOURS
from .roles import CellRole, CurrentRole, HighlightsRole, LabelsRole, SearchRole

translate = QCoreApplication.translate

HEADLINE_BACKGROUND = QColor("#eef2f7")
OMISSION_BACKGROUND = QColor("#f6f6f6")
OMISSION_HATCH = QColor("#d5d5d5")
OMISSION_TEXT = QColor("#8a8a8a")
SELECTION_BORDER = QColor("#2f6fd6")
SELECTION_TINT = QColor(47, 111, 214, 28)
GRID_LINE = QColor("#d0d4da")
CURRENT_OUTLINE = QColor("#1d1d1f")  # the current difference: outlined, as Meld outlines the current change
TEXT_SELECTION = QColor("#1f5fc4")  # words selected inside a cell: clearly not a highlight colour

PADDING_X = 10
PADDING_Y = 7
MIN_HEIGHT = 30
OMISSION_LABEL = QT_TRANSLATE_NOOP("Grid", "not reported")  # painted in the interface's language
_LINE_SEPARATOR = "\u2028"  # keeps a paragraph break inside a cell; one UTF-16 unit like "\n"


def _format_range(start: int, length: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    fr = QTextLayout.FormatRange()
    fr.start, fr.length, fr.format = start, length, fmt
    return fr


def _cursor_x(line, position: int) -> float:
    x = line.cursorToX(position)
    return x[0] if isinstance(x, tuple) else x  # PySide returns (x, position) on some versions


class CellDelegate(QStyledItemDelegate):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._font = QFont()
        self._headline_font = QFont()
        self._layouts: OrderedDict = OrderedDict()
        self._heights: dict = {}
        # words selected inside one cell: (source row, column, UTF-16 start, UTF-16 length)
        self.text_selection: tuple[int, int, int, int] | None = None
        self.set_font(QFont())

    # --- fonts and caches ---------------------------------------------------------------
    def set_font(self, font: QFont) -> None:
        self._font = QFont(font)
        self._headline_font = QFont(font)
        self._headline_font.setBold(True)
        self.clear_cache()

    def font(self) -> QFont:
        return QFont(self._font)

    def clear_cache(self) -> None:
        self._layouts.clear()
        self._heights.clear()

    def forget_formats(self) -> None:
        """Highlights changed but not the text: heights stay valid, layouts are rebuilt."""
        self._layouts.clear()

    # --- layout -------------------------------------------------------------------------
    def _text_option(self, direction: Qt.LayoutDirection) -> QTextOption:
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        option.setTextDirection(direction)
        option.setAlignment((Qt.AlignmentFlag.AlignRight if direction == Qt.LayoutDirection.RightToLeft
                             else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignAbsolute)
        return option

    def _build(self, text: str, font: QFont, direction: Qt.LayoutDirection, width: float,
               ranges: list | None, labels: list | None = None) -> tuple[QTextLayout, float]:
        layout = QTextLayout(text.replace("\n", _LINE_SEPARATOR), font)
        layout.setTextOption(self._text_option(direction))
        layout.setCacheEnabled(True)
        formats = []
        for start, length, category in ranges or ():
            colour = CATEGORY_COLOURS.get(category)
            if colour is None or length <= 0:
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(colour))
            formats.append(_format_range(start, length, fmt))
        for start, length, colour in labels or ():
            # a label: an underline in its code's colour over any highlight (never bold:
            # the row heights were measured without it)
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(colour).darker(260))  # code colours are pale backgrounds
            formats.append(_format_range(start, length, fmt))
        if formats:
            layout.setFormats(formats)
        layout.beginLayout()
        y = 0.0
        leading = QFontMetricsF(font).leading()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, width))
            line.setPosition(QPointF(0, y))
            y += line.height() + max(0.0, leading)
        layout.endLayout()
        return layout, y

    def _key(self, index: QModelIndex, width: int) -> tuple:
        src = index.model().mapToSource(index) if hasattr(index.model(), "mapToSource") else index
        return (src.row(), src.column(), width)

    def text_height(self, index: QModelIndex, width: int) -> int:
        """Height the cell needs at column ``width``. Cached by text, so an outlet that
        copies another (wire copy) costs nothing more; cleared when the font changes."""
        text, direction, headline = index.data(CellRole)
        if text is None:
            return MIN_HEIGHT
        key = (text, width, headline, direction)
        height = self._heights.get(key)
        if height is None:
            font = self._headline_font if headline else self._font
            _, h = self._build(text, font, direction, width - 2 * PADDING_X, None)
            height = max(MIN_HEIGHT, int(h + 0.999) + 2 * PADDING_Y)
            self._heights[key] = height
        return height

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        width = max(option.rect.width(), 120)
        return QSize(width, self.text_height(index, width))

    def _layout(self, index: QModelIndex, text: str, width: int, direction, headline: bool) -> QTextLayout:
        key = self._key(index, width)
        cached = self._layouts.get(key)
        if cached is not None:
            self._layouts.move_to_end(key)
            return cached
        ranges = list(index.data(HighlightsRole) or []) + list(index.data(SearchRole) or [])
        font = self._headline_font if headline else self._font
        layout, _ = self._build(text, font, direction, width - 2 * PADDING_X, ranges, index.data(LabelsRole))
        self._layouts[key] = layout
        if len(self._layouts) > 3000:
            self._layouts.popitem(last=False)
        return layout

    def cell_layout(self, index: QModelIndex, width: int) -> QTextLayout | None:
        """The laid-out text of a cell as painted (for tests and tools); None for an omission."""
        text, direction, headline = index.data(CellRole)
        return None if text is None else self._layout(index, text, width, direction, headline)

    def position_at(self, index: QModelIndex, rect, point) -> int | None:
        """The UTF-16 text position nearest ``point`` (view coordinates) in the cell drawn in
        ``rect``; None for an omission cell."""
        layout = self.cell_layout(index, rect.width())
        if layout is None:
            return None
        x, y = point.x() - rect.left() - PADDING_X, point.y() - rect.top() - PADDING_Y
        count = layout.lineCount()
        if count == 0:
            return 0
        line = layout.lineAt(count - 1)
        for n in range(count):
            candidate = layout.lineAt(n)
            if y < candidate.y() + candidate.height():
                line = candidate
                break
        return line.xToCursor(x)

    def _selection_ranges(self, index: QModelIndex) -> list:
        if self.text_selection is None:
            return []
        src = index.model().mapToSource(index) if hasattr(index.model(), "mapToSource") else index
        row, column, start, length = self.text_selection
        if (src.row(), src.column()) != (row, column) or length <= 0:
            return []
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush(TEXT_SELECTION))
        fmt.setForeground(QBrush(QColor("#ffffff")))
        return [_format_range(start, length, fmt)]

    # --- painting -----------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text, direction, headline = index.data(CellRole)
        if text is None:
            self._paint_omission(painter, option)
        else:
            background = HEADLINE_BACKGROUND if headline else option.palette.color(QPalette.ColorRole.Base)
            painter.fillRect(rect, background)
            layout = self._layout(index, text, rect.width(), direction, headline)
            painter.setPen(option.palette.color(QPalette.ColorRole.Text))
            painter.setClipRect(rect)
            origin = QPointF(rect.left() + PADDING_X, rect.top() + PADDING_Y)
            layout.draw(painter, origin, self._selection_ranges(index))
            self._outline(painter, layout, origin, index.data(CurrentRole))
            painter.setClipping(False)
        if selected:
            painter.fillRect(rect, SELECTION_TINT)
            pen = QPen(SELECTION_BORDER, 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(rect).adjusted(1, 1, -1, -1))
        painter.restore()

    @staticmethod
    def _outline(painter: QPainter, layout: QTextLayout, origin: QPointF, ranges) -> None:
        """A frame around each line's part of the current difference's words."""
        if not ranges:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(CURRENT_OUTLINE, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for start, length in ranges:
            for n in range(layout.lineCount()):
                line = layout.lineAt(n)
                s = max(start, line.textStart())
                e = min(start + length, line.textStart() + line.textLength())
                if s >= e:
                    continue
                x1, x2 = _cursor_x(line, s), _cursor_x(line, e)
                box = QRectF(origin.x() + min(x1, x2) - 2, origin.y() + line.y(), abs(x2 - x1) + 4, line.height())
                painter.drawRoundedRect(box, 3, 3)
        painter.restore()

    def _paint_omission(self, painter: QPainter, option: QStyleOptionViewItem) -> None:
        rect = option.rect
        painter.fillRect(rect, OMISSION_BACKGROUND)
        painter.fillRect(rect, QBrush(OMISSION_HATCH, Qt.BrushStyle.BDiagPattern))
        font = QFont(self._font)
        font.setItalic(True)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        metrics = QFontMetricsF(font)
        label = translate("Grid", OMISSION_LABEL)
        label_w = metrics.horizontalAdvance(label) + 16
        label_h = metrics.height() + 6
        box = QRectF(rect.center().x() - label_w / 2, rect.top() + min(PADDING_Y, (rect.height() - label_h) / 2),
                     label_w, label_h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(OMISSION_BACKGROUND)
        painter.drawRoundedRect(box, 4, 4)
        painter.setFont(font)
        painter.setPen(OMISSION_TEXT)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
