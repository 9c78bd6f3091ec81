"""The codebook researchers label with: codes, their labels, colours and keys.

A codebook is a CSV file (see ``resources/codebook/default.csv``)::

    # name: Tabayun framing codebook
    # version: 1.0
    id,label_en,label_ar,definition,example,colour,key,framing
    referent_label,Referent label,تسمية الفاعل,...,#ffc99a,1,true

``# name:`` and ``# version:`` comment lines (anywhere before the column line) name
the codebook; every label records both, so a changed codebook never silently
reinterprets old labels. A missing name falls back to the file's stem, a missing
version to "". Other lines starting with ``#`` are comments.

These codes are what *people* assign. The machine's categories of differences and
markers (``categories.csv``) only *suggest* a code: :meth:`Codebook.suggest`.
"""

from __future__ import annotations

import csv
import io
import re
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .. import resources
from ..analysis.normalize import fold

CODEBOOK_COLUMNS = ("id", "label_en", "label_ar", "definition", "example", "colour", "key", "framing")

# Machine category (categories.csv) -> the code a researcher most often gives it.
# loaded_term goes to referent_label because nearly every framing-lexicon entry is a
# name for an actor or place (جيش الاحتلال for the Israeli army, الكيان الصهيوني for
# Israel); the researcher retypes it when it is rather an evaluative word.
SUGGESTED_CODES = {
    "lexical": "referent_label",
    "spelling": "spelling_variant",
    "punctuation": "neutral",
    "number": "factual_discrepancy",
    "added_omitted": "omission",
    "rewording": "neutral",
    "loaded_term": "referent_label",
    "scare_quotes": "scare_quotes",
    "attribution_verb": "attribution_verb",
}

_ID = re.compile(r"\w+")
_COLOUR = re.compile(r"#[0-9a-f]{6}")
_HEADER = re.compile(r"^#\s*(name|version)\s*:\s*(.*?)\s*$", re.IGNORECASE)
_TRUE = {"true", "yes", "1"}
_FALSE = {"false", "no", "0"}
# WCAG AA for normal text: below this, black text on the colour is hard to read.
MIN_CONTRAST_WITH_BLACK = 4.5


class CodebookError(ValueError):
    """A codebook file that cannot be used; ``str()`` names the file, line and reason."""

    def __init__(self, source: str, line: int | None, reason: str):
        self.source, self.line, self.reason = source, line, reason
        where = f"{source} line {line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True)
class Code:
    id: str
    label_en: str
    label_ar: str
    definition: str
    example: str
    colour: str  # "#rrggbb"
    key: str  # one digit or lower-case letter; "" for no shortcut
    framing: bool

    def label(self, language: str = "en") -> str:
        return self.label_ar if language == "ar" else self.label_en


@dataclass(frozen=True)
class Codebook:
    name: str
    version: str
    codes: tuple[Code, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.codes)

    @cached_property
    def _by_id(self) -> dict[str, Code]:
        return {c.id: c for c in self.codes}

    def code(self, id: str) -> Code:
        """The code with this id; KeyError if the codebook has none."""
        try:
            return self._by_id[id]
        except KeyError:
            raise KeyError(f"no code {id!r} in codebook {self.name!r} {self.version}") from None

    def by_key(self, key: str) -> Code | None:
        """The code whose shortcut is ``key`` (case does not matter), or None."""
        key = key.strip().lower()
        return next((c for c in self.codes if key and c.key == key), None)

    def search(self, text: str) -> list[Code]:
        """Codes whose id or label (either language) contains ``text``.

        Case, Arabic diacritics and hamza forms do not matter; "_" in ids counts as a
        space. Codes whose id or a label *starts* with the text come first; otherwise
        codebook order. Empty text gives every code.
        """
        query = _searchable(text)
        if not query:
            return list(self.codes)
        starts, contains = [], []
        for code in self.codes:
            fields = [_searchable(f) for f in (code.id, code.label_en, code.label_ar)]
            if any(f.startswith(query) for f in fields):
                starts.append(code)
            elif any(query in f for f in fields):
                contains.append(code)
        return starts + contains

    def suggest(self, category: str | None) -> str | None:
        """The code id to pre-select for a machine category, if this codebook has it."""
        code_id = SUGGESTED_CODES.get(category or "")
        return code_id if code_id in self._by_id else None


def _searchable(text: str) -> str:
    return " ".join(fold(text.replace("_", " ")).split())


