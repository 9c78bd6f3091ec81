"""Tables across events (core/corpus/across.py) on a corpus result written from real events:
the sample, the same outlets a week later (001 and now 002 write وزير الحرب), the English
pair, two synthetic events and a story one outlet told alone (tests/corpus_result.py)."""

from __future__ import annotations

import ast
import math
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from corpus_result import ENGLISH, corpus_events, load_folder, write_corpus_result
from tabayun.core.analysis.markers import LOADED_TERM
from tabayun.core.analysis.normalize import tokenize
from tabayun.core.corpus import across, across_report, patterns
from tabayun.core.corpus.across import (COVERAGE_COLUMNS, LOADED_COLUMNS, TERM_COLUMNS, read_corpus,
                                        terms_by_outlet, wilson_interval, write_across)
from tabayun.core.files import CSV_ENCODING, read_csv
from tabayun.core.sharing import headings

OUTLET_001, OUTLET_002, BBC, AGENCY, MAYADEEN = "001 (غير مسمّى)", "002 (غير مسمّى)", "بي بي سي", "004 (وكالة)", \
    "الميادين نت"
WAR_TERM = "الدفاع / الحرب"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    events = write_corpus_result(out, corpus_events())
    written = write_across(out)
    return out, events, written


@pytest.fixture(scope="module")
def terms(corpus):
    return read_csv(corpus[0] / "across" / "terms_by_outlet.csv")


def line(terms: pd.DataFrame, term: str, reading: str, outlet: str) -> dict:
    hits = terms[(terms["term"] == term) & (terms["reading"] == reading) & (terms["outlet"] == outlet)]
    assert len(hits) == 1, f"{len(hits)} lines for {term} / {reading} / {outlet}"
    return hits.iloc[0].to_dict()


# --- the interval -------------------------------------------------------------------------

def test_wilson_interval_known_values():
    # k = n = 2: centre (1 + z²/4) / (1 + z²/2), half-width z·sqrt(z²/16) / (1 + z²/2)
    low, high = wilson_interval(2, 2)
    assert low == pytest.approx(0.3424, abs=1e-4) and high == 1.0
    assert wilson_interval(1, 2) == pytest.approx((0.0945, 0.9055), abs=1e-4)
    assert wilson_interval(1, 10) == pytest.approx((0.0179, 0.4042), abs=1e-4)  # the textbook example
    assert wilson_interval(0, 5)[0] == 0.0
    assert all(math.isnan(v) for v in wilson_interval(0, 0))


# --- terms by outlet ---------------------------------------------------------------------------

def test_reading_forms_meet_across_clitics_and_case():
    forms = across.reading_forms(["الدفاع", "دفاع", "بالدفاع", "والدفاع", "وزير الحرب", "لوزير", "Claimed",
                                  "claimed", ""])
    assert {forms[t] for t in ("الدفاع", "دفاع", "بالدفاع", "والدفاع")} == {("دفاع",)}
    assert forms["وزير الحرب"] == ("وزير", "حرب")
    assert forms["لوزير"] == ("وزير",)  # ل off: وزير is a word of the corpus's readings
    assert forms["Claimed"] == forms["claimed"] == ("claimed",)
    assert forms[""] == ()


def test_outlet_001_writes_war_minister_in_both_events_it_could(terms):
    war = line(terms, WAR_TERM, "الحرب", OUTLET_001)
    assert (war["events"], war["with_reading"], war["share"]) == (2, 2, 1.0)
    assert (war["ci_low"], war["ci_high"]) == (0.3424, 1.0)  # 2 of 2: not yet proof of a habit
    defence = line(terms, WAR_TERM, "الدفاع", OUTLET_001)
    assert (defence["events"], defence["with_reading"], defence["share"]) == (2, 0, 0.0)
    assert (defence["ci_low"], defence["ci_high"]) == (0.0, 0.6576)


