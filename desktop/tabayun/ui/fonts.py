"""The fonts of Tabayun's windows: a readable Arabic face for article text, and the sizes
the grid and classroom mode start from."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase

from ..core.resources import resource

BASE_POINT_SIZE = 13.0  # the grid's article text at zoom 0
PREFERRED_ARABIC_FAMILIES = ("Noto Naskh Arabic", "Noto Naskh Arabic UI", "Amiri", "Scheherazade New",
                             "Noto Sans Arabic", "Geeza Pro", "Segoe UI", "Tahoma")
SHIPPED_FONTS = ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")


def article_font():
    """The font for article text: a readable Arabic face of the system, else the one we ship
    (resources/fonts, SIL Open Font License), with the system's default for other scripts."""
    arabic = set(QFontDatabase.families(QFontDatabase.WritingSystem.Arabic))
    family = next((f for f in PREFERRED_ARABIC_FAMILIES if f in arabic), None)
    if family is None:
        family = load_shipped_font()
    font = QFont()
    default = font.family()
    if family:
        font.setFamilies([family, default] if default and default != family else [family])
    return font


def load_shipped_font() -> str | None:
    """Register the shipped Arabic font with Qt; return its family name."""
    family = None
    for name in SHIPPED_FONTS:
        node = resource("fonts", name)
        try:
            data = node.read_bytes()
        except OSError:
            continue
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(data))
        if font_id >= 0 and family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else None
    return family


def points(base: QFont, size: float, bold: bool = False) -> QFont:
    """``base`` at ``size`` points, bold or not."""
    font = QFont(base)
    font.setPointSizeF(size)
    font.setBold(bold)
    return font
