"""Collate each row into an apparatus: slots, their readings, and which outlets have each.

A critical apparatus (CollateX's variant graph; TEI ``<app><rdg wit="...">``) is how
textual scholars compare many witnesses of one passage; here the witnesses are the
outlets' units of one claim.

How (centre-star alignment, Gusfield 1993):

1. The row's centre is the unit that shares the most content words with the others
   (its medoid on matching forms, found from word counts in one pass).
2. Every other unit is word-diffed against the centre once (:func:`diff.word_changes`,
   on matching keys, so a name transliterated two ways or a folded spelling is the same
   word), and the diff is projected onto the centre's token positions. N-1 diffs per
   row, not N(N-1)/2.
3. Changes of different outlets that overlap on the centre become one slot; words some
   outlets have between two centre words form an insertion slot. Each outlet's reading
   of a slot is its own stretch of words there (offsets into its original text), and
   outlets with the same words share a reading. The reading most outlets have, strictly
   more than any other, is the majority (3 or more outlets; ties have none).
4. Each slot is named (:func:`_category`) and scored (:func:`_score`); long rewordings
   are not dropped whole: numbers, names and short word swaps inside are pulled out as
   slots of their own (:func:`_pulled_out`).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterable

from rapidfuzz import fuzz

from ..model import Article, Difference, Marker, Reading, Row, Slot, Witness
from .categories import require
from .classify import NUMBER, PUNCTUATION, SPELLING, DiffToken, _spelling_pair, is_number
from .diff import TermPair, keyed_diff_tokens, word_changes
from .equivalents import classes_in, same_meaning, without_equivalents
from .normalize import Normalizer, strip_al

if TYPE_CHECKING:  # pandas only where a DataFrame is asked for
    import multiprocessing.context

    import pandas as pd

LEXICAL, ADDED_OMITTED, REWORDING = "lexical", "added_omitted", "rewording"
VARIANT_CATEGORIES = (LEXICAL, NUMBER, SPELLING, ADDED_OMITTED, REWORDING, PUNCTUATION)
require(VARIANT_CATEGORIES, "difference")  # the names live in resources/codebook/categories.csv
# A word choice is a short phrase: more words on a side is rewording.
LEXICAL_MAX_WORDS = 3
# How strongly each kind of variant asks for a look, before majority and recurrence.
CATEGORY_WEIGHT = {LEXICAL: 1.0, NUMBER: 0.9, SPELLING: 0.35, ADDED_OMITTED: 0.3, REWORDING: 0.15,
                   PUNCTUATION: 0.1}
# A reading pair that recurs across rows is the strongest sign of a systematic choice.
RECURRENCE_BONUS = 0.1  # per further row, at most two
LEXICON_BONUS = 0.1  # a reading that holds a term of the framing lexicon
_CODE_BASE = 0xE000  # private use area: one character per matching key of a row


@dataclass
class _Unitwise:
    """One outlet's words in a row."""

    doc: str
    tokens: list[DiffToken]
    keys: list[str]  # matching key per token (names joined, clitics off)
    unit_of: list[int]  # which of the row's units of this outlet each token is in
    codes: str = ""


@dataclass
class _Projection:
    """One outlet's diff against the centre, on the centre's token boundaries.

    ``before[p]``/``after[p]``: the outlet's token position at centre boundary ``p``,
    before and after words it inserts there (-1 inside a change)."""

    before: list[int]
    after: list[int]
    equal: list[bool]  # per outlet token: aligned to an identical centre word
    intervals: list[tuple[int, int]]  # centre ranges it replaces or leaves out
    inserts: list[int]  # centre boundaries where it adds words
    spelled: list[int]  # centre positions where it writes the same word otherwise


def _witness_tokens(doc: str, units, text: str, normalizer: Normalizer) -> _Unitwise:
    tokens, keys, unit_of = [], [], []
    for k, unit in enumerate(units):
        toks, toks_keys = keyed_diff_tokens(text, unit.start, unit.end, normalizer)
        tokens += toks
        keys += toks_keys
        unit_of += [k] * len(toks)
    return _Unitwise(doc, tokens, keys, unit_of)


def _centre(witnesses: list[_Unitwise]) -> int:
    """The medoid on content words: most shared with the others, per square root of its
    own size (a cosine against the row's word counts); ties go to the first outlet."""
    sets = [{k for t, k in zip(w.tokens, w.keys) if t.is_word and not t.is_stop} for w in witnesses]
    df = Counter(k for s in sets for k in s)

    def share(i: int) -> float:
        return sum(df[k] - 1 for k in sets[i]) / math.sqrt(len(sets[i])) if sets[i] else 0.0

    return max(range(len(witnesses)), key=lambda i: (share(i), len(witnesses[i].tokens), -i))


