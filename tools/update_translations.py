"""Refresh the interface's translation sources from the code: ``python tools/update_translations.py``.

Runs Qt's ``pyside6-lupdate`` over ``desktop/tabayun/ui`` into ``resources/translations/``:
``tabayun_ar.ts`` (every string; a translator fills in the new ones, e.g. with
``pyside6-linguist``) and ``tabayun_en.ts`` (the plural forms only: English needs no other
translation). The ``.qm`` files Qt loads are built from these by the install (setup.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "desktop" / "tabayun" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
# language -> extra lupdate options
LANGUAGES = {"ar": ["-target-language", "ar"], "en": ["-target-language", "en", "-pluralonly"]}


def python_sources() -> list[str]:
    return sorted(str(p) for p in SOURCES.rglob("*.py"))


def lupdate(ts: Path, extra: list[str] = (), sources: list[str] | None = None) -> subprocess.CompletedProcess:
    """Run lupdate on the UI's Python files into ``ts`` (created or merged)."""
    code = ("import sys; from PySide6.scripts.pyside_tool import lupdate; "
            "sys.argv = ['lupdate'] + sys.argv[1:]; lupdate()")
    args = [*(sources or python_sources()), "-no-obsolete", "-locations", "none", *extra, "-ts", str(ts)]
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)


def main() -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language, extra in LANGUAGES.items():
        ts = TRANSLATIONS / f"tabayun_{language}.ts"
        result = lupdate(ts, extra)
        print(f"{ts.relative_to(ROOT)}: {result.stdout.strip().splitlines()[-1].strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
