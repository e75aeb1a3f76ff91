"""The timeline's what-if: a ghost of the plan at other hours or start, Apply, Undo, Reset."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import numpy as np
from gui_helpers import MakePage, stored
from matplotlib.figure import Figure
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.core.catalog import Catalog
from planner.core.inputs import PlanInputs
from planner.core.plan import Plan, build_plan
from planner.core.state import plan_for
from planner.gui.controller import PlannerController
from planner.gui.salary_chart import SalaryChart
from planner.gui.timeline import RANGE_ALL
from planner.gui.timeline_page import WHAT_IF_HINT, TimelinePage, shift_text
from planner.gui.widgets import fmt_date, to_qdate
from planner.report.charts import plot_salary, salary_geometry


def at(inputs: PlanInputs, catalog: Catalog, **changes: Any) -> Plan:
    """The core's plan for ``inputs`` with some fields changed (built afresh, not cached)."""
    return build_plan(inputs.model_copy(update=changes), catalog)


def wait_for_ghost(qtbot: QtBot, page: TimelinePage) -> Plan:
    qtbot.waitUntil(lambda: page.ghost is not None, timeout=5000)
    assert page.ghost is not None
    return page.ghost


def test_moving_the_slider_shows_the_ghost_exam_date_without_changing_the_plan(
    qtbot: QtBot, make_page: MakePage, controller: PlannerController, catalog: Catalog
) -> None:
    page = make_page(TimelinePage)
    inputs = controller.profile.inputs
    plan_before = controller.state.plan
    on_disk = stored(controller.path)
    assert page.what_if_summary.text() == WHAT_IF_HINT
    assert page.what_if_hours.value() == inputs.hours_per_week
    assert not page.what_if_apply.isEnabled()
    assert page.what_if_slider.accessibleName() == "What-if study hours per week"

    page.what_if_slider.setFocus()
    for _ in range(3):  # Page Up: two hours more each time
        qtbot.keyClick(page.what_if_slider, Qt.Key.Key_PageUp)
    hours = inputs.hours_per_week + 6
    ghost = wait_for_ghost(qtbot, page)

    expected = at(inputs, catalog, hours_per_week=hours)
    assert page.what_if_hours.value() == hours
    assert ghost.exam_date == expected.exam_date
    assert expected.exam_date < plan_before.exam_date
    summary = page.what_if_summary.text()
    assert summary.startswith(f"What if {hours:g} h/week (dashed ghost): ")
    weeks = shift_text(plan_before.exam_date, expected.exam_date)
    assert (
        f"{plan_before.exam_credential} exam: {fmt_date(plan_before.exam_date)} → "
        f"{fmt_date(expected.exam_date)} ({weeks})"
    ) in summary
    assert weeks.endswith("weeks earlier")
    assert page.view.accessibleDescription().endswith(
        f"What-if plan, dashed: {expected.exam_credential} exam {fmt_date(expected.exam_date)}, "
        f"specialized {fmt_date(expected.specialized_date)}."
    )
    assert [(r.number, r.start, r.end) for r in page.view.ghost_rows()] == [
        (p.number, p.start, p.end) for p in expected.phases
    ]
    # the profile, the derived plan, the undo history and the file are untouched
    assert controller.profile.inputs == inputs
    assert controller.state.plan is plan_before
    assert controller.undo_stack.count() == 0
    assert stored(controller.path) == on_disk
    assert page.key_dates["exam"].text() == fmt_date(plan_before.exam_date)


def test_a_fast_drag_builds_one_ghost(
    qtbot: QtBot, make_page: MakePage, controller: PlannerController, catalog: Catalog
) -> None:
    page = make_page(TimelinePage)
    ghosts: list[Plan | None] = []
    page.whatIfChanged.connect(ghosts.append)
    start = page.what_if_slider.value()
    for step in range(1, 30):  # thirty slider moves before the event loop runs
        page.what_if_slider.setValue(start + step)
    assert ghosts == []
    wait_for_ghost(qtbot, page)
    hours = (start + 29) / 2
    assert len(ghosts) == 1
    assert ghosts[0] is plan_for(
        controller.profile.inputs.model_copy(update={"hours_per_week": hours}), catalog
    )


def test_the_start_date_moves_the_ghost(
    qtbot: QtBot, make_page: MakePage, controller: PlannerController, catalog: Catalog
) -> None:
    page = make_page(TimelinePage)
    inputs = controller.profile.inputs
    later = inputs.start + timedelta(days=91)
    page.what_if_start.setDate(to_qdate(later))
    ghost = wait_for_ghost(qtbot, page)
    expected = at(inputs, catalog, start=later)
    assert ghost.exam_date == expected.exam_date
    assert f"from {fmt_date(later)}" in page.what_if_summary.text()
    assert f"→ {fmt_date(expected.exam_date)}" in page.what_if_summary.text()
    assert controller.profile.inputs.start == inputs.start


