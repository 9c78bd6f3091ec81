"""The raw article: the outlet's whole text as loaded, furniture and metadata included but
greyed, the current claim marked. What the grid hides is here, untouched."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from ...core.model import SegmentRole
from ...core.sharing.event_view import text_direction, whole_words
from ..offsets import python_index, utf16_index

translate = QCoreApplication.translate

ROLE_COLOURS = {SegmentRole.FURNITURE: QColor("#9a9a9a"), SegmentRole.METADATA: QColor("#6f7f90")}


class ArticlePanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        self.note = QLabel(translate("ArticlePanel", "Grey: page furniture and metadata, left out of the comparison."))
        self.note.setStyleSheet("color: #666;")
        self.note.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("raw_article")
        self.text.setReadOnly(True)
        self.text.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.note)
        self._doc: str | None = None
        self._raw = ""

    def set_font(self, font) -> None:
        self.text.setFont(font)

    def show_article(self, comparison, doc_id: str | None, label: str, span: tuple[int, int] | None = None) -> None:
        if comparison is None or doc_id is None:
            self.title.clear()
            self.text.clear()
            self._doc = None
            return
        article = comparison.articles[doc_id]
        self.title.setText(label)
        if doc_id != self._doc:
            self._doc = doc_id
            self._raw = article.text
            rtl = text_direction(article.text) == "rtl"
            option = self.text.document().defaultTextOption()
            option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
            option.setAlignment(Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
            self.text.document().setDefaultTextOption(option)
            self.text.setPlainText(article.text)
            cursor = QTextCursor(self.text.document())
            for seg in comparison.segments.get(doc_id, []):
                colour = ROLE_COLOURS.get(seg.role)
                if colour is None:
                    continue
                fmt = QTextCharFormat()
                fmt.setForeground(colour)
                cursor.setPosition(utf16_index(article.text, seg.start))
                cursor.setPosition(utf16_index(article.text, seg.end), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)
        selections = []
        if span is not None:
            sel = QTextEdit.ExtraSelection()
            sel.format.setBackground(QColor("#dbe8fb"))
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(utf16_index(self._raw, span[0]))
            cursor.setPosition(utf16_index(self._raw, span[1]), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
            view_cursor = QTextCursor(self.text.document())
            view_cursor.setPosition(utf16_index(self._raw, span[0]))
            self.text.setTextCursor(view_cursor)
            self.text.centerCursor()
        self.text.setExtraSelections(selections)

    def raw_text(self) -> str:
        return self.text.toPlainText()

    def selected_span(self) -> tuple[str, int, int] | None:
        """(doc_id, start, end) of the text selected by hand, widened to whole words, in
        Python indices into the article; None when nothing is selected."""
        cursor = self.text.textCursor()
        if self._doc is None or not cursor.hasSelection():
            return None
        start, end = python_index(self._raw, cursor.selectionStart()), python_index(self._raw, cursor.selectionEnd())
        start, end = whole_words(self._raw, start, end)
        return (self._doc, start, end) if end > start else None

    def clear_selection(self) -> None:
        cursor = self.text.textCursor()
        cursor.clearSelection()
        self.text.setTextCursor(cursor)
