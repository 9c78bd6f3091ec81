"""labels.csv: labels survive reloads, spreadsheets, crashes, two windows and shifted text."""

from __future__ import annotations

import csv
import io
import os
import random
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tabayun import __version__
from tabayun.core.annotation import file_lock as lock_module
from tabayun.core.annotation import label_record
from tabayun.core.annotation.codebook import default_codebook
from tabayun.core.files import FORMULA_STARTS
from tabayun.core.annotation.labels import (LABEL_COLUMNS, Label, LabelFileError, LabelStore, escape_cell, labels_to_csv,
                                 new_label, read_labels, reanchor, unescape_cell)
from tabayun.core.model import Article
from tabayun.core.analysis.normalize import fold

REAL_UTC_NOW = label_record.utc_now
EVENT = "gantz-morocco"
CODEBOOK = default_codebook()
FORMULAS = ['=HYPERLINK("http://evil.example","click")', "+1", "-x", "@sum", "'=already quoted", "'plain",
            "'", "''", "\tTAB", "\rCR", "a note,\nover two lines", "ملاحظة = عربية", "=1+2"]


pytestmark = pytest.mark.usefixtures("ticking_clock")  # tests/conftest.py


@pytest.fixture(scope="module")
def war(sample):
    """The sample's "الحرب"/"الدفاع" difference (Gantz as minister of war or of defence)."""
    found = [d for d in sample.differences if {fold(d.a_text), fold(d.b_text)} == {"الحرب", "الدفاع"}]
    return found[0]


def war_label(sample, war, **kwargs) -> Label:
    args = dict(event=EVENT, annotator="Mona", codebook=CODEBOOK, code="referent_label",
                article=sample.articles[war.doc_a], start=war.a_start, end=war.a_end,
                other=sample.articles[war.doc_b], other_start=war.b_start, other_end=war.b_end,
                row_id=war.row_id, suggested_code=CODEBOOK.suggest(war.category) or "",
                difference_category=war.category)
    return new_label(**{**args, **kwargs})


def article(doc_id: str, text: str) -> Article:
    return Article(doc_id=doc_id, text=text, outlet=f"outlet {doc_id}")


def simple_label(art: Article, start: int, end: int, **kwargs) -> Label:
    return new_label(event=EVENT, annotator=kwargs.pop("annotator", "Ali"), codebook=CODEBOOK,
                     code=kwargs.pop("code", "evaluative_word"), article=art, start=start, end=end, **kwargs)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


ART = article("001_a", "قال وزير الحرب إن الهجوم الوحشي انتهى. The brutal attack ended.")


# --- labels and the file ---------------------------------------------------------------

def test_label_the_war_difference_save_and_reload(sample, war, tmp_path):
    label = war_label(sample, war, note="Gantz's title", confidence=0.75)
    assert (fold(label.text), fold(label.other_text)) in {("الحرب", "الدفاع"), ("الدفاع", "الحرب")}
    assert label.outlet == sample.articles[war.doc_a].outlet and label.other_outlet == sample.articles[war.doc_b].outlet
    assert (label.codebook, label.codebook_version, label.app_version) == ("Tabayun framing codebook", "1.0", __version__)
    assert label.suggested_code == "referent_label" and label.difference_category == "lexical"
    assert len(label.label_id) == 32 and label.created_at.endswith("Z") and len(label.created_at) == 20

    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    assert store.labels == [] and not path.exists()
    store.add(label)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == 2 and raw.count(b"\n") == 2

    again = LabelStore(path, EVENT)
    assert again.labels == [label] and again.get(label.label_id) == label and again.get("nope") is None
    back = again.labels[0]
    assert sample.articles[back.doc_id].text[back.char_start:back.char_end] == back.text
    assert sample.articles[back.other_doc_id].text[back.other_start:back.other_end] == back.other_text
    assert files_in(tmp_path) == ["labels.csv"]  # no temp or lock file left behind


def test_timestamps_are_utc_iso_8601_with_seconds():
    stamp = REAL_UTC_NOW()
    parsed = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    assert abs((datetime.now(timezone.utc) - parsed).total_seconds()) < 5


