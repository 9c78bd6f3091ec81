"""The window in Arabic: every piece of its chrome translated, laid out right to left, Qt's own
buttons in Arabic (qtbase_ar), category and code names in Arabic. And Preferences."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QApplication, QComboBox,
                               QDialogButtonBox, QDockWidget, QLabel, QLineEdit, QMenu, QTableView, QTabWidget,
                               QToolBar, QWidget)

from tabayun.ui import i18n

from .conftest import open_and_wait

# Latin words that stay Latin in Arabic text: keys, file types, names of measures and fonts.
ALLOWED = {"ctrl", "shift", "alt", "enter", "esc", "del", "down", "up", "left", "right", "csv", "xlsx", "html",
           "txt", "md", "htm", "json", "jsonl", "tabayun", "noto", "naskh", "arabic", "sil", "ui"}
# combo boxes that list the event's own data (outlet pairs, annotators)
DATA_COMBOS = {"diff_pair", "agreement_pair"}
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str) -> list[str]:
    text = re.sub(r"\*\.\w+", "", text)  # file patterns
    return [w for w in LATIN_WORD.findall(text.replace("&", "")) if w.lower() not in ALLOWED]


def chrome_texts(window) -> dict[str, str]:
    """What the window's own interface says (never the articles): where -> text."""
    texts = {}
    for menu in window.menuBar().findChildren(QMenu):
        texts[f"menu {menu.objectName() or menu.title()}"] = menu.title()
        for action in menu.actions():
            if not action.isSeparator() and action.menu() is None:
                texts[f"action {action.text()}"] = action.text()
                texts[f"tip of {action.text()}"] = action.toolTip()
    for bar in window.findChildren(QToolBar):
        texts[f"tool bar {bar.objectName()}"] = bar.windowTitle()
        for action in bar.actions():
            texts[f"tool {action.iconText()}"] = action.iconText()
            texts[f"tool tip {action.iconText()}"] = action.toolTip()
    for dock in window.findChildren(QDockWidget):
        texts[f"dock {dock.objectName()}"] = dock.windowTitle()
    for tabs in window.findChildren(QTabWidget):
        for i in range(tabs.count()):
            texts[f"tab {i} of {tabs.objectName()}"] = tabs.tabText(i)
    for button in window.findChildren(QAbstractButton):
        if button.text():
            texts[f"button {button.objectName()}"] = button.text()
    for label in window.findChildren(QLabel):
        if label is not window.status_label and label.text():  # the status line names outlets
            texts[f"label {label.objectName()}"] = label.text()
    for edit in window.findChildren(QLineEdit):
        texts[f"placeholder {edit.objectName()}"] = edit.placeholderText()
    for combo in window.findChildren(QComboBox):
        if combo.objectName() not in DATA_COMBOS:
            for i in range(combo.count()):
                texts[f"item {i} of {combo.objectName()}"] = combo.itemText(i)
    for spin in window.findChildren(QAbstractSpinBox):
        texts[f"spin box {spin.objectName()}"] = " ".join(
            (getattr(spin, "prefix", str)(), getattr(spin, "suffix", str)(), spin.specialValueText()))
    for table in window.findChildren(QTableView):
        model = table.model()
        if table.objectName() == "grid" or model is None or not hasattr(model, "headerData"):
            continue  # the grid's headers are the outlets' names
        for column in range(model.columnCount(QModelIndex())):
            header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            texts[f"header {column} of {table.objectName()}"] = str(header or "")
    return texts


@pytest.fixture
def arabic(qapp):
    assert i18n.install(qapp, "ar") == "ar", "tabayun_ar.qm is not built: reinstall (pip install -e .)"
    return qapp


def test_the_arabic_window_is_right_to_left_and_says_nothing_in_english(qtbot, arabic, window, sample_dir):
    open_and_wait(qtbot, window, [sample_dir])
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.side_dock.layoutDirection() == Qt.LayoutDirection.RightToLeft
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["ملف", "تحرير", "تسمية", "عرض", "انتقال", "الوسائل", "مساعدة"]
    assert window.act_lexical.iconText() == "الاختيار اللفظي فقط"
    untranslated = {where: text for where, text in chrome_texts(window).items() if english_words(text)}
    assert not untranslated, f"English left in the Arabic window: {untranslated}"
    # category names (legend) and codes (the Codes panel) in Arabic
    assert window.legend.boxes["lexical"].text().startswith("اختيار لفظي")
    codes = window.labelling.codes_panel.model
    first = codes.data(codes.index(0, 0))
    assert not english_words(first), first
    assert "عرض" in window.status_label.text() or "ادعاء" in window.status_label.text()


