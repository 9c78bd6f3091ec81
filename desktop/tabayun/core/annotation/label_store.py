"""The labels of one event in one ``labels.csv``, saved at every change, never losing
a label to another window's save or to someone else's edit of the file.

The file is the store. Every change is written at once under the lock
(:mod:`.file_lock`), after re-reading the file and merging what others wrote since
this store last read or wrote it. A new label is appended as one line and fsynced (a
save costs the same with 50,000 labels as with 50; if the write fails the file is cut
back, and a line left unfinished by a crash is removed at the next read, saying so);
any other change (an edit, a delete, an undo, a merge with another program's edit)
rewrites the file atomically (old file or new, never half). The store keeps the bytes
it last read or wrote, so any change is seen by content, whatever the mtime.
A changed file is one of two kinds:

* **another Tabayun window** saved it: the file is exactly what Tabayun writes for its
  labels (byte for byte) and is a new file (a save replaces it), or the file this
  store saw with whole new label lines appended. That window had read
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

import os
from dataclasses import replace
from pathlib import Path
from typing import Callable, TypeVar

from . import label_record
from .file_lock import file_lock, remove_leftover_temps
from .label_csv import label_line, labels_to_csv, parse_appended, parse_labels, read_label_bytes, unfinished_tail
from .label_record import FIXED_COLUMNS, LABEL_COLUMNS, Label, LabelFileError, instant, label_problem
from .reanchor import reanchor
from ..files import append_bytes, atomic_write_bytes
from ..model import Article

T = TypeVar("T")
_MERGED_FIELDS = [c for c in LABEL_COLUMNS if c not in FIXED_COLUMNS]


class _Disk:
    """What the file held when read: its bytes (None: no file), labels, whether Tabayun
    wrote it, its identity; ``appended``: the labels of whole lines added after the bytes
    this store last saw (None: read whole); ``unfinished``: a cut-off last line, left out."""

    def __init__(self, data: bytes | None, labels: dict[str, Label], tabayun_made: bool, inode: tuple | None,
                 appended: list[Label] | None = None, unfinished: bytes = b""):
        self.data, self.labels, self.tabayun_made, self.inode = data, labels, tabayun_made, inode
        self.appended, self.unfinished = appended, unfinished


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
        self._parsed: tuple[bytes | None, dict[str, Label]] = (None, {})  # parse cache by content
        self._shown: list[Label] | None = None  # this event's labels, made again after a change
        # When (the count of reads and writes here) each label version was first on disk,
        # to tell how old the copy was that another program wrote back.
        self._step = 0
        self._version_step: dict[str, dict[Label, int]] = {}
        self.outside_report = ""
        disk = self._read_locked()
        self._adopt(disk)
        self._labels = _in_created_order(disk.labels)
        self.outside_report = _unfinished_report(self.path, disk)

    # --- reading ------------------------------------------------------------------
    @property
    def labels(self) -> list[Label]:
        if self._shown is None:
            self._shown = [label for label in self._labels.values() if label.event == self.event]
        return list(self._shown)

    @property
    def _labels(self) -> dict[str, Label]:
        return self._all

    @_labels.setter
    def _labels(self, labels: dict[str, Label]) -> None:
        self._all, self._shown = labels, None

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
            self.outside_report = _unfinished_report(self.path, disk)
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

        undoing = label.label_id in self._deleted  # put back: rewritten, in its place
        return self._commit(put, undelete=label.label_id, append=None if undoing else label)

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
                undelete: str | None = None, write_if_same: bool = True, append: Label | None = None) -> T:
        """Under the lock: re-read the file, merge, apply ``change``, write; then adopt the
        result. If anything fails, nothing is written and memory is as before. ``append``:
        the new label ``change`` adds, appended as one line when the file allows it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with file_lock(self.path):
            remove_leftover_temps(self.path)
            disk = self._read_file()
            if append is not None and self._can_append(disk, append):
                self._append(disk, append)
                return append  # type: ignore[return-value]
            report = _unfinished_report(self.path, disk)
            merged = self._merge(disk, undelete)
            if (append is not None and disk.data != self._seen.data and self._from_tabayun(disk)
                    and merged == disk.labels):
                # Another window rewrote the file and it holds everything this store knows:
                # take it as read, then append to it.
                self._labels = _in_created_order(merged)
                self._adopt(disk)
                if self._can_append(disk, append):
                    self._append(disk, append)
                    return append  # type: ignore[return-value]
            if disk.data != self._seen.data and not self._from_tabayun(disk):
                report = " ".join(filter(None, (report, self._outside_summary(disk, merged))))
            try:
                result = change(merged)
            except KeyError:
                self._labels = _in_created_order(merged)  # show what the file holds now
                raise
            merged = _in_created_order(merged)
            data = labels_to_csv(merged.values())
            if write_if_same or disk.unfinished or merged != disk.labels:
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

    def _can_append(self, disk: _Disk, label: Label) -> bool:
        """Whether ``label`` can be saved by appending its line: the file is as this store
        last saw it, or that plus whole lines of new labels, in Tabayun's bytes, ending
        where a line ends; nothing in it needs merging."""
        if disk.data is None or disk.unfinished or not disk.tabayun_made or not disk.data.endswith(b"\r\n"):
            return False
        if disk.data != self._seen.data and disk.appended is None:
            return False
        added = disk.appended or []
        return (label.label_id not in self._labels and label.label_id not in disk.labels
                and not any(new.label_id in self._deleted or new.label_id in self._labels for new in added))

    def _append(self, disk: _Disk, label: Label) -> None:
        """Append ``label``'s line (fsynced; cut back if that fails), then take it and any
        lines another window appended into memory, without re-sorting or re-reading."""
        line = label_line(label)
        append_bytes(self.path, line, len(disk.data))  # type: ignore[arg-type]
        new = [*(disk.appended or []), label]
        in_order = _in_order_after(self._labels, new)
        # Both dicts are changed in place (copying 50,000 labels would cost more than the save).
        on_disk, labels, shown = disk.labels, self._labels, self._shown
        on_disk[label.label_id] = label
        for added in new:
            labels[added.label_id] = added
        if not in_order:
            labels, shown = _in_created_order(labels), None
        self._labels = labels
        if shown is not None:  # this event's labels, without going over all of them again
            self._shown = shown + [added for added in new if added.event == self.event]
        self._adopt(_Disk(disk.data + line, on_disk, True, disk.inode, appended=new))  # type: ignore[operator]
        self.outside_report = ""

    def _from_tabayun(self, disk: _Disk) -> bool:
        # A Tabayun save writes exactly labels_to_csv's bytes into a new file (os.replace)
        # or appends whole lines of new labels to the file it saw; pandas and scripts
        # rewrite the same file in place, spreadsheets change the bytes.
        if disk.appended is not None:
            return True
        return disk.tabayun_made and disk.data is not None and disk.inode != self._seen.inode

    def _merge(self, disk: _Disk, undelete: str | None = None) -> dict[str, Label]:
        """What the file holds now merged with what this store knows (module docstring)."""
        deleted = self._deleted - {undelete} if undelete else self._deleted
        if disk.data == self._seen.data:  # unchanged since last read or written here
            return {i: label for i, label in self._labels.items() if i not in deleted}
        if disk.appended is not None:  # new lines after what was seen here: nothing else changed
            merged = {i: label for i, label in self._labels.items() if i not in deleted}
            merged.update((label.label_id, label) for label in disk.appended if label.label_id not in deleted)
            return merged
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
        if disk.data != self._seen.data or self._step == 0:
            self._step += 1
            # After an append only the new lines are new versions; the rest were recorded.
            new = disk.appended if disk.appended is not None and self._step > 1 else disk.labels.values()
            for label in new:
                self._version_step.setdefault(label.label_id, {}).setdefault(label, self._step)
        self._seen = disk
        if disk.appended is not None and disk.data is not None:
            self._parsed = (disk.data, disk.labels)

    def _written(self, data: bytes, labels: dict[str, Label]) -> _Disk:
        """The file just saved here: its bytes and identity, to know it next time."""
        self._parsed = (data, dict(labels))
        stat = os.stat(self.path)
        return _Disk(data, dict(labels), True, (stat.st_dev, stat.st_ino))

    def _read_file(self) -> _Disk:
        try:
            data = read_label_bytes(self.path)
            stat = os.stat(self.path)
        except FileNotFoundError:
            return _Disk(None, {}, False, None)
        inode = (stat.st_dev, stat.st_ino)
        seen = self._seen
        if seen.data is not None and data == seen.data:  # the usual case: nothing new
            return _Disk(seen.data, seen.labels, seen.tabayun_made, inode)
        if (seen.data is not None and inode == seen.inode and len(data) > len(seen.data)
                and seen.data.endswith(b"\r\n") and data.startswith(seen.data)):
            appended = parse_appended(data[len(seen.data):], self.path)
            if appended is not None and not any(label.label_id in seen.labels for label in appended):
                labels = dict(seen.labels)
                labels.update((label.label_id, label) for label in appended)
                return _Disk(data, labels, seen.tabayun_made, inode, appended=appended)
        unfinished = b""
        if data != self._parsed[0]:
            try:
                parsed = parse_labels(data, self.path)
            except LabelFileError:
                cut = unfinished_tail(data)
                if cut is None:
                    raise
                parsed = parse_labels(data[:cut], self.path)  # malformed before it too: refused
                data, unfinished = data[:cut], data[cut:]
            # An unchanged label stays the same object: the window finds what changed by identity.
            known = self._seen.labels
            self._parsed = (data, {label.label_id: _same(known.get(label.label_id), label) for label in parsed})
        labels = dict(self._parsed[1])
        made = not unfinished and labels_to_csv(labels.values()) == data
        return _Disk(data, labels, made, inode, unfinished=unfinished)

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


def _same(known: Label | None, label: Label) -> Label:
    return known if known is not None and known == label else label


def _in_order_after(labels: dict[str, Label], new: list[Label]) -> bool:
    """Whether ``new`` (in its order) were all created at or after the last of ``labels``."""
    last = next(reversed(labels.values()), None)
    stamps = [instant(label.created_at) for label in ([last] if last is not None else []) + new]
    return None not in stamps and all(a <= b for a, b in zip(stamps, stamps[1:]))  # type: ignore[operator]


def _unfinished_report(path: Path, disk: _Disk) -> str:
    if not disk.unfinished:
        return ""
    return (f"{path.name} ended with an unfinished line, a save cut off by a crash or a full disk "
            f"({len(disk.unfinished)} bytes: {disk.unfinished[:60].decode('utf-8', 'replace')!r}); "
            "that line was left out and every other label kept.")


def _in_created_order(labels: dict[str, Label]) -> dict[str, Label]:
    ordered = sorted(labels.values(), key=lambda label: instant(label.created_at))  # type: ignore[arg-type, return-value]
    return {label.label_id: label for label in ordered}
