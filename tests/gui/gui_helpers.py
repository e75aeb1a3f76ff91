"""Constants and helpers shared by the GUI tests (importable; conftest holds the fixtures)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from planner.core.profile import Profile
from planner.core.storage import ProfileStore
from planner.gui.controller import PlannerController

TODAY = date(2026, 3, 2)
FAST_SAVE_MS = 30

MakeController = Callable[..., PlannerController]


def stored(path: Path) -> Profile:
    """The profile as it is on disk now."""
    return ProfileStore(path).load()
