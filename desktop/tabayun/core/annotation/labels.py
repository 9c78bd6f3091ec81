"""Researchers' labels: spans of articles given a code, kept in one ``labels.csv``.

A label is anchored twice: by offsets into ``Article.text`` *and* by the quoted text,
so that when an article file is re-read and its text shifts, :func:`reanchor` finds
the span again instead of silently pointing at other words.

The file is the store. Every change is written at once, atomically (old file or new,
never half), and under a lock, after re-reading what other windows wrote meanwhile,
so two windows or processes on one file never overwrite each other's work.

File format: UTF-8 with BOM (Excel shows the Arabic), CRLF, the columns of
:data:`LABEL_COLUMNS`. Text cells are formula-safe with a reversible escape:

* on write, a cell starting with ``= + - @``, tab or CR (a spreadsheet would run it
  as a formula) *or with an apostrophe* gets one more apostrophe in front;
* on read, one leading apostrophe is removed when the next character is one of
  those (or another apostrophe).

Escaping apostrophes too makes the rule a bijection: a note that really is
``'=x`` is written ``''=x`` and reads back ``'=x``. Empty ``other_*``, ``row_id`` and
``confidence`` cells mean "none". Read the file with :func:`read_labels` (and
:func:`labels_frame` for pandas) to get the cells back unescaped.

Locking: ``labels.csv.lock`` beside the file, created with O_CREAT|O_EXCL (atomic on
every OS and on network shares), holding "pid N on HOST". A save waits up to
LOCK_TIMEOUT for it; a lock older than STALE_LOCK_AGE is taken to be left by a crash
and removed. Limits: a program that writes labels.csv without the lock (a
spreadsheet) is not held off, though a later save here still keeps our deletions and
newer versions; two waiters breaking the same stale lock at the same instant could
both proceed; clocks of machines sharing a network folder must roughly agree.
"""

from __future__ import annotations

import csv
import io
import math
import os
import socket
import time
import uuid
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, TypeVar

from ... import __version__
from ..files import CSV_ENCODING, FORMULA_STARTS, atomic_write_bytes, formula_safe
from ..model import Article
from .codebook import Codebook

if TYPE_CHECKING:  # pandas only for labels_frame: the window starts without it
    import pandas as pd

LABEL_COLUMNS = [
    "label_id", "event", "annotator", "created_at", "updated_at", "codebook", "codebook_version",
    "code", "note", "confidence", "doc_id", "outlet", "char_start", "char_end", "text",
    "other_doc_id", "other_outlet", "other_start", "other_end", "other_text", "row_id",
    "suggested_code", "difference_category", "app_version",
]
_INT_COLUMNS = ("char_start", "char_end")
_OPTIONAL_INT_COLUMNS = ("other_start", "other_end", "row_id")
_FLOAT_COLUMNS = ("confidence",)
_NUMBER_COLUMNS = _INT_COLUMNS + _OPTIONAL_INT_COLUMNS + _FLOAT_COLUMNS
TEXT_COLUMNS = [c for c in LABEL_COLUMNS if c not in _NUMBER_COLUMNS]
_REQUIRED = ("label_id", "doc_id", "code", "created_at", "updated_at")
# Fields update() may not change: identity and history.
_FIXED = ("label_id", "created_at", "updated_at")

# How long a save waits for another window's save, and when a lock is left over from
# a crash. A save holds the lock for one read and one write of a small CSV.
LOCK_TIMEOUT = 10.0
STALE_LOCK_AGE = 30.0


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
        if _instant(getattr(label, name)) is None:
            return f"{name} {getattr(label, name)!r} is not a date and time like 2024-05-01T12:00:00Z"
    for name in _NUMBER_COLUMNS:
        value = getattr(label, name)
        optional = name not in _INT_COLUMNS
        if value is None and optional:
            continue
        wanted = float if name in _FLOAT_COLUMNS else int
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


def _instant(stamp: str) -> datetime | None:
    """``stamp`` as an aware UTC datetime, or None if it is not ISO 8601."""
    try:
        moment = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


# --- the CSV file --------------------------------------------------------------------

_ESCAPED_STARTS = FORMULA_STARTS + ("'",)


def escape_cell(text: str) -> str:
    """Formula-safe form of a text cell (reversed exactly by :func:`unescape_cell`)."""
    return "'" + text if text.startswith("'") else formula_safe(text)


