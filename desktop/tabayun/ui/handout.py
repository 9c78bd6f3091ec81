"""Classroom mode's handout: a PDF (A4 landscape) of every differing claim of the shown
outlets, one per page, with the differences highlighted, their categories and labels, and a
legend. In the quiz the pages keep the letters and shuffled columns: a worksheet for the class."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPainterPath, QPdfWriter, QPen

from ..core.sharing.event_view import EventView
from .categories import ALL_CATEGORIES, CATEGORY_COLOURS, CATEGORY_LABELS
from .claim_painting import (CARD_BORDER, FAINT_INK, INK, CaptionItem, build_layout, omission_text,
                             paint_omission_background)
from .fonts import points

translate = QCoreApplication.translate


class HandoutSource(Protocol):
    """What a handout is printed from: classroom mode's state (the claims, the shown outlets, the quiz)."""

    view: EventView
    event_title: str
    claims: list[int]
    shown: list[str]
    quiz: bool
    rtl: bool
    base_font: QFont

    def quiz_order(self, row: int | None) -> list[str]: ...
    def cell_ranges(self, row: int, doc: str, step: int) -> tuple[list, list]: ...
    def outlet_label(self, doc_id: str, row: int | None = None, revealed: bool | None = None) -> str: ...
    def caption_items(self, row: int, revealed: bool | None = None) -> list[CaptionItem]: ...


def print_handout(source: HandoutSource, path: str) -> None:
    """A PDF (A4 landscape) of every differing claim of the shown outlets, one per page,
    with the differences highlighted, their categories and labels, and a legend. In the
    quiz the pages keep the letters and shuffled columns: a worksheet for the class."""
    writer = QPdfWriter(path)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle(translate("Handout", "{event} — handout").format(event=source.event_title))
    writer.setCreator("Tabayun")
    painter = QPainter(writer)
    try:
        for page, row in enumerate(source.claims):
            if page:
                writer.newPage()
            _paint_page(source, painter, writer, row, page)
        if not source.claims:
            _paint_page(source, painter, writer, None, 0)
    finally:
        painter.end()