def test_columns_are_exactly_the_documented_ones(tmp_path):
    LabelStore(tmp_path / "labels.csv", EVENT).add(simple_label(ART, 4, 14))
    header = (tmp_path / "labels.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(",") == LABEL_COLUMNS
    record = read_labels(tmp_path / "labels.csv")[0]
    assert (record.other_doc_id, record.other_start, record.other_end, record.row_id, record.confidence) == \
           ("", None, None, None, None)


def test_formula_cells_are_escaped_on_disk_and_come_back_identical(tmp_path):
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    made = [store.add(simple_label(ART, 4, 14, note=note)) for note in FORMULAS]
    minus = store.add(simple_label(article("-doc", "-5% growth"), 0, 3, annotator="@ali"))
    cells = [cell for record in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""))
             for cell in record]
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]  # nothing a spreadsheet would run
    assert "'=HYPERLINK(\"http://evil.example\",\"click\")" in cells and "'-5%" in cells and "'@ali" in cells
    assert [label.note for label in LabelStore(path, EVENT).labels[:len(FORMULAS)]] == FORMULAS
    assert LabelStore(path, EVENT).labels == made + [minus]


def test_escaping_is_lossless_for_any_text():
    rng = random.Random(7)
    alphabet = "'=+-@\t\r\n a\"ع,"
    samples = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 5))) for _ in range(3000)]
    for text in samples + FORMULAS:
        escaped = escape_cell(text)
        assert unescape_cell(escaped) == text
        assert not escaped.startswith(FORMULA_STARTS)


def test_an_omission_names_the_other_article_without_a_span(tmp_path):
    silent = article("003_b", "نص لا يذكر الزيارة")
    label = simple_label(ART, 0, 14, code="omission", other=silent, difference_category="omission")
    assert (label.other_doc_id, label.other_outlet, label.other_start, label.other_end, label.other_text) == \
           ("003_b", "outlet 003_b", None, None, "")
    store = LabelStore(tmp_path / "labels.csv", EVENT)
    store.add(label)
    assert LabelStore(tmp_path / "labels.csv", EVENT).labels == [label]
    moved, lost = reanchor([label], {"001_a": replace(ART, text="> " + ART.text), "003_b": silent})
    assert (moved[0].char_start, moved[0].other_start, lost) == (2, None, [])


def test_new_label_refuses_unknown_codes_and_spans_outside_the_text():
    with pytest.raises(KeyError):
        simple_label(ART, 0, 3, code="no_such_code")
    with pytest.raises(ValueError, match="not a span of 001_a"):
        simple_label(ART, 5, len(ART.text) + 1)
    with pytest.raises(ValueError, match="not a span"):
        simple_label(ART, 9, 4)
    with pytest.raises(ValueError, match="both other_start and other_end"):
        simple_label(ART, 0, 3, other=ART, other_start=2)
    with pytest.raises(ValueError, match="without the other article"):
        simple_label(ART, 0, 3, other_start=2, other_end=4)
    with pytest.raises(ValueError, match="confidence"):
        simple_label(ART, 0, 3, confidence=1.5)


# --- malformed files are refused and never overwritten -------------------------------------

def valid_file(path: Path, n: int = 3) -> bytes:
    labels = [simple_label(ART, 4, 14, note=f"note {i}") for i in range(n)]
    data = labels_to_csv(labels)
    path.write_bytes(data)
    return data


def corrupt_char_start(data: bytes) -> bytes:
    lines = data.decode("utf-8-sig").split("\r\n")
    cells = next(csv.reader([lines[3]]))
    cells[LABEL_COLUMNS.index("char_start")] = "four"
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(cells)
    lines[3] = out.getvalue()
    return "\r\n".join(lines).encode("utf-8-sig")


def drop_column(data: bytes, column: str) -> bytes:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    at = rows[0].index(column)
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([r[:at] + r[at + 1:] for r in rows])
    return out.getvalue().encode("utf-8-sig")


