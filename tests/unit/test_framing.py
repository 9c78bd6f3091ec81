"""Framing inside one article (issue 13): voice, contrast, quoting habits, judged figures.

The judged lists live in tests/fixtures/framing/: every loaded-term and scare-quote hit on
the sample event, before and after, judged by reading it (sample_judged.csv), and the words
a reader marked by hand in a small invented English event (english_hand_marked.csv).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from tabayun.core.analysis.comparison import build_normalizer, compare
from tabayun.core.analysis.markers import find_markers, markers_frame
from tabayun.core.analysis.normalize import tokenize
from tabayun.core.analysis.units import split_units
from tabayun.core.analysis.voice import quotations, voice_map
from tabayun.core.model import ATTRIBUTED, OWN, QUOTED, Article
from tabayun.core.sharing.charts import loaded_wording_chart
from tabayun.core.sharing.event_view import EventView
from tabayun.core.sharing.report import render_report
from tabayun.core.sharing.summary import loaded_wording, summary_lines

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "framing"
JUDGED = ("loaded_term", "scare_quotes")


def read_fixture(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in (FIXTURES / name).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines))


def markers_of(**texts: str):
    articles = {doc: Article(doc, text, doc) for doc, text in texts.items()}
    units = {doc: split_units(article)[1] for doc, article in articles.items()}
    return find_markers(articles, units, build_normalizer(articles.values(), units))


def voice_of(text: str, needle: str) -> str:
    """The voice of ``needle``'s first occurrence in a one-sentence ``text``."""
    tokens = tokenize(text)
    start = text.index(needle)
    return voice_map(text, 0, len(text), tokens).voice(start, start + len(needle))


# --- the judged sample event --------------------------------------------------------------

@pytest.fixture(scope="module")
def judged(sample):
    rows = read_fixture("sample_judged.csv")
    by_span = {(r["doc"], int(r["start"]), int(r["end"]), r["category"]): r for r in rows}
    for r in rows:  # the list is about the sample's real text
        doc = next(d for d in sample.articles if d.startswith(r["doc"]))
        assert sample.articles[doc].text[int(r["start"]):int(r["end"])].replace("\xa0", " ") == r["text"], r
    return rows, by_span


def found(sample, judged, category: str):
    """Today's hits of ``category`` with their judgement; fails on a hit nobody judged."""
    _rows, by_span = judged
    out = []
    for m in sample.markers:
        if m.category == category:
            row = by_span.get((m.doc_id[:3], m.start, m.end, category))
            assert row is not None, f"judge this new hit and add it to sample_judged.csv: {m}"
            out.append((m, row))
    return out


def test_before_figures_are_those_the_issue_measured(judged):
    rows, _ = judged
    loaded = [r for r in rows if r["before"] == "1" and r["category"] == "loaded_term"]
    quotes = [r for r in rows if r["before"] == "1" and r["category"] == "scare_quotes"]
    assert len(loaded) == 19 and sum(r["right"] == "yes" and r["voice"] != QUOTED for r in loaded) == 9  # 47 %
    assert len(quotes) == 12 and sum(r["right"] == "yes" for r in quotes) == 9  # 75 % as judged here


def test_loaded_terms_in_the_outlets_voice_are_right(sample, judged):
    hits = found(sample, judged, "loaded_term")
    shown = [(m, r) for m, r in hits if m.own_voice]  # what the default view and the summary count
    right = [(m, r) for m, r in shown if r["right"] == "yes" and r["voice"] != QUOTED]
    assert len(right) / len(shown) >= 0.85, [(m.text, r["note"]) for m, r in shown if (m, r) not in right]
    # a hit the tool puts in quoted speech is quoted speech
    assert all(r["voice"] == QUOTED for m, r in hits if m.voice == QUOTED)
    # and voices agree with the reading on nearly every hit
    assert sum(m.voice == r["voice"] for m, r in hits) / len(hits) >= 0.9


def test_the_nine_own_voice_hits_are_kept(sample, judged):
    rows, _ = judged
    nine = [r for r in rows if r["before"] == "1" and r["category"] == "loaded_term" and r["right"] == "yes"]
    assert len(nine) == 9
    kept = {(m.doc_id[:3], m.start, m.end): m for m in sample.markers if m.category == "loaded_term"}
    for r in nine:
        m = kept.get((r["doc"], int(r["start"]), int(r["end"])))
        assert m is not None and m.own_voice, r


