"""Tabayun: put news articles about one event side by side, claim by claim."""

from __future__ import annotations

__version__ = "0.1.0"
