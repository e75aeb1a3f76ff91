"""Calendar export choices: busy exams with reminders, done steps dated or left out, a weekly
study block, and a SEQUENCE that grows when a step moves or is done."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from helpers.cli import PLAN, codepath
from helpers.samples import sample_inputs
from icalendar import Calendar

from planner.core.catalog import Catalog
from planner.core.profile import MilestoneProgress, MilestoneStatus, Profile, ReplanState
from planner.core.state import derive
from planner.report.calendar import (
    CalendarOptions,
    DoneSteps,
    build_calendar,
    event_uid,
)

TODAY = date(2027, 9, 1)


def _profile() -> Profile:
    return Profile(name="Jordan Rivera", inputs=sample_inputs())


def _events(data: bytes) -> dict[str, Any]:
    return {str(e["uid"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


def test_exams_and_deadlines_are_busy_with_two_reminders(catalog: Catalog) -> None:
    state = derive(_profile(), catalog, TODAY)
    found = _events(build_calendar(state))
    exam = found[event_uid(state.plan.milestone("p2-exam"), state.profile)]  # type: ignore[arg-type]
    assert str(exam["transp"]) == "OPAQUE"
    alarms = exam.walk("VALARM")
    assert sorted(a.decoded("trigger") for a in alarms) == [timedelta(days=-7), timedelta(days=-1)]
    assert all(str(a["action"]) == "DISPLAY" for a in alarms)
    task = next(m for m in state.plan.milestones() if m.kind.value == "task")
    assert str(found[event_uid(task, state.profile)]["transp"]) == "TRANSPARENT"
    assert not found[event_uid(task, state.profile)].walk("VALARM")


def test_done_steps_are_dated_when_done_or_left_out(catalog: Catalog) -> None:
    profile = _profile()
    profile.milestones["p1-terminology"] = MilestoneProgress(
        status=MilestoneStatus.DONE, done_on=date(2027, 2, 1)
    )
    profile.milestones["p1-icd10cm"] = MilestoneProgress(status=MilestoneStatus.SKIPPED)
    state = derive(profile, catalog, TODAY)
    done = state.plan.milestone("p1-terminology")
    assert done is not None and done.due != date(2027, 2, 1)
    found = _events(build_calendar(state))
    event = found[event_uid(done, profile)]
    assert event.decoded("dtstart") == date(2027, 2, 1)
    assert str(event["summary"]).startswith("Done: ")
    assert int(event["sequence"]) == 1 + (date(2027, 2, 1) - profile.inputs.start).days
    skipped = state.plan.milestone("p1-icd10cm")
    assert skipped is not None and event_uid(skipped, profile) not in found
    omitted = _events(build_calendar(state, options=CalendarOptions(done=DoneSteps.OMIT)))
    assert event_uid(done, profile) not in omitted
    assert len(omitted) == len(found) - 1


def test_weekly_study_block_repeats_at_the_planned_hours(catalog: Catalog) -> None:
    state = derive(_profile(), catalog, TODAY)
    data = build_calendar(state, options=CalendarOptions(weekly_study=True))
    block = next(e for e in _events(data).values() if str(e["uid"]).startswith("study-block-"))
    rule = block["rrule"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["MO", "TU", "WE", "TH", "FR"]
    assert rule["UNTIL"][0].date() == state.plan.exam_date
    hours = state.plan.inputs.hours_per_week
    assert block.decoded("duration") * 5 == timedelta(hours=hours)  # 12 h: 5 x 2 h 24 min
    assert block.decoded("dtstart") == datetime.combine(
        state.plan.inputs.start, datetime.min.time()
    ).replace(hour=18)
    assert b"RRULE:FREQ=WEEKLY;UNTIL=" in data
    assert "study-block" not in build_calendar(state).decode()


def test_sequence_grows_when_a_replan_moves_a_step(catalog: Catalog) -> None:
    profile = _profile()
    first = derive(profile, catalog, TODAY)
    exam = first.plan.milestone("p2-exam")
    assert exam is not None
    uid = event_uid(exam, profile)
    assert int(_events(build_calendar(first))[uid]["sequence"]) == 0
    profile.replan = ReplanState(accepted_on=date(2027, 6, 1), shift_days=30)
    moved = derive(profile, catalog, TODAY)
    once = int(_events(build_calendar(moved))[uid]["sequence"])
    profile.replan = ReplanState(
        accepted_on=date(2027, 8, 1), shift_days=10, previous=profile.replan
    )
    again = int(_events(build_calendar(derive(profile, catalog, TODAY)))[uid]["sequence"])
    assert 0 < once < again
    assert build_calendar(moved) == build_calendar(moved)  # still the same bytes


def test_cli_calendar_flags(tmp_path: Path) -> None:
    assert codepath(*PLAN, "--save", home=tmp_path).returncode == 0
    target = tmp_path / "plan.ics"
    done = codepath("done", "p1-terminology", home=tmp_path)
    assert done.returncode == 0, done.stderr
    result = codepath(
        "export", "--ics", str(target), "--done", "omit", "--weekly-study", home=tmp_path
    )
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert "RRULE:FREQ=WEEKLY" in text and "Done: " not in text
    assert "TRANSP:OPAQUE" in text and "BEGIN:VALARM" in text
