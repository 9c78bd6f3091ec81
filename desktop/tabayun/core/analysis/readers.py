"""Files and folders -> :class:`Article` objects, with each problem named for the user.

Nothing here raises for a bad file: an empty, binary, undecodable, oversized or
unknown file becomes one :class:`LoadProblem` and the other files still load.

The article text is kept verbatim as decoded (only a leading byte-order mark is
dropped), because every offset anywhere in Tabayun points into it.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import stat
from pathlib import Path
from typing import Iterable, Iterator


from ..model import Article, LoadProblem, LoadResult

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
RECORD_SUFFIXES = (".csv", ".json", ".jsonl")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES
MANIFEST_NAME = "manifest.csv"
MAX_BYTES = 20 * 1024 * 1024  # a news article is kilobytes; beyond this it is a wrong file

# Field names accepted in CSV/JSON records, first match wins.
TEXT_FIELDS = ("text", "body", "content", "article", "النص")
TITLE_FIELDS = ("title", "headline", "العنوان")
OUTLET_FIELDS = ("outlet", "source", "publisher", "site", "المصدر")
ID_FIELDS = ("id", "doc_id")

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_LEGACY_ARABIC = ("cp1256", "iso8859_6")


class UnreadableFile(Exception):
    """A file that cannot be turned into text; ``reason`` is said to the user."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a file's bytes, detecting the encoding. Returns (text, encoding name).

    Order: byte-order mark, then UTF-16 without BOM, then strict UTF-8, then the
    Arabic legacy code pages, then charset-normalizer's best guess.
    """
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise UnreadableFile("the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff"), encoding.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise UnreadableFile(f"it starts like {encoding} but is not valid {encoding} ({exc.reason})")
    # UTF-16 before UTF-8: Arabic in UTF-16-LE is a valid (nonsense) ASCII byte string.
    utf16 = _utf16_without_bom(data) if b"\x00" in data else _arabic_utf16_without_bom(data)
    if utf16:
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise UnreadableFile("it is a binary file (an image, PDF or word-processor file?), not text; "
                             "save the article as .txt, .html, .csv or .json")
    legacy = _legacy_arabic(data)
    if legacy:
        return legacy
    from charset_normalizer import from_bytes  # only for a file neither UTF-8 nor UTF-16

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnreadableFile("its encoding could not be recognised; save it as UTF-8")
    return str(best), best.encoding


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    # UTF-16 text of any script has one NUL in every other byte for ASCII (spaces,
    # newlines, digits): Arabic letters are 0x06xx, so look at the pattern.
    if len(data) < 4 or len(data) % 2:
        return None
    for encoding, zero_at in (("utf-16-le", 1), ("utf-16-be", 0)):
        zeros = data[zero_at::2].count(0)
        others = data[1 - zero_at::2].count(0)
        if zeros >= max(2, len(data) // 50) and others == 0:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


def _arabic_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    # Arabic-only UTF-16 has no NUL byte (no ASCII at all) but every other byte is 0x06,
    # the high byte of the Arabic block; no UTF-8 or code-page text looks like that.
    if len(data) < 4 or len(data) % 2:
        return None
    for encoding, high_at in (("utf-16-le", 1), ("utf-16-be", 0)):
        highs = data[high_at::2]
        if highs.count(6) * 10 >= len(highs) * 6 and data[1 - high_at::2].count(6) * 10 < len(highs):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > len(sample) // 100 + 1


def _legacy_arabic(data: bytes) -> tuple[str, str] | None:
    """Windows-1256 or ISO-8859-6 for a file that is mostly Arabic letters.

    Both code pages put Arabic letters in the upper half, at different places, and
    Windows-1256 defines almost every byte, so "it decodes" proves nothing. The right
    one is the decoding in which the article "ال" is common.
    """
    high = sum(1 for b in data if b >= 0xC1)
    if high < max(8, len(data) // 20):  # not an Arabic text: let charset-normalizer judge
        return None
    best: tuple[int, str, str] | None = None
    for encoding in _LEGACY_ARABIC:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = text.count("\u0627\u0644")
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is None or best[0] == 0:
        return None
    return best[1], best[2]


# --- one file ------------------------------------------------------------------

def read_text_file(path: Path) -> tuple[str, str]:
    """A file's text and encoding; raises UnreadableFile with a reason for the user."""
    check_regular_file(path)
    too_big = UnreadableFile(f"it is over {MAX_BYTES // 1024 // 1024} MB; an article file should be under "
                             f"{MAX_BYTES // 1024 // 1024} MB (is it the right file?)")
    if path.stat().st_size > MAX_BYTES:
        raise too_big
    try:
        # O_NONBLOCK: a file swapped for a pipe since the check must not hang the open;
        # at most MAX_BYTES + 1 are read, whatever the file claims its size is.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise UnreadableFile(_NOT_REGULAR)
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UnreadableFile(f"it cannot be read ({exc.strerror or exc})")
    if len(data) > MAX_BYTES:
        raise too_big
    return decode_bytes(data)


