"""A corpus read as a stream of records, one at a time, never whole in memory.

``read_corpus(paths)`` yields a :class:`CorpusRecord` for each article and a
:class:`BadRecord` (where, and why in words a user understands) for each one that cannot
be read; a bad record never stops the rest. It reads

* folders of article files (recursively; .txt .md .html .json through the event reader
  ``analysis.readers``, with each folder's manifest.csv giving outlet, date, language),
* CSV files row by row (the csv module), JSONL files line by line, and Parquet files in
  batches (pyarrow's ``iter_batches``), with the usual column names (``TEXT_FIELDS`` ...
  of the event reader, plus dates and links).

The same inputs give the same records with the same ids, in the same order: a resumed
run skips what it already staged by counting.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from ..analysis import readers

TEXT_FIELDS = readers.TEXT_FIELDS
TITLE_FIELDS = readers.TITLE_FIELDS
OUTLET_FIELDS = readers.OUTLET_FIELDS
ID_FIELDS = readers.ID_FIELDS + ("record_id", "article_id", "uid")
DATE_FIELDS = ("date", "published", "published_at", "publish_date", "pubdate", "datetime", "timestamp",
               "created_at", "التاريخ")
URL_FIELDS = ("url", "link", "href", "الرابط")
LANGUAGE_FIELDS = ("language", "lang")
RECORD_FILE_SUFFIXES = (".csv", ".jsonl", ".parquet")
FOLDER_ARTICLE_SUFFIXES = readers.TEXT_SUFFIXES + readers.HTML_SUFFIXES + (".json",)
MAX_TEXT_CHARS = 1_000_000  # a news article is thousands of characters; a million is a wrong column
_HEAD_BYTES = 1 << 20


@dataclass(frozen=True)
class CorpusRecord:
    record_id: str
    outlet: str
    date: str  # ISO YYYY-MM-DD, "" when unknown
    title: str
    text: str
    url: str
    source: str  # where it was read: file.csv:12, file.jsonl:7, file.parquet:row 40, or the file
    language: str = ""

    @property
    def article_text(self) -> str:
        """The text of the article's file in its event folder: the title, a blank line and
        the body (as the event reader makes an article of a record), or the body alone when
        it starts with its title or has none."""
        if self.title and not self.text.startswith(self.title):
            return f"{self.title}\n\n{self.text}"
        return self.text


@dataclass(frozen=True)
class BadRecord:
    source: str
    reason: str


class _Bad(Exception):
    pass


def read_corpus(paths: Iterable[str | Path], exclude: Iterable[Path] = ()) -> Iterator[CorpusRecord | BadRecord]:
    """Every record of ``paths`` (files or folders), one at a time; ``exclude``: folders not
    to read (the run's own output folder). Record ids are made unique (``id~2``)."""
    excluded = {Path(p).resolve() for p in exclude}
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            items = _read_folder(path, excluded)
        elif path.is_file():
            items = _read_file(path, readers.read_manifest(path.parent).get(path.name, {}))
        else:
            items = iter([BadRecord(str(path), "no such file or folder")])
        for item in items:
            if isinstance(item, CorpusRecord):
                item = _unique(item, seen)
            yield item


def input_files(paths: Iterable[str | Path], exclude: Iterable[Path] = ()) -> list[Path]:
    """The files ``read_corpus`` reads, in its order (what a run's fingerprint is made of)."""
    excluded = {Path(p).resolve() for p in exclude}
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(f for f, _ in _folder_files(path, excluded))
        else:
            out.append(path)
    return out


def _unique(record: CorpusRecord, seen: set[str]) -> CorpusRecord:
    rid = readers.unique_id(record.record_id, seen)
    if rid == record.record_id:
        return record
    from dataclasses import replace

    return replace(record, record_id=rid)


# --- folders --------------------------------------------------------------------

def _folder_files(folder: Path, excluded: set[Path]) -> Iterator[tuple[Path, dict[str, dict[str, str]]]]:
    """(file, its folder's manifest) for the files of ``folder`` and its subfolders, sorted."""
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (here / d).resolve() not in excluded)
        manifest = readers.read_manifest(here)
        for name in sorted(files):
            path = here / name
            if name.startswith(".") or name == readers.MANIFEST_NAME:
                continue
            suffix = path.suffix.lower()
            if suffix in RECORD_FILE_SUFFIXES and not readers.is_tabayun_table(path) \
                    or suffix in FOLDER_ARTICLE_SUFFIXES:
                yield path, manifest


def _read_folder(folder: Path, excluded: set[Path]) -> Iterator[CorpusRecord | BadRecord]:
    found = False
    for path, manifest in _folder_files(folder, excluded):
        found = True
        yield from _read_file(path, manifest.get(path.name, {}))
    if not found:
        yield BadRecord(str(folder), "the folder holds no article files (.txt .md .html .json) nor record "
                                     "files (.csv .jsonl .parquet)")


