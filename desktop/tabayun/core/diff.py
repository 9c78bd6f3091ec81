"""Word-level differences inside aligned rows. (Being written: see issue 3.)"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .model import Article, Difference, Row
from .normalize import Normalizer

DIFFERENCE_COLUMNS = ["row_id", "doc_a", "doc_b", "kind", "category", "a_start", "a_end", "a_text",
                      "b_start", "b_end", "b_text", "score"]


@dataclass(frozen=True)
class TermPair:
    term_a: str
    term_b: str
    category: str
    count: int
    by_doc: dict[str, int]


def event_differences(rows: list[Row], articles: dict[str, Article], normalizer: Normalizer) -> list[Difference]:
    return []


def term_table(differences: list[Difference], normalizer: Normalizer) -> list[TermPair]:
    return []


def differences_frame(differences: list[Difference]) -> pd.DataFrame:
    return pd.DataFrame([d.__dict__ for d in differences], columns=DIFFERENCE_COLUMNS)


def terms_frame(terms: list[TermPair], articles: dict[str, Article]) -> pd.DataFrame:
    return pd.DataFrame(columns=["term_a", "term_b", "category", "count"])
