"""Everything to share about one event, written into one folder.

The window exports into a new folder each time (:func:`new_export_folder`: named after
the event and the minute, never an earlier export's); ``tabayun export --out DIR`` writes
into DIR itself, as scripts expect.

    out_dir/labeled_diffs.csv    the labels, one tidy line each (only when labels are given)
    out_dir/labeled_diffs.xlsx   the same as an Excel sheet
    out_dir/charts/*.png|svg     coverage, term heat map, codes per outlet (needs labels)
    out_dir/report.html          one self-contained page with all of it

Every file is written atomically; files of an earlier export that this one does not
write (e.g. the codes chart when there are no labels now) are left as they are.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from . import charts
from .event_view import event_direction
from .labeled_diffs import labeled_table, write_table_csv, write_table_xlsx
from .headings import Headings
from .report import render_report, write_report

if TYPE_CHECKING:
    from ..analysis.comparison import Comparison

TABLE_NAME = "labeled_diffs"
REPORT_NAME = "report.html"
CHARTS_DIR = "charts"
# characters no file system (or no Windows one) takes in a folder name
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def export_folder_name(event_name: str, when: datetime) -> str:
    """``"<event> export 2026-12-02 0915"``: the event's name made safe for a folder."""
    name = " ".join(_UNSAFE.sub(" ", event_name).split()).strip(" .") or "Tabayun"
    return f"{name[:80]} export {when:%Y-%m-%d %H%M}"


def new_export_folder(parent: str | Path, event_name: str, when: datetime | None = None) -> Path:
    """Make and return a new, empty folder in ``parent`` for one export; a second export
    in the same minute gets " (2)", " (3)"...: nothing of an earlier export is overwritten."""
    base = export_folder_name(event_name, when or datetime.now())
    parent = Path(parent)
    parent.mkdir(parents=True, exist_ok=True)
    n = 1
    while True:
        folder = parent / (base if n == 1 else f"{base} ({n})")
        try:
            folder.mkdir()  # exclusive: another export that took this name makes us try the next
            return folder
        except FileExistsError:
            n += 1


def export_event(comparison: Comparison, out_dir: str | Path, labels: pd.DataFrame | None = None,
                 agreement_lines: list[str] | None = None) -> list[Path]:
    """Write the event's tables, charts and report into ``out_dir``; returns the paths written.

    ``labels`` is the labels.csv frame (read it with ``labels.labels_frame(read_labels(path))``,
    which undoes the file's formula escaping); without it (or
    with no rows) there are no label tables or codes chart, and the report shows no labels.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    has_labels = labels is not None and not labels.empty
    if has_labels:
        table = labeled_table(comparison, labels)
        written.append(write_table_csv(table, out / f"{TABLE_NAME}.csv"))
        written.append(write_table_xlsx(table, out / f"{TABLE_NAME}.xlsx", rtl=event_direction(comparison) == "rtl"))
    h = Headings.for_event(comparison)  # the report's captions in the event's language
    figures = {
        h("Which outlet reports which claim"): ("coverage", lambda: charts.coverage(comparison)),
        h("Term pairs: the words each outlet wrote"): ("terms", lambda: charts.term_heatmap(comparison)),
        h("Loaded wording per outlet (own voice)"): ("loaded_wording", lambda: charts.loaded_wording_chart(comparison)),
    }
    if has_labels:
        figures[h("Labels per outlet, by code")] = ("codes_per_outlet",
                                                     lambda: charts.codes_per_outlet(labels, comparison))
    embedded: dict[str, str] = {}
    for caption, (stem, build) in figures.items():
        png, svg = charts.save_chart(build(), out / CHARTS_DIR / stem)
        written += [png, svg]
        embedded[caption] = str(svg)  # sharp at any zoom and in print
    html = render_report(comparison, labels if has_labels else None, agreement_lines, embedded)
    written.append(write_report(html, out / REPORT_NAME))
    return written
