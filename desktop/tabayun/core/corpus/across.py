"""Tables across the events of a corpus result (docs/corpus-format.md, ``across/``): per
outlet, which reading of a recurring word choice it takes in how many events; which events
it covers; how loaded its own wording is.

**What a term is.** Inside one event a *slot* is where the outlets' wordings of one claim
part; each outlet has a *reading* there (``variants.csv``: its words in ``text``; the
``reading`` column only numbers the slot's readings 1, 2, … within the slot, so it cannot
say that two events' readings are the same words). Across events, a reading is known by
its *matching form*: its words folded (diacritics, hamza, taa marbuta, case) and stemmed
(the article ال and the clitics و ف ب ل ك off, as the event's analysis stems them, checked
against a vocabulary of the whole corpus's readings), so that "الدفاع" in one event and
"دفاع" or "بالدفاع" in another are one reading. A *term* is an unordered pair of matching
forms that a slot opposes (the same pairing as the event's term table, ``TermPair``): a slot
of two readings is one term, a slot of three readings gives its three pairs. Pairs are not
chained into larger sets (دفاع/حرب and حرب/عدوان stay two terms): chaining through a common
word would merge unrelated choices into one opaque "term". A term *recurs* when slots of it
stand in ``min_events`` events or more (2 by default).

For each term, each of its two readings and each outlet: ``events`` (n) counts the events
where the outlet is a witness of a slot of that term (it writes one of its two readings
there); ``with_reading`` (k) the events, of those, where it writes this reading. An outlet
writing both readings in one event (in two claims, or in two articles) counts that event
for both, so the two shares of an outlet may add up to more than 1. Shares come with a
Wilson 95 % interval: k of n says whether a choice is a habit (الحرب for الدفاع in 5 of 5
events: 57 %–100 %) or a one-off (1 of 5: 4 %–62 %). A slot holds only the words where the
outlets part (وزير is shared), so the term of وزير الدفاع / وزير الحرب reads "الدفاع / الحرب".

**Which slots count.** Only those of category ``lexical`` by default: a word choice, where
the outlet could have written the other word. A ``spelling`` slot is one word or name written
two ways (جانتس/غانتس, Gaddafi/Qadhafi): a transliteration habit, not a choice of word;
pass ``categories=("lexical", "spelling")`` to see those habits too. Numbers are each
event's facts and never recur as a term; additions, omissions, rewordings and punctuation
have no two words to choose between. A reading with no words (the outlet left that part
out) makes the outlet no witness of the term.

A limit to keep in mind: an event where every outlet wrote the same word has no slot, so it
counts for no outlet (n counts the events where the choice was visible, not all events an
outlet reported).

Coverage is at story level: an outlet covers an event when one of its articles is grouped
into it (``articles.csv``). Loaded wording counts the markers of kind ``loaded_term`` in the
outlet's own voice (not quoted speech) per 1,000 words of its articles' headlines and
sentences, as the event report counts words.

Everything here is a pure function of DataFrames (the window calls them) except
:func:`read_corpus`, :func:`article_words`, :func:`across_tables` and :func:`write_across`,
which read and write the result folder.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping

from ..analysis.markers import LOADED_TERM
from ..analysis.normalize import Normalizer, fold, words as folded_words
from ..files import CSV_ENCODING, unescape_cell, write_csv
from .across_values import COVERAGE_COLUMNS, LOADED_COLUMNS, MIN_EVENTS, TERM_COLUMNS, AcrossTables

if TYPE_CHECKING:
    import pandas as pd

ACROSS_DIR = "across"
TERM_CATEGORIES = ("lexical",)
Z95 = 1.959963984540054  # the normal quantile of a two-sided 95 % interval
READING_JOIN = " / "
QUOTED = "quoted"  # a marker's voice inside quoted speech (core.model's voices)
DECIMALS = 4


def wilson_interval(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of k successes in n trials (NaN, NaN when n is 0)."""
    if n <= 0:
        return math.nan, math.nan
    p = k / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


