"""Help → User Guide: the guide Tabayun ships in ``resources/guide/`` (Markdown, one file per
language, screenshots in ``images/``), shown offline in a window beside the main one.

The language follows the interface locale (Arabic for any Arabic locale), English when the
guide has no file for it; the Arabic guide reads right to left, tables included.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, Qt, QUrl
from PySide6.QtGui import (QFont, QImage, QPixmap, QTextBlockFormat, QTextCursor, QTextDocument,
                           QTextImageFormat)
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget,
                               QSplitter, QTextBrowser, QVBoxLayout, QWidget)

from ..core.resources import resource

FALLBACK_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "ar": "العربية"}
RIGHT_TO_LEFT = {"ar", "fa", "he", "ur"}
TITLES = {"en": "Tabayun User Guide", "ar": "دليل استخدام تباين"}
GUIDE_FILE = re.compile(r"[a-z]{2,3}\.md")  # en.md, ar.md (README.md is not a language)
IMAGE_MARGIN = 24  # px kept free beside a picture scaled to the page width


def guide_languages() -> list[str]:
    """Languages the shipped guide is written in (its ``LANG.md`` files), English first."""
    found = {node.name[:-3] for node in resource("guide").iterdir() if GUIDE_FILE.fullmatch(node.name)}
    return sorted(found, key=lambda lang: (lang != FALLBACK_LANGUAGE, lang))


def guide_language(locale: QLocale | None = None) -> str:
    """The guide's language for ``locale`` (default: the application's): the first of its UI
    languages that the guide is written in, else English."""
    locale = QLocale() if locale is None else locale
    available = guide_languages()
    for name in locale.uiLanguages() + [locale.name()]:
        language = name.replace("_", "-").split("-")[0].lower()
        if language in available:
            return language
    return FALLBACK_LANGUAGE


def guide_folder() -> Path:
    """The guide's folder on disk: Markdown images are looked up there."""
    return Path(str(resource("guide")))


def guide_markdown(language: str) -> str:
    return resource("guide", f"{language}.md").read_text(encoding="utf-8")