def test_the_same_reading_across_events_is_known_by_its_matching_form(corpus, terms):
    """بي بي سي writes "دفاع" in the sample and "الدفاع" a week later: one reading, 2 of 2."""
    _, events, _ = corpus
    bbc_words = {e.comparison.articles[w.doc_id].text[w.start:w.end] for e in events[:2]
                 for s in e.comparison.slots if s.category == "lexical"
                 for r in s.readings for w in r.witnesses if w.doc_id.startswith("000")}
    assert {"دفاع", "الدفاع"} <= bbc_words  # 000 is بي بي سي in both events
    assert {a.outlet for e in events[:2] for a in e.articles if a.doc_id.startswith("000")} == {BBC}
    bbc = line(terms, WAR_TERM, "الدفاع", BBC)
    assert (bbc["events"], bbc["with_reading"]) == (2, 2)
    assert line(terms, WAR_TERM, "الحرب", BBC)["with_reading"] == 0
    assert not (terms["outlet"] == MAYADEEN).any()  # 003 writes neither word in a slot


def test_an_outlet_writing_both_readings_in_one_event_counts_it_for_both(corpus, terms):
    """A week later 002 writes لوزير الحرب in one claim and الدفاع against 001's الحرب in another."""
    second = corpus[1][1].comparison
    readings_002 = {r.text for s in second.slots if s.category == "lexical" for r in s.readings
                    if any(w.doc_id.startswith("002") for w in r.witnesses)}
    assert {"الحرب", "الدفاع"} <= readings_002
    war, defence = line(terms, WAR_TERM, "الحرب", OUTLET_002), line(terms, WAR_TERM, "الدفاع", OUTLET_002)
    assert (war["events"], war["with_reading"], war["share"]) == (2, 1, 0.5)
    assert (war["ci_low"], war["ci_high"]) == (0.0945, 0.9055)
    assert (defence["events"], defence["with_reading"]) == (2, 2)


def test_synthetic_outlets_counts_match_their_events_slots(corpus, terms):
    """The synthetic outlets (two events) against a count made here from each event's slots."""
    _, events, _ = corpus
    expected: dict[tuple[str, str], set[str]] = {}
    witnessed: dict[str, set[str]] = {}
    for event in events:
        if event.comparison is None:
            continue
        outlet_of = {a.doc_id: a.outlet for a in event.articles}
        for slot in event.comparison.slots:
            forms = {r.form: r for r in slot.readings if r.form}
            if slot.category != "lexical" or not {("دفاع",), ("حرب",)} <= set(forms):
                continue
            for form, word in ((("دفاع",), "الدفاع"), (("حرب",), "الحرب")):
                for w in forms[form].witnesses:
                    expected.setdefault((outlet_of[w.doc_id], word), set()).add(event.event_id)
                    witnessed.setdefault(outlet_of[w.doc_id], set()).add(event.event_id)
    synthetic = sorted(o for o in witnessed if o.startswith("Outlet"))
    assert synthetic  # the swaps made the choice in some synthetic event
    for outlet in synthetic:
        for word in ("الدفاع", "الحرب"):
            got = line(terms, WAR_TERM, word, outlet)
            assert got["events"] == len(witnessed[outlet])
            assert got["with_reading"] == len(expected.get((outlet, word), ()))


def test_only_recurring_terms_unless_asked(corpus):
    assert set(read_corpus(corpus[0]).variants["category"]) == {"lexical"}  # what the table needs, no more
    corpus_tables = read_corpus(corpus[0], categories=None)
    assert {"lexical", "spelling", "rewording"} <= set(corpus_tables.variants["category"])
    once = terms_by_outlet(corpus_tables.variants, min_events=1)
    recurring = terms_by_outlet(corpus_tables.variants)
    # الإمارات against المملكة: only in the second event
    assert any("الإمارات" in t for t in once["term"]) and not any("الإمارات" in t for t in recurring["term"])
    assert set(recurring["term"]) < set(once["term"])
    assert list(recurring.columns) == TERM_COLUMNS
    # spelling is a transliteration habit, not a word choice: there only when asked for
    spelled = terms_by_outlet(corpus_tables.variants, categories=("lexical", "spelling"))
    names = sorted({t for t in spelled["term"] if set(t.split(" / ")) == {"جانتس", "غانتس"}})
    assert len(names) == 1 and not any("جانتس" in t for t in recurring["term"])
    ghantz = line(spelled, names[0], "غانتس", OUTLET_001)
    assert (ghantz["events"], ghantz["with_reading"]) == (2, 2)


