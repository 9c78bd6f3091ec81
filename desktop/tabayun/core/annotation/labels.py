"""Researchers' labels: spans of articles given a code, kept in one ``labels.csv``.

The work is in four modules, one job each; their public names are all importable
from here:

* :mod:`.label_record`: the :class:`Label` record, :func:`new_label`, what makes a label invalid;
* :mod:`.label_csv`: the file format (formula-safe, reversible escaping; refusing what
  is not a labels file) and :func:`read_labels` / :func:`labels_frame`;
* :mod:`.file_lock`: the lock beside the file, and taking over one left by a dead process;
* :mod:`.label_store`: :class:`LabelStore`, saving at every change and merging what other
  windows and programs wrote;
* :mod:`.reanchor`: labels follow their words when an article's text shifts.
"""

from .file_lock import LOCK_TIMEOUT, STALE_LOCK_AGE, file_lock
from .label_csv import escape_cell, labels_frame, labels_to_csv, parse_labels, read_labels, unescape_cell
from .label_record import LABEL_COLUMNS, TEXT_COLUMNS, Label, LabelFileError, label_problem, new_label, utc_now
from .label_store import LabelStore
from .reanchor import reanchor

__all__ = [
    "LABEL_COLUMNS", "LOCK_TIMEOUT", "STALE_LOCK_AGE", "TEXT_COLUMNS", "Label", "LabelFileError", "LabelStore",
    "escape_cell", "file_lock", "label_problem", "labels_frame", "labels_to_csv", "new_label", "parse_labels",
    "read_labels", "reanchor", "unescape_cell", "utc_now",
]
