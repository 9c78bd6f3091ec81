"""Tabayun's core: everything but the window. Never imports Qt (import-linter contracts in
pyproject.toml). Parts: ``analysis``, ``annotation``, ``sharing``; shared by all three:
``model`` (the plain values), ``files`` (atomic, formula-safe writing), ``resources``."""
