"""The codebook's category names, read from ``resources/codebook/categories.csv``.

That file is the one place category ids live: code checks its own constants against
it (see :func:`require`), so a renamed category fails loudly instead of silently
producing highlights no legend knows.
"""

from __future__ import annotations

from functools import lru_cache

from .. import resources

KINDS = ("difference", "marker")


@lru_cache(maxsize=1)
def codebook() -> tuple[dict[str, str], ...]:
    """Rows of the codebook: id, kind, label_en, label_ar, definition."""
    rows = tuple(resources.read_csv("codebook", "categories.csv"))
    for row in rows:
        if row["kind"] not in KINDS:
            raise ValueError(f"codebook/categories.csv: {row['id']!r} has unknown kind {row['kind']!r}")
    return rows


def categories(kind: str | None = None) -> list[str]:
    """Category ids in codebook order, all of them or those of one kind."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown category kind {kind!r}; expected one of {KINDS}")
    return [row["id"] for row in codebook() if kind is None or row["kind"] == kind]


def label(category: str, language: str = "en") -> str:
    """The category's label for people (``language`` is "en" or "ar")."""
    for row in codebook():
        if row["id"] == category:
            return row[f"label_{language}"]
    raise KeyError(category)


def require(names: list[str] | tuple[str, ...], kind: str) -> None:
    """Fail if any of ``names`` is not a codebook category of ``kind``."""
    known = categories(kind)
    missing = [n for n in names if n not in known]
    if missing:
        raise ValueError(f"categories {missing} are not {kind} categories in codebook/categories.csv ({known})")
