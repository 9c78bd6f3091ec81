"""Every string the window shows through tr()/translate() has its Arabic translation.

lupdate (Qt's own extractor, run in a subprocess: no Qt in this process) reads the UI's code
into a copy of the committed tabayun_ar.ts: a string added or changed in the code arrives
there "unfinished", and the test names it. Strings not passed through tr() at all are caught
by tests/gui/test_arabic_interface.py, which looks at the Arabic window itself.
"""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import update_translations  # noqa: E402

# Arabic has six plural forms (Qt: zero, one, two, few, many, other)
PLURAL_FORMS = {"ar": 6, "en": 2}
PLACEHOLDER = re.compile(r"\{\w*\}|%n|%p%")


def _fresh_ts(language: str, tmp_path: Path) -> ET.Element:
    """The committed .ts for ``language``, updated by lupdate from the code as it is now."""
    ts = tmp_path / f"tabayun_{language}.ts"
    shutil.copy(update_translations.TRANSLATIONS / ts.name, ts)
    update_translations.lupdate(ts, update_translations.LANGUAGES[language])
    return ET.parse(ts).getroot()


def _problems(root: ET.Element, language: str) -> list[str]:
    problems = []
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            where = f"[{name}] {source!r}"
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                problems.append(f"not translated: {where}")
                continue
            if message.get("numerus") == "yes":
                forms = [f.text or "" for f in translation.iter("numerusform")]
                if len(forms) != PLURAL_FORMS[language] or not all(f.strip() for f in forms):
                    problems.append(f"{len(forms)} plural forms, some empty: {where}")
                    continue
            else:
                forms = [translation.text or ""]
                if not forms[0].strip():
                    problems.append(f"empty translation: {where}")
                    continue
            wanted = set(PLACEHOLDER.findall(source)) - {"%n"}
            for form in forms:
                missing = wanted - set(PLACEHOLDER.findall(form))
                if missing:
                    problems.append(f"translation drops {sorted(missing)}: {where}")
    return problems


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_interface_string_is_translated(language, tmp_path):
    root = _fresh_ts(language, tmp_path)
    messages = list(root.iter("message"))
    assert len(messages) > (200 if language == "ar" else 10)  # lupdate did read the code
    problems = _problems(root, language)
    assert not problems, (f"{len(problems)} interface string(s) lack their {language} translation; run "
                          "python tools/update_translations.py and translate them:\n" + "\n".join(problems))


def test_the_arabic_translation_lays_the_interface_out_right_to_left(tmp_path):
    root = _fresh_ts("ar", tmp_path)
    entry = next(m for m in root.iter("message") if m.findtext("source") == "QT_LAYOUT_DIRECTION")
    assert entry.findtext("translation") == "RTL"


def test_an_untranslated_string_is_caught(tmp_path):
    """The check above can fail: a new tr() string comes out of lupdate unfinished."""
    code = tmp_path / "new_dialog.py"
    code.write_text('from PySide6.QtCore import QCoreApplication\n'
                    'QCoreApplication.translate("NewDialog", "A string nobody translated")\n', encoding="utf-8")
    ts = tmp_path / "tabayun_ar.ts"
    shutil.copy(update_translations.TRANSLATIONS / ts.name, ts)
    update_translations.lupdate(ts, update_translations.LANGUAGES["ar"], sources=[str(code)])
    problems = _problems(ET.parse(ts).getroot(), "ar")
    assert problems == ["not translated: [NewDialog] 'A string nobody translated'"]
