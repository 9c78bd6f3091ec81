"""The design's fixed lines: core never imports Qt; resources ship with the package."""

import subprocess
import sys
from pathlib import Path

from tabayun.core import resources


def test_core_never_imports_qt():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], capture_output=True, text=True,
                            cwd=Path(__file__).parents[2])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEPT" in result.stdout


def test_no_module_imports_one_that_imports_it_back():
    """The window composes its parts; they get what they need (signals, a small interface),
    never the window class: no import cycle anywhere in the package, type-only imports included."""
    import grimp

    graph = grimp.build_graph("tabayun")
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if imported.startswith("tabayun") and graph.chain_exists(importer=imported, imported=module):
                cycles.append(f"{module} -> {imported} -> ... -> {module}")
    assert not cycles, "\n".join(cycles)


def test_resources_and_sample_event_are_found_through_the_accessor():
    assert resources.read_csv("furniture", "furniture.csv")
    names = sorted(p.name for p in resources.sample_event_dir().glob("*.txt"))
    assert names == ["000_da5021ca098f9bca.txt", "001_c7587bccc0fc7438.txt", "002_55425f2f31b4ad18.txt",
                     "003_13a86b1c63e4aa1e.txt", "004_9b3bef138c95522f.txt"]


def test_every_python_package_is_listed_for_the_wheel():
    """A plain `pip install .` ships only the packages pyproject.toml lists: a new
    subpackage missing there works in the editable checkout and breaks the installed app."""
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    listed = set(tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    package_root = root / "desktop"
    found = {".".join(p.parent.relative_to(package_root).parts) for p in package_root.rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