MALFORMED = {
    "non-numeric char_start": (corrupt_char_start, 4, "char_start is not a number: 'four'"),
    "missing column": (lambda d: drop_column(d, "confidence"), 1, "missing column(s) confidence"),
    "foreign csv": (lambda d: "name,age,city\r\nAli,34,Rabat\r\n".encode(), 1, "is not a Tabayun labels file"),
    "binary junk": (lambda d: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), 1, "is not UTF-8 text"),
    "nul bytes in the header": (lambda d: d.replace(b"label_id", b"label\x00id", 1), 1, "contains binary data"),
    "utf-16": (lambda d: d.decode("utf-8-sig").encode("utf-16"), 1, "is UTF-16 text"),
    "fractional row_id": (lambda d: d.replace(b",,,,0.1.0\r\n", b",3.5,,,0.1.0\r\n", 1), 2,
                          "row_id is not a number: '3.5'"),
    "short line": (lambda d: d + b"a,b,c\r\n", 5, "has 3 fields, expected 24"),
    "duplicate id": (lambda d: d + d.decode("utf-8-sig").split("\r\n")[1].encode() + b"\r\n", 5,
                     "is also on line 2"),
    "end before start": (lambda d: d.replace(b",4,14,", b",14,4,", 1), 2, "char_end is before char_start"),
    "bad confidence": (lambda d: d.replace(b"Tabayun framing codebook,1.0,evaluative_word,note 0,",
                                           b"Tabayun framing codebook,1.0,evaluative_word,note 0,7", 1),
                       2, "confidence must be a number from 0 to 1"),
    "newer columns": (lambda d: d.replace(b"app_version", b"app_version,colour", 1).replace(b"0.1.0\r\n", b"0.1.0,x\r\n"),
                      1, "unknown column(s) colour"),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_a_malformed_file_is_refused_with_line_and_reason_and_left_untouched(tmp_path, case):
    make, line, reason = MALFORMED[case]
    path = tmp_path / "labels.csv"
    bad = make(valid_file(path))
    path.write_bytes(bad)
    with pytest.raises(LabelFileError) as caught:
        LabelStore(path, EVENT)
    error = caught.value
    assert (error.path, error.line) == (path, line)
    assert reason in error.reason
    assert str(error) == f"labels.csv line {line}: {error.reason}"
    assert path.read_bytes() == bad and files_in(tmp_path) == ["labels.csv"]


def test_a_file_spoilt_by_another_program_is_not_overwritten_by_the_next_change(tmp_path):
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    first = store.add(simple_label(ART, 4, 14))
    bad = corrupt_char_start(valid_file(path))
    path.write_bytes(bad)
    with pytest.raises(LabelFileError, match="line 4: char_start is not a number"):
        store.add(simple_label(ART, 0, 3))
    with pytest.raises(LabelFileError):
        store.update(first.label_id, note="x")
    assert path.read_bytes() == bad and store.labels == [first]
    assert files_in(tmp_path) == ["labels.csv"]


def test_an_empty_file_is_an_empty_store(tmp_path):
    (tmp_path / "labels.csv").write_bytes(b"")
    store = LabelStore(tmp_path / "labels.csv", EVENT)
    assert store.labels == []
    store.add(simple_label(ART, 0, 3))
    assert len(read_labels(tmp_path / "labels.csv")) == 1


# --- changes --------------------------------------------------------------------------

def test_update_delete_and_undo_by_adding_back(tmp_path):
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    label = store.add(simple_label(ART, 4, 14))
    changed = store.update(label.label_id, code="referent_label", note="=title", confidence=0.5)
    assert changed.updated_at > label.updated_at and changed.created_at == label.created_at
    assert LabelStore(path, EVENT).labels == [changed]
    with pytest.raises(ValueError, match="cannot be changed"):
        store.update(label.label_id, created_at="2020-01-01T00:00:00Z")
    with pytest.raises(TypeError, match="no field"):
        store.update(label.label_id, colour="#fff")
    before = path.read_bytes()
    with pytest.raises(ValueError, match="confidence"):
        store.update(label.label_id, confidence=2.0)
    assert path.read_bytes() == before and store.labels == [changed]
    gone = store.delete(label.label_id)
    assert gone == changed and store.labels == [] and LabelStore(path, EVENT).labels == []
    store.add(gone)  # undo the delete
    assert LabelStore(path, EVENT).labels == [changed]
    with pytest.raises(ValueError, match="already stored"):
        store.add(gone)
    with pytest.raises(KeyError):
        store.delete("no-such-label")


def test_labels_of_other_events_are_kept_but_not_shown(tmp_path):
    path = tmp_path / "labels.csv"
    other = LabelStore(path, "another event")
    theirs = other.add(replace(simple_label(ART, 0, 3), event="another event"))
    store = LabelStore(path, EVENT)
    assert store.labels == [] and store.all_labels == [theirs]
    with pytest.raises(ValueError, match="event"):
        store.add(theirs)
    mine = store.add(simple_label(ART, 4, 14))
    assert read_labels(path) == [theirs, mine]


