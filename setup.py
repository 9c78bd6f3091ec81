"""The build step pyproject.toml cannot declare: compile the interface's translations.

``resources/translations/*.ts`` (sources written with pyside6-lupdate and a translator's
hand) become ``*.qm`` (what Qt loads) with Qt's own ``lrelease`` at every build, so that
``pip install .`` (a wheel), ``pip install -e .`` and the frozen app all carry them. The
``.qm`` files are build output: never edited, never committed (.gitignore).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
TRANSLATIONS = ROOT / "resources" / "translations"


def compile_translations(out_dir: Path) -> list[Path]:
    """Run lrelease on every .ts into ``out_dir``; the .qm files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = out_dir / (ts.stem + ".qm")
        # PySide6's wrapper finds the lrelease binary inside the wheel (a build requirement)
        code = ("import sys; from PySide6.scripts.pyside_tool import lrelease; "
                "sys.argv = ['lrelease'] + sys.argv[1:]; lrelease()")
        subprocess.run([sys.executable, "-c", code, "-silent", str(ts), "-qm", str(qm)], check=True)
        if not qm.is_file():
            raise RuntimeError(f"lrelease wrote no {qm}")
        written.append(qm)
    return written


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            # an editable install reads resources/ in place: the .qm goes beside its .ts
            compile_translations(TRANSLATIONS)
        else:
            compile_translations(Path(self.build_lib) / "tabayun" / "_resources" / "translations")

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if not self.editable_mode:
            out = Path(self.build_lib) / "tabayun" / "_resources" / "translations"
            outputs += [str(out / (ts.stem + ".qm")) for ts in sorted(TRANSLATIONS.glob("*.ts"))]
        return outputs


setup(cmdclass={"build_py": BuildPyWithTranslations})
