"""A short plain-text account of a comparison, for the terminal and logs, and the
per-outlet "loaded wording" figures that the report and a chart show too."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..analysis.markers import SCARE_QUOTES
from ..analysis.normalize import tokenize

if TYPE_CHECKING:  # a type only: the analysis is imported by whoever made the comparison
    from ..analysis.comparison import Comparison

TOP_CANDIDATES = 8
TOP_TERMS = 5


@dataclass(frozen=True)
class LoadedWording:
    """How loaded one outlet's own wording is: the markers in its voice (its own sentences
    and its paraphrases of others; not the words it quotes)."""

    doc_id: str
    outlet: str
    words: int  # words in the article's headlines and sentences
    markers: int  # markers in the outlet's voice
    quoted: int  # markers inside quoted speech (not counted above)
    weight: float  # the markers' scores added up (strength x voice)
    top_terms: list[tuple[str, int]] = field(default_factory=list)  # (entry, times), most frequent first

    @property
    def per_1000_words(self) -> float:
        return 1000 * self.markers / self.words if self.words else 0.0


def loaded_wording(comparison: Comparison) -> list[LoadedWording]:
    """Per article, in event order: count, density and top terms of its loaded wording."""
    out = []
    for doc in comparison.doc_ids:
        text = comparison.articles[doc].text
        words = sum(len(tokenize(text, u.start, u.end)) for u in comparison.units.get(doc, ()))
        mine = [m for m in comparison.markers if m.doc_id == doc]
        own = [m for m in mine if m.own_voice]
        terms = Counter(f"«{m.entry.removeprefix('quoted: ')}»" if m.category == SCARE_QUOTES else m.entry
                        for m in own)
        out.append(LoadedWording(doc, comparison.outlet(doc), words, len(own), len(mine) - len(own),
                                 round(sum(m.score for m in own), 2), terms.most_common(TOP_TERMS)))
    return out


def loaded_wording_lines(comparison: Comparison) -> list[str]:
    rows = loaded_wording(comparison)
    if not any(r.markers or r.quoted for r in rows):
        return []
    lines = ["Loaded wording in each outlet's own voice (markers, per 1000 words, top terms; quoted speech apart):"]
    for r in sorted(rows, key=lambda r: -r.per_1000_words):
        top = ", ".join(f"{t} ×{n}" if n > 1 else t for t, n in r.top_terms) or "-"
        lines.append(f"  {r.doc_id}  {r.outlet}: {r.markers} ({r.per_1000_words:.1f} per 1000 words; "
                     f"{r.quoted} more in quotes)  {top}")
    return lines


def summary_lines(comparison: Comparison) -> list[str]:
    claims = comparison.claim_rows()
    shared = sum(1 for r in claims if len(r.units) > 1)
    lines = [
        f"Articles: {len(comparison.articles)}    rows: {len(comparison.rows)} "
        f"({len(comparison.rows) - len(claims)} headline rows, {len(claims)} claims)",
        f"Claims reported by 2+ outlets: {shared}",
        f"Claims only one outlet reports: {len(claims) - shared}",
        "",
        "Per outlet (claims, shared with another outlet, only here):",
    ]
    alone = Counter(next(iter(r.units)) for r in claims if len(r.units) == 1)
    for o in comparison.overlap():
        art = comparison.articles[o.doc_id]
        note = "  <- shares little with the others: probably another event" if o.other_event else ""
        enc = f", {art.encoding}" if art.encoding else ""
        lines.append(f"  {o.doc_id}  {art.outlet}: {o.claims} claims, {o.shared} shared "
                     f"({o.overlap:.0%}), {alone[o.doc_id]} only here{enc}{note}")
    if comparison.differences:
        by_cat = Counter(d.category for d in comparison.differences)
        lines += ["", "Differences by category: " + ", ".join(f"{c} {n}" for c, n in by_cat.most_common())]
        top, seen = [], set()
        for d in sorted(comparison.differences, key=lambda d: (-d.score, d.row_id, d.doc_a, d.doc_b)):
            pair = frozenset((d.a_text, d.b_text))
            if d.category == "lexical" and d.kind == "substitution" and pair not in seen:
                seen.add(pair)
                top.append(d)
        if top:
            lines.append("Top framing candidates (one line per word pair, best score):")
            lines += [f"  row {d.row_id}  {d.doc_a} «{d.a_text}»  /  {d.doc_b} «{d.b_text}»  ({d.score:.2f})"
                      for d in top[:TOP_CANDIDATES]]
    if comparison.markers:
        by_cat = Counter(m.category for m in comparison.markers)
        by_voice = Counter(m.voice for m in comparison.markers)
        lines.append("Markers: " + ", ".join(f"{c} {n}" for c, n in by_cat.most_common())
                     + "  (voice: " + ", ".join(f"{v} {n}" for v, n in by_voice.most_common()) + ")")
        lines += [""] + loaded_wording_lines(comparison)
    if comparison.problems:
        lines += ["", f"Files skipped: {len(comparison.problems)}"] + [f"  {p}" for p in comparison.problems]
    return lines