def test_the_first_save_creates_the_folder(tmp_path):
    path = tmp_path / "new" / "folder" / "labels.csv"
    LabelStore(path, EVENT).add(simple_label(ART, 0, 3))
    assert len(read_labels(path)) == 1


# --- two windows on one file --------------------------------------------------------------

def test_two_stores_on_one_file_never_lose_each_others_work(tmp_path):
    path = tmp_path / "labels.csv"
    one, two = LabelStore(path, EVENT), LabelStore(path, EVENT)
    a = one.add(simple_label(ART, 4, 14, note="a"))
    b = two.add(simple_label(ART, 0, 3, note="b"))  # two had not seen a: it must keep it
    assert {x.note for x in read_labels(path)} == {"a", "b"}
    b2 = one.update(b.label_id, code="attribution_verb")  # one edits two's label
    a2 = two.update(a.label_id, note="a edited")  # two edits one's label, keeping one's other fields
    assert a2.code == a.code and two.get(b.label_id) == b2
    one.delete(a.label_id)  # one deletes a label two has just edited
    c = two.add(simple_label(ART, 19, 25, note="c"))  # two must not bring a back
    d = one.add(simple_label(ART, 26, 33, note="d"))
    final = read_labels(path)
    assert [x.note for x in final] == ["b", "c", "d"] and final[0] == b2
    assert one.labels == final and two.reload() == final
    with pytest.raises(KeyError, match="deleted in another window"):
        two.update(a.label_id, note="too late")
    assert [x.note for x in LabelStore(path, EVENT).labels] == ["b", "c", "d"]
    assert c in final and d in final


def test_deletions_stay_deleted_and_newer_versions_win_even_if_a_write_was_lost(tmp_path):
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    keep = store.add(simple_label(ART, 4, 14, note="old"))
    drop = store.add(simple_label(ART, 0, 3))
    stale = path.read_bytes()
    newer = store.update(keep.label_id, note="new")
    store.delete(drop.label_id)
    path.write_bytes(stale)  # a writer that ignored the lock put an old file back
    store.add(simple_label(ART, 19, 25, note="third"))
    on_disk = {x.label_id: x for x in read_labels(path)}
    assert drop.label_id not in on_disk
    assert on_disk[keep.label_id] == newer


WORKER = textwrap.dedent("""
    import sys
    from tabayun.core.annotation.codebook import default_codebook
    from tabayun.core.annotation.labels import LabelStore, new_label
    from tabayun.core.model import Article

    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    art = Article("001_a", "word " * 200, "outlet")
    store = LabelStore(path, "gantz-morocco")
    for i in range(count):
        store.add(new_label(event="gantz-morocco", annotator=name, codebook=default_codebook(),
                            code="neutral", article=art, start=i * 5, end=i * 5 + 4, note=f"{name} {i}"))
        if i % 3 == 0:
            store.update(store.labels[-1].label_id, confidence=0.5)
""")


def test_processes_writing_at_once_keep_every_label(tmp_path):
    path = tmp_path / "labels.csv"
    script = tmp_path / "worker.py"
    script.write_text(WORKER, encoding="utf-8")
    workers = [subprocess.Popen([sys.executable, str(script), str(path), f"p{n}", "15"],
                                stderr=subprocess.PIPE, text=True) for n in range(3)]
    store = LabelStore(path, EVENT)
    mine = [store.add(simple_label(ART, 4, 14, note=f"main {i}")) for i in range(10)]
    store.delete(mine[0].label_id)
    for worker in workers:
        assert worker.wait(timeout=120) == 0, worker.stderr.read()
    notes = {x.note for x in read_labels(path)}
    expected = {f"p{n} {i}" for n in range(3) for i in range(15)} | {f"main {i}" for i in range(1, 10)}
    assert notes == expected
    assert files_in(tmp_path) == ["labels.csv", "worker.py"]


