"""The ``labels.csv`` format: Labels to bytes and back, refusing what is not a labels file.

UTF-8 with BOM (Excel shows the Arabic), CRLF, the columns of :data:`LABEL_COLUMNS`.
Text cells are formula-safe with a reversible escape:

* on write, a cell starting with ``= + - @``, tab or CR (a spreadsheet would run it
  as a formula) *or with an apostrophe* gets one more apostrophe in front;
* on read, one leading apostrophe is removed when the next character is one of
  those (or another apostrophe).

Escaping apostrophes too makes the rule a bijection: a note that really is
``'=x`` is written ``''=x`` and reads back ``'=x``. Empty ``other_*``, ``row_id`` and
``confidence`` cells mean "none". Any text an article holds, a NUL character
included, is written so that it reads back the same.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from ..files import CSV_ENCODING, escape_cell, unescape_cell
from .label_record import (FLOAT_COLUMNS, INT_COLUMNS, LABEL_COLUMNS, OPTIONAL_INT_COLUMNS, TEXT_COLUMNS, Label,
                           LabelFileError, label_problem)

if TYPE_CHECKING:  # pandas only for labels_frame: the window starts without it
    import pandas as pd

def labels_to_csv(labels: Iterable[Label]) -> bytes:
    """The bytes of a labels file holding ``labels``."""
    return (_csv_line(LABEL_COLUMNS) + "".join(_label_line(label) for label in labels)).encode(CSV_ENCODING)


def label_line(label: Label) -> bytes:
    """The bytes of one label's line, as :func:`labels_to_csv` writes it (appended to a file)."""
    return _label_line(label).encode("utf-8")


def parse_appended(lines: bytes, path: str | Path) -> list[Label] | None:
    """The labels in ``lines`` appended to a labels file, if they are whole lines exactly
    as Tabayun writes them; None otherwise (then the whole file is read again)."""
    if not lines.endswith(b"\r\n"):
        return None
    try:
        labels = parse_labels(_csv_line(LABEL_COLUMNS).encode("utf-8") + lines, path)
    except LabelFileError:
        return None
    return labels if b"".join(label_line(label) for label in labels) == lines else None


def unfinished_tail(data: bytes) -> int | None:
    """Where an unfinished last line starts (a save cut off by a crash or a full disk,
    maybe NUL bytes after a power cut), or None if ``data`` ends where a line ends.

    A line ends at a newline outside quotes: CSV doubles a quote inside a quoted cell,
    so a newline is outside quotes when the quotes before it are even in number."""
    if data.endswith(b"\n") and data.count(b'"') % 2 == 0:
        return None
    end = len(data)
    while True:
        end = data.rfind(b"\n", 0, end)
        if end < 0:
            return None  # not even a whole header line
        if data.count(b'"', 0, end) % 2 == 0:
            return end + 1


@lru_cache(maxsize=100_000)
def _label_line(label: Label) -> str:
    # Cached: a save rewrites every label, and nearly all are unchanged since the last one.
    return _csv_line([_cell(name, getattr(label, name)) for name in LABEL_COLUMNS])


def _csv_line(cells: list[str]) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue()


def _cell(name: str, value: object) -> str:
    if value is None:
        return ""
    if name in TEXT_COLUMNS:
        return escape_cell(value)  # type: ignore[arg-type]
    return repr(value) if isinstance(value, float) else str(value)


def parse_labels(data: bytes, path: str | Path) -> list[Label]:
    """Labels in the bytes of a labels file; LabelFileError (line, reason) if malformed."""
    def fail(line: int | None, reason: str) -> LabelFileError:
        return LabelFileError(path, line, reason)

    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail(1, "is UTF-16 text; save it as \"CSV UTF-8\" (a labels file is UTF-8)")
    try:
        text = data.decode(CSV_ENCODING)
    except UnicodeDecodeError as exc:
        raise fail(data.count(b"\n", 0, exc.start) + 1,
                   "is not UTF-8 text; it is not a labels file written by Tabayun") from None
    # A NUL in a cell is text an article held; in the header it means a binary or UTF-16 file.
    if "\x00" in text.split("\n", 1)[0]:
        raise fail(1, "contains binary data; it is not a labels file written by Tabayun")
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    labels: list[Label] = []
    seen: dict[str, int] = {}
    line = 1
    try:
        for record in reader:
            record_line, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = _check_header(record, fail, record_line)
                continue
            if len(record) != len(header):
                raise fail(record_line, f"has {len(record)} fields, expected {len(header)}")
            label = _parse_record(dict(zip(header, record)), lambda reason: fail(record_line, reason))
            if label.label_id in seen:
                raise fail(record_line, f"label_id {label.label_id} is also on line {seen[label.label_id]}")
            seen[label.label_id] = record_line
            labels.append(label)
    except csv.Error as exc:
        raise fail(line, f"is not valid CSV ({exc})") from None
    return labels


