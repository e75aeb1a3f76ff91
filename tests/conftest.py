"""Shared test set-up: Qt runs headless, `gui` marks tests that need Qt, no real home touched."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.qt_imports import needs_qt

from planner.core.catalog import Catalog, default_catalog

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# What runs before the per-test home below (the session catalog and its cache) gets its own
# throw-away home too: nothing reaches the real user folders.
_SESSION_HOME = tempfile.mkdtemp(prefix="codepath-session-home-")
atexit.register(shutil.rmtree, _SESSION_HOME, ignore_errors=True)
os.environ["CODEPATH_HOME"] = _SESSION_HOME


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `gui` what needs Qt: its file or a conftest above imports Qt, or it uses qapp/qtbot."""
    for item in items:
        if "qapp" in getattr(item, "fixturenames", ()) or needs_qt(item.path):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The catalog shipped with the app."""
    return default_catalog()


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """CODEPATH_HOME points at a fresh folder: profiles and GUI settings never reach ~."""
    home = tmp_path_factory.mktemp("codepath-home")
    monkeypatch.setenv("CODEPATH_HOME", str(home))
    yield home
