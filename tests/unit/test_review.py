"""Review states of the sample event's variants, derived from labels (core, no Qt)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tabayun.core.analysis.normalize import fold
from tabayun.core.annotation.codebook import default_codebook
from tabayun.core.annotation.labels import new_label
from tabayun.core.annotation.review import LABELLED, NO_FRAMING, OPEN, ReviewIndex

CODEBOOK = default_codebook()


@pytest.fixture(scope="module")
def war_slot(sample):
    slot = next(s for s in sample.slots if {fold(r.text) for r in s.readings} == {"الحرب", "الدفاع"})
    return slot


def label(sample, slot, code, annotator="A", doc=None, start=None, end=None):
    reading = next(r for r in slot.readings if r.witnesses[0].end > r.witnesses[0].start)
    w = reading.witnesses[0] if doc is None else next(x for r in slot.readings for x in r.witnesses if x.doc_id == doc)
    article = sample.articles[w.doc_id]
    return new_label(event="e", annotator=annotator, codebook=CODEBOOK, code=code, article=article,
                     start=w.start if start is None else start, end=w.end if end is None else end)


def test_open_labelled_and_not_framing(sample, war_slot):
    assert ReviewIndex([], CODEBOOK, "A").state(war_slot) == OPEN
    assert ReviewIndex([label(sample, war_slot, "referent_label")], CODEBOOK, "A").state(war_slot) == LABELLED
    assert ReviewIndex([label(sample, war_slot, "neutral")], CODEBOOK, "A").state(war_slot) == NO_FRAMING
    both = [label(sample, war_slot, "neutral"), label(sample, war_slot, "referent_label")]
    assert ReviewIndex(both, CODEBOOK, "A").state(war_slot) == LABELLED  # a framing code wins


def test_progress_is_per_annotator_and_other_slots_stay_open(sample, war_slot):
    mine = label(sample, war_slot, "referent_label", annotator="A")
    theirs = label(sample, war_slot, "neutral", annotator="B")
    index = ReviewIndex([mine, theirs], CODEBOOK, "B")
    assert index.state(war_slot) == NO_FRAMING
    progress = index.progress(sample.slots)
    assert (progress.reviewed, progress.no_framing, progress.total) == (1, 1, len(sample.slots))
    # every annotator's labels together
    assert ReviewIndex([mine, theirs], CODEBOOK).state(war_slot) == LABELLED


def test_a_label_on_neighbouring_words_or_an_unknown_code(sample, war_slot):
    w = next(x for r in war_slot.readings for x in r.witnesses if x.doc_id.startswith("001"))
    before = label(sample, war_slot, "referent_label", doc=w.doc_id, start=w.start - 6, end=w.start - 1)
    assert ReviewIndex([before], CODEBOOK, "A").state(war_slot) == OPEN  # the word before is another slot
    wide = label(sample, war_slot, "referent_label", doc=w.doc_id, start=w.start - 30, end=w.end + 20)
    assert ReviewIndex([wide], CODEBOOK, "A").state(war_slot) == LABELLED  # a long span found by bisection
    foreign = replace(label(sample, war_slot, "referent_label"), code="team_code")
    assert ReviewIndex([foreign], CODEBOOK, "A").state(war_slot) == LABELLED
