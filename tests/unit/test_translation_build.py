"""The build compiles the translations: a wheel built from a tree with no .qm carries them.

(The same step runs for ``pip install -e .``, which writes them beside their .ts.) Built
without build isolation, with the test environment's setuptools and PySide6's lrelease, so
it takes seconds and no network.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_wheel_built_from_sources_carries_the_compiled_translations(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for name in ("desktop", "resources", "seeds"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("*.qm", "__pycache__", "*.egg-info"))
    assert not list((src / "resources" / "translations").glob("*.qm"))
    out = tmp_path / "wheel"
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                             "-w", str(out), str(src)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    (wheel,) = out.glob("tabayun-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        for language in ("ar", "en"):
            qm = f"tabayun/_resources/translations/tabayun_{language}.qm"
            assert qm in names
            assert z.read(qm)[:16] == bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")  # Qt's .qm magic