# --- reading the result folder ---------------------------------------------------------

@dataclass
class CorpusTables:
    """What the tables across events are made from, read from a result folder."""

    events: pd.DataFrame  # events.csv
    articles: pd.DataFrame  # articles.csv
    variants: pd.DataFrame  # variants/ (event_id, row_id, slot_id, category, doc_id, outlet, text, reading)
    markers: pd.DataFrame  # markers/ (event_id, doc_id, category, voice, …)


VARIANT_FIELDS = ["event_id", "row_id", "slot_id", "category", "doc_id", "outlet", "text", "reading"]
MARKER_FIELDS = ["event_id", "doc_id", "char_start", "char_end", "text", "category", "entry", "voice"]


def read_dataset(folder: Path, columns: list[str], categories: Iterable[str] | None = None) -> pd.DataFrame:
    """A Parquet dataset partitioned by event (hive style: ``event_id=E00001/``) as one
    frame with ``columns`` (``event_id`` as text), only its lines of ``categories`` when
    given (read so: a corpus's rewordings and punctuation need not fit in memory); an empty
    frame when the folder is missing or holds no file (a corpus where no event was compared)."""
    import pandas as pd

    if not folder.is_dir() or not any(folder.rglob("*.parquet")):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    import pyarrow.dataset as ds

    dataset = ds.dataset(folder, format="parquet", partitioning="hive")
    missing = [c for c in columns if c not in dataset.schema.names]
    if missing:
        raise ValueError(f"{folder} has no column {', '.join(missing)}: it was not written by `tabayun corpus` "
                         "of this version; run `tabayun corpus` again into a new folder")
    where = None if categories is None else ds.field("category").isin(list(categories))
    frame = dataset.to_table(columns=columns, filter=where).to_pandas()
    frame["event_id"] = frame["event_id"].astype(str)
    return frame


def read_corpus(out_dir: str | Path, categories: Iterable[str] | None = TERM_CATEGORIES) -> CorpusTables:
    """events.csv, articles.csv and the variants and markers datasets of a result folder:
    the variants of ``categories`` (None: all of them), the markers of kind loaded term."""
    out_dir = Path(out_dir)
    for name in ("events.csv", "articles.csv"):
        if not (out_dir / name).is_file():
            raise FileNotFoundError(f"{out_dir} has no {name}: it is not a corpus result (run `tabayun corpus "
                                    f"INPUT... --out {out_dir}` first, or pick the folder it wrote)")
    events, articles = read_text_csv(out_dir / "events.csv"), read_text_csv(out_dir / "articles.csv")
    return CorpusTables(events, articles, read_dataset(out_dir / "variants", VARIANT_FIELDS, categories),
                        read_dataset(out_dir / "markers", MARKER_FIELDS, (LOADED_TERM,)))


def read_text_csv(path: Path) -> pd.DataFrame:
    """A CSV of the result with every cell as text (an outlet called "007" or "1.5" stays that
    name, as in the Parquet datasets), the formula escape undone."""
    import pandas as pd

    frame = pd.read_csv(path, encoding=CSV_ENCODING, keep_default_na=False, dtype=str)
    frame.columns = [unescape_cell(str(c)) for c in frame.columns]
    return frame.apply(lambda column: column.map(unescape_cell)) if len(frame) else frame


def article_texts(out_dir: str | Path, articles: pd.DataFrame) -> Iterator[tuple[tuple[str, str], str]]:
    """Each article's (event_id, doc_id) and text, one at a time, read verbatim from its file
    in the event folder (``file`` in articles.csv; its doc_id is the file's stem, as in the
    event's tables)."""
    out_dir = Path(out_dir)
    for event_id, file in zip(articles["event_id"], articles["file"]):
        path = out_dir / str(file)
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise FileNotFoundError(f"article file {path} cannot be read ({error}): the corpus result is "
                                    "incomplete; run `tabayun corpus` again with the same --out to finish it") from error
        yield (str(event_id), Path(str(file)).stem), text