def test_every_outlet_line_of_a_term_has_both_readings(terms):
    for term, lines in terms.groupby("term"):
        assert lines["reading"].nunique() == 2
        per_outlet = lines.groupby("outlet")
        assert (per_outlet.size() == 2).all()
        assert (per_outlet["events"].nunique() == 1).all()  # n is the outlet's, whatever the reading
        assert (lines["with_reading"] <= lines["events"]).all()
        assert (lines["share"] == (lines["with_reading"] / lines["events"]).round(4)).all()


# --- coverage ------------------------------------------------------------------------------------

def test_coverage_counts(corpus):
    cover = read_csv(corpus[0] / "across" / "coverage.csv").set_index("outlet")
    assert list(cover.reset_index().columns) == COVERAGE_COLUMNS
    assert cover.loc["paper"].to_dict() == {"events": 2, "share": round(2 / 6, 4), "compared_events": 1,
                                            "sole_reporter": 1}
    assert cover.loc["wire"].to_dict() == {"events": 1, "share": round(1 / 6, 4), "compared_events": 1,
                                           "sole_reporter": 0}
    assert cover.loc[MAYADEEN, "events"] == 1 and cover.loc[OUTLET_001, "events"] == 2
    assert cover.loc["Outlet 00", "events"] == 2
    assert len(cover) == 11


def test_coverage_matrix_marks_who_reports_each_event(corpus):
    matrix = read_csv(corpus[0] / "across" / "coverage_matrix.csv").set_index("event_id")
    cover = read_csv(corpus[0] / "across" / "coverage.csv")
    assert list(matrix.columns) == list(cover["outlet"])
    assert list(matrix.index) == [f"E{n:05d}" for n in range(1, 7)]
    assert matrix.loc["E00006"].to_dict() == {o: int(o == "paper") for o in matrix.columns}
    assert matrix.loc["E00001", MAYADEEN] == 1 and matrix.loc["E00002", MAYADEEN] == 0  # left out a week later
    assert matrix.sum().to_dict() == dict(zip(cover["outlet"], cover["events"]))


# --- loaded wording ---------------------------------------------------------------------------------

def test_loaded_wording_per_outlet_against_the_events_markers(corpus):
    out, events, _ = corpus
    loaded = read_csv(out / "across" / "loaded_by_outlet.csv").set_index("outlet")
    assert list(loaded.reset_index().columns) == LOADED_COLUMNS
    words: dict[str, int] = {}
    hits: dict[str, int] = {}
    for event in events:
        if event.comparison is None:
            continue
        c = event.comparison
        for doc, units in c.units.items():
            outlet = c.outlet(doc)
            words[outlet] = words.get(outlet, 0) + sum(len(tokenize(c.articles[doc].text, u.start, u.end))
                                                       for u in units)
        for m in c.markers:
            if m.category == LOADED_TERM and m.own_voice:
                hits[c.outlet(m.doc_id)] = hits.get(c.outlet(m.doc_id), 0) + 1
    paper_alone = events[-1].articles[0]
    from tabayun.core.analysis.units import split_units
    words["paper"] += sum(len(tokenize(paper_alone.text, u.start, u.end)) for u in split_units(paper_alone)[1])
    assert hits.get(OUTLET_001, 0) > 0
    for outlet, n in words.items():
        k = hits.get(outlet, 0)
        got = loaded.loc[outlet]
        assert (got["words"], got["loaded"]) == (n, k), outlet
        low, high = wilson_interval(k, n)
        assert got["rate"] == pytest.approx(1000 * k / n, abs=1e-4)
        assert (got["ci_low"], got["ci_high"]) == pytest.approx((1000 * low, 1000 * high), abs=1e-4)
    assert list(loaded["rate"]) == sorted(loaded["rate"], reverse=True)


# --- the files --------------------------------------------------------------------------------------