def _project(centre: _Unitwise, other: _Unitwise) -> _Projection:
    m, n = len(centre.tokens), len(other.tokens)
    before, after = [-1] * (m + 1), [-1] * (m + 1)
    equal = [False] * n
    proj = _Projection(before, after, equal, [], [], [])
    i = j = 0

    def equal_until(stop: int) -> None:
        """The stretch up to ``stop`` is the same words in both: set as slices, not word by word."""
        nonlocal i, j
        n = stop - i
        if n <= 0:
            return
        if before[i] < 0:  # only the first can be set already (by an insertion there)
            before[i] = j
        before[i + 1:stop] = range(j + 1, j + n)
        after[i:stop] = range(j, j + n)
        equal[j:j + n] = [True] * n
        proj.spelled.extend(k for k, a, b in zip(range(i, stop), centre.tokens[i:stop], other.tokens[j:j + n])
                            if a.is_word and a.stem != b.stem)
        i, j = stop, j + n

    for c in word_changes(centre.tokens, other.tokens, centre.codes, other.codes):
        equal_until(c.a_lo)
        before[i] = j
        if c.a_hi == c.a_lo:
            after[i] = c.b_hi
            proj.inserts.append(i)
        else:
            after[i] = c.b_lo
            proj.intervals.append((c.a_lo, c.a_hi))
        i, j = c.a_hi, c.b_hi
    equal_until(m)
    if before[m] < 0:
        before[m] = j
    after[m] = j if after[m] < 0 or after[m] < j else after[m]
    return proj


