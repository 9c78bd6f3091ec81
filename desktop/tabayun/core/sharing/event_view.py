"""What the window shows of a comparison, asked as plain questions (no Qt here).

The window computes nothing itself: for each grid cell it asks this module for the
cell's original text, its highlight ranges (whole words, one category each: where the
outlet departs from the majority reading of a slot, or from the reference outlet's), its
writing direction, and whether a row passes the filters. :class:`EventView` indexes
one :class:`~tabayun.core.analysis.comparison.Comparison` once (in the worker thread, right
after ``compare``), so that painting and filtering are look-ups.

Offsets returned here are Python string indices, relative to the cell's text; the UI
converts them to UTF-16 in one place (``tabayun.ui.offsets``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from ..analysis.categories import require
from ..analysis.collate import reference_reading
from ..analysis.normalize import fold
from ..model import Difference, Marker, Reading, Row, Slot, UnitKind

DIFFERENCE_CATEGORIES = ("lexical", "number", "spelling", "added_omitted", "rewording", "punctuation")
MARKER_CATEGORIES = ("loaded_term", "scare_quotes", "attribution_verb")
require(DIFFERENCE_CATEGORIES, "difference")  # the names live in resources/codebook/categories.csv
require(MARKER_CATEGORIES, "marker")
# When two highlights cover the same word, the first of these wins.
PRIORITY = ("lexical", "loaded_term", "scare_quotes", "number", "attribution_verb", "spelling", "added_omitted",
            "rewording", "punctuation")
_RANK = {c: i for i, c in enumerate(PRIORITY)}

if TYPE_CHECKING:  # the window imports this module before pandas is needed
    from ..analysis.comparison import Comparison

# Letters, digits and the marks Arabic words carry: what a highlight must not cut.
_WORD_CHAR = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d]")
_BLANKS = re.compile(r"\s+")


@dataclass(frozen=True)
class Highlight:
    start: int  # Python indices into the cell's text
    end: int
    category: str


@dataclass(frozen=True)
class Cell:
    """One outlet's words for one row: ``text == article.text[start:end]``."""

    doc_id: str
    start: int
    end: int
    text: str
    kind: UnitKind


def text_direction(text: str) -> str:
    """``"rtl"`` or ``"ltr"``: the direction of the first strong character (Unicode P2/P3)."""
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi in ("R", "AL"):
            return "rtl"
        if bidi == "L":
            return "ltr"
    return "ltr"


def event_direction(comparison: Comparison) -> str:
    """The direction most of the event's articles are written in (ties: right to left)."""
    rtl = sum(1 for a in comparison.articles.values() if text_direction(a.text) == "rtl")
    return "rtl" if rtl * 2 >= len(comparison.articles) and rtl else "ltr"


def blind_label(position: int) -> str:
    """A, B, ..., Z, AA, AB, ... for the outlet at ``position`` (0-based)."""
    label = ""
    position += 1
    while position:
        position, rem = divmod(position - 1, 26)
        label = chr(ord("A") + rem) + label
    return label


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole words of ``text``: colouring part of an Arabic word
    would break its letters' joining. Spaces at the edges are trimmed."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return start, start
    while start > 0 and _WORD_CHAR.match(text[start - 1]) and _WORD_CHAR.match(text[start]):
        start -= 1
    while end < len(text) and _WORD_CHAR.match(text[end]) and _WORD_CHAR.match(text[end - 1]):
        end += 1
    return start, end


def merge_highlights(spans: Iterable[tuple[int, int, str]]) -> list[Highlight]:
    """Non-overlapping highlights, each stretch taking the highest-priority category over it."""
    spans = [(s, e, c) for s, e, c in spans if e > s]
    if not spans:
        return []
    cuts = sorted({p for s, e, _ in spans for p in (s, e)})
    out: list[Highlight] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [c for s, e, c in spans if s <= a and e >= b]
        if not covering:
            continue
        cat = min(covering, key=lambda c: _RANK.get(c, len(PRIORITY)))
        if out and out[-1].end == a and out[-1].category == cat:
            out[-1] = Highlight(out[-1].start, b, cat)
        else:
            out.append(Highlight(a, b, cat))
    return out


def _trim_blanks(text: str, highlights: list[Highlight]) -> list[Highlight]:
    """Where two highlights of different categories meet, the space between their
    words belongs to neither: keep each piece on its words."""
    out = []
    for h in highlights:
        start, end = h.start, h.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Highlight(start, end, h.category))
    return out


