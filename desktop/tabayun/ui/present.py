"""Classroom mode (View → Present, F5): one claim at a time, full screen, in large type.

Two or three outlets side by side, and only the claims where they differ (a difference
or an omission between them, as the core says). Each claim is revealed in steps: the
plain texts, then the differences highlighted (whole words, category colours, as in the
grid), then what the machine called them and any label a person gave them. The blind
quiz replaces the outlet names by letters and shuffles the columns per claim; R reveals.

Nothing is computed here: texts, highlights and directions come from
:class:`~tabayun.core.sharing.event_view.EventView`, and every offset goes to Qt through ``ui.offsets``.
"""

from __future__ import annotations

import hashlib
import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..core.model import Difference
from ..core.sharing.event_view import PRIORITY, EventView, blind_label
from .categories import ALL_CATEGORIES, CATEGORY_COLOURS, CATEGORY_LABELS
from .claim_painting import (CARD, CARD_BORDER, FAINT_INK, INK, OMISSION_BACKGROUND, OMISSION_HATCH, PAPER,
                             CaptionItem, build_layout, isolated, omission_text, paint_omission_background, quoted)
from .fonts import BASE_POINT_SIZE, article_font
from .handout import print_handout
from .i18n import current_language
from .offsets import to_utf16_ranges
from .outlet_state import OutletState

translate = QCoreApplication.translate

STEPS = (QT_TRANSLATE_NOOP("Present", "texts"), QT_TRANSLATE_NOOP("Present", "differences"),
         QT_TRANSLATE_NOOP("Present", "categories"))
PRESENT_SCALE = 2.2  # text on the projector, relative to the grid
DESIGN_SIZE = (1600.0, 1000.0)  # the window size the sizes below are chosen for
MIN_TEXT_PX = 14  # a long claim shrinks to fit its panel, but not below this
CAPTION_SHARE = 0.2  # of the window height, kept for step 2 at every step: the text never reflows
MAX_CAPTION_ITEMS = 4


class _ClaimText(QWidget):
    """One outlet's words for the claim, painted with a QTextLayout; or the omission mark."""

    def __init__(self, owner: PresentationWindow, parent: QWidget):
        super().__init__(parent)
        self.owner = owner
        self.text: str | None = None
        self.direction = "rtl"
        self.headline = False
        self.highlights: list = []
        self.underlines: list = []
        self.omission = QLabel(omission_text(), self)
        self.omission.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.omission.setStyleSheet(f"background: {OMISSION_BACKGROUND.name()}; color: #777;"
                                    "border: 1px solid #bbb; border-radius: 6px; padding: 6px 18px;")
        box = QVBoxLayout(self)
        box.addWidget(self.omission, 0, Qt.AlignmentFlag.AlignCenter)

    def set_claim(self, text: str | None, direction: str, headline: bool, highlights: list, underlines: list) -> None:
        self.text, self.direction, self.headline = text, direction, headline
        self.highlights, self.underlines = highlights, underlines
        self.omission.setVisible(text is None)
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect())
        if self.text is None:
            paint_omission_background(painter, rect)
            return
        pad = self.owner.padding()
        font = self.owner.fitted_font()
        layout, _ = build_layout(self.text, font, self.direction, rect.width() - 2 * pad,
                                 self.highlights, self.underlines)
        painter.setPen(INK)
        layout.draw(painter, QPointF(pad, pad))


class _OutletPanel(QWidget):
    """A column: the outlet's name (or quiz letter) over its words for the claim."""

    def __init__(self, owner: PresentationWindow, parent: QWidget):
        super().__init__(parent)
        self.doc_id: str | None = None
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.PlainText)  # an outlet's name is data, never HTML
        self.header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.header.setWordWrap(True)
        self.text = _ClaimText(owner, self)
        box = QVBoxLayout(self)
        box.setContentsMargins(1, 1, 1, 1)
        box.setSpacing(0)
        box.addWidget(self.header)
        box.addWidget(self.text, 1)

    @property
    def highlight_ranges(self) -> list:
        """The ``(utf16 start, length, category)`` ranges painted now."""
        return list(self.text.highlights)

    @property
    def is_omission(self) -> bool:
        return self.text.text is None

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(CARD_BORDER, 1))
        painter.setBrush(CARD)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)


