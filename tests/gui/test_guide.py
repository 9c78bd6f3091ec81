"""Help → User Guide: the shipped guide, shown offline, in the user's language."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence

from tabayun.core.resources import resource
from tabayun.ui.guide import GuideWindow, guide_language, guide_languages

ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
LATIN_LETTER = re.compile(r"[A-Za-z]")


@pytest.fixture
def english_locale():
    saved = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    yield
    QLocale.setDefault(saved)


def open_guide(qtbot, language: str) -> GuideWindow:
    guide = GuideWindow(None, language)
    qtbot.addWidget(guide)
    guide.resize(1000, 700)
    guide.show()
    return guide


def test_f1_opens_the_guide_from_the_help_menu(qtbot, window, english_locale):
    assert QKeySequence("F1") in window.act_guide.shortcuts()
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert window.act_guide in help_menu.actions()
    window.act_guide.trigger()
    guide = window.findChild(GuideWindow, "guide_window")
    assert guide is not None and guide.isVisible() and guide.language == "en"
    assert guide.headings(1) == ["Tabayun User Guide"]
    assert guide.browser.verticalScrollBar().value() == 0  # opens at the top
    assert "Labelling" in guide.headings(2) and "Classroom mode" in guide.headings(2)
    window.act_guide.trigger()  # a second F1 raises the same window
    assert window.findChildren(GuideWindow) == [guide]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_picture_of_the_guide_loads(qtbot, language):
    guide = open_guide(qtbot, language)
    names = guide.image_names()
    assert len(names) >= 6 and all(name.startswith("images/") for name in names)
    page = guide.browser.viewport().width()
    for name in names:
        image = guide.image(name)
        assert not image.isNull(), name
        assert image.width() >= 700  # a real screenshot, not an icon
    shown = [fmt.width() for fmt in _image_formats(guide)]
    assert shown and all(0 < w <= page for w in shown)  # scaled to the page, never wider


def test_the_arabic_guide_reads_right_to_left(qtbot):
    guide = open_guide(qtbot, "ar")
    assert guide.windowTitle() == "دليل استخدام تباين" and guide.headings(1) == ["دليل استخدام تباين"]
    assert guide.layoutDirection() == guide.browser.layoutDirection() == Qt.LayoutDirection.RightToLeft
    document = guide.browser.document()
    block = document.begin()
    while block.isValid():
        assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft, block.text()
        block = block.next()
    tables = [f for f in document.rootFrame().childFrames() if f.frameFormat().isTableFormat()]
    assert len(tables) >= 6
    assert all(t.frameFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft for t in tables)
    prose = document.toPlainText()
    assert len(ARABIC_LETTER.findall(prose)) > 3 * len(LATIN_LETTER.findall(prose))


def test_both_guides_have_the_same_sections_and_pictures(qtbot):
    assert guide_languages() == ["en", "ar"]
    en, ar = open_guide(qtbot, "en"), open_guide(qtbot, "ar")
    assert len(en.headings(2)) == len(ar.headings(2)) >= 8
    assert len(en.headings(3)) == len(ar.headings(3))
    assert en.image_names() == ar.image_names()
    shipped = {f"images/{node.name}" for node in resource("guide", "images").iterdir() if node.name.endswith(".png")}
    assert set(en.image_names()) == shipped  # every picture shipped is shown, none is missing


def test_the_sections_list_jumps_to_a_section(qtbot):
    guide = open_guide(qtbot, "en")
    titles = [guide.sections.item(i).text() for i in range(guide.sections.count())]
    assert titles[0] == "Tabayun User Guide" and "Output files: what each column means" in titles
    guide.sections.setCurrentRow(titles.index("Output files: what each column means"))
    assert guide.browser.verticalScrollBar().value() > 0
    guide.language_box.setCurrentIndex(guide.language_box.findData("ar"))
    assert guide.language == "ar" and guide.sections.item(0).text() == "دليل استخدام تباين"


@pytest.mark.parametrize("locale, expected", [
    ("ar_EG", "ar"), ("ar_MA", "ar"), ("en_GB", "en"),
    ("fr_FR", "en"),  # no French guide: English
])
def test_the_guide_follows_the_locale_with_english_as_fallback(locale, expected):
    assert guide_language(QLocale(locale)) == expected


def _image_formats(guide: GuideWindow):
    from tabayun.ui.guide import _image_fragments

    return [fmt for fmt, _pos in _image_fragments(guide.browser.document())]
