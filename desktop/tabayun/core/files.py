"""Write tables to disk so that Excel, R and pandas all read them right, and a crash
mid-write never leaves a torn file.

CSVs are UTF-8 with a byte-order mark (Excel needs it to show Arabic; pandas reads it
with ``pd.read_csv(path, encoding="utf-8-sig")``, and plain ``encoding="utf-8"`` keeps
a stray "\\ufeff" on the first column name).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported where a table is made: the window starts without it
    import pandas as pd

CSV_ENCODING = "utf-8-sig"


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half."""
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
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# A cell starting with one of these runs as a formula when the CSV is opened in a
# spreadsheet (CSV injection); a leading apostrophe makes it plain text there.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value: object) -> object:
    """``value`` with an apostrophe in front if a spreadsheet would run it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def formula_safe_frame(frame: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells (in ``columns``, default all) cannot run as formulas."""
    from pandas.api.types import is_string_dtype

    out = frame.copy()
    for col in columns if columns is not None else list(out.columns):
        # object columns, and pandas >= 3's own string dtype
        if out[col].dtype == object or is_string_dtype(out[col].dtype):
            out[col] = out[col].astype(object).map(formula_safe)
    return out


def write_csv(frame: pd.DataFrame, path: str | Path, safe: bool = False) -> Path:
    """Write a table as UTF-8-with-BOM CSV, atomically. Returns the path written.

    ``safe=True`` quotes text that a spreadsheet would run as a formula (see
    :func:`formula_safe`); offsets stay valid because the quoted text columns are
    for reading, and the offsets point into the original article.
    """
    if safe:
        frame = formula_safe_frame(frame)
    text = frame.to_csv(index=False, lineterminator="\r\n")
    atomic_write_bytes(path, text.encode(CSV_ENCODING))
    return Path(path)


def read_csv(path: str | Path) -> pd.DataFrame:
    """Read a CSV written by :func:`write_csv` (keeps text columns as text)."""
    import pandas as pd

    return pd.read_csv(path, encoding=CSV_ENCODING, keep_default_na=False)