def _read_file(path: Path, info: dict[str, str]) -> Iterator[CorpusRecord | BadRecord]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _read_csv(path)
    elif suffix == ".jsonl":
        yield from _read_jsonl(path)
    elif suffix == ".parquet":
        yield from _read_parquet(path)
    elif suffix in FOLDER_ARTICLE_SUFFIXES:
        yield from _read_article_file(path, info)
    else:
        yield BadRecord(str(path), f"'{path.suffix or path.name}' files are not read (a corpus is folders of "
                                   f"{' '.join(FOLDER_ARTICLE_SUFFIXES)} files, or .csv .jsonl .parquet files)")


def _read_article_file(path: Path, info: dict[str, str]) -> Iterator[CorpusRecord | BadRecord]:
    loaded = readers.load_file(path, info)
    for problem in loaded.problems:
        yield BadRecord(problem.path, problem.reason)
    many = len(loaded.articles) > 1
    for n, article in enumerate(loaded.articles, 1):
        where = f"{path}:record {n}" if many else str(path)
        if len(article.text) > MAX_TEXT_CHARS:
            yield BadRecord(where, _too_long(len(article.text)))
            continue
        yield CorpusRecord(record_id=article.doc_id, outlet=article.outlet, date=normal_date(article.date or ""),
                           title="", text=article.text, url=article.url or "",
                           source=where, language=article.language or "")


# --- records: fields ------------------------------------------------------------

def _pick(fields: dict, names: Iterable[str], what: str) -> object:
    for name in names:
        value = fields.get(name)
        if value is None or value == "":
            continue
        return value
    return None


def _text(value: object, name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        if any("\udc80" <= ch <= "\udcff" for ch in value):
            raise _Bad(f"its {name} holds bytes that are not valid in the file's encoding; save the file as UTF-8")
        if any("\ud800" <= ch <= "\udfff" for ch in value):  # a lone surrogate from JSON: same length
            value = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in value)
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and name in ("id", "date"):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)) and name == "date":
        return value.isoformat()
    kind = ("true/false" if isinstance(value, bool) else "a number" if isinstance(value, (int, float))
            else "a list" if isinstance(value, (list, tuple)) else "an object" if isinstance(value, dict)
            else type(value).__name__)
    raise _Bad(f"its {name} is {kind}, not text")


def make_record(raw: object, source: str, default_id: str) -> CorpusRecord | BadRecord:
    """One record from a row or object of fields (column names matched case-insensitively)."""
    if not isinstance(raw, dict):
        return BadRecord(source, "it is not an object with fields (a JSON object per line is expected)")
    fields = {str(k).strip().lower(): v for k, v in raw.items() if k is not None}
    try:
        text = _text(_pick(fields, TEXT_FIELDS, "text"), "text")
        if not text.strip():
            return BadRecord(source, f"it has no text (expected a field named one of {', '.join(TEXT_FIELDS)})")
        if len(text) > MAX_TEXT_CHARS:
            return BadRecord(source, _too_long(len(text)))
        title = _text(_pick(fields, TITLE_FIELDS, "title"), "title")
        if len(title) > 10_000:
            return BadRecord(source, f"its title is {len(title):,} characters long: is the title column the right one?")
        ident = _text(_pick(fields, ID_FIELDS, "id"), "id").strip() or default_id
        outlet = _text(_pick(fields, OUTLET_FIELDS, "outlet"), "outlet").strip()
        date = normal_date(_pick(fields, DATE_FIELDS, "date"))
        url = _text(_pick(fields, URL_FIELDS, "url"), "url").strip()
        language = _text(_pick(fields, LANGUAGE_FIELDS, "language"), "language").strip()
    except _Bad as exc:
        return BadRecord(source, str(exc))
    return CorpusRecord(record_id=ident, outlet=outlet or ident, date=date, title=title, text=text, url=url,
                        source=source, language=language)


def _too_long(chars: int) -> str:
    return (f"its text is {chars:,} characters long, over the {MAX_TEXT_CHARS:,} an article can have: "
            "is the text column the right one?")


_DAY_FIRST = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_YEAR_FIRST = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T)")
_DIGITS = str.maketrans({**{chr(0x0660 + d): str(d) for d in range(10)}, **{chr(0x06F0 + d): str(d) for d in range(10)}})


def normal_date(value: object) -> str:
    """An ISO date ``YYYY-MM-DD`` from a date, a datetime, an epoch number or the usual
    written forms (ISO, 2021/11/24, 24/11/2021 day first, 24.11.2021, RFC 2822); "" when
    there is none or it is not understood (the article is read with an unknown date)."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value  # milliseconds or seconds since 1970
        try:
            return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return ""
    if not isinstance(value, str):
        return ""
    text = value.strip().translate(_DIGITS)
    for pattern, order in ((_YEAR_FIRST, (0, 1, 2)), (_DAY_FIRST, (2, 1, 0))):
        m = pattern.match(text)
        if m:
            parts = m.groups()
            try:
                return dt.date(int(parts[order[0]]), int(parts[order[1]]), int(parts[order[2]])).isoformat()
            except ValueError:
                return ""
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return ""


# --- record files ---------------------------------------------------------------

def _open_error(path: Path, exc: OSError) -> BadRecord:
    return BadRecord(str(path), f"it cannot be read ({exc.strerror or exc})")


def _csv_encoding(path: Path) -> str:
    with open(path, "rb") as fh:
        head = fh.read(_HEAD_BYTES)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    text = codecs.getincrementaldecoder("utf-8")(errors="replace").decode(head, final=False)
    if text.count("\ufffd") <= max(3, len(text) // 1000):  # UTF-8 with a few bad bytes: those rows are bad
        return "utf-8"
    _, encoding = readers.decode_bytes(head)  # UnreadableFile for a binary file
    return encoding


def _opened(path: Path, open_file: Callable[[], IO]) -> IO | BadRecord:
    """``open_file()``'s file, or the BadRecord that says why ``path`` cannot be read."""
    try:
        readers.check_regular_file(path)
        return open_file()
    except readers.UnreadableFile as exc:
        return BadRecord(str(path), exc.reason)
    except OSError as exc:
        return _open_error(path, exc)


