"""Tabayun: put news articles about one event side by side, claim by claim.

    >>> import tabayun
    >>> event = tabayun.compare(["seeds/"])
    >>> event.alignment_frame()
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["compare", "compare_articles", "Comparison", "__version__"]


def __getattr__(name: str):
    # Lazy, so that `tabayun --help` does not pay for numpy and the analysis.
    if name in ("compare", "compare_articles", "Comparison"):
        from .core.analysis import comparison

        return getattr(comparison, name)
    raise AttributeError(f"module 'tabayun' has no attribute {name!r}")
