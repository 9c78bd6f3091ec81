"""The labels of one event in one ``labels.csv``, saved at every change, never losing
a label to another window's save or to someone else's edit of the file.

The file is the store. Every change is written at once, atomically (old file or new,
never half), under the lock (:mod:`.file_lock`), after re-reading the file and
merging what others wrote since this store last read or wrote it. The store keeps a
SHA-256 hash of those bytes, so any change is seen by content, whatever the mtime.
A changed file is one of two kinds:

* **another Tabayun window** saved it: the file is exactly what Tabayun writes for its
  labels (byte for byte) and is a new file (a save replaces it). That window had read
  everything before writing, so a label missing from it was deleted there. Both
  windows' additions stay, the newer version of a label wins, and a label deleted
  here is not taken back.
* **anything else** (a spreadsheet, pandas, a script, a text editor) wrote it, maybe
  from a copy read some saves ago. It is checked as at opening (malformed: refused
  with its line and reason, never overwritten). Labels it adds are taken in; cells it
  changed win over this store's values of that label, the other cells keep this
  store's newer values; a label it lacks was deleted by a person if the file holds a
  label version this store saved at the same time or later, and otherwise is a label
  that program never saw, and is kept. The merge is written back at once.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path
from typing import Callable, TypeVar

from . import label_record
from .file_lock import file_lock, remove_leftover_temps
from .label_csv import labels_to_csv, parse_labels, read_label_bytes
from .label_record import FIXED_COLUMNS, LABEL_COLUMNS, Label, instant, label_problem
from .reanchor import reanchor
from ..files import atomic_write_bytes
from ..model import Article

T = TypeVar("T")
_MERGED_FIELDS = [c for c in LABEL_COLUMNS if c not in FIXED_COLUMNS]


class _Disk:
    """What the file held when read: bytes' hash, labels, and whether Tabayun wrote it."""

    def __init__(self, digest: str | None, labels: dict[str, Label], tabayun_made: bool, inode: tuple | None):
        self.digest, self.labels, self.tabayun_made, self.inode = digest, labels, tabayun_made, inode


