"""One label: the record kept in ``labels.csv``, how to make one, and what makes one invalid.

A label is anchored twice: by offsets into ``Article.text`` *and* by the quoted text,
so that when an article file is re-read and its text shifts, ``reanchor`` finds the
span again instead of silently pointing at other words.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import datetime, timezone
from pathlib import Path

from ... import __version__
from ..model import Article
from .codebook import Codebook

LABEL_COLUMNS = [
    "label_id", "event", "annotator", "created_at", "updated_at", "codebook", "codebook_version",
    "code", "note", "confidence", "doc_id", "outlet", "char_start", "char_end", "text",
    "other_doc_id", "other_outlet", "other_start", "other_end", "other_text", "row_id",
    "suggested_code", "difference_category", "app_version",
]
INT_COLUMNS = ("char_start", "char_end")
OPTIONAL_INT_COLUMNS = ("other_start", "other_end", "row_id")
FLOAT_COLUMNS = ("confidence",)
NUMBER_COLUMNS = INT_COLUMNS + OPTIONAL_INT_COLUMNS + FLOAT_COLUMNS
TEXT_COLUMNS = [c for c in LABEL_COLUMNS if c not in NUMBER_COLUMNS]
_REQUIRED = ("label_id", "doc_id", "code", "created_at", "updated_at")
# Fields update() may not change: identity and history.
FIXED_COLUMNS = ("label_id", "created_at", "updated_at")


@dataclass(frozen=True)
class Label:
    label_id: str
    event: str
    annotator: str
    created_at: str  # ISO 8601 UTC, seconds: 2024-05-01T12:00:00Z
    updated_at: str
    codebook: str
    codebook_version: str
    code: str
    note: str
    confidence: float | None  # 0..1
    doc_id: str
    outlet: str
    char_start: int
    char_end: int
    text: str  # == article.text[char_start:char_end] when labelled
    other_doc_id: str  # the other article of a difference (or of an omission: no span), "" for none
    other_outlet: str
    other_start: int | None
    other_end: int | None
    other_text: str
    row_id: int | None
    suggested_code: str  # what the machine proposed, to study how often people agree with it
    difference_category: str
    app_version: str


assert [f.name for f in fields(Label)] == LABEL_COLUMNS


class LabelFileError(Exception):
    """A labels file Tabayun will not read (nor ever overwrite): ``path``, ``line``, ``reason``."""

    def __init__(self, path: str | Path, line: int | None, reason: str):
        self.path, self.line, self.reason = Path(path), line, reason
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path.name} line {self.line}" if self.line is not None else self.path.name
        return f"{where}: {self.reason}"


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_label(*, event: str, annotator: str, codebook: Codebook, code: str, article: Article,
              start: int, end: int, other: Article | None = None, other_start: int | None = None,
              other_end: int | None = None, row_id: int | None = None, suggested_code: str = "",
              difference_category: str = "", note: str = "", confidence: float | None = None) -> Label:
    """A new label on ``article.text[start:end]`` (and ``other.text[other_start:other_end]``).

    ``other`` without other_start/other_end refers to the whole other article: an
    omission (``other`` does not report this span). Raises KeyError if ``code`` is not in ``codebook``, ValueError for spans outside the text.
    """
    codebook.code(code)
    _check_span(article, start, end, "start/end")
    if (other_start is None) != (other_end is None):
        raise ValueError("give both other_start and other_end, or neither")
    if other is not None and other_start is not None:
        _check_span(other, other_start, other_end, "other_start/other_end")  # type: ignore[arg-type]
    elif other is None and other_start is not None:
        raise ValueError("other_start/other_end given without the other article")
    now = utc_now()
    label = Label(
        label_id=uuid.uuid4().hex, event=event, annotator=annotator, created_at=now, updated_at=now,
        codebook=codebook.name, codebook_version=codebook.version, code=code, note=note,
        confidence=None if confidence is None else float(confidence),
        doc_id=article.doc_id, outlet=article.outlet, char_start=start, char_end=end,
        text=article.text[start:end],
        other_doc_id=other.doc_id if other else "", other_outlet=other.outlet if other else "",
        other_start=other_start, other_end=other_end,
        other_text=other.text[other_start:other_end] if other and other_start is not None else "",
        row_id=row_id, suggested_code=suggested_code or "", difference_category=difference_category or "",
        app_version=__version__,
    )
    problem = label_problem(label)
    if problem:
        raise ValueError(problem)
    return label


def _check_span(article: Article, start: int, end: int, what: str) -> None:
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(article.text)):
        raise ValueError(f"{what} {start}..{end} is not a span of {article.doc_id} "
                         f"(0..{len(article.text)})")


def label_problem(label: Label) -> str:
    """Why ``label`` cannot be stored, in words; "" when it can."""
    for name in TEXT_COLUMNS:
        if not isinstance(getattr(label, name), str):
            return f"{name} must be text"
    for name in _REQUIRED:
        if not getattr(label, name):
            return f"{name} is empty"
    for name in ("created_at", "updated_at"):
        if instant(getattr(label, name)) is None:
            return f"{name} {getattr(label, name)!r} is not a date and time like 2024-05-01T12:00:00Z"
    for name in NUMBER_COLUMNS:
        value = getattr(label, name)
        optional = name not in INT_COLUMNS
        if value is None and optional:
            continue
        wanted = float if name in FLOAT_COLUMNS else int
        if isinstance(value, bool) or not isinstance(value, (int, float) if wanted is float else int):
            return f"{name} must be {'a number' if wanted is float else 'a whole number'}"
        if value < 0 and name != "row_id":
            return f"{name} must be 0 or more"
    if label.char_end < label.char_start:
        return "char_end is before char_start"
    if label.confidence is not None and not (0.0 <= label.confidence <= 1.0):
        return "confidence must be a number from 0 to 1"
    if (label.other_start is None) != (label.other_end is None):
        return "other_start and other_end must both be set or both be empty"
    if label.other_start is not None:
        if not label.other_doc_id:
            return "other_start/other_end are set but other_doc_id is empty"
        if label.other_end < label.other_start:  # type: ignore[operator]
            return "other_end is before other_start"
    return ""


def instant(stamp: str) -> datetime | None:
    """``stamp`` as an aware UTC datetime, or None if it is not ISO 8601."""
    try:
        moment = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