def unescape_cell(text: str) -> str:
    if text.startswith("'") and text[1:2] and text[1:2] in _ESCAPED_STARTS:
        return text[1:]
    return text


def labels_to_csv(labels: Iterable[Label]) -> bytes:
    """The bytes of a labels file holding ``labels``."""
    return (_csv_line(LABEL_COLUMNS) + "".join(_label_line(label) for label in labels)).encode(CSV_ENCODING)


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

    try:
        text = data.decode(CSV_ENCODING)
    except UnicodeDecodeError as exc:
        raise fail(data.count(b"\n", 0, exc.start) + 1,
                   "is not UTF-8 text; it is not a labels file written by Tabayun") from None
    if "\x00" in text:
        raise fail(text.count("\n", 0, text.index("\x00")) + 1,
                   "contains binary data; it is not a labels file written by Tabayun")
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


def _parse_record(row: dict[str, str], fail: Callable[[str], LabelFileError]) -> Label:
    values: dict[str, object] = {}
    for name in LABEL_COLUMNS:
        cell = row[name]
        if name in TEXT_COLUMNS:
            values[name] = unescape_cell(cell)
        elif not cell.strip() and name not in _INT_COLUMNS:
            values[name] = None
        else:
            try:
                values[name] = float(cell) if name in _FLOAT_COLUMNS else int(cell)
            except ValueError:
                raise fail(f"{name} is not a number: {cell!r}") from None
            if name in _FLOAT_COLUMNS and not math.isfinite(values[name]):  # type: ignore[arg-type]
                raise fail(f"{name} is not a number: {cell!r}")
    label = Label(**values)  # type: ignore[arg-type]
    problem = label_problem(label)
    if problem:
        raise fail(problem)
    return label


def read_labels(path: str | Path) -> list[Label]:
    """The labels of a labels file (LabelFileError if malformed, OSError if unreadable)."""
    path = Path(path)
    if path.is_dir():
        raise LabelFileError(path, None, "is a folder, not a labels file")
    return parse_labels(path.read_bytes(), path)


def labels_frame(labels: Iterable[Label]) -> pd.DataFrame:
    """Labels as a DataFrame with :data:`LABEL_COLUMNS` (optional numbers as nullable Int64)."""
    import pandas as pd

    frame = pd.DataFrame.from_records([asdict(label) for label in labels], columns=LABEL_COLUMNS)
    for name in _OPTIONAL_INT_COLUMNS:
        frame[name] = frame[name].astype("Int64")
    for name in _INT_COLUMNS:
        frame[name] = frame[name].astype("int64")
    frame["confidence"] = frame["confidence"].astype("float64")
    return frame


# --- the lock ------------------------------------------------------------------------

@contextmanager
def file_lock(path: Path, timeout: float | None = None, stale_after: float | None = None) -> Iterator[None]:
    """Hold ``path + ".lock"`` exclusively: created with O_EXCL, which every OS and
    network file system does atomically. A lock older than ``stale_after`` seconds
    (default STALE_LOCK_AGE) is left over from a crash and is removed. Raises
    TimeoutError after ``timeout`` seconds (default LOCK_TIMEOUT)."""
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    stale_after = STALE_LOCK_AGE if stale_after is None else stale_after
    lock = path.with_name(path.name + ".lock")
    token = f"pid {os.getpid()} on {socket.gethostname()} ({uuid.uuid4().hex})"
    deadline = time.monotonic() + timeout
    delay = 0.005
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            break
        except FileExistsError:
            pass
        except PermissionError:  # Windows: a lock being deleted; elsewhere a read-only folder
            if not lock.exists():
                raise
        holder = _break_if_stale(lock, stale_after)
        if holder is None:
            continue
        if time.monotonic() >= deadline:
            raise TimeoutError(f"{path.name} is being saved by another Tabayun window ({holder or 'unknown'}) "
                               f"for more than {timeout:g} s. If no other Tabayun is running, delete {lock}.")
        time.sleep(delay)
        delay = min(delay * 2, 0.1)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(token)
    except BaseException:
        lock.unlink(missing_ok=True)
        raise
    try:
        yield
    finally:
        try:  # only our own lock: one held past stale_after may have been broken and retaken
            if lock.read_text(encoding="utf-8") == token:
                lock.unlink()
        except FileNotFoundError:
            pass