class LabelStore:
    """The labels of one event in one labels.csv, saved at every change.

    ``labels`` are this event's labels in created order; labels of other events in the
    same file are kept untouched. A change made by another store on the same file is
    taken in at the next change here (or :meth:`reload`). After a change made to the
    file by another program was merged, :attr:`outside_report` says what was taken in.
    """

    def __init__(self, path: str | Path, event: str):
        self.path = Path(path)
        self.event = event
        self._labels: dict[str, Label] = {}  # every label of the file, as last read, merged or written
        self._deleted: set[str] = set()  # deleted here: never taken back in from disk
        self._seen = _Disk(None, {}, True, None)  # the file as last read or written here
        self._parsed: tuple[str | None, dict[str, Label]] = (None, {})  # parse cache by hash
        # When (the count of reads and writes here) each label version was first on disk,
        # to tell how old the copy was that another program wrote back.
        self._step = 0
        self._version_step: dict[str, dict[Label, int]] = {}
        self.outside_report = ""
        disk = self._read_locked()
        self._adopt(disk)
        self._labels = _in_created_order(disk.labels)

    # --- reading ------------------------------------------------------------------
    @property
    def labels(self) -> list[Label]:
        return [label for label in self._labels.values() if label.event == self.event]

    @property
    def all_labels(self) -> list[Label]:
        return list(self._labels.values())

    def get(self, label_id: str) -> Label | None:
        return self._labels.get(label_id)

    def reload(self) -> list[Label]:
        """Take in what other windows or programs saved; returns :attr:`labels`. A merge
        with a change made by another program is written back at once, so that a label
        it did not know of is on disk again."""
        try:
            self._commit(lambda labels: None, write_if_same=False)
        except PermissionError:  # a read-only folder: nobody saves there through Tabayun
            disk = self._read_file()
            self._labels = _in_created_order(self._merge(disk))
            self._adopt(disk)
        return self.labels

    # --- changing (each call is one save) ----------------------------------------
    def add(self, label: Label) -> Label:
        """Store a new label (or put back a deleted one, for undo)."""
        if label.event != self.event:
            raise ValueError(f"label is for event {label.event!r}; this store holds {self.event!r}")
        problem = label_problem(label)
        if problem:
            raise ValueError(problem)

        def put(labels: dict[str, Label]) -> Label:
            if label.label_id in labels:
                raise ValueError(f"label {label.label_id} is already stored")
            labels[label.label_id] = label
            return label

        return self._commit(put, undelete=label.label_id)

    def update(self, label_id: str, **changes: object) -> Label:
        """Change fields of a label (code, note, confidence, spans ...); sets updated_at.

        Changes apply to the label as saved on disk, so another window's edit to
        other fields survives. KeyError if the label is gone (deleted elsewhere).
        """
        unknown = set(changes) - set(LABEL_COLUMNS)
        if unknown:
            raise TypeError(f"labels have no field(s) {', '.join(sorted(unknown))}")
        fixed = set(changes) & set(FIXED_COLUMNS)
        if fixed:
            raise ValueError(f"{', '.join(sorted(fixed))} cannot be changed")

        def change(labels: dict[str, Label]) -> Label:
            if label_id not in labels:
                raise KeyError(f"label {label_id} is not in {self.path.name} (deleted in another window?)")
            new = replace(labels[label_id], **changes, updated_at=label_record.utc_now())
            problem = label_problem(new)
            if problem:
                raise ValueError(problem)
            labels[label_id] = new
            return new

        return self._commit(change)

    def delete(self, label_id: str) -> Label:
        """Remove a label; returns it (to put back with :meth:`add` for undo)."""
        known = self._labels.get(label_id)

        def remove(labels: dict[str, Label]) -> Label:
            gone = labels.pop(label_id, None) or known  # already deleted elsewhere: fine
            if gone is None:
                raise KeyError(f"label {label_id} is not in {self.path.name}")
            return gone

        return self._commit(remove, delete=label_id)

    def reanchor(self, articles: dict[str, Article]) -> list[tuple[Label, str]]:
        """Re-anchor this event's labels to ``articles`` (see :func:`reanchor`) and save
        the moved ones; returns the labels that could not be found, with why."""
        moved, lost = reanchor(self.labels, articles)
        changed = {m.label_id: m for m, old in zip(moved, self.labels) if m != old}
        if not changed:
            return lost
        now = label_record.utc_now()

        def move(labels: dict[str, Label]) -> None:
            for label_id, label in changed.items():
                if label_id in labels:
                    labels[label_id] = replace(label, updated_at=now)

        self._commit(move)
        return lost

    # --- saving -------------------------------------------------------------------
    def _commit(self, change: Callable[[dict[str, Label]], T], delete: str | None = None,
                undelete: str | None = None, write_if_same: bool = True) -> T:
        """Under the lock: re-read the file, merge, apply ``change``, write; then adopt the
        result. If anything fails, nothing is written and memory is as before."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with file_lock(self.path):
            remove_leftover_temps(self.path)
            disk = self._read_file()
            report = ""
            merged = self._merge(disk, undelete)
            if disk.digest != self._seen.digest and not self._from_tabayun(disk):
                report = self._outside_summary(disk, merged)
            try:
                result = change(merged)
            except KeyError:
                self._labels = _in_created_order(merged)  # show what the file holds now
                raise
            merged = _in_created_order(merged)
            data = labels_to_csv(merged.values())
            if write_if_same or merged != disk.labels:
                atomic_write_bytes(self.path, data)
                written = self._written(data, merged)
            else:
                written = disk
        self._labels = merged
        self._adopt(written)
        self.outside_report = report
        if delete is not None:
            self._deleted.add(delete)
        if undelete is not None:
            self._deleted.discard(undelete)
        return result

    def _from_tabayun(self, disk: _Disk) -> bool:
        # A Tabayun save writes exactly labels_to_csv's bytes into a new file (os.replace);
        # pandas and scripts rewrite the same file in place, spreadsheets change the bytes.
        return disk.tabayun_made and disk.digest is not None and disk.inode != self._seen.inode

    def _merge(self, disk: _Disk, undelete: str | None = None) -> dict[str, Label]:
        """What the file holds now merged with what this store knows (module docstring)."""
        deleted = self._deleted - {undelete} if undelete else self._deleted
        if disk.digest == self._seen.digest:  # unchanged since last read or written here
            return {i: label for i, label in self._labels.items() if i not in deleted}
        if self._from_tabayun(disk):
            return self._merge_tabayun(disk.labels, deleted)
        return self._merge_outside(disk.labels, deleted)

    def _merge_tabayun(self, on_disk: dict[str, Label], deleted: set[str]) -> dict[str, Label]:
        """Another window's save: newest version of each label wins, minus our deletions.
        A label we know that is missing from the file was deleted by that window; on a
        tie of updated_at, the file's version."""
        merged: dict[str, Label] = {}
        for label_id, theirs in on_disk.items():
            if label_id in deleted:
                continue
            ours = self._labels.get(label_id)
            newer = ours is not None and instant(ours.updated_at) > instant(theirs.updated_at)  # type: ignore[operator]
            merged[label_id] = ours if newer else theirs  # type: ignore[assignment]
        return merged

    def _merge_outside(self, on_disk: dict[str, Label], deleted: set[str]) -> dict[str, Label]:
        """Another program's save, maybe of an old copy: see the module docstring."""
        bases = {label_id: self._base(theirs) for label_id, theirs in on_disk.items()}
        # The program's copy was read after every label version it still holds unchanged.
        read_at = max((step for base in bases.values() if base for step in (base[1],)), default=-1)
        merged: dict[str, Label] = {}
        for label_id, theirs in on_disk.items():
            if label_id in deleted:
                continue
            ours, base = self._labels.get(label_id), bases[label_id]
            if ours is None or base is None:
                merged[label_id] = theirs  # new to us (or a deleted label put back by a person)
            elif base[0] == theirs:  # not edited there: ours is as new or newer
                newer = instant(ours.updated_at) >= instant(theirs.updated_at)  # type: ignore[operator]
                merged[label_id] = ours if newer else theirs
            else:
                merged[label_id] = _three_way(base[0], ours, theirs)
        for label_id, ours in self._labels.items():
            if label_id in merged or label_id in deleted or label_id in on_disk:
                continue
            first_on_disk = min(self._version_step.get(label_id, {}).values(), default=self._step + 1)
            if first_on_disk > read_at:
                merged[label_id] = ours  # saved here after that program read its copy
        return merged

    def _base(self, theirs: Label) -> tuple[Label, int] | None:
        """The version of this label, as saved or read here, that ``theirs`` was made from
        (the one it differs from in fewest cells, the later on a tie), and when."""
        versions = self._version_step.get(theirs.label_id)
        if not versions:
            return None
        if theirs in versions:
            return theirs, versions[theirs]
        return min(versions.items(), key=lambda kv: (_differing(kv[0], theirs), -kv[1]))

    def _outside_summary(self, disk: _Disk, merged: dict[str, Label]) -> str:
        ours = self._labels
        added = sum(1 for i in disk.labels if i not in ours and i in merged)
        edited = sum(1 for i, label in disk.labels.items() if i in ours and label != ours[i] and i in merged
                     and self._base(label) is not None and self._base(label)[0] != label)  # type: ignore[index]
        removed = sum(1 for i in ours if i not in merged)
        kept = sum(1 for i in merged if i not in disk.labels)
        parts = [f"{n} {what}" for n, what in ((added, "added"), (edited, "edited"), (removed, "deleted")) if n]
        said = f"{self.path.name} was changed by another program: {', '.join(parts) or 'no label changed'} there"
        if kept:
            said += f"; {kept} label{'s' if kept > 1 else ''} saved here that its copy lacked {'were' if kept > 1 else 'was'} kept"
        return said + "."

    # --- the file -------------------------------------------------------------------
    def _adopt(self, disk: _Disk) -> None:
        """Remember ``disk`` as the file last read or written here."""
        if disk.digest != self._seen.digest or self._step == 0:
            self._step += 1
            for label in disk.labels.values():
                self._version_step.setdefault(label.label_id, {}).setdefault(label, self._step)
        self._seen = disk

    def _written(self, data: bytes, labels: dict[str, Label]) -> _Disk:
        """The file just saved here: its hash and identity, to know it next time."""
        digest = hashlib.sha256(data).hexdigest()
        self._parsed = (digest, dict(labels))
        stat = os.stat(self.path)
        return _Disk(digest, dict(labels), True, (stat.st_dev, stat.st_ino))

    def _read_file(self) -> _Disk:
        try:
            data = read_label_bytes(self.path)
            stat = os.stat(self.path)
        except FileNotFoundError:
            return _Disk(None, {}, False, None)
        digest = hashlib.sha256(data).hexdigest()
        if digest != self._parsed[0]:
            self._parsed = (digest, {label.label_id: label for label in parse_labels(data, self.path)})
        labels = dict(self._parsed[1])
        return _Disk(digest, labels, labels_to_csv(labels.values()) == data, (stat.st_dev, stat.st_ino))

    def _read_locked(self) -> _Disk:
        # Under the lock so that, on Windows, a read never holds the file open while
        # another window replaces it. A read-only folder cannot be written through
        # Tabayun, so nobody can be mid-save there: read without the lock.
        if not self.path.exists():
            return self._read_file()
        try:
            with file_lock(self.path):
                return self._read_file()
        except PermissionError:
            return self._read_file()


def _three_way(base: Label, ours: Label, theirs: Label) -> Label:
    """``ours`` with every cell another program changed from ``base`` taken from ``theirs``;
    stamped now, so that other windows take the merge as the newest version."""
    cells = {name: getattr(theirs, name) for name in _MERGED_FIELDS if getattr(theirs, name) != getattr(base, name)}
    merged = replace(ours, **cells, updated_at=label_record.utc_now())
    return merged if not label_problem(merged) else replace(theirs, updated_at=label_record.utc_now())


def _differing(a: Label, b: Label) -> int:
    return sum(1 for name in _MERGED_FIELDS if getattr(a, name) != getattr(b, name))


def _in_created_order(labels: dict[str, Label]) -> dict[str, Label]:
    ordered = sorted(labels.values(), key=lambda label: instant(label.created_at))  # type: ignore[arg-type, return-value]
    return {label.label_id: label for label in ordered}
