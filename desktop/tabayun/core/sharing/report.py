"""One self-contained HTML page of what was found in an event, to share or print.

The page needs no network and runs no code: styles are inline, the Noto Naskh Arabic
font and the charts are embedded as ``data:`` URIs, and a Content-Security-Policy
forbids scripts outright. Every string that comes from an article, a label, a file
name or an outlet goes through :func:`html.escape` (see :func:`_esc`), so an article
holding ``<script>`` shows it as text.

Sections: the outlets; the articles side by side claim by claim (where an outlet departs
from the majority reading, and markers, highlighted as in the window; labels marked on their
spans and listed under their row); the variants (the apparatus: readings and who has each);
the omission matrix; the term table; agreement figures; charts.
"""

from __future__ import annotations

import base64
import datetime as _dt
import html
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ... import __version__
from .. import resources
from ..analysis import categories
from ..files import atomic_write_bytes
from ..model import UnitKind
from .event_view import PRIORITY, EventView, Highlight, event_direction, text_direction, whole_words
from .headings import Headings
from .labeled_diffs import SpanIndex, labeled_table
from .summary import loaded_wording

if TYPE_CHECKING:
    from ..analysis.comparison import Comparison

# The window's highlight colours (tabayun.ui.colours holds them as QColors, which core
# cannot import): word choice strongest, spelling and punctuation faint.
CATEGORY_COLOURS = {
    "lexical": "#ffb347",
    "loaded_term": "#f4a6c6",
    "scare_quotes": "#d9c2f5",
    "attribution_verb": "#b9e4cf",
    "number": "#a9d2ff",
    "spelling": "#e4ecd9",
    "added_omitted": "#f2ead8",
    "rewording": "#efefef",
    "punctuation": "#ececec",
}
FONT_FAMILY = "Tabayun Naskh"
# The embedded font has Arabic only: Latin text and digits keep the reader's own font.
ARABIC_RANGES = "U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF"
EXCERPT_CHARS = 90
CHART_TYPES = {".svg": "image/svg+xml", ".png": "image/png"}
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"


def _esc(value: object) -> str:
    """Text for HTML content or a quoted attribute: nothing in it can become markup."""
    return html.escape("" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value),
                       quote=True)


# --- labels on the page ----------------------------------------------------------------

@dataclass(frozen=True)
class PlacedLabel:
    number: int  # shown as [n] on its span(s) and in the row's list
    line: dict  # the label's line of labeled_table()
    row: int | None  # position in EventView.rows of its first span; None: not placed
    problem: str = ""  # why it could not be placed


def _place_labels(view: EventView, labels: pd.DataFrame | None) -> tuple[list[PlacedLabel], dict]:
    """Number the labels and find their spans' cells.

    Returns the labels and, per cell ``(row position, doc_id)``, the spans to mark there
    as ``(start, end, number)`` in the cell's own offsets, widened to whole words. A span
    running past its cell is marked in that cell only (the first one it starts in).
    """
    if labels is None or labels.empty:
        return [], {}
    index = SpanIndex(view.comparison)
    placed: list[PlacedLabel] = []
    marks: dict[tuple[int, str], list[tuple[int, int, int]]] = defaultdict(list)
    for number, line in enumerate(labeled_table(view.comparison, labels).to_dict("records"), start=1):
        first = _find_cell(view, index, line["doc_id"], line["char_start"], line["char_end"], line["text"])
        other = _find_cell(view, index, line["other_doc_id"], line["other_start"], line["other_end"],
                           line["other_text"]) if line["other_doc_id"] else None
        for found, doc in ((first, line["doc_id"]), (other, line["other_doc_id"])):
            if isinstance(found, tuple):
                row, start, end = found
                marks[(row, doc)].append((start, end, number))
        if isinstance(first, tuple):
            placed.append(PlacedLabel(number, line, first[0]))
        else:
            placed.append(PlacedLabel(number, line, None, first))
    return placed, marks