def test_a_lock_left_by_a_crash_is_broken_and_a_live_one_waited_for(tmp_path, monkeypatch):
    path = tmp_path / "labels.csv"
    lock = tmp_path / "labels.csv.lock"
    store = LabelStore(path, EVENT)
    lock.write_text("pid 1 on crashed-host")
    old = time.time() - lock_module.STALE_LOCK_AGE - 5
    os.utime(lock, (old, old))
    store.add(simple_label(ART, 0, 3))
    assert files_in(tmp_path) == ["labels.csv"]

    before = path.read_bytes()
    lock.write_text("pid 2 on busy-host")
    monkeypatch.setattr(lock_module, "LOCK_TIMEOUT", 0.2)
    with pytest.raises(TimeoutError, match="pid 2 on busy-host.*delete .*labels.csv.lock"):
        store.add(simple_label(ART, 4, 14))
    assert path.read_bytes() == before and len(store.labels) == 1
    lock.unlink()
    store.add(simple_label(ART, 4, 14))
    assert len(read_labels(path)) == 2


# --- crashes ------------------------------------------------------------------------------

REAL_WRITE = os.write


def half_written(fd, data):
    """A disk that fills up mid-write: half the bytes land, then the write fails."""
    REAL_WRITE(fd, bytes(data[:len(data) // 2]))
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("broken", ["replace", "fsync", "write"])
def test_a_crash_mid_save_leaves_the_last_saved_file(tmp_path, monkeypatch, broken):
    # A new label is appended (os.write, os.fsync; cut back if either fails); an edit, a
    # delete or an undo rewrites the file (os.fsync of a temp file, os.replace).
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    first = store.add(simple_label(ART, 4, 14))
    gone = store.add(simple_label(ART, 15, 20))
    store.delete(gone.label_id)
    before = path.read_bytes()

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, broken, half_written if broken == "write" else crash)
        if broken in ("write", "fsync"):
            with pytest.raises(OSError, match="No space left"):
                store.add(simple_label(ART, 0, 3))
        if broken in ("replace", "fsync"):
            with pytest.raises(OSError):
                store.update(first.label_id, note="lost")
            with pytest.raises(OSError):
                store.delete(first.label_id)
            with pytest.raises(OSError):
                store.add(gone)  # undo of the delete
    assert path.read_bytes() == before
    assert files_in(tmp_path) == ["labels.csv"]  # no temp file, no lock
    assert store.labels == [first]  # memory matches the file: nothing half done
    store.add(simple_label(ART, 0, 3))
    assert len(LabelStore(path, EVENT).labels) == 2


# --- re-anchoring -----------------------------------------------------------------------

def test_reanchor_follows_the_quoted_text_when_the_article_shifts(sample, war):
    label = war_label(sample, war)
    a, b = sample.articles[war.doc_a], sample.articles[war.doc_b]
    shifted = {a.doc_id: replace(a, text="سطر جديد في البداية.\n" + a.text),
               b.doc_id: replace(b, text=b.text[:10] + "xx" + b.text[10:])}
    (moved,), lost = reanchor([label], shifted)
    assert lost == []
    assert moved.char_start == label.char_start + len("سطر جديد في البداية.\n")
    assert moved.other_start == label.other_start + 2
    assert shifted[moved.doc_id].text[moved.char_start:moved.char_end] == label.text
    assert shifted[moved.other_doc_id].text[moved.other_start:moved.other_end] == label.other_text
    unchanged, lost = reanchor([label], sample.articles)
    assert unchanged == [label] and lost == []


def test_reanchor_picks_the_nearest_occurrence_and_reports_what_it_cannot_find():
    text = "the attack. a brutal attack. the attack again."
    art = article("001_a", text)
    label = simple_label(art, text.index("attack again"), text.index("attack again") + 6)
    moved, lost = reanchor([label], {"001_a": replace(art, text="X" + text)})
    assert moved[0].char_start == label.char_start + 1 and lost == []
    gone = {"001_a": replace(art, text=text.replace("attack", "raid"))}
    moved, lost = reanchor([label], gone)
    assert moved == [label]  # kept, never dropped
    assert lost == [(label, "text no longer found in 001_a: «attack»")]
    moved, lost = reanchor([label], {})
    assert moved == [label] and "article 001_a is not loaded" in lost[0][1]


def test_store_reanchor_saves_the_moved_labels(tmp_path):
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    label = store.add(simple_label(ART, 4, 14))
    lost = store.reanchor({"001_a": replace(ART, text="مقدمة. " + ART.text)})
    assert lost == []
    saved = LabelStore(path, EVENT).labels[0]
    assert (saved.char_start, saved.text) == (label.char_start + len("مقدمة. "), label.text)
