"""Framing markers: loaded terms, judging attribution verbs and scare quotes."""

from __future__ import annotations

import re

import pytest

from tabayun.core.analysis import markers as lexicon
from tabayun.core.analysis.categories import categories
from tabayun.core.analysis.comparison import build_normalizer
from tabayun.core.analysis.markers import MARKER_COLUMNS, find_markers, markers_frame
from tabayun.core.model import Article
from tabayun.core.resources import read_csv
from tabayun.core.analysis.units import split_units

# What a highlight must not cut: letters, digits, Arabic marks and tatweel.
WORD_CHAR = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def markers_of(**texts: str):
    """Markers of a small event made of ``doc_id=text`` articles, and the articles."""
    articles = {doc: Article(doc, text, doc) for doc, text in texts.items()}
    units = {doc: split_units(article)[1] for doc, article in articles.items()}
    return find_markers(articles, units, build_normalizer(articles.values(), units)), articles


def texts(markers, category: str, doc: str | None = None) -> list[str]:
    return [m.text for m in markers if m.category == category and (doc is None or m.doc_id.startswith(doc))]


# --- the sample event ---------------------------------------------------------------

def test_quoted_israel_in_003_is_a_scare_quote(sample):
    quoted = [m for m in sample.markers if m.doc_id.startswith("003") and m.category == "scare_quotes"]
    assert any(m.entry == "quoted: إسرائيل" and m.text.endswith('"إسرائيل"') for m in quoted)
    assert "لـ\"إسرائيل\"" in [m.text for m in quoted]  # the clitic before the quote is part of the word
    # the other outlets write إسرائيل bare
    assert not [m for m in sample.markers if m.entry == "quoted: إسرائيل" and not m.doc_id.startswith("003")]


def test_loaded_terms_of_the_sample(sample):
    in_003 = texts(sample.markers, "loaded_term", "003")
    assert in_003.count("جيش الاحتلال") == 2
    assert in_003.count("القدس المحتلة") == 2
    # 001 writes "لوزير الحرب" (with a no-break space) and "لوزير حرب": both are the entry
    war_minister = [m.text for m in sample.markers if m.doc_id.startswith("001") and m.entry == "وزير الحرب"]
    assert [t.replace("\xa0", " ") for t in war_minister] == ["لوزير الحرب", "لوزير حرب"]
    assert "وزارة الحرب" in texts(sample.markers, "loaded_term", "001")


def test_longest_entry_wins(sample):
    in_003 = [m for m in sample.markers if m.doc_id.startswith("003") and m.category == "loaded_term"]
    army = [m for m in in_003 if m.entry == "جيش الاحتلال"]
    assert army
    for m in army:  # "الاحتلال" inside "جيش الاحتلال" is not a second marker
        assert not [o for o in in_003 if o is not m and o.start < m.end and m.start < o.end]


def test_sample_markers_round_trip_whole_words_and_order(sample):
    assert sample.markers
    for m in sample.markers:
        text = sample.articles[m.doc_id].text
        assert text[m.start:m.end] == m.text
        assert m.start == 0 or not WORD_CHAR.match(text[m.start - 1]), m
        assert m.end == len(text) or not WORD_CHAR.match(text[m.end]), m
        assert any(u.start <= m.start and m.end <= u.end for u in sample.units[m.doc_id]), m
    assert [(m.doc_id, m.start) for m in sample.markers] == sorted((m.doc_id, m.start) for m in sample.markers)


def test_neutral_reporting_verbs_are_not_markers(sample):
    assert not [m for m in sample.markers if m.entry in ("قال", "أعلن", "أفاد")]
    assert not [m for m in sample.markers if m.text in ("وقال", "قالت", "وأفاد", "أعلن", "أعلنت")]


def test_every_marker_category_is_in_the_codebook(sample):
    marker_categories = set(categories("marker"))
    assert marker_categories == {"loaded_term", "scare_quotes", "attribution_verb"}
    assert set(categories("difference")) == {"lexical", "spelling", "punctuation", "number", "added_omitted", "rewording"}
    assert {m.category for m in sample.markers} <= marker_categories


