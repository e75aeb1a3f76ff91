"""Each page built alone on a controller, no main window: it shows the plan and follows edits."""

from __future__ import annotations

from gui_helpers import MakePage
from pytestqt.qtbot import QtBot

from planner.gui.controller import PlannerController
from planner.gui.milestones_page import COL_STATUS, COL_TITLE, MilestonesPage
from planner.gui.progress_page import ProgressPage
from planner.gui.salary_page import SalaryPage
from planner.gui.settings_page import SettingsPage
from planner.gui.timeline_page import TimelinePage
from planner.gui.widgets import fmt_date
from planner.report.charts import salary_source_line


def test_timeline_page(make_page: MakePage, controller: PlannerController) -> None:
    page = make_page(TimelinePage)
    assert page.window() is page  # no main window around it
    plan = controller.plan
    assert "Certified Professional Coder (CPC)" in page.title.text()
    assert [row.name for row in page.view.phase_rows()] == [phase.name for phase in plan.phases]
    assert page.key_dates["exam"].text() == fmt_date(plan.exam_date)
    assert controller.update_inputs(hours_per_week=controller.profile.inputs.hours_per_week * 2)
    assert controller.plan.exam_date < plan.exam_date
    assert page.key_dates["exam"].text() == fmt_date(controller.plan.exam_date)


def test_milestones_page(make_page: MakePage, controller: PlannerController) -> None:
    page = make_page(MilestonesPage)
    plan = controller.plan
    assert page.tree.topLevelItemCount() == len(plan.phases)
    first = page.tree.topLevelItem(0)
    assert first is not None
    assert first.text(COL_TITLE).startswith(f"Phase 1 · {plan.phases[0].name}")
    done = page.item_for("p1-terminology")
    assert done is not None and done.text(COL_STATUS) == "Done"
    course = page.item_for("p1-course")
    assert course is not None and course.text(COL_STATUS) != "Done"
    assert controller.set_milestone_done("p1-course", True)
    course = page.item_for("p1-course")
    assert course is not None and course.text(COL_STATUS) == "Done"


def test_salary_page(qtbot: QtBot, make_page: MakePage, controller: PlannerController) -> None:
    page = make_page(SalaryPage)
    qtbot.waitUntil(lambda: page.chart is not None, timeout=10_000)
    chart = page.chart
    assert chart is not None
    plan = controller.plan
    assert chart.median_values() == [float(row.median) for row in plan.salary]
    assert page.source_label.text() == salary_source_line(plan)
    assert page.salary_table.rowCount() == len(plan.salary)
    assert page.costs_table.rowCount() > 0


def test_progress_page(make_page: MakePage, controller: PlannerController) -> None:
    page = make_page(ProgressPage)
    progress = controller.progress
    headline = progress.status_text.partition(": ")[0]
    assert headline.startswith("Behind by")
    assert page.status_label.text().endswith(headline)
    assert page.readiness_label.text() == progress.readiness.text
    before = page.hours_bar.text()
    assert before.startswith(f"{progress.hours_logged:g} of ")
    assert controller.log_study(controller.today, 2.5, "CPT modifiers")
    assert page.hours_bar.text().startswith(f"{progress.hours_logged + 2.5:g} of ")


def test_settings_page(make_page: MakePage, controller: PlannerController) -> None:
    page = make_page(SettingsPage)
    inputs = controller.profile.inputs
    assert page.certification.currentData() == inputs.certification == "CPC"
    assert page.specialty.currentData() == inputs.specialty
    assert page.hours.value() == inputs.hours_per_week
    assert page.name.text() == controller.profile.name
    assert controller.update_inputs(hours_per_week=inputs.hours_per_week + 3)
    assert page.hours.value() == controller.profile.inputs.hours_per_week
