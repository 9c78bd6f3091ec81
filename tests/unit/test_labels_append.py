"""A new label is appended to labels.csv (one line, fsynced) instead of rewriting the file;
a line left unfinished by a crash mid-append is found and left out, never the labels before it."""

from __future__ import annotations

import os

import pytest

from tabayun.core.annotation.codebook import default_codebook
from tabayun.core.annotation.label_csv import label_line, unfinished_tail
from tabayun.core.annotation.labels import LabelFileError, LabelStore, labels_to_csv, new_label, read_labels
from tabayun.core.model import Article

EVENT = "gantz-morocco"
ART = Article("001_a", "قال وزير الحرب إن الهجوم الوحشي انتهى. The brutal attack ended. " * 20, "الجزيرة")


pytestmark = pytest.mark.usefixtures("ticking_clock")  # tests/conftest.py


def label(i: int, note: str | None = None):
    return new_label(event=EVENT, annotator="Mona", codebook=default_codebook(), code="evaluative_word",
                     article=ART, start=i, end=i + 5, note=f"L{i}" if note is None else note)


def notes(path) -> list[str]:
    return [x.note for x in read_labels(path)]


def inode(path) -> int:
    return os.stat(path).st_ino


def test_a_new_label_is_appended_and_an_edit_rewrites_the_file(tmp_path):
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    first = store.add(label(1))
    before, same_file = path.read_bytes(), inode(path)
    second = store.add(label(2))
    assert path.read_bytes() == before + label_line(second)  # appended: the earlier bytes untouched
    assert inode(path) == same_file
    assert path.read_bytes() == labels_to_csv([first, second])  # still exactly Tabayun's file
    store.update(first.label_id, note="edited")
    assert inode(path) != same_file  # an edit replaces the file (atomic)
    assert notes(path) == ["edited", "L2"]


def test_two_stores_appending_in_turn_keep_every_label_and_see_no_outside_edit(tmp_path):
    path = tmp_path / "labels.csv"
    one, two = LabelStore(path, EVENT), LabelStore(path, EVENT)
    one.add(label(1))
    two.add(label(2))  # the file was created by one: two merges it in
    same_file = inode(path)
    for i in range(3, 9):
        (one if i % 2 else two).add(label(i))
        assert one.outside_report == two.outside_report == ""
    assert inode(path) == same_file  # every one of them an append
    assert notes(path) == [f"L{i}" for i in range(1, 9)]
    assert [x.note for x in one.reload()] == [x.note for x in two.reload()] == notes(path)
    two.delete(two.labels[0].label_id)  # a delete by one window stays deleted in the other
    one.add(label(9))
    assert notes(path) == [f"L{i}" for i in range(2, 10)] == [x.note for x in one.labels]


def test_a_line_appended_by_hand_is_taken_in(tmp_path):
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    store.add(label(1))
    with open(path, "ab") as fh:  # a script appending a line exactly as Tabayun writes it
        fh.write(label_line(label(2)))
    store.add(label(3))
    assert notes(path) == ["L1", "L2", "L3"] == [x.note for x in store.labels]


@pytest.mark.parametrize("cut", ["mid-line", "inside a quoted note after its line break", "NUL bytes"])
def test_an_unfinished_last_line_is_left_out_and_every_other_label_kept(tmp_path, cut):
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    for i in range(1, 4):
        store.add(label(i))
    saved = path.read_bytes()
    line = label_line(label(4, note="a note,\r\nover two lines"))
    torn = {"mid-line": line[:40],
            "inside a quoted note after its line break": line[:line.index(b"\r\n") + 2],
            "NUL bytes": b"\x00" * 300}[cut]
    assert not torn.endswith(b"\r\n") or torn.count(b'"') % 2  # really unfinished
    path.write_bytes(saved + torn)  # what a crash mid-append leaves
    assert unfinished_tail(saved + torn) == len(saved)

    again = LabelStore(path, EVENT)  # a window opening the file after the crash
    assert [x.note for x in again.labels] == ["L1", "L2", "L3"]
    assert "unfinished line" in again.outside_report and "every other label kept" in again.outside_report
    store.add(label(5))  # the window that saw the file before: repairs it and says so
    assert "unfinished line" in store.outside_report
    assert notes(path) == ["L1", "L2", "L3", "L5"]
    assert path.read_bytes() == saved + label_line(store.labels[-1])  # repaired: Tabayun's bytes
    again.add(label(6))
    assert again.outside_report == ""
    assert notes(path) == ["L1", "L2", "L3", "L5", "L6"]


def test_an_unfinished_line_after_a_malformed_one_is_refused_and_the_file_left_alone(tmp_path):
    path = tmp_path / "labels.csv"
    store = LabelStore(path, EVENT)
    store.add(label(1))
    spoilt = path.read_bytes() + b"not,a,label\r\n" + label_line(label(2))[:30]
    path.write_bytes(spoilt)
    with pytest.raises(LabelFileError, match="line 3"):
        LabelStore(path, EVENT)
    with pytest.raises(LabelFileError):
        store.add(label(3))
    assert path.read_bytes() == spoilt


def test_a_file_ending_without_a_line_break_is_never_appended_to(tmp_path):
    # A text editor may save the last line without its line break: an append would join
    # the new label to it. The whole file is rewritten instead.
    path = tmp_path / "labels.csv"
    LabelStore(path, EVENT).add(label(1))
    path.write_bytes(path.read_bytes()[:-2])
    store = LabelStore(path, EVENT)
    store.add(label(2))
    assert notes(path) == ["L1", "L2"]
    assert path.read_bytes().endswith(b"\r\n")
