"""Shared fixtures: the sample event, analysed once per test session."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

import pytest

from tabayun.core.analysis.comparison import Comparison, compare
from tabayun.core.annotation import label_record
from tabayun.core.model import Row
from tabayun.core.resources import sample_event_dir


@pytest.fixture
def ticking_clock(monkeypatch):
    """Each label timestamp one second after the last, so no test waits for the clock
    (the labels tests use it: ``pytestmark = pytest.mark.usefixtures("ticking_clock")``)."""
    start = datetime(2024, 5, 1, 12, 0, 0, tzinfo=timezone.utc)
    ticks = itertools.count()
    monkeypatch.setattr(label_record, "utc_now",
                        lambda: (start + timedelta(seconds=next(ticks))).strftime("%Y-%m-%dT%H:%M:%SZ"))


@pytest.fixture(scope="session")
def sample_dir():
    return sample_event_dir()


@pytest.fixture(scope="session")
def sample(sample_dir) -> Comparison:
    return compare([sample_dir])


def find_unit(comparison: Comparison, doc_prefix: str, needle: str):
    """The unit of the article whose doc_id starts with ``doc_prefix`` containing ``needle``."""
    doc = next(d for d in comparison.articles if d.startswith(doc_prefix))
    hits = [u for u in comparison.units[doc] if needle in u.text]
    assert len(hits) == 1, f"{needle!r} found in {len(hits)} units of {doc}"
    return hits[0]


def row_of(comparison: Comparison, unit) -> Row:
    for row in comparison.rows:
        if unit in row.units.get(unit.doc_id, ()):
            return row
    raise AssertionError(f"unit {unit.unit_id} is in no row")
