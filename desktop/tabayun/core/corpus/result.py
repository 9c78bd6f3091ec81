"""Opening what ``tabayun corpus`` wrote (docs/corpus-format.md) for the window: the index of
events, the articles and the outlet × term table, as plain values.

Read with the csv module only: the window opens a corpus result without pandas, pyarrow or
the rest of the corpus extra. What cannot be read is said in :attr:`CorpusResult.problems`
(which file, which line, what to do) and the rest is kept; only a folder that is no corpus
result, or a run that did not finish, raises :class:`CorpusResultError`.
"""

from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..analysis.normalize import fold
from ..files import CSV_ENCODING, unescape_cell
from .patterns import pattern

FORMAT = "tabayun-corpus"
VERSION = 1
INFO_NAME = "corpus.json"
EVENTS_NAME = "events.csv"
ARTICLES_NAME = "articles.csv"
TERMS_NAME = "across/terms_by_outlet.csv"
STATE_NAME = ".state"
LABELS_NAME = "labels.csv"  # what the window saves in an event's folder
MAX_LINE_PROBLEMS = 5  # per file: a file wrong on every line is said once, not 20,000 times

EVENT_COLUMNS = ("event_id", "first_date", "last_date", "articles", "outlets", "outlet_names", "compared",
                 "slots", "word_choices", "top_variants", "folder")
ARTICLE_COLUMNS = ("record_id", "event_id", "outlet", "date", "title", "url", "source", "file")
# counted by `tabayun corpus` as it compares (across/ reads them); a result of an older version
# has none, and the window does not need them
ARTICLE_COUNT_COLUMNS = ("words", "direction")
TERM_COLUMNS = ("term", "reading", "outlet", "events", "with_reading", "share", "ci_low", "ci_high")


class CorpusResultError(ValueError):
    """A folder the window cannot show as a corpus result; the message says why and what to do."""


class CorpusEvent(NamedTuple):
    """One line of events.csv (a tuple: 20,000 of them are made in a blink)."""

    event_id: str
    first_date: str  # ISO, "" when unknown
    last_date: str
    articles: int
    outlets: int
    outlet_names: tuple[str, ...]
    compared: bool
    slots: int
    word_choices: int
    top_variants: tuple[str, ...]  # each "reading / reading"
    folder: str  # relative to the result's folder

    @property
    def dates(self) -> str:
        """"2021-11-24", "2021-11-24 – 11-26" (the last date's year said when it differs),
        "2021-12-30 – 2022-01-02", or "" when no date is known."""
        first, last = self.first_date, self.last_date
        if first and last and first != last:
            return f"{first} – {last[5:] if first[:5] == last[:5] and len(last) == 10 else last}"
        return first or last


class CorpusArticle(NamedTuple):
    """One line of articles.csv."""

    record_id: str
    event_id: str
    outlet: str
    date: str
    title: str
    url: str
    source: str
    file: str


@dataclass(frozen=True)
class TermShare:
    """One line of across/terms_by_outlet.csv: of the ``events`` (n) where ``outlet`` is a
    witness of a slot of ``term``, it has ``reading`` in ``with_reading`` (k)."""

    term: str
    reading: str
    outlet: str
    events: int
    with_reading: int
    share: float
    ci_low: float | None
    ci_high: float | None


@dataclass(frozen=True)
class TermCell:
    """An outlet's use of one reading of a term: k of n events, share k/n, Wilson interval."""

    with_reading: int
    events: int
    share: float
    ci_low: float | None = None
    ci_high: float | None = None


@dataclass(frozen=True)
class TermRow:
    term: str
    reading: str
    cells: dict[str, TermCell]  # outlet -> its cell; an outlet never a witness of the term has none

    @property
    def events(self) -> int:
        """Events counted over all outlets (n summed): how much evidence the line rests on."""
        return sum(c.events for c in self.cells.values())