def _find_cell(view: EventView, index: SpanIndex, doc: str, start: object, end: object,
               text: str) -> tuple[int, int, int] | str:
    """``(row position, start, end in the cell)`` of a span, or why it is not on the page."""
    start, end = _int(start), _int(end)
    problem = index.problem(doc, start, end, text)
    if problem:
        return problem
    row_id = index.row_id(doc, start, end)
    if row_id is None:
        return "the span is outside the compared claims (page furniture or metadata)"
    row = view.row_index(row_id)
    cell = view.cell(row, doc)
    return (row, *whole_words(cell.text, max(start, cell.start) - cell.start, min(end, cell.end) - cell.start))


def _int(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _label_title(label: PlacedLabel) -> str:
    line = label.line
    return f"[{label.number}] {line['code']}" + (f": {line['note']}" if line["note"] else "")


# --- cells ------------------------------------------------------------------------------

def _cell_html(text: str, highlights: list[Highlight], marks: list[tuple[int, int, int]],
               titles: dict[int, str]) -> str:
    """The cell's words, escaped, with highlight spans and label marks ([n] after each)."""
    cuts = sorted({0, len(text)} | {p for h in highlights for p in (h.start, h.end)}
                  | {p for s, e, _ in marks for p in (s, e)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = _esc(text[a:b])
        category = next((h.category for h in highlights if h.start <= a and h.end >= b), None)
        if category:
            piece = f'<span class="hl hl-{category}" title="{_esc(categories.label(category))}">{piece}</span>'
        numbers = [n for s, e, n in marks if s <= a and e >= b]
        if numbers:
            title = _esc(" · ".join(titles[n] for n in numbers))
            piece = f'<mark class="label" title="{title}">{piece}</mark>'
        out.append(piece)
        out += [f'<sup class="ref">[{n}]</sup>' for s, e, n in marks if e == b]
    return "".join(out)


def _label_item(label: PlacedLabel) -> str:
    line = label.line
    words = f'<bdi class="outlet">{_esc(line["outlet"])}</bdi> «<bdi>{_esc(line["text"])}</bdi>»'
    if line["other_doc_id"]:
        other = f" «<bdi>{_esc(line['other_text'])}</bdi>»" if line["other_text"] else ""
        words += f' ↔ <bdi class="outlet">{_esc(line["other_outlet"] or line["other_doc_id"])}</bdi>{other}'
    note = f' — <bdi>{_esc(line["note"])}</bdi>' if line["note"] else ""
    who = ", ".join(_esc(v) for v in (line["annotator"], line["confidence"] and f"confidence {line['confidence']}",
                                      line["difference_category"]) if v)
    problem = f' <span class="problem">(not placed: {_esc(label.problem)})</span>' if label.problem else ""
    return (f'<li><span class="ref">[{label.number}]</span> <b class="code"><bdi>{_esc(line["code"])}</bdi></b> '
            f'{words}{note}{f" <small>(<bdi>{who}</bdi>)</small>" if who else ""}{problem}</li>')


# --- sections ----------------------------------------------------------------------------

def _title(comparison: Comparison, h: Headings) -> str:
    """The event's headline row as the first outlet wrote it, else the first article's title."""
    if comparison.rows and comparison.rows[0].kind is UnitKind.HEADLINE:
        return next(iter(comparison.rows[0].units.values()))[0].text
    first = next(iter(comparison.articles.values()))
    return first.title or h("{n} articles about one event", n=len(comparison.articles))


def _outlets_section(comparison: Comparison, h: Headings) -> str:
    overlap = {o.doc_id: o for o in comparison.overlap()}
    with_urls = any(a.url for a in comparison.articles.values())
    rows = []
    for doc, article in comparison.articles.items():
        o = overlap[doc]
        source = ""
        if with_urls:
            # only web links become links: a "javascript:" URL stays text
            url = article.url or ""
            link = f'<a href="{_esc(url)}" rel="noreferrer noopener">{_esc(url)}</a>' \
                if url.lower().startswith(("http://", "https://")) else _esc(url)
            source = f'<td dir="ltr" class="url">{link}</td>'
        note = f'<span class="problem">{h("shares little with the others: probably another event")}</span>' \
            if o.other_event else ""
        rows.append(
            f'<tr><td dir="auto">{_esc(article.outlet)}</td><td dir="ltr"><code>{_esc(doc)}</code></td>'
            f'<td>{_esc(article.date or "")}</td><td>{o.claims}</td><td>{o.shared} ({o.overlap:.0%})</td>'
            f'{source}<td>{note}</td></tr>')
    source_head = f"<th>{h('Source')}</th>" if with_urls else ""
    return (f'<section id="outlets"><h2 dir="auto">{h("Outlets")}</h2><table class="facts"><thead><tr>'
            f'<th>{h("Outlet")}</th><th>{h("Article")}</th><th>{h("Date")}</th><th>{h("Claims")}</th>'
            f'<th>{h("Shared with others")}</th>{source_head}<th></th></tr>'
            f'</thead><tbody>{"".join(rows)}</tbody></table></section>')


def _loaded_section(comparison: Comparison, h: Headings) -> str:
    """Per outlet: how loaded its own wording is (markers in its voice, not those it quotes)."""
    rows = loaded_wording(comparison)
    if not any(r.markers or r.quoted for r in rows):
        return ""
    body = []
    for r in sorted(rows, key=lambda r: -r.per_1000_words):
        top = "، ".join(f"{t} ×{n}" if n > 1 else t for t, n in r.top_terms)
        body.append(f'<tr><td dir="auto">{_esc(r.outlet)}</td><td>{r.markers}</td><td>{r.per_1000_words:.1f}</td>'
                    f'<td>{r.quoted}</td><td dir="auto">{_esc(top)}</td></tr>')
    hint = h("Loaded terms, scare quotes and judging attribution verbs in each outlet's own voice (its sentences "
             "and its paraphrases of others); words it quotes are counted apart.")
    return (f'<section id="loaded"><h2 dir="auto">{h("Loaded wording")}</h2><p class="hint" dir="auto">{_esc(hint)}'
            f'</p><table class="facts"><thead><tr><th>{h("Outlet")}</th><th>{h("Markers")}</th>'
            f'<th>{h("Per 1000 words")}</th><th>{h("In quotes")}</th><th>{h("Top terms")}</th></tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></section>')


def _legend(view: EventView, h: Headings) -> str:
    counts = view.category_counts()
    # an Arabic event's legend in Arabic; an English one names each category in both languages
    items = [
        f'<li><span class="hl hl-{c}">{_esc(categories.label(c, h.language))}</span> '
        + ("" if h.language == "ar" else f'<span dir="rtl" lang="ar">{_esc(categories.label(c, "ar"))}</span> ')
        + f'<small>({counts.get(c, 0)})</small></li>'
        for c in PRIORITY
    ]
    items.append(f'<li><mark class="label">{h("labelled span")}</mark><sup class="ref">[n]</sup></li>')
    items.append(f'<li><span class="omitted-swatch">{h("not reported")}</span> {h("claim the others report")}</li>')
    return f'<ul class="legend">{"".join(items)}</ul>'


def _claims_section(view: EventView, placed: list[PlacedLabel], marks: dict, h: Headings) -> str:
    comparison = view.comparison
    titles = {p.number: _label_title(p) for p in placed}
    by_row: dict[int, list[PlacedLabel]] = defaultdict(list)
    for p in placed:
        if p.row is not None:
            by_row[p.row].append(p)
    head = "".join(f'<th dir="auto">{_esc(comparison.outlet(d))}<br><code dir="ltr">{_esc(d)}</code></th>'
                   for d in view.doc_ids)
    body = []
    for i, row in enumerate(view.rows):
        omission = view.is_omission(i)
        cells = []
        for doc in view.doc_ids:
            cell = view.cell(i, doc)
            if cell is None:
                cls, text = ("omitted", h("not reported")) if omission else ("absent", "")
                cells.append(f'<td class="{cls}">{text}</td>')
                continue
            content = _cell_html(cell.text, view.cell_highlights(i, doc), marks.get((i, doc), []), titles)
            cells.append(f'<td dir="{view.cell_direction(i, doc)}"{_lang(comparison, doc)}>{content}</td>')
        kind = ' class="headline"' if view.is_headline(i) else ""
        body.append(f'<tr{kind}><th class="rowno">{row.row_id}</th>{"".join(cells)}</tr>')
        if by_row.get(i):
            items = "".join(_label_item(p) for p in by_row[i])
            body.append(f'<tr class="row-labels"><td></td><td colspan="{len(view.doc_ids)}">'
                        f'<ul class="label-list">{items}</ul></td></tr>')
    return (f'<section id="claims"><h2 dir="auto">{h("Claim by claim")}</h2>' + _legend(view, h)
            + f'<table class="claims"><colgroup><col class="rowno">{"<col>" * len(view.doc_ids)}</colgroup>'
            + f'<thead><tr><th class="rowno">#</th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></section>')


def _lang(comparison: Comparison, doc: str) -> str:
    language = comparison.articles[doc].language
    return f' lang="{_esc(language)}"' if language else ""


def _omission_section(view: EventView, h: Headings) -> str:
    comparison = view.comparison
    head = "".join(f'<th dir="auto">{_esc(comparison.outlet(d))}</th>' for d in view.doc_ids)
    body, totals = [], dict.fromkeys(view.doc_ids, 0)
    for i, row in enumerate(view.rows):
        if view.is_headline(i):
            continue
        first = view.cell(i, next(iter(row.units)))
        excerpt = " ".join(first.text.split())
        excerpt = excerpt if len(excerpt) <= EXCERPT_CHARS else excerpt[:EXCERPT_CHARS].rstrip() + "…"
        marks = []
        for doc in view.doc_ids:
            present = doc in row.units
            totals[doc] += present
            marks.append('<td class="yes">✓</td>' if present else '<td class="no">—</td>')
        cls = ' class="omission"' if view.is_omission(i) else ""
        body.append(f'<tr{cls}><th class="rowno">{row.row_id}</th>'
                    f'<td dir="{text_direction(excerpt)}" class="excerpt">{_esc(excerpt)}</td>'
                    f'<td class="count">{len(row.units)}</td>{"".join(marks)}</tr>')
    foot = "".join(f"<td>{totals[d]}</td>" for d in view.doc_ids)
    hint = h("Which outlet reports which claim. Highlighted: claims two or more outlets report and another leaves out.")
    return (f'<section id="omissions"><h2 dir="auto">{h("Omission matrix")}</h2><p class="hint" dir="auto">{hint}</p>'
            f'<table class="matrix"><thead><tr><th class="rowno">#</th><th>{h("Claim")}</th><th>{h("Outlets")}</th>'
            f'{head}</tr></thead><tbody>{"".join(body)}</tbody><tfoot><tr><th></th><th>{h("Claims reported")}</th>'
            f'<td></td>{foot}</tr></tfoot></table></section>')


def _terms_section(comparison: Comparison, h: Headings) -> str:
    if not comparison.terms:
        return (f'<section id="terms"><h2 dir="auto">{h("Term table")}</h2><p dir="auto">'
                f'{h("No term pairs in this event.")}</p></section>')
    head = "".join(f'<th dir="auto">{_esc(comparison.outlet(d))}</th>' for d in comparison.doc_ids)
    body = []
    for t in comparison.terms:
        cells = []
        for doc in comparison.doc_ids:
            words = [f'<span class="term-a">{_esc(t.term_a)}{_times(t.by_doc_a.get(doc, 0))}</span>'
                     if t.by_doc_a.get(doc) else "",
                     f'<span class="term-b">{_esc(t.term_b)}{_times(t.by_doc.get(doc, 0))}</span>'
                     if t.by_doc.get(doc) else ""]
            cells.append(f'<td dir="auto">{" ".join(w for w in words if w)}</td>')
        body.append(f'<tr><td dir="auto" class="term-a">{_esc(t.term_a)}</td><td dir="auto" class="term-b">'
                    f'{_esc(t.term_b)}</td><td>{_esc(categories.label(t.category, h.language))}</td><td>{t.count}</td>'
                    f'{"".join(cells)}</tr>')
    sep = "، " if h.language == "ar" else ", "
    return (f'<section id="terms"><h2 dir="auto">{h("Term table")}</h2><p class="hint" dir="auto">'
            f'{h("Terms the outlets traded for each other:")} <span class="term-a">{h("the wording more outlets use")}'
            f'</span>{sep}<span class="term-b">{h("the marked choice")}</span>; '
            f'{h("per outlet, what it wrote (× rows when more than one).")}</p>'
            f'<table class="terms"><thead><tr><th>{h("Common wording")}</th><th>{h("Marked wording")}</th>'
            f'<th>{h("Category")}</th><th>{h("Rows")}</th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
            '</section>')


def _times(n: int) -> str:
    return f" ×{n}" if n > 1 else ""


def _labels_section(placed: list[PlacedLabel], h: Headings) -> str:
    if not placed:
        return ""
    unplaced = [p for p in placed if p.row is None]
    codes = pd.Series([p.line["code"] for p in placed]).value_counts()
    summary = "".join(f'<li><b dir="auto">{_esc(code)}</b> {n}</li>' for code, n in codes.items())
    missing = ""
    if unplaced:
        missing = (f'<h3 dir="auto">{h("Labels not placed on the page")}</h3><ul class="label-list">'
                   + "".join(_label_item(p) for p in unplaced) + "</ul>")
    count = h("{n} labels, shown on their spans above and listed under their row.", n=len(placed))
    return (f'<section id="labels"><h2 dir="auto">{h("Labels")}</h2><p dir="auto">{count}</p>'
            f'<ul class="codes">{summary}</ul>{missing}</section>')


def _agreement_section(lines: list[str] | None, h: Headings) -> str:
    if not lines:
        return ""
    body = "".join(f'<div dir="auto">{_esc(line) or "&nbsp;"}</div>' for line in lines)
    return (f'<section id="agreement"><h2 dir="auto">{h("Agreement between annotators")}</h2>'
            f'<div class="figures">{body}</div></section>')


def _charts_section(charts: dict[str, str] | None, h: Headings) -> str:
    if not charts:
        return ""
    figures = []
    for title, path in charts.items():
        path = Path(path)
        mime = CHART_TYPES.get(path.suffix.lower())
        if mime is None:
            raise ValueError(f"chart {path} is neither SVG nor PNG")
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        # <img>, not inline <svg>: an image cannot run anything an SVG might hold.
        figures.append(f'<figure><img alt="{_esc(title)}" src="data:{mime};base64,{data}">'
                       f'<figcaption dir="auto">{_esc(title)}</figcaption></figure>')
    return f'<section id="charts"><h2 dir="auto">{h("Charts")}</h2>{"".join(figures)}</section>'


# --- the page ------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _font_faces() -> str:
    faces = []
    for weight, name in ((400, "NotoNaskhArabic-Regular.ttf"), (700, "NotoNaskhArabic-Bold.ttf")):
        data = base64.b64encode(resources.resource("fonts", name).read_bytes()).decode("ascii")
        faces.append(f'@font-face{{font-family:"{FONT_FAMILY}";font-weight:{weight};'
                     f'src:url(data:font/ttf;base64,{data}) format("truetype");unicode-range:{ARABIC_RANGES};}}')
    return "\n".join(faces)


def _style() -> str:
    colours = "\n".join(f".hl-{c}{{background:{v};}}" for c, v in CATEGORY_COLOURS.items())
    return f"""{_font_faces()}
:root{{--line:#d0d4da;--muted:#6b7480;--label:#2f6fd6;}}
body{{font-family:"{FONT_FAMILY}","Segoe UI",system-ui,"Noto Sans","DejaVu Sans",sans-serif;margin:24px;
color:#1d1d1f;line-height:1.6;font-size:15px;}}
h1{{font-size:1.6em;margin:0 0 .2em;}} h2{{margin-top:1.8em;border-bottom:2px solid var(--line);}}
.meta,.hint,small{{color:var(--muted);}} code{{font-size:.8em;color:var(--muted);}}
table{{border-collapse:collapse;}} th,td{{border:1px solid var(--line);padding:6px 8px;vertical-align:top;}}
thead th{{background:#f1f4f8;position:sticky;top:0;z-index:1;}}
table.claims{{table-layout:fixed;width:100%;}} col.rowno{{width:3em;}}
table.claims td{{white-space:pre-line;overflow-wrap:anywhere;text-align:start;}}
th.rowno{{color:var(--muted);font-weight:normal;background:#f7f8fa;}}
tr.headline td{{font-weight:bold;background:#eef2f7;}}
td.absent{{background:#fafafa;}}
td.omitted{{background:repeating-linear-gradient(135deg,#f6f6f6 0 6px,#e4e4e4 6px 8px);color:#8a8a8a;
text-align:center;vertical-align:middle;font-style:italic;}}
.omitted-swatch{{background:repeating-linear-gradient(135deg,#f6f6f6 0 6px,#e4e4e4 6px 8px);color:#8a8a8a;
padding:0 .4em;font-style:italic;}}
.hl{{border-radius:3px;padding:0 1px;box-decoration-break:clone;-webkit-box-decoration-break:clone;}}
{colours}
mark.label{{background:transparent;color:inherit;border-bottom:2px solid var(--label);}}
sup.ref,span.ref{{color:var(--label);font-size:.72em;font-weight:bold;}}
tr.row-labels td{{background:#f5f8fd;border-top:none;}}
ul.label-list{{list-style:none;margin:0;padding:0;}}
ul.readings{{list-style:none;margin:0;padding:0;}}
.problem{{color:#a13a2f;}} .outlet{{color:var(--muted);}}
ul.legend,ul.codes{{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4em 1.4em;}}
table.matrix td.yes{{color:#2d6a2d;text-align:center;}} table.matrix td.no{{color:#b0b0b0;text-align:center;}}
table.matrix tr.omission td.no{{background:#fde9e7;color:#a13a2f;}}
table.matrix td.excerpt{{max-width:34em;}} table.matrix td.count{{text-align:center;color:var(--muted);}}
.term-a{{background:#dcebff;border-radius:3px;padding:0 3px;}}
.term-b{{background:#ffd9a6;border-radius:3px;padding:0 3px;}}
.figures{{font-family:"{FONT_FAMILY}",ui-monospace,"DejaVu Sans Mono",monospace;white-space:pre-wrap;background:#f7f8fa;
padding:.8em;border:1px solid var(--line);}}
figure{{margin:1.5em 0;text-align:center;}} figure img{{max-width:100%;height:auto;border:1px solid var(--line);}}
figcaption{{color:var(--muted);}}
td.url{{font-size:.85em;overflow-wrap:anywhere;max-width:24em;}}
@media print{{thead th{{position:static;}} tr{{break-inside:avoid;}} body{{margin:0;font-size:11px;}}}}
"""


# The variants worth a reader's look in the apparatus section (the rest is in the grid).
APPARATUS_CATEGORIES = ("lexical", "number", "spelling")


def _apparatus_section(view: EventView, h: Headings) -> str:
    """The apparatus, one line per slot of a word choice, number or spelling: each reading
    with the outlets that have it, the majority first (as a critical apparatus lists them)."""
    comparison = view.comparison
    slots = sorted((s for s in comparison.slots if s.category in APPARATUS_CATEGORIES),
                   key=lambda s: (APPARATUS_CATEGORIES.index(s.category), -s.score, s.row_id, s.slot_id))
    if not slots:
        return (f'<section id="apparatus"><h2 dir="auto">{h("Variants")}</h2><p dir="auto">'
                f'{h("No word choice, number or spelling variant in this event.")}</p></section>')
    body = []
    for slot in slots:
        readings = []
        for r in slot.readings:
            outlets = ", ".join(f"<bdi>{_esc(comparison.outlet(d))}</bdi>" for d in r.doc_ids)
            words = f'<span class="hl hl-{slot.category}">{_esc(r.text)}</span>' if not r.majority else _esc(r.text)
            note = f" <small>({h('majority')})</small>" if r.majority else ""
            readings.append(f'<li dir="auto">«{words or "…"}» ← {outlets}{note}</li>')
        body.append(f'<tr><td>{slot.row_id}</td><td>{_esc(categories.label(slot.category, h.language))}</td>'
                    f'<td>{slot.score:.2f}</td><td><ul class="readings">{"".join(readings)}</ul></td></tr>')
    hint = h("Where the outlets' wordings of a claim part: each reading and the outlets that have it; the departing "
             "readings marked.")
    return (f'<section id="apparatus"><h2 dir="auto">{h("Variants")}</h2><p class="hint" dir="auto">{_esc(hint)}</p>'
            f'<table class="apparatus"><thead><tr><th>{h("Row")}</th><th>{h("Category")}</th><th>{h("Score")}</th>'
            f'<th>{h("Readings")}</th></tr></thead><tbody>{"".join(body)}</tbody></table></section>')


def render_report(comparison: Comparison, labels: pd.DataFrame | None,
                  agreement_lines: list[str] | None = None, charts: dict[str, str] | None = None) -> str:
    """The event's report as one HTML document (a string).

    ``labels`` is the labels.csv frame (None or empty: no labels shown);
    ``agreement_lines`` are shown as they are; ``charts`` maps a caption to a PNG or SVG
    file, embedded in the page.
    """
    view = EventView(comparison)
    placed, marks = _place_labels(view, labels)
    direction = event_direction(comparison)
    h = Headings.for_event(comparison)  # headings in the event's language
    title = _title(comparison, h)
    outlets = " · ".join(f"<bdi>{_esc(a.outlet)}</bdi>" for a in comparison.articles.values())
    languages = {a.language for a in comparison.articles.values()}
    lang = f' lang="{_esc(languages.pop())}"' if len(languages) == 1 and None not in languages else ""
    made = f"Tabayun {__version__}, {_dt.date.today().isoformat()}"
    return "".join([
        f'<!DOCTYPE html>\n<html dir="{direction}"{lang}><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(title)}</title><style>{_style()}</style></head><body>",
        f'<header><h1 dir="auto">{_esc(title)}</h1><p class="meta">{outlets}</p><p class="meta" dir="ltr">{_esc(made)}</p></header>',
        _outlets_section(comparison, h),
        _loaded_section(comparison, h),
        _claims_section(view, placed, marks, h),
        _apparatus_section(view, h),
        _labels_section(placed, h),
        _omission_section(view, h),
        _terms_section(comparison, h),
        _agreement_section(agreement_lines, h),
        _charts_section(charts, h),
        "</body></html>\n",
    ])


def write_report(html_text: str, path: str | Path) -> Path:
    """Write the report atomically, UTF-8."""
    atomic_write_bytes(path, html_text.encode("utf-8"))
    return Path(path)