def _merge(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for lo, hi in sorted(intervals):
        if out and lo < out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


@dataclass
class _Reading:
    """A reading while a slot is built: its words' forms and, per outlet, token ranges."""

    form: tuple[str, ...]
    ranges: dict[str, tuple[int, int]]


@dataclass
class _RawSlot:
    pos: tuple[int, int]  # for ordering: (centre position, 0 gap / 1 tokens)
    ranges: dict[str, tuple[int, int]]  # doc -> token range of its reading


class RowCollation:
    """The apparatus of one row: its witnesses, centre, and raw slots (token ranges)."""

    def __init__(self, row: Row, articles: dict[str, Article], normalizer: Normalizer):
        self.row = row
        self.texts = {doc: articles[doc].text for doc in row.units}
        codes: dict[str, str] = {}
        self.witnesses = [_witness_tokens(doc, units, self.texts[doc], normalizer)
                          for doc, units in sorted(row.units.items())]
        for w in self.witnesses:
            for k in dict.fromkeys(w.keys):  # new keys numbered in order of first appearance
                if k not in codes:
                    codes[k] = chr(_CODE_BASE + len(codes))
            w.codes = "".join(map(codes.__getitem__, w.keys))
        self.by_doc = {w.doc: w for w in self.witnesses}
        self.centre = self.witnesses[_centre(self.witnesses)]
        self.equal: dict[str, list[bool]] = {}
        self._key_counts: dict[str, Counter[str]] = {}
        self.slots = self._slots()

    def _slots(self) -> list[_RawSlot]:
        centre = self.centre
        m = len(centre.tokens)
        projections = {}
        for w in self.witnesses:
            if w is not centre:
                projections[w.doc] = _project(centre, w)
                self.equal[w.doc] = projections[w.doc].equal
        self.equal[centre.doc] = [True] * m
        intervals = [iv for p in projections.values() for iv in p.intervals]
        intervals += [(i, i + 1) for p in projections.values() for i in p.spelled]
        merged = _merge(intervals)
        inside = set()
        for lo, hi in merged:
            inside.update(range(lo + 1, hi))
        gaps = sorted({g for p in projections.values() for g in p.inserts if g not in inside})
        raw = []
        for lo, hi in merged:
            ranges = {centre.doc: (lo, hi)}
            for doc, p in projections.items():
                ranges[doc] = (p.after[lo], p.before[hi])
            raw.append(_RawSlot((lo, 1), ranges))
        for g in gaps:
            ranges = {centre.doc: (g, g)}
            for doc, p in projections.items():
                ranges[doc] = (p.before[g], p.after[g])
            raw.append(_RawSlot((g, 0), ranges))
        return sorted(raw, key=lambda s: s.pos)

    # --- questions about one outlet's stretch of words -----------------------------
    def words(self, doc: str, lo: int, hi: int) -> list[DiffToken]:
        return [t for t in self.by_doc[doc].tokens[lo:hi] if t.is_word]

    def witness(self, doc: str, lo: int, hi: int, punctuation: bool = False) -> Witness:
        """The outlet's words lo..hi as offsets into its original text, trimmed of the
        punctuation at the edges and kept inside one unit of the row (``punctuation``: a
        stretch of punctuation marks only is kept as it is; else it is no reading)."""
        w = self.by_doc[doc]
        toks = w.tokens
        words = [k for k in range(lo, hi) if toks[k].is_word]
        keep = words or (list(range(lo, hi)) if punctuation else [])
        if keep:
            unit = w.unit_of[keep[0]]
            keep = [k for k in keep if w.unit_of[k] == unit]
            return Witness(doc, toks[keep[0]].start, toks[keep[-1]].end)
        if lo < len(toks):
            at = toks[lo].start
        else:
            at = toks[-1].end if toks else self.row.span(doc)[0]
        return Witness(doc, at, at)

    def anchored(self, doc: str, lo: int, hi: int, at_end: bool = False) -> bool:
        """Shared wording around the outlet's stretch: the nearest word before and after it
        (within its unit, at most one punctuation mark away) is aligned to the same word of
        the centre. With ``at_end``, the end of the sentence stands for the word after
        (a single word closing the claim: "..., the council said/claimed.")."""
        w = self.by_doc[doc]
        equal = self.equal[doc]
        unit = w.unit_of[lo] if lo < len(w.tokens) else (w.unit_of[-1] if w.tokens else 0)
        edges = 0
        for step, start in ((-1, lo - 1), (1, hi)):
            k = start
            while 0 <= k < len(w.tokens) and w.unit_of[k] == unit and not w.tokens[k].is_word:
                k += step
            if not (0 <= k < len(w.tokens)) or w.unit_of[k] != unit:
                if step < 0 or not at_end:
                    return False
                edges += 1
                continue
            if abs(k - start) > 1 or not equal[k]:
                return False
        return edges < 2

    def trim_moved(self, doc: str, lo: int, hi: int, ranges: dict[str, tuple[int, int]]) -> tuple[int, int]:
        """The stretch without the words at its edges that every other outlet writes
        elsewhere in the claim ("وقعا" in "وقعا مذكرة تفاهم" where the others open with
        "وقع"): a word moved, not changed. One word at least is kept."""
        w = self.by_doc[doc]
        words = [k for k in range(lo, hi) if w.tokens[k].is_word]
        if len(words) < 2:
            return lo, hi

        def moved(k: int) -> bool:
            if w.tokens[k].is_stop:
                return False
            key = w.keys[k]
            return all(key in self.keys_outside(other, rng) for other, rng in ranges.items() if other != doc)

        first, last = 0, len(words)
        while last - first > 1 and moved(words[first]):
            first += 1
        while last - first > 1 and moved(words[last - 1]):
            last -= 1
        if first == 0 and last == len(words):
            return lo, hi
        return words[first], words[last - 1] + 1

    def keys_outside(self, doc: str, rng: tuple[int, int]) -> set[str]:
        w = self.by_doc[doc]
        inside = Counter(k for t, k in zip(w.tokens[rng[0]:rng[1]], w.keys[rng[0]:rng[1]]) if t.is_word)
        return {k for k, n in self.key_counts(doc).items() if n > inside.get(k, 0)}

    def key_counts(self, doc: str) -> Counter[str]:
        counts = self._key_counts.get(doc)
        if counts is None:
            w = self.by_doc[doc]
            counts = self._key_counts[doc] = Counter(k for t, k in zip(w.tokens, w.keys) if t.is_word)
        return counts

    def moved(self, doc: str, lo: int, hi: int, other: str, other_range: tuple[int, int]) -> set[str]:
        """Content keys of ``doc``'s stretch that ``other`` writes elsewhere in its unit(s)."""
        w = self.by_doc[doc]
        elsewhere = self.keys_outside(other, other_range)
        return {k for t, k in zip(w.tokens[lo:hi], w.keys[lo:hi]) if t.is_word and not t.is_stop and k in elsewhere}


# --- naming a slot ---------------------------------------------------------------------

def _group(col: RowCollation, ranges: dict[str, tuple[int, int]]) -> dict[tuple[str, ...], dict[str, tuple[int, int]]]:
    groups: dict[tuple[str, ...], dict[str, tuple[int, int]]] = defaultdict(dict)
    for doc, (lo, hi) in ranges.items():
        groups[tuple(t.stem for t in col.words(doc, lo, hi))][doc] = (lo, hi)
    return groups


def _readings(col: RowCollation, ranges: dict[str, tuple[int, int]]) -> list[_Reading]:
    """Outlets grouped by the words they have there (stems; punctuation aside), most outlets
    first, then in the centre's favour, then by doc_id. Words at a reading's edges that
    the other readings' outlets write elsewhere in the claim are moved, not changed: they
    are left out of it (checked on one outlet per reading, then applied to all of them)."""
    groups = _group(col, ranges)
    if len(groups) > 1:
        heads = {min(docs): docs[min(docs)] for docs in groups.values()}
        trimmed: dict[str, tuple[int, int]] = {}
        for docs in groups.values():
            head = min(docs)
            lo, hi = docs[head]
            new_lo, new_hi = col.trim_moved(head, lo, hi, heads)
            cut_front = len(col.words(head, lo, new_lo))
            cut_back = len(col.words(head, new_hi, hi))
            for doc, (dlo, dhi) in docs.items():
                if cut_front or cut_back:
                    pos = _word_positions(col, doc, dlo, dhi)
                    dlo, dhi = pos[cut_front], pos[len(pos) - 1 - cut_back] + 1
                trimmed[doc] = (dlo, dhi)
        groups = _group(col, trimmed)
    out = [_Reading(form, docs) for form, docs in groups.items()]
    return sorted(out, key=lambda r: (-len(r.ranges), col.centre.doc not in r.ranges, min(r.ranges)))


def _punctuation_readings(col: RowCollation, ranges: dict[str, tuple[int, int]]) -> list[_Reading]:
    groups: dict[tuple[str, ...], dict[str, tuple[int, int]]] = defaultdict(dict)
    for doc, (lo, hi) in ranges.items():
        groups[tuple(t.folded for t in col.by_doc[doc].tokens[lo:hi])][doc] = (lo, hi)
    out = [_Reading(form, docs) for form, docs in groups.items()]
    return sorted(out, key=lambda r: (-len(r.ranges), col.centre.doc not in r.ranges, min(r.ranges)))


def _first(reading: _Reading) -> tuple[str, int, int]:
    doc = min(reading.ranges)
    return (doc, *reading.ranges[doc])


def _numbers(col: RowCollation, reading: _Reading) -> list[str]:
    doc, lo, hi = _first(reading)
    return sorted(strip_al(t.folded) for t in col.words(doc, lo, hi) if is_number(t))  # اليوم = يوم


def _is_spelling(col: RowCollation, readings: list[_Reading], normalizer: Normalizer) -> bool:
    base = col.words(*_first(readings[0]))
    if not base:
        return False
    for r in readings[1:]:
        words = col.words(*_first(r))
        if len(words) != len(base) or not all(_spelling_pair(x, y, normalizer) for x, y in zip(base, words)):
            return False
    return True


def _content(col: RowCollation, doc: str, lo: int, hi: int, shared: set[int]) -> list[DiffToken]:
    """The words of a stretch beyond function words and the paraphrase formulas of
    ``shared`` classes (those every reading of the slot uses)."""
    words = col.words(doc, lo, hi)
    left = without_equivalents([t.surface for t in words], shared)
    kept, k = [], 0
    for t in words:  # map the surviving surfaces back to their tokens, in order
        if k < len(left) and t.surface == left[k]:
            kept.append(t)
            k += 1
    return [t for t in kept if not t.is_stop]


def _inflected(a: DiffToken, b: DiffToken) -> bool:
    """One word in two grammatical forms ("اعترفت"/"تعترف"): not a choice of word."""
    x, y = _core(a.folded), _core(b.folded)
    return min(len(x), len(y)) >= 3 and (x == y or fuzz.ratio(x, y) >= 85)


def _core(folded: str) -> str:
    """A word without ال, one suffix letter and one tense or plural prefix letter."""
    w = strip_al(folded)
    if len(w) > 4 and w[-1] in "تاهنوي":
        w = w[:-1]
    if len(w) > 3 and w[0] in "اتينم":
        w = w[1:]
    return w


def _preposition(t: DiffToken) -> bool:
    """The word carries a preposition clitic (ل ب ك): "لزيادة" is "to increase"."""
    cut = t.folded.find(t.stem) if t.stem else -1
    prefix = t.folded[:cut] if cut > 0 else ""
    if prefix.endswith("لل"):
        prefix = prefix[:-1]  # ل + ال
    elif prefix.endswith("ال"):
        prefix = prefix[:-2]
    return any(c in "لبك" for c in prefix)


def _category(col: RowCollation, readings: list[_Reading], normalizer: Normalizer,
              pulled: bool = False) -> str | None:
    """What kind of variant a slot is; None when it is no difference at all (the readings
    are paraphrase equivalents, or the words only moved within the claim)."""
    present = [r for r in readings if r.form]
    texts = [[t.surface for t in col.words(*_first(r))] for r in readings]
    if same_meaning(texts):
        return None
    if present and all(_numbers(col, r) for r in present) and len({tuple(_numbers(col, r)) for r in present}) > 1 \
            and (pulled or max(len(r.form) for r in present) <= LEXICAL_MAX_WORDS):
        return NUMBER  # a long rewording with a number in it: the number is pulled out
    if len(present) >= 2 and _is_spelling(col, present, normalizer):
        return SPELLING
    # what each reading says beyond function words and paraphrase formulas
    surfaces = {id(r): [t.surface for t in col.words(*_first(r))] for r in readings}
    shared = set.intersection(*(classes_in(surfaces[id(r)]) for r in present)) if present else set()
    content = {id(r): _content(col, *_first(r), shared) for r in readings}
    saying = [r for r in readings if content[id(r)]]
    if not saying:
        return None if len(present) < 2 or all(len(r.form) <= LEXICAL_MAX_WORDS for r in present) else REWORDING
    if len(saying) < 2 and len(present) >= 2 and not shared:
        # a function word against a content word ("said"/"claimed"): a substitution
        content = {id(r): content[id(r)] or col.words(*_first(r)) for r in readings}
        saying = present
    if len(saying) < 2:
        # words only some outlets have: information added or left out, unless the others
        # write them elsewhere in the claim (moved, not added)
        adder = saying[0]
        doc, lo, hi = _first(adder)
        keys = {col.by_doc[doc].keys[col.by_doc[doc].tokens.index(t, lo, hi)] for t in content[id(adder)]}
        others = [r for r in readings if r is not adder]
        if all(col.moved(doc, lo, hi, od, rng) >= keys for r in others for od, rng in list(r.ranges.items())[:1]):
            return None
        return ADDED_OMITTED
    if max(len(r.form) for r in present) > LEXICAL_MAX_WORDS:
        return REWORDING
    # a word choice: content words in every reading, each anchored by shared wording on
    # both sides (in one of its outlets at least), playing the same part in the sentence,
    # and not merely moved within the claim or inflected
    single = all(len(r.form) == 1 for r in present)
    for r in saying:
        if not pulled and not any(col.anchored(d, lo_, hi_, single) for d, (lo_, hi_) in r.ranges.items()):
            return REWORDING
    firsts = [content[id(r)][0] for r in saying]
    if len({_preposition(t) for t in firsts}) > 1:
        return REWORDING
    base = saying[0]
    for r in saying[1:]:
        if any(x.stem != y.stem and _inflected(x, y) for x in content[id(base)] for y in content[id(r)]):
            return REWORDING
    bdoc, blo, bhi = _first(base)
    for r in saying[1:]:
        doc, lo, hi = _first(r)
        keys = {k for t, k in zip(col.by_doc[doc].tokens[lo:hi], col.by_doc[doc].keys[lo:hi])
                if t.is_word and not t.is_stop}
        if keys and col.moved(doc, lo, hi, bdoc, (blo, bhi)) >= keys:
            return REWORDING  # its words stand elsewhere in the other reading's claim
    return LEXICAL


# --- pulled out of a long rewording ---------------------------------------------------------

def _pulled_out(col: RowCollation, readings: list[_Reading], normalizer: Normalizer
                ) -> list[dict[str, tuple[int, int]]]:
    """Short slots inside a long rewording: where a departing reading and the reference
    reading still share words, the names spelled otherwise and the short swaps between
    those shared words; and numbers that differ."""
    ref = readings[0]
    rdoc, rlo, rhi = _first(ref)
    r = col.by_doc[rdoc]
    out = []
    def digits(w: _Unitwise, lo: int, hi: int) -> list[int]:  # numerals, not date words like اليوم
        return [k for k in range(lo, hi) if w.tokens[k].is_word and any(c.isdigit() for c in w.tokens[k].folded)]

    ref_numbers = digits(r, rlo, rhi)
    for other in readings[1:]:
        if not other.form:
            continue
        odoc, olo, ohi = _first(other)
        o = col.by_doc[odoc]
        numbers = digits(o, olo, ohi)
        if ref_numbers and numbers and [r.tokens[k].folded for k in ref_numbers] != [o.tokens[k].folded for k in numbers]:
            out.append(_ranges_of(col, ref, other, ref_numbers[0], ref_numbers[-1] + 1, numbers[0], numbers[-1] + 1))
        sub = word_changes(r.tokens[rlo:rhi], o.tokens[olo:ohi], r.codes[rlo:rhi], o.codes[olo:ohi])
        i = j = 0
        for c in sub + [None]:
            stop_a = c.a_lo if c else rhi - rlo
            while i < stop_a:  # shared (same key): a name written otherwise is a spelling slot
                a, b = r.tokens[rlo + i], o.tokens[olo + j]
                if a.is_word and a.stem != b.stem:
                    out.append(_ranges_of(col, ref, other, rlo + i, rlo + i + 1, olo + j, olo + j + 1))
                i, j = i + 1, j + 1
            if c is None:
                break
            a_words = [t for t in r.tokens[rlo + c.a_lo:rlo + c.a_hi] if t.is_word]
            b_words = [t for t in o.tokens[olo + c.b_lo:olo + c.b_hi] if t.is_word]
            inner = 0 < c.a_lo and c.a_hi < rhi - rlo and 0 < c.b_lo and c.b_hi < ohi - olo
            short = 0 < len(a_words) <= LEXICAL_MAX_WORDS and 0 < len(b_words) <= LEXICAL_MAX_WORDS
            if inner and short and not any(is_number(t) for t in a_words + b_words):
                out.append(_ranges_of(col, ref, other, rlo + c.a_lo, rlo + c.a_hi, olo + c.b_lo, olo + c.b_hi))
            i, j = c.a_hi, c.b_hi
    return out


def _ranges_of(col: RowCollation, ref: _Reading, other: _Reading, alo: int, ahi: int, blo: int, bhi: int
               ) -> dict[str, tuple[int, int]]:
    """A pulled-out slot's token range in every outlet of the two readings: the outlets of
    one reading write the same words, so the k-th word of one is the k-th of the others."""
    out: dict[str, tuple[int, int]] = {}
    for reading, lo, hi in ((ref, alo, ahi), (other, blo, bhi)):
        rep = min(reading.ranges)
        rep_words = _word_positions(col, rep, *reading.ranges[rep])
        picked = [k for k, pos in enumerate(rep_words) if lo <= pos < hi]
        if not picked:
            continue
        for doc, rng in reading.ranges.items():
            words = _word_positions(col, doc, *rng)
            out[doc] = (words[picked[0]], words[picked[-1]] + 1)
    return out


def _word_positions(col: RowCollation, doc: str, lo: int, hi: int) -> list[int]:
    tokens = col.by_doc[doc].tokens
    return [k for k in range(lo, hi) if tokens[k].is_word]


# --- scores -----------------------------------------------------------------------------

def _score(category: str, readings: list[_Reading], majority: bool, outlets: int) -> float:
    """0..0.75 before recurrence and lexicon: a short reading against a clear majority
    scores high, a long one or one without a majority lower; the category weighs most."""
    departing = sum(len(r.ranges) for r in (readings[1:] if majority else readings))
    strength = 1.0 - departing / outlets if majority else 0.5
    longest = max((len(r.form) for r in readings), default=1)
    crisp = 1.0 / (1.0 + 0.3 * max(0, longest - 1))
    return CATEGORY_WEIGHT[category] * (0.3 + 0.25 * strength + 0.2 * crisp)


def _build_slot(col: RowCollation, slot_id: int, readings: list[_Reading], category: str,
                outlets: int) -> Slot:
    majority = outlets >= 3 and (len(readings) == 1 or len(readings[0].ranges) > len(readings[1].ranges))
    made = []
    for k, r in enumerate(readings):
        witnesses = tuple(col.witness(doc, lo, hi, category == PUNCTUATION) for doc, (lo, hi) in sorted(r.ranges.items()))
        surfaces = Counter(col.texts[w.doc_id][w.start:w.end] for w in witnesses)
        made.append(Reading(surfaces.most_common(1)[0][0], r.form, witnesses, majority and k == 0))
    return Slot(col.row.row_id, slot_id, tuple(made), category, round(_score(category, readings, majority, outlets), 3))


def collate_row(row: Row, articles: dict[str, Article], normalizer: Normalizer) -> list[Slot]:
    """The slots of one row where its outlets' wordings part (none for a row of one outlet)."""
    if len(row.units) < 2:
        return []
    col = RowCollation(row, articles, normalizer)
    outlets = len(col.witnesses)
    slots: list[Slot] = []
    for raw in col.slots:
        readings = _readings(col, raw.ranges)
        if len(readings) < 2:
            readings = _punctuation_readings(col, raw.ranges)
            if len(readings) >= 2:
                slots.append(_build_slot(col, len(slots), readings, PUNCTUATION, outlets))
            continue
        category = _category(col, readings, normalizer)
        if category is None:
            continue
        slots.append(_build_slot(col, len(slots), readings, category, outlets))
        if category == REWORDING:
            for ranges in _pulled_out(col, readings, normalizer):
                sub = _readings(col, ranges)
                if len(sub) < 2:
                    continue
                sub_category = _category(col, sub, normalizer, pulled=True)
                if sub_category in (LEXICAL, NUMBER, SPELLING):
                    slots.append(_build_slot(col, len(slots), sub, sub_category, outlets))
    return slots


# --- the event ----------------------------------------------------------------------------

def collate(rows: list[Row], articles: dict[str, Article], normalizer: Normalizer,
            markers: Iterable[Marker] = (), jobs: int = 1) -> list[Slot]:
    """Every row's apparatus, scored across the event: a reading pair that recurs in
    several rows, or a reading holding a framing-lexicon term, scores higher.

    ``jobs`` > 1: the rows (independent once aligned) are collated in that many
    processes; the slots are the same as with one."""
    if jobs > 1 and sum(len(row.units) > 1 for row in rows) >= MIN_ROWS_PER_JOB * jobs:
        per_row = _collate_in_processes(rows, articles, normalizer, jobs)
    else:
        per_row = [collate_row(row, articles, normalizer) for row in rows]
    return _event_scores([s for slots in per_row for s in slots], markers)


# Starting a process and giving it the articles costs about what collating 200 rows does
# (0.2 s for 40 outlets x 60 claims): fewer rows per process are collated here.
MIN_ROWS_PER_JOB = 200
# A worker process's articles and normalizer, given once when it starts (not with every row).
_WORKER: dict[str, object] = {}


def _start_worker(articles: dict[str, Article], normalizer: Normalizer) -> None:
    _WORKER.update(articles=articles, normalizer=normalizer)


def _collate_rows(rows: list[Row]) -> list[list[Slot]]:
    return [collate_row(row, _WORKER["articles"], _WORKER["normalizer"]) for row in rows]  # type: ignore[arg-type]


def process_context() -> multiprocessing.context.BaseContext:
    """How worker processes start. Never fork the caller: the window (or a test run) has Qt
    threads, and a forked copy of a threaded process can deadlock or crash. A fork server
    starts clean; spawn where there is none."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _collate_in_processes(rows: list[Row], articles: dict[str, Article], normalizer: Normalizer,
                          jobs: int) -> list[list[Slot]]:
    """Each row's slots, in row order, worked out by ``jobs`` processes (chunks of
    consecutive rows, a few per process so that a slow chunk does not keep the others idle)."""
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, -(-len(rows) // (jobs * 4)))
    chunks = [rows[k:k + size] for k in range(0, len(rows), size)]
    with ProcessPoolExecutor(jobs, mp_context=process_context(), initializer=_start_worker,
                             initargs=(articles, normalizer)) as pool:
        return [slots for done in pool.map(_collate_rows, chunks) for slots in done]


def reading_pairs(slot: Slot) -> list[tuple[Reading, Reading]]:
    """The pairs of readings a slot opposes: the majority against each departing reading;
    without a majority, every two readings (a slot has few)."""
    if slot.majority is not None:
        return [(slot.majority, r) for r in slot.readings if r is not slot.majority]
    return [(a, b) for k, a in enumerate(slot.readings) for b in slot.readings[k + 1:]]


def pair_of(a: Reading, b: Reading) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Two readings' forms as an unordered term pair; None unless both are short terms."""
    if not a.form or not b.form or max(len(a.form), len(b.form)) > 2:
        return None
    return (a.form, b.form) if a.form <= b.form else (b.form, a.form)


