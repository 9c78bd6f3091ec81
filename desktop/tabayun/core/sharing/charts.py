"""Charts of an event for papers and slides: codes per outlet, the term table as a heat
map, which outlet reports which claim.

Figures are built with :class:`matplotlib.figure.Figure` and the Agg canvas directly,
never pyplot, so nothing lands in pyplot's global figure list (and no GUI backend is
picked). Every string shown goes through :func:`chart_text`, and Arabic is drawn in the
Noto Naskh Arabic font shipped in ``resources/fonts``.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib
import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch
from matplotlib.figure import Figure
from packaging.version import Version  # a dependency of matplotlib

from .. import resources
from ..files import atomic_write_bytes
from .headings import Headings

if TYPE_CHECKING:
    from ..analysis.comparison import Comparison

ARABIC_FONT_FILES = ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")
# Arabic from the shipped font; Latin letters (which it lacks) from matplotlib's own.
FONT_FAMILY = ["Noto Naskh Arabic", "DejaVu Sans"]
# From this version matplotlib shapes and orders right-to-left text itself (libraqm).
SHAPES_ITSELF = (3, 11)
MAX_TERM_ROWS = 30
PNG_DPI = 150
# Same hues as the window's highlights (tabayun.ui.colours): common wording vs marked choice.
TERM_A_COLOUR, TERM_B_COLOUR, NEITHER_COLOUR = "#a9d2ff", "#ffb347", "#f4f4f4"


def chart_text(text: str) -> str:
    """``text`` as matplotlib must be given it to draw it right.

    matplotlib >= 3.11 shapes Arabic and lays out mixed-direction text itself: it wants
    plain logical-order text (pre-shaped text would come out reversed). Older versions
    draw characters one by one left to right: they need the letters' joined forms
    (arabic-reshaper) in visual order (python-bidi).
    """
    if Version(matplotlib.__version__).release[:2] >= SHAPES_ITSELF:
        return text
    import arabic_reshaper
    from bidi.algorithm import get_display

    return get_display(arabic_reshaper.reshape(text))


@lru_cache(maxsize=1)
def register_fonts() -> list[str]:
    """Make the shipped Arabic font known to matplotlib (once); returns the families to use."""
    for name in ARABIC_FONT_FILES:
        path = Path(str(resources.resource("fonts", name)))
        if path.is_file():  # a zipped install has no file to give FreeType: fall back
            font_manager.fontManager.addfont(str(path))
    return list(FONT_FAMILY)


def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _text_style() -> dict:
    return {"fontfamily": register_fonts()}


def _font_properties() -> font_manager.FontProperties:
    """For legends, which take font properties rather than text keywords."""
    return font_manager.FontProperties(family=register_fonts(), size="small")


def _outlet_labels(comparison: Comparison, doc_ids: list[str]) -> list[str]:
    return [chart_text(comparison.outlet(d)) for d in doc_ids]


# --- the charts ----------------------------------------------------------------------

def codes_per_outlet(labels: pd.DataFrame, comparison: Comparison) -> Figure:
    """Stacked bars: for each outlet, how many labels of each code its spans carry.

    A label counts for the outlet of its first span (``doc_id``), the one the annotator
    labelled; the other span of a pair is the comparison point. Raises ValueError when
    there are no labels to count.
    """
    h = Headings.for_event(comparison)  # headings in the event's language
    counts = _code_counts(labels, comparison)
    if counts.empty:
        raise ValueError("no labels to chart")
    style = _text_style()
    fig = _figure(10, 1.4 + 0.55 * len(counts.index))
    ax = fig.add_subplot()
    positions = np.arange(len(counts.index))
    left = np.zeros(len(counts.index))
    colours = matplotlib.colormaps["tab10"].colors
    for i, code in enumerate(counts.columns):
        values = counts[code].to_numpy()
        ax.barh(positions, values, left=left, color=colours[i % len(colours)], label=chart_text(code))
        left += values
    ax.set_yticks(positions, labels=[chart_text(o) for o in counts.index], **style)
    ax.invert_yaxis()  # first outlet on top
    ax.set_xlabel(chart_text(h("labels")), **style)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title(chart_text(h("Labels per outlet, by code")), **style)
    fig.legend(loc="outside right upper", prop=_font_properties(), frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def _code_counts(labels: pd.DataFrame, comparison: Comparison) -> pd.DataFrame:
    """Outlets (in event order, then any others) × codes, label counts."""
    if labels is None or labels.empty:
        return pd.DataFrame()
    docs = labels["doc_id"].astype(str)
    outlets = docs.map(lambda d: comparison.outlet(d) if d in comparison.articles else d)
    table = pd.crosstab(outlets, labels["code"].astype(str).replace("", "(no code)"))
    order = [comparison.outlet(d) for d in comparison.doc_ids if comparison.outlet(d) in table.index]
    order += [o for o in table.index if o not in order]
    return table.loc[order]


def term_heat_values(comparison: Comparison) -> tuple[list, np.ndarray, np.ndarray]:
    """The term pairs shown (at most :data:`MAX_TERM_ROWS`) and, per pair and outlet, how
    many rows it wrote the common wording (``term_a``) and the marked one (``term_b``)."""
    terms = comparison.terms[:MAX_TERM_ROWS]
    docs = comparison.doc_ids
    uses_a = np.array([[t.by_doc_a.get(d, 0) for d in docs] for t in terms], dtype=int).reshape(len(terms), len(docs))
    uses_b = np.array([[t.by_doc.get(d, 0) for d in docs] for t in terms], dtype=int).reshape(len(terms), len(docs))
    return terms, uses_a, uses_b


def term_heatmap(comparison: Comparison) -> Figure:
    """The term table as a grid: term pairs × outlets. Each cell shows the words the outlet
    wrote, coloured blue for the common wording (``term_a``), orange for the marked one."""
    h = Headings.for_event(comparison)  # headings in the event's language
    terms, uses_a, uses_b = term_heat_values(comparison)
    style = _text_style()
    docs = comparison.doc_ids
    fig = _figure(2.8 + 1.7 * len(docs), 1.9 + 0.42 * max(1, len(terms)))
    ax = fig.add_subplot()
    if not terms:
        ax.set_axis_off()
        ax.text(0.5, 0.5, chart_text(h("No term pairs in this event")), ha="center", va="center", **style)
        return fig
    # 0 neither, 1 common wording only, 2 marked wording (alone or with the common one)
    grid = np.where(uses_b > 0, 2, np.where(uses_a > 0, 1, 0))
    ax.imshow(grid, cmap=ListedColormap([NEITHER_COLOUR, TERM_A_COLOUR, TERM_B_COLOUR]), vmin=0, vmax=2,
              aspect="auto", interpolation="nearest")
    for (i, j), _ in np.ndenumerate(grid):
        words = [_times(terms[i].term_a, uses_a[i, j]), _times(terms[i].term_b, uses_b[i, j])]
        shown = " / ".join(w for w in words if w)
        if shown:
            ax.text(j, i, chart_text(shown), ha="center", va="center", fontsize=8, **style)
    ax.set_xticks(range(len(docs)), labels=_outlet_labels(comparison, docs), **style)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(terms)), labels=[chart_text(f"{t.term_a} / {t.term_b}") for t in terms],
                  fontsize=9, **style)
    ax.set_xticks(np.arange(-0.5, len(docs)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(terms)), minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="both", length=0)
    ax.spines[:].set_visible(False)
    ax.set_title(chart_text(h("Term pairs: the words each outlet wrote")), fontsize=11, **style)
    fig.legend(handles=[Patch(color=TERM_A_COLOUR, label=chart_text(h("common wording"))),
                        Patch(color=TERM_B_COLOUR, label=chart_text(h("marked wording (fewer outlets)")))],
               loc="outside lower center", ncols=2, frameon=False, prop=_font_properties())
    return fig


def _times(term: str, uses: int) -> str:
    """``term`` as written in a cell: nothing if unused, ``×n`` when used in several rows."""
    return "" if not uses else term if uses == 1 else f"{term} ×{uses}"


def coverage(comparison: Comparison) -> Figure:
    """Claims × outlets: a filled square where the outlet reports the claim."""
    h = Headings.for_event(comparison)  # headings in the event's language
    claims = comparison.claim_rows()
    docs = comparison.doc_ids
    style = _text_style()
    reported = np.array([[1 if d in row.units else 0 for d in docs] for row in claims], dtype=int)
    reported = reported.reshape(len(claims), len(docs))
    fig = _figure(2.2 + 1.5 * len(docs), 2.0 + 0.11 * max(1, len(claims)))
    ax = fig.add_subplot()
    ax.imshow(reported, cmap=ListedColormap([NEITHER_COLOUR, "#3b6ea8"]), vmin=0, vmax=1,
              aspect="auto", interpolation="nearest")
    ax.set_xticks(range(len(docs)), labels=[f"{o}\n({n})" for o, n in zip(_outlet_labels(comparison, docs),
                                                                          reported.sum(axis=0))], **style)
    ax.xaxis.tick_top()
    step = max(1, len(claims) // 20)
    ax.set_yticks(range(0, len(claims), step), labels=[str(claims[i].row_id) for i in range(0, len(claims), step)])
    ax.set_ylabel(chart_text(h("claim (row)")), **style)
    ax.set_title(chart_text(h("Which outlet reports which claim (claims reported in brackets)")), fontsize=11, **style)
    ax.spines[:].set_visible(False)
    return fig


def loaded_wording_chart(comparison: Comparison) -> Figure:
    """Bars: per outlet, loaded wording in its own voice per 1000 words (count and top term
    written on the bar); the words it quotes are left out."""
    h = Headings.for_event(comparison)  # headings in the event's language
    from .summary import loaded_wording  # here, not on top: charts stays importable without the analysis

    rows = sorted(loaded_wording(comparison), key=lambda r: -r.per_1000_words)
    style = _text_style()
    fig = _figure(9, 1.5 + 0.5 * max(1, len(rows)))
    ax = fig.add_subplot()
    positions = np.arange(len(rows))
    values = [r.per_1000_words for r in rows]
    ax.barh(positions, values, color=TERM_B_COLOUR)
    for i, r in enumerate(rows):
        top = f" — {r.top_terms[0][0]}" if r.top_terms else ""
        ax.text(values[i], i, chart_text(f" {r.markers}{top}"), va="center", fontsize=8, **style)
    ax.set_yticks(positions, labels=[chart_text(r.outlet) for r in rows], **style)
    ax.invert_yaxis()  # most loaded on top
    ax.set_xlim(0, max(values + [1.0]) * 1.35)
    ax.set_xlabel(chart_text(h("markers in the outlet's own voice per 1000 words")), **style)
    ax.set_title(chart_text(h("Loaded wording per outlet (own voice; quoted speech left out)")), fontsize=11, **style)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


# --- files ---------------------------------------------------------------------------------

def save_chart(fig: Figure, stem: str | Path) -> list[Path]:
    """Write ``stem.png`` and ``stem.svg`` (text as outlines: no fonts needed to view it),
    each atomically. Returns the two paths."""
    stem = Path(stem)
    written = []
    for fmt, options in (("png", {"dpi": PNG_DPI}), ("svg", {"metadata": {"Date": None}})):
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, facecolor="white", **options)
        path = stem.with_name(f"{stem.name}.{fmt}")
        atomic_write_bytes(path, buffer.getvalue())
        written.append(path)
    return written