def words_in_units(text: str) -> int:
    """Words in an article's headlines and sentences (page furniture and metadata lines left
    out), as the event's report counts them for loaded wording."""
    from ..analysis.normalize import TOKEN_RE
    from ..analysis.units import split_units
    from ..model import Article

    _, units = split_units(Article("article", text, "article"))
    # tokenize()'s words, counted without making them: a match whose matching form is not empty
    return sum(1 for u in units for m in TOKEN_RE.finditer(text, u.start, u.end) if fold(m.group()))


def article_counts(text: str) -> tuple[int, str]:
    """An article's words (``words_in_units``) and direction (``"rtl"`` or ``"ltr"``): what
    articles.csv's ``words`` and ``direction`` say (the run counts them as it compares)."""
    from ..sharing.event_view import text_direction

    return words_in_units(text), text_direction(text)


def article_words(out_dir: str | Path, articles: pd.DataFrame) -> tuple[dict[tuple[str, str], int], str]:
    """Words per article by (event_id, doc_id), and the corpus's language: ``"ar"`` when most
    articles are written right to left (ties: right to left, the rule of an event's report),
    else ``"en"``. Takes articles.csv's ``words`` and ``direction`` where it has them; reads
    the other articles' texts (a result of an older version), one at a time."""
    words, rtl = {}, 0
    todo = articles
    if "words" in articles.columns and "direction" in articles.columns:
        known = (articles["words"].astype(str) != "") & (articles["direction"].astype(str) != "")
        have = articles[known]
        for event_id, file, n, direction in zip(have["event_id"], have["file"], have["words"], have["direction"]):
            words[(str(event_id), Path(str(file)).stem)] = int(n)
            rtl += direction == "rtl"
        todo = articles[~known]
    for key, text in article_texts(out_dir, todo):
        n, direction = article_counts(text)
        words[key] = n
        rtl += direction == "rtl"
    return words, "ar" if rtl and rtl * 2 >= len(words) else "en"


# --- terms by outlet ---------------------------------------------------------------------

