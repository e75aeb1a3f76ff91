"""The Progress page, `codepath status` and the model say the same; overdue, backdating, degree."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from gui_helpers import TODAY, MakeController
from helpers.cli import codepath
from helpers.samples import studied_profile
from pytestqt.qtbot import QtBot

from planner.core.inputs import PlanInputs
from planner.core.profile import (
    MilestoneStatus,
    Profile,
    ProgrammeProgress,
    ReplanState,
    StudyEntry,
)
from planner.core.progress import StatusKind
from planner.core.storage import ProfileStore
from planner.gui.controller import PlannerController
from planner.gui.hours_chart import axis_ticks
from planner.gui.milestones_page import MilestonesPage
from planner.gui.progress_page import ProgressPage
from planner.gui.timeline import TimelineView
from planner.report.text import OVERDUE_MARK, humanize_dates


def _inputs(
    cert: str = "CPC", start: date = TODAY - timedelta(weeks=12), **more: object
) -> PlanInputs:
    values: dict[str, object] = {
        "certification": cert,
        "specialty": "risk-adjustment",
        "start": start,
        "hours_per_week": 10,
    }
    values.update(more)
    return PlanInputs.model_validate(values)


def _cases() -> dict[str, Profile]:
    log = [StudyEntry(day=TODAY - timedelta(days=d), hours=2, topic="study") for d in (3, 10, 17)]
    steady = [
        StudyEntry(day=TODAY - timedelta(days=d), hours=4, topic="study") for d in range(1, 84, 3)
    ]
    return {
        "twelve weeks, nothing logged": Profile(inputs=_inputs()),
        "rhit started last year": Profile(
            inputs=_inputs("RHIT", date(2025, 9, 1)),
            study_log=log,
            programme=ProgrammeProgress(credits_earned=3, credits_required=60),
        ),
        "behind with a re-plan offered": Profile(inputs=_inputs(), study_log=steady),
        "an accepted re-plan": Profile(
            inputs=_inputs(),
            study_log=steady,
            replan=ReplanState(accepted_on=TODAY - timedelta(days=20), shift_days=30),
        ),
        "a far target date, an entry after today": Profile(
            inputs=_inputs(target_exam_date=date(2031, 1, 6)),
            study_log=[*steady, StudyEntry(day=TODAY + timedelta(days=2), hours=3, topic="x")],
        ),
        "studied": studied_profile(),
    }


def _page(qtbot: QtBot, controller: PlannerController) -> ProgressPage:
    page = ProgressPage(controller)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    return page


@pytest.mark.parametrize("case", list(_cases()))
def test_the_page_and_codepath_status_show_the_same_figures(
    case: str, qtbot: QtBot, make_controller: MakeController, tmp_path: Path
) -> None:
    profile = _cases()[case]
    path = tmp_path / "p.json"
    ProfileStore(path).save(profile)
    controller = make_controller(path=path)
    page = _page(qtbot, controller)
    result = codepath("status", "--profile", str(path), home=tmp_path, today=TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    cli = " ".join(humanize_dates(result.stdout).split())
    progress = controller.progress
    shown = [
        page.status_label.text()[2:],  # after the status symbol
        page.status_detail.text(),
        page.pace_label.text(),
        page.hours_label.text(),
        *page.replan_label.text().split("\n")[:1],
        *page.notes_label.text().split("\n"),
    ]
    if progress.next_step:
        shown.append(page.next_step_label.text())
    for text in filter(None, shown):
        assert " ".join(text.split()) in cli, text
    # the chart's planned line at today is the "planned so far" figure
    series = page.hours_chart.series()
    assert series is not None
    assert series.planned == progress.planned_curve or not progress.planned_curve
    assert "0 of 0" not in cli and "matches your pace" not in cli


def test_rhit_page_shows_programme_and_exam_preparation_apart(
    qtbot: QtBot, make_controller: MakeController, tmp_path: Path
) -> None:
    profile = _cases()["rhit started last year"]
    controller = make_controller(profile=profile, path=tmp_path / "r.json")
    page = _page(qtbot, controller)
    progress = controller.progress
    assert not page.programme_box.isHidden()
    assert page.credits_earned.value() == 3 and page.credits_required.value() == 60
    assert progress.status is StatusKind.BEHIND and "programme" in page.status_label.text()
    assert "On track" not in page.status_label.text()
    assert "exam preparation hours" in page.hours_label.text()
    labels = [label for _, label in axis_ticks(progress.hours_planned)]
    assert len(labels) == len(set(labels))  # never "0 h, 0 h, 1 h, 1 h"
    assert [label for _, label in axis_ticks(0)][:2] != ["0 h", "0 h"]
    page.credits_earned.setValue(45)
    page.programme_save.click()
    assert controller.profile.programme == ProgrammeProgress(credits_earned=45, credits_required=60)
    assert controller.progress.degree is not None
    assert "45 of 60 credits" in controller.progress.degree.text


def test_a_target_date_that_no_longer_fits_gets_one_click(
    qtbot: QtBot, make_controller: MakeController, tmp_path: Path
) -> None:
    profile = Profile(inputs=_inputs(hours_per_week=12, target_exam_date=date(2033, 12, 1)))
    controller = make_controller(profile=profile, path=tmp_path / "t.json")
    page = _page(qtbot, controller)
    target = controller.progress.target
    assert target is not None and not page.use_earliest.isHidden()
    page.use_earliest.click()
    assert controller.profile.inputs.target_exam_date == target.earliest
    assert controller.progress.target is None and page.use_earliest.isHidden()


def test_overdue_is_marked_on_the_list_and_the_timeline_and_done_can_be_backdated(
    qtbot: QtBot, make_controller: MakeController, tmp_path: Path
) -> None:
    controller = make_controller(profile=Profile(inputs=_inputs()), path=tmp_path / "o.json")
    overdue = controller.progress.overdue
    assert overdue
    milestones = MilestonesPage(controller)
    qtbot.addWidget(milestones)
    item = milestones.item_for(overdue[0])
    assert item is not None and OVERDUE_MARK in item.text(2)
    view = TimelineView(TODAY)
    qtbot.addWidget(view)
    view.set_plan(controller.plan, None)
    view.set_statuses({})
    marker = next(m for m in view.markers() if m.id == overdue[0])
    assert marker.overdue and "overdue" in view.summary_text()
    # backdate: the day it was really done, never after today
    assert not controller.set_milestone_done_on(overdue[0], TODAY + timedelta(days=1))
    day = TODAY - timedelta(days=30)
    assert controller.set_milestone_done_on(overdue[0], day)
    done = controller.profile.milestones[overdue[0]]
    assert (done.status, done.done_on) == (MilestoneStatus.DONE, day)
    assert overdue[0] not in controller.progress.overdue
    assert OVERDUE_MARK not in item.text(2)


def test_the_log_footer_counts_entries_from_their_day(
    qtbot: QtBot, make_controller: MakeController, tmp_path: Path
) -> None:
    log = [
        StudyEntry(day=TODAY - timedelta(days=1), hours=3.5, topic="a"),
        StudyEntry(day=TODAY + timedelta(days=5), hours=3, topic="b"),
    ]
    profile = Profile(inputs=_inputs(), study_log=log)
    controller = make_controller(profile=profile, path=tmp_path / "f.json")
    page = _page(qtbot, controller)
    assert "3.5 h up to today" in page.log_total.text()
    assert controller.progress.hours_logged == 3.5
    assert "6.5" not in page.log_total.text() and "3 h dated after today" in page.log_total.text()


def test_cli_log_and_done_and_plan_apply_the_date_rules(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    ProfileStore(path).save(Profile(inputs=_inputs()))
    today = TODAY.isoformat()
    later = (TODAY + timedelta(days=4)).isoformat()
    logged = codepath(
        "log",
        "--profile",
        str(path),
        "--hours",
        "3",
        "--topic",
        "t",
        "--date",
        later,
        home=tmp_path,
        today=today,
    )
    assert logged.returncode == 0 and "0 h up to today" in logged.stdout
    assert f"counts from {later}" in logged.stdout
    done = codepath(
        "done",
        "--profile",
        str(path),
        "p1-terminology",
        "--date",
        later,
        home=tmp_path,
        today=today,
    )
    assert done.returncode != 0 and "cannot be after today" in done.stderr
    far = [
        "plan",
        "--cert",
        "CPC",
        "--specialty",
        "risk-adjustment",
        "--start",
        "1990-01-01",
        "--hours-per-week",
        "10",
    ]
    refused = codepath(*far, home=tmp_path, today=today)
    assert refused.returncode != 0 and "--confirm-start" in refused.stderr
    assert codepath(*far, "--confirm-start", home=tmp_path, today=today).returncode == 0
