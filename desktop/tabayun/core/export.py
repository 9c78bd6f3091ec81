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

import pandas as pd

CSV_ENCODING = "utf-8-sig"


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tabayun-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write a table as UTF-8-with-BOM CSV, atomically. Returns the path written."""
    text = frame.to_csv(index=False, lineterminator="\r\n")
    atomic_write_bytes(path, text.encode(CSV_ENCODING))
    return Path(path)


def read_csv(path: str | Path) -> pd.DataFrame:
    """Read a CSV written by :func:`write_csv` (keeps text columns as text)."""
    return pd.read_csv(path, encoding=CSV_ENCODING, keep_default_na=False)
