"""The report's and the charts' headings speak the event's language (core cannot use Qt's
translations: resources/headings/headings.csv gives each heading its Arabic)."""

from __future__ import annotations

import ast
from pathlib import Path

from tabayun.core.analysis.comparison import compare
from tabayun.core.sharing import headings
from tabayun.core.sharing.headings import Headings, event_language
from tabayun.core.sharing.report import render_report

SHARING = Path(headings.__file__).parent


def _headings_in_code() -> set[str]:
    """Every literal passed to ``h(...)`` in the modules that write headings."""
    found = set()
    for module in ("report.py", "charts.py", "export_folder.py"):
        tree = ast.parse((SHARING / module).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "h"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    return found


def test_every_heading_in_the_code_has_its_arabic():
    used = _headings_in_code()
    assert len(used) > 40  # the look-up did find the report's and charts' headings
    table = headings._table()
    missing = sorted(u for u in used if not table.get(u, {}).get("ar"))
    assert not missing, f"headings with no Arabic in resources/headings/headings.csv: {missing}"


def test_an_arabic_event_gets_arabic_headings(sample):
    assert event_language(sample) == "ar"
    page = render_report(sample, None)
    for heading in ("الوسائل", "ادعاءً بادعاء", "مواضع الاختلاف", "مصفوفة الإغفال", "جدول المصطلحات"):
        assert f'<h2 dir="auto">{heading}</h2>' in page
    assert "Claim by claim" not in page and "Omission matrix" not in page and "Outlets</h2>" not in page
    assert '<html dir="rtl"' in page


def test_an_english_event_keeps_english_headings(tmp_path):
    for name, text in (("a.txt", "Storm hits the coast\n\nOfficials said the rebels attacked the old town at dawn.\n"),
                       ("b.txt", "Storm hits the coast\n\nOfficials said the fighters attacked the old town at dawn.\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    comparison = compare([str(tmp_path)])
    assert event_language(comparison) == "en"
    page = render_report(comparison, None)
    assert '<h2 dir="auto">Claim by claim</h2>' in page and "ادعاءً بادعاء" not in page


def test_a_heading_formats_its_values_in_either_language():
    assert Headings("ar")("{n} articles about one event", n=4) == "4 مقالات عن حدث واحد"
    assert Headings("en")("{n} articles about one event", n=4) == "4 articles about one event"
    assert Headings("fr")("Charts") == "Charts"  # no such column: English
