"""``across/report.html``: the tables across events as one self-contained page, in the
style of an event's report (core/sharing/report.py: its styles and embedded font, no
script, every value escaped), right to left for an Arabic corpus."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING

from ... import __version__
from ..files import atomic_write_bytes
from ..sharing.headings import Headings
from ..sharing.report import CSP, _charts_section, _esc, _style
from .patterns import ALWAYS, MIXED, ONCE, ONE_EVENT, is_omission, omissions, term_patterns

if TYPE_CHECKING:
    import pandas as pd

    from .across_values import AcrossTables

MAX_REPORT_TERMS = 60  # terms_by_outlet.csv holds them all
MAX_MATRIX_EVENTS = 200
ACROSS_STYLE = """
table.facts td.num{text-align:end;font-variant-numeric:tabular-nums;}
td.pattern-always{background:#ffe3bf;} td.pattern-once{background:#e8f1ff;}
tr.term-first td{border-top:2px solid #9aa3ad;}
"""


def _share(line: pd.Series | None, css: str) -> str:
    """The reading (coloured as in the event's term table) in k of n events, and the interval."""
    if line is None:
        return ""
    return (f'<span class="{css}" dir="auto">{_esc(line["reading"])}</span> {int(line["with_reading"])}/'
            f'{int(line["events"])} <small>({line["ci_low"]:.0%}–{line["ci_high"]:.0%})</small>')


def _terms_section(terms: pd.DataFrame, min_events: int, h: Headings) -> str:
    order = list(dict.fromkeys(terms["term"]))
    if not order:
        return (f'<section id="terms"><h2 dir="auto">{h("Word choices across events")}</h2><p dir="auto">'
                f'{h("No word choice recurs across events")}.</p></section>')
    shown = terms[terms["term"].isin(order[:MAX_REPORT_TERMS])]
    ci = {(row["term"], row["outlet"], row["reading"]): row for _, row in shown.iterrows()}
    spans = shown.groupby("term", sort=False)["outlet"].nunique()
    body, last = [], None
    for p in term_patterns(shown).itertuples(index=False):
        first = p.term != last
        last = p.term
        words = {ALWAYS: h("always «{reading}»", reading=p.pattern_reading),
                 ONCE: h("«{reading}» once", reading=p.pattern_reading),
                 MIXED: h("mixed"), ONE_EVENT: h("one event only")}[p.pattern]
        head = f'<td dir="auto" rowspan="{spans[p.term]}"><b>{_esc(p.term)}</b></td>' if first else ""
        cls = ' class="term-first"' if first else ""
        cells = "".join(f'<td>{_share(ci.get((p.term, p.outlet, r)), css)}</td>'
                        for r, css in ((p.first, "term-a"), (p.second, "term-b")))
        body.append(f'<tr{cls}>{head}<td dir="auto">{_esc(p.outlet)}</td><td class="num">{p.events}</td>{cells}'
                    f'<td dir="auto" class="pattern-{p.pattern.replace(" ", "-")}">{_esc(words)}</td></tr>')
    more = ""
    if len(order) > MAX_REPORT_TERMS:
        more = f'<p class="hint" dir="auto">{h("{n} more in terms_by_outlet.csv", n=len(order) - MAX_REPORT_TERMS)}</p>'
    hint = h("Each term is a pair of readings some slot opposes in {n} events or more. Per outlet: the events where "
             "it wrote one of them (n), and in how many of those it wrote each (k/n, 95 % interval).", n=min_events)
    return (f'<section id="terms"><h2 dir="auto">{h("Word choices across events")}</h2>'
            f'<p class="hint" dir="auto">{_esc(hint)}</p><table class="facts"><thead><tr><th>{h("Term")}</th>'
            f'<th>{h("Outlet")}</th><th>{h("Events")}</th><th>{h("First reading")}</th><th>{h("Second reading")}</th>'
            f'<th>{h("Pattern")}</th></tr></thead><tbody>{"".join(body)}</tbody></table>{more}</section>')


def _coverage_section(cover: pd.DataFrame, matrix: pd.DataFrame, h: Headings) -> str:
    left_out = omissions(matrix)
    hint = h("Left out: events half the outlets or more report (two at least) and this outlet does not.")
    body = "".join(
        f'<tr><td dir="auto">{_esc(r.outlet)}</td><td class="num">{r.events}</td><td class="num">{r.share:.0%}</td>'
        f'<td class="num">{r.compared_events}</td><td class="num">{r.sole_reporter}</td>'
        f'<td class="num">{left_out.get(r.outlet, 0)}</td></tr>'
        for r in cover.itertuples(index=False))
    return (f'<section id="coverage"><h2 dir="auto">{h("Coverage")}</h2><table class="facts"><thead><tr>'
            f'<th>{h("Outlet")}</th><th>{h("Events")}</th><th>{h("Share of all events")}</th>'
            f'<th>{h("Compared")}</th><th>{h("Only this outlet")}</th><th>{h("Left out")}</th></tr></thead>'
            f'<tbody>{body}</tbody></table><p class="hint" dir="auto">{_esc(hint)}</p></section>')


def _matrix_section(matrix: pd.DataFrame, h: Headings) -> str:
    outlets = list(matrix.columns[1:])
    if len(matrix) > MAX_MATRIX_EVENTS:
        return (f'<section id="omissions"><h2 dir="auto">{h("Which outlet reports which event")}</h2>'
                f'<p dir="auto">{h("{n} events: see coverage_matrix.csv", n=len(matrix))}</p></section>')
    head = "".join(f'<th dir="auto">{_esc(o)}</th>' for o in outlets)
    body = []
    for line in matrix.itertuples(index=False):
        marks = "".join('<td class="yes">✓</td>' if v else '<td class="no">—</td>' for v in line[1:])
        reported = sum(line[1:])
        cls = ' class="omission"' if is_omission(reported, len(outlets)) else ""
        body.append(f'<tr{cls}><th class="rowno" dir="ltr">{_esc(line[0])}</th><td class="count">{reported}</td>'
                    f'{marks}</tr>')
    hint = h("Highlighted: events half the outlets or more report (two at least) and another leaves out.")
    return (f'<section id="omissions"><h2 dir="auto">{h("Which outlet reports which event")}</h2>'
            f'<p class="hint" dir="auto">{hint}</p><table class="matrix"><thead><tr><th>{h("Event")}</th>'
            f'<th>{h("Outlets")}</th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></section>')


def _loaded_section(loaded: pd.DataFrame, h: Headings) -> str:
    body = "".join(
        f'<tr><td dir="auto">{_esc(r.outlet)}</td><td class="num">{r.words:,}</td><td class="num">{r.loaded}</td>'
        f'<td class="num">{_rate(r.rate)}</td><td class="num">{_rate(r.ci_low)}–{_rate(r.ci_high)}</td></tr>'
        for r in loaded.itertuples(index=False))
    hint = h("Loaded terms in each outlet's own voice (quoted speech left out), per 1000 words of its articles' "
             "headlines and sentences, with the 95 % interval.")
    return (f'<section id="loaded"><h2 dir="auto">{h("Loaded wording")}</h2><p class="hint" dir="auto">{_esc(hint)}'
            f'</p><table class="facts"><thead><tr><th>{h("Outlet")}</th><th>{h("Words")}</th>'
            f'<th>{h("Loaded terms")}</th><th>{h("Per 1000 words")}</th><th>{h("95 % interval")}</th></tr></thead>'
            f'<tbody>{body}</tbody></table></section>')


def _rate(value: float) -> str:
    return "" if value != value else f"{value:.2f}"  # NaN: an outlet with no words


CHART_CAPTIONS = {
    "terms_by_outlet": "Word choices across events",
    "coverage": "Coverage: the events each outlet reports",
    "coverage_matrix": "Which outlet reports which event",
    "loaded_by_outlet": "Loaded wording per outlet across events",
}


def render_across_report(tables: AcrossTables, charts: dict[str, Path]) -> str:
    """The page (a string); ``charts``: PNG files by stem (those of across_charts)."""
    h = Headings(tables.language)
    direction = "rtl" if tables.language == "ar" else "ltr"
    title = h("Across {events} events", events=tables.events)
    meta = h("{events} events, {outlets} outlets", events=tables.events, outlets=tables.outlets)
    outlets = " · ".join(f"<bdi>{_esc(o)}</bdi>" for o in tables.coverage["outlet"])
    made = f"Tabayun {__version__}, {_dt.date.today().isoformat()}"
    captions = {h(CHART_CAPTIONS.get(stem, stem)): path for stem, path in charts.items()}
    return "".join([
        f'<!DOCTYPE html>\n<html dir="{direction}" lang="{tables.language}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(title)}</title><style>{_style()}{ACROSS_STYLE}</style></head><body>",
        f'<header><h1 dir="auto">{_esc(title)}</h1><p class="meta">{_esc(meta)}</p><p class="meta">{outlets}</p>'
        f'<p class="meta" dir="ltr">{_esc(made)}</p></header>',
        _terms_section(tables.terms, tables.min_events, h),
        _coverage_section(tables.coverage, tables.matrix, h),
        _matrix_section(tables.matrix, h),
        _loaded_section(tables.loaded, h),
        _charts_section({c: str(p) for c, p in captions.items()}, h),
        "</body></html>\n",
    ])


def write_across_report(tables: AcrossTables, charts: dict[str, Path], path: Path) -> Path:
    atomic_write_bytes(path, render_across_report(tables, charts).encode("utf-8"))
    return Path(path)
