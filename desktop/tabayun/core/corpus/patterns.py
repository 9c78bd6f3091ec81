"""What the tables across events (core/corpus/across.py) say per outlet, in plain words:
whether its word choice is a habit or a one-off (from terms_by_outlet.csv: one line per term
and outlet with both readings' counts and the pattern), and which stories it left out (from
coverage_matrix.csv). The report across events shows them; the window can too."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

PATTERN_COLUMNS = ["term", "outlet", "events", "first", "first_events", "second", "second_events", "pattern",
                   "pattern_reading"]
ALWAYS, ONCE, MIXED, ONE_EVENT = "always", "once", "mixed", "one event"


def pattern(k_first: int, k_second: int, n: int) -> tuple[str, int | None]:
    """Whether an outlet's choice between a term's two readings is a habit or a one-off:
    ``("always", r)`` it wrote reading r (0 first, 1 second) in each of its n ≥ 2 events and
    the other in none; ``("once", r)`` it wrote reading r in one event only and the other in
    (at least) all the rest; ``("one event", None)`` n < 2: too few to tell; else
    ``("mixed", None)``. The Wilson interval says how sure that is: 2 of 2 is 34 %–100 %."""
    if n < 2:
        return ONE_EVENT, None
    ks = (k_first, k_second)
    for r in (0, 1):
        if ks[r] == n and ks[1 - r] == 0:
            return ALWAYS, r
    for r in (1, 0):
        if ks[r] == 1 and ks[1 - r] >= n - 1:
            return ONCE, r
    return MIXED, None


def term_patterns(terms: pd.DataFrame) -> pd.DataFrame:
    """One line per term and outlet, in ``terms``' order (:data:`PATTERN_COLUMNS`): the
    outlet's events (n), each reading with the events it wrote it in, the pattern and the
    reading it is about (empty for mixed and one event)."""
    import pandas as pd

    lines = []
    for term, of_term in terms.groupby("term", sort=False):
        readings = list(dict.fromkeys(of_term["reading"]))
        if len(readings) != 2:
            raise ValueError(f"term {term!r} has {len(readings)} readings in the table, not 2: it is not a "
                             "terms_by_outlet.csv table")
        for outlet, mine in of_term.groupby("outlet", sort=False):
            k = {r: int(w) for r, w in zip(mine["reading"], mine["with_reading"])}
            n = int(mine["events"].iloc[0])
            kind, which = pattern(k.get(readings[0], 0), k.get(readings[1], 0), n)
            lines.append((term, outlet, n, readings[0], k.get(readings[0], 0), readings[1], k.get(readings[1], 0),
                          kind, "" if which is None else readings[which]))
    return pd.DataFrame.from_records(lines, columns=PATTERN_COLUMNS)


def is_omission(reported: int, outlets: int) -> bool:
    """An event some outlet left out that counts as an omission: told by two outlets or more
    and by half of all the outlets or more, not by all. (In a corpus most stories are told by
    a few outlets: that the others did not tell them is no omission.)"""
    return 1 < reported < outlets and 2 * reported >= outlets


def omissions(matrix: pd.DataFrame) -> dict[str, int]:
    """Per outlet (coverage_matrix.csv's columns), the events it left out that
    :func:`is_omission` counts."""
    outlets = list(matrix.columns[1:])
    values = matrix[outlets].to_numpy(dtype=int).reshape(len(matrix), len(outlets))
    told = values.sum(axis=1)
    marked = [is_omission(int(n), len(outlets)) for n in told]
    return {o: int(sum(1 for row, m in zip(values[:, j], marked) if m and not row)) for j, o in enumerate(outlets)}
