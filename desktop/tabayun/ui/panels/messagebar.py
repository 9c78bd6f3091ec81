"""A message strip above the grid (like KMessageWidget): load problems, errors, notes.
It never blocks: the rest of the window stays usable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton

translate = QCoreApplication.translate

STYLES = {
    "warning": "background: #fff4d6; border: 1px solid #e0b84a; color: #4a3a00;",
    "error": "background: #fde2e1; border: 1px solid #d9534f; color: #5a1210;",
    "info": "background: #e4effc; border: 1px solid #7aa7e0; color: #0f2f57;",
}


class MessageBar(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("message_bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label, 1)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(translate("MessageBar", "Dismiss"))
        close.clicked.connect(self.dismiss)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.level = ""
        self.hide()

    def show_message(self, text: str, level: str = "warning") -> None:
        self.level = level
        self.label.setText(text)
        self.setStyleSheet(f"#{self.objectName()} {{ {STYLES.get(level, STYLES['info'])} border-radius: 4px; }}")
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() or self.label.text() else ""

    def dismiss(self) -> None:
        self.label.clear()
        self.level = ""
        self.hide()
