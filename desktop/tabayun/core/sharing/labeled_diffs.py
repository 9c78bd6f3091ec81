"""The labels of an event as one tidy table, each span with the sentence around it.

Input is the labels.csv frame (read with :func:`tabayun.core.files.read_csv`); its
offsets are Python string indices into an article's original text. The table keeps
``doc_id`` and offsets so a reader can find every span in the article, and adds the
whole unit (headline or sentence) the span sits in as ``context``. A span that does not
check out against this event's articles (unknown article, offsets outside it, or other
words at those offsets) gets an empty context: the offsets cannot be trusted there.

Written as CSV (UTF-8 with BOM) and as an Excel sheet, both safe from formula injection.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..files import FORMULA_STARTS, atomic_write_bytes, write_csv
from ..model import Unit

if TYPE_CHECKING:
    from ..analysis.comparison import Comparison

TABLE_COLUMNS = [
    "label_id", "code", "annotator", "note", "confidence", "row_id",
    "doc_id", "outlet", "char_start", "char_end", "text", "context",
    "other_doc_id", "other_outlet", "other_start", "other_end", "other_text", "other_context",
    "difference_category", "created_at",
]
INTEGER_COLUMNS = ["row_id", "char_start", "char_end", "other_start", "other_end"]
# labels.csv columns copied through as they are (missing ones read as empty).
_PASSED_THROUGH = ["label_id", "code", "annotator", "note", "confidence", "difference_category", "created_at"]

SHEET_NAME = "labels"
# Excel column widths in characters: long text wraps inside these.
_WIDE_COLUMNS = {"text": 40, "context": 60, "other_text": 40, "other_context": 60, "note": 40}
_MAX_WIDTH = 30


# --- where a span sits in the comparison ------------------------------------------

class SpanIndex:
    """Looks up spans of an event's articles: do they check out, which units and row hold them."""

    def __init__(self, comparison: Comparison):
        self.articles = comparison.articles
        self._units = {doc: sorted(units, key=lambda u: u.start) for doc, units in comparison.units.items()}
        self._row_of_unit = comparison.row_of_unit()

    def problem(self, doc_id: str, start: int | None, end: int | None, text: str = "") -> str | None:
        """Why the span cannot be found in this event (None if it can). ``text``, when given,
        must be the article's words at those offsets (whitespace runs count as one space)."""
        article = self.articles.get(doc_id)
        if article is None:
            return f"article {doc_id!r} is not in this event"
        if start is None or end is None or not 0 <= start < end <= len(article.text):
            return f"offsets {start}-{end} are outside article {doc_id!r}"
        if text and not _same_words(text, article.text[start:end]):
            return f"article {doc_id!r} has other words at {start}-{end} (was it edited?)"
        return None

    def units(self, doc_id: str, start: int, end: int) -> list[Unit]:
        """The units overlapping ``[start, end)`` (none for page furniture or metadata)."""
        return [u for u in self._units.get(doc_id, ()) if u.start < end and u.end > start]

    def context(self, doc_id: str, start: int, end: int) -> str:
        units = self.units(doc_id, start, end)
        if not units:
            return ""
        return self.articles[doc_id].text[units[0].start:units[-1].end]

    def row_id(self, doc_id: str, start: int, end: int) -> int | None:
        units = self.units(doc_id, start, end)
        return self._row_of_unit.get(units[0].unit_id) if units else None


def _same_words(quoted: str, actual: str) -> bool:
    """Whether a label's quoted text is the article's ``actual`` words. labels.csv as
    stored on disk puts an apostrophe before text a spreadsheet would run as a formula
    (and before a leading apostrophe): accept the quote with or without it."""
    squeezed = " ".join(actual.split())
    return " ".join(quoted.split()) == squeezed or (quoted.startswith("'") and " ".join(quoted[1:].split()) == squeezed)


