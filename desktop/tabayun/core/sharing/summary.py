"""A short plain-text account of a comparison, for the terminal and logs."""

from __future__ import annotations

from collections import Counter

from ..analysis.comparison import Comparison

TOP_CANDIDATES = 8


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
        lines.append("Markers: " + ", ".join(f"{c} {n}" for c, n in by_cat.most_common()))
    if comparison.problems:
        lines += ["", f"Files skipped: {len(comparison.problems)}"] + [f"  {p}" for p in comparison.problems]
    return lines