def test_scare_quotes_are_right(sample, judged):
    hits = found(sample, judged, "scare_quotes")
    assert hits and sum(r["right"] == "yes" for _m, r in hits) / len(hits) >= 0.9
    texts = [m.text for m, _r in hits]
    assert "بـ”المهمة”" not in texts  # the analyst's word (ويصف ... بـ"...")
    assert '"الخدمات الجوية"' not in texts  # an agreement's name
    assert "«جبهة البوليساريو»" not in texts  # 002 quotes terms by house style


def test_the_events_usual_word_is_no_outlets_marker(sample):
    # التطبيع is in all five articles: no marker; the terms only 003 uses stay
    assert not [m for m in sample.markers if m.entry == "التطبيع"]
    assert [m for m in sample.markers if m.entry == "القدس المحتلة"]
    # a loaded term only one of three articles uses is that article's marker
    event = {"a": "خبر\n\nزار الوزير الكيان أمس.", "b": "خبر\n\nزار الوزير إسرائيل أمس.",
             "c": "خبر\n\nزار الوزير إسرائيل أمس الأول."}
    assert [(m.doc_id, m.text) for m in markers_of(**event) if m.category == "loaded_term"] == [("a", "الكيان")]
    everyone = {d: "خبر\n\nوأدان التطبيع مع إسرائيل." for d in "abc"}
    assert not [m for m in markers_of(**everyone) if m.category == "loaded_term"]


# --- voice --------------------------------------------------------------------------------

def test_quotations_pair_nested_and_backwards_marks():
    text = 'قال كوهين: "في إطار زيارة بلينكن لـ"إسرائيل" ستكون اجتماعات" ويصف الزيارة بـ”المهمة” أمس.'
    pairs = [text[a:b] for a, b in quotations(text)]
    assert '"إسرائيل"' in pairs and "”المهمة”" in pairs
    assert any(p.startswith('"في إطار') and p.endswith('اجتماعات"') for p in pairs)


def test_voice_own_attributed_and_quoted():
    s = "وقال متحدث باسم وزارة الحرب الإسرائيلية إن الجيش الغاشم انسحب."
    assert voice_of(s, "وزارة الحرب") == OWN  # the outlet names the speaker
    assert voice_of(s, "الغاشم") == ATTRIBUTED  # after إن: the outlet's paraphrase
    assert voice_of('وأضاف أن "قدوم مجرم الحرب" مرفوض.', "مجرم الحرب") == QUOTED
    assert voice_of("وهو الأول من نوعه بين إسرائيل والدول العربية، وفق الإسرائيليين.", "الأول") == ATTRIBUTED
    assert voice_of("وفق الجيش الغاشم، انتهت العملية.", "الغاشم") == OWN  # the source's name is the outlet's
    assert voice_of("The raid was a brutal assault, the ministry said.", "brutal") == ATTRIBUTED
    assert voice_of("Police said the mob threw rocks.", "mob") == ATTRIBUTED
    assert voice_of("The mob threw rocks at police on Monday.", "mob") == OWN
    assert voice_of('He called it "a sham" on Monday.', "sham") == QUOTED


def test_judging_verb_counts_in_own_voice_only():
    ms = markers_of(en=('News\n\nThe ministry claimed the strike hit a depot. '
                        '"They claimed it was a depot," a witness said.'))
    verbs = [(m.text, m.voice) for m in ms if m.category == "attribution_verb"]
    assert verbs == [("claimed", OWN), ("claimed", QUOTED)]


