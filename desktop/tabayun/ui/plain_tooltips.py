"""Tooltips show data as plain text. Qt renders a tooltip as HTML whenever it looks like
HTML, and Tabayun's tooltips quote article text, outlet names, notes and file paths:
an outlet called ``<h1 style=...>`` would be rendered. One application-wide event
filter escapes every tooltip before Qt shows it, for item views, their headers and
plain widgets alike, so no model needs to remember to."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtGui import Qt as QtGui_Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QToolTip, QWidget


def plain(text: str) -> str:
    """``text`` as tooltip markup that shows it verbatim (line breaks kept)."""
    return QtGui_Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


class PlainToolTips(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.ToolTip or not isinstance(obj, QWidget):
            return False
        text = self._text(obj, event)  # type: ignore[arg-type]
        if text is None:
            return False  # not ours to show: Qt's default
        if text:
            QToolTip.showText(event.globalPos(), plain(text), obj)  # type: ignore[attr-defined]
        else:
            QToolTip.hideText()
            event.ignore()
        return True

    @staticmethod
    def _text(widget: QWidget, event: QHelpEvent) -> str | None:
        view = widget.parent()
        if isinstance(view, QHeaderView) and view.model() is not None:
            section = view.logicalIndexAt(event.pos())
            value = view.model().headerData(section, view.orientation(), Qt.ItemDataRole.ToolTipRole) \
                if section >= 0 else None
            return str(value) if value else ""
        if isinstance(view, QAbstractItemView) and widget is view.viewport():
            index = view.indexAt(event.pos())
            value = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
            return str(value) if value else ""
        return widget.toolTip() or None


def install(app: QApplication) -> PlainToolTips:
    """Escape every tooltip of ``app`` (keep the returned object alive with the app)."""
    tips = PlainToolTips(app)
    app.installEventFilter(tips)
    return tips
