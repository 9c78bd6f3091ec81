"""Issue 9 item 9: inputs that crashed, hung or were misread. Only regular files are
read; JSON that is not article text is refused with a reason, not turned into repr()."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tabayun.core.analysis.comparison import compare
from tabayun.core.analysis.readers import decode_bytes, load_file, load_paths
from tabayun.cli import main

ARABIC_ONLY = "وصل وزير الدفاع الإسرائيلي إلى الرباط في أول زيارة رسمية"


def reasons(result) -> list[str]:
    return [p.reason for p in result.problems]


def test_deeply_nested_json_is_refused_not_a_traceback(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    result = load_paths([path])
    assert result.articles == [] and "nested too deeply" in reasons(result)[0]


def test_a_lone_surrogate_in_json_becomes_a_replacement_character_and_exports(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"outlet": "x\ud800", "text": "قال الوزير \ud83d إن الزيارة مهمة."},
                                {"outlet": "y", "text": "قال الوزير إن الزيارة مهمة جدا."}]))
    comparison = compare([path])
    assert comparison.articles["a-001"].text == "قال الوزير \ufffd إن الزيارة مهمة."
    assert comparison.articles["a-001"].outlet == "x\ufffd"
    assert main(["compare", str(path), "--out", str(tmp_path / "out"), "--quiet"]) == 0  # UnicodeEncodeError
    assert "\ufffd" in (tmp_path / "out" / "alignment.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("value, kind", [(["list"], "a list"), (True, "true/false"), ({"a": 1}, "an object"),
                                         (12, "a number")])
def test_json_text_that_is_not_a_string_is_refused(tmp_path, value, kind):
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"text": value}, {"text": "نص عادي", "id": 7, "date": 2021}]))
    result = load_file(path)
    assert reasons(result) == [f"its field 'text' is {kind}, not text"]
    assert [(a.doc_id, a.date, a.text) for a in result.articles] == [("7", "2021", "نص عادي")]


def test_utf16_without_bom_and_without_ascii_is_read_as_utf16():
    for encoding in ("utf-16-le", "utf-16-be"):
        assert decode_bytes(ARABIC_ONLY.replace(" ", "").encode(encoding)) == (ARABIC_ONLY.replace(" ", ""), encoding)
    # plain UTF-8 Arabic is still UTF-8
    assert decode_bytes(ARABIC_ONLY.encode("utf-8")) == (ARABIC_ONLY, "utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_a_device_and_a_link_loop_are_named_not_read(tmp_path):
    fifo = tmp_path / "a.txt"
    os.mkfifo(fifo)
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    args = [str(fifo), "/dev/zero", "/dev/urandom", str(loop), str(dangling), str(tmp_path / "none.txt")]
    script = ("import sys; from tabayun.core.analysis.readers import load_paths; "
              "print('\\n'.join(p.reason for p in load_paths(sys.argv[1:]).problems))")
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=30)
    said = done.stdout.splitlines()
    assert said[:3] == ["it is not a regular file (a pipe, a device or a socket); Tabayun reads only files"] * 3
    assert said[3:] == ["it is a symbolic link that points back to itself (a link loop)",
                        "it is a symbolic link to a file that does not exist", "no such file or folder"]
    # a folder holding a FIFO loads its real files
    (tmp_path / "b.txt").write_text(ARABIC_ONLY, encoding="utf-8")
    assert [a.doc_id for a in load_paths([tmp_path]).articles] == ["b"]