def test_scare_quote_rules_title_speaker_and_house_style():
    bare = "خبر\n\nوقعت إسرائيل اتفاق الخدمات الجوية وجبهة البوليساريو ترفض والزيارة المهمة تمت."
    title = markers_of(a='خبر\n\nوقع البلدان الاتفاق بشأن "الخدمات الجوية" أمس.', b=bare)
    speaker = markers_of(a='خبر\n\nويصف الخبير الزيارة بـ"المهمة" للبلدين.', b=bare)
    single = markers_of(a='خبر\n\nرفضت "البوليساريو" الاتفاق أمس.', b="خبر\n\nرفضت البوليساريو الاتفاق.")
    for ms in (title, speaker):
        assert not [m for m in ms if m.category == "scare_quotes"]
    assert [m.text for m in single if m.category == "scare_quotes"] == ['"البوليساريو"']
    # the same single quote from an outlet that puts many terms in quotation marks is its house style
    habit = ('خبر\n\nرفضت «البوليساريو» الاتفاق. وتعد إسرائيل من مصدري «الدرون» في العالم. '
             'ووصف الاتفاق بأنه «غير مسبوق» ويشمل التعاون «بمختلف أشكاله» اليوم.')
    assert not [m for m in markers_of(a=habit, b="خبر\n\nرفضت البوليساريو الاتفاق.") if m.category == "scare_quotes"]
    # ... unless it quotes the same term again and again
    repeated = habit + ' وقالت "البوليساريو" إنها سترد. وهددت «البوليساريو» بالتصعيد.'
    assert [m.entry for m in markers_of(a=repeated, b="خبر\n\nرفضت البوليساريو الاتفاق.")
            if m.category == "scare_quotes"].count("quoted: البوليساريو") == 3


# --- the English fixture event --------------------------------------------------------------

@pytest.fixture(scope="module")
def english():
    return compare([FIXTURES / "english_event"])


def hand_marked_spans(comparison):
    spans = []
    for r in read_fixture("english_hand_marked.csv"):
        doc = Path(r["file"]).stem
        text = comparison.articles[doc].text
        starts = [m.start() for m in re.finditer(rf"\b{re.escape(r['text'])}\b", text)]
        start = starts[int(r["nth"]) - 1]
        spans.append((doc, start, start + len(r["text"]), r["voice"]))
    return spans


def test_most_hand_marked_english_words_are_found(english):
    spans = hand_marked_spans(english)
    own = [s for s in spans if s[3] == OWN]
    hit = [s for s in own if any(m.doc_id == s[0] and m.start < s[2] and s[1] < m.end and m.own_voice
                                 for m in english.markers)]
    assert len(own) == 30 and len(hit) / len(own) >= 0.75, sorted(set(own) - set(hit))
    # the quoted ones are found as quoted speech
    for doc, start, end, _ in (s for s in spans if s[3] == QUOTED):
        assert any(m.doc_id == doc and m.start < end and start < m.end and m.voice == QUOTED for m in english.markers)


def test_english_markers_are_mostly_hand_marked_and_the_wire_is_plain(english):
    spans = hand_marked_spans(english)
    shown = [m for m in english.markers if m.own_voice]
    marked = [m for m in shown if any(d == m.doc_id and m.start < e and s < m.end for d, s, e, _ in spans)]
    assert len(marked) / len(shown) >= 0.85, [m.text for m in shown if m not in marked]
    assert not [m for m in english.markers if m.doc_id == "wire" and m.voice == OWN]


# --- summary, report, chart, view, export ------------------------------------------------------

def test_loaded_wording_per_outlet(sample):
    rows = {r.doc_id[:3]: r for r in loaded_wording(sample)}
    assert rows["003"].markers == max(r.markers for r in rows.values())
    assert rows["003"].top_terms[0] == ("«إسرائيل»", 7) and rows["003"].per_1000_words > 20
    assert rows["000"].markers == 0 and rows["000"].quoted > 0  # its loaded words are all quoted
    text = "\n".join(summary_lines(sample))
    assert "Loaded wording in each outlet's own voice" in text and "الميادين نت: 13" in text


def test_report_and_chart_show_loaded_wording(sample):
    html = render_report(sample, None)
    section = html[html.index('<section id="loaded">'):]
    section = section[:section.index("</section>")]
    assert "الميادين نت" in section and "«إسرائيل» ×7" in section
    fig = loaded_wording_chart(sample)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()][0] == "الميادين نت"


def test_default_view_hides_quoted_speech(sample):
    view = EventView(sample)
    quoted = next(m for m in sample.markers if m.voice == QUOTED and m.category == "loaded_term")
    row = view.row_containing(quoted.doc_id, quoted.start)
    assert quoted not in view.cell_markers(row, quoted.doc_id)
    view.quoted_speech = True
    assert quoted in view.cell_markers(row, quoted.doc_id)


def test_markers_csv_has_voice(sample):
    frame = markers_frame(sample.markers)
    assert {"voice", "strength", "score"} <= set(frame.columns)
    assert set(frame["voice"]) == {OWN, ATTRIBUTED, QUOTED}