_NOT_REGULAR = "it is not a regular file (a pipe, a device or a socket); Tabayun reads only files"


def check_regular_file(path: Path) -> None:
    """UnreadableFile, with the reason in words, unless ``path`` is a regular file
    (or a symbolic link to one): a pipe or a device would hang or never end."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            raise UnreadableFile("it is a symbolic link to a file that does not exist")
        raise UnreadableFile("the file does not exist")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFile("it is a symbolic link that points back to itself (a link loop)")
        raise UnreadableFile(f"it cannot be opened ({exc.strerror or exc})")
    if stat.S_ISDIR(mode):
        raise UnreadableFile("it is a folder")
    if not stat.S_ISREG(mode):
        raise UnreadableFile(_NOT_REGULAR)


def load_file(path: str | Path, info: dict[str, str] | None = None) -> LoadResult:
    """Load one file: one article (text, HTML) or several (CSV/JSON records)."""
    path = Path(path)
    result = LoadResult()
    suffix = path.suffix.lower()
    try:
        check_regular_file(path)
    except UnreadableFile as exc:
        result.problems.append(LoadProblem(str(path), exc.reason))
        return result
    if suffix not in ARTICLE_SUFFIXES:
        result.problems.append(LoadProblem(str(path), f"'{path.suffix or path.name}' files are not articles "
                                           f"Tabayun reads (it reads {', '.join(ARTICLE_SUFFIXES)})"))
        return result
    try:
        text, encoding = read_text_file(path)
        if suffix in TEXT_SUFFIXES:
            result.articles.append(_article(path.stem, text, path, encoding, info or {}))
        elif suffix in HTML_SUFFIXES:
            result.articles.append(_html_article(path, text, encoding, info or {}))
        else:
            records = list(_records(path, text))
            if not records:
                raise UnreadableFile("it holds no article records")
            for n, record in enumerate(records, 1):
                try:
                    result.articles.append(_record_article(path, n, record, encoding))
                except UnreadableFile as exc:
                    result.problems.append(LoadProblem(f"{path} (record {n})", exc.reason))
    except UnreadableFile as exc:
        result.problems.append(LoadProblem(str(path), exc.reason))
    return result


def _article(doc_id: str, text: str, path: Path, encoding: str, info: dict[str, str]) -> Article:
    if not text.strip():
        raise UnreadableFile("the file holds only blank space")
    return Article(doc_id=doc_id, text=text, outlet=info.get("outlet") or doc_id, source=path,
                   encoding=encoding, title=info.get("title") or None, date=info.get("date") or None,
                   url=info.get("url") or None, language=info.get("language") or None)


def _html_article(path: Path, html: str, encoding: str, info: dict[str, str]) -> Article:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    meta = trafilatura.extract_metadata(html)
    title = (meta.title if meta else None) or ""
    if not body:
        raise UnreadableFile("no article text was found in this HTML page")
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    merged = {"title": title, "date": meta.date if meta else "", "url": meta.url if meta else "",
              "outlet": (meta.sitename if meta else "") or ""}
    merged.update({k: v for k, v in info.items() if v})
    return _article(path.stem, text, path, encoding, merged)


def _records(path: Path, text: str) -> Iterator[dict]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            yield from csv.DictReader(io.StringIO(text, newline=""))
        elif suffix == ".jsonl":
            for number, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    try:
                        yield _json(line)
                    except json.JSONDecodeError as exc:
                        raise UnreadableFile(f"line {number} is not valid JSON ({exc.msg})")
        else:
            data = _json(text)
            if isinstance(data, dict):
                data = data.get("articles", [data])
            if not isinstance(data, list):
                raise UnreadableFile("the JSON holds neither an article object nor a list of them")
            yield from data
    except json.JSONDecodeError as exc:
        raise UnreadableFile(f"it is not valid JSON (line {exc.lineno}: {exc.msg})")
    except csv.Error as exc:
        raise UnreadableFile(f"it is not a valid CSV file ({exc})")


def _json(text: str) -> object:
    try:
        return json.loads(text)
    except RecursionError:
        raise UnreadableFile("its JSON is nested too deeply to be an article") from None


def _field(record: dict, names: Iterable[str], what: str = "text") -> str:
    """The first of ``names`` the record has, as text. JSON strings are taken as they are
    (a lone surrogate, which no file can hold, becomes U+FFFD: same length); a number is
    taken for an id or a date; a list, object or true/false is not text, and is refused."""
    lowered = {str(k).strip().lower(): v for k, v in record.items() if k is not None}
    for name in names:
        value = lowered.get(name)
        if value in (None, ""):
            continue
        if isinstance(value, str):
            return _without_lone_surrogates(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and what != "text":
            return str(value)
        raise UnreadableFile(f"its field '{name}' is {_json_kind(value)}, not {what}")
    return ""


def _json_kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    return "a list" if isinstance(value, list) else "an object" if isinstance(value, dict) else "not text"


def _without_lone_surrogates(text: str) -> str:
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


def _record_article(path: Path, n: int, record: object, encoding: str) -> Article:
    if not isinstance(record, dict):
        raise UnreadableFile("it is not an object with fields")
    body = _field(record, TEXT_FIELDS)
    if not body.strip():
        raise UnreadableFile(f"it has no text (expected one of the fields {', '.join(TEXT_FIELDS[:4])})")
    title = _field(record, TITLE_FIELDS)
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    ident = _field(record, ID_FIELDS, "an id") or f"{path.stem}-{n:03d}"
    info = {"outlet": _field(record, OUTLET_FIELDS), "title": title,
            "date": _field(record, ("date", "published"), "a date"),
            "url": _field(record, ("url", "link")), "language": _field(record, ("language", "lang"))}
    return _article(ident, text, path, encoding, info)


# --- folders and many paths ----------------------------------------------------

def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """file name -> {outlet, language, date, ...} from a folder's manifest.csv, if any."""
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return {}
    try:
        text, _ = read_text_file(path)
        rows = csv.DictReader(io.StringIO(text, newline=""))
        return {row["file"]: {k: (v or "").strip() for k, v in row.items() if k} for row in rows if row.get("file")}
    except (UnreadableFile, csv.Error, KeyError):
        return {}  # a broken manifest only costs the outlet names


