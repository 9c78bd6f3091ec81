"""The one way into the data Tabayun ships (``resources/``) and its sample event (``seeds/``).

Both folders sit outside the package in the source tree; the build maps them into it
as ``tabayun._resources`` and ``tabayun._seeds`` (see pyproject.toml), so wheels,
editable installs and frozen apps all resolve them through importlib.resources.
"""

from __future__ import annotations

import csv
import io
from importlib import resources as _ir
from importlib.resources.abc import Traversable
from pathlib import Path


def resource(*parts: str) -> Traversable:
    """A file or folder inside ``resources/``, e.g. ``resource("furniture", "ar.txt")``."""
    node = _ir.files("tabayun._resources")
    for part in parts:
        node = node / part
    return node


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8-sig")


def read_csv(*parts: str) -> list[dict[str, str]]:
    """Rows of a shipped CSV as dicts; lines starting with ``#`` are comments."""
    lines = [ln for ln in read_text(*parts).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(io.StringIO("\n".join(lines)))]


def read_lines(*parts: str) -> list[str]:
    """Non-empty, non-comment lines of a shipped text list."""
    return [ln.strip() for ln in read_text(*parts).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def sample_event_dir() -> Path:
    """The folder holding the sample event's articles (a real directory on disk)."""
    node = _ir.files("tabayun._seeds")
    path = Path(str(node))
    if not path.is_dir():  # zipped app: not supported for the sample, say so plainly
        raise FileNotFoundError(f"the sample event is not on disk at {path}")
    return path
