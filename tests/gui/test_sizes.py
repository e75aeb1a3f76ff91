"""Readable at any size: every page at 800x600 and 1400x900 shows its text whole.

The checks are in ``clipping.py``: labels, buttons and combo boxes whose text does not fit,
item-view cells cut without an intended ellipsis, and sideways scrolling where none is wanted.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from clipping import clipped_texts, overlapping_siblings, sideways_scrolling
from gui_helpers import TODAY
from PySide6.QtWidgets import QApplication, QScrollArea, QTabWidget
from pytestqt.qtbot import QtBot

from planner.core.catalog import Catalog
from planner.core.compared_paths import ComparedPath
from planner.core.demo import demo_profile
from planner.core.plan import build_plan
from planner.core.profile import Profile, StudyEntry
from planner.gui.controller import PlannerController
from planner.gui.main_window import PAGE_NAMES, MainWindow
from planner.gui.milestones_page import COL_NOTE, COL_TITLE
from planner.gui.salary_chart import SalaryChart
from planner.gui.theme import Theme, apply_theme
from tests.helpers.samples import sample_inputs

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
    for tabs in window.findChildren(QTabWidget):  # and every tab of the page
        if not tabs.isVisible():
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle()
            assert clipped_texts(window) == [], tabs.tabText(index)
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


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_widest_study_log_date_is_whole(
    qtbot: QtBot, make_controller: object, size: tuple[int, int]
) -> None:
    profile = screenshot_profile()
    entry = StudyEntry(day=date(2025, 11, 30), hours=2, topic="ICD-10-CM guidelines")
    profile.study_log.append(entry)
    controller = make_controller(profile)  # type: ignore[operator]
    window = open_at(qtbot, controller, "progress", size)
    table = window.progress_page.log_table
    row = table.entries.row_of(entry.id)
    assert row is not None
    assert table.text(row, 0) == "Nov 30, 2025"
    table.scrollTo(table.entries.index(row, 0))
    window.progress_page.findChild(QScrollArea, "progressScroll").ensureWidgetVisible(table)
    settle()
    assert [problem for problem in clipped_texts(table) if "Nov 30" in problem] == []
    assert not table.horizontalScrollBar().isVisible()


def test_the_step_count_is_one_line_at_800x600(qtbot: QtBot, make_controller: object) -> None:
    controller = make_controller(screenshot_profile())  # type: ignore[operator]
    window = open_at(qtbot, controller, "milestones", SIZES[0])
    summary = window.milestones_page.summary
    assert summary.text() == "3 of 18 steps done (reminders not counted)."
    assert not summary.wordWrap()  # one line, not four
    assert summary.width() >= summary.fontMetrics().horizontalAdvance(summary.text())


def test_milestone_titles_get_the_room_before_notes(qtbot: QtBot, make_controller: object) -> None:
    controller = make_controller(screenshot_profile())  # type: ignore[operator]
    window = open_at(qtbot, controller, "milestones", SIZES[0])
    tree = window.milestones_page.tree
    header = tree.header()
    x = tree.fontMetrics().horizontalAdvance("x")
    assert header.sectionSize(COL_TITLE) >= 2 * header.sectionSize(COL_NOTE)
    assert header.sectionSize(COL_TITLE) >= 35 * x  # not cut to 20 characters
    assert header.sectionSize(COL_NOTE) >= 11 * x  # a few words of a note
    window.resize(*SIZES[1])
    settle()
    tree.setProperty("elidedColumns", [COL_NOTE])  # at 1400x900 no title ends in "…"
    assert clipped_texts(tree) == []


@pytest.mark.parametrize("cert", ["CPC", "CCS"])
@pytest.mark.parametrize("income", [30_000, 32_000, 38_000])
def test_salary_legend_and_date_labels_stay_apart(
    qtbot: QtBot, catalog: Catalog, cert: str, income: int
) -> None:
    """At the chart's width in an 800x600 window and at 1400x900."""
    specialty = "inpatient-hospital" if cert == "CCS" else "risk-adjustment"
    plan = build_plan(
        sample_inputs(certification=cert, specialty=specialty, current_income=income), catalog
    )
    chart = SalaryChart()
    qtbot.addWidget(chart)
    for width, height in ((640, 300), (1250, 330)):
        chart.resize(width, height)
        chart.show()
        settle()
        chart.set_plan(plan, draw="now")
        settle()
        renderer = chart.canvas.get_renderer()
        axes = chart.axes.get_window_extent(renderer)
        legend = chart.axes.get_legend()
        assert legend is not None
        box = legend.get_window_extent(renderer)
        assert box.y0 >= axes.y1 - 1  # above the lines, not over them
        assert box.x0 >= 0 and box.x1 <= width  # and whole
        title = chart.axes.title.get_window_extent(renderer)
        assert title.y0 >= box.y1 - 1  # the title above the legend
        labels = [note.get_window_extent(renderer) for note in chart.artists["mark_labels"]]
        assert len(labels) >= 3
        for index, label in enumerate(labels):
            for other in labels[index + 1 :]:
                assert not label.overlaps(other), [
                    n.get_text() for n in chart.artists["mark_labels"]
                ]


def test_a_two_row_legend_when_the_ghost_makes_it_too_wide(qtbot: QtBot, catalog: Catalog) -> None:
    plan = build_plan(sample_inputs(current_income=32_000), catalog)
    ghost = build_plan(sample_inputs(current_income=32_000, hours_per_week=20), catalog)
    chart = SalaryChart()
    qtbot.addWidget(chart)
    chart.resize(640, 300)
    chart.show()
    chart.set_plan(plan, draw="now")
    assert chart.legend_rows == 1
    chart.set_ghost(ghost)
    chart.canvas.draw()
    renderer = chart.canvas.get_renderer()
    assert chart.legend_rows == 2
    box = chart.axes.get_legend().get_window_extent(renderer)
    assert box.width <= chart.axes.get_window_extent(renderer).width
    assert box.y0 >= chart.axes.get_window_extent(renderer).y1 - 1
    chart.set_ghost(None)
    assert chart.legend_rows == 1