def _check_header(record: list[str], fail: Callable[[int | None, str], LabelFileError], line: int) -> list[str]:
    header = [h.strip() for h in record]
    known = [h for h in header if h in LABEL_COLUMNS]
    if len(known) < len(LABEL_COLUMNS) // 2:
        shown = ", ".join(header[:6]) + (", ..." if len(header) > 6 else "")
        raise fail(line, f"is not a Tabayun labels file (its columns are {shown})")
    missing = [c for c in LABEL_COLUMNS if c not in header]
    if missing:
        raise fail(line, f"missing column(s) {', '.join(missing)}")
    unknown = [h for h in header if h not in LABEL_COLUMNS]
    if unknown:
        raise fail(line, f"unknown column(s) {', '.join(unknown)}; was it written by a newer Tabayun?")
    if len(set(header)) != len(header):
        raise fail(line, "a column name appears twice")
    return header


def _whole_number(cell: str) -> int:
    """An integer cell; "3.0" too, as pandas and spreadsheets write a whole-number column
    that has empty cells (ValueError for "3.5", "x")."""
    try:
        return int(cell)
    except ValueError:
        value = float(cell)
        if not value.is_integer():
            raise
        return int(value)


def _parse_record(row: dict[str, str], fail: Callable[[str], LabelFileError]) -> Label:
    values: dict[str, object] = {}
    for name in LABEL_COLUMNS:
        cell = row[name]
        if name in TEXT_COLUMNS:
            values[name] = unescape_cell(cell)
        elif not cell.strip() and name not in INT_COLUMNS:
            values[name] = None
        else:
            try:
                values[name] = float(cell) if name in FLOAT_COLUMNS else _whole_number(cell)
            except (ValueError, OverflowError):
                raise fail(f"{name} is not a number: {cell!r}") from None
            if name in FLOAT_COLUMNS and not math.isfinite(values[name]):  # type: ignore[arg-type]
                raise fail(f"{name} is not a number: {cell!r}")
    label = Label(**values)  # type: ignore[arg-type]
    problem = label_problem(label)
    if problem:
        raise fail(problem)
    return label


def read_labels(path: str | Path) -> list[Label]:
    """The labels of a labels file (LabelFileError if malformed or not a regular file,
    OSError if unreadable)."""
    return parse_labels(read_label_bytes(Path(path)), path)


def read_label_bytes(path: Path) -> bytes:
    """The bytes of ``path``; LabelFileError for a folder, a pipe or a device (reading
    one would hang or never end), FileNotFoundError if there is none."""
    import stat

    mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        raise LabelFileError(path, None, "is a folder, not a labels file")
    if not stat.S_ISREG(mode):
        raise LabelFileError(path, None, "is not a regular file (a pipe or a device); choose a .csv file")
    return path.read_bytes()


def labels_frame(labels: Iterable[Label]) -> pd.DataFrame:
    """Labels as a DataFrame with :data:`LABEL_COLUMNS` (optional numbers as nullable Int64)."""
    import pandas as pd

    frame = pd.DataFrame.from_records([asdict(label) for label in labels], columns=LABEL_COLUMNS)
    for name in OPTIONAL_INT_COLUMNS:
        frame[name] = frame[name].astype("Int64")
    for name in INT_COLUMNS:
        frame[name] = frame[name].astype("int64")
    frame["confidence"] = frame["confidence"].astype("float64")
    return frame