class PresentationWindow(QWidget):
    """Present one event in class. ``start()`` shows it full screen; Escape closes it."""

    def __init__(self, view: EventView, outlets: OutletState, annotation=None,
                 outlets_shown: list[str] | None = None, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)  # its own window even with the main window as parent
        self.view = view
        self.outlets = outlets
        self.annotation = annotation
        self.rtl = view.direction == "rtl"
        self.base_font = article_font()
        self.event_title = (annotation.event_name if annotation is not None else "") or "Tabayun"
        self.setWindowTitle(translate("Present", "{event} — Present").format(event=self.event_title))
        requested = [d for d in dict.fromkeys(outlets_shown or []) if d in view.doc_ids][:3]
        visible = set(outlets.visible() if outlets.order else view.doc_ids) | set(requested)
        order = [d for d in (outlets.order or view.doc_ids) if d in view.doc_ids]
        self.pool = [d for d in order if d in visible]  # the outlets Tab rotates through
        self.shown: list[str] = []
        self.claims: list[int] = []
        self.position = 0
        self.step = 0
        self.quiz = outlets.blind  # the main window hides names: so does the classroom
        self.names_revealed = False
        self._fit_key = None
        self._fit_font = QFont(self.base_font)
        self._build()
        if requested:
            self._set_shown(requested)
        else:
            reference = outlets.reference if outlets.reference in self.pool else None
            first = [reference] if reference else []
            self._set_shown(first + [d for d in self.pool if d != reference][:2 - len(first)])
        if annotation is not None:
            annotation.changed.connect(self._refresh)  # a label made in the main window shows at once

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, PAPER)
        palette.setColor(QPalette.ColorRole.WindowText, INK)
        self.setPalette(palette)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.columns_box = QWidget(self)
        # The first column sits where reading starts: on the right for an Arabic event.
        self.columns_box.setLayoutDirection(Qt.LayoutDirection.RightToLeft if self.rtl
                                            else Qt.LayoutDirection.LeftToRight)
        row = QHBoxLayout(self.columns_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.panels = [_OutletPanel(self, self.columns_box) for _ in range(3)]
        for panel in self.panels:
            row.addWidget(panel, 1)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.footer = QLabel(self)
        self.footer.setTextFormat(Qt.TextFormat.PlainText)
        self.footer.setStyleSheet(f"color: {FAINT_INK.name()};")
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addWidget(self.columns_box, 1)
        box.addWidget(self.caption)
        box.addWidget(self.footer)
        for label in (self.title, self.caption, self.footer):
            label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._apply_sizes()

    def start(self, row: int | None = None) -> None:
        """Full screen, on the claim of grid row ``row`` (or the next differing one)."""
        if row is not None:
            self.go_to_row(row)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a session: closing ends it
        # On the main window's screen; the geometry also holds where no window manager does full screen.
        screen = self.parentWidget().screen() if self.parentWidget() else self.screen()
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.activateWindow()
        self.setFocus()

    # --- sizes --------------------------------------------------------------------------
    def _scale(self) -> float:
        return max(0.4, min(self.width() / DESIGN_SIZE[0], self.height() / DESIGN_SIZE[1]))

    def target_text_px(self) -> int:
        """The text size before fitting: 2.2 times the grid's, scaled with the window."""
        normal_px = BASE_POINT_SIZE * self.logicalDpiY() / 72.0
        return max(MIN_TEXT_PX, round(PRESENT_SCALE * normal_px * self._scale()))

    def padding(self) -> float:
        return 20 * self._scale()

    def _font(self, px: int, bold: bool = False) -> QFont:
        font = QFont(self.base_font)
        font.setPixelSize(max(1, px))
        font.setBold(bold)
        return font

    def _apply_sizes(self) -> None:
        target = self.target_text_px()
        margin = round(24 * self._scale())
        self.layout().setContentsMargins(margin, round(margin * 0.6), margin, round(margin * 0.4))
        self.layout().setSpacing(round(margin * 0.6))
        self.columns_box.layout().setSpacing(margin)
        self.title.setFont(self._font(round(target * 0.6), bold=True))
        for panel in self.panels:
            panel.header.setFont(self._font(round(target * 0.62), bold=True))
            panel.header.setContentsMargins(8, round(margin * 0.4), 8, round(margin * 0.2))
            panel.text.omission.setFont(self._font(round(target * 0.8)))
        self.caption.setFont(self._font(max(14, round(target * 0.48))))
        self.caption.setFixedHeight(round(self.height() * CAPTION_SHARE))
        self.footer.setFont(self._font(max(12, round(target * 0.36))))

    def resizeEvent(self, event) -> None:
        self._apply_sizes()
        super().resizeEvent(event)

    def fitted_font(self) -> QFont:
        """The largest text size (up to the target) at which every shown claim fits its panel;
        one size for all columns so that they compare at a glance."""
        areas = [p.text for p in self.panels if p.isVisibleTo(self) and p.text.text is not None]
        target, pad = self.target_text_px(), self.padding()
        key = (target, tuple((a.text, a.direction, a.headline, a.width(), a.height()) for a in areas))
        if key != self._fit_key:
            bold = any(a.headline for a in areas)

            def fits(px: int) -> bool:
                font = self._font(px, bold)
                return all(build_layout(a.text, font, a.direction, a.width() - 2 * pad)[1] <= a.height() - 2 * pad
                           for a in areas)

            low, high = MIN_TEXT_PX, max(MIN_TEXT_PX, target)
            while low < high:  # the largest size that fits
                middle = (low + high + 1) // 2
                low, high = (middle, high) if fits(middle) else (low, middle - 1)
            self._fit_key, self._fit_font = key, self._font(low, bold)
        return QFont(self._fit_font)

    # --- which outlets --------------------------------------------------------------------
    @property
    def columns(self) -> int:
        return len(self.shown)

    def _anchor(self, shown: list[str] | None = None) -> str | None:
        """The reference outlet stays in the first column while the others rotate."""
        reference = self.outlets.reference
        return reference if reference in (self.shown if shown is None else shown) else None

    def _set_shown(self, shown: list[str]) -> None:
        anchor = self._anchor(shown)
        rest = sorted((d for d in shown if d != anchor), key=self.pool.index)
        self.shown = ([anchor] if anchor else []) + rest
        row = self.row
        self.claims = self._differing_claims()
        if row is None or not self.go_to_row(row):
            self.position = 0
            self.step = 0
            self.names_revealed = False
            self._refresh()

    def _differing_claims(self) -> list[int]:
        """Grid rows where the shown outlets differ: a difference between them, or an omission."""
        anchor = self._anchor()
        return [row for row in range(len(self.view.rows))
                if self.view.lead_difference(row, reference=anchor, visible=self.shown) is not None
                or self.view.is_omission(row, visible=self.shown)]

    def set_columns(self, count: int) -> None:
        """Show ``count`` outlets (2 or 3): more outlets come after the last shown one."""
        count = max(1, min(count, 3, len(self.pool)))
        shown = list(self.shown[:count])
        while len(shown) < count:
            i = self.pool.index(shown[-1]) if shown else -1
            shown.append(next(self.pool[(i + k) % len(self.pool)] for k in range(1, len(self.pool) + 1)
                              if self.pool[(i + k) % len(self.pool)] not in shown))
        if shown != self.shown:
            self._set_shown(shown)

    def rotate(self, steps: int = 1) -> None:
        """Tab: each shown outlet (but the reference) gives way to the next one in the outlets' order."""
        anchor = self._anchor()
        others = [d for d in self.pool if d != anchor]
        moving = [d for d in self.shown if d != anchor]
        if len(others) <= len(moving):
            return  # every outlet is already on screen
        moved = [others[(others.index(d) + steps) % len(others)] for d in moving]
        self._set_shown(([anchor] if anchor else []) + moved)

    # --- which claim, which step ---------------------------------------------------------------
    @property
    def row(self) -> int | None:
        """The grid row of the claim on screen (None when the shown outlets never differ)."""
        return self.claims[self.position] if self.claims else None

    def go_to_row(self, row: int) -> bool:
        """Show the claim of grid row ``row``, or the next one after it; False if there is none."""
        index = next((i for i, r in enumerate(self.claims) if r >= row), None)
        if index is None:
            return False
        self._go(index)
        return True

    def _go(self, index: int) -> None:
        self.position = max(0, min(index, len(self.claims) - 1))
        self.step = 0
        self.names_revealed = False  # a new claim is a new guess
        self._refresh()

    def next_claim(self) -> bool:
        if self.position + 1 >= len(self.claims):
            return False
        self._go(self.position + 1)
        return True

    def previous_claim(self) -> bool:
        if self.position <= 0:
            return False
        self._go(self.position - 1)
        return True

    def reveal(self) -> None:
        """One step further: texts → differences highlighted → their categories and labels."""
        if self.step < len(STEPS) - 1:
            self.step += 1
            self._refresh()

    def conceal(self) -> None:
        if self.step > 0:
            self.step -= 1
            self._refresh()

    def toggle_quiz(self) -> None:
        self.quiz = not self.quiz
        self.names_revealed = False
        self._refresh()

    def reveal_names(self) -> None:
        if self.quiz and not self.names_revealed:
            self.names_revealed = True
            self._refresh()

    # --- names and order ------------------------------------------------------------------------
    def quiz_order(self, row: int | None) -> list[str]:
        """The shown outlets shuffled for this claim: the same claim, the same order."""
        if row is None:
            return list(self.shown)
        row_id = self.view.rows[row].row_id
        return sorted(self.shown, key=lambda d: hashlib.sha256(f"{row_id}/{d}".encode()).digest())

    def displayed(self, row: int | None = None) -> list[str]:
        """The shown outlets in column order (first = where reading starts)."""
        row = self.row if row is None else row
        return self.quiz_order(row) if self.quiz and not self.names_revealed else list(self.shown)

    def outlet_label(self, doc_id: str, row: int | None = None, revealed: bool | None = None) -> str:
        """A column's title. In the quiz, letters follow the shuffled columns of each claim,
        so naming one outlet on one claim does not give it away on the next."""
        revealed = self.names_revealed if revealed is None else revealed
        if not self.quiz:
            star = "★ " if doc_id == self._anchor() else ""
            return star + self.outlets.name(doc_id)
        letter = blind_label(self.quiz_order(self.row if row is None else row).index(doc_id))
        return f"{letter} · {isolated(self.outlets.name(doc_id))}" if revealed else letter

    # --- what a claim shows ---------------------------------------------------------------------
    def cell_ranges(self, row: int, doc: str, step: int) -> tuple[list, list]:
        """Highlights (step 1 on) and label underlines (step 2) of a cell, in UTF-16."""
        cell = self.view.cell(row, doc)
        if cell is None or step < 1:
            return [], []
        spans = [(h.start, h.end, h.category) for h in
                 self.view.cell_highlights(row, doc, ALL_CATEGORIES, self._anchor(), self.shown)]
        underlines = []
        if step >= 2 and self.annotation is not None:
            underlines = [(s, e, self.annotation.colour(code))
                          for s, e, code in self.view.cell_label_spans(row, doc, self.annotation.spans(doc))]
        return to_utf16_ranges(cell.text, spans), to_utf16_ranges(cell.text, underlines)

    def _differences(self, row: int) -> list[Difference]:
        anchor = self._anchor()
        found = {d for doc in self.shown for d in self.view.cell_differences(row, doc, None, anchor, self.shown)}
        rank = {c: i for i, c in enumerate(PRIORITY)}
        return sorted(found, key=lambda d: (rank.get(d.category, len(rank)), -d.score, d.a_start))

    def _labels(self, row: int) -> list:
        """The people's labels on the shown outlets' words of this claim."""
        if self.annotation is None:
            return []
        out = []
        for label in self.annotation.labels:
            sides = ((label.doc_id, label.char_start, label.char_end),
                     (label.other_doc_id, label.other_start, label.other_end))
            for doc, start, end in sides:
                cell = self.view.cell(row, doc) if doc in self.shown and start is not None else None
                if cell is not None and start <= cell.end and end >= cell.start:
                    out.append(label)
                    break
        return out

    def caption_items(self, row: int, revealed: bool | None = None) -> list[CaptionItem]:
        """Step 2: each difference's machine category, and the labels on it (code and note)."""
        labels = self._labels(row)
        items: list[CaptionItem] = []
        for d in self._differences(row):
            items.append(CaptionItem(CATEGORY_COLOURS.get(d.category, FAINT_INK),
                                     CATEGORY_LABELS.get(d.category, d.category),
                                     f"{self._named(d.doc_a, row, revealed)} {quoted(d.a_text)}  ↔  "
                                     f"{self._named(d.doc_b, row, revealed)} {quoted(d.b_text)}"))
            for label in [lb for lb in labels if _on_difference(lb, d)]:
                labels.remove(label)
                items.append(self._label_item(label))
        for doc in self.shown:
            for m in self.view.cell_markers(row, doc):
                items.append(CaptionItem(CATEGORY_COLOURS.get(m.category, FAINT_INK),
                                         CATEGORY_LABELS.get(m.category, m.category),
                                         f"{self._named(doc, row, revealed)} {quoted(m.text)}"))
        items.extend(self._label_item(label) for label in labels)
        for doc in self.shown:
            if self.view.cell(row, doc) is None:
                not_reported = (isolated("لم يرد") if current_language() == "ar"
                                else f"not reported · {isolated('لم يرد')}")  # English: for the Arabic class too
                items.append(CaptionItem(OMISSION_HATCH, translate("Present", "Omission"),
                                         f"{self._named(doc, row, revealed)}: {not_reported}"))
        return items

    def _named(self, doc_id: str, row: int, revealed: bool | None) -> str:
        return isolated(self.outlet_label(doc_id, row, revealed))

    def _label_item(self, label) -> CaptionItem:
        try:
            code = self.annotation.codebook.code(label.code)
            heading = (isolated(code.label_ar) if current_language() == "ar"
                       else f"{code.label_en} · {isolated(code.label_ar)}")
        except KeyError:
            heading = label.code  # a code of another codebook: still shown
        body = quoted(label.text) + (f" — {isolated(label.note)}" if label.note else "")
        return CaptionItem(QColor(self.annotation.colour(label.code)), translate("Present", "Label: {code}").format(code=heading), body)

    # --- painting the window -------------------------------------------------------------------------
    def _refresh(self) -> None:
        row = self.row
        order = self.displayed()
        for i, panel in enumerate(self.panels):
            panel.setVisible(i < len(order))
            if i >= len(order):
                continue
            doc = panel.doc_id = order[i]
            panel.header.setText(self.outlet_label(doc))
            cell = self.view.cell(row, doc) if row is not None else None
            highlights, underlines = self.cell_ranges(row, doc, self.step) if cell else ([], [])
            panel.text.set_claim(cell.text if cell else ("" if row is None else None),
                                 self.view.cell_direction(row, doc) if row is not None else self.view.direction,
                                 row is not None and self.view.is_headline(row), highlights, underlines)
        headline = row is not None and self.view.is_headline(row)
        self.title.setText(self.event_title + (translate("Present", " · headlines") if headline else ""))
        self.caption.setText(self._caption_html(row))
        self.footer.setText(self._footer_text())
        self.update()

    def _caption_html(self, row: int | None) -> str:
        if row is None:
            return translate("Present", "These outlets never differ: press Tab for others, or 3 for a third column.")
        if self.step < 2:
            hint = (translate("Present", "↓ highlight the differences") if self.step == 0
                    else translate("Present", "↓ say what kind of differences they are"))
            return f"<span style='color:{FAINT_INK.name()}'>{html.escape(hint)}</span>"
        items = self.caption_items(row)
        lines = [f"<span style='background:{item.colour.name()}'>&nbsp;{html.escape(item.heading)}&nbsp;</span>"
                 f"&nbsp; {html.escape(item.body)}" for item in items[:MAX_CAPTION_ITEMS]]
        if len(items) > MAX_CAPTION_ITEMS:
            lines.append(html.escape(translate("Present", "and %n more", "", len(items) - MAX_CAPTION_ITEMS)))
        return "<br>".join(lines)

    def _footer_text(self) -> str:
        forward, back = ("←", "→") if self.rtl else ("→", "←")
        where = (translate("Present", "claim {number} / {count}").format(number=self.position + 1, count=len(self.claims))
                 if self.claims else translate("Present", "no differing claims"))
        mode = (translate("Present", " · quiz") + (translate("Present", " (names shown)") if self.names_revealed else "")
                if self.quiz else "")
        keys = translate("Present", "{forward} Space next · {back} previous · ↓ Enter reveal · ↑ back · Tab outlets · "
                                    "2/3 columns · B quiz · R names · P handout · Esc").format(forward=forward, back=back)
        step = translate("Present", "step {number}/{count}: {name}").format(
            number=self.step + 1, count=len(STEPS), name=translate("Present", STEPS[self.step]))
        return f"{where} · {step}{mode}      {keys}"

    # --- keys ------------------------------------------------------------------------------------
    def event(self, event) -> bool:
        # Tab would move the focus between child widgets; here it changes the outlets.
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            back = event.key() == Qt.Key.Key_Backtab or event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.rotate(-1 if back else 1)
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        # "Forward" follows the reading direction: in Arabic the next claim is to the left.
        forward, back = (Qt.Key.Key_Left, Qt.Key.Key_Right) if self.rtl else (Qt.Key.Key_Right, Qt.Key.Key_Left)
        actions = {
            forward: self.next_claim, Qt.Key.Key_PageDown: self.next_claim, Qt.Key.Key_Space: self.next_claim,
            back: self.previous_claim, Qt.Key.Key_PageUp: self.previous_claim,
            Qt.Key.Key_Home: lambda: self._go(0), Qt.Key.Key_End: lambda: self._go(len(self.claims) - 1),
            Qt.Key.Key_Down: self.reveal, Qt.Key.Key_Return: self.reveal, Qt.Key.Key_Enter: self.reveal,
            Qt.Key.Key_Up: self.conceal, Qt.Key.Key_Backspace: self.conceal,
            Qt.Key.Key_2: lambda: self.set_columns(2), Qt.Key.Key_3: lambda: self.set_columns(3),
            Qt.Key.Key_B: self.toggle_quiz, Qt.Key.Key_R: self.reveal_names,
            Qt.Key.Key_P: self.ask_handout, Qt.Key.Key_Escape: self.close,
        }
        action = actions.get(key)
        if action is None:
            super().keyPressEvent(event)
        elif self.claims or key in (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_B, Qt.Key.Key_Escape):
            action()

    # --- handout ------------------------------------------------------------------------------------
    def ask_handout(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("Present", "Save Handout"),
                                              translate("Present", "{event} handout").format(event=self.event_title)
                                              + ".pdf", "PDF (*.pdf)")
        if path:
            self.print_handout(path if path.lower().endswith(".pdf") else path + ".pdf")

    def print_handout(self, path: str) -> None:
        print_handout(self, path)


def _on_difference(label, d: Difference) -> bool:
    """A label about this difference: the same two outlets, and its span on (or at) the difference's words."""
    if {label.doc_id, label.other_doc_id} != {d.doc_a, d.doc_b}:
        return False
    start, end = (d.a_start, d.a_end) if label.doc_id == d.doc_a else (d.b_start, d.b_end)
    return label.char_start <= end and label.char_end >= start
