"""Framing markers inside single articles. (Being written: see issue 3.)"""

from __future__ import annotations

import pandas as pd

from .model import Article, Marker, Unit
from .normalize import Normalizer

MARKER_COLUMNS = ["doc_id", "char_start", "char_end", "text", "category", "entry"]


def find_markers(articles: dict[str, Article], units: dict[str, list[Unit]], normalizer: Normalizer) -> list[Marker]:
    return []


def markers_frame(markers: list[Marker]) -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": m.doc_id, "char_start": m.start, "char_end": m.end, "text": m.text,
                          "category": m.category, "entry": m.entry} for m in markers], columns=MARKER_COLUMNS)