@dataclass(frozen=True)
class TermTable:
    """terms_by_outlet.csv pivoted: a line per term and reading, a column per outlet."""

    outlets: list[str]
    rows: list[TermRow]

    def other_reading(self, row: TermRow) -> TermRow | None:
        """The line of the term's other reading (a term is a pair of readings)."""
        return next((r for r in self.rows if r.term == row.term and r.reading != row.reading), None)

    def pattern(self, row: TermRow, outlet: str) -> tuple[str, bool | None]:
        """Whether ``outlet``'s choice of the term is a habit (core.corpus.patterns): the
        pattern ("always", "once", "mixed", "one event") and whether it is about this line's
        reading (True), the other (False) or neither (None). ("", None) where the outlet never
        reports the term."""
        cell = row.cells.get(outlet)
        if cell is None:
            return "", None
        other = self.other_reading(row)
        other_cell = other.cells.get(outlet) if other is not None else None
        kind, which = pattern(cell.with_reading, other_cell.with_reading if other_cell else 0, cell.events)
        return kind, None if which is None else which == 0


@dataclass
class CorpusResult:
    folder: Path
    info: dict
    events: list[CorpusEvent] = field(default_factory=list)
    articles: list[CorpusArticle] = field(default_factory=list)
    terms: list[TermShare] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # what could not be read, for the user
    _search: dict[str, str] | None = field(default=None, repr=False)
    _labelled: set[str] | None = field(default=None, repr=False)

    def labelled_events(self) -> set[str]:
        """The events whose folder holds a labels.csv with a label in it (looked at once:
        a worker looks before the window asks; the window keeps the open event's up to date)."""
        if self._labelled is None:
            self._labelled = {e.event_id for e in self.events if has_labels(self.event_folder(e) / LABELS_NAME)}
        return self._labelled

    def search_texts(self) -> dict[str, str]:
        """Each event's :func:`event_search_text` by its id (made once: a worker makes it
        before the window asks)."""
        if self._search is None:
            titles: dict[str, list[str]] = {}
            for a in self.articles:
                if a.title:
                    titles.setdefault(a.event_id, []).append(a.title)
            self._search = {e.event_id: event_search_text(e, titles.get(e.event_id, ())) for e in self.events}
        return self._search

    @property
    def name(self) -> str:
        return self.folder.name

    def event(self, event_id: str) -> CorpusEvent | None:
        return next((e for e in self.events if e.event_id == event_id), None)

    def event_folder(self, event: CorpusEvent | str) -> Path:
        """The event's folder (an ordinary event folder: the window opens it and saves
        labels.csv there): its ``folder`` column, else ``events/<event_id>``."""
        if isinstance(event, str):
            found = self.event(event)
            relative = found.folder if found is not None and found.folder else f"events/{event}"
        else:
            relative = event.folder or f"events/{event.event_id}"
        return self.folder / relative

    def event_of_folder(self, folder: str | Path) -> CorpusEvent | None:
        """The event whose folder ``folder`` is (None: not one of this corpus's events)."""
        try:
            wanted = Path(folder).resolve()
        except OSError:
            return None
        return next((e for e in self.events if self.event_folder(e).resolve() == wanted), None)

    def articles_of(self, event_id: str) -> list[CorpusArticle]:
        return [a for a in self.articles if a.event_id == event_id]

    def term_table(self) -> TermTable:
        return term_table(self.terms)


def term_table(terms: list[TermShare]) -> TermTable:
    """The per-outlet pivot of terms_by_outlet: lines in the file's order of (term, reading),
    outlets in alphabetical order."""
    rows: dict[tuple[str, str], dict[str, TermCell]] = {}
    outlets: set[str] = set()
    for t in terms:
        rows.setdefault((t.term, t.reading), {})[t.outlet] = TermCell(t.with_reading, t.events, t.share,
                                                                      t.ci_low, t.ci_high)
        outlets.add(t.outlet)
    return TermTable(sorted(outlets), [TermRow(term, reading, cells) for (term, reading), cells in rows.items()])


def has_labels(path: Path) -> bool:
    """``path`` is a labels file with a line after its header (read no further)."""
    try:
        with open(path, "rb") as f:
            head = f.read(1 << 16)
    except OSError:
        return False
    first = head.find(b"\n")
    return first >= 0 and bool(head[first + 1:].strip())


