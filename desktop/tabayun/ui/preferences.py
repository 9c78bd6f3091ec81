"""Edit → Preferences: language, article font and size, labels folder, annotator, default filters.

Every value is one of :class:`Settings`' typed properties. OK stores them and the window
applies what it can at once (font, size, filters, annotator); the language is read at start,
so a change says that it takes effect when Tabayun restarts, and the labels folder is used
for the next event opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from .fonts import BASE_POINT_SIZE
from .i18n import LANGUAGES
from .settings import MAX_ZOOM, MIN_ZOOM, Settings

translate = QCoreApplication.translate


@dataclass
class Preferences:
    """What the dialog edits, as plain values."""
    language: str  # "" = follow the system
    font_family: str  # "" = the default Arabic face
    point_size: int
    labels_dir: str
    annotator: str
    lexical_only: bool
    quoted_speech: bool

    @classmethod
    def read(cls, settings: Settings) -> Preferences:
        return cls(settings.language, settings.article_font_family, round(BASE_POINT_SIZE) + settings.zoom,
                   str(settings.labels_dir), settings.annotator, settings.default_lexical_only,
                   settings.default_quoted_speech)

    def write(self, settings: Settings) -> None:
        settings.language = self.language
        settings.article_font_family = self.font_family
        settings.zoom = zoom_for(self.point_size)
        settings.labels_dir = self.labels_dir
        settings.annotator = self.annotator
        settings.default_lexical_only = self.lexical_only
        settings.default_quoted_speech = self.quoted_speech


def zoom_for(point_size: int) -> int:
    """The window's zoom step for an article text size in points."""
    return max(MIN_ZOOM, min(MAX_ZOOM, point_size - round(BASE_POINT_SIZE)))


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, default_family: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        self.setWindowTitle(translate("Preferences", "Preferences"))
        self._initial_language = prefs.language

        self.language = QComboBox()
        self.language.setObjectName("pref_language")
        self.language.addItem(translate("Preferences", "As the system"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.language_note = QLabel(translate("Preferences", "Takes effect when Tabayun restarts."))
        self.language_note.setObjectName("pref_language_note")
        self.language_note.setStyleSheet("color: #666;")
        self.language_note.setVisible(False)
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_note.setVisible(self.language.currentData() != self._initial_language))

        self.font_family = QComboBox()
        self.font_family.setObjectName("pref_font")
        self.font_family.addItem(translate("Preferences", "Default ({family})").format(family=default_family), "")
        for family in sorted(set(QFontDatabase.families(QFontDatabase.WritingSystem.Arabic))):
            self.font_family.addItem(family, family)
        index = self.font_family.findData(prefs.font_family)
        if index < 0 and prefs.font_family:  # a family no longer installed: keep it listed
            self.font_family.addItem(prefs.font_family, prefs.font_family)
            index = self.font_family.count() - 1
        self.font_family.setCurrentIndex(max(0, index))
        self.point_size = QSpinBox()
        self.point_size.setObjectName("pref_size")
        self.point_size.setRange(round(BASE_POINT_SIZE) + MIN_ZOOM, round(BASE_POINT_SIZE) + MAX_ZOOM)
        self.point_size.setSuffix(translate("Preferences", " pt"))
        self.point_size.setValue(prefs.point_size)
        font_row = QHBoxLayout()
        font_row.addWidget(self.font_family, 1)
        font_row.addWidget(self.point_size)

        self.labels_dir = QLineEdit(prefs.labels_dir)
        self.labels_dir.setObjectName("pref_labels_dir")
        browse = QPushButton(translate("Preferences", "Choose…"))
        browse.clicked.connect(self._choose_labels_dir)
        labels_row = QHBoxLayout()
        labels_row.addWidget(self.labels_dir, 1)
        labels_row.addWidget(browse)
        self.annotator = QLineEdit(prefs.annotator)
        self.annotator.setObjectName("pref_annotator")
        self.annotator.setPlaceholderText(translate("Preferences", "Your name or initials, recorded on every label"))

        self.lexical_only = QCheckBox(translate("Preferences", "Show only the rows where outlets chose different words"))
        self.lexical_only.setObjectName("pref_lexical_only")
        self.lexical_only.setChecked(prefs.lexical_only)
        self.quoted_speech = QCheckBox(translate("Preferences", "Mark loaded words inside quoted speech too"))
        self.quoted_speech.setObjectName("pref_quoted_speech")
        self.quoted_speech.setChecked(prefs.quoted_speech)

        form = QFormLayout()
        form.addRow(translate("Preferences", "Interface language:"), self.language)
        form.addRow("", self.language_note)
        form.addRow(translate("Preferences", "Article font and size:"), font_row)
        form.addRow(translate("Preferences", "Labels folder:"), labels_row)
        hint = QLabel(translate("Preferences", "Where labels go for events whose own folder cannot take them "
                                               "(the sample event); used for the next event opened."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        form.addRow("", hint)
        form.addRow(translate("Preferences", "Annotator name:"), self.annotator)
        form.addRow(translate("Preferences", "When an event opens:"), self.lexical_only)
        form.addRow("", self.quoted_speech)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("pref_buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def _choose_labels_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("Preferences", "Labels folder"),
                                                  self.labels_dir.text() or str(Path.home()))
        if folder:
            self.labels_dir.setText(folder)

    def preferences(self) -> Preferences:
        return Preferences(self.language.currentData() or "", self.font_family.currentData() or "",
                           self.point_size.value(), self.labels_dir.text().strip(), self.annotator.text().strip(),
                           self.lexical_only.isChecked(), self.quoted_speech.isChecked())

    def language_changed(self) -> bool:
        return (self.language.currentData() or "") != self._initial_language
