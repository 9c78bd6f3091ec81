"""The Linux installer, built and taken apart as a user's machine would: the .deb from
packaging/linux/build_deb.sh, unpacked with ``dpkg -x``, and the bundled app started.

Slow (a PyInstaller build, 5-10 minutes): marked ``packaging`` and left out of the default
run. Run it with ``.venv/bin/python -m pytest -m packaging tests/packaging``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "packaging" / "linux" / "build_deb.sh"
# Installed size. The aim was 200 MB; it is 215 MiB (packaging/README.md): what the app cannot
# run without comes to about that (Qt with ICU ~85 MB, numpy with OpenBLAS ~41, pandas ~18,
# matplotlib, lxml, Pillow, Python). The limit catches a bundle that grows back (it was 421).
SIZE_LIMIT_MB = 220


def _run(args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="module")
def deb() -> Path:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed: the .deb is built on Debian or Ubuntu")
    done = _run(["bash", BUILD_SCRIPT], cwd=ROOT, timeout=3600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("package:"))
    path = Path(line.split()[1])
    assert path.is_file() and path.suffix == ".deb"
    return path


@pytest.fixture(scope="module")
def unpacked(deb, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("deb-root")
    done = _run(["dpkg", "-x", deb, root])
    assert done.returncode == 0, done.stderr
    return root


def _field(deb: Path, name: str) -> str:
    return _run(["dpkg-deb", "-f", deb, name]).stdout.strip()


def test_control_names_the_package_and_its_size(deb):
    assert _field(deb, "Package") == "tabayun"
    assert _field(deb, "Architecture") == _run(["dpkg", "--print-architecture"]).stdout.strip()
    assert "libxcb-cursor0" in _field(deb, "Depends")  # what Qt's window plugin needs
    assert 0 < int(_field(deb, "Installed-Size")) < SIZE_LIMIT_MB * 1024  # KiB


def test_apt_can_satisfy_what_the_package_depends_on(deb):
    """Depends names the system libraries the bundle leaves out (glib, OpenSSL, ...), each at
    the build machine's version or newer, or its t64 successor; apt must find them all."""
    depends = _field(deb, "Depends")
    assert "libglib2.0-0 (>= " in depends and "| libglib2.0-0t64" in depends
    if shutil.which("apt-get") is None:
        pytest.skip("apt-get is not installed")
    done = _run(["apt-get", "install", "--simulate", "--no-install-recommends", deb])
    assert done.returncode == 0 and "Inst tabayun" in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]


def test_the_package_installs_a_launcher_a_menu_entry_an_icon_and_metainfo(unpacked):
    launcher = unpacked / "usr" / "bin" / "tabayun"
    assert os.access(launcher, os.X_OK)
    target = next(w for ln in launcher.read_text().splitlines() if ln.startswith("exec ") for w in ln.split()[1:2])
    assert (unpacked / target.lstrip("/")).is_file() and os.access(unpacked / target.lstrip("/"), os.X_OK)
    desktop = (unpacked / "usr/share/applications/tabayun.desktop").read_text(encoding="utf-8")
    assert "\nExec=tabayun %F\n" in desktop and "\nIcon=tabayun\n" in desktop and "Name[ar]=تباين" in desktop
    assert (unpacked / "usr/share/icons/hicolor/scalable/apps/tabayun.svg").read_bytes().startswith(b"<")
    metainfo = unpacked / "usr/share/metainfo/org.tabayun.Tabayun.metainfo.xml"
    assert "<launchable type=\"desktop-id\">tabayun.desktop</launchable>" in metainfo.read_text(encoding="utf-8")
    if shutil.which("appstreamcli"):
        done = _run(["appstreamcli", "validate", "--no-net", metainfo])
        assert done.returncode == 0, done.stdout + done.stderr
    if shutil.which("desktop-file-validate"):
        done = _run(["desktop-file-validate", unpacked / "usr/share/applications/tabayun.desktop"])
        assert done.returncode == 0 and "error" not in done.stdout, done.stdout


def test_the_bundle_carries_resources_and_the_guide(unpacked):
    data = unpacked / "usr/lib/tabayun/_internal/tabayun"
    assert (data / "_resources/codebook/default.csv").is_file()
    assert (data / "_resources/guide/ar.md").is_file() and (data / "_resources/guide/images/window.png").is_file()
    assert sorted(p.suffix for p in (data / "_seeds").iterdir() if p.suffix == ".txt")  # the sample event


def test_the_installed_size_is_under_the_limit(unpacked):
    total = sum(p.stat().st_size for p in unpacked.rglob("*") if p.is_file() and not p.is_symlink())
    assert total < SIZE_LIMIT_MB * 1024 * 1024, f"{total / 2**20:.0f} MB installed"


@pytest.fixture
def clean_env(tmp_path) -> dict:
    """The bundled app's environment: offscreen, its own home (no user settings), none of
    the test venv's Python on the path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path / "run"))
    (tmp_path / "run").mkdir(mode=0o700)
    return env


def test_the_bundled_app_renders_the_sample_event(unpacked, clean_env, tmp_path):
    app = unpacked / "usr/lib/tabayun/tabayun"
    png = tmp_path / "shot.png"
    done = _run([app, "--screenshot", png], env=clean_env, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert (image.width(), image.height()) == (1600, 1000)
    colours = {image.pixel(x, y) for x in range(0, 1600, 16) for y in range(0, 1000, 16)}
    assert len(colours) > 50  # the grid with highlighted text, not an empty window


def test_the_bundled_app_compares_text_and_html(unpacked, clean_env, tmp_path):
    """The trimmed bundle still has what `compare` needs: numpy, trafilatura for HTML."""
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Minister visits Rabat</title></head><body><article>"
                    "<p>The defence minister arrived in Rabat on Tuesday for a two-day visit.</p>"
                    "<p>He signed a security agreement with his Moroccan counterpart, officials said.</p>"
                    "</article></body></html>", encoding="utf-8")
    out = tmp_path / "out"
    app = unpacked / "usr/lib/tabayun/tabayun"
    done = _run([app, "compare", ROOT / "tests/fixtures/english", page, "--out", out, "--quiet"],
                env=clean_env, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    alignment = (out / "alignment.csv").read_text(encoding="utf-8-sig")
    assert "defence minister arrived in Rabat" in alignment
