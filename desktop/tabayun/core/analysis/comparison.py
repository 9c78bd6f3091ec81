"""The whole analysis of one event, from files to rows, the apparatus of each row
(slots and their readings), differences derived from it, and markers.

``compare(paths)`` runs every stage and returns a :class:`Comparison`, which the
window, the CLI, exports and notebooks all read. Its ``*_frame()`` methods give
pandas DataFrames whose columns are the CSV columns.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from ..model import Article, Difference, LoadProblem, Marker, Row, Segment, Slot, Unit, UnitKind
from . import collate as collate_stage
from . import diff as diff_stage
from .align import AlignSettings, align
from .markers import MARKER_COLUMNS, find_markers, markers_frame, markers_ready, markers_table
from .normalize import Normalizer, tokenize
from .readers import load_paths
from .units import split_units

if TYPE_CHECKING:  # pandas only where a DataFrame is asked for: `tabayun compare` starts without it
    from concurrent.futures import Future, ProcessPoolExecutor

    import pandas as pd

# Below this share of its claims found in other articles, an article is probably
# about another event (it shares only background with the rest).
OTHER_EVENT_OVERLAP = 0.25

ALIGNMENT_COLUMNS = ["row_id", "doc_id", "outlet", "unit_id", "char_start", "char_end", "text", "kind"]
ProgressCallback = Callable[[str, float], None]
# Called with the articles and their aligned rows as soon as they are aligned, before the
# words are compared: a window can show the claims while the rest is worked out.
RowsCallback = Callable[[dict[str, Article], list[Row]], None]
# Called earlier still, once the articles are read and split into units and before they are
# aligned: each article's units in its own order (a window can show the first screen of text,
# marked as not aligned: a line of units here is no claim).
UnitsCallback = Callable[[dict[str, Article], dict[str, list[Unit]]], None]


@dataclass(frozen=True)
class ArticleOverlap:
    doc_id: str
    claims: int  # claim rows it reports (headlines left out): two sentences in one row are one claim
    shared: int  # of those, rows at least one other article reports too
    overlap: float  # shared / claims
    other_event: bool


@dataclass
class Comparison:
    articles: dict[str, Article]  # doc_id -> article, in doc_id order
    segments: dict[str, list[Segment]]
    units: dict[str, list[Unit]]
    rows: list[Row]
    normalizer: Normalizer
    problems: list[LoadProblem] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    terms: list[diff_stage.TermPair] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)  # the apparatus: every row's variants

    # --- questions the window and the CLI ask ---------------------------------
    @property
    def doc_ids(self) -> list[str]:
        return list(self.articles)

    def outlet(self, doc_id: str) -> str:
        return self.articles[doc_id].outlet

    def claim_rows(self) -> list[Row]:
        return [r for r in self.rows if r.kind is UnitKind.SENTENCE]

    def overlap(self) -> list[ArticleOverlap]:
        """How much of each article the others report too. An article's claims are the claim
        rows it is in (the one count the report, the charts and the summary all show)."""
        claimed: Counter[str] = Counter()
        shared: Counter[str] = Counter()
        for row in self.claim_rows():
            for doc in row.units:
                claimed[doc] += 1
                shared[doc] += len(row.units) > 1
        out = []
        many = len(self.articles) > 2
        for doc in self.units:
            claims = claimed[doc]
            share = shared[doc] / claims if claims else 0.0
            out.append(ArticleOverlap(doc, claims, shared[doc], round(share, 3),
                                      many and share < OTHER_EVENT_OVERLAP))
        return out

    def row_of_unit(self) -> dict[str, int]:
        return {u.unit_id: row.row_id for row in self.rows for units in row.units.values() for u in units}

    # --- tables ---------------------------------------------------------------
    def tables(self) -> dict[str, tuple[list[str], list[tuple]]]:
        """The CSVs `tabayun compare` writes, by file name: columns and rows of plain values
        (core.files.write_table writes them without pandas; the *_frame methods are the
        same tables as DataFrames)."""
        return {
            "alignment.csv": (ALIGNMENT_COLUMNS, self.alignment_table()),
            "differences.csv": (diff_stage.DIFFERENCE_COLUMNS, diff_stage.differences_table(self.differences)),
            "variants.csv": (collate_stage.VARIANT_COLUMNS, collate_stage.variants_table(self.slots, self.articles)),
            "markers.csv": (MARKER_COLUMNS, markers_table(self.markers)),
            "terms.csv": (diff_stage.TERM_COLUMNS, diff_stage.terms_table(self.terms, self.articles)),
        }

    def alignment_table(self) -> list[tuple]:
        """One line per unit (:data:`ALIGNMENT_COLUMNS`)."""
        return [(row.row_id, doc, self.outlet(doc), u.unit_id, u.start, u.end, u.text, u.kind.value)
                for row in self.rows for doc, units in row.units.items() for u in units]

    def alignment_frame(self) -> pd.DataFrame:
        """One line per unit: row_id, doc_id, outlet, unit_id, char_start, char_end, text, kind."""
        import pandas as pd

        return pd.DataFrame.from_records(self.alignment_table(), columns=ALIGNMENT_COLUMNS)

    def differences_frame(self) -> pd.DataFrame:
        return diff_stage.differences_frame(self.differences)

    def variants_frame(self) -> pd.DataFrame:
        """variants.csv: one line per outlet per slot of the apparatus."""
        return collate_stage.variants_frame(self.slots, self.articles)

    def slots_in_row(self, row_id: int) -> list[Slot]:
        return [s for s in self.slots if s.row_id == row_id]

    def markers_frame(self) -> pd.DataFrame:
        return markers_frame(self.markers)

    def terms_frame(self) -> pd.DataFrame:
        return diff_stage.terms_frame(self.terms, self.articles)

    def articles_frame(self) -> pd.DataFrame:
        import pandas as pd

        overlap = {o.doc_id: o for o in self.overlap()}
        return pd.DataFrame.from_records([
            {
                "doc_id": a.doc_id, "outlet": a.outlet, "source": str(a.source or ""),
                "encoding": a.encoding or "", "language": a.language or "", "date": a.date or "",
                "units": len(self.units[a.doc_id]), "claims": overlap[a.doc_id].claims,
                "shared": overlap[a.doc_id].shared, "overlap": overlap[a.doc_id].overlap,
                "other_event": overlap[a.doc_id].other_event,
            }
            for a in self.articles.values()
        ])


def build_normalizer(articles: Iterable[Article], units: dict[str, list[Unit]]) -> Normalizer:
    folded: list[str] = []
    capitalised: list[str] = []
    for art in articles:
        for unit in units[art.doc_id]:
            tokens = tokenize(art.text, unit.start, unit.end)
            folded += [tok.folded for tok in tokens]
            capitalised += [tok.surface for tok in tokens if tok.surface[:1].isupper()]
    return Normalizer(folded, capitalised=capitalised)


def compare_articles(articles: Iterable[Article], problems: Iterable[LoadProblem] = (),
                     settings: AlignSettings | None = None,
                     progress: ProgressCallback | None = None, on_rows: RowsCallback | None = None,
                     jobs: int = 1, on_units: UnitsCallback | None = None, forkable: bool = False
                     ) -> Comparison:
    """Analyse already loaded articles (doc_ids must be unique); ``jobs`` processes
    collate the rows (the same result as one). ``forkable``: the caller runs no other
    threads, so a forked copy of this process may find the markers (see _MarkersElsewhere)."""
    report = progress or (lambda _stage, _fraction: None)
    ordered = dict(sorted(((a.doc_id, a) for a in articles), key=lambda kv: kv[0]))
    if len(ordered) < 1:
        raise ValueError("no articles to compare")
    elsewhere = _MarkersElsewhere.wanted(forkable, jobs)
    try:
        segments: dict[str, list[Segment]] = {}
        units: dict[str, list[Unit]] = {}
        report("segmenting", 0.1)
        for doc, art in ordered.items():
            segments[doc], units[doc] = split_units(art)
        if on_units is not None:
            on_units(ordered, units)
        normalizer = build_normalizer(ordered.values(), units)
        found = elsewhere.find(ordered, units, normalizer) if elsewhere is not None else None
        report("aligning", 0.3)
        rows = align(units, {d: a.text for d, a in ordered.items()}, normalizer, settings)
        if on_rows is not None:
            on_rows(ordered, rows)
        report("finding markers", 0.6)
        markers = found if found is not None else find_markers(ordered, units, normalizer)
        report("collating", 0.7)
        slots = collate_stage.collate(rows, ordered, normalizer, markers, jobs=jobs)
        markers = list(markers)
    finally:
        if elsewhere is not None:
            elsewhere.close()
    differences = collate_stage.slot_differences(slots, {d: a.text for d, a in ordered.items()})
    terms = collate_stage.slot_terms(slots)
    report("done", 1.0)
    return Comparison(ordered, segments, units, rows, normalizer, list(problems), differences, markers, terms,
                      slots)


class _MarkersElsewhere:
    """The markers found in another process while this one aligns and collates: they need
    only the articles, their units and the normalizer.

    A forked copy of this process (``fork``: the caller runs no other threads, which a fork
    needs, and a core is idle) shares the tokens already made and gets its input for nothing,
    at little cost in CPU time. Otherwise (``jobs`` > 1) a fresh process starts at once, so
    that its start-up and imports overlap the splitting, and is sent the input: that pays
    only on an idle machine with cores to spare."""

    @classmethod
    def wanted(cls, forkable: bool, jobs: int) -> _MarkersElsewhere | None:
        if not forkable and jobs <= 1:
            return None
        import multiprocessing

        fork = forkable and "fork" in multiprocessing.get_all_start_methods() and _idle_core()
        return cls(fork) if fork or jobs > 1 else None

    def __init__(self, fork: bool):
        self.fork = fork
        self.pool: ProcessPoolExecutor | None = None
        if not fork:
            self.pool = self._pool(collate_stage.process_context())
            self.pool.submit(markers_ready)  # started now, with its imports, not when the work comes

    @staticmethod
    def _pool(context) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(1, mp_context=context)

    def find(self, articles: dict[str, Article], units: dict[str, list[Unit]], normalizer: Normalizer
             ) -> _Delivered:
        if self.fork:
            import multiprocessing

            _FORKED["input"] = (articles, units, normalizer)
            self.pool = self._pool(multiprocessing.get_context("fork"))
            found = self.pool.submit(_forked_markers)  # forks as it submits
            _FORKED.clear()  # the copy has it
        else:
            assert self.pool is not None
            found = self.pool.submit(find_markers, articles, units, normalizer)
        return _Delivered(found)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)  # its exit overlaps the rest


def _idle_core() -> bool:
    """Whether a core is idle for a second process (a load average at most the cores less
    one, this process included): on a machine busy with other work the second one only takes
    time from this one (measured at 40 outlets on 2 cores: no faster at a load of 1.6-1.8,
    0.4 s slower at 3)."""
    try:
        return os.getloadavg()[0] <= (os.cpu_count() or 1) - 1
    except (OSError, AttributeError):  # no load average here
        return False


# What a forked process finds the markers of: set just before the fork, which copies it.
_FORKED: dict[str, tuple[dict[str, Article], dict[str, list[Unit]], Normalizer]] = {}


def _forked_markers() -> list[Marker]:
    return find_markers(*_FORKED["input"])


class _Delivered:
    """The markers another process is finding, waited for only when first read (collate reads
    them last, to score the slots)."""

    def __init__(self, future: Future[list[Marker]]):
        self._future = future

    def __iter__(self) -> Iterator[Marker]:
        return iter(self._future.result())


def compare(paths: Iterable[str | Path], settings: AlignSettings | None = None,
            progress: ProgressCallback | None = None, on_rows: RowsCallback | None = None,
            jobs: int = 1, on_units: UnitsCallback | None = None, forkable: bool = False) -> Comparison:
    """Load files or folders and analyse them as one event (``on_rows``, ``on_units``: see
    RowsCallback, UnitsCallback; ``jobs``, ``forkable``: see compare_articles).

    Files that cannot be read are listed in ``Comparison.problems``; the rest load.
    Raises ValueError when no article at all could be loaded, with the reasons.
    """
    if progress is not None:
        progress("reading files", 0.0)
    loaded = load_paths(paths)
    if not loaded.articles:
        reasons = "; ".join(str(p) for p in loaded.problems) or "no article files found"
        raise ValueError(f"no article could be loaded: {reasons}")
    return compare_articles(loaded.articles, loaded.problems, settings, progress, on_rows, jobs, on_units,
                            forkable)