def _break_if_stale(lock: Path, stale_after: float) -> str | None:
    """None if ``lock`` is gone or was stale and removed; else who holds it."""
    try:
        age = time.time() - lock.stat().st_mtime
        holder = lock.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return None
    except PermissionError:  # Windows: being deleted right now
        return ""
    if age > stale_after:
        lock.unlink(missing_ok=True)
        return None
    return holder


# --- the store -----------------------------------------------------------------------

T = TypeVar("T")


class LabelStore:
    """The labels of one event in one labels.csv, saved at every change.

    ``labels`` are this event's labels in created order; labels of other events in the
    same file are kept untouched. A change made by another store on the same file is
    taken in at the next change here (or :meth:`reload`).
    """

    def __init__(self, path: str | Path, event: str):
        self.path = Path(path)
        self.event = event
        self._labels: dict[str, Label] = {}  # every label of the file, as last read or written
        self._deleted: set[str] = set()  # deleted here: never taken back in from disk
        # The file's bytes and labels as last read or written: an unchanged file is not parsed again.
        self._disk: tuple[bytes, dict[str, Label]] = (b"", {})
        self._labels = self._read_locked()

    # --- reading ------------------------------------------------------------------
    @property
    def labels(self) -> list[Label]:
        return [label for label in self._labels.values() if label.event == self.event]

    @property
    def all_labels(self) -> list[Label]:
        return list(self._labels.values())

    def get(self, label_id: str) -> Label | None:
        return self._labels.get(label_id)

    def reload(self) -> list[Label]:
        """Take in what other windows saved; returns :attr:`labels`."""
        self._labels = _in_created_order(self._merge(self._read_locked()))
        return self.labels

    # --- changing (each call is one save) ----------------------------------------
    def add(self, label: Label) -> Label:
        """Store a new label (or put back a deleted one, for undo)."""
        if label.event != self.event:
            raise ValueError(f"label is for event {label.event!r}; this store holds {self.event!r}")
        problem = label_problem(label)
        if problem:
            raise ValueError(problem)

        def put(labels: dict[str, Label]) -> Label:
            if label.label_id in labels:
                raise ValueError(f"label {label.label_id} is already stored")
            labels[label.label_id] = label
            return label

        return self._commit(put, undelete=label.label_id)

    def update(self, label_id: str, **changes: object) -> Label:
        """Change fields of a label (code, note, confidence, spans ...); sets updated_at.

        Changes apply to the label as saved on disk, so another window's edit to
        other fields survives. KeyError if the label is gone (deleted elsewhere).
        """
        unknown = set(changes) - set(LABEL_COLUMNS)
        if unknown:
            raise TypeError(f"labels have no field(s) {', '.join(sorted(unknown))}")
        fixed = set(changes) & set(_FIXED)
        if fixed:
            raise ValueError(f"{', '.join(sorted(fixed))} cannot be changed")

        def change(labels: dict[str, Label]) -> Label:
            if label_id not in labels:
                raise KeyError(f"label {label_id} is not in {self.path.name} (deleted in another window?)")
            new = replace(labels[label_id], **changes, updated_at=utc_now())
            problem = label_problem(new)
            if problem:
                raise ValueError(problem)
            labels[label_id] = new
            return new

        return self._commit(change)

    def delete(self, label_id: str) -> Label:
        """Remove a label; returns it (to put back with :meth:`add` for undo)."""
        known = self._labels.get(label_id)

        def remove(labels: dict[str, Label]) -> Label:
            gone = labels.pop(label_id, None) or known  # already deleted elsewhere: fine
            if gone is None:
                raise KeyError(f"label {label_id} is not in {self.path.name}")
            return gone

        return self._commit(remove, delete=label_id)

    def reanchor(self, articles: dict[str, Article]) -> list[tuple[Label, str]]:
        """Re-anchor this event's labels to ``articles`` (see :func:`reanchor`) and save
        the moved ones; returns the labels that could not be found, with why."""
        moved, lost = reanchor(self.labels, articles)
        changed = {m.label_id: m for m, old in zip(moved, self.labels) if m != old}
        if not changed:
            return lost
        now = utc_now()

        def move(labels: dict[str, Label]) -> None:
            for label_id, label in changed.items():
                if label_id in labels:
                    labels[label_id] = replace(label, updated_at=now)

        self._commit(move)
        return lost

    # --- saving -------------------------------------------------------------------
    def _commit(self, change: Callable[[dict[str, Label]], T], delete: str | None = None,
                undelete: str | None = None) -> T:
        """Under the lock: re-read the file, merge, apply ``change``, write; then adopt the
        result. If anything fails, nothing is written and memory is as before."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with file_lock(self.path):
            merged = self._merge(self._read_file(), undelete)
            try:
                result = change(merged)
            except KeyError:
                self._labels = _in_created_order(merged)  # show what the file holds now
                raise
            merged = _in_created_order(merged)
            data = labels_to_csv(merged.values())
            atomic_write_bytes(self.path, data)
        self._labels = merged
        self._disk = (data, merged)
        if delete is not None:
            self._deleted.add(delete)
        if undelete is not None:
            self._deleted.discard(undelete)
        return result

    def _merge(self, on_disk: dict[str, Label], undelete: str | None = None) -> dict[str, Label]:
        """What the file holds now, newest version of each label winning, minus our deletions.

        A label we know that is missing from the file was deleted by another store.
        A label both sides have takes the newer updated_at; on a tie the file's.
        """
        deleted = self._deleted - {undelete} if undelete else self._deleted
        merged: dict[str, Label] = {}
        for label_id, theirs in on_disk.items():
            if label_id in deleted:
                continue
            ours = self._labels.get(label_id)
            newer = ours is not None and _instant(ours.updated_at) > _instant(theirs.updated_at)  # type: ignore[operator]
            merged[label_id] = ours if newer else theirs  # type: ignore[assignment]
        return merged

    def _read_file(self) -> dict[str, Label]:
        if self.path.is_dir():
            raise LabelFileError(self.path, None, "is a folder, not a labels file")
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        if data != self._disk[0]:
            self._disk = (data, {label.label_id: label for label in parse_labels(data, self.path)})
        return dict(self._disk[1])

    def _read_locked(self) -> dict[str, Label]:
        # Under the lock so that, on Windows, a read never holds the file open while
        # another window replaces it. A read-only folder cannot be written through
        # Tabayun, so nobody can be mid-save there: read without the lock.
        if not self.path.exists():
            return self._read_file()
        try:
            with file_lock(self.path):
                return self._read_file()
        except PermissionError:
            return self._read_file()


def _in_created_order(labels: dict[str, Label]) -> dict[str, Label]:
    ordered = sorted(labels.values(), key=lambda label: _instant(label.created_at))  # type: ignore[arg-type, return-value]
    return {label.label_id: label for label in ordered}


# --- re-anchoring --------------------------------------------------------------------

def reanchor(labels: Iterable[Label], articles: dict[str, Article]) -> tuple[list[Label], list[tuple[Label, str]]]:
    """Labels moved to where their quoted text now is in ``articles``.

    A span whose offsets still hold its quoted text stays. Otherwise it moves to the
    occurrence of the quoted text nearest its old offset. If the article is missing
    or the text is no longer in it, the label stays as it was and is reported with
    the reason. Returns (every label, in order: moved or not; [(label, reason)]).
    """
    out: list[Label] = []
    lost: list[tuple[Label, str]] = []
    for label in labels:
        new, reasons = label, []
        for doc_field, start_field, end_field, text_field in (
            ("doc_id", "char_start", "char_end", "text"),
            ("other_doc_id", "other_start", "other_end", "other_text"),
        ):
            doc_id = getattr(label, doc_field)
            if not doc_id or getattr(label, start_field) is None:  # no span: the whole other article
                continue
            start, end, text = getattr(label, start_field), getattr(label, end_field), getattr(label, text_field)
            article = articles.get(doc_id)
            if article is None:
                reasons.append(f"article {doc_id} is not loaded")
                continue
            found = _nearest(article.text, text, start) if article.text[start:end] != text else start
            if found is None:
                reasons.append(f"text no longer found in {doc_id}: {_quote(text)}")
            elif found != start:
                new = replace(new, **{start_field: found, end_field: found + len(text)})
        out.append(new)
        if reasons:
            lost.append((label, "; ".join(reasons)))
    return out, lost


def _nearest(text: str, needle: str, near: int) -> int | None:
    """Start of the occurrence of ``needle`` in ``text`` nearest ``near`` (earlier on a tie)."""
    if not needle:
        return min(near, len(text))
    best: int | None = None
    at = text.find(needle)
    while at != -1:
        if best is None or abs(at - near) < abs(best - near):
            best = at
        at = text.find(needle, at + 1)
    return best


def _quote(text: str, limit: int = 40) -> str:
    return f"«{text if len(text) <= limit else text[:limit] + '…'}»"