def test_apply_is_one_undoable_change_of_hours_and_start(
    qtbot: QtBot, make_page: MakePage, controller: PlannerController, catalog: Catalog
) -> None:
    page = make_page(TimelinePage)
    inputs = controller.profile.inputs
    plan_before = controller.plan
    later = inputs.start + timedelta(days=28)
    page.what_if_hours.setValue(16)
    page.what_if_start.setDate(to_qdate(later))
    wait_for_ghost(qtbot, page)
    expected = at(inputs, catalog, hours_per_week=16.0, start=later)

    qtbot.mouseClick(page.what_if_apply, Qt.MouseButton.LeftButton)
    assert controller.profile.inputs.hours_per_week == 16
    assert controller.profile.inputs.start == later
    assert controller.plan.exam_date == expected.exam_date
    assert controller.plan.phases == expected.phases
    assert controller.undo_stack.count() == 1
    assert (
        controller.undo_stack.undoText() == f"What if: study 16 h/week and start {fmt_date(later)}"
    )
    # the applied plan is the plan now: no ghost, the controls show its values
    assert page.ghost is None and page.view.ghost() is None
    assert page.key_dates["exam"].text() == fmt_date(expected.exam_date)
    assert page.what_if_hours.value() == 16
    qtbot.waitUntil(lambda: stored(controller.path).inputs.hours_per_week == 16, timeout=5000)

    controller.undo_stack.undo()
    assert controller.profile.inputs == inputs
    assert controller.plan.exam_date == plan_before.exam_date
    assert page.ghost is None
    assert page.what_if_hours.value() == inputs.hours_per_week
    assert page.what_if_start.date() == to_qdate(inputs.start)
    assert page.key_dates["exam"].text() == fmt_date(plan_before.exam_date)


def test_reset_drops_the_ghost(
    qtbot: QtBot, make_page: MakePage, controller: PlannerController
) -> None:
    page = make_page(TimelinePage)
    inputs = controller.profile.inputs
    page.what_if_hours.setValue(4)
    wait_for_ghost(qtbot, page)
    assert page.what_if_reset.isEnabled()
    qtbot.mouseClick(page.what_if_reset, Qt.MouseButton.LeftButton)
    assert page.ghost is None and page.view.ghost() is None
    assert page.view.ghost_rows() == []
    assert page.what_if_summary.text() == WHAT_IF_HINT
    assert page.what_if_hours.value() == inputs.hours_per_week
    assert page.what_if_slider.value() == round(inputs.hours_per_week * 2)
    assert not page.what_if_apply.isEnabled()
    assert controller.undo_stack.count() == 0


def test_moving_the_ghost_repaints_only_the_ghost(
    qtbot: QtBot, make_page: MakePage, controller: PlannerController, catalog: Catalog
) -> None:
    page = make_page(TimelinePage)
    view = page.view
    view.set_range(RANGE_ALL)  # the whole plan: a ghost that ends sooner keeps the axis
    inputs = controller.profile.inputs
    faster, fastest = (at(inputs, catalog, hours_per_week=h) for h in (14, 20))
    view.set_ghost(faster)
    view.grab()
    painted = view.base_paints
    range_before = view.visible_range()
    view.set_ghost(fastest)
    assert view.visible_range() == range_before
    assert not view.grab().isNull()
    assert view.base_paints == painted  # the plan layer came from the cache
    view.set_ghost(None)
    assert view.ghost_rows() == []
    assert view.visible_range() == range_before
    view.set_plan(controller.plan)  # a new plan is painted afresh
    view.grab()
    assert view.base_paints == painted + 1


def plotted(chart_artists: dict[str, Any], axes: Any) -> dict[str, Any]:
    """Everything a plan puts on the salary chart, as plain numbers and strings."""
    return {
        "lines": {
            name: np.asarray(chart_artists[name].get_xydata()).tolist()
            for name in ("low", "median", "high")
        },
        "band": [
            np.asarray(p.vertices).round(9).tolist() for p in chart_artists["band"].get_paths()
        ],
        "phases": [
            (span.get_x(), span.get_width(), text.get_position(), text.get_text())
            for span, text in chart_artists["phases"]
        ],
        "marks": [(label, list(line.get_xdata())) for label, line in chart_artists["marks"]],
        "mark_labels": [(note.get_text(), tuple(note.xy)) for note in chart_artists["mark_labels"]],
        "income": list(chart_artists["income"].get_ydata()) if "income" in chart_artists else None,
        "xlim": axes.get_xlim(),
        "ylim": axes.get_ylim(),
        "xticks": list(axes.get_xticks()),
        "title": axes.get_title(),
    }


