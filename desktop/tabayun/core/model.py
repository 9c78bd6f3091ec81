"""The values that flow through Tabayun's pipeline, one stage to the next.

files -> Article -> Segment/Unit (offsets) -> Row -> Slot (readings) / Difference / Marker
-> Comparison

Every span is a half-open range ``[start, end)`` of Python string indices into
``Article.text``, the article's original text exactly as the outlet wrote it
(after decoding). Nothing here imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


@dataclass(frozen=True)
class Article:
    """One outlet's article: its original text verbatim plus what we know about it."""

    doc_id: str
    text: str
    outlet: str
    source: Path | None = None
    encoding: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    language: str | None = None

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]


class SegmentRole(str, Enum):
    """What a stretch of an article is, before it is split into claims."""

    FURNITURE = "furniture"  # page debris: ads, share buttons, "related articles"
    METADATA = "metadata"  # dateline, byline, source, date or URL line, subheading
    HEADLINE = "headline"
    BODY = "body"


@dataclass(frozen=True)
class Segment:
    """A line (or the leading part of one) of an article with its role."""

    doc_id: str
    start: int
    end: int
    role: SegmentRole
    reason: str = ""  # why it got this role, e.g. the furniture entry that matched
    paragraph: int = -1


class UnitKind(str, Enum):
    HEADLINE = "headline"
    SENTENCE = "sentence"


@dataclass(frozen=True)
class Unit:
    """A claim-sized piece of an article: a headline or a sentence."""

    doc_id: str
    index: int  # position among the article's units, 0-based
    start: int
    end: int
    text: str  # == article.text[start:end]
    kind: UnitKind
    paragraph: int

    @property
    def unit_id(self) -> str:
        return f"{self.doc_id}:{self.index}"


@dataclass(frozen=True)
class Row:
    """One claim across the event: for each article that reports it, its unit(s).

    ``units`` maps doc_id to one or more *adjacent* units of that article. An
    article missing from ``units`` does not report the claim (an omission).
    """

    row_id: int
    units: dict[str, tuple[Unit, ...]]
    kind: UnitKind = UnitKind.SENTENCE
    similarity: float = 0.0  # mean pairwise similarity of the units joined

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(self.units)

    def span(self, doc_id: str) -> tuple[int, int] | None:
        units = self.units.get(doc_id)
        if not units:
            return None
        return units[0].start, units[-1].end


@dataclass(frozen=True)
class Difference:
    """A word-level difference between two articles inside one row."""

    row_id: int
    doc_a: str
    doc_b: str
    kind: str  # substitution | insertion | deletion
    category: str  # lexical | spelling | punctuation | number
    a_start: int
    a_end: int
    a_text: str
    b_start: int
    b_end: int
    b_text: str
    score: float


# Who speaks a marker's words (see tabayun.core.analysis.voice):
OWN = "own"  # the outlet itself
ATTRIBUTED = "attributed"  # the outlet's paraphrase of someone ("وأكد فلان أن ...", "according to ...")
QUOTED = "quoted"  # someone else's words inside quotation marks
VOICES = (OWN, ATTRIBUTED, QUOTED)
# How much a marker tells about the outlet, by voice: its own words most, a quoted
# speaker's words least (the outlet chose to quote them, not to say them).
VOICE_WEIGHT = {OWN: 1.0, ATTRIBUTED: 0.8, QUOTED: 0.3}


@dataclass(frozen=True)
class Witness:
    """Where one outlet has a reading: ``article.text[start:end]`` (an empty range where
    the words would go, when the outlet has nothing there)."""

    doc_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Reading:
    """One wording of a slot and the outlets that have it.

    ``text`` is how most of them write it (each outlet's own words are at its witness's
    offsets); ``form`` is the matching form the outlets share (empty: the
    outlets have no words there). ``majority``: most of the row's outlets read this,
    strictly more than any other reading, and the row has 3 or more outlets.
    """

    text: str
    form: tuple[str, ...]
    witnesses: tuple[Witness, ...]
    majority: bool = False

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(w.doc_id for w in self.witnesses)

    def witness(self, doc_id: str) -> Witness | None:
        return next((w for w in self.witnesses if w.doc_id == doc_id), None)


@dataclass(frozen=True)
class Slot:
    """One place in a claim where the outlets' wordings part (a critical apparatus entry):
    its readings, most outlets first, and what kind of variant it is.

    ``category`` is a difference category of ``resources/codebook/categories.csv``
    (``lexical`` a word choice, ``added_omitted`` words only some outlets have, ...);
    ``score`` its salience from 0 to 1 (higher: look here first).
    """

    row_id: int
    slot_id: int  # position in the row's apparatus, in the centre unit's reading order
    readings: tuple[Reading, ...]
    category: str
    score: float

    @property
    def majority(self) -> Reading | None:
        return next((r for r in self.readings if r.majority), None)

    def reading_of(self, doc_id: str) -> Reading | None:
        return next((r for r in self.readings if r.witness(doc_id) is not None), None)

    def departing(self) -> list[Reading]:
        """The readings that depart from the majority: all of them when there is none."""
        return [r for r in self.readings if not r.majority]


@dataclass(frozen=True)
class Marker:
    """A framing cue found inside one article (loaded term, scare quotes, ...)."""

    doc_id: str
    start: int
    end: int
    text: str
    category: str
    entry: str  # the lexicon entry or pattern that matched
    voice: str = OWN  # own | attributed | quoted
    strength: float = 1.0  # the lexicon's grade of the entry, 0-1 (scare quotes: how sure)
    group: str = ""  # the entry's group in the lexicon (referent, casualty, actor, place, ...)

    @property
    def score(self) -> float:
        """Salience, 0-1: the entry's strength weighed by whose words these are."""
        return round(self.strength * VOICE_WEIGHT.get(self.voice, 1.0), 3)

    @property
    def own_voice(self) -> bool:
        """In the outlet's own wording (its own sentence or its paraphrase of someone)."""
        return self.voice != QUOTED


@dataclass(frozen=True)
class LoadProblem:
    """A file (or record) that could not be loaded, and why, in words for the user."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)
