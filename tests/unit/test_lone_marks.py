"""Issue 9 item 1: a word that is only a tatweel or a diacritic is not a word.

Real news pages print "مدار الساعة ـ"; before the fix every such line raised
IndexError in furniture._is_date_line and no article of the event was analysed.
"""

import pytest

from tabayun.core.analysis.comparison import compare_articles
from tabayun.core.analysis.normalize import TOKEN_RE, tokenize, words
from tabayun.core.model import Article

LINES = ["مدار الساعة ـ", "ـ", "ً", "الثلاثاء 24 نوفمبر ـ", "قال المتحدث ـ إن الزيارة مهمة.", "ـًـ", "\ufe71"]


@pytest.mark.parametrize("line", LINES)
def test_a_lone_tatweel_or_diacritic_never_makes_an_empty_word(line):
    assert all(words(line)), words(line)
    assert all(t.folded for t in tokenize(line))
    for m in TOKEN_RE.finditer(line):  # every token holds a letter or a digit
        assert any(ch.isalnum() and ch != "\u0640" for ch in m.group()), m.group()


def test_words_with_tatweel_and_marks_inside_stay_one_word():
    assert words("قال المتحدث ـ إن") == ["قال", "المتحدث", "ان"]
    assert words("بـ مُهِمّ") == ["ب", "مهم"]


@pytest.mark.parametrize("line", LINES)
def test_an_event_with_such_a_line_is_analysed(line):
    text = f"المغرب وإسرائيل يوقعان اتفاقا\n\n{line}\n\nقال وزير الدفاع إن الزيارة تاريخية."
    other = "المغرب وإسرائيل يوقعان اتفاقا\n\nقال وزير الحرب إن الزيارة تاريخية."
    comparison = compare_articles([Article("a", text, "A"), Article("b", other, "B")])
    assert len(comparison.units["a"]) >= 2
    assert any(d.a_text == "الدفاع" and d.b_text == "الحرب" for d in comparison.differences)


def test_a_date_line_ending_in_tatweel_is_still_a_date_line():
    text = "عنوان الخبر\n\nالثلاثاء 24 نوفمبر ـ\n\nقال المتحدث ـ إن الزيارة مهمة."
    comparison = compare_articles([Article("a", text, "A")])
    roles = {text[s.start:s.end]: (s.role.value, s.reason) for s in comparison.segments["a"]}
    assert roles["الثلاثاء 24 نوفمبر ـ"] == ("metadata", "date")