def _paint_page(source: HandoutSource, painter: QPainter, device: QPdfWriter, row: int | None, page: int) -> None:
    area = QRectF(0, 0, device.width(), device.height())
    mm = device.resolution() / 25.4
    painter.setPen(INK)
    painter.setFont(points(source.base_font, 16, bold=True))
    where = (translate("Present", "claim {number} / {count}").format(number=page + 1, count=len(source.claims))
             + (translate("Present", " · headlines") if source.view.is_headline(row) else "")
             if row is not None else translate("Present", "no differing claims"))
    title_h = QFontMetricsF(painter.font(), device).height() * 1.4
    painter.drawText(QRectF(area.left(), area.top(), area.width(), title_h),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{source.event_title} — {where}")
    legend_h = 9 * mm
    caption_h = area.height() * 0.22
    top = area.top() + title_h + 2 * mm
    columns = QRectF(area.left(), top, area.width(), area.bottom() - legend_h - caption_h - top - 3 * mm)
    if row is not None:
        _paint_columns(source, painter, device, columns, row)
        _paint_caption(source, painter, device, QRectF(area.left(), columns.bottom() + 3 * mm, area.width(),
                                                    caption_h), source.caption_items(row, revealed=False))
    _paint_legend(source, painter, device, QRectF(area.left(), area.bottom() - legend_h, area.width(), legend_h))


def _paint_columns(source: HandoutSource, painter: QPainter, device: QPdfWriter, rect: QRectF, row: int) -> None:
    order = source.quiz_order(row) if source.quiz else list(source.shown)
    gap = 4 * device.resolution() / 25.4
    width = (rect.width() - gap * (len(order) - 1)) / max(1, len(order))
    header_font = points(source.base_font, 12, bold=True)
    header_h = QFontMetricsF(header_font, device).height() * 1.6
    pad = header_h * 0.3
    cells = [source.view.cell(row, doc) for doc in order]
    directions = [source.view.cell_direction(row, doc) for doc in order]
    body_h = rect.height() - header_h - 2 * pad
    bold = source.view.is_headline(row)
    size = 20.0
    while size > 7 and any(c and build_layout(c.text, points(source.base_font, size, bold), direc, width - 2 * pad,
                                              device=device)[1] > body_h for c, direc in zip(cells, directions)):
        size -= 0.5
    font = points(source.base_font, size, bold)
    for i, (doc, cell, direction) in enumerate(zip(order, cells, directions)):
        slot = len(order) - 1 - i if source.rtl else i  # reading starts on the right in Arabic
        box = QRectF(rect.left() + slot * (width + gap), rect.top(), width, rect.height())
        card = QPainterPath()
        card.addRoundedRect(box, pad, pad)
        painter.setPen(QPen(CARD_BORDER, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(card)
        painter.setPen(INK)
        painter.setFont(header_font)
        painter.drawText(QRectF(box.left(), box.top(), box.width(), header_h), Qt.AlignmentFlag.AlignCenter,
                         source.outlet_label(doc, row, revealed=False))
        body = QRectF(box.left() + 1, box.top() + header_h, box.width() - 2, box.height() - header_h - 1)
        if cell is None:
            painter.save()
            painter.setClipPath(card)  # the hatching keeps to the card's round corners
            paint_omission_background(painter, body)
            painter.restore()
            painter.setFont(points(source.base_font, 14))
            painter.setPen(FAINT_INK)
            painter.drawText(body, Qt.AlignmentFlag.AlignCenter, omission_text())
            continue
        highlights, _ = source.cell_ranges(row, doc, 1)
        layout, _ = build_layout(cell.text, font, direction, width - 2 * pad, highlights, device=device)
        layout.draw(painter, QPointF(box.left() + pad, body.top() + pad))


def _paint_caption(source: HandoutSource, painter: QPainter, device: QPdfWriter, rect: QRectF,
                   items: list[CaptionItem]) -> None:
    painter.setFont(points(source.base_font, 10))
    line_h = QFontMetricsF(painter.font(), device).height()
    y = rect.top()
    for item in items:
        if y + line_h > rect.bottom():
            painter.setPen(FAINT_INK)
            painter.drawText(QPointF(rect.left(), y + line_h * 0.8), "…")
            break
        swatch = QRectF(rect.left(), y + line_h * 0.2, line_h * 0.6, line_h * 0.6)
        painter.fillRect(swatch, item.colour)
        painter.setPen(INK)
        text_rect = QRectF(swatch.right() + line_h * 0.4, y, rect.width() - swatch.width() - line_h, rect.bottom() - y)
        used = painter.boundingRect(text_rect, Qt.TextFlag.TextWordWrap, f"{item.heading}: {item.body}")
        painter.drawText(text_rect, Qt.TextFlag.TextWordWrap, f"{item.heading}: {item.body}")
        y += used.height() + line_h * 0.2


def _paint_legend(source: HandoutSource, painter: QPainter, device: QPdfWriter, rect: QRectF) -> None:
    painter.setFont(points(source.base_font, 9))
    metrics = QFontMetricsF(painter.font(), device)
    x, box = rect.left(), metrics.height() * 0.8
    painter.setPen(INK)
    for category in ALL_CATEGORIES:
        name = CATEGORY_LABELS.get(category, category)
        painter.fillRect(QRectF(x, rect.center().y() - box / 2, box, box), CATEGORY_COLOURS[category])
        x += box * 1.4
        painter.drawText(QRectF(x, rect.top(), metrics.horizontalAdvance(name) + 2, rect.height()),
                         Qt.AlignmentFlag.AlignVCenter, name)
        x += metrics.horizontalAdvance(name) + box * 2
