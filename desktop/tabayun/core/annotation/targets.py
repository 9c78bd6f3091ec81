"""What a label is put on: a span of one outlet, or a span of one against a span of another.

The window decides which thing the annotator has selected (a highlighted difference, a
marker, an omission cell, a stretch of text); this module turns each into a
:class:`LabelTarget` with offsets into the original articles, so that labels never
depend on the grid's row numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Difference, Marker, Row


@dataclass(frozen=True)
class LabelTarget:
    doc_id: str
    start: int
    end: int
    other_doc_id: str = ""
    other_start: int | None = None
    other_end: int | None = None
    row_id: int | None = None
    category: str = ""  # the machine's category (difference or marker), if any
    what: str = "span"  # difference | marker | omission | span | cell: said to the user

    @property
    def is_pair(self) -> bool:
        return bool(self.other_doc_id)


def for_difference(d: Difference) -> LabelTarget:
    """Both sides of a difference. An insertion has words on one side only: the label goes
    on the side that has them, against the (empty) place in the other outlet where they
    would stand, never on the empty side."""
    if d.a_start == d.a_end and d.b_start != d.b_end:
        return LabelTarget(d.doc_b, d.b_start, d.b_end, d.doc_a, d.a_start, d.a_end, d.row_id, d.category,
                           "difference")
    return LabelTarget(d.doc_a, d.a_start, d.a_end, d.doc_b, d.b_start, d.b_end, d.row_id, d.category, "difference")


def for_marker(m: Marker, row_id: int | None) -> LabelTarget:
    return LabelTarget(m.doc_id, m.start, m.end, row_id=row_id, category=m.category, what="marker")


def for_omission(row: Row, missing_doc: str, reporting_doc: str) -> LabelTarget:
    """An outlet that does not report a claim: the label sits on what another outlet
    wrote (``reporting_doc``'s units in the row) against an empty span of the one that
    omits it."""
    start, end = row.span(reporting_doc) or (0, 0)
    return LabelTarget(reporting_doc, start, end, missing_doc, None, None, row.row_id, "omission", "omission")


def for_span(doc_id: str, start: int, end: int, row_id: int | None = None, what: str = "span") -> LabelTarget:
    return LabelTarget(doc_id, start, end, row_id=row_id, what=what)


def pair_spans(target: LabelTarget, other: LabelTarget) -> LabelTarget:
    """A span in one outlet against a span in another (two selections made one after the other)."""
    return LabelTarget(target.doc_id, target.start, target.end, other.doc_id, other.start, other.end,
                       target.row_id if target.row_id is not None else other.row_id, "", "pair")
