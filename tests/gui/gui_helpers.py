"""Constants and helpers shared by the GUI tests (importable; conftest holds the fixtures)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Protocol, TypeVar

from PySide6.QtWidgets import QWidget

from planner.core.profile import Profile
from planner.core.storage import ProfileStore
from planner.gui.controller import PlannerController

TODAY = date(2026, 3, 2)
FAST_SAVE_MS = 30

MakeController = Callable[..., PlannerController]
PageT = TypeVar("PageT", bound=QWidget)


class MakePage(Protocol):
    """The `make_page` fixture: a page class in, that page built on the controller out."""

    def __call__(self, page_class: type[PageT]) -> PageT: ...


def stored(path: Path) -> Profile:
    """The profile as it is on disk now."""
    return ProfileStore(path).load()