def contrast_with_black(colour: str) -> float:
    """WCAG contrast ratio of black text on ``colour`` ("#rrggbb"): 1 (none) to 21."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    return (luminance + 0.05) / 0.05


def default_codebook() -> Codebook:
    """The codebook Tabayun ships (``resources/codebook/default.csv``)."""
    return parse_codebook(resources.read_text("codebook", "default.csv"), "codebook/default.csv",
                          default_name="default")


def load_codebook(path: str | Path) -> Codebook:
    """A team's own codebook file, in the same format as the default one.

    Raises CodebookError (file, line, reason) for anything that would make labels
    ambiguous: missing columns, duplicate ids or keys, bad colours, unknown framing values.
    """
    path = Path(path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a pipe or device would hang or never end
            raise CodebookError(path.name, None, "is not a regular file; choose a .csv file")
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CodebookError(path.name, None, "is not UTF-8 text; save it as CSV UTF-8") from None
    except OSError as exc:
        raise CodebookError(path.name, None, f"cannot be read ({exc.strerror or exc})") from None
    return parse_codebook(text, path.name, default_name=path.stem)


def parse_codebook(text: str, source: str, default_name: str = "") -> Codebook:
    """Parse codebook CSV text; ``source`` names it in error messages."""
    text = text.removeprefix("\ufeff")
    meta: dict[str, str] = {}
    lines = _blank_comments(text.splitlines(keepends=True), meta)
    reader = csv.reader(io.StringIO("".join(lines), newline=""))
    header: list[str] | None = None
    codes: list[Code] = []
    first_line: dict[str, int] = {}  # id or "key:x" -> line it was defined on
    line = 1
    try:
        for record in reader:
            record_line, line = line, reader.line_num + 1
            if not record:
                continue
            if header is None:
                header = _check_header(record, source, record_line)
                continue
            code = _parse_code(dict(zip(header, record)), len(record), len(header), source, record_line)
            for slot in (code.id, f"key:{code.key}" if code.key else ""):
                if slot and slot in first_line:
                    what = f"key {code.key!r}" if slot.startswith("key:") else f"id {code.id!r}"
                    raise CodebookError(source, record_line,
                                        f"{what} is already used on line {first_line[slot]}; make it unique")
                first_line[slot] = record_line
            codes.append(code)
    except csv.Error as exc:
        raise CodebookError(source, line, f"is not valid CSV ({exc})") from None
    if header is None or not codes:
        raise CodebookError(source, None, "has no codes; expected the columns " + ",".join(CODEBOOK_COLUMNS))
    return Codebook(meta.get("name") or default_name, meta.get("version", ""), tuple(codes))


def _blank_comments(lines: list[str], meta: dict[str, str]) -> list[str]:
    """``lines`` with comment lines emptied (so line numbers stay), reading name/version."""
    out, in_quotes, seen_header = [], False, False
    for ln in lines:
        if not in_quotes and ln.lstrip().startswith("#"):
            match = _HEADER.match(ln.strip())
            if match and not seen_header:
                meta.setdefault(match.group(1).lower(), match.group(2))
            out.append("\n")
            continue
        seen_header = seen_header or bool(ln.strip())
        in_quotes ^= ln.count('"') % 2 == 1  # an odd count opens or closes a quoted field
        out.append(ln)
    return out


def _check_header(record: list[str], source: str, line: int) -> list[str]:
    header = [h.strip().lower() for h in record]
    missing = [c for c in CODEBOOK_COLUMNS if c not in header]
    if missing:
        raise CodebookError(source, line, f"missing column(s) {', '.join(missing)}; "
                                          f"the columns are {','.join(CODEBOOK_COLUMNS)}")
    return header


def _parse_code(row: dict[str, str], width: int, expected: int, source: str, line: int) -> Code:
    def fail(reason: str) -> CodebookError:
        return CodebookError(source, line, reason)

    if width != expected:
        raise fail(f"has {width} fields, expected {expected} (a comma inside a field needs quotes)")
    row = {k: v.strip() for k, v in row.items()}
    if not _ID.fullmatch(row["id"]):
        raise fail(f"id {row['id']!r} must be letters, digits and _ only")
    if not row["label_en"] and not row["label_ar"]:
        raise fail(f"code {row['id']!r} needs a label_en or label_ar")
    colour = row["colour"].lower()
    if not _COLOUR.fullmatch(colour):
        raise fail(f"colour {row['colour']!r} is not #rrggbb (e.g. #ffc99a)")
    if contrast_with_black(colour) < MIN_CONTRAST_WITH_BLACK:
        raise fail(f"colour {colour} is too dark for black text (contrast "
                   f"{contrast_with_black(colour):.1f}:1, needs {MIN_CONTRAST_WITH_BLACK}:1); pick a lighter one")
    key = row["key"].lower()
    if key and not (len(key) == 1 and key.isalnum()):
        raise fail(f"key {row['key']!r} must be one letter or digit (or empty for no shortcut)")
    framing = row["framing"].lower()
    if framing not in _TRUE | _FALSE:
        raise fail(f"framing {row['framing']!r} must be true or false")
    return Code(row["id"], row["label_en"], row["label_ar"], row["definition"], row["example"],
                colour, key, framing in _TRUE)
