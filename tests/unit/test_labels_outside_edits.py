"""Issue 9 items 2, 3 and 5: labels.csv edited by another program, a NUL in an article,
a lock or temp file left by a killed save. Before the fixes: confirmed labels were
silently dropped by a pandas round trip, a NUL made the file unreadable for good, and a
lock of a dead process blocked every save for 10-30 s."""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import textwrap
import time

import pandas as pd
import pytest

from tabayun.core.annotation import file_lock as lock_module
from tabayun.core.annotation.codebook import default_codebook
from tabayun.core.annotation.labels import LabelStore, new_label, read_labels
from tabayun.core.model import Article

EVENT = "gantz-morocco"
ART = Article("001_a", "قال وزير الحرب إن الهجوم الوحشي انتهى. The brutal attack ended. " * 20, "الجزيرة")


pytestmark = pytest.mark.usefixtures("ticking_clock")  # tests/conftest.py


def label(i: int, **kwargs):
    return new_label(event=EVENT, annotator="Mona", codebook=default_codebook(), code="evaluative_word",
                     article=kwargs.pop("article", ART), start=i, end=i + 5, note=f"L{i}",
                     row_id=i if i % 2 else None, **kwargs)


def pandas_read(path):
    """What a researcher does: read the labels with pandas' defaults (row_id becomes 3.0)."""
    return pd.read_csv(path, encoding="utf-8-sig")


def pandas_write(frame, path):
    frame.to_csv(path, index=False, encoding="utf-8-sig")


def notes(path) -> list[str]:
    return [x.note for x in read_labels(path)]


def test_a_pandas_round_trip_of_an_old_copy_loses_no_confirmed_label(tmp_path):
    # The reproduction: L1; read elsewhere; L2; written back; L3 -> the file held L1, L3.
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    store.add(label(1))
    copy = pandas_read(path)
    store.add(label(2))
    pandas_write(copy, path)
    store.add(label(3))
    assert notes(path) == ["L1", "L2", "L3"]
    assert "another program" in store.outside_report and "1 label saved here" in store.outside_report
    assert [x.note for x in LabelStore(path, EVENT).labels] == ["L1", "L2", "L3"]


def test_hand_edits_win_and_the_apps_later_changes_to_other_cells_stay(tmp_path):
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    one, two = store.add(label(1)), store.add(label(2))
    copy = pandas_read(path)
    store.update(two.label_id, code="referent_label")  # the app re-codes L2 meanwhile
    copy.loc[copy.label_id == two.label_id, "note"] = "edited by hand"
    copy.loc[copy.label_id == one.label_id, "code"] = "neutral"
    pandas_write(copy, path)
    store.add(label(3))
    on_disk = {x.label_id: x for x in read_labels(path)}
    assert (on_disk[two.label_id].note, on_disk[two.label_id].code) == ("edited by hand", "referent_label")
    assert on_disk[one.label_id].code == "neutral" and len(on_disk) == 3
    assert on_disk[two.label_id].updated_at > two.updated_at


def test_a_row_deleted_by_hand_is_deleted_and_a_row_added_by_hand_is_kept(tmp_path):
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    one, two, _three = store.add(label(1)), store.add(label(2)), store.add(label(3))
    copy = pandas_read(path)
    added = copy[copy.label_id == one.label_id].assign(label_id="handmade01", note="typed in")
    copy = pd.concat([copy[copy.label_id != two.label_id], added])
    pandas_write(copy, path)
    store.add(label(4))
    assert notes(path) == ["L1", "typed in", "L3", "L4"] or sorted(notes(path)) == ["L1", "L3", "L4", "typed in"]
    assert two.label_id not in {x.label_id for x in read_labels(path)}
    assert "1 added" in store.outside_report and "1 deleted" in store.outside_report


def test_reload_after_an_outside_write_puts_the_missing_label_back_at_once(tmp_path):
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    store.add(label(1))
    copy = pandas_read(path)
    store.add(label(2))
    pandas_write(copy, path)
    assert store.reload() and [x.note for x in store.labels] == ["L1", "L2"]
    assert notes(path) == ["L1", "L2"]  # on disk before any further change


def test_another_window_still_deletes_what_it_deletes(tmp_path):
    # Keep the old guarantee: a deletion saved by another Tabayun window is a deletion.
    path = tmp_path / "labels.csv"
    one, two = LabelStore(path, EVENT), LabelStore(path, EVENT)
    first = one.add(label(1))
    two.reload()
    two.delete(first.label_id)
    one.add(label(2))
    assert notes(path) == ["L2"] and one.outside_report == ""


