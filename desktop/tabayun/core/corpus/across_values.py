"""The values the tables across events are handed around in (core/corpus/across.py makes
them; across_charts.py and across_report.py draw them): the four tables' columns, as
docs/corpus-format.md lists them, and the tables of one corpus result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

TERM_COLUMNS = ["term", "reading", "outlet", "events", "with_reading", "share", "ci_low", "ci_high"]
COVERAGE_COLUMNS = ["outlet", "events", "share", "compared_events", "sole_reporter"]
LOADED_COLUMNS = ["outlet", "words", "loaded", "rate", "ci_low", "ci_high"]
MIN_EVENTS = 2  # a term recurs in this many events or more


@dataclass
class AcrossTables:
    terms: pd.DataFrame
    coverage: pd.DataFrame
    matrix: pd.DataFrame
    loaded: pd.DataFrame
    language: str  # "ar" or "en": the report's and charts' headings
    events: int
    outlets: int
    min_events: int = MIN_EVENTS  # a term recurs in this many events or more
