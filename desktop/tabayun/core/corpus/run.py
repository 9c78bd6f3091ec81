"""`tabayun corpus`: a corpus read, grouped into events, each event compared, on Dask.

The stages, each resumable (what is done is on disk under ``DIR/.state``):

1. **stage**: the inputs read as a stream (``records.read_corpus``) into Parquet shards of
   ``SHARD_SIZE`` records and problems; a resumed run skips the shards it has.
2. **signatures**: each shard's MinHash signatures and lead hashes, one Dask task per shard.
3. **grouping** (``grouping.group``) on the driver, from ids, dates and signatures only;
   then the event folders ``events/E00001/`` (one .txt per article and a manifest.csv).
4. **compare**: each event of two outlets or more compared (``analysis.comparison.compare``
   on its folder), one Dask task per event; its tables as Parquet partitions
   (``variants/event_id=E00001/part-0.parquet`` ...) and a done marker, which also holds
   each article's words and direction (counted in the task, where the text is in memory; an
   event of one outlet is only counted), for articles.csv and across/.
5. events.csv, articles.csv, problems.csv and corpus.json, ``complete: true`` last.

Tasks take their input as values and return their results (no shared disk is needed: a
cluster on other machines works); only this driver writes to ``DIR``. The same inputs give
the same files, with any number of workers.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence, TextIO

import numpy as np

from ..files import atomic_write_bytes, write_table
from . import grouping
from .across import article_counts, write_across
from .records import BadRecord, CorpusRecord, input_files, read_corpus
from .result import ARTICLE_COLUMNS as _ARTICLE_READ_COLUMNS, ARTICLE_COUNT_COLUMNS

FORMAT = "tabayun-corpus"
VERSION = 1
SHARD_SIZE = 1000
BATCH_ARTICLES = 40
STATE = ".state"
EVENT_COLUMNS = ["event_id", "first_date", "last_date", "articles", "outlets", "outlet_names", "compared", "slots",
                 "word_choices", "top_variants", "folder"]
ARTICLE_COLUMNS = [*_ARTICLE_READ_COLUMNS, *ARTICLE_COUNT_COLUMNS]  # articles.csv as written
PROBLEM_COLUMNS = ["source", "reason"]
MANIFEST_COLUMNS = ["file", "outlet", "language", "date", "note"]
PARTITIONED = ("variants", "differences", "markers")
_SHARD_COLUMNS = ["kind", "record_id", "outlet", "date", "title", "text", "url", "source", "language", "reason"]
_INT_COLUMNS = {"row_id", "slot_id", "char_start", "char_end", "reading", "a_start", "a_end", "b_start", "b_end",
                "count"}
_FLOAT_COLUMNS = {"score", "strength"}
_BOOL_COLUMNS = {"majority"}


class CorpusError(Exception):
    """What stops a run, said to the user (the command prints it and exits with 2)."""


@dataclass
class Settings:
    window_days: int = grouping.DEFAULT_WINDOW_DAYS
    threshold: float = grouping.DEFAULT_THRESHOLD
    csv: bool = False


@dataclass
class RunResult:
    out: Path
    articles: int
    events: int
    compared: int
    problems: int
    resumed: bool = False
    already_complete: bool = False
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        return (f"{self.articles} articles in {self.events} events, {self.compared} compared; "
                f"{self.problems} problems (problems.csv). Wrote {self.out}")


# --- progress ---------------------------------------------------------------------

class Progress:
    """A one-line progress bar on stderr (nothing when quiet)."""

    def __init__(self, stream: TextIO | None):
        self.stream = stream

    def say(self, text: str) -> None:
        if self.stream is not None:
            print(text, file=self.stream, flush=True)

    def count(self, label: str, done: int, final: bool = False) -> None:
        if self.stream is not None:
            self.stream.write(f"\r{label:<22} {done:,} records{chr(10) if final else ''}")
            self.stream.flush()

    def bar(self, label: str, done: int, total: int) -> None:
        if self.stream is None:
            return
        width = 30
        filled = width * done // total if total else width
        end = "\n" if done >= total else ""
        self.stream.write(f"\r{label:<22} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}{end}")
        self.stream.flush()


# --- the run's identity -------------------------------------------------------------

def _fingerprint(inputs: Sequence[str], out: Path, settings: Settings) -> dict:
    digest = hashlib.sha256()
    for path in input_files(inputs, exclude=[out]):
        try:
            st = path.stat()
            digest.update(f"{path.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
        except OSError:
            digest.update(f"{path}\0missing\n".encode("utf-8", "surrogateescape"))
    return {"inputs": [str(Path(p).resolve()) for p in inputs], "window_days": settings.window_days,
            "threshold": settings.threshold, "csv": settings.csv, "files": digest.hexdigest()}


def _json_bytes(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def _check_out(out: Path, run: dict) -> str:
    """'new', 'resume' or 'complete'; CorpusError for a folder that is not this run's."""
    state = out / STATE / "run.json"
    corpus = out / "corpus.json"
    if state.is_file():
        try:
            before = json.loads(state.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            before = None
        if before != run:
            changed = _what_changed(before, run)
            raise CorpusError(f"{out} holds a corpus result made from {changed}; give another --out folder, "
                              f"or delete {out} to start again")
        complete = corpus.is_file() and json.loads(corpus.read_text(encoding="utf-8")).get("complete") is True
        return "complete" if complete else "resume"
    if corpus.is_file():
        try:
            before = json.loads(corpus.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            before = {}
        same = (before.get("inputs") == run["inputs"] and before.get("window_days") == run["window_days"]
                and before.get("threshold") == run["threshold"])
        if same and before.get("complete") is True:
            return "complete"
        raise CorpusError(f"{out} holds a corpus result of other inputs or settings (or one whose resume state "
                          f"was deleted); give another --out folder, or delete {out} to start again")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise CorpusError(f"{out} is not empty and holds no Tabayun corpus result; give a new or empty folder "
                          "as --out")
    return "new"


def _what_changed(before: dict | None, now: dict) -> str:
    if not isinstance(before, dict):
        return "a run whose state cannot be read"
    if before.get("inputs") != now["inputs"]:
        return "other inputs (" + ", ".join(before.get("inputs") or []) + ")"
    for key in ("window_days", "threshold", "csv"):
        if before.get(key) != now[key]:
            return f"other settings ({key} {before.get(key)}, not {now[key]})"
    return "the same inputs, but their files changed since (sizes or times differ)"


# --- stage 1: read and stage --------------------------------------------------------

def _shard_path(out: Path, n: int) -> Path:
    return out / STATE / "shards" / f"shard-{n:05d}.parquet"


def _shard_count(out: Path) -> int:
    n = 0
    while _shard_path(out, n).is_file():
        n += 1
    return n


def _write_shard(out: Path, n: int, items: list[CorpusRecord | BadRecord]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns: dict[str, list] = {c: [] for c in _SHARD_COLUMNS}
    for item in items:
        if isinstance(item, CorpusRecord):
            values = {"kind": "record", "record_id": item.record_id, "outlet": item.outlet, "date": item.date,
                      "title": item.title, "text": item.text, "url": item.url, "source": item.source,
                      "language": item.language, "reason": ""}
        else:
            values = {c: "" for c in _SHARD_COLUMNS} | {"kind": "problem", "source": item.source,
                                                         "reason": item.reason}
        for c in _SHARD_COLUMNS:
            columns[c].append(values[c])
    table = pa.table({c: pa.array(columns[c], type=pa.string()) for c in _SHARD_COLUMNS})
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    atomic_write_bytes(_shard_path(out, n), buffer.getvalue())


def _stage(inputs: Sequence[str], out: Path, progress: Progress) -> None:
    done = out / STATE / "staged.done"
    if done.is_file():
        return
    have = _shard_count(out)
    skip = have * SHARD_SIZE
    batch: list[CorpusRecord | BadRecord] = []
    n = have
    read = 0
    for item in read_corpus(inputs, exclude=[out]):
        read += 1
        if read <= skip:
            continue
        batch.append(item)
        if len(batch) == SHARD_SIZE:
            _write_shard(out, n, batch)
            n, batch = n + 1, []
            progress.count("reading", read)
    if batch:
        _write_shard(out, n, batch)
    progress.count("reading", read, final=True)
    atomic_write_bytes(done, b"")


def _read_shard(out: Path, n: int, columns: list[str]) -> dict[str, list[str]]:
    import pyarrow.parquet as pq

    return pq.read_table(_shard_path(out, n), columns=columns).to_pydict()


# --- stage 2: signatures --------------------------------------------------------------

def signature_task(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """On a worker: the signatures of a shard's articles (hash values n x NUM_PERM, lead
    hashes concatenated, their offsets)."""
    sigs = np.zeros((len(texts), grouping.NUM_PERM), dtype=np.uint32)
    leads, offsets = [], [0]
    for k, text in enumerate(texts):
        sigs[k], lead = grouping.signature(text)
        leads.append(lead)
        offsets.append(offsets[-1] + len(lead))
    values = np.concatenate(leads) if leads else np.zeros(0, dtype=np.uint32)
    return sigs, values.astype(np.uint32), np.asarray(offsets, dtype=np.int64)


def _signature_path(out: Path, n: int) -> Path:
    return out / STATE / "signatures" / f"shard-{n:05d}.npz"


def _shard_texts(out: Path, n: int) -> list[str]:
    shard = _read_shard(out, n, ["kind", "title", "text"])
    return [CorpusRecord("", "", "", title, text, "", "").article_text
            for kind, title, text in zip(shard["kind"], shard["title"], shard["text"]) if kind == "record"]


def _signatures(client, out: Path, shards: int, progress: Progress) -> None:
    todo = [n for n in range(shards) if not _signature_path(out, n).is_file()]
    if not todo:
        return

    def submit(n: int):
        return client.submit(signature_task, _shard_texts(out, n), pure=False)

    def finish(n: int, result) -> None:
        sigs, values, offsets = result
        buffer = io.BytesIO()
        np.savez(buffer, hashvalues=sigs, lead_values=values, lead_offsets=offsets)
        atomic_write_bytes(_signature_path(out, n), buffer.getvalue())

    _bounded(client, todo, submit, finish, progress, "signatures")


# --- stage 3: grouping and event folders ------------------------------------------------

@dataclass
class Corpus:
    """What the driver keeps of the articles: no texts."""

    record_ids: list[str]
    dates: list[str]
    outlets: list[str]
    shard_of: list[int]
    events: list[list[int]]  # indices into the lists above
    event_of: list[int]
    files: list[str]  # each article's .txt name in its event folder

    def event_id(self, e: int) -> str:
        return f"E{e + 1:05d}"


def _load_items(out: Path, shards: int) -> tuple[list[grouping.Item], list[str], list[int]]:
    items, outlets, shard_of = [], [], []
    for n in range(shards):
        meta = _read_shard(out, n, ["kind", "record_id", "date", "outlet"])
        with np.load(_signature_path(out, n)) as sig:
            hashvalues, values, offsets = sig["hashvalues"], sig["lead_values"], sig["lead_offsets"]
        k = 0
        for kind, rid, date, outlet in zip(meta["kind"], meta["record_id"], meta["date"], meta["outlet"]):
            if kind != "record":
                continue
            items.append(grouping.Item(rid, date, hashvalues[k], values[offsets[k]:offsets[k + 1]]))
            outlets.append(outlet)
            shard_of.append(n)
            k += 1
    return items, outlets, shard_of


_UNSAFE = re.compile(r"[^\w\-.~]+")


def _file_name(record_id: str, taken: set[str]) -> str:
    stem = _UNSAFE.sub("_", record_id).strip("._")[:80] or "article"
    name, n = stem, 2
    while name.lower() in taken:
        name, n = f"{stem}~{n}", n + 1
    taken.add(name.lower())
    return name + ".txt"


def _group(out: Path, shards: int, settings: Settings) -> Corpus:
    items, outlets, shard_of = _load_items(out, shards)
    events = grouping.group(items, settings.window_days, settings.threshold)
    event_of = [0] * len(items)
    files = [""] * len(items)
    for e, members in enumerate(events):
        taken: set[str] = set()
        for i in members:
            event_of[i] = e
            files[i] = _file_name(items[i].record_id, taken)
    return Corpus([it.record_id for it in items], [it.date for it in items], outlets, shard_of, events, event_of,
                  files)


def _write_folders(out: Path, corpus: Corpus, shards: int, progress: Progress) -> None:
    done = out / STATE / "folders.done"
    if done.is_file():
        return
    manifests: dict[int, list[tuple]] = {e: [] for e in range(len(corpus.events))}
    i = 0
    for n in range(shards):
        shard = _read_shard(out, n, ["kind", "title", "text", "language", "url"])
        for kind, title, text, language, url in zip(shard["kind"], shard["title"], shard["text"], shard["language"],
                                                    shard["url"]):
            if kind != "record":
                continue
            e = corpus.event_of[i]
            folder = out / "events" / corpus.event_id(e)
            body = CorpusRecord("", "", "", title, text, "", "").article_text
            atomic_write_bytes(folder / corpus.files[i], body.encode("utf-8"), fsync=False)
            manifests[e].append((corpus.files[i], corpus.outlets[i], language, corpus.dates[i], url))
            i += 1
        progress.bar("event folders", n + 1, shards)
    for e, rows in manifests.items():
        write_table(MANIFEST_COLUMNS, rows, out / "events" / corpus.event_id(e) / "manifest.csv")
    _sync()  # the article files were written without an fsync each (a run stopped before
    atomic_write_bytes(done, b"")  # folders.done rewrites them all)


def _sync() -> None:
    if hasattr(os, "sync"):
        os.sync()


# --- stage 4: compare each event ---------------------------------------------------------

def _counts(files: list[tuple[str, bytes]]) -> dict[str, list]:
    """Each article file's [words, direction] (``across.article_counts``), by file name."""
    counts = {}
    for name, data in files:
        if name.endswith(".txt"):
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:  # across/ counts it from its file, and says what is wrong
                continue
            counts[name] = list(article_counts(text))
    return counts


def compare_task(files: list[tuple[str, bytes]], want_csv: bool, compare_it: bool = True) -> dict:
    """On a worker: an event folder's files (name, bytes) compared as ``tabayun compare``
    compares the folder. Returns its tables (columns, rows), what events.csv says of it, or
    the error that stopped it; and, in ``articles``, each article's words and direction
    (only those when not ``compare_it``: an event of one outlet)."""
    from ..analysis.comparison import compare

    counts = _counts(files)
    if not compare_it:
        return {"articles": counts}
    with tempfile.TemporaryDirectory(prefix="tabayun-event-") as tmp:
        for name, data in files:
            Path(tmp, name).write_bytes(data)
        try:
            comparison = compare([tmp])
        except Exception as exc:  # one event's failure is listed; the other events go on
            return {"error": f"{type(exc).__name__}: {exc}", "articles": counts}
    tables = comparison.tables()
    lexical = sorted((s for s in comparison.slots if s.category == "lexical"),
                     key=lambda s: (-s.score, s.row_id, s.slot_id))
    top = "; ".join(" / ".join(r.text for r in s.readings) for s in lexical[:3])
    keep = list(tables) if want_csv else [f"{name}.csv" for name in PARTITIONED]
    return {"tables": {name: tables[name] for name in keep}, "slots": len(comparison.slots),
            "word_choices": len(lexical), "top_variants": top, "articles": counts}


def _done_path(out: Path, event_id: str) -> Path:
    return out / STATE / "done" / f"{event_id}.json"


def _arrow_table(columns: list[str], rows: list[tuple]):
    import pyarrow as pa

    def kind(c: str):
        return pa.int64() if c in _INT_COLUMNS else pa.float64() if c in _FLOAT_COLUMNS \
            else pa.bool_() if c in _BOOL_COLUMNS else pa.string()

    data = list(zip(*rows)) if rows else [[] for _ in columns]
    return pa.table({c: pa.array(list(values), type=kind(c)) for c, values in zip(columns, data)})


def _finish_event(out: Path, event_id: str, result: dict, settings: Settings) -> None:
    import pyarrow.parquet as pq

    if "tables" in result:
        for name in PARTITIONED:
            columns, rows = result["tables"][f"{name}.csv"]
            buffer = io.BytesIO()
            pq.write_table(_arrow_table(columns, rows), buffer)
            atomic_write_bytes(_partition(out, name, event_id), buffer.getvalue(), fsync=False)
        if settings.csv:
            for name, (columns, rows) in result["tables"].items():
                write_table(columns, rows, out / "events" / event_id / "results" / name)
    summary = {k: result[k] for k in ("slots", "word_choices", "top_variants", "error", "articles") if k in result}
    # Without an fsync per file (thousands of events): the run syncs once before corpus.json
    # says complete, and a resumed run redoes an event whose files did not all reach the disk.
    atomic_write_bytes(_done_path(out, event_id), _json_bytes(summary), fsync=False)


def _partition(out: Path, name: str, event_id: str) -> Path:
    return out / name / f"event_id={event_id}" / "part-0.parquet"


def _is_done(out: Path, event_id: str, settings: Settings, compared: bool = True) -> bool:
    """The event's done marker is there and whole, and so are its Parquet files (an event
    not ``compared``: its marker only, which holds its articles' counts)."""
    try:
        summary = json.loads(_done_path(out, event_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if "error" in summary or not compared:
        return True
    for name in PARTITIONED:
        try:
            with open(_partition(out, name, event_id), "rb") as fh:
                fh.seek(-4, os.SEEK_END)
                if fh.read(4) != b"PAR1":
                    return False
        except OSError:
            return False
    return not settings.csv or (out / "events" / event_id / "results" / "variants.csv").is_file()


def _comparable(corpus: Corpus, e: int) -> bool:
    return len({corpus.outlets[i] for i in corpus.events[e]}) >= 2


def _event_files(out: Path, event_id: str) -> list[tuple[str, bytes]]:
    folder = out / "events" / event_id
    return [(p.name, p.read_bytes()) for p in sorted(folder.iterdir())
            if p.is_file() and (p.suffix == ".txt" or p.name == "manifest.csv") and not p.name.startswith(".")]


def compare_events_task(events: list[list[tuple[str, bytes]]], want_csv: bool,
                        compare_them: list[bool] | None = None) -> list[dict]:
    """On a worker: ``compare_task`` for each of a few small events (those of
    ``compare_them`` false: their articles counted only)."""
    compare_them = compare_them or [True] * len(events)
    return [compare_task(files, want_csv, c) for files, c in zip(events, compare_them)]


def _batches(corpus: Corpus, todo: list[int], workers: int) -> list[tuple[int, ...]]:
    """Events to compare, several small ones to a task (up to BATCH_ARTICLES articles, and
    at least four tasks a worker): a task costs the cluster milliseconds, a small event's
    comparison only tens of them."""
    articles = sum(len(corpus.events[e]) for e in todo)
    most = max(1, min(BATCH_ARTICLES, articles // (4 * workers)))
    batches, batch, size = [], [], 0
    for e in todo:
        batch.append(e)
        size += len(corpus.events[e])
        if size >= most:
            batches.append(tuple(batch))
            batch, size = [], 0
    if batch:
        batches.append(tuple(batch))
    return batches


def _compare_events(client, out: Path, corpus: Corpus, settings: Settings, progress: Progress) -> None:
    # every event: one of a single outlet has its articles' words counted (across/ reads them)
    todo = [e for e in range(len(corpus.events))
            if not _is_done(out, corpus.event_id(e), settings, _comparable(corpus, e))]
    if not todo:
        return

    def submit(batch: tuple[int, ...]):
        files = [_event_files(out, corpus.event_id(e)) for e in batch]
        return client.submit(compare_events_task, files, settings.csv, [_comparable(corpus, e) for e in batch],
                             pure=False)

    def finish(batch: tuple[int, ...], results: list[dict]) -> None:
        for e, result in zip(batch, results):
            _finish_event(out, corpus.event_id(e), result, settings)

    workers = max(1, len(client.scheduler_info().get("workers", {})))
    _bounded(client, _batches(corpus, todo, workers), submit, finish, progress, "comparing events", weight=len)


def _bounded(client, todo: list, submit: Callable, finish: Callable, progress: Progress, label: str,
             weight: Callable = lambda item: 1) -> None:
    """Run ``submit(item)`` for each of ``todo`` with a bounded number in flight (the driver
    holds only their inputs), ``finish(item, result)`` on the driver as each one ends; the
    progress bar counts ``weight(item)`` for each."""
    from dask.distributed import as_completed

    workers = max(1, len(client.scheduler_info().get("workers", {})))
    limit = 2 * workers + 2
    pending = iter(todo)
    started = {}
    for item in pending:
        started[submit(item)] = item
        if len(started) >= limit:
            break
    done, total = 0, sum(weight(item) for item in todo)
    progress.bar(label, 0, total)
    queue = as_completed(list(started))
    for future in queue:
        item = started.pop(future)
        result = future.result()
        future.release()
        finish(item, result)
        done += weight(item)
        progress.bar(label, done, total)
        nxt = next(pending, None)
        if nxt is not None:
            new = submit(nxt)
            started[new] = nxt
            queue.add(new)


# --- stage 5: the tables ------------------------------------------------------------------

def _write_tables(out: Path, corpus: Corpus, shards: int, settings: Settings) -> tuple[int, int]:
    """events.csv, articles.csv, problems.csv; returns (compared events, problems)."""
    problems: list[tuple[str, str]] = []
    articles: list[tuple] = []
    summaries: dict[str, dict] = {}
    for e in range(len(corpus.events)):
        try:
            summaries[corpus.event_id(e)] = json.loads(_done_path(out, corpus.event_id(e)).read_text(encoding="utf-8"))
        except FileNotFoundError:
            if _comparable(corpus, e):
                raise
    i = 0
    for n in range(shards):
        shard = _read_shard(out, n, ["kind", "record_id", "outlet", "date", "title", "url", "source", "reason"])
        for kind, rid, outlet, date, title, url, source, reason in zip(*(shard[c] for c in (
                "kind", "record_id", "outlet", "date", "title", "url", "source", "reason"))):
            if kind != "record":
                problems.append((source, reason))
                continue
            event_id = corpus.event_id(corpus.event_of[i])
            # no counts (a run resumed from an older version's markers): across/ counts from the file
            words, direction = summaries.get(event_id, {}).get("articles", {}).get(corpus.files[i], ("", ""))
            articles.append((rid, event_id, outlet, date, title, url, source, f"events/{event_id}/{corpus.files[i]}",
                             words, direction))
            i += 1
    events = []
    compared = 0
    for e, members in enumerate(corpus.events):
        event_id = corpus.event_id(e)
        dates = sorted(corpus.dates[i] for i in members if corpus.dates[i])
        outlets = sorted({corpus.outlets[i] for i in members})
        summary: dict = {}
        if _comparable(corpus, e):
            summary = summaries[event_id]
        ok = bool(summary) and "error" not in summary
        if "error" in summary:
            problems.append((f"events/{event_id}", f"the event could not be compared ({summary['error']})"))
        compared += ok
        events.append((event_id, dates[0] if dates else "", dates[-1] if dates else "", len(members), len(outlets),
                       "; ".join(outlets), "true" if ok else "false", summary.get("slots", 0) if ok else 0,
                       summary.get("word_choices", 0) if ok else 0, summary.get("top_variants", "") if ok else "",
                       f"events/{event_id}"))
    write_table(EVENT_COLUMNS, events, out / "events.csv")
    write_table(ARTICLE_COLUMNS, articles, out / "articles.csv")
    write_table(PROBLEM_COLUMNS, problems, out / "problems.csv")
    return compared, len(problems)


# --- the run ---------------------------------------------------------------------------------

def _client(scheduler: str | None, workers: int | None):
    try:
        from dask.distributed import Client
    except ImportError:
        raise CorpusError('tabayun corpus needs Dask, datasketch and pyarrow: pip install "tabayun[corpus]"') from None
    if scheduler:
        try:
            return Client(scheduler, timeout="15s"), None
        except (OSError, TimeoutError, ValueError) as exc:
            raise CorpusError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); start one with "
                              "`dask scheduler` and workers with `dask worker ADDRESS`, or leave out --scheduler "
                              "to use this machine's cores") from None
    cluster = local_cluster(workers or os.cpu_count() or 1)
    return Client(cluster), cluster


def local_cluster(workers: int):
    """A Dask cluster of ``workers`` processes on this machine, one thread each, no dashboard
    (its small HTTP server on a free port, not 8787, which another cluster may hold)."""
    from dask.distributed import LocalCluster

    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                        scheduler_kwargs={"dashboard_address": ":0"}, silence_logs=logging.ERROR)


def run_corpus(inputs: Sequence[str], out: str | Path, settings: Settings | None = None, *,
               scheduler: str | None = None, workers: int | None = None, client=None,
               progress: TextIO | None = sys.stderr) -> RunResult:
    """Run (or resume) ``tabayun corpus INPUTS --out OUT``. ``client``: a Dask client to use
    (else ``scheduler``'s cluster, else a local cluster of ``workers`` processes, one per core
    by default). Raises CorpusError with what to do."""
    settings = settings or Settings()
    out = Path(out)
    if not inputs:
        raise CorpusError("give one or more corpus files or folders")
    missing = [p for p in inputs if not Path(p).exists()]
    if missing:
        raise CorpusError(f"no such file or folder: {', '.join(missing)}")
    if settings.window_days < 0:
        raise CorpusError("--window-days takes 0 or more days")
    if not 0 < settings.threshold <= 1:
        raise CorpusError("--threshold takes a share of lead words between 0 and 1, e.g. 0.12")
    bar = Progress(progress)
    run = _fingerprint(inputs, out, settings)
    state = _check_out(out, run)
    if state == "complete":
        info = json.loads((out / "corpus.json").read_text(encoding="utf-8"))
        return RunResult(out, info["articles"], info["events"], info["compared"], info["problems"],
                         already_complete=True)
    try:
        (out / STATE).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CorpusError(f"cannot write to {out}: {exc.strerror or exc}") from None
    if state == "new":
        atomic_write_bytes(out / STATE / "run.json", _json_bytes(run))
    head = {"format": FORMAT, "version": VERSION, "inputs": run["inputs"], "window_days": settings.window_days,
            "threshold": settings.threshold}
    if state == "new":
        atomic_write_bytes(out / "corpus.json", _json_bytes(head | {"complete": False}))
    else:
        bar.say(f"Resuming the run in {out}")
    clock = _Clock()
    _stage(inputs, out, bar)
    clock.lap("read")
    shards = _shard_count(out)
    own, made = None, client is None
    if made:
        client, own = _client(scheduler, workers)
        if own is not None:
            bar.say(f"Dask: a local cluster of {len(own.workers)} workers")
        else:
            bar.say(f"Dask: the cluster at {scheduler} ({len(client.scheduler_info().get('workers', {}))} workers)")
    clock.lap("start cluster")
    try:
        _signatures(client, out, shards, bar)
        clock.lap("signatures")
        corpus = _group(out, shards, settings)
        clock.lap("grouping")
        _write_folders(out, corpus, shards, bar)
        clock.lap("event folders")
        _compare_events(client, out, corpus, settings, bar)
        clock.lap("compare")
    finally:
        if made:
            client.close()
        if own is not None:
            own.close()
    for name in PARTITIONED:
        (out / name).mkdir(exist_ok=True)
    compared, problems = _write_tables(out, corpus, shards, settings)
    _sync()  # every event's files on the disk before corpus.json says complete
    clock.lap("tables")
    write_across(out)
    clock.lap("across")
    info = head | {"articles": len(corpus.record_ids), "events": len(corpus.events), "compared": compared,
                   "problems": problems, "complete": True}
    atomic_write_bytes(out / "corpus.json", _json_bytes(info))
    return RunResult(out, info["articles"], info["events"], compared, problems, resumed=state == "resume",
                     timings=clock.laps)


class _Clock:
    """Seconds each stage took (RunResult.timings; the benchmark prints them)."""

    def __init__(self):
        import time

        self._now = time.perf_counter
        self._last = self._now()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = self._now()
        self.laps[name] = now - self._last
        self._last = now
