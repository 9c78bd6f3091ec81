"""Write tables to disk so that Excel, R and pandas all read them right, and a crash
mid-write never leaves a torn file.

CSVs are UTF-8 with a byte-order mark (Excel needs it to show Arabic; pandas reads it
with ``pd.read_csv(path, encoding="utf-8-sig")``, and plain ``encoding="utf-8"`` keeps
a stray "\\ufeff" on the first column name).
"""

from __future__ import annotations

import csv
import io
import math
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:  # pandas is imported where a table is made: the window starts without it
    import pandas as pd

CSV_ENCODING = "utf-8-sig"


def atomic_write_bytes(path: str | Path, data: bytes, fsync: bool = True) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    ``fsync=False``: not flushed to the disk one by one (thousands of small files, e.g. a
    corpus's event folders, whose writer syncs once at the end and checks them on resuming)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tabayun-tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); reports and tables are made to be shared.
        # (Reading the umask would mean setting it, which is not thread-safe.)
        os.chmod(tmp, 0o644)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if fsync:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def append_bytes(path: str | Path, data: bytes, size: int) -> None:
    """Append ``data`` to the file ``path`` of ``size`` bytes and fsync it. If anything
    fails, the file is cut back to ``size`` bytes before the error is raised: it holds
    all of ``data`` or none of it (a crash mid-write can still leave part of it, which
    the reader must recognise: see label_csv.unfinished_tail)."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))
    try:
        if os.fstat(fd).st_size != size:
            raise OSError(f"{Path(path).name} changed while it was being saved; try again")
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        except BaseException:
            os.ftruncate(fd, size)
            try:
                os.fsync(fd)
            except OSError:
                pass
            raise
    finally:
        os.close(fd)


# A cell starting with one of these runs as a formula when the CSV is opened in a
# spreadsheet (CSV injection); a leading apostrophe makes it plain text there.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED_STARTS = FORMULA_STARTS + ("'",)


def escape_cell(text: str) -> str:
    """Formula-safe form of a text cell, reversed exactly by :func:`unescape_cell`: a cell
    starting with a formula character *or an apostrophe* gets one apostrophe in front
    (escaping apostrophes too makes the rule a bijection: ``'=x`` is written ``''=x``)."""
    return "'" + text if text.startswith(_ESCAPED_STARTS) else text


def unescape_cell(text: str) -> str:
    if text.startswith("'") and text[1:2] and text[1:2] in _ESCAPED_STARTS:
        return text[1:]
    return text


def formula_safe(value: object) -> object:
    """``value`` escaped with :func:`escape_cell` if it is text; anything else as it is."""
    return escape_cell(value) if isinstance(value, str) else value


def formula_safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and column names cannot run as formulas."""
    from pandas.api.types import is_string_dtype

    out = frame.copy()
    for col in list(out.columns):
        # object columns, and pandas >= 3's own string dtype
        if out[col].dtype == object or is_string_dtype(out[col].dtype):
            out[col] = out[col].astype(object).map(formula_safe)
    out.columns = [formula_safe(str(c)) for c in out.columns]  # annotator names, codes
    return out


def write_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write a table as UTF-8-with-BOM CSV, atomically. Returns the path written.

    Every text cell and column name is formula-safe (:func:`escape_cell`); read the file
    with :func:`read_csv` to get them back exactly (offsets into the articles then hold).
    """
    text = formula_safe_frame(frame).to_csv(index=False, lineterminator="\r\n")
    atomic_write_bytes(path, text.encode(CSV_ENCODING))
    return Path(path)


def write_table(columns: Sequence[str], rows: Iterable[Sequence[object]], path: str | Path) -> Path:
    """Write a table given as column names and rows of values with the csv module, without
    pandas (the command line starts faster): the same file :func:`write_csv` writes for a
    DataFrame of those values (None and NaN empty, text formula-safe)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([escape_cell(str(c)) for c in columns])
    writer.writerows(_csv_row(row) for row in rows)
    atomic_write_bytes(path, out.getvalue().encode(CSV_ENCODING))
    return Path(path)


def _csv_row(row: Sequence[object]) -> list[object]:
    """Each cell as :func:`write_csv` writes it: None and NaN empty, text formula-safe
    (:func:`escape_cell`, inlined: a table has a cell per unit and column), numbers as they
    are (as pandas writes them: repr of a float, str of an int or a bool)."""
    return [("'" + v if v.startswith(_ESCAPED_STARTS) else v) if isinstance(v, str)
            else "" if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in row]


def read_csv(path: str | Path, raw: bool = False) -> pd.DataFrame:
    """Read a CSV written by :func:`write_csv`: text stays text, and the formula escape is
    undone in text cells and column names (``raw=True``: cells as they are in the file)."""
    import pandas as pd

    frame = pd.read_csv(path, encoding=CSV_ENCODING, keep_default_na=False)
    if raw:
        return frame
    from pandas.api.types import is_string_dtype

    frame.columns = [unescape_cell(str(c)) for c in frame.columns]
    for at, col in enumerate(frame.columns):
        column = frame.iloc[:, at]
        if column.dtype == object or is_string_dtype(column.dtype):
            frame.isetitem(at, column.map(lambda v: unescape_cell(v) if isinstance(v, str) else v))
    return frame
