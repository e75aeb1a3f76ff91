"""Readable at any size: every page at 800x600 and 1400x900 shows its text whole.

The checks are in ``clipping.py``: labels, buttons and combo boxes whose text does not fit,
item-view cells cut without an intended ellipsis, and sideways scrolling where none is wanted.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from clipping import clipped_texts, overlapping_siblings, sideways_scrolling
from gui_helpers import TODAY
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.core.compared_paths import ComparedPath
from planner.core.demo import demo_profile
from planner.core.profile import Profile
from planner.gui.controller import PlannerController
from planner.gui.main_window import PAGE_NAMES, MainWindow
from planner.gui.theme import Theme, apply_theme
from planner.report.charts import separate_mark_labels
from tests.helpers.samples import sample_inputs  # noqa: F401  (kept for the chart cases)

SIZES = ((800, 600), (1400, 900))
# the pages the issue saw scrolling sideways at 800x600 (the Compare grid may: four paths)
NO_SIDEWAYS = ("timeline", "milestones", "salary", "progress", "settings")


def screenshot_profile() -> Profile:
    """The demo profile with the Compare page's paths, as docs/make_screenshots.py makes it."""
    profile = demo_profile(TODAY)
    profile.compared = [
        ComparedPath(certification="CCS", specialty="inpatient-hospital", hours_per_week=10),
        ComparedPath(certification="RHIT", specialty="him", hours_per_week=15),
    ]
    return profile


@pytest.fixture(autouse=True)
def _light_theme(qapp: QApplication) -> Iterator[None]:
    """The look of the screenshots (the dark theme has the same metrics)."""
    apply_theme(Theme.LIGHT)
    yield
    apply_theme(Theme.SYSTEM)


def open_at(
    qtbot: QtBot, controller: PlannerController, page: str, size: tuple[int, int]
) -> MainWindow:
    window = MainWindow(controller, settings=None, page=page)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    if page == "salary":
        window.salary_page.ensure_chart()
    if page == "compare":
        window.compare_page.ensure_chart()
    settle()
    return window


def settle() -> None:
    """Let the layouts settle: a height that depends on a width takes a few passes."""
    for _ in range(8):
        QApplication.processEvents()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("page", PAGE_NAMES)
def test_every_page_shows_its_text_whole(
    qtbot: QtBot, make_controller: object, page: str, size: tuple[int, int]
) -> None:
    controller = make_controller(screenshot_profile())  # type: ignore[operator]
    window = open_at(qtbot, controller, page, size)
    assert (window.width(), window.height()) == size  # the page fits: the window kept its size
    assert clipped_texts(window) == []
    assert overlapping_siblings(window) == []
    if size == SIZES[0] and page in NO_SIDEWAYS:
        assert sideways_scrolling(window) == []


def test_a_settings_hint_grows_with_a_new_certification(
    qtbot: QtBot, make_controller: object
) -> None:
    controller = make_controller(screenshot_profile())  # type: ignore[operator]
    window = open_at(qtbot, controller, "settings", SIZES[0])
    page = window.settings_page
    for cert in ("CCS", "RHIT", "CPC", "CCA", "CPB"):
        index = page.certification.findData(cert)
        if index < 0:
            continue
        page.certification.setCurrentIndex(index)
        settle()
        assert page.cert_note.text()
        assert clipped_texts(window) == [], cert
        assert overlapping_siblings(window) == [], cert


_ = separate_mark_labels