def test_the_english_window_checks_the_check(qtbot, window, sample_dir):
    """The English window does have English chrome: the look-up above can fail."""
    open_and_wait(qtbot, window, [sample_dir])
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert any(english_words(t) for t in chrome_texts(window).values())
    assert [a.text() for a in window.menuBar().actions()][0] == "&File"
    assert "claims" in window.status_label.text()  # the English plural forms (tabayun_en.qm)


def test_preferences_in_arabic_has_qts_own_buttons_in_arabic(qtbot, arabic, window):
    dialog = window.preferences_dialog()
    qtbot.waitExposed(dialog)
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    buttons = dialog.findChild(QDialogButtonBox, "pref_buttons")
    texts = {b.text().replace("&", "") for b in buttons.buttons()}
    assert texts == {"حسنًا", "ألغِ"}  # OK, Cancel: from PySide6's qtbase_ar.qm
    assert dialog.windowTitle() == "التفضيلات"
    for widget in dialog.findChildren(QLabel):
        assert not english_words(widget.text()) or widget.text().startswith("الافتراضي"), widget.text()
    dialog.reject()


def test_preferences_are_stored_and_applied_at_once(qtbot, window, settings, tmp_path, sample_dir):
    open_and_wait(qtbot, window, [sample_dir])
    rows_before = window.proxy.rowCount()
    window.act_preferences.trigger()
    dialog = window.preferences
    qtbot.waitExposed(dialog)
    dialog.annotator.setText("  R2 ")
    dialog.point_size.setValue(17)
    dialog.labels_dir.setText(str(tmp_path / "my labels"))
    dialog.lexical_only.setChecked(True)
    dialog.quoted_speech.setChecked(True)
    dialog.language.setCurrentIndex(dialog.language.findData("ar"))
    assert dialog.language_note.isVisibleTo(dialog)
    dialog.accept()
    # stored
    assert settings.annotator == "R2"
    assert settings.zoom == 4 and window.article_font().pointSizeF() == 17
    assert settings.labels_dir == tmp_path / "my labels"
    assert settings.default_lexical_only and settings.default_quoted_speech
    assert settings.language == "ar"
    # applied at once: the filter, the quoted-speech switch, the font; the language at the next start
    assert window.act_lexical.isChecked() and window.proxy.rowCount() < rows_before
    assert window.legend.quoted_speech.isChecked() and window.view.quoted_speech
    assert window.grid.delegate._font.pointSizeF() == 17
    assert "restarts" in window.message_bar.text()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_a_new_window_opens_with_the_default_filters(qtbot, settings):
    from tabayun.ui.fonts import article_font
    from tabayun.ui.main_window import MainWindow

    settings.default_lexical_only = True
    settings.default_quoted_speech = True
    settings.article_font_family = "DejaVu Serif"
    w = MainWindow(settings, article_font())
    qtbot.addWidget(w)
    assert w.act_lexical.isChecked() and w.legend.quoted_speech.isChecked()
    assert w.article_font().families()[0] == "DejaVu Serif"


def test_the_language_follows_tabayun_lang_then_preferences_then_the_system():
    assert i18n.choose_language("en", {"TABAYUN_LANG": "ar"}) == "ar"
    assert i18n.choose_language("ar", {}) == "ar"
    assert i18n.choose_language("en", {"TABAYUN_LANG": "xx"}) == "en"
    assert i18n.choose_language("", {}) == i18n.system_language()


def test_the_user_guide_opens_in_the_interface_language(qtbot, arabic, window):
    window.act_guide.trigger()
    guide = window.findChild(QWidget, "guide_window")
    assert guide is not None and guide.language == "ar"
    guide.close()


def test_the_preview_notices_are_in_arabic(qtbot, arabic, window, sample_dir, monkeypatch):
    """What the window says of the text shown while an event opens (not aligned, then aligned)."""
    notices = []
    for name in ("_first_units", "_first_rows"):
        shown = getattr(window, name)
        monkeypatch.setattr(window, name, lambda *args, shown=shown: (shown(*args),
                                                                      notices.append(window.preview.notice.text())))
    open_and_wait(qtbot, window, [sample_dir])
    assert len(notices) == 2 and all(notices) and notices[0] != notices[1]
    assert not [n for n in notices if english_words(n)], notices
    assert notices[0].startswith("لم تُحاذَ")
