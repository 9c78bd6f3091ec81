"""Property-based tests of the whole pipeline on generated Arabic, English and mixed
text: tatweel, diacritics, bidi controls, zero-width characters, Arabic-Indic digits,
quotes, punctuation-only lines. A few hundred examples here; the long run is
``benchmarks/fuzz_pipeline.py`` (10,000)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline_strategies import article_texts, events, run_pipeline
from tabayun.core.analysis.comparison import compare_articles
from tabayun.core.annotation.codebook import default_codebook
from tabayun.core.annotation.labels import LabelStore, new_label, read_labels
from tabayun.core.model import Article

FAST = settings(max_examples=200, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FAST
@given(events())
def test_any_event_is_analysed_and_every_span_is_its_slice(articles):
    run_pipeline(articles)


@settings(FAST, max_examples=100)
@given(article_texts())
def test_one_article_alone_is_analysed(text):
    run_pipeline([Article("only", text, "outlet")])


CODEBOOK = default_codebook()


@settings(FAST, max_examples=40)
@given(events(), st.data())
def test_labels_on_any_span_round_trip_through_labels_csv(tmp_path_factory, articles, data):
    comparison = compare_articles(articles)
    spans = [(u.doc_id, u.start, u.end) for units in comparison.units.values() for u in units]
    spans += [(d.doc_a, d.a_start, d.a_end) for d in comparison.differences]
    spans += [(m.doc_id, m.start, m.end) for m in comparison.markers]
    for art in comparison.articles.values():  # any stretch of the raw article (Ctrl+R)
        start = data.draw(st.integers(0, len(art.text)))
        spans.append((art.doc_id, start, data.draw(st.integers(start, len(art.text)))))
    path = tmp_path_factory.mktemp("labels") / "labels.csv"
    store = LabelStore(path, "event")
    made = []
    for doc_id, start, end in spans[:8]:
        note = data.draw(st.text(max_size=20))
        made.append(store.add(new_label(event="event", annotator=data.draw(st.text(min_size=1, max_size=8)),
                                        codebook=CODEBOOK, code="neutral", article=comparison.articles[doc_id],
                                        start=start, end=end, note=note)))
    assert read_labels(path) == made
    assert LabelStore(path, "event").labels == made
    for label in made:
        assert comparison.articles[label.doc_id].text[label.char_start:label.char_end] == label.text
