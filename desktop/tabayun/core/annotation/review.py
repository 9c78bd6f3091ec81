"""How far an annotator has got: the review state of each variant (slot) of an event.

A slot is *labelled* when the annotator put a framing code on any outlet's words in it,
*no framing* when every code they put there is one the codebook marks ``framing=false``
(the default codebook's "Neutral", key N: "looked at, not framing"), and *open* otherwise.
The state is derived from the labels themselves, so it is saved in ``labels.csv`` with no
new column, old files give their states at once, and two annotators' files can be
compared on the same items (agreement treats "Neutral" as a code like any other).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..model import Slot
from .codebook import Codebook
from .label_record import Label

OPEN, LABELLED, NO_FRAMING = "open", "labelled", "no_framing"


@dataclass(frozen=True)
class Progress:
    reviewed: int  # labelled or judged no framing
    labelled: int
    no_framing: int
    total: int


class ReviewIndex:
    """The review states of slots for one annotator's labels (every annotator's if
    ``annotator`` is None). Built once per change of the labels; look-ups are bisections."""

    def __init__(self, labels: Iterable[Label], codebook: Codebook, annotator: str | None = None):
        # doc_id -> sorted starts, and the (end, framing?) of each labelled span
        spans: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)
        for label in labels:
            if annotator is not None and label.annotator != annotator:
                continue
            framing = _is_framing(codebook, label.code)
            spans[label.doc_id].append((label.char_start, label.char_end, framing))
            if label.other_doc_id and label.other_start is not None and label.other_end is not None:
                spans[label.other_doc_id].append((label.other_start, label.other_end, framing))
        self._spans = {doc: sorted(s) for doc, s in spans.items()}
        self._starts = {doc: [s for s, _, _ in v] for doc, v in self._spans.items()}
        self._longest = {doc: max((e - s for s, e, _ in v), default=0) for doc, v in self._spans.items()}

    def state(self, slot: Slot) -> str:
        found = set()
        for reading in slot.readings:
            for w in reading.witnesses:
                if w.end <= w.start:
                    continue  # no words there: the outlets that have words carry the label
                found.update(self._framing_over(w.doc_id, w.start, w.end))
                if True in found:
                    return LABELLED
        return NO_FRAMING if found else OPEN

    def _framing_over(self, doc_id: str, start: int, end: int) -> set[bool]:
        """The framing flags of this annotator's spans in ``doc_id`` that overlap [start, end)."""
        starts = self._starts.get(doc_id)
        if not starts:
            return set()
        spans = self._spans[doc_id]
        out = set()
        i = bisect_left(starts, start - self._longest[doc_id])
        while i < len(spans) and spans[i][0] < end:
            s, e, framing = spans[i]
            if s < end and e > start:
                out.add(framing)
            i += 1
        return out

    def progress(self, slots: Iterable[Slot]) -> Progress:
        counts = defaultdict(int)
        total = 0
        for slot in slots:
            total += 1
            counts[self.state(slot)] += 1
        return Progress(counts[LABELLED] + counts[NO_FRAMING], counts[LABELLED], counts[NO_FRAMING], total)


def _is_framing(codebook: Codebook, code_id: str) -> bool:
    """A code the codebook does not know (a team's older codebook) counts as framing."""
    try:
        return codebook.code(code_id).framing
    except KeyError:
        return True
