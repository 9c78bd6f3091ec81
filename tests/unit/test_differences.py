"""Word-level differences inside aligned claims, their categories, scores and the term table."""

from __future__ import annotations

from pathlib import Path

import pytest

from tabayun.core.analysis import diff as diff_stage
from tabayun.core.analysis.collate import collate
from tabayun.core.analysis.comparison import compare
from tabayun.core.analysis.diff import DIFFERENCE_COLUMNS
from tabayun.core.analysis.normalize import fold

from conftest import find_unit, row_of

ENGLISH = Path(__file__).parent.parent / "fixtures" / "english"


def doc(comparison, prefix):
    return next(d for d in comparison.articles if d.startswith(prefix))


def between(comparison, row, prefix_a, prefix_b):
    a, b = sorted((doc(comparison, prefix_a), doc(comparison, prefix_b)))
    return [d for d in comparison.differences if d.row_id == row.row_id and (d.doc_a, d.doc_b) == (a, b)]


def test_war_against_defence_in_the_first_visit_sentence(sample):
    row = row_of(sample, find_unit(sample, "001", "الحرب إسرائيلي إلى المغرب"))
    diffs = between(sample, row, "001", "002")
    war = [d for d in diffs if {fold(d.a_text), fold(d.b_text)} == {"الحرب", "الدفاع"}]
    assert len(war) == 1
    d = war[0]
    assert (d.kind, d.category) == ("substitution", "lexical")
    assert d.score >= 0.75  # a lone outlet against a majority, inside shared wording: high
    lexical = sorted((x.score for x in sample.differences if x.category == "lexical"), reverse=True)
    assert lexical.index(d.score) < 3  # in the top 3 of the event's word choices


def test_gantz_transliterations_are_spelling_never_lexical(sample):
    names = {"جانتس", "غانتس"}
    found = [d for d in sample.differences if {fold(d.a_text), fold(d.b_text)} == names]
    assert found
    assert all(d.category == "spelling" for d in found)
    # a name written two ways never counts as a framing word, even inside a longer change
    assert not any(d.category == "lexical" and fold(d.a_text) in names | {""} and fold(d.b_text) in names | {""}
                   for d in sample.differences)


def test_offsets_point_into_the_original_text(sample):
    assert sample.differences
    for d in sample.differences:
        assert sample.articles[d.doc_a].text[d.a_start:d.a_end] == d.a_text
        assert sample.articles[d.doc_b].text[d.b_start:d.b_end] == d.b_text
        assert d.doc_a < d.doc_b
        if d.kind == "insertion":
            assert d.a_start == d.a_end and d.b_text
        elif d.kind == "deletion":
            assert d.b_start == d.b_end and d.a_text
        for text, start, end in ((sample.articles[d.doc_a].text, d.a_start, d.a_end),
                                 (sample.articles[d.doc_b].text, d.b_start, d.b_end)):
            if any(ch.isalnum() for ch in text[start:end]):  # whole words: never a cut Arabic word
                assert start == 0 or not text[start - 1].isalnum()
                assert end == len(text) or not text[end].isalnum()


def test_categories_and_scores_are_sane(sample):
    cats = {d.category for d in sample.differences}
    assert cats <= {"lexical", "spelling", "punctuation", "number", "added_omitted", "rewording"}
    assert {"lexical", "spelling", "punctuation"} <= cats
    for d in sample.differences:
        assert 0.0 <= d.score <= 1.0
        if d.category == "punctuation":
            assert not any(ch.isalnum() for ch in d.a_text + d.b_text)
    spelling = max(d.score for d in sample.differences if d.category == "spelling")
    lexical = max(d.score for d in sample.differences if d.category == "lexical")
    assert spelling < lexical


def test_pure_python_and_cpp_diff_agree(sample):
    pytest.importorskip("fast_diff_match_patch")
    try:
        diff_stage.use_backend("python")
        slow = collate(sample.rows, sample.articles, sample.normalizer, sample.markers)
        diff_stage.use_backend("fast")
        fast = collate(sample.rows, sample.articles, sample.normalizer, sample.markers)
    finally:
        diff_stage.use_backend("auto")
    assert slow == fast and len(slow) > 50


def test_term_table_counts_word_choices_per_outlet(sample):
    terms = {(fold(t.term_a), fold(t.term_b)): t for t in sample.terms}
    pair = terms.get(("دفاع", "الحرب")) or terms.get(("الدفاع", "الحرب"))
    assert pair is not None and pair.category == "lexical"
    assert set(pair.by_doc) == {doc(sample, "001")}  # 001 writes "war" where the others write "defence"
    assert set(pair.by_doc_a) >= {doc(sample, "000")}
    frame = sample.terms_frame()
    assert list(frame.columns) == ["term_a", "term_b", "category", "count", "outlets_a", "outlets_b"]
    assert len(frame) == len(sample.terms)


def test_frame_columns(sample):
    frame = sample.differences_frame()
    assert list(frame.columns) == DIFFERENCE_COLUMNS
    assert len(frame) == len(sample.differences)


@pytest.fixture(scope="module")
def english():
    return compare([ENGLISH])


def test_english_pair_word_choice_spelling_and_number(english):
    pairs = {(d.a_text, d.b_text): d for d in english.differences}  # doc_a "paper", doc_b "wire"
    assert pairs[("militants", "rebels")].category == "lexical"
    assert pairs[("claimed", "said")].category == "lexical"
    assert pairs[("Qadhafi", "Gaddafi")].category == "spelling"
    assert pairs[("15", "12")].category == "number"
    # the identical last paragraph gives nothing
    last = row_of(english, find_unit(english, "wire", "Aid agencies"))
    assert not [d for d in english.differences if d.row_id == last.row_id]
    assert pairs[("militants", "rebels")].score > pairs[("Qadhafi", "Gaddafi")].score


def test_a_term_used_in_several_rows_ranks_higher(tmp_path):
    a = ("The occupation forces raided the town at dawn.\n\n"
         "Residents said the occupation forces arrested four young men.\n\n"
         "Witnesses said the occupation forces fired tear gas at the school.\n")
    b = ("The Israeli forces raided the town at dawn.\n\n"
         "Residents said the Israeli forces arrested four young men.\n\n"
         "Witnesses said the Israeli forces fired tear gas at the school.\n")
    c = ("The security forces raided the town at dawn.\n\n"
         "Residents said the police arrested four young men near the mosque.\n")
    for name, text in (("a", a), ("b", b), ("c", c)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    event = compare([tmp_path])
    def trades(slot):  # "occupation" in one reading, "Israeli" in another
        return any("occupation" in r.text for r in slot.readings) and any("Israeli" in r.text for r in slot.readings)

    traded = [s for s in event.slots if trades(s)]
    assert len(traded) == 3 and all(s.category == "lexical" for s in traded)
    term = next(t for t in event.terms if {t.term_a, t.term_b} == {"occupation", "Israeli"})
    assert term.count == 2  # row 1's slot reads «occupation forces» / «Israeli forces» / «police»
    # the same first sentences alone: the pair happens once, and scores lower
    once_dir = tmp_path / "once"
    once_dir.mkdir()
    for name, text in (("a", a), ("b", b), ("c", c)):
        (once_dir / f"{name}.txt").write_text(text.split("\n\n")[0], encoding="utf-8")
    once = compare([once_dir])
    first = next(s for s in once.slots if trades(s))
    same_row = next(s for s in traded if s.row_id == min(t.row_id for t in traded))
    assert same_row.score > first.score
