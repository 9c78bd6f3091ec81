"""Labels follow their words when an article's text shifts (re-read, edited, re-extracted)."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from ..model import Article
from .label_record import Label


def reanchor(labels: Iterable[Label], articles: dict[str, Article]) -> tuple[list[Label], list[tuple[Label, str]]]:
    """Labels moved to where their quoted text now is in ``articles``.

    A span whose offsets still hold its quoted text stays. Otherwise it moves to the
    occurrence of the quoted text nearest its old offset. If the article is missing
    or the text is no longer in it, the label stays as it was and is reported with
    the reason. Returns (every label, in order: moved or not; [(label, reason)]).
    """
    out: list[Label] = []
    lost: list[tuple[Label, str]] = []
    for label in labels:
        new, reasons = label, []
        for doc_field, start_field, end_field, text_field in (
            ("doc_id", "char_start", "char_end", "text"),
            ("other_doc_id", "other_start", "other_end", "other_text"),
        ):
            doc_id = getattr(label, doc_field)
            if not doc_id or getattr(label, start_field) is None:  # no span: the whole other article
                continue
            start, end, text = getattr(label, start_field), getattr(label, end_field), getattr(label, text_field)
            article = articles.get(doc_id)
            if article is None:
                reasons.append(f"article {doc_id} is not loaded")
                continue
            found = _nearest(article.text, text, start) if article.text[start:end] != text else start
            if found is None:
                reasons.append(f"text no longer found in {doc_id}: {_quote(text)}")
            elif found != start:
                new = replace(new, **{start_field: found, end_field: found + len(text)})
        out.append(new)
        if reasons:
            lost.append((label, "; ".join(reasons)))
    return out, lost


def _nearest(text: str, needle: str, near: int) -> int | None:
    """Start of the occurrence of ``needle`` in ``text`` nearest ``near`` (earlier on a tie)."""
    if not needle:
        return min(near, len(text))
    best: int | None = None
    at = text.find(needle)
    while at != -1:
        if best is None or abs(at - near) < abs(best - near):
            best = at
        at = text.find(needle, at + 1)
    return best


def _quote(text: str, limit: int = 40) -> str:
    return f"«{text if len(text) <= limit else text[:limit] + '…'}»"
