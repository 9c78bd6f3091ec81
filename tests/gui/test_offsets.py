"""Core offsets are code points, Qt's are UTF-16 units: one conversion, tested with an emoji."""

from PySide6.QtGui import QTextCursor, QTextDocument

from tabayun.ui.offsets import python_index, to_utf16_ranges, utf16_index, utf16_length

TEXT = "قال 😀 الوزير إن وزير الحرب وصل 🇲🇦 أمس"


def qt_slice(text: str, start: int, length: int) -> str:
    """What Qt sees between UTF-16 positions (via a QTextDocument, as the delegate would)."""
    doc = QTextDocument(text)
    cursor = QTextCursor(doc)
    cursor.setPosition(start)
    cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_emoji_before_the_highlight_shifts_qt_positions():
    start = TEXT.index("الحرب")
    end = start + len("الحرب")
    assert utf16_index(TEXT, start) == start + 1  # one emoji (2 UTF-16 units) before it
    (s, length, tag), = to_utf16_ranges(TEXT, [(start, end, "lexical")])
    assert tag == "lexical"
    assert qt_slice(TEXT, s, length) == "الحرب"


def test_flag_pair_counts_twice_and_later_ranges_follow():
    start = TEXT.index("أمس")
    (s, length, _), = to_utf16_ranges(TEXT, [(start, start + 3, "x")])
    assert s == start + 1 + 2  # emoji: +1, the flag (two regional indicators): +2
    assert qt_slice(TEXT, s, length) == "أمس"


def test_plain_text_is_unchanged_and_round_trips():
    plain = "وقع المغرب وإسرائيل"
    assert to_utf16_ranges(plain, [(4, 10, "a")]) == [(4, 6, "a")]
    assert utf16_length(plain) == len(plain)
    for i in range(len(TEXT) + 1):
        assert python_index(TEXT, utf16_index(TEXT, i)) == i