def reading_forms(texts: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each distinct reading text's matching form: its words folded and stemmed against a
    vocabulary of all of ``texts`` (so that "لوزير" meets "وزير" where the corpus writes it)."""
    distinct = {t if isinstance(t, str) else "" for t in texts}  # no text (a null): no words
    vocabulary = [w for t in distinct for w in folded_words(t)]
    normalizer = Normalizer(vocabulary)
    return {t: tuple(normalizer.stem(fold(w)) for w in folded_words(t)) for t in distinct}


def terms_by_outlet(variants: pd.DataFrame, min_events: int = MIN_EVENTS,
                    categories: Iterable[str] = TERM_CATEGORIES) -> pd.DataFrame:
    """terms_by_outlet.csv from the variants of all events (``event_id``, ``row_id``,
    ``slot_id``, ``category``, ``outlet``, ``text``): per recurring term, reading and outlet,
    in k of n events, with the Wilson 95 % interval (see the module docstring). Sorted by
    the term's number of events (most first), then the reading more outlets use, then the
    outlet."""
    import pandas as pd

    categories = tuple(categories)
    chosen = variants[variants["category"].isin(categories)] if len(variants) else variants
    if chosen.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in TERM_COLUMNS})
    forms = reading_forms(chosen["text"])
    surfaces: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    # per slot: the outlets writing each form
    slots: dict[tuple, dict[tuple[str, ...], set[str]]] = defaultdict(lambda: defaultdict(set))
    for event_id, row_id, slot_id, outlet, text in zip(chosen["event_id"], chosen["row_id"], chosen["slot_id"],
                                                       chosen["outlet"], chosen["text"]):
        text = text if isinstance(text, str) else ""
        form = forms[text]
        if not form:
            continue  # the outlet left this part out: no witness of a choice of words
        surfaces[form][text] += 1
        slots[(str(event_id), row_id, slot_id)][form].add(str(outlet))
    # per term (a pair of forms): per outlet, the events it witnesses and those with each form
    witnessed: dict[tuple, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    taking: dict[tuple, dict[tuple, dict[str, set[str]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))
    term_events: dict[tuple, set[str]] = defaultdict(set)
    for (event_id, _row, _slot), by_form in slots.items():
        present = sorted(by_form)
        for i, a in enumerate(present):
            for b in present[i + 1:]:
                pair = (a, b)
                term_events[pair].add(event_id)
                for form in pair:
                    for outlet in by_form[form]:
                        witnessed[pair][outlet].add(event_id)
                        taking[pair][form][outlet].add(event_id)
    lines = []
    for pair, events in term_events.items():
        if len(events) < min_events:
            continue
        # the reading more (event, outlet) pairs write first, as the event's term table does
        weight = {f: sum(len(e) for e in taking[pair][f].values()) for f in pair}
        ordered = sorted(pair, key=lambda f: (-weight[f], f))
        shown = [surfaces[f].most_common(1)[0][0] for f in ordered]
        term = READING_JOIN.join(shown)
        for position, (form, reading) in enumerate(zip(ordered, shown)):
            for outlet, seen in witnessed[pair].items():
                n, k = len(seen), len(taking[pair][form].get(outlet, ()))
                low, high = wilson_interval(k, n)
                lines.append((len(events), position, term, reading, outlet, n, k, round(k / n, DECIMALS),
                              round(low, DECIMALS), round(high, DECIMALS)))
    lines.sort(key=lambda t: (-t[0], t[2], t[1], t[4]))
    return pd.DataFrame.from_records([t[2:] for t in lines], columns=TERM_COLUMNS)


# --- coverage ---------------------------------------------------------------------------

def _compared(events: pd.DataFrame) -> set[str]:
    flags = events["compared"].astype(str).str.strip().str.lower()
    return set(events.loc[flags.isin(("true", "1")), "event_id"].astype(str))


def coverage(events: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """coverage.csv: per outlet, the events it reports (and their share of all events), how
    many of those were compared, and the events only it reports. Most events first."""
    import pandas as pd

    total = len(events)
    compared = _compared(events)
    by_event = articles.groupby("event_id")["outlet"].agg(lambda s: set(s.astype(str)))
    sole = Counter(next(iter(outlets)) for outlets in by_event if len(outlets) == 1)
    lines = []
    for outlet, ids in articles.groupby("outlet")["event_id"]:
        reported = set(ids.astype(str))
        lines.append((str(outlet), len(reported), round(len(reported) / total, DECIMALS) if total else math.nan,
                      len(reported & compared), sole[str(outlet)]))
    lines.sort(key=lambda t: (-t[1], t[0]))
    return pd.DataFrame.from_records(lines, columns=COVERAGE_COLUMNS)


def coverage_matrix(events: pd.DataFrame, articles: pd.DataFrame, outlets: list[str] | None = None) -> pd.DataFrame:
    """coverage_matrix.csv: one line per event (events.csv's order), one column per outlet
    (``outlets``' order; by default coverage.csv's: most events first): 1 when it reports
    the event, 0 when it leaves it out."""
    import pandas as pd

    if outlets is None:
        outlets = list(coverage(events, articles)["outlet"])
    reported = set(zip(articles["event_id"].astype(str), articles["outlet"].astype(str)))
    ids = [str(e) for e in events["event_id"]]
    data: dict[str, list] = {"event_id": ids}
    for outlet in outlets:
        data[outlet] = [int((e, outlet) in reported) for e in ids]
    return pd.DataFrame(data, columns=["event_id", *outlets])


# --- loaded wording ---------------------------------------------------------------------

def loaded_by_outlet(markers: pd.DataFrame, articles: pd.DataFrame,
                     words: Mapping[tuple[str, str], int]) -> pd.DataFrame:
    """loaded_by_outlet.csv: per outlet, the words of its articles (``words`` by (event_id,
    doc_id)), its loaded-term markers in its own voice, their rate per 1,000 words with the
    Wilson 95 % interval (of the share of words that are loaded terms, × 1,000). Highest
    rate first."""
    import pandas as pd

    outlet_of = {(str(e), Path(str(f)).stem): str(o)
                 for e, f, o in zip(articles["event_id"], articles["file"], articles["outlet"])}
    # a marker names its article by doc_id: the file's stem, or else the record id
    marker_outlet = {(str(e), str(r)): str(o)
                     for e, r, o in zip(articles["event_id"], articles["record_id"], articles["outlet"])}
    marker_outlet.update(outlet_of)
    counted: Counter[str] = Counter()
    for key, n in words.items():
        if key in outlet_of:
            counted[outlet_of[key]] += n
    loaded: Counter[str] = Counter()
    if len(markers):
        own = markers[(markers["category"] == LOADED_TERM) & (markers["voice"] != QUOTED)]
        for event_id, doc in zip(own["event_id"], own["doc_id"]):
            outlet = marker_outlet.get((str(event_id), str(doc)))
            if outlet is None:
                raise ValueError(f"a marker of event {event_id} is in article {doc}, which articles.csv does not "
                                 "list: the corpus result is inconsistent; run `tabayun corpus` again into a new "
                                 "folder")
            loaded[outlet] += 1
    lines = []
    for outlet in sorted(set(outlet_of.values())):
        n, k = counted[outlet], loaded[outlet]
        low, high = wilson_interval(k, n)
        lines.append((outlet, n, k, round(1000 * k / n, DECIMALS) if n else math.nan,
                      round(1000 * low, DECIMALS), round(1000 * high, DECIMALS)))
    lines.sort(key=lambda t: (-(t[3] if not math.isnan(t[3]) else -1), t[0]))
    return pd.DataFrame.from_records(lines, columns=LOADED_COLUMNS)


# --- the across/ folder -----------------------------------------------------------------------

def across_tables(out_dir: str | Path, min_events: int = MIN_EVENTS,
                  categories: Iterable[str] = TERM_CATEGORIES) -> AcrossTables:
    """The four tables of ``across/`` for the corpus result in ``out_dir``."""
    corpus = read_corpus(out_dir, categories)
    words, language = article_words(out_dir, corpus.articles)
    cover = coverage(corpus.events, corpus.articles)
    return AcrossTables(
        terms=terms_by_outlet(corpus.variants, min_events, categories),
        coverage=cover,
        matrix=coverage_matrix(corpus.events, corpus.articles, list(cover["outlet"])),
        loaded=loaded_by_outlet(corpus.markers, corpus.articles, words),
        language=language,
        events=len(corpus.events),
        outlets=len(cover),
        min_events=min_events,
    )


def write_across(out_dir: str | Path, min_events: int = MIN_EVENTS,
                 categories: Iterable[str] = TERM_CATEGORIES) -> list[Path]:
    """Write ``out_dir/across/``: terms_by_outlet.csv, coverage.csv, coverage_matrix.csv,
    loaded_by_outlet.csv, their charts (PNG) and report.html. Returns the paths written."""
    from .across_charts import write_charts
    from .across_report import write_across_report

    out_dir = Path(out_dir)
    folder = out_dir / ACROSS_DIR
    tables = across_tables(out_dir, min_events, categories)
    written = [write_csv(tables.terms, folder / "terms_by_outlet.csv"),
               write_csv(tables.coverage, folder / "coverage.csv"),
               write_csv(tables.matrix, folder / "coverage_matrix.csv"),
               write_csv(tables.loaded, folder / "loaded_by_outlet.csv")]
    charts = write_charts(tables, folder)
    written += list(charts.values())
    written.append(write_across_report(tables, charts, folder / "report.html"))
    return written