def test_markers_frame_columns(sample, tmp_path):
    frame = markers_frame(sample.markers)
    assert list(frame.columns) == MARKER_COLUMNS
    assert len(frame) == len(sample.markers)
    frame.to_csv(tmp_path / "markers.csv", index=False)
    header = (tmp_path / "markers.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == MARKER_COLUMNS
    assert list(markers_frame([]).columns) == MARKER_COLUMNS


# --- small fixtures ---------------------------------------------------------------

def test_english_loaded_terms_and_attribution_verbs():
    markers, articles = markers_of(en=(
        "Shelling hits the town\n\n"
        "Troops of the regime shelled the town on Monday. The army said militants fired first. "
        "The group claimed the attack was staged. Officials said so-called activists were detained. "
        "Israel's 'security' concerns were stated."))
    assert texts(markers, "loaded_term") == ["regime", "militants", "so-called"]
    assert texts(markers, "attribution_verb") == ["claimed"]
    text = articles["en"].text
    regime = next(m for m in markers if m.text == "regime")
    assert text[regime.start - 4:regime.end] == "the regime"
    assert not [m for m in markers if m.text in ("said", "stated")]


def test_arabic_clitics_diacritics_and_whole_words():
    markers, _ = markers_of(ar=(
        "عنوان الخبر\n\n"
        "وصل الوفد والقدس المحتلة تستعد للقمة. "
        "وأضاف أن جنديا استُشهِدَ وأن المقاتلين أشادوا بالشهداء. "
        "وزعم المتحدث أن العدوان انتهى وادعى أن الأمر عادي."))
    assert texts(markers, "loaded_term") == ["والقدس المحتلة", "استُشهِدَ", "بالشهداء", "العدوان"]
    assert texts(markers, "attribution_verb") == ["وزعم", "وادعى"]
    # "العدو" is not found inside "العدوان" (that is its own entry), nor "قتل" inside "المقاتلين"
    assert not [m for m in markers if m.entry == "العدو" or m.text == "المقاتلين"]


def test_plain_side_of_a_contrast_is_listed_but_never_a_marker():
    markers, _ = markers_of(ar="خبر\n\nقُتل جندي وسقط ثلاثة قتلى في الهجوم.",
                            en="News\n\nThe group claimed responsibility for the attack and two were admitted to hospital.")
    assert not markers
    rows = {r["term"]: r for r in read_csv("lexicons", "framing.csv")}
    assert rows["قُتل"]["strength"] == "0" and rows["استشهد"]["neutral"] == "قُتل"


def test_scare_quotes_need_a_bare_use_and_a_short_term():
    markers, _ = markers_of(
        a=("خبر أول\n\n"
           'ورفضت "حماس" أن توقع. '
           'وقال الوزير "الاتفاق مهم جدا للمنطقة" ثم غادر. '
           'ورد المتحدث "نعم، وقعنا" في المساء.'),
        b=("خبر ثان\n\n"
           "وقالت حماس إن الاتفاق مهم جدا للمنطقة كلها. "
           "نعم وقعنا الاتفاق."),
    )
    quoted = [m for m in markers if m.category == "scare_quotes"]
    assert [(m.doc_id, m.text, m.entry) for m in quoted] == [("a", '"حماس"', "quoted: حماس")]


def test_a_term_only_ever_quoted_is_not_a_scare_quote():
    markers, _ = markers_of(a='خبر\n\nوتحدث عن "أعمال عدائية" أمس.', b='خبر\n\nورفض "أعمال عدائية" اليوم.')
    assert not texts(markers, "scare_quotes")


def test_scare_quote_in_the_same_article_and_with_a_clitic():
    markers, _ = markers_of(a='خبر\n\nوقع المغرب و«إسرائيل» اتفاقا. وزار وفد إسرائيل الرباط.')
    assert texts(markers, "scare_quotes") == ["و«إسرائيل»"]


# --- the lexicon files ----------------------------------------------------------------

@pytest.mark.parametrize("name", ["framing.csv", "attribution.csv", "en_subjectivity.csv"])
def test_lexicon_files_use_codebook_categories(name):
    rows = read_csv("lexicons", name)
    assert rows and list(rows[0]) == lexicon.LEXICON_COLUMNS
    allowed = set(categories("marker")) | {lexicon.NEUTRAL}
    for row in rows:
        assert row["category"] in allowed, row
        assert row["language"] in ("ar", "en") and row["term"] and row["group"] and row["source"], row
        assert 0 <= float(row["strength"]) <= 1, row
    languages = [row["language"] for row in rows]
    assert languages == sorted(languages), "Arabic first, then English"


def test_lexicon_index_loads_and_keeps_neutral_verbs_out():
    entries = lexicon.lexicon_index().items()
    assert {e.category for e in entries if e.is_marker} == {"loaded_term", "attribution_verb"}
    assert not [e for e in entries if e.is_marker and e.term in ("قال", "said", "قُتل", "claimed responsibility")]
