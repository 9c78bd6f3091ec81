"""Words selected inside a grid cell (mouse drag, Shift+arrows) and labelled: the label's
offsets are into the article's original text, whatever the script or the UTF-16 length."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from tabayun.core.annotation.labels import read_labels
from tabayun.ui.cell_selection import word_spans
from tabayun.ui.delegates import PADDING_X, PADDING_Y
from tabayun.ui.offsets import utf16_index
from tabayun.ui.roles import CellRole

from .conftest import key_of, open_and_wait


def _point_of(grid, index, text: str, position: int, after: bool = False) -> QPoint:
    """Where the caret before Python position ``position`` of the cell's text is drawn (a
    little inside the character that follows it, or the one before with ``after``)."""
    rect = grid.visualRect(index)
    layout = grid.delegate.cell_layout(index, rect.width())
    u = utf16_index(text, position)
    line = layout.lineForTextPosition(u)
    x, _ = line.cursorToX(u)
    rtl = _direction(index) == Qt.LayoutDirection.RightToLeft
    nudge = (-3 if rtl else 3) * (-1 if after else 1)
    return QPoint(int(rect.left() + PADDING_X + x + nudge), int(rect.top() + PADDING_Y + line.y() + line.height() / 2))


def _direction(index):
    return index.data(CellRole)[1]


def _drag(qtbot, grid, start: QPoint, end: QPoint) -> None:
    viewport = grid.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    middle = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    qtbot.mouseMove(viewport, middle)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def _cell_with_words(w, minimum: int = 6):
    for r in range(1, w.proxy.rowCount()):
        for c in range(w.proxy.columnCount()):
            index = w.proxy.index(r, c)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if text and len(word_spans(text)) >= minimum:
                return index, text
    raise AssertionError("no cell with enough words")


def test_drag_over_words_in_an_arabic_cell_and_label_them(qtbot, labelling_window, event_dir):
    w = labelling_window
    index, text = _cell_with_words(w)
    w.grid.scrollTo(index)
    words = word_spans(text)
    first, last = words[2], words[4]
    # from inside the third word to inside the fifth: the words touched are selected whole
    _drag(qtbot, w.grid, _point_of(w.grid, index, text, first[0] + 1), _point_of(w.grid, index, text, last[1] - 1))
    assert w.grid.selected_words() is not None
    _index, start, end = w.grid.selected_words()
    assert (start, end) == (first[0], last[1])
    assert w.grid.delegate.text_selection is not None  # drawn
    w.grid.setFocus()
    qtbot.keyClick(w.grid, key_of("agency"))
    (label,) = read_labels(event_dir / "labels.csv")
    doc = w.grid.doc_at_column(index.column())
    cell = w.view.cell(w.proxy.mapToSource(index).row(), doc)
    article = w.view.comparison.articles[doc].text
    assert (label.doc_id, label.char_start, label.char_end) == (doc, cell.start + first[0], cell.start + last[1])
    assert label.text == article[label.char_start:label.char_end] == text[first[0]:last[1]]
    assert label.other_doc_id == "" and label.code == "agency"


def test_shift_arrows_select_words_in_the_texts_direction(qtbot, labelling_window, event_dir):
    w = labelling_window
    index, text = _cell_with_words(w)
    words = word_spans(text)
    w.grid.setCurrentIndex(index)
    w.grid.setFocus()
    forward = Qt.Key.Key_Left if _direction(index) == Qt.LayoutDirection.RightToLeft else Qt.Key.Key_Right
    shift, ctrl = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(w.grid, forward, shift)  # the first word
    qtbot.keyClick(w.grid, forward, shift | ctrl)  # moved one word along: the second
    qtbot.keyClick(w.grid, forward, shift)  # and the third with it
    assert w.grid.selected_words()[1:] == (words[1][0], words[2][1])
    assert w.grid.currentIndex() == index  # the current cell did not move
    qtbot.keyClick(w.grid, key_of("referent_label"))
    (label,) = read_labels(event_dir / "labels.csv")
    doc = w.grid.doc_at_column(index.column())
    cell = w.view.cell(w.proxy.mapToSource(index).row(), doc)
    assert (label.char_start, label.char_end) == (cell.start + words[1][0], cell.start + words[2][1])
    assert label.text == text[words[1][0]:words[2][1]]
    qtbot.keyClick(w.grid, Qt.Key.Key_Escape)
    assert w.grid.selected_words() is None


def test_offsets_stay_right_after_characters_outside_the_bmp(qtbot, window, settings, tmp_path):
    """Emoji take two UTF-16 units: the label must still be article[start:end]."""
    settings.annotator = "R1"
    folder = tmp_path / "emoji"
    folder.mkdir()
    (folder / "alpha.txt").write_text("Storm news\n\nOfficials 😀😀 said the 🚀 rebels attacked the old town at dawn.\n",
                                      encoding="utf-8")
    (folder / "beta.txt").write_text("Storm news\n\nOfficials said the 🚀 fighters attacked the old town at dawn.\n",
                                     encoding="utf-8")
    w = open_and_wait(qtbot, window, [folder])
    index = next(w.proxy.index(r, c) for r in range(w.proxy.rowCount()) for c in range(w.proxy.columnCount())
                 if "rebels" in (w.proxy.index(r, c).data(Qt.ItemDataRole.DisplayRole) or ""))
    text = index.data(Qt.ItemDataRole.DisplayRole)
    start = text.index("rebels")
    end = text.index("old") + len("old")
    w.grid.scrollTo(index)
    _drag(qtbot, w.grid, _point_of(w.grid, index, text, start + 1), _point_of(w.grid, index, text, end - 1))
    w.grid.setFocus()
    qtbot.keyClick(w.grid, key_of("agency"))
    (label,) = read_labels(w.labelling.annotation.path)
    assert label.text == "rebels attacked the old"
    article = w.view.comparison.articles[label.doc_id].text
    assert article[label.char_start:label.char_end] == label.text
