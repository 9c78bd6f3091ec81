"""The corpus view's table models: the events of a corpus result, and its outlet × term table.

Every value comes from :mod:`tabayun.core.corpus.result` (read from the files
``tabayun corpus`` wrote); the models only show it, sort it and filter it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor, QFont

from ..core.corpus.result import CorpusEvent, TermCell, TermRow, TermTable, event_search_text, matches, search_text
from .grid_model import refilter_rows
from .panel_models import SortedItems, SourceSortingProxy, _Index
from .roles import ItemRole, SortRole

translate = QCoreApplication.translate

NOT_COMPARED = QColor("#777777")
OPEN_EVENT = QColor("#fff3c4")  # the row of the event open in the grid
SHARE_COLOUR = QColor("#2f6db5")  # a term cell's background, as strong as its share


def joined(parts, separator: str = "; ", prefix: str = "") -> str:
    """``parts`` as one line, with no bidi control characters: an item view lays a list out in
    the direction of its first letter (an Arabic list right to left in an English window too);
    explicit embeddings or isolates made Qt clip the text of a narrow column."""
    return prefix + separator.join(parts)


class CorpusEventsModel(SortedItems):
    """events.csv, one row per event; the event open in the grid in bold on a yellow ground."""

    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "Event"), QT_TRANSLATE_NOOP("Columns", "Dates"),
               QT_TRANSLATE_NOOP("Columns", "Articles"), QT_TRANSLATE_NOOP("Columns", "Outlets"),
               QT_TRANSLATE_NOOP("Columns", "Word choices"), QT_TRANSLATE_NOOP("Columns", "Labelled"),
               QT_TRANSLATE_NOOP("Columns", "Top variants"))
    NUMBERS = (2, 4)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.items: list[CorpusEvent] = []
        self.search: dict[str, str] = {}  # event id -> what a search looks in
        self.open_event: str | None = None
        self.labelled: set[str] = set()  # events whose folder holds labels
        self._bold = QFont()
        self._bold.setBold(True)

    def set_events(self, events: list[CorpusEvent], search: dict[str, str] | None = None,
                   labelled: set[str] | None = None) -> None:
        """``search``: each event's search text by id (made here when not given);
        ``labelled``: the events that have labels."""
        self.beginResetModel()
        self.labelled = set(labelled or ())
        self.items = list(events)
        self.search = search if search is not None else {e.event_id: event_search_text(e) for e in self.items}
        self.open_event = None
        self.endResetModel()
        self.resort()

    def row_of(self, event_id: str | None) -> int:
        return next((row for row, e in enumerate(self.items) if e.event_id == event_id), -1)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and section == 5:  # Labelled: a narrow column of ✓
            if role == Qt.ItemDataRole.DisplayRole:
                return "✓"
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate("Corpus", "Labelled: the event's folder holds your labels (sort on it to find "
                                           "the events still to do)")
            return None
        return super().headerData(section, orientation, role)

    def set_labelled(self, event_id: str, labelled: bool) -> None:
        if (event_id in self.labelled) == labelled:
            return
        (self.labelled.add if labelled else self.labelled.discard)(event_id)
        row = self.row_of(event_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 5), self.index(row, 5))

    def set_open_event(self, event_id: str | None) -> None:
        """Mark the event shown in the grid (None: none of this corpus's)."""
        rows = [self.row_of(self.open_event), self.row_of(event_id)]
        self.open_event = event_id
        for row in rows:
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def sort_key(self, e: CorpusEvent, column: int):
        if column == 1:
            return (e.first_date or "9999", e.last_date or "9999", e.event_id)
        if column == 2:
            return (e.articles, e.event_id)
        if column == 3:
            return (e.outlets, e.outlet_names, e.event_id)
        if column == 4:
            return (e.word_choices if e.compared else -1, e.event_id)
        if column == 5:
            return (e.event_id in self.labelled, e.event_id)
        if column == 6:
            return (not e.top_variants, e.top_variants, e.event_id)
        return e.event_id

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.items)):
            return None
        e = self.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return e.event_id
            if column == 1:
                return e.dates or translate("Corpus", "no date")
            if column == 2:
                return str(e.articles)
            if column == 3:
                return joined(e.outlet_names, prefix=f"{e.outlets} · ") if e.outlet_names else str(e.outlets)
            if column == 4:
                return str(e.word_choices) if e.compared else "—"
            if column == 5:
                return "✓" if e.event_id in self.labelled else ""
            if column == 6:
                return (joined(e.top_variants) if e.compared
                        else translate("Corpus", "one outlet: not compared"))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(e)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if e.event_id == self.open_event else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return OPEN_EVENT if e.event_id == self.open_event else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return NOT_COMPARED if not e.compared else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMBERS:
            return int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 5:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == SortRole:
            return self.sort_key(e, column)
        if role == ItemRole:
            return e
        return None

    def _tooltip(self, e: CorpusEvent) -> str:
        lines = [translate("Corpus", "{event}: %n article(s)", "", e.articles).format(event=e.event_id),
                 translate("Corpus", "Outlets: {names}").format(names="; ".join(e.outlet_names) or "—")]
        if e.compared:
            lines.append(translate("Corpus", "%n word choice(s); slots in all: {slots}", "", e.word_choices).format(
                slots=e.slots))
            lines += [f"  {v}" for v in e.top_variants]
        else:
            lines.append(translate("Corpus", "Only one outlet told this story: there is nothing to compare."))
        if e.event_id in self.labelled:
            lines.append(translate("Corpus", "Its folder holds your labels (labels.csv)."))
        lines.append(translate("Corpus", "Enter or a double-click opens it in the grid."))
        return "\n".join(lines)


