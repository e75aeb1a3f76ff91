"""The recently used profiles (File > Open Recent), kept in the app's QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

RECENT_KEY = "recentProfiles"
RECENT_LIMIT = 8


class RecentProfiles:
    """Most recent first, no duplicates, at most ``RECENT_LIMIT``; in memory without settings."""

    def __init__(self, settings: QSettings | None) -> None:
        self._settings = settings
        self._memory: list[str] = []

    def _stored(self) -> list[str]:
        if self._settings is None:
            return list(self._memory)
        value = self._settings.value(RECENT_KEY, [])
        if isinstance(value, str):  # QSettings gives a one-item list back as a string
            value = [value]
        if not isinstance(value, list):
            return []
        return [str(item) for item in value if str(item)]

    def _store(self, paths: list[str]) -> None:
        if self._settings is None:
            self._memory = paths
            return
        self._settings.setValue(RECENT_KEY, paths)
        self._settings.sync()

    def add(self, path: Path) -> None:
        text = str(Path(path).absolute())
        paths = [text] + [p for p in self._stored() if p != text]
        self._store(paths[:RECENT_LIMIT])

    def remove(self, path: Path) -> None:
        text = str(Path(path).absolute())
        self._store([p for p in self._stored() if p != text])

    def paths(self) -> list[Path]:
        return [Path(p) for p in self._stored()]

    def clear(self) -> None:
        self._store([])