def test_the_in_place_chart_update_draws_what_a_fresh_plot_draws(
    qtbot: QtBot, controller: PlannerController, catalog: Catalog
) -> None:
    inputs = controller.profile.inputs
    first, second = (at(inputs, catalog, hours_per_week=h) for h in (10, 16))
    assert salary_geometry(first).layout_key == salary_geometry(second).layout_key
    assert first.exam_date != second.exam_date
    chart = SalaryChart()
    qtbot.addWidget(chart)
    chart.set_plan(first, draw="now")
    chart.set_plan(second, draw="now")
    assert chart.replots == 1  # the second plan moved the artists
    fresh_axes = Figure().add_subplot()
    fresh = plot_salary(fresh_axes, second)
    assert plotted(chart.artists, chart.axes) == plotted(fresh, fresh_axes)
    assert chart.median_values() == [float(row.median) for row in second.salary]


def test_a_chart_with_other_artists_is_plotted_afresh(
    qtbot: QtBot, controller: PlannerController, catalog: Catalog
) -> None:
    inputs = controller.profile.inputs
    with_income = at(inputs, catalog, current_income=41_000.0)
    without = at(inputs, catalog, current_income=None)
    chart = SalaryChart()
    qtbot.addWidget(chart)
    chart.set_plan(with_income, draw="now")
    chart.set_plan(without, draw="now")
    assert chart.replots == 2
    fresh_axes = Figure().add_subplot()
    assert plotted(chart.artists, chart.axes) == plotted(
        plot_salary(fresh_axes, without), fresh_axes
    )


def test_the_chart_ghost_is_the_what_if_median(
    qtbot: QtBot, controller: PlannerController, catalog: Catalog
) -> None:
    inputs = controller.profile.inputs
    chart = SalaryChart()
    qtbot.addWidget(chart)
    chart.resize(800, 360)
    chart.show()
    chart.set_plan(controller.plan, draw="now")
    ghost = at(inputs, catalog, hours_per_week=5)
    chart.set_ghost(ghost)
    chart.canvas.draw()
    assert chart.ghost_values() == [float(row.median) for row in ghost.salary]
    assert "What if (median)" in [t.get_text() for t in chart.axes.get_legend().get_texts()]
    drawn = chart.draw_count
    faster = at(inputs, catalog, hours_per_week=20)
    chart.set_ghost(faster)  # blitted over the drawn chart: no new draw
    assert chart.draw_count == drawn
    assert chart.ghost_values() == [float(row.median) for row in faster.salary]
    chart.set_ghost(None)
    assert chart.ghost_values() == []
    assert "What if (median)" not in [t.get_text() for t in chart.axes.get_legend().get_texts()]


def test_shift_text() -> None:
    day = date(2027, 3, 3)
    assert shift_text(day, day) == "no change"
    assert shift_text(day, day + timedelta(days=1)) == "1 day later"
    assert shift_text(day, day - timedelta(days=13)) == "13 days earlier"
    assert shift_text(day, date(2027, 1, 12)) == "7 weeks earlier"


def test_a_blitted_update_shows_what_a_full_draw_shows(
    qtbot: QtBot, controller: PlannerController, catalog: Catalog
) -> None:
    inputs = controller.profile.inputs
    chart = SalaryChart()
    qtbot.addWidget(chart)
    chart.resize(800, 360)
    chart.show()
    qtbot.waitExposed(chart)
    first, second = (at(inputs, catalog, hours_per_week=h) for h in (10, 8))
    assert salary_geometry(first).top == salary_geometry(second).top  # the same axes
    assert salary_geometry(first).median != salary_geometry(second).median
    chart.set_plan(first, draw="now")
    draws = chart.draw_count
    chart.set_plan(second)
    chart.set_ghost(at(inputs, catalog, hours_per_week=6))
    chart.canvas.draw()  # the ghost's legend entry
    chart.set_ghost(at(inputs, catalog, hours_per_week=7))
    assert chart.blit_count == 2 and chart.draw_count == draws + 1
    blitted = np.asarray(chart.canvas.buffer_rgba()).copy()
    chart.canvas.draw()
    assert np.array_equal(blitted, np.asarray(chart.canvas.buffer_rgba()))