def test_300_labels_and_20_hand_edits_lose_nothing(tmp_path):
    """The measured run of the issue (136 confirmed labels and 15 of 18 hand edits were lost)."""
    rng = random.Random(9)
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    confirmed: dict[str, str] = {}  # label_id -> note the file must hold
    deleted_by_hand: set[str] = set()
    copy = None
    edits = 0
    for i in range(300):
        made = store.add(label(i % 1000))
        confirmed[made.label_id] = made.note
        if copy is None and rng.random() < 0.15:
            copy = pandas_read(path)
        elif copy is not None and rng.random() < 0.3 and edits < 20:
            edits += 1
            victim = rng.choice(list(copy.label_id))
            if rng.random() < 0.3:
                copy = copy[copy.label_id != victim]
                deleted_by_hand.add(victim)
                confirmed.pop(victim, None)
            else:
                copy.loc[copy.label_id == victim, "note"] = f"hand edit {edits}"
                confirmed[victim] = f"hand edit {edits}"
            pandas_write(copy, path)
            copy = None
    store.add(label(999))
    on_disk = {x.label_id: x.note for x in read_labels(path)}
    assert edits == 20
    lost = [i for i in confirmed if i not in on_disk]
    wrong = [i for i in confirmed if i in on_disk and on_disk[i] != confirmed[i]]
    assert (lost, wrong) == ([], [])
    assert not deleted_by_hand & set(on_disk)


def test_a_nul_in_an_article_is_saved_and_read_back(tmp_path):
    path = tmp_path / "labels.csv"
    art = Article("nul", "before \x00 after, and a note", "outlet")
    made = LabelStore(path, EVENT).add(new_label(event=EVENT, annotator="A", codebook=default_codebook(),
                                                 code="neutral", article=art, start=3, end=12, note="x\x00y"))
    assert "\x00" in made.text
    assert LabelStore(path, EVENT).labels == [made] and read_labels(path) == [made]


def test_a_whole_number_written_as_a_float_by_pandas_is_read(tmp_path):
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    store.add(label(3)), store.add(label(4))
    pandas_write(pandas_read(path), path)
    assert "3.0" in path.read_text(encoding="utf-8-sig")
    assert [x.row_id for x in read_labels(path)] == [3, None]


# --- locks and temp files left by a killed save ----------------------------------------

def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_lock_of_a_dead_process_on_this_machine_is_taken_over_at_once(tmp_path, monkeypatch):
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    (tmp_path / "labels.csv.lock").write_text(f"pid {dead_pid()} on {socket.gethostname()} (abc)")
    monkeypatch.setattr(lock_module, "LOCK_TIMEOUT", 60.0)
    began = time.monotonic()
    store.add(label(1))
    assert time.monotonic() - began < 1.0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["labels.csv"]


def test_a_live_or_foreign_lock_is_still_waited_for(tmp_path, monkeypatch):
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    lock = tmp_path / "labels.csv.lock"
    monkeypatch.setattr(lock_module, "LOCK_TIMEOUT", 0.2)
    for holder in (f"pid {os.getpid()} on {socket.gethostname()} (other window)",
                   f"pid {dead_pid()} on another-machine (abc)"):
        lock.write_text(holder)
        with pytest.raises(TimeoutError, match="delete"):
            store.add(label(1))
    lock.write_text("")  # killed between creating the lock and writing its holder
    old = time.time() - 5
    os.utime(lock, (old, old))
    store.add(label(1))
    assert len(read_labels(path)) == 1


KILLED_MID_SAVE = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from tabayun.core.annotation.file_lock import file_lock
    path = Path(sys.argv[1])
    with file_lock(path):
        (path.parent / f".{path.name}.x1y2.tabayun-tmp").write_bytes(b"half a save")
        print("locked", flush=True)
        time.sleep(60)
""")


@pytest.mark.skipif(os.name == "nt", reason="kill -9 is POSIX")
def test_kill_9_during_a_save_blocks_nothing_and_leaves_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    store.add(label(1))
    child = subprocess.Popen([sys.executable, "-c", KILLED_MID_SAVE, str(path)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "locked"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert (tmp_path / "labels.csv.lock").exists()
    monkeypatch.setattr(lock_module, "LOCK_TIMEOUT", 60.0)
    began = time.monotonic()
    again = LabelStore(path, EVENT)
    again.add(label(2))
    assert time.monotonic() - began < 1.0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["labels.csv"]
    assert notes(path) == ["L1", "L2"]


def test_a_byte_exact_copy_written_back_in_place_is_still_seen_as_an_outside_edit(tmp_path):
    # A careful script can write exactly Tabayun's bytes; it writes into the same file,
    # where a Tabayun save always replaces it with a new one.
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    store.add(label(1))
    copy = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, dtype=str)
    old_bytes = path.read_bytes()
    store.add(label(2))
    with open(path, "r+b") as fh:  # in place, as pandas and most scripts write
        copy.to_csv(fh, index=False, encoding="utf-8-sig", lineterminator="\r\n")
        fh.truncate()
    assert path.read_bytes() == old_bytes  # byte for byte what Tabayun wrote
    store.add(label(3))
    assert notes(path) == ["L1", "L2", "L3"]