def article_files(folder: Path) -> list[Path]:
    """The article files of a folder: not its manifest, nor the labels, agreement or
    export tables Tabayun itself writes beside the articles."""
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and p.name != MANIFEST_NAME
                  and not p.name.startswith(".") and not is_tabayun_table(p))


# Column names that only Tabayun's own tables have (labels.csv and what is made from it).
_OWN_TABLE_COLUMNS = ({"label_id", "char_start"}, {"row_id", "doc_a", "doc_b"}, {"row_id", "unit_id"},
                      {"doc_id", "char_start", "entry"}, {"term_a", "term_b"}, {"code", "annotator"},
                      {"row_id", "slot_id", "reading"})


def is_tabayun_table(path: Path) -> bool:
    """True for a CSV Tabayun wrote (labels, differences, alignment...): not an article."""
    if path.suffix.lower() != ".csv":
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096).decode("utf-8-sig", errors="replace").splitlines()
    except OSError:
        return False
    columns = {c.strip().strip('"').lower() for c in head[0].split(",")} if head else set()
    return any(own <= columns for own in _OWN_TABLE_COLUMNS)


def load_paths(paths: Iterable[str | Path]) -> LoadResult:
    """Load files and folders (every article file inside) as one event.

    doc_ids are the file stems (or record ids), made unique with a suffix if two
    files share one.
    """
    result = LoadResult()
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            manifest = read_manifest(path)
            files = article_files(path)
            if not files:
                result.problems.append(LoadProblem(str(path), "the folder holds no article files "
                                                   f"({', '.join(ARTICLE_SUFFIXES)})"))
            loaded = [load_file(f, manifest.get(f.name)) for f in files]
        elif path.exists():
            loaded = [load_file(path, read_manifest(path.parent).get(path.name))]
        elif path.is_symlink():  # a link loop, or to nothing: load_file says which
            loaded = [load_file(path)]
        else:
            loaded = [LoadResult(problems=[LoadProblem(str(path), "no such file or folder")])]
        for part in loaded:
            result.problems.extend(part.problems)
            for article in part.articles:
                result.articles.append(_unique(article, seen))
    return result


def unique_id(wanted: str, seen: set[str]) -> str:
    """``wanted``, or ``wanted~2``, ``wanted~3``… if taken; the id returned is added to ``seen``."""
    given, n = wanted, 2
    while given in seen:
        given, n = f"{wanted}~{n}", n + 1
    seen.add(given)
    return given


def _unique(article: Article, seen: set[str]) -> Article:
    doc_id = unique_id(article.doc_id, seen)
    if doc_id == article.doc_id:
        return article
    from dataclasses import replace

    return replace(article, doc_id=doc_id, outlet=article.outlet if article.outlet != article.doc_id else doc_id)
