"""core.view: the questions the window asks (pure Python; checked here beside the UI)."""

from tabayun.core.analysis.comparison import compare_articles
from tabayun.core.model import Article
from tabayun.core.sharing.event_view import EventView, blind_label, merge_highlights, text_direction, whole_words


def test_whole_words_never_cut_an_arabic_word():
    text = "وصل وزير الحرب الإسرائيلي"
    start = text.index("حرب")  # a diff that starts after the article ال
    assert text[slice(*whole_words(text, start, start + 2))] == "الحرب"
    assert whole_words(text, 3, 4) == (4, 4)  # only a space: nothing


def test_overlapping_highlights_keep_the_strongest_category():
    merged = merge_highlights([(0, 10, "spelling"), (4, 8, "lexical"), (20, 25, "punctuation")])
    assert [(h.start, h.end, h.category) for h in merged] == [
        (0, 4, "spelling"), (4, 8, "lexical"), (8, 10, "spelling"), (20, 25, "punctuation")]


def test_direction_and_blind_letters():
    assert text_direction("«وقع» the") == "rtl"
    assert text_direction("123 Rabat وقع") == "ltr"
    assert [blind_label(i) for i in (0, 1, 25, 26, 27)] == ["A", "B", "Z", "AA", "AB"]


def test_search_ignores_diacritics_and_hamza(sample):
    view = EventView(sample)
    rows = [r for r in range(len(view)) if view.matches(r, "اسرائيل")]
    assert rows and rows == [r for r in range(len(view)) if view.matches(r, "إسرائيل")]
    assert any(view.matches(r, "وزيرُ الدفاع") for r in range(len(view)))
    assert not any(view.matches(r, "كلمة غير موجودة") for r in range(len(view)))


def test_search_ranges_point_at_the_original_words(sample):
    view = EventView(sample)
    for r in range(len(view)):
        for doc in view.doc_ids:
            for h in view.search_ranges(r, doc, "اسرائيل"):
                word = view.cell(r, doc).text[h.start:h.end]
                assert "سرائيل" in word


def test_cells_hold_original_text_and_omissions_are_none(sample):
    view = EventView(sample)
    for r, row in enumerate(view.rows):
        for doc in view.doc_ids:
            cell = view.cell(r, doc)
            if doc in row.units:
                assert cell.text == sample.articles[doc].text[cell.start:cell.end]
            else:
                assert cell is None
    assert any(view.is_omission(r) for r in range(len(view)))
    assert not view.is_omission(0)  # the headline row


def test_mixed_event_reads_each_cell_in_its_own_direction():
    arts = [Article("a", "Morocco and Israel signed a defence pact in Rabat on Wednesday.", "Wire EN"),
            Article("b", "وقع المغرب وإسرائيل اتفاقية دفاع في الرباط يوم الأربعاء.", "وكالة"),
            Article("c", "وقع المغرب وإسرائيل اتفاقا دفاعيا في الرباط الأربعاء.", "صحيفة")]
    view = EventView(compare_articles(arts))
    assert view.direction == "rtl"
    directions = {doc: view.cell_direction(r, doc) for r in range(len(view)) for doc in view.rows[r].units}
    assert directions["a"] == "ltr" and directions["b"] == "rtl"