def _event_scores(slots: list[Slot], markers: Iterable[Marker]) -> list[Slot]:
    rows_of: dict[tuple, set[int]] = defaultdict(set)
    for s in slots:
        if s.category in (LEXICAL, NUMBER):
            for a, b in reading_pairs(s):
                pair = pair_of(a, b)
                if pair:
                    rows_of[pair].add(s.row_id)
    loaded: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in markers:
        if m.category == "loaded_term":
            loaded[m.doc_id].append((m.start, m.end))
    out = []
    for s in slots:
        bonus = 0.0
        recurs = max((len(rows_of.get(pair_of(a, b), ())) for a, b in reading_pairs(s)), default=0)
        if recurs > 1:
            bonus += min(2 * RECURRENCE_BONUS, RECURRENCE_BONUS * (recurs - 1))
        if s.category in (LEXICAL, NUMBER, ADDED_OMITTED) and any(
                ms < w.end and me > w.start for r in s.readings for w in r.witnesses
                for ms, me in loaded.get(w.doc_id, ())):
            bonus += LEXICON_BONUS
        if bonus:
            s = replace(s, score=round(min(1.0, s.score + bonus), 3))
        out.append(s)
    return out


# --- what is derived from slots -------------------------------------------------------------

VARIANT_COLUMNS = ["row_id", "slot_id", "category", "score", "doc_id", "outlet", "char_start", "char_end",
                   "text", "reading", "majority"]