class GuideWindow(QDialog):
    """The guide in a QTextBrowser, with its sections listed beside it."""

    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_window")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1040, 760)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide_browser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(guide_folder())])
        self.sections = QListWidget()
        self.sections.setObjectName("guide_sections")
        self.sections.currentRowChanged.connect(self._go_to_section)
        self.language_box = QComboBox()
        self.language_box.setObjectName("guide_language")
        for lang in guide_languages():
            self.language_box.addItem(LANGUAGE_NAMES.get(lang, lang), lang)
        self.language_box.currentIndexChanged.connect(lambda _i: self.show_language(self.language_box.currentData()))

        splitter = QSplitter()
        splitter.addWidget(self.sections)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 760])
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(QLabel("اللغة · Language"))
        top.addWidget(self.language_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.language = ""
        self._section_blocks: list[int] = []
        self.show_language(language or guide_language())

    def show_language(self, language: str) -> None:
        if language == self.language:
            return
        self.language = language
        self.language_box.blockSignals(True)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        self.language_box.blockSignals(False)
        self.setWindowTitle(TITLES.get(language, TITLES[FALLBACK_LANGUAGE]))
        document = self.browser.document()
        rtl = language in RIGHT_TO_LEFT
        document.setDefaultFont(self._reading_font(rtl))
        document.setMarkdown(guide_markdown(language))
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        set_direction(document, direction)
        self.setLayoutDirection(direction)  # the sections list on the reading side, scroll bar opposite
        self._list_sections(document)
        self.fit_images()
        # QTextEdit scrolls to its cursor when first shown: keep the cursor at the top.
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        self.browser.verticalScrollBar().setValue(0)

    def _reading_font(self, arabic_script: bool) -> QFont:
        """The interface font a little larger; for Arabic script the face the articles use
        (a Naskh face reads better at length than the interface's sans)."""
        font = QFont(self.font())
        if arabic_script:
            from .fonts import article_font

            font.setFamilies(article_font().families())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        return font

    def headings(self, level: int | None = None) -> list[str]:
        """The shown document's headings (of one level, or all)."""
        block, found = self.browser.document().begin(), []
        while block.isValid():
            if block.blockFormat().headingLevel() and level in (None, block.blockFormat().headingLevel()):
                found.append(block.text())
            block = block.next()
        return found

    def image_names(self) -> list[str]:
        """The image sources the shown document refers to, in order."""
        return [fmt.name() for fmt, _pos in _image_fragments(self.browser.document())]

    def image(self, name: str) -> QImage:
        """A picture the document refers to, found as the browser finds it (a null image if not)."""
        data = self.browser.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        if isinstance(data, QImage):
            return data
        if isinstance(data, QPixmap):
            return data.toImage()
        return QImage.fromData(data) if isinstance(data, (QByteArray, bytes)) else QImage()

    def _list_sections(self, document: QTextDocument) -> None:
        self.sections.blockSignals(True)
        self.sections.clear()
        self._section_blocks = []
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() in (1, 2):
                self.sections.addItem(block.text())
                self._section_blocks.append(block.blockNumber())
            block = block.next()
        self.sections.blockSignals(False)

    def _go_to_section(self, index: int) -> None:
        if not 0 <= index < len(self._section_blocks):
            return
        document = self.browser.document()
        block = document.findBlockByNumber(self._section_blocks[index])
        top = document.documentLayout().blockBoundingRect(block).top()
        self.browser.verticalScrollBar().setValue(int(top))

    def fit_images(self) -> None:
        """Scale pictures wider than the page down to its width (never up)."""
        width = self.browser.viewport().width() - IMAGE_MARGIN
        document = self.browser.document()
        for fmt, position in _image_fragments(document):
            image = self.image(fmt.name())
            natural = image.width()
            if natural <= 0:
                continue
            shown = min(natural, max(width, 120))
            if abs(fmt.width() - shown) < 1:
                continue
            fmt.setWidth(shown)
            fmt.setHeight(image.height() * shown / natural)
            cursor = QTextCursor(document)
            cursor.setPosition(position)
            cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(fmt)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_images()


def _image_fragments(document: QTextDocument) -> list[tuple[QTextImageFormat, int]]:
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and fragment.charFormat().isImageFormat():
                fmt = fragment.charFormat().toImageFormat()
                for offset in range(fragment.length()):  # adjacent images share one fragment
                    found.append((QTextImageFormat(fmt), fragment.position() + offset))
            it += 1
        block = block.next()
    return found


def set_direction(document: QTextDocument, direction: Qt.LayoutDirection) -> None:
    """Lay every paragraph, list and table of ``document`` out in ``direction``: Markdown
    has no direction of its own, and left to Qt each paragraph would take the direction of
    its first letter (an Arabic paragraph starting with `labels.csv` would run left to right)."""
    option = document.defaultTextOption()
    option.setTextDirection(direction)
    document.setDefaultTextOption(option)
    block_format = QTextBlockFormat()
    block_format.setLayoutDirection(direction)
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeBlockFormat(block_format)
    frames = [document.rootFrame()]
    while frames:
        frame = frames.pop()
        frame_format = frame.frameFormat()
        frame_format.setLayoutDirection(direction)
        frame.setFrameFormat(frame_format)
        frames.extend(frame.childFrames())


def show_guide(parent: QWidget, language: str | None = None) -> GuideWindow:
    """Open the guide beside ``parent``, not modal (one per window: raised if already open),
    in ``language`` (the interface's) when the guide is written in it."""
    guide = parent.findChild(GuideWindow, "guide_window")
    if guide is None:
        guide = GuideWindow(parent, language if language in guide_languages() else None)
    guide.show()
    guide.raise_()
    guide.activateWindow()
    return guide
