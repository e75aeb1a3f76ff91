"""Shared test set-up: Qt runs headless (set before anything imports Qt), no real home touched."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """CODEPATH_HOME points at a fresh folder: profiles and GUI settings never reach ~."""
    home = tmp_path_factory.mktemp("codepath-home")
    monkeypatch.setenv("CODEPATH_HOME", str(home))
    yield home