def reference_reading(slot: Slot) -> Reading:
    """What departing readings are compared with: the majority, else the first reading
    (most outlets; on a tie, the centre's)."""
    return slot.majority or slot.readings[0]


def slot_differences(slots: Iterable[Slot], texts: dict[str, str]) -> list[Difference]:
    """Pairwise differences derived from slots: each outlet whose reading is not the
    reference reading, against the reference's first outlet. O(outlets) per slot."""
    out = []
    for slot in slots:
        ref = reference_reading(slot)
        rw = next(w for w in ref.witnesses if texts[w.doc_id][w.start:w.end] == ref.text)
        for reading in slot.readings:
            if reading is ref:
                continue
            for w in reading.witnesses:
                a, b = (w, rw) if w.doc_id < rw.doc_id else (rw, w)
                kind = "substitution" if a.end > a.start and b.end > b.start else (
                    "deletion" if a.end > a.start else "insertion")
                out.append(Difference(slot.row_id, a.doc_id, b.doc_id, kind, slot.category,
                                      a.start, a.end, texts[a.doc_id][a.start:a.end],
                                      b.start, b.end, texts[b.doc_id][b.start:b.end], slot.score))
    return out


TERM_CATEGORIES = (LEXICAL, NUMBER, SPELLING)


def slot_terms(slots: Iterable[Slot]) -> list[TermPair]:
    """The event's term table from slots: each short departing reading against the
    reference reading, grouped across rows (``term_b`` the departing wording)."""
    uses: dict[tuple, dict[tuple, set[tuple[int, str]]]] = defaultdict(lambda: defaultdict(set))
    surfaces: dict[tuple, Counter[str]] = defaultdict(Counter)
    category: dict[tuple, Counter[str]] = defaultdict(Counter)
    for slot in slots:
        if slot.category not in TERM_CATEGORIES:
            continue
        for ref, reading in reading_pairs(slot):
            pair = pair_of(ref, reading)
            if pair is None:
                continue
            for r in (ref, reading):
                for w in r.witnesses:
                    uses[pair][r.form].add((slot.row_id, w.doc_id))
                surfaces[r.form][r.text] += len(r.witnesses)
            category[pair][slot.category] += 1
    table = []
    for pair, sides in uses.items():
        first, second = sorted(pair, key=lambda s: (-len({doc for _, doc in sides[s]}), s))
        rows = {r for side in sides.values() for r, _ in side}
        table.append(TermPair(
            term_a=surfaces[first].most_common(1)[0][0], term_b=surfaces[second].most_common(1)[0][0],
            category=category[pair].most_common(1)[0][0], count=len(rows),
            by_doc=dict(sorted(Counter(doc for _, doc in sides[second]).items())),
            by_doc_a=dict(sorted(Counter(doc for _, doc in sides[first]).items()))))
    order = {LEXICAL: 0, NUMBER: 1, SPELLING: 2}
    return sorted(table, key=lambda t: (order[t.category], -t.count, t.term_a, t.term_b))


def variants_table(slots: Iterable[Slot], articles: dict[str, Article]) -> list[tuple]:
    """variants.csv: one line per outlet per slot (:data:`VARIANT_COLUMNS`); ``reading``
    numbers the slot's readings (1: most outlets), ``majority`` says whether the outlet's
    reading is the majority."""
    return [(slot.row_id, slot.slot_id, slot.category, slot.score, w.doc_id, articles[w.doc_id].outlet,
             w.start, w.end, articles[w.doc_id].text[w.start:w.end], number, reading.majority)
            for slot in slots for number, reading in enumerate(slot.readings, 1) for w in reading.witnesses]


def variants_frame(slots: Iterable[Slot], articles: dict[str, Article]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame.from_records(variants_table(slots, articles), columns=VARIANT_COLUMNS)