class EventView:
    """Look-ups over one comparison for the window: cells, highlights, filters, search."""

    def __init__(self, comparison: Comparison):
        self.comparison = comparison
        self.rows: list[Row] = list(comparison.rows)
        self.doc_ids: list[str] = comparison.doc_ids
        # Show markers inside quoted speech too (a speaker's words the outlet quotes)?
        self.quoted_speech = False
        self.direction = event_direction(comparison)
        self._row_index = {row.row_id: i for i, row in enumerate(self.rows)}
        self._cells: dict[tuple[int, str], Cell] = {}
        for i, row in enumerate(self.rows):
            for doc in row.units:
                start, end = row.span(doc)
                text = comparison.articles[doc].text[start:end]
                self._cells[(i, doc)] = Cell(doc, start, end, text, row.kind)
        self._directions = {key: text_direction(cell.text) for key, cell in self._cells.items()}
        self._diffs_by_row: dict[int, list[Difference]] = defaultdict(list)
        for d in comparison.differences:
            if d.row_id in self._row_index:
                self._diffs_by_row[self._row_index[d.row_id]].append(d)
        self._slots_by_row: dict[int, list[Slot]] = defaultdict(list)
        for slot in comparison.slots:
            if slot.row_id in self._row_index:
                self._slots_by_row[self._row_index[slot.row_id]].append(slot)
        self._markers_by_cell: dict[tuple[int, str], list[Marker]] = defaultdict(list)
        unit_row: dict[tuple[str, int], int] = {}
        for i, row in enumerate(self.rows):
            for doc, units in row.units.items():
                for u in units:
                    unit_row[(doc, u.start)] = i
        spans_by_doc: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        for (i, doc), cell in self._cells.items():
            spans_by_doc[doc].append((cell.start, cell.end, i))
        for m in comparison.markers:
            for start, end, i in spans_by_doc.get(m.doc_id, ()):
                if m.start < end and m.end > start:
                    self._markers_by_cell[(i, m.doc_id)].append(m)
        self._folded = [
            " \u2063 ".join(fold(_BLANKS.sub(" ", self._cells[(i, d)].text)) for d in row.units)
            for i, row in enumerate(self.rows)
        ]
        self._folded_by_cell = {key: fold(_BLANKS.sub(" ", cell.text)) for key, cell in self._cells.items()}

    # --- cells ------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.rows)

    def row_index(self, row_id: int) -> int:
        """The position in :attr:`rows` of the row with ``row_id``."""
        return self._row_index[row_id]

    def row_containing(self, doc_id: str, offset: int) -> int | None:
        """The grid row whose cell of ``doc_id`` holds character ``offset`` (a label's start)."""
        for (row, doc), cell in self._cells.items():
            if doc == doc_id and cell.start <= offset < max(cell.end, cell.start + 1):
                return row
        return None

    def cell(self, row: int, doc_id: str) -> Cell | None:
        """The outlet's original words for row position ``row``; None if it does not report it."""
        return self._cells.get((row, doc_id))

    def cell_direction(self, row: int, doc_id: str) -> str:
        return self._directions.get((row, doc_id), self.direction)

    def is_headline(self, row: int) -> bool:
        return self.rows[row].kind is UnitKind.HEADLINE

    def differences_in_row(self, row: int) -> list[Difference]:
        return list(self._diffs_by_row.get(row, ()))

    def slot_lines(self) -> list[tuple[Slot, Difference]]:
        """One line per slot for the Differences panel: the slot, and the difference of its
        first departing outlet against the reference reading (what a click selects)."""
        out = []
        for row in range(len(self.rows)):
            for slot in self._slots_by_row.get(row, ()):
                ref = reference_reading(slot)
                other = next(r for r in slot.readings if r is not ref)
                out.append((slot, self.slot_difference(slot, other.witnesses[0].doc_id, None)))
        return out

    def _majority(self, slot: Slot, visible: set[str] | None) -> Reading | None:
        """The majority reading among the shown outlets (3 or more, strictly most)."""
        if visible is None:
            return slot.majority
        counts = [(sum(1 for d in r.doc_ids if d in visible), k) for k, r in enumerate(slot.readings)]
        counts = sorted((c for c in counts if c[0]), reverse=True)
        if sum(c for c, _ in counts) < 3 or (len(counts) > 1 and counts[0][0] == counts[1][0]):
            return None
        return slot.readings[counts[0][1]]

    def departs(self, slot: Slot, doc_id: str, reference: str | None = None,
                visible: Iterable[str] | None = None) -> Reading | None:
        """``doc_id``'s reading of the slot if it departs: from the reference outlet's reading
        (the reference itself departs where a shown outlet reads otherwise), else from the
        majority of the shown outlets (without a majority, every reading departs when the
        shown outlets read two or more ways). None if it does not, or has no reading there."""
        shown = None if visible is None else set(visible)
        reading = slot.reading_of(doc_id)
        if reading is None or (shown is not None and doc_id not in shown):
            return None
        others = [r for r in slot.readings if shown is None or any(d in shown for d in r.doc_ids)]
        if len(others) < 2:
            return None
        if reference is not None:
            ref = slot.reading_of(reference)
            if ref is None or (shown is not None and reference not in shown):
                return None
            if reference == doc_id:
                return reading if any(r is not ref for r in others) else None
            return reading if reading is not ref else None
        majority = self._majority(slot, shown if shown is not None and len(shown) < len(self.doc_ids) else None)
        return reading if reading is not majority else None

    def slot_difference(self, slot: Slot, doc_id: str, reference: str | None = None,
                        visible: Iterable[str] | None = None) -> Difference:
        """``doc_id``'s reading of a slot against the reference outlet's (or the reference
        reading's most common wording, in a shown outlet when there is one) as a
        :class:`Difference` (labels take it as a span pair)."""
        texts = self.comparison.articles
        shown = None if visible is None else set(visible)
        mine_reading = slot.reading_of(doc_id)
        mine = mine_reading.witness(doc_id)
        if reference is not None and reference != doc_id and slot.reading_of(reference) is not None:
            theirs = slot.reading_of(reference).witness(reference)
        else:
            order = [reference_reading(slot)] + [r for r in slot.readings if r is not reference_reading(slot)]
            candidates = [r for r in order if r is not mine_reading]
            if shown is not None:
                candidates = [r for r in candidates if any(d in shown for d in r.doc_ids)] or candidates
            ref = candidates[0]
            witnesses = [w for w in ref.witnesses if shown is None or w.doc_id in shown] or list(ref.witnesses)
            theirs = next((w for w in witnesses if texts[w.doc_id].text[w.start:w.end] == ref.text), witnesses[0])
        a, b = (mine, theirs) if mine.doc_id < theirs.doc_id else (theirs, mine)
        kind = "substitution" if a.end > a.start and b.end > b.start else ("deletion" if a.end > a.start else "insertion")
        return Difference(slot.row_id, a.doc_id, b.doc_id, kind, slot.category, a.start, a.end,
                          texts[a.doc_id].text[a.start:a.end], b.start, b.end, texts[b.doc_id].text[b.start:b.end],
                          slot.score)

    def cell_differences(self, row: int, doc_id: str, categories: Iterable[str] | None = None,
                         reference: str | None = None, visible: Iterable[str] | None = None) -> list[Difference]:
        """Where ``doc_id`` departs in row ``row`` (from the majority, or the reference outlet),
        each as a difference against the reading it departs from."""
        cats = None if categories is None else set(categories)
        shown = None if visible is None else set(visible)
        return [self.slot_difference(slot, doc_id, reference, shown) for slot in self._slots_by_row.get(row, ())
                if (cats is None or slot.category in cats) and self.departs(slot, doc_id, reference, shown)]

    def cell_markers(self, row: int, doc_id: str, categories: Iterable[str] | None = None) -> list[Marker]:
        """The cell's markers; those inside quoted speech only when :attr:`quoted_speech` is on
        (by default the view shows what the outlet itself wrote, not the words it quotes)."""
        cats = None if categories is None else set(categories)
        return [m for m in self._markers_by_cell.get((row, doc_id), ())
                if (cats is None or m.category in cats) and (self.quoted_speech or m.own_voice)]

    def cell_highlights(self, row: int, doc_id: str, categories: Iterable[str] | None = None,
                        reference: str | None = None, visible: Iterable[str] | None = None) -> list[Highlight]:
        """Whole-word highlight ranges of one cell, relative to its text, one category each.

        ``categories`` limits the difference and marker categories shown (default: all).
        A cell highlights the slots where its outlet departs from the majority reading; with
        a ``reference`` outlet, where it departs from the reference's reading.
        """
        cell = self._cells.get((row, doc_id))
        if cell is None:
            return []
        cats = set(DIFFERENCE_CATEGORIES + MARKER_CATEGORIES) if categories is None else set(categories)
        spans = []
        shown = None if visible is None else set(visible)
        for slot in self._slots_by_row.get(row, ()):
            if slot.category in cats:
                reading = self.departs(slot, doc_id, reference, shown)
                if reading is not None:
                    w = reading.witness(doc_id)
                    spans.append((w.start, w.end, slot.category))
        for m in self.cell_markers(row, doc_id, cats):
            spans.append((m.start, m.end, m.category))
        local = []
        for start, end, cat in spans:
            s, e = whole_words(cell.text, start - cell.start, end - cell.start)
            if e > s:
                local.append((s, e, cat))
        return _trim_blanks(cell.text, merge_highlights(local))

    def cell_label_spans(self, row: int, doc_id: str, spans: Iterable[tuple[int, int, str]]
                         ) -> list[tuple[int, int, str]]:
        """The labelled spans of an article (``(start, end, code)``, offsets into its text)
        that fall in this cell, relative to the cell's text and widened to whole words."""
        cell = self._cells.get((row, doc_id))
        if cell is None:
            return []
        out = []
        for start, end, code in spans:
            if end > cell.start and start < cell.end:
                s, e = whole_words(cell.text, max(start, cell.start) - cell.start, min(end, cell.end) - cell.start)
                if e > s:
                    out.append((s, e, code))
        return out

    def row_categories(self, row: int, reference: str | None = None,
                       visible: Iterable[str] | None = None) -> set[str]:
        """The difference and marker categories present in a row (where a shown outlet departs)."""
        shown = set(self.doc_ids if visible is None else visible)
        cats = set()
        for slot in self._slots_by_row.get(row, ()):
            if slot.category not in cats and self._slot_shows(slot, reference, shown):
                cats.add(slot.category)
        for doc in self.rows[row].units:
            if doc in shown:
                cats.update(m.category for m in self.cell_markers(row, doc))
        return cats

    def _slot_shows(self, slot: Slot, reference: str | None, shown: set[str]) -> bool:
        readings = [r for r in slot.readings if any(d in shown for d in r.doc_ids)]
        if len(readings) < 2:
            return False
        return reference is None or (reference in shown and slot.reading_of(reference) is not None)

    # --- filters ----------------------------------------------------------------
    def has_lexical(self, row: int, reference: str | None = None, visible: Iterable[str] | None = None) -> bool:
        return "lexical" in self.row_categories(row, reference, visible)

    def is_omission(self, row: int, visible: Iterable[str] | None = None) -> bool:
        """A claim that other outlets report and some shown outlet leaves out.

        With three or more outlets shown, at least two must report it: a claim only one
        outlet makes is that outlet's own, not the others' omission. With two outlets, one
        reporting it is enough.
        """
        if self.is_headline(row):
            return False
        shown = set(self.doc_ids if visible is None else visible)
        present = shown & set(self.rows[row].units)
        return len(present) >= min(2, len(shown) - 1) and bool(present) and present != shown

    def matches(self, row: int, query: str, visible: Iterable[str] | None = None) -> bool:
        """True if the row's text holds ``query``, ignoring diacritics, hamza forms, case."""
        needle = fold(_BLANKS.sub(" ", query.strip()))
        if not needle:
            return True
        if visible is None:
            return needle in self._folded[row]
        return any(needle in self._folded_by_cell.get((row, d), "") for d in visible)

    def search_ranges(self, row: int, doc_id: str, query: str) -> list[Highlight]:
        """Where ``query`` occurs in a cell (whole words), for highlighting search hits."""
        cell = self._cells.get((row, doc_id))
        needle = fold(_BLANKS.sub(" ", query.strip()))
        if cell is None or not needle:
            return []
        # fold() may change lengths (diacritics dropped): map folded positions back.
        folded, back = [], []
        for i, ch in enumerate(cell.text):
            f = fold(ch if not ch.isspace() else " ")
            folded.append(f)
            back.extend([i] * len(f))
        hay = "".join(folded)
        out, pos = [], hay.find(needle)
        while pos >= 0 and back:
            start, end = back[pos], back[min(pos + len(needle), len(back)) - 1] + 1
            s, e = whole_words(cell.text, start, end)
            out.append(Highlight(s, e, "search"))
            pos = hay.find(needle, pos + max(1, len(needle)))
        return out

    # --- navigation and panels ------------------------------------------------------
    def lead_difference(self, row: int, categories: Iterable[str] | None = None, reference: str | None = None,
                        visible: Iterable[str] | None = None) -> Difference | None:
        """The difference to show first in a row: the slot of the strongest category, then the
        highest score, then the earliest, as its first departing outlet against the reading it
        departs from; None if no shown outlet departs there."""
        stops = self.stops(row, categories, reference, visible)
        if not stops:
            return None
        return min(stops, key=lambda s: (_RANK.get(s[0].category, len(PRIORITY)), -s[0].score, s[0].slot_id))[1]

    def stops(self, row: int, categories: Iterable[str] | None = None, reference: str | None = None,
              visible: Iterable[str] | None = None) -> list[tuple[Slot, Difference]]:
        """Every slot of a row that F8 visits, in reading order (the centre unit's), each with
        the difference it shows: its first departing outlet against the reading it departs from."""
        cats = set(DIFFERENCE_CATEGORIES if categories is None else categories)
        shown = set(self.doc_ids if visible is None else visible)
        out = []
        for slot in self._slots_by_row.get(row, ()):
            if slot.category in cats and self._slot_shows(slot, reference, shown):
                d = self._stop_difference(slot, reference, shown)
                if d is not None:
                    out.append((slot, d))
        return out

    def _stop_difference(self, slot: Slot, reference: str | None, shown: set[str]) -> Difference | None:
        for reading in slot.readings:
            for doc in reading.doc_ids:
                if doc in shown and doc != reference and self.departs(slot, doc, reference, shown):
                    return self.slot_difference(slot, doc, reference, shown)
        return None

    def slot_of(self, d: Difference) -> Slot | None:
        """The slot a difference was made from (its two outlets' readings there)."""
        row = self._row_index.get(d.row_id)
        for slot in self._slots_by_row.get(row, ()) if row is not None else ():
            a, b = slot.reading_of(d.doc_a), slot.reading_of(d.doc_b)
            if a is not None and b is not None:
                wa, wb = a.witness(d.doc_a), b.witness(d.doc_b)
                if (wa.start, wa.end, wb.start, wb.end) == (d.a_start, d.a_end, d.b_start, d.b_end):
                    return slot
        return None

    def difference_at(self, row: int, doc_id: str, offset: int, categories: Iterable[str] | None = None,
                      reference: str | None = None, visible: Iterable[str] | None = None) -> Difference | None:
        """The highlighted difference under character ``offset`` of ``doc_id``'s cell (an offset
        into the article's text), as the cell shows it; None where the outlet does not depart."""
        cell = self._cells.get((row, doc_id))
        if cell is None:
            return None
        for d in self.cell_differences(row, doc_id, categories, reference, visible):
            start, end = (d.a_start, d.a_end) if d.doc_a == doc_id else (d.b_start, d.b_end)
            s, e = whole_words(cell.text, start - cell.start, end - cell.start)
            if s <= offset - cell.start < e:
                return d
        return None

    def category_counts(self) -> dict[str, int]:
        """How many slots (variants) and markers of each category the event has (markers inside
        quoted speech only when those are shown)."""
        counts: dict[str, int] = defaultdict(int)
        for slot in self.comparison.slots:
            counts[slot.category] += 1
        for m in self.comparison.markers:
            if self.quoted_speech or m.own_voice:
                counts[m.category] += 1
        return dict(counts)

    def differences_for_term(self, term_a: str, term_b: str) -> list[Difference]:
        """The differences behind a term-table line (either way round), in grid order."""
        want = {fold(term_a.strip()), fold(term_b.strip())}
        out = [d for d in self.comparison.differences if {fold(d.a_text.strip()), fold(d.b_text.strip())} == want]
        if not out:  # terms may be keys (stems): fall back to containment
            a, b = (fold(term_a.strip()), fold(term_b.strip()))
            out = [d for d in self.comparison.differences
                   if (a in fold(d.a_text) and b in fold(d.b_text)) or (b in fold(d.a_text) and a in fold(d.b_text))]
        return sorted(out, key=lambda d: (self._row_index.get(d.row_id, 0), d.doc_a, d.a_start))
