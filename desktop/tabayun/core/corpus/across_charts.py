"""Charts of the tables across events (``across/*.png``), drawn like an event's charts
(core/sharing/charts.py: matplotlib's Figure and Agg canvas, never pyplot; every string
through ``chart_text``; the shipped Arabic font) with headings in the corpus's language."""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.colors import LinearSegmentedColormap, ListedColormap

from ..files import atomic_write_bytes
from ..sharing.charts import (NEITHER_COLOUR, PNG_DPI, TERM_A_COLOUR, TERM_B_COLOUR, _figure, _font_properties,
                              _text_style, chart_text)
from ..sharing.headings import Headings

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from .across_values import AcrossTables

MAX_TERM_ROWS = 30
MAX_TERM_OUTLETS = 25
MAX_MATRIX_EVENTS = 80  # more events than this: the matrix stays a table (coverage_matrix.csv)
MAX_BAR_OUTLETS = 40
COVERED_COLOUR, SOLE_COLOUR = "#3b6ea8", "#9cc1e8"


def terms_chart(terms: pd.DataFrame, h: Headings) -> Figure:
    """Recurring terms × outlets: each cell coloured by the share of its events in which the
    outlet wrote the term's second reading (the one fewer outlets write: blue never, orange
    every time) and labelled k/n; grey where the outlet is no witness of the term."""
    style = _text_style()
    term_order = list(dict.fromkeys(terms["term"]))[:MAX_TERM_ROWS]
    shown = terms[terms["term"].isin(term_order)]
    witnessed = shown.groupby("outlet")["events"].max().sort_values(ascending=False, kind="stable")
    outlets = list(witnessed.index[:MAX_TERM_OUTLETS])
    fig = _figure(3.5 + 0.8 * max(1, len(outlets)), 2.4 + 0.45 * max(1, len(term_order)))  # a cell holds "k/n"
    ax = fig.add_subplot()
    if not term_order:
        ax.set_axis_off()
        ax.text(0.5, 0.5, chart_text(h("No word choice recurs across events")), ha="center", va="center", **style)
        return fig
    share = np.full((len(term_order), len(outlets)), np.nan)
    labels = [[""] * len(outlets) for _ in term_order]
    for i, term in enumerate(term_order):
        lines = shown[shown["term"] == term]
        marked = lines["reading"].iloc[-1]  # the term's second reading (the frame lists the first first)
        for j, outlet in enumerate(outlets):
            line = lines[(lines["outlet"] == outlet) & (lines["reading"] == marked)]
            if len(line):
                k, n = int(line["with_reading"].iloc[0]), int(line["events"].iloc[0])
                share[i, j] = k / n
                labels[i][j] = f"{k}/{n}"
    cmap = LinearSegmentedColormap.from_list("terms", [TERM_A_COLOUR, TERM_B_COLOUR]).with_extremes(bad=NEITHER_COLOUR)
    image = ax.imshow(np.ma.masked_invalid(share), cmap=cmap, vmin=0, vmax=1, aspect="auto", interpolation="nearest")
    for i in range(len(term_order)):
        for j in range(len(outlets)):
            if labels[i][j]:
                ax.text(j, i, labels[i][j], ha="center", va="center", fontsize=8)
    ax.set_xticks(range(len(outlets)), labels=[chart_text(o) for o in outlets], rotation=45, ha="left", **style)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(term_order)), labels=[chart_text(t) for t in term_order], fontsize=9, **style)
    ax.set_xticks(np.arange(-0.5, len(outlets)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(term_order)), minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="both", length=0)
    ax.spines[:].set_visible(False)
    ax.set_title(chart_text(h("Word choices across events: in how many of its events each outlet wrote the "
                              "second reading")), fontsize=11, **style)
    bar = fig.colorbar(image, ax=ax, location="bottom", shrink=0.5, aspect=30)
    bar.set_label(chart_text(h("share of the outlet's events with the second reading (k/n)")), **style)
    return fig


