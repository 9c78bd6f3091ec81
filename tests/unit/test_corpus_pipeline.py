"""`tabayun corpus` end to end on a corpus assembled here: the sample event (seeds/, where 003
is another event with shared background), the English fixtures and synthetic events, as
folders, CSV, JSONL and Parquet, on a two-worker local Dask cluster."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("datasketch")
pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

from tabayun.cli import main as cli_main  # noqa: E402
from tabayun.core.analysis.collate import VARIANT_COLUMNS  # noqa: E402
from tabayun.core.analysis.comparison import compare  # noqa: E402
from tabayun.core.corpus import run as corpus_run  # noqa: E402
from tabayun.core.corpus.evaluation import scores  # noqa: E402
from tabayun.core.corpus.run import (ARTICLE_COLUMNS, EVENT_COLUMNS, CorpusError, Settings,  # noqa: E402
                                     run_corpus)
from tabayun.core.files import read_csv  # noqa: E402
from tabayun.core.resources import sample_event_dir  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import synthetic_corpus  # noqa: E402

ENGLISH = ROOT / "tests" / "fixtures" / "english"
SAMPLE_EVENTS = {"000": "signing", "001": "signing", "002": "signing", "004": "signing", "003": "visit"}


@pytest.fixture(scope="session")
def dask_client():
    from dask.distributed import Client

    cluster = corpus_run.local_cluster(2)
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


def _write_inputs(folder: Path, records: list[dict], bad: bool) -> tuple[list[str], dict[str, str]]:
    """The records split over a CSV, a JSONL and a Parquet file (with some bad records when
    ``bad``); returns the files and record id -> assembled event."""
    folder.mkdir(parents=True, exist_ok=True)
    fields = ["id", "outlet", "date", "title", "text", "url"]
    third = len(records) // 3
    parts = records[:third], records[third:2 * third], records[2 * third:]
    with open(folder / "part1.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["ID", "Outlet", "Published", "Headline", "Body", "Link"])
        for r in parts[0]:
            writer.writerow([r[f] for f in fields])
        if bad:
            writer.writerow(["empty-1", "Outlet 99", "2024-01-02", "A title", "", ""])
    with open(folder / "part2.jsonl", "wb") as fh:
        for n, r in enumerate(parts[1]):
            fh.write(json.dumps({f: r[f] for f in fields}, ensure_ascii=False).encode("utf-8") + b"\n")
            if bad and n == 1:
                fh.write(b'{"id": "broken", "text": "no end\n')
                fh.write(b'{"id": "list", "text": ["not", "text"]}\n')
                fh.write(b'{"id": "latin1", "text": "caf\xe9 au lait"}\n')
    rows = [{f: r[f] for f in fields} for r in parts[2]]
    if bad:
        rows.append({"id": "no-text", "outlet": "Outlet 98", "date": "2024-01-03", "title": "t", "text": None,
                     "url": ""})
    pq.write_table(pa.Table.from_pylist(rows), folder / "part3.parquet")
    gold = {r["id"]: r["event"] for r in records}
    return [str(folder / "part1.csv"), str(folder / "part2.jsonl"), str(folder / "part3.parquet")], gold


@pytest.fixture(scope="module")
def assembled(tmp_path_factory):
    base = tmp_path_factory.mktemp("corpus")
    files, gold = _write_inputs(base / "synthetic", synthetic_corpus(events=12, outlets=4, retold=2), bad=True)
    inputs = [str(sample_event_dir()), str(ENGLISH)] + files
    for path in sorted(sample_event_dir().glob("*.txt")):
        gold[path.stem] = SAMPLE_EVENTS[path.name[:3]]
    gold.update({"paper": "sirte", "wire": "sirte"})
    return inputs, gold


@pytest.fixture(scope="module")
def result(assembled, dask_client, tmp_path_factory):
    inputs, _ = assembled
    out = tmp_path_factory.mktemp("result") / "out"
    run = run_corpus(inputs, out, Settings(csv=True), client=dask_client, progress=None)
    return out, run


def _events_of(out: Path) -> dict[str, str]:
    return {r["record_id"]: r["event_id"] for _, r in read_csv(out / "articles.csv").iterrows()}


def test_events_are_recovered_as_assembled(assembled, result):
    _, gold = assembled
    out, _ = result
    found = _events_of(out)
    score = scores(found, gold)
    print("\nassembled corpus:", score.line())
    assert score.purity >= 0.95 and score.f1 >= 0.95, score.line()
    # seeds/003 shares the background but not the lead: an event of its own
    seeds = {k: v for k, v in found.items() if k[:3] in SAMPLE_EVENTS}
    assert len({seeds[k] for k in seeds if not k.startswith("003")}) == 1
    assert seeds[next(k for k in seeds if k.startswith("003"))] not in {seeds[k] for k in seeds if k[:3] != "003"}
    # a story told again 40 days later, word for word, is another event (the date window)
    again = {found[k] for k, v in gold.items() if v == "S0000-again"}
    first = {found[k] for k, v in gold.items() if v == "S0000"}
    assert again and first and not again & first


def test_the_files_of_the_format_are_written(result):
    out, run = result
    info = json.loads((out / "corpus.json").read_text(encoding="utf-8"))
    assert info["format"] == "tabayun-corpus" and info["complete"] is True
    assert info["articles"] == run.articles and info["events"] == run.events
    events = read_csv(out / "events.csv")
    assert list(events.columns) == EVENT_COLUMNS
    assert list(events["event_id"]) == [f"E{n:05d}" for n in range(1, len(events) + 1)]
    articles = read_csv(out / "articles.csv")
    assert list(articles.columns) == ARTICLE_COLUMNS and len(articles) == info["articles"]
    assert all((out / f).is_file() for f in articles["file"])
    assert list(read_csv(out / "problems.csv").columns) == ["source", "reason"]
    signing = events[events["outlet_names"].str.contains("بي بي سي")].iloc[0]
    assert signing["compared"] and signing["articles"] == 4 and signing["word_choices"] > 0
    assert " / " in signing["top_variants"]
    single = events[events["outlets"] == 1]
    assert not single.empty and not single["compared"].any() and (single["slots"] == 0).all()
    variants = pq.read_table(out / "variants").to_pandas()
    assert set(VARIANT_COLUMNS) | {"event_id"} <= set(variants.columns)
    compared = set(events.loc[events["compared"], "event_id"])
    assert signing["event_id"] in set(variants["event_id"].astype(str)) <= compared
    for name in ("variants", "differences", "markers"):  # a partition per compared event, if empty
        assert {p.name for p in (out / name).iterdir()} == {f"event_id={e}" for e in compared}
    assert (out / signing["folder"] / "results" / "variants.csv").is_file()


def test_the_tables_across_events_are_written_and_the_window_opens_the_result(result):
    from tabayun.core.corpus.result import open_corpus_result

    out, run = result
    for name in ("terms_by_outlet.csv", "coverage.csv", "coverage_matrix.csv", "loaded_by_outlet.csv",
                 "report.html"):
        assert (out / "across" / name).is_file(), name
    coverage = read_csv(out / "across" / "coverage.csv")
    assert "بي بي سي" in set(coverage["outlet"])
    opened = open_corpus_result(out)
    assert not opened.problems
    assert len(opened.events) == run.events


def test_each_articles_words_and_direction_are_those_across_would_count(result, tmp_path):
    import shutil

    from tabayun.core.corpus.across import article_counts, read_text_csv, write_across
    from tabayun.core.files import write_table

    out, _ = result
    articles = read_text_csv(out / "articles.csv")
    events = read_csv(out / "events.csv")
    assert not events["compared"].all()  # an event of one outlet: its articles are counted too
    for file, words, direction in zip(articles["file"], articles["words"], articles["direction"]):
        text = (out / file).read_bytes().decode("utf-8-sig")
        assert (int(words), direction) == article_counts(text), file
    assert {"rtl", "ltr"} <= set(articles["direction"])
    # a result without the two columns (an older version's): across/ counts from the files, the same
    older = tmp_path / "older"
    shutil.copytree(out, older, ignore=shutil.ignore_patterns(".state", "across"))
    base = [c for c in articles.columns if c not in ("words", "direction")]
    write_table(base, list(articles[base].itertuples(index=False, name=None)), older / "articles.csv")
    write_across(older)
    for path in sorted((out / "across").iterdir()):
        assert (older / "across" / path.name).read_bytes() == path.read_bytes(), path.name


def test_an_event_folder_opens_with_compare_and_its_variants_match(result):
    out, _ = result
    events = read_csv(out / "events.csv")
    event = events[events["outlet_names"].str.contains("بي بي سي")].iloc[0]
    comparison = compare([out / event["folder"]])
    assert {a.outlet for a in comparison.articles.values()} == set(event["outlet_names"].split("; "))
    assert comparison.articles["000_da5021ca098f9bca"].date == "2021-11-24"
    expected = comparison.variants_frame()
    stored = pq.read_table(out / "variants" / f"event_id={event['event_id']}" / "part-0.parquet").to_pandas()
    assert stored[VARIANT_COLUMNS].values.tolist() == expected[VARIANT_COLUMNS].values.tolist()
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sample_event_dir().glob("*.txt")}
    for doc, article in comparison.articles.items():
        assert article.text == texts[doc]  # verbatim


def test_bad_records_are_listed_and_the_rest_goes_on(assembled, result):
    inputs, gold = assembled
    out, _ = result
    problems = read_csv(out / "problems.csv")
    reasons = dict(zip(problems["source"], problems["reason"]))
    csv_file, jsonl, parquet = inputs[2:]
    empty = next(s for s in reasons if s.startswith(csv_file + ":"))
    assert "no text" in reasons[empty]
    jsonl_reasons = [r for s, r in reasons.items() if s.startswith(jsonl + ":")]
    assert any("not valid JSON" in r for r in jsonl_reasons)
    assert any("a list, not text" in r for r in jsonl_reasons)
    assert any("not valid UTF-8" in r for r in jsonl_reasons)
    assert "no text" in reasons[f"{parquet}:row {pq.ParquetFile(parquet).metadata.num_rows}"]
    assert len(problems) == 5
    assert set(_events_of(out)) == set(gold)  # every good record read


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and ".state" not in p.parts}


@pytest.fixture(scope="module")
def small(tmp_path_factory, dask_client):
    """A smaller corpus (English fixtures and six synthetic events) and its result."""
    base = tmp_path_factory.mktemp("small")
    files, _ = _write_inputs(base / "in", synthetic_corpus(events=6, outlets=3, seed=5), bad=False)
    inputs = [str(ENGLISH)] + files
    out = base / "reference"
    run_corpus(inputs, out, client=dask_client, progress=None)
    return inputs, _files(out)


def test_one_worker_and_two_workers_write_the_same_files(small, tmp_path):
    from dask.distributed import Client

    inputs, reference = small
    with corpus_run.local_cluster(1) as cluster, Client(cluster) as client:
        run_corpus(inputs, tmp_path / "one", client=client, progress=None)
    assert _files(tmp_path / "one") == reference


class Interrupted(BaseException):
    pass


def test_a_run_stopped_after_staging_resumes_to_the_same_result(small, tmp_path, dask_client, monkeypatch):
    inputs, reference = small
    out = tmp_path / "out"

    def stop(*args, **kwargs):
        raise Interrupted

    monkeypatch.setattr(corpus_run, "_signatures", stop)
    with pytest.raises(Interrupted):
        run_corpus(inputs, out, client=dask_client, progress=None)
    assert json.loads((out / "corpus.json").read_text(encoding="utf-8"))["complete"] is False
    assert (out / ".state" / "staged.done").is_file() and not (out / "events.csv").exists()
    monkeypatch.undo()
    again = run_corpus(inputs, out, client=dask_client, progress=None)
    assert again.resumed
    assert _files(out) == reference


def test_a_run_stopped_after_some_events_resumes_without_redoing_them(small, tmp_path, dask_client, monkeypatch):
    inputs, reference = small
    out = tmp_path / "out"
    finish = corpus_run._finish_event
    finished: list[str] = []

    def finish_two(out_dir, event_id, result, settings):
        if len(finished) == 2:
            raise Interrupted
        finish(out_dir, event_id, result, settings)
        finished.append(event_id)

    monkeypatch.setattr(corpus_run, "_finish_event", finish_two)
    with pytest.raises(Interrupted):
        run_corpus(inputs, out, client=dask_client, progress=None)
    monkeypatch.undo()
    # as if the machine lost power before one event's file reached the disk
    (out / "markers" / f"event_id={finished[1]}" / "part-0.parquet").write_bytes(b"")
    redone: list[str] = []

    def counting(out_dir, event_id, result, settings):
        redone.append(event_id)
        finish(out_dir, event_id, result, settings)

    monkeypatch.setattr(corpus_run, "_finish_event", counting)
    run_corpus(inputs, out, client=dask_client, progress=None)
    assert finished[1] in redone and finished[0] not in redone and len(redone) == len(set(redone))
    assert _files(out) == reference


def test_a_folder_of_other_inputs_is_refused(small, tmp_path, dask_client):
    inputs, _ = small
    out = tmp_path / "out"
    run_corpus(inputs, out, client=dask_client, progress=None)
    with pytest.raises(CorpusError, match="other inputs.*another --out folder"):
        run_corpus(inputs[:1], out, client=dask_client, progress=None)
    with pytest.raises(CorpusError, match="other settings"):
        run_corpus(inputs, out, Settings(window_days=5), client=dask_client, progress=None)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(CorpusError, match="not empty"):
        run_corpus(inputs, tmp_path / "notes", client=dask_client, progress=None)


def test_the_command_runs_on_an_existing_cluster(tmp_path, dask_client, capsys):
    out = tmp_path / "out"
    code = cli_main(["corpus", str(ENGLISH), "--out", str(out), "--scheduler", dask_client.scheduler.address,
                     "--csv"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "2 articles in 1 events, 1 compared" in captured.out
    assert "comparing events" in captured.err  # the progress bar
    assert (out / "events" / "E00001" / "results" / "variants.csv").is_file()
    assert cli_main(["corpus", str(ENGLISH), "--out", str(out), "--scheduler", dask_client.scheduler.address,
                     "--csv", "--quiet"]) == 0
    code = cli_main(["corpus", str(ENGLISH), "--out", str(out), "--quiet", "--window-days", "9"])
    assert code == 2 and "another --out folder" in capsys.readouterr().err
