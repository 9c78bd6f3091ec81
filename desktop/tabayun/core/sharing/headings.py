"""The report's and the charts' headings in the event's language.

The core cannot use Qt's translations (it never imports Qt): a small table in
``resources/headings/headings.csv`` gives each English heading its Arabic. An Arabic event
(read right to left) gets Arabic headings, any other English ones; a heading missing from
the table stays English (tests/unit/test_headings.py checks that none is).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .. import resources
from .event_view import event_direction

if TYPE_CHECKING:
    from ..analysis.comparison import Comparison

LANGUAGES = ("en", "ar")


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    return {row["en"]: row for row in resources.read_csv("headings", "headings.csv")}


def event_language(comparison: Comparison) -> str:
    """The language the event's report and charts speak: Arabic for a right-to-left event."""
    return "ar" if event_direction(comparison) == "rtl" else "en"


class Headings:
    """``h("Claim by claim")`` → the heading in ``language``; ``h("{n} labels", n=3)`` formats."""

    def __init__(self, language: str = "en"):
        self.language = language if language in LANGUAGES else "en"

    def __call__(self, english: str, **values: object) -> str:
        text = _table().get(english, {}).get(self.language) or english
        return text.format(**values) if values else text

    @classmethod
    def for_event(cls, comparison: Comparison) -> Headings:
        return cls(event_language(comparison))
