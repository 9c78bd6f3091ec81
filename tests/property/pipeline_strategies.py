"""Hypothesis strategies for articles that real news pages produce, and the checks that
every run of the pipeline on them must pass (used by the tests here and by
benchmarks/fuzz_pipeline.py for the long run)."""

from __future__ import annotations

from hypothesis import strategies as st

from tabayun.core.analysis.comparison import Comparison, compare_articles
from tabayun.core.model import Article

TATWEEL = "\u0640"
DIACRITICS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670"]
BIDI = ["\u200e", "\u200f"] + [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
ARABIC_DIGITS = [chr(0x0660 + d) for d in range(10)] + [chr(0x06F0 + d) for d in range(10)]
QUOTES = ['"', "'", "«", "»", "“", "”", "‘", "’", "„"]
PUNCTUATION = list(".,:;!?-–—…()[]/|") + ["،", "؛", "؟", "٪", "٫", "٬"]

ARABIC_WORDS = ["وزير", "الدفاع", "الحرب", "الإسرائيلي", "المغرب", "زيارة", "قال", "أكد", "زعم", "اتفاق",
                "الرباط", "غانتس", "جانتس", "مدار", "الساعة", "الثلاثاء", "نوفمبر", "المتحدث", "إن", "في",
                "من", "على", "بني", "بيني", "الأمن", "ال", "و", "ب", "ل", "للمغرب", "والمغرب", "مهمة"]
ENGLISH_WORDS = ["the", "minister", "defence", "war", "Israel", "Morocco", "visit", "said", "claimed",
                 "Tuesday", "November", "Gantz", "Reuters", "AFP", "by", "a", "of", "Mr.", "U.S.", "e.g."]
NUMBERS = ["24", "2021", "3.5", "1,200", "٢٠٢١", "١٢", "12:30", "24/11/2020", "%"]
FURNITURE = ["مدار الساعة ـ", "ـ", "ً", "الثلاثاء 24 نوفمبر ـ", "قال المتحدث ـ إن الزيارة مهمة.",
             "اقرأ أيضا", "مقالات ذات صلة", "Read more", "الرباط- (بي بي سي):", "https://example.com/x",
             "المصدر: الميادين نت", "Advertisement", "...", "***", "—"]

_letters = st.sampled_from(["ا", "ب", "ت", "ج", "ح", "ع", "غ", "ق", "ك", "ل", "م", "ن", "ه", "و", "ي", "ة", "ى",
                            "أ", "إ", "آ", "ؤ", "ئ", "a", "e", "k", "q", "s", "t", "Z", "ß", "İ"])
_marks = st.sampled_from(DIACRITICS + [TATWEEL] + BIDI + ZERO_WIDTH + ["\u0300", "\x00"])
_odd = st.sampled_from(DIACRITICS + [TATWEEL] + BIDI + ZERO_WIDTH + ARABIC_DIGITS + QUOTES + PUNCTUATION)


@st.composite
def words(draw) -> str:
    """A word as pages write it: a known word, a made-up one, a number, or debris."""
    kind = draw(st.integers(0, 9))
    if kind <= 3:
        word = draw(st.sampled_from(ARABIC_WORDS))
    elif kind == 4:
        word = draw(st.sampled_from(ENGLISH_WORDS))
    elif kind == 5:
        word = draw(st.sampled_from(NUMBERS))
    elif kind == 6:
        word = "".join(draw(st.lists(_letters, min_size=1, max_size=8)))
    elif kind == 7:
        word = "".join(draw(st.lists(_odd, min_size=1, max_size=3)))
    else:  # a real word with marks, tatweel or bidi controls inside it
        base = draw(st.sampled_from(ARABIC_WORDS + ENGLISH_WORDS))
        at = draw(st.integers(0, len(base)))
        word = base[:at] + "".join(draw(st.lists(_marks, min_size=1, max_size=3))) + base[at:]
    if draw(st.integers(0, 7)) == 0:
        q = draw(st.sampled_from(QUOTES))
        word = q + word + q
    return word


@st.composite
def lines(draw) -> str:
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.sampled_from(FURNITURE))
    if kind == 1:  # only punctuation, quotes or marks
        return "".join(draw(st.lists(_odd, min_size=1, max_size=6)))
    if kind == 2:
        return draw(st.text(min_size=0, max_size=30))  # anything at all
    line = " ".join(draw(st.lists(words(), min_size=1, max_size=18)))
    if draw(st.booleans()):
        line += draw(st.sampled_from([".", "؟", "!", "…", "؛", ".»", "", ":"]))
    return line


@st.composite
def article_texts(draw) -> str:
    parts = draw(st.lists(lines(), min_size=0, max_size=14))
    seps = draw(st.lists(st.sampled_from(["\n", "\n\n", "\r\n", " ", "\n\u2029", "\n \n"]),
                         min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps))


@st.composite
def events(draw) -> list[Article]:
    """Two to four articles, often retelling shared lines (so rows and differences form)."""
    shared = draw(st.lists(lines(), min_size=0, max_size=6))
    articles = []
    for k in range(draw(st.integers(1, 4))):
        own = draw(st.lists(lines(), min_size=0, max_size=6))
        picked = [line for line in shared if draw(st.booleans())] + own
        order = draw(st.permutations(picked))
        text = "\n\n".join(order)
        if draw(st.integers(0, 3)) == 0:
            text = draw(article_texts()) + text
        outlet = draw(st.sampled_from(["الجزيرة", "Outlet <b>", "=HYPERLINK(1)", f"outlet {k}", ""]))
        articles.append(Article(f"doc{k}", text, outlet or f"doc{k}"))
    return articles


def check_spans(comparison: Comparison) -> None:
    """Every span the pipeline reports is the slice of the original text it claims to be."""
    texts = {doc: art.text for doc, art in comparison.articles.items()}
    for doc, segments in comparison.segments.items():
        for seg in segments:
            assert 0 <= seg.start <= seg.end <= len(texts[doc]), seg
    for doc, units in comparison.units.items():
        for unit in units:
            assert unit.text == texts[doc][unit.start:unit.end], unit
            assert unit.text.strip(), unit
    for row in comparison.rows:
        for doc, units in row.units.items():
            for unit in units:
                assert unit.text == texts[doc][unit.start:unit.end], unit
    for d in comparison.differences:
        assert d.a_text == texts[d.doc_a][d.a_start:d.a_end], d
        assert d.b_text == texts[d.doc_b][d.b_start:d.b_end], d
    for m in comparison.markers:
        assert m.text == texts[m.doc_id][m.start:m.end], m


def run_pipeline(articles: list[Article]) -> Comparison:
    comparison = compare_articles(articles)
    check_spans(comparison)
    return comparison
