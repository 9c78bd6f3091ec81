"""Make the Windows and macOS icons from resources/icons/tabayun.svg (the one drawn icon).

    python packaging/make_icons.py        # -> build/icons/tabayun.ico, tabayun.icns, tabayun-*.png

Qt draws the SVG (PySide6 is installed with Tabayun); Pillow (installed with matplotlib)
writes the .ico and .icns. Run in the build's venv before PyInstaller on Windows and macOS.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "tabayun.svg"
OUT = ROOT / "build" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    images = {size: render(renderer, size) for size in SIZES}
    for size in (256, 512):
        images[size].save(OUT / f"tabayun-{size}.png")
    images[256].save(OUT / "tabayun.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    images[1024].save(OUT / "tabayun.icns")
    print(f"wrote {OUT / 'tabayun.ico'} and {OUT / 'tabayun.icns'}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