def search_text(*parts: str) -> str:
    """What a search looks in: the parts folded as the grid's search folds words (diacritics,
    hamza forms, case), one per line."""
    return "\n".join(fold(p) for p in parts)


def event_search_text(event: CorpusEvent, titles=()) -> str:
    """An event's id, dates, outlets and top variants (and its articles' ``titles``), for
    :func:`matches`."""
    return search_text(event.event_id, event.first_date, event.last_date, *event.outlet_names, *event.top_variants,
                       *titles)


def matches(text: str, query: str) -> bool:
    """Every word of ``query`` is in ``text`` (made by :func:`search_text`)."""
    return all(word in text for word in fold(query).split())


def is_corpus_result(path: str | Path) -> bool:
    """True when ``path`` is a folder ``tabayun corpus`` wrote (finished or not)."""
    folder = Path(path)
    try:
        return folder.is_dir() and ((folder / INFO_NAME).is_file() or (folder / STATE_NAME).is_dir())
    except OSError:
        return False


def rerun_command(folder: Path, info: dict) -> str:
    """The command that finishes an interrupted run (its inputs are in corpus.json)."""
    inputs = info.get("inputs") if isinstance(info.get("inputs"), list) else []
    words = ["tabayun", "corpus", *(_quoted(str(i)) for i in inputs), "--out", _quoted(str(folder))]
    return " ".join(words) if inputs else f"tabayun corpus INPUT... --out {_quoted(str(folder))}"


def _quoted(word: str) -> str:
    return word if word and all(c.isalnum() or c in "/._-+:=@" for c in word) else "'" + word.replace("'", "'\\''") + "'"


