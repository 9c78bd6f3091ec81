"""Typed settings over QSettings (organisation "Tabayun", application "Tabayun").

Every value the window remembers has one property here with its type and default, so
nothing else in the UI reads QSettings keys or converts types.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Tabayun"
APPLICATION = "Tabayun"
MAX_RECENT = 10
DEFAULT_ZOOM = 0  # steps of 1 point from the base size
MIN_ZOOM, MAX_ZOOM = -6, 20


def event_key(paths: list[str]) -> str:
    """A stable key for the event opened from ``paths`` (order-independent)."""
    norm = sorted(str(Path(p).resolve()) for p in paths)
    return hashlib.sha1("\n".join(norm).encode("utf-8")).hexdigest()[:16]


DEFAULT_HIDDEN_CATEGORIES = ("rewording", "punctuation")


class Settings:
    def __init__(self, qsettings: QSettings | None = None):
        self._s = qsettings if qsettings is not None else QSettings(ORGANIZATION, APPLICATION)

    # --- plumbing --------------------------------------------------------------
    def _get_bool(self, key: str, default: bool) -> bool:
        value = self._s.value(key, default)
        if isinstance(value, str):
            return value.lower() in ("1", "true", "yes")
        return bool(value)

    def _get_int(self, key: str, default: int) -> int:
        try:
            return int(self._s.value(key, default))
        except (TypeError, ValueError):
            return default

    def _get_json(self, key: str, default):
        raw = self._s.value(key, "")
        if not raw:
            return default
        try:
            return json.loads(raw)
        except (TypeError, ValueError):
            return default

    def _set_json(self, key: str, value) -> None:
        self._s.setValue(key, json.dumps(value, ensure_ascii=False))

    def _get_bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def sync(self) -> None:
        self._s.sync()

    def clear(self) -> None:
        self._s.clear()

    # --- window ---------------------------------------------------------------
    @property
    def geometry(self) -> QByteArray | None:
        return self._get_bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._get_bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._s.setValue("window/state", value)

    @property
    def zoom(self) -> int:
        return max(MIN_ZOOM, min(MAX_ZOOM, self._get_int("view/zoom", DEFAULT_ZOOM)))

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._s.setValue("view/zoom", int(value))

    @property
    def hidden_categories(self) -> list[str]:
        """Highlight categories the user switched off in the legend. At first, rewording and
        punctuation: there to see when asked, not what F8 and the review progress walk through."""
        return list(self._get_json("view/hidden_categories", list(DEFAULT_HIDDEN_CATEGORIES)))

    @hidden_categories.setter
    def hidden_categories(self, value: list[str]) -> None:
        self._set_json("view/hidden_categories", sorted(set(value)))

    @property
    def blind(self) -> bool:
        return self._get_bool("view/blind", False)

    @blind.setter
    def blind(self, value: bool) -> None:
        self._s.setValue("view/blind", bool(value))

    @property
    def last_directory(self) -> str:
        return str(self._s.value("files/last_directory", "") or "")

    @last_directory.setter
    def last_directory(self, value: str) -> None:
        self._s.setValue("files/last_directory", value)

    @property
    def export_directory(self) -> str:
        """Where File → Export makes its folders: the last place chosen, else the user's
        Documents folder (never the working directory, which is wherever the app started)."""
        value = str(self._s.value("files/export_directory", "") or "")
        if value and Path(value).is_dir():
            return value
        from platformdirs import user_documents_path

        return str(user_documents_path())

    @export_directory.setter
    def export_directory(self, value: str) -> None:
        self._s.setValue("files/export_directory", value)

    # --- preferences -----------------------------------------------------------
    @property
    def language(self) -> str:
        """The interface's language ("en", "ar"); empty: follow the system (read at start)."""
        return str(self._s.value("ui/language", "") or "")

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value)

    @property
    def article_font_family(self) -> str:
        """The articles' font family; empty: the bundled Arabic-capable default."""
        return str(self._s.value("view/article_font", "") or "")

    @article_font_family.setter
    def article_font_family(self, value: str) -> None:
        self._s.setValue("view/article_font", value)

    @property
    def default_lexical_only(self) -> bool:
        """An event opens showing only the rows where outlets chose different words."""
        return self._get_bool("filters/lexical_only", False)

    @default_lexical_only.setter
    def default_lexical_only(self, value: bool) -> None:
        self._s.setValue("filters/lexical_only", bool(value))

    @property
    def default_quoted_speech(self) -> bool:
        """Differences inside quoted speech are highlighted by default (the legend's switch; off)."""
        return self._get_bool("filters/quoted_speech", False)

    @default_quoted_speech.setter
    def default_quoted_speech(self, value: bool) -> None:
        self._s.setValue("filters/quoted_speech", bool(value))

    # --- recent events ----------------------------------------------------------
    @property
    def recent_events(self) -> list[list[str]]:
        value = self._get_json("files/recent", [])
        return [list(map(str, paths)) for paths in value if isinstance(paths, list) and paths]

    def add_recent_event(self, paths: list[str]) -> None:
        paths = [str(Path(p).resolve()) for p in paths]
        recent = [r for r in self.recent_events if sorted(r) != sorted(paths)]
        self._set_json("files/recent", ([paths] + recent)[:MAX_RECENT])

    def clear_recent_events(self) -> None:
        self._set_json("files/recent", [])

    # --- per event: what the user made of its outlets ---------------------------
    def outlet_layout(self, key: str) -> dict:
        """``{"names": {doc: name}, "hidden": [doc], "order": [doc], "reference": doc|None}``."""
        value = self._get_json(f"events/{key}", {})
        return value if isinstance(value, dict) else {}

    def set_outlet_layout(self, key: str, layout: dict) -> None:
        self._set_json(f"events/{key}", layout)

    # --- annotation -------------------------------------------------------------
    @property
    def annotator(self) -> str:
        """Who labels: asked once, recorded on every label."""
        return str(self._s.value("annotation/annotator", "") or "")

    @annotator.setter
    def annotator(self, value: str) -> None:
        self._s.setValue("annotation/annotator", value.strip())

    @property
    def codebook_path(self) -> str:
        """A team's own codebook file; empty: the default codebook."""
        return str(self._s.value("annotation/codebook", "") or "")

    @codebook_path.setter
    def codebook_path(self, value: str) -> None:
        self._s.setValue("annotation/codebook", value)

    @property
    def labels_dir(self) -> Path:
        """Where labels go for an event whose folder cannot take them (the sample event)."""
        value = str(self._s.value("annotation/labels_dir", "") or "")
        if value:
            return Path(value)
        from platformdirs import user_data_path

        return user_data_path("Tabayun", "Tabayun") / "labels"

    @labels_dir.setter
    def labels_dir(self, value: str | Path) -> None:
        self._s.setValue("annotation/labels_dir", str(value))

    def labels_file(self, key: str) -> str:
        """The labels file the user chose for an event (empty: the default place)."""
        return str(self._s.value(f"labels/{key}", "") or "")

    def set_labels_file(self, key: str, path: str) -> None:
        self._s.setValue(f"labels/{key}", path)