def coverage_chart(cover: pd.DataFrame, events: int, h: Headings) -> Figure:
    """Bars: the events each outlet reports, the part only it reports in a lighter shade."""
    style = _text_style()
    rows = cover.head(MAX_BAR_OUTLETS)
    fig = _figure(9, 1.5 + 0.45 * max(1, len(rows)))
    ax = fig.add_subplot()
    positions = np.arange(len(rows))
    shared = (rows["events"] - rows["sole_reporter"]).to_numpy()
    ax.barh(positions, shared, color=COVERED_COLOUR, label=chart_text(h("events others report too")))
    ax.barh(positions, rows["sole_reporter"].to_numpy(), left=shared, color=SOLE_COLOUR,
            label=chart_text(h("events only this outlet reports")))
    for i, (n, share) in enumerate(zip(rows["events"], rows["share"])):
        ax.text(n, i, f" {n} ({share:.0%})", va="center", fontsize=8)
    ax.set_yticks(positions, labels=[chart_text(o) for o in rows["outlet"]], **style)
    ax.invert_yaxis()
    ax.set_xlim(0, max(1, events) * 1.2)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel(chart_text(h("events reported, of {n}", n=events)), **style)
    ax.set_title(chart_text(h("Coverage: the events each outlet reports")), fontsize=11, **style)
    fig.legend(loc="outside lower center", ncols=2, frameon=False, prop=_font_properties())
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def coverage_matrix_chart(matrix: pd.DataFrame, h: Headings) -> Figure:
    """Events × outlets: a filled square where the outlet reports the event."""
    style = _text_style()
    outlets = list(matrix.columns[1:])
    values = matrix[outlets].to_numpy(dtype=int).reshape(len(matrix), len(outlets))
    fig = _figure(2.5 + 1.0 * max(1, len(outlets)), 2.2 + 0.22 * max(1, len(matrix)))
    ax = fig.add_subplot()
    ax.imshow(values, cmap=ListedColormap([NEITHER_COLOUR, COVERED_COLOUR]), vmin=0, vmax=1, aspect="auto",
              interpolation="nearest")
    ax.set_xticks(range(len(outlets)), labels=[chart_text(o) for o in outlets], rotation=45, ha="left", **style)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(matrix)), labels=list(matrix["event_id"]), fontsize=7)
    ax.set_xticks(np.arange(-0.5, len(outlets)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(matrix)), minor=True)
    ax.grid(which="minor", color="white", linewidth=1)
    ax.tick_params(which="both", length=0)
    ax.set_ylabel(chart_text(h("event")), **style)
    ax.set_title(chart_text(h("Which outlet reports which event")), fontsize=11, **style)
    ax.spines[:].set_visible(False)
    return fig


def loaded_chart(loaded: pd.DataFrame, h: Headings) -> Figure:
    """Bars: loaded terms in each outlet's own voice per 1,000 words, with the 95 % interval."""
    style = _text_style()
    rows = loaded[[not math.isnan(r) for r in loaded["rate"]]].head(MAX_BAR_OUTLETS)
    fig = _figure(9, 1.5 + 0.45 * max(1, len(rows)))
    ax = fig.add_subplot()
    positions = np.arange(len(rows))
    rate = rows["rate"].to_numpy(dtype=float)
    errors = np.vstack([rate - rows["ci_low"].to_numpy(dtype=float), rows["ci_high"].to_numpy(dtype=float) - rate])
    ax.barh(positions, rate, xerr=errors, color=TERM_B_COLOUR, ecolor="#555555", capsize=3)
    for i, (k, n, high) in enumerate(zip(rows["loaded"], rows["words"], rows["ci_high"])):
        ax.text(high, i, f"  {k} / {n:,}", va="center", fontsize=8)  # loaded terms / words, past the interval
    ax.set_yticks(positions, labels=[chart_text(o) for o in rows["outlet"]], **style)
    ax.invert_yaxis()
    ax.set_xlim(0, max(list(rows["ci_high"]) + [1.0]) * 1.3)
    ax.set_xlabel(chart_text(h("loaded terms in the outlet's own voice per 1000 words (95 % interval)")), **style)
    ax.set_title(chart_text(h("Loaded wording per outlet across events")), fontsize=11, **style)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def save_png(fig: Figure, path: Path) -> Path:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=PNG_DPI, facecolor="white")
    atomic_write_bytes(path, buffer.getvalue())
    return path


def charts(tables: AcrossTables) -> dict[str, Figure]:
    """The charts by file stem; the event × outlet matrix only up to
    :data:`MAX_MATRIX_EVENTS` events (beyond, coverage_matrix.csv holds it)."""
    h = Headings(tables.language)
    out = {"terms_by_outlet": terms_chart(tables.terms, h),
           "coverage": coverage_chart(tables.coverage, tables.events, h)}
    if 0 < len(tables.matrix) <= MAX_MATRIX_EVENTS:
        out["coverage_matrix"] = coverage_matrix_chart(tables.matrix, h)
    out["loaded_by_outlet"] = loaded_chart(tables.loaded, h)
    return out


def write_charts(tables: AcrossTables, folder: Path) -> dict[str, Path]:
    """Each chart as ``folder/STEM.png``; returns the paths by stem."""
    return {stem: save_png(fig, folder / f"{stem}.png") for stem, fig in charts(tables).items()}