def open_corpus_result(folder: str | Path) -> CorpusResult:
    """Read the corpus result in ``folder``. Raises :class:`CorpusResultError` when it is no
    corpus result or its run did not finish; a missing or damaged file (events.csv,
    articles.csv, across/terms_by_outlet.csv) is named in ``problems`` and the rest is read."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusResultError(f"{folder} is not a folder. Open the folder `tabayun corpus` wrote (its --out).")
    info_path = folder / INFO_NAME
    if not info_path.is_file():
        if (folder / STATE_NAME).is_dir():
            raise CorpusResultError(
                f"{folder} is a corpus run that did not finish (it has no {INFO_NAME} yet). Run the same "
                "`tabayun corpus` command again to finish it: it goes on from where it stopped.")
        raise CorpusResultError(
            f"{folder} is not a corpus result: it has no {INFO_NAME}. Open the folder `tabayun corpus ... --out DIR` "
            "wrote, or open an event's folder (File → Open Folder) to see one event.")
    try:
        info = json.loads(info_path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusResultError(
            f"{info_path} cannot be read ({exc}). Run `tabayun corpus` again with --out {folder} to write it anew.") from None
    if not isinstance(info, dict) or info.get("format") != FORMAT:
        raise CorpusResultError(f"{info_path} is not a corpus result's description (its format is not "
                                f"{FORMAT!r}). Open the folder `tabayun corpus` wrote.")
    version = info.get("version")
    if isinstance(version, int) and version > VERSION:
        raise CorpusResultError(f"{folder} was written by a newer Tabayun (corpus format {version}; this one reads "
                                f"{VERSION}). Update Tabayun to open it.")
    if info.get("complete") is not True:
        raise CorpusResultError(
            f"The corpus run in {folder} did not finish: its results are incomplete. Run the same command again to "
            f"finish it (it goes on from where it stopped):\n{rerun_command(folder, info)}")
    result = CorpusResult(folder, info)
    result.events = _read(folder, EVENTS_NAME, EVENT_COLUMNS, _event, result.problems)
    result.articles = _read(folder, ARTICLES_NAME, ARTICLE_COLUMNS, _article, result.problems)
    result.terms = _read(folder, TERMS_NAME, TERM_COLUMNS, _term, result.problems)
    expected = info.get("events")
    if isinstance(expected, int) and (folder / EVENTS_NAME).is_file() and expected != len(result.events) \
            and not any(p.startswith(EVENTS_NAME) for p in result.problems):
        result.problems.append(f"{EVENTS_NAME} lists {len(result.events)} events where {INFO_NAME} says {expected}: "
                               "run `tabayun corpus` again with the same --out to write it anew.")
    return result


def _read(folder: Path, name: str, columns: tuple[str, ...], make, problems: list[str]) -> list:
    """The lines of ``folder/name`` made into values by ``make(cells, line)``; each problem
    (missing file, missing columns, a bad line) said in ``problems``."""
    path = folder / name
    advice = "run `tabayun corpus` again with the same --out to write it anew"
    if not path.is_file():
        problems.append(f"{name} is missing from {folder}: {advice}.")
        return []
    values = []
    bad = 0
    try:
        with open(path, encoding=CSV_ENCODING, newline="") as f:
            reader = csv.reader(f)
            header = [unescape_cell(c) for c in next(reader, [])]
            missing = [c for c in columns if c not in header]
            if missing:
                problems.append(f"{name} is not what `tabayun corpus` writes: it has no column "
                                f"{', '.join(missing)}; {advice}.")
                return []
            at = [header.index(c) for c in columns]
            width, in_order = len(at), at == list(range(len(at)))
            for row in reader:
                if not row:
                    continue
                line = reader.line_num
                try:
                    if len(row) < len(header):
                        raise ValueError(f"{len(row)} cells where there are {len(header)} columns")
                    cells = row[:width] if in_order else [row[i] for i in at]
                    if "'" in [c[:1] for c in cells]:  # a formula-escaped cell: rare
                        cells = [unescape_cell(c) for c in cells]
                    values.append(make(cells))
                except ValueError as exc:
                    bad += 1
                    if bad <= MAX_LINE_PROBLEMS:
                        problems.append(f"{name} line {line}: {exc}; the line is left out.")
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        problems.append(f"{name} cannot be read past line {len(values) + 1} ({exc}); {advice}.")
    if bad > MAX_LINE_PROBLEMS:
        problems.append(f"{name}: {bad - MAX_LINE_PROBLEMS} more lines left out; {advice}.")
    return values


def _int(text: str, column: str) -> int:
    try:
        value = int(text.strip() or "0")
    except ValueError:
        raise ValueError(f"{column} is {text!r}, not a whole number") from None
    if value < 0:
        raise ValueError(f"{column} is {value}, below 0")
    return value


def _float(text: str, column: str, optional: bool = False) -> float | None:
    if optional and not text.strip():
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{column} is {text!r}, not a number") from None
    if math.isnan(value) and optional:
        return None
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{column} is {text}, not between 0 and 1")
    return value


def _bool(text: str, column: str) -> bool:
    value = text.strip().lower()
    if value in ("true", "1", "yes"):
        return True
    if value in ("false", "0", "no", ""):
        return False
    raise ValueError(f"{column} is {text!r}, not true or false")


def _split(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("; ") if p.strip())


def _event(cells: list[str]) -> CorpusEvent:
    event_id, first, last, articles, outlets, names, compared, slots, word_choices, top, folder = cells
    if not event_id.strip():
        raise ValueError("event_id is empty")
    folder = folder.strip().replace("\\", "/")
    if folder and (folder.startswith("/") or ":" in folder or ".." in folder.split("/")):
        # the window opens the folder and saves labels.csv in it: never outside the result
        raise ValueError(f"folder {folder!r} is not inside the corpus result")
    return CorpusEvent(event_id.strip(), first.strip(), last.strip(), _int(articles, "articles"),
                       _int(outlets, "outlets"), _split(names), _bool(compared, "compared"), _int(slots, "slots"),
                       _int(word_choices, "word_choices"), _split(top), folder)


_article = CorpusArticle._make


def _term(cells: list[str]) -> TermShare:
    term, reading, outlet, n, k, share, low, high = cells
    events, with_reading = _int(n, "events"), _int(k, "with_reading")
    if with_reading > events:
        raise ValueError(f"with_reading ({with_reading}) is more than events ({events})")
    return TermShare(term, reading, outlet, events, with_reading, _float(share, "share"),
                     _float(low, "ci_low", optional=True), _float(high, "ci_high", optional=True))