def _read_csv(path: Path) -> Iterator[CorpusRecord | BadRecord]:
    fh = _opened(path, lambda: open(path, encoding=_csv_encoding(path), errors="surrogateescape", newline=""))
    if isinstance(fh, BadRecord):
        yield fh
        return
    encoding = fh.encoding
    csv.field_size_limit(MAX_TEXT_CHARS * 4)
    with fh:
        reader = csv.reader(fh)
        try:
            header = next(reader)
        except StopIteration:
            yield BadRecord(str(path), "the file is empty")
            return
        except (csv.Error, UnicodeError) as exc:
            yield BadRecord(str(path), f"its first line is not a CSV header ({exc})")
            return
        header = [h.lstrip("\ufeff") for h in header]
        if not any(h.strip().lower() in TEXT_FIELDS for h in header):
            yield BadRecord(str(path), f"it has no text column (expected one named {', '.join(TEXT_FIELDS)}; "
                                       f"its columns are {', '.join(header[:12])})")
            return
        n = 0
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield BadRecord(f"{path}:{line}", f"the row is not valid CSV ({exc}); the rows after it are read")
                continue
            except UnicodeError as exc:
                yield BadRecord(f"{path}:{line}", f"the rest of the file cannot be decoded as {encoding} ({exc.reason})")
                return
            if not row or not any(cell.strip() for cell in row):
                continue
            n += 1
            where = f"{path}:{line}"
            if len(row) != len(header) and any(cell.strip() for cell in row[len(header):]) or len(row) < len(header):
                yield BadRecord(where, f"the row has {len(row)} fields where the header has {len(header)} "
                                       "(a stray comma or quote?)")
                continue
            yield make_record(dict(zip(header, row)), where, f"{path.stem}-{n}")


def _read_jsonl(path: Path) -> Iterator[CorpusRecord | BadRecord]:
    fh = _opened(path, lambda: open(path, "rb"))
    if isinstance(fh, BadRecord):
        yield fh
        return
    limit = MAX_TEXT_CHARS * 4 + 65536
    with fh:
        number = 0
        while True:
            line = fh.readline(limit)
            if not line:
                return
            number += 1
            where = f"{path}:{number}"
            if len(line) >= limit and not line.endswith(b"\n"):
                while True:  # skip the rest of the line without holding it
                    rest = fh.readline(limit)
                    if not rest or rest.endswith(b"\n"):
                        break
                yield BadRecord(where, f"the line is over {limit // 1024 // 1024} MB: no article is that long")
                continue
            if number == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[3:]
            if not line.strip():
                continue
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield BadRecord(where, f"the line is not valid UTF-8 ({exc.reason} at byte {exc.start}); "
                                       "JSONL files are UTF-8")
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                yield BadRecord(where, f"the line is not valid JSON ({exc.msg}, column {exc.colno})")
                continue
            except RecursionError:
                yield BadRecord(where, "its JSON is nested too deeply to be an article")
                continue
            yield make_record(obj, where, f"{path.stem}-{number}")


def _read_parquet(path: Path) -> Iterator[CorpusRecord | BadRecord]:
    import pyarrow.parquet as pq

    try:
        readers.check_regular_file(path)
        pf = pq.ParquetFile(path)
    except readers.UnreadableFile as exc:
        yield BadRecord(str(path), exc.reason)
        return
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError ... for what is not Parquet
        yield BadRecord(str(path), f"it is not a Parquet file that can be read ({exc})")
        return
    names = pf.schema_arrow.names
    wanted = set(TEXT_FIELDS + TITLE_FIELDS + OUTLET_FIELDS + ID_FIELDS + DATE_FIELDS + URL_FIELDS + LANGUAGE_FIELDS)
    columns = [c for c in names if c.strip().lower() in wanted]
    if not any(c.strip().lower() in TEXT_FIELDS for c in columns):
        yield BadRecord(str(path), f"it has no text column (expected one named {', '.join(TEXT_FIELDS)}; "
                                   f"its columns are {', '.join(names[:12])})")
        return
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=256, columns=columns):
            for values in batch.to_pylist():
                row += 1
                yield make_record(values, f"{path}:row {row}", f"{path.stem}-{row}")
    except Exception as exc:
        yield BadRecord(f"{path}:row {row + 1}", f"the rest of the file cannot be read ({exc})")
