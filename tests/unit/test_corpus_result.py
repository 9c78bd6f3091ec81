"""Opening a corpus result (core.corpus.result): what the window shows of it, and what it says
of a folder it cannot show."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from small_corpus import write_corpus_result

from tabayun.core.corpus.result import CorpusResultError, is_corpus_result, open_corpus_result, term_table
from tabayun.core.files import write_table


@pytest.fixture
def corpus(tmp_path):
    return write_corpus_result(tmp_path)


def test_opens_events_articles_and_terms(corpus):
    result = open_corpus_result(corpus)
    assert result.problems == []
    assert [e.event_id for e in result.events] == ["E00001", "E00002", "E00003"]
    first = result.events[0]
    assert first.articles == 5 and first.outlets == 5 and first.compared and first.word_choices == 9
    assert "الميادين نت" in first.outlet_names
    assert first.top_variants[0] == "الاحتلال / إسرائيل"
    assert first.dates == "2021-11-24"
    assert result.events[1].dates == "2011-10-04 – 10-05"
    assert first._replace(last_date="2022-01-02").dates == "2021-11-24 – 2022-01-02"
    assert not result.events[2].compared and result.events[2].top_variants == ()
    assert len(result.articles) == 8
    assert {a.outlet for a in result.articles_of("E00002")} == {"Paper", "Wire"}
    assert result.event_folder(first) == corpus / "events" / "E00001"
    assert result.event_folder("E00002") == corpus / "events" / "E00002"
    assert result.event_of_folder(corpus / "events" / "E00002").event_id == "E00002"
    assert result.event_of_folder(corpus) is None
    # every article file the index names is there, in its event's folder
    assert all((corpus / a.file).is_file() for a in result.articles)


def test_labelled_events_are_those_with_a_label_in_their_folder(corpus):
    assert open_corpus_result(corpus).labelled_events() == set()
    (corpus / "events" / "E00002" / "labels.csv").write_text("label_id,code\n", encoding="utf-8")  # header only
    (corpus / "events" / "E00003" / "labels.csv").write_text("label_id,code\nL1,agency\n", encoding="utf-8")
    assert open_corpus_result(corpus).labelled_events() == {"E00003"}


def test_term_table_pivots_outlets_into_columns(corpus):
    table = open_corpus_result(corpus).term_table()
    assert table.outlets == sorted(["الميادين نت", "بي بي سي", "Paper", "Wire"])
    lines = [(r.term, r.reading) for r in table.rows]
    assert lines[:2] == [("الاحتلال / إسرائيل", "الاحتلال"), ("الاحتلال / إسرائيل", "إسرائيل")]
    assert len(lines) == 4
    gaddafi = next(r for r in table.rows if r.reading == "Gaddafi")
    assert set(gaddafi.cells) == {"Paper", "Wire"}  # the Arabic outlets never used this term
    wire = gaddafi.cells["Wire"]
    assert (wire.with_reading, wire.events) == (5, 6)
    assert wire.share == pytest.approx(5 / 6, abs=1e-4)
    assert wire.ci_low < wire.share < wire.ci_high
    assert gaddafi.events == 9
    # habits (core.corpus.patterns): Paper writes Qadhafi in its 3 events, Wire Gaddafi but once
    qadhafi = table.other_reading(gaddafi)
    assert qadhafi.reading == "Qadhafi"
    assert table.pattern(qadhafi, "Paper") == ("always", True)
    assert table.pattern(gaddafi, "Paper") == ("always", False)
    assert table.pattern(gaddafi, "Wire") == ("once", False)  # Qadhafi once, Gaddafi the rest
    assert table.pattern(gaddafi, "بي بي سي") == ("", None)
    assert term_table([]).rows == [] and term_table([]).outlets == []


def test_formula_escaped_cells_are_read_back(tmp_path, corpus):
    """A reading that starts like a formula is written escaped ('-) and shown as it was."""
    write_table(["term", "reading", "outlet", "events", "with_reading", "share", "ci_low", "ci_high"],
                [["-x / y", "-x", "=Outlet", 2, 1, 0.5, 0.1, 0.9]], corpus / "across" / "terms_by_outlet.csv")
    assert "'-x" in (corpus / "across" / "terms_by_outlet.csv").read_text(encoding="utf-8-sig")
    share = open_corpus_result(corpus).terms[0]
    assert (share.term, share.reading, share.outlet) == ("-x / y", "-x", "=Outlet")


def test_is_corpus_result(tmp_path, corpus, sample_dir):
    assert is_corpus_result(corpus)
    assert not is_corpus_result(sample_dir)
    assert not is_corpus_result(corpus / "events.csv")
    assert not is_corpus_result(tmp_path / "nowhere")
    interrupted = tmp_path / "interrupted"
    (interrupted / ".state").mkdir(parents=True)
    assert is_corpus_result(interrupted)


def test_not_a_corpus_result(tmp_path, sample_dir):
    with pytest.raises(CorpusResultError, match="not a corpus result: it has no corpus.json"):
        open_corpus_result(sample_dir)
    with pytest.raises(CorpusResultError, match="is not a folder"):
        open_corpus_result(tmp_path / "nowhere")
    other = tmp_path / "other"
    other.mkdir()
    (other / "corpus.json").write_text('{"format": "something-else"}', encoding="utf-8")
    with pytest.raises(CorpusResultError, match="not a corpus result's description"):
        open_corpus_result(other)
    (other / "corpus.json").write_text('{"format": "tabayun-corpus", ', encoding="utf-8")
    with pytest.raises(CorpusResultError, match="cannot be read"):
        open_corpus_result(other)


def test_an_interrupted_run_says_to_run_the_command_again(tmp_path):
    corpus = write_corpus_result(tmp_path, complete=False)
    with pytest.raises(CorpusResultError) as caught:
        open_corpus_result(corpus)
    message = str(caught.value)
    assert "did not finish" in message and "Run the same command again" in message
    assert f"tabayun corpus {tmp_path}/input/seeds.csv {tmp_path}/input/english.jsonl --out {corpus}" in message
    (corpus / "corpus.json").unlink()  # stopped before it wrote corpus.json: .state/ is there
    with pytest.raises(CorpusResultError, match="did not finish .* Run the same `tabayun corpus` command again"):
        open_corpus_result(corpus)


def test_a_newer_format_asks_for_a_newer_tabayun(corpus):
    info = json.loads((corpus / "corpus.json").read_text(encoding="utf-8"))
    info["version"] = 2
    (corpus / "corpus.json").write_text(json.dumps(info), encoding="utf-8")
    with pytest.raises(CorpusResultError, match="newer Tabayun"):
        open_corpus_result(corpus)


def test_missing_and_damaged_files_are_named_and_the_rest_is_kept(corpus):
    (corpus / "articles.csv").unlink()
    (corpus / "across" / "terms_by_outlet.csv").write_text("term,reading\nx,y\n", encoding="utf-8")
    result = open_corpus_result(corpus)
    assert len(result.events) == 3
    assert result.articles == [] and result.terms == []
    assert any(p.startswith("articles.csv is missing") and "run `tabayun corpus` again" in p for p in result.problems)
    assert any("across/terms_by_outlet.csv" in p and "outlet, events, with_reading" in p for p in result.problems)


def test_bad_lines_are_left_out_and_named_by_line(corpus):
    text = (corpus / "events.csv").read_text(encoding="utf-8-sig").splitlines()
    text[2] = text[2].replace(",2,2,", ",two,2,")  # E00002's articles
    (corpus / "events.csv").write_text("\n".join(text) + "\n", encoding="utf-8-sig")
    result = open_corpus_result(corpus)
    assert [e.event_id for e in result.events] == ["E00001", "E00003"]
    assert result.problems[0] == "events.csv line 3: articles is 'two', not a whole number; the line is left out."
    assert len(result.problems) == 1  # not also "2 events where corpus.json says 3": that is why
    del text[2]
    (corpus / "events.csv").write_text("\n".join(text) + "\n", encoding="utf-8-sig")
    assert open_corpus_result(corpus).problems == [
        "events.csv lists 2 events where corpus.json says 3: run `tabayun corpus` again with the same --out to "
        "write it anew."]


def test_an_event_folder_outside_the_result_is_refused(corpus):
    """The window writes labels.csv in an event's folder: events.csv cannot send it elsewhere."""
    text = (corpus / "events.csv").read_text(encoding="utf-8-sig")
    (corpus / "events.csv").write_text(text.replace("events/E00002", "../../elsewhere").replace(
        "events/E00003", "/etc"), encoding="utf-8-sig")
    result = open_corpus_result(corpus)
    assert [e.event_id for e in result.events] == ["E00001"]
    assert result.problems[:2] == [
        "events.csv line 3: folder '../../elsewhere' is not inside the corpus result; the line is left out.",
        "events.csv line 4: folder '/etc' is not inside the corpus result; the line is left out."]


def test_many_bad_lines_are_said_once(corpus):
    lines = ["record_id,event_id,outlet,date,title,url,source,file"] + [f"r{i},E1,o" for i in range(40)]
    (corpus / "articles.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = open_corpus_result(corpus).problems
    assert len(problems) == 6
    assert problems[-1].startswith("articles.csv: 35 more lines left out")


def test_opening_needs_no_pandas_or_pyarrow(corpus):
    code = ("import sys; from tabayun.core.corpus.result import open_corpus_result; "
            f"r = open_corpus_result({str(corpus)!r}); r.term_table(); "
            "print(len(r.events), [m for m in ('pandas', 'pyarrow', 'dask', 'PySide6') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "3 []"


def test_search_ignores_hamza_diacritics_and_case(corpus):
    from tabayun.core.corpus.result import event_search_text, matches

    first, second, third = (event_search_text(e) for e in open_corpus_result(corpus).events)
    assert matches(first, "الإحتلال")  # hamza on the alif: the same word
    assert matches(first, "الميادين 2021-11")
    assert not matches(first, "الميادين 2011")
    assert matches(second, "gaddafi wire") and matches(second, "E00002") and not matches(third, "gaddafi")
    assert matches(third, "")
    # the articles' titles too (a story found by its headline's words)
    titles = open_corpus_result(corpus).search_texts()
    assert matches(titles["E00002"], "title 7") and not matches(titles["E00001"], "title 7")


def test_opens_what_the_corpus_pipeline_writes(tmp_path):
    """The result the corpus tests build with the real pipeline (tests/corpus_result.py) and
    the tables across events (core.corpus.across) opens whole, its terms pivoted."""
    from corpus_result import corpus_events
    from corpus_result import write_corpus_result as write_real_result

    from tabayun.core.corpus.across import write_across

    out = tmp_path / "real"
    written = write_real_result(out, corpus_events())
    write_across(out)
    result = open_corpus_result(out)
    assert result.problems == []
    assert [e.event_id for e in result.events] == [w.event_id for w in written]
    assert [e.compared for e in result.events] == [w.comparison is not None for w in written]
    assert all(result.event_folder(e).is_dir() for e in result.events)
    table = result.term_table()
    war = next(r for r in table.rows if r.reading == "الحرب")
    assert war.cells["001 (غير مسمّى)"].with_reading == war.cells["001 (غير مسمّى)"].events == 2
    assert war.cells["بي بي سي"].with_reading == 0
