"""Fixtures for the GUI tests: the real catalog, the demo profile on disk, controller, window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import FAST_SAVE_MS, TODAY, MakeController, MakePage, PageT
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.core.catalog import Catalog
from planner.core.demo import demo_profile
from planner.core.profile import Profile
from planner.core.storage import ProfileStore
from planner.gui import dialogs
from planner.gui.controller import PlannerController
from planner.gui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _start_dates_confirmed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A far start date asks for confirmation; tests answer yes unless they check the question."""
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm_start_date", lambda _p, text: asked.append(text) or True)
    return asked


@pytest.fixture(autouse=True)
def _unclear_amounts_cancelled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """'32.000' in the US asks which amount was meant; tests cancel unless they check it."""
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_money_reading", lambda _p, text, _r: asked.append(text))
    return asked


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def profile_path(tmp_path: Path) -> Path:
    """The demo profile saved in a temporary folder."""
    path = tmp_path / "profile.json"
    ProfileStore(path).save(demo_profile(TODAY))
    return path


@pytest.fixture
def make_controller(
    qapp: QApplication, catalog: Catalog, profile_path: Path
) -> Iterator[MakeController]:
    """Controllers on the real catalog; the application exists first, as in the app."""
    made: list[PlannerController] = []

    def make(
        profile: Profile | None = None, path: Path | None = None, **options: Any
    ) -> PlannerController:
        store = ProfileStore(path or profile_path)
        if profile is None:
            profile = store.load()
        options.setdefault("autosave_ms", FAST_SAVE_MS)
        controller = PlannerController(profile, store, catalog, TODAY, **options)
        made.append(controller)
        return controller

    yield make
    for controller in made:
        # the windows are gone by now: nothing may reach their slots any more
        controller.saver.shutdown()
        controller.blockSignals(True)


@pytest.fixture
def controller(make_controller: MakeController) -> PlannerController:
    return make_controller()


@pytest.fixture
def make_page(qtbot: QtBot, controller: PlannerController) -> MakePage:
    """Build one page alone on the controller (demo profile in a temp folder), shown, no window."""

    def make(page_class: type[PageT]) -> PageT:
        page = page_class(controller)
        qtbot.addWidget(page)
        page.resize(1000, 700)
        page.show()
        qtbot.waitExposed(page)
        return page

    return make


@pytest.fixture
def window(qtbot: QtBot, controller: PlannerController) -> MainWindow:
    win = MainWindow(controller, settings=None)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    return win
