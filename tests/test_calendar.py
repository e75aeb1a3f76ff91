"""The milestones calendar (.ics): all-day events, stable UIDs, identical bytes, atomic writes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from helpers.samples import sample_inputs
from icalendar import Calendar

from planner.core.catalog import Catalog
from planner.core.plan import MilestoneKind, Plan, build_plan
from planner.core.profile import MilestoneProgress, MilestoneStatus, Profile, ReplanState
from planner.core.state import PlanState, derive
from planner.report.calendar import (
    build_calendar,
    default_stamp,
    event_uid,
    profile_key,
    write_ics,
)

TODAY = date(2027, 9, 1)


def make_profile(**changes: object) -> Profile:
    return Profile(name="Jordan Rivera", inputs=sample_inputs(**changes))


@pytest.fixture(scope="module")
def profile() -> Profile:
    return make_profile()


@pytest.fixture(scope="module")
def state(profile: Profile, catalog: Catalog) -> PlanState:
    return derive(profile, catalog, TODAY)


@pytest.fixture(scope="module")
def plan(state: PlanState) -> Plan:
    return state.plan


def events(data: bytes) -> list[Any]:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_every_milestone_is_an_all_day_event(
    state: PlanState, plan: Plan, profile: Profile
) -> None:
    data = build_calendar(state)
    parsed = Calendar.from_ical(data)
    assert str(parsed["version"]) == "2.0" and "Coding Path Planner" in str(parsed["prodid"])
    found = {str(e["uid"]): e for e in parsed.walk("VEVENT")}
    milestones = plan.milestones()
    assert len(found) == len(milestones)
    for milestone in milestones:
        event = found[event_uid(milestone, profile)]
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is date and type(end) is date  # all-day, not a date-time
        assert start == milestone.due and end == milestone.due + timedelta(days=1)
        assert str(event["summary"]) == milestone.title
        assert str(event["description"]) == milestone.why
        assert event.decoded("dtstamp") == default_stamp(state)
        assert event["categories"].to_ical().decode() == milestone.kind.label
    text = data.decode("utf-8")
    assert text.count("DTSTART;VALUE=DATE:") == len(milestones)
    assert text.count("DTEND;VALUE=DATE:") == len(milestones)
    assert "\r\n" in text


def test_exam_codeset_and_ceu_dates_are_in(state: PlanState, plan: Plan, profile: Profile) -> None:
    found = {str(e["uid"]): e for e in events(build_calendar(state))}
    exam = plan.milestone("p2-exam")
    assert exam is not None and exam.due == plan.exam_date
    assert found[event_uid(exam, profile)].decoded("dtstart") == plan.exam_date
    kinds = {m.kind for m in plan.milestones()}
    assert {MilestoneKind.EXAM, MilestoneKind.CODESET, MilestoneKind.CEU} <= kinds
    for milestone in plan.milestones():
        if milestone.kind in (MilestoneKind.CODESET, MilestoneKind.CEU):
            assert event_uid(milestone, profile) in found


def test_uids_are_unique_and_readable(plan: Plan, profile: Profile) -> None:
    uids = [event_uid(m, profile) for m in plan.milestones()]
    assert len(set(uids)) == len(uids)
    key = profile_key(profile)
    for milestone, uid in zip(plan.milestones(), uids, strict=True):
        assert uid == f"{milestone.id}-{key}@codepath-planner"


def test_exporting_twice_gives_identical_bytes(
    state: PlanState, tmp_path: Path, plan: Plan, profile: Profile
) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    write_ics(state, first)
    write_ics(state, second)
    assert first.read_bytes() == second.read_bytes() == build_calendar(state)
    write_ics(state, first)  # over an existing file
    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ics", "b.ics"]  # no temp left


def test_uids_survive_progress_and_pace_changes(catalog: Catalog, profile: Profile) -> None:
    """Re-importing after a change updates the same events instead of adding new ones."""
    before = build_plan(profile.inputs, catalog)
    uids = {m.id: event_uid(m, profile) for m in before.milestones()}
    changed = make_profile(hours_per_week=20)
    changed.milestones["p1-terminology"] = MilestoneProgress(
        status=MilestoneStatus.DONE, done_on=date(2027, 2, 1)
    )
    after = build_plan(changed.inputs, catalog)
    assert after.exam_date != before.exam_date
    for milestone in after.milestones():
        if milestone.id in uids:
            assert event_uid(milestone, changed) == uids[milestone.id]


def test_another_plan_gets_other_uids(profile: Profile) -> None:
    assert profile_key(make_profile(start=date(2028, 1, 3))) != profile_key(profile)
    assert profile_key(make_profile(certification="CCS")) != profile_key(profile)


def test_replan_moves_dates_and_the_stamp(catalog: Catalog) -> None:
    profile = make_profile()
    profile.replan = ReplanState(accepted_on=date(2027, 6, 1), shift_days=30)
    state = derive(profile, catalog, TODAY)
    plan = state.plan
    assert plan.exam_date > state.baseline.exam_date  # the calendar follows the current plan
    stamp = default_stamp(state)
    assert stamp == datetime(2027, 6, 1, tzinfo=UTC)
    found = {str(e["uid"]): e for e in events(build_calendar(state))}
    exam = plan.milestone("p2-exam")
    assert exam is not None
    assert found[event_uid(exam, profile)].decoded("dtstart") == plan.exam_date


def test_explicit_stamp(state: PlanState, plan: Plan, profile: Profile) -> None:
    naive = datetime(2027, 3, 1, 9, 30, 15, 999)
    aware = datetime(2027, 3, 1, 10, 30, 15, tzinfo=timezone(timedelta(hours=1)))
    data = build_calendar(state, stamp=naive)
    assert b"DTSTAMP:20270301T093015Z" in data
    assert build_calendar(state, stamp=aware) == data


def test_unwritable_path_raises_oserror_naming_it(
    state: PlanState, tmp_path: Path, plan: Plan, profile: Profile
) -> None:
    target = tmp_path / "missing" / "plan.ics"
    with pytest.raises(OSError) as info:
        write_ics(state, target)
    assert info.value.filename == str(target)
    with pytest.raises(IsADirectoryError):
        write_ics(state, tmp_path)
    assert list(tmp_path.iterdir()) == []