class CorpusEventsProxy(SourceSortingProxy):
    """The events a search finds (in ids, dates, outlets, top variants), sorted by the model."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.query = ""

    def set_query(self, query: str) -> None:
        if query != self.query:
            refilter_rows(self, lambda: setattr(self, "query", query))

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self.query.strip():
            return True
        model = self.sourceModel()
        if source_row >= len(model.items):
            return False
        return matches(model.search.get(model.items[source_row].event_id, ""), self.query)


class OutletTermsModel(SortedItems):
    """across/terms_by_outlet.csv as a table: a line per term and reading, a column per outlet
    whose cell is "k/n · share" (in k of the n events where the outlet is a witness of the
    term, it has this reading), coloured as strong as the share."""

    FIXED = (QT_TRANSLATE_NOOP("Columns", "Term"), QT_TRANSLATE_NOOP("Columns", "Reading"))

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.items: list[TermRow] = []
        self.table = TermTable([], [])
        self.outlets: list[str] = []
        self.search: dict[int, str] = {}  # id(row) -> its term and reading, folded

    @property
    def COLUMNS(self) -> tuple[str, ...]:  # noqa: N802 (SortedItems' name)
        return self.FIXED + tuple(self.outlets)

    def set_table(self, table: TermTable) -> None:
        self.beginResetModel()
        self.table = table
        self.items = list(table.rows)
        self.outlets = list(table.outlets)
        self.search = {id(r): search_text(r.term, r.reading) for r in self.items}
        self.endResetModel()
        self.resort()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return translate("Columns", self.FIXED[section]) if section < len(self.FIXED) else self.outlets[section - 2]
            if role == Qt.ItemDataRole.ToolTipRole and section >= len(self.FIXED):
                return translate("Corpus", "{outlet}: in how many of the events where it reports the term it "
                                           "has this reading").format(outlet=self.outlets[section - 2])
            return None
        return super().headerData(section, orientation, role)

    def cell(self, row: TermRow, column: int) -> TermCell | None:
        return row.cells.get(self.outlets[column - 2]) if column >= 2 else None

    def sort_key(self, row: TermRow, column: int):
        if column == 0:
            return (row.term, row.reading)
        if column == 1:
            return (row.reading, row.term)
        cell = self.cell(row, column)
        return (-1.0, 0, row.term) if cell is None else (cell.share, cell.events, row.term)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.items)):
            return None
        row = self.items[index.row()]
        column = index.column()
        cell = self.cell(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.term
            if column == 1:
                return row.reading
            return "" if cell is None else f"{cell.with_reading}/{cell.events} · {cell.share:.0%}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if column < 2:
                return translate("Corpus", "{reading} (of {term}): reported by outlets in %n event(s) in all",
                                 "", row.events).format(reading=row.reading, term=row.term)
            outlet = self.outlets[column - 2]
            if cell is None:
                return translate("Corpus", "{outlet} never reports a slot of {term}").format(outlet=outlet, term=row.term)
            text = translate("Corpus", "{outlet} has {reading} in {k} of the %n event(s) where it reports {term}",
                             "", cell.events).format(outlet=outlet, reading=row.reading, k=cell.with_reading,
                                                     term=row.term)
            if cell.ci_low is not None and cell.ci_high is not None:
                text += "\n" + translate("Corpus", "share {share}, 95% interval {low}–{high}").format(
                    share=f"{cell.share:.0%}", low=f"{cell.ci_low:.0%}", high=f"{cell.ci_high:.0%}")
            habit = self._habit(row, outlet)
            return text + ("\n" + habit if habit else "")
        if role == Qt.ItemDataRole.BackgroundRole and cell is not None:
            colour = QColor(SHARE_COLOUR)
            colour.setAlphaF(0.08 + 0.5 * cell.share)
            return colour
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == SortRole:
            return self.sort_key(row, column)
        if role == ItemRole:
            return row
        return None


    def _habit(self, row: TermRow, outlet: str) -> str:
        """The outlet's pattern for the term in plain words (core.corpus.patterns)."""
        kind, this = self.table.pattern(row, outlet)
        other = self.table.other_reading(row)
        words = {"outlet": outlet, "reading": row.reading if this is not False else (other.reading if other else ""),
                 "other": (other.reading if other else "") if this is not False else row.reading}
        if kind == "always":
            return translate("Corpus", "A habit: {outlet} always writes {reading}").format(**words)
        if kind == "once":
            return translate("Corpus", "A one-off: {outlet} wrote {reading} once, {other} otherwise").format(**words)
        if kind == "mixed":
            return translate("Corpus", "Mixed: {outlet} writes either").format(**words)
        if kind == "one event":
            return translate("Corpus", "One event: too few to tell a habit")
        return ""


class OutletTermsProxy(CorpusEventsProxy):
    """The term lines a search finds (in the term and its readings)."""

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self.query.strip():
            return True
        model = self.sourceModel()
        if source_row >= len(model.items):
            return False
        return matches(model.search.get(id(model.items[source_row]), ""), self.query)