class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text, self.images, self.html_attrs, self.stack, self.scripts = [], [], {}, [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_attrs = attrs
        if tag == "img":
            self.images.append(attrs.get("src", ""))
        if tag == "script":
            self.scripts += 1
        if tag not in ("meta", "img", "br", "col"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    assert not page.stack, f"unclosed: {page.stack}"
    return page


def test_written_files_report_and_charts(corpus):
    out, _, written = corpus
    folder = out / "across"
    names = {p.name for p in written}
    assert names == {"terms_by_outlet.csv", "coverage.csv", "coverage_matrix.csv", "loaded_by_outlet.csv",
                     "terms_by_outlet.png", "coverage.png", "coverage_matrix.png", "loaded_by_outlet.png",
                     "report.html"}
    assert all(p.parent == folder and p.is_file() for p in written)
    for p in written:
        if p.suffix == ".csv":
            assert p.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, like every export
            assert pd.read_csv(p, encoding=CSV_ENCODING).shape[0] > 0
        if p.suffix == ".png":
            assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and p.stat().st_size > 10_000
    page = _parse(folder / "report.html")
    assert page.html_attrs.get("dir") == "rtl" and page.html_attrs.get("lang") == "ar"
    text = "".join(page.text)
    for outlet in (OUTLET_001, BBC, "paper", "wire", "Outlet 03"):
        assert outlet in text
    assert "الاختيارات اللفظية عبر الأحداث" in text and "التغطية" in text  # Arabic headings
    assert "دائمًا «الحرب»" in text  # 001's pattern for the war minister
    assert len(page.images) == 4 and all(src.startswith("data:image/png;base64,") for src in page.images)
    assert page.scripts == 0


def test_report_escapes_what_comes_from_the_data():
    tables = across.AcrossTables(
        terms=pd.DataFrame([("a / <b>", "a", "<script>x</script>", 2, 2, 1.0, 0.34, 1.0),
                            ("a / <b>", "<b>", "<script>x</script>", 2, 0, 0.0, 0.0, 0.66)], columns=TERM_COLUMNS),
        coverage=pd.DataFrame([("<script>x</script>", 2, 1.0, 2, 0)], columns=COVERAGE_COLUMNS),
        matrix=pd.DataFrame({"event_id": ["E1", "E2"], "<script>x</script>": [1, 1]}),
        loaded=pd.DataFrame([("<script>x</script>", 100, 1, 10.0, 1.8, 54.0)], columns=LOADED_COLUMNS),
        language="en", events=2, outlets=1)
    page = across_report.render_across_report(tables, {})
    assert "<script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page and "&lt;b&gt;" in page
    assert '<html dir="ltr" lang="en">' in page


def test_the_report_marks_a_story_most_outlets_told_and_one_left_out():
    outlets = ["A", "B", "C", "D"]
    matrix = pd.DataFrame({"event_id": ["E1", "E2", "E3"], "A": [1, 1, 1], "B": [1, 1, 0], "C": [1, 0, 0],
                           "D": [0, 0, 0]})
    cover = across.coverage(pd.DataFrame({"event_id": ["E1", "E2", "E3"], "compared": ["true", "true", "false"]}),
                            pd.DataFrame([(e, o) for e in matrix["event_id"] for o in outlets
                                          if matrix.set_index("event_id").loc[e, o]], columns=["event_id", "outlet"]))
    tables = across.AcrossTables(terms=pd.DataFrame(columns=TERM_COLUMNS), coverage=cover, matrix=matrix,
                                 loaded=pd.DataFrame(columns=LOADED_COLUMNS), language="en", events=3, outlets=3)
    page = across_report.render_across_report(tables, {})
    rows = page[page.index('<table class="matrix">'):].split("<tr")
    marked = [r[r.index("E"):r.index("E") + 2] for r in rows if r.startswith(' class="omission"')]
    assert marked == ["E1", "E2"]  # 3 of 4 and 2 of 4 outlets told it; E3 one outlet alone
    assert patterns.omissions(matrix) == {"A": 0, "B": 0, "C": 1, "D": 2}
    assert cover.set_index("outlet").loc["A"].tolist() == [3, 1.0, 2, 1]


def test_an_english_corpus_gets_an_english_left_to_right_report(tmp_path):
    english = load_folder(ENGLISH)
    write_corpus_result(tmp_path, [english, [a for a in english if a.outlet == "paper"]])
    write_across(tmp_path)
    page = _parse(tmp_path / "across" / "report.html")
    assert page.html_attrs.get("dir") == "ltr"
    text = "".join(page.text)
    assert "Coverage" in text and "التغطية" not in text and "paper" in text and "wire" in text
    # one compared event (the paper alone has no slot): its claimed/said is no recurring term
    assert read_csv(tmp_path / "across" / "terms_by_outlet.csv").empty
    assert "No word choice recurs across events" in text


def test_a_corpus_where_nothing_was_compared(tmp_path):
    paper = [a for a in load_folder(ENGLISH) if a.outlet == "paper"]
    write_corpus_result(tmp_path, [paper])
    assert not (tmp_path / "variants").exists()
    written = write_across(tmp_path)
    terms = read_csv(tmp_path / "across" / "terms_by_outlet.csv", raw=True)
    assert list(terms.columns) == TERM_COLUMNS and terms.empty
    cover = read_csv(tmp_path / "across" / "coverage.csv")
    assert cover.to_dict("records") == [{"outlet": "paper", "events": 1, "share": 1.0, "compared_events": 0,
                                         "sole_reporter": 1}]
    assert (tmp_path / "across" / "report.html") in written


def test_outlet_names_that_look_like_numbers_stay_names(tmp_path):
    """articles.csv is read as text: outlets "007" and "1.50" meet their variants (Parquet)
    by the same names, not as 7 and 1.5."""
    from dataclasses import replace

    english = load_folder(ENGLISH)
    renamed = {"paper": "007", "wire": "1.50"}
    events = [[replace(a, outlet=renamed[a.outlet]) for a in english],
              [replace(a, doc_id=a.doc_id + "_b", outlet=renamed[a.outlet]) for a in english]]
    write_corpus_result(tmp_path, events)
    write_across(tmp_path)
    folder = tmp_path / "across"
    assert sorted(across.read_text_csv(folder / "coverage.csv")["outlet"]) == ["007", "1.50"]
    assert list(read_csv(folder / "coverage_matrix.csv").columns) == ["event_id", "007", "1.50"]
    terms = across.read_text_csv(folder / "terms_by_outlet.csv")
    claimed = terms[(terms["term"] == "claimed / said") & (terms["reading"] == "claimed")]
    assert dict(zip(claimed["outlet"], zip(claimed["events"], claimed["with_reading"]))) == {
        "007": ("2", "2"), "1.50": ("2", "0")}  # the paper says claimed in both events, the wire never


def test_not_a_corpus_result_says_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="not a corpus result.*tabayun corpus"):
        write_across(tmp_path)


def test_pattern_says_habit_or_one_off():
    assert patterns.pattern(0, 3, 3) == ("always", 1)
    assert patterns.pattern(3, 0, 3) == ("always", 0)
    assert patterns.pattern(2, 1, 3) == ("once", 1)
    assert patterns.pattern(2, 2, 4) == ("mixed", None)
    assert patterns.pattern(1, 0, 1) == ("one event", None)


def test_term_patterns_say_which_outlet_has_a_habit(terms):
    table = patterns.term_patterns(terms)
    assert list(table.columns) == patterns.PATTERN_COLUMNS
    war = table[table["term"] == WAR_TERM].set_index("outlet")
    assert war.loc[OUTLET_001, ["events", "first", "first_events", "second", "second_events", "pattern",
                                "pattern_reading"]].tolist() == [2, "الدفاع", 0, "الحرب", 2, "always", "الحرب"]
    assert war.loc[OUTLET_002, ["pattern", "pattern_reading"]].tolist() == ["once", "الحرب"]
    assert war.loc[BBC, ["pattern", "pattern_reading"]].tolist() == ["always", "الدفاع"]
    assert war.loc["Outlet 00", "pattern"] == "one event"
    assert len(table) == terms.groupby(["term", "outlet"]).ngroups


def test_every_across_heading_has_its_arabic():
    used = set(across_report.CHART_CAPTIONS.values())
    for module in (across, across_report, patterns, __import__("tabayun.core.corpus.across_charts", fromlist=["x"])):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        used |= {node.args[0].value for node in ast.walk(tree)
                 if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "h"
                 and node.args and isinstance(node.args[0], ast.Constant)}
    assert len(used) > 30
    table = headings._table()
    assert not sorted(u for u in used if not table.get(u, {}).get("ar"))