def _integer(value: Any) -> int | None:
    """An offset from labels.csv: ints, floats (a column pandas read with blanks) or text."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    try:
        return int(float(str(value).strip()))
    except ValueError:
        return None


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return ""
    return str(value)


# --- the table ------------------------------------------------------------------------

def labeled_table(comparison: Comparison, labels: pd.DataFrame) -> pd.DataFrame:
    """One line per label (columns :data:`TABLE_COLUMNS`), in the event's row order.

    ``labels`` may be labels.csv as read by :func:`tabayun.core.files.read_csv` (cells as
    stored) or a frame of parsed labels (nullable integer offsets, float confidence).
    ``row_id`` is the row of *this* comparison holding the span (labels.csv's own row_id
    when the span is in no row); ``text`` is the article's words at the offsets once they
    check out, labels.csv's quote otherwise.
    """
    index = SpanIndex(comparison)
    records = []
    for label in labels.to_dict("records"):
        line = {col: _text(label.get(col)) for col in _PASSED_THROUGH}
        for side, doc_col, start_col, end_col, text_col, outlet_col, context_col in (
            ("", "doc_id", "char_start", "char_end", "text", "outlet", "context"),
            ("other_", "other_doc_id", "other_start", "other_end", "other_text", "other_outlet", "other_context"),
        ):
            doc, start, end = _text(label.get(doc_col)), _integer(label.get(start_col)), _integer(label.get(end_col))
            text = _text(label.get(text_col))
            found = bool(doc) and index.problem(doc, start, end, text) is None
            article = index.articles.get(doc)
            line.update({
                doc_col: doc, start_col: start, end_col: end,
                outlet_col: _text(label.get(outlet_col)) or (article.outlet if article else ""),
                text_col: article.text[start:end] if found else text,  # checked: the article's own words
                context_col: index.context(doc, start, end) if found else "",
            })
            if not side:
                row = index.row_id(doc, start, end) if found else None
                line["row_id"] = row if row is not None else _integer(label.get("row_id"))
        records.append(line)
    table = pd.DataFrame.from_records(records, columns=TABLE_COLUMNS)
    for col in INTEGER_COLUMNS:
        table[col] = pd.array(table[col].tolist(), dtype="Int64")
    table = table.sort_values(["row_id", "doc_id", "char_start"], na_position="last", kind="stable")
    return table.reset_index(drop=True)


# --- files ------------------------------------------------------------------------------

def _as_object_text(frame: pd.DataFrame) -> pd.DataFrame:
    # export.formula_safe_frame only looks at object columns; pandas >= 3 reads and builds
    # text as the "str" dtype, which it would skip.
    text_cols = [c for c in frame.columns if pd.api.types.is_string_dtype(frame[c].dtype)]
    return frame.astype({c: object for c in text_cols})


def write_table_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """The table as UTF-8-with-BOM CSV; text a spreadsheet would run as a formula is quoted."""
    return write_csv(_as_object_text(frame), path)


def write_table_xlsx(frame: pd.DataFrame, path: str | Path, rtl: bool) -> Path:
    """The table as an Excel workbook, atomically: one sheet, right to left when ``rtl``,
    header row frozen and filterable, long text wrapped.

    Text is kept verbatim: a note like ``=HYPERLINK(...)`` is stored as a text cell
    (openpyxl would otherwise store it as a formula), marked so Excel keeps it text even
    when the cell is edited.
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment

    # Control characters are not allowed in XLSX; one replacement character each keeps
    # lengths (the offsets point into the original article anyway).
    clean = _as_object_text(frame)
    for col in clean.columns:
        if clean[col].dtype == object:
            clean[col] = clean[col].map(lambda v: ILLEGAL_CHARACTERS_RE.sub("\ufffd", v) if isinstance(v, str) else v)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        clean.to_excel(writer, sheet_name=SHEET_NAME, index=False)
        sheet = writer.sheets[SHEET_NAME]
        wrap = Alignment(wrap_text=True, vertical="top")
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                    cell.data_type = "s"
                    cell.quotePrefix = True
                cell.alignment = wrap
        for i, col in enumerate(clean.columns, start=1):
            letter = sheet.cell(row=1, column=i).column_letter
            sheet.column_dimensions[letter].width = _column_width(col, clean[col])
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        sheet.sheet_view.rightToLeft = rtl
    atomic_write_bytes(path, buffer.getvalue())
    return Path(path)


def _column_width(name: str, values: pd.Series) -> float:
    longest = max([len(name)] + [len(str(v)) for v in values if v is not None and not pd.isna(v)])
    return min(longest, _WIDE_COLUMNS.get(name, _MAX_WIDTH)) + 2
