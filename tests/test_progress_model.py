"""The one progress model: its invariants as properties, and one regression per issue-13 item."""

from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.catalog import default_catalog
from planner.core.inputs import PlanInputs
from planner.core.plan import MilestoneKind, Plan, build_plan, ceu_milestones, credential_timeline
from planner.core.profile import (
    MilestoneProgress,
    MilestoneStatus,
    Profile,
    ProgrammeProgress,
    StudyEntry,
    day_after_today,
)
from planner.core.progress import (
    Progress,
    StatusKind,
    at_day,
    next_replan_state,
    replan_preview,
    start_date_problem,
)
from planner.core.state import derive
from planner.report.text import progress_to_text

CATALOG = default_catalog()
START = date(2026, 3, 2)  # a Monday
OFFERED = (StatusKind.AHEAD, StatusKind.BEHIND)


def inputs(cert: str = "CPC", hours: float = 10, **changes: object) -> PlanInputs:
    values: dict[str, object] = {
        "certification": cert,
        "specialty": "risk-adjustment",
        "start": START,
        "hours_per_week": hours,
    }
    values.update(changes)
    return PlanInputs.model_validate(values)


def weekly(first: date, weeks: int, hours: float) -> list[StudyEntry]:
    return [
        StudyEntry(day=first + timedelta(weeks=w, days=1), hours=hours, topic="study")
        for w in range(weeks)
    ]


def progress_of(profile: Profile, today: date) -> Progress:
    return derive(profile, CATALOG, today).progress


def accepted(profile: Profile, day: date) -> Profile:
    """The profile after accepting the re-plan offered on ``day`` (unchanged when none)."""
    shift = progress_of(profile, day).proposed_shift_days
    if not shift:
        return profile
    return profile.model_copy(update={"replan": next_replan_state(profile, day, shift)})


# ---------------------------------------------------------------- random plans, logs, dates


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Profile, date]:
    cert = draw(st.sampled_from(["CPC", "CCS", "RHIT"]))
    background = draw(st.sampled_from(["none", "coding", "healthcare"]))
    hours = draw(st.sampled_from([0.5, 3, 8, 12, 20]))
    target = draw(st.none() | st.integers(min_value=30, max_value=2500))
    plan_inputs = inputs(
        cert,
        hours,
        background=background,
        target_exam_date=START + timedelta(days=target) if target is not None else None,
    )
    # steady study at some share of the plan's pace, in sessions every few days, plus strays
    share = draw(st.sampled_from([0.0, 0.3, 0.6, 0.9, 1.0, 1.2, 1.6, 2.5]))
    every = draw(st.integers(1, 7))
    day = draw(st.integers(-20, 40) | st.integers(0, 500))
    first = draw(st.integers(-10, max(-10, day - 14)))
    last = day - draw(st.sampled_from([0, 0, 3, 10, 40]))
    per_session = round(hours * share * every / 7, 2)
    log = [
        StudyEntry(day=START + timedelta(days=d), hours=min(24, per_session), topic="study")
        for d in range(first, last, every)
        if per_session > 0
    ]
    log += [
        StudyEntry(day=START + timedelta(days=d), hours=h, topic="extra")
        for d, h in draw(
            st.lists(
                st.tuples(st.integers(-30, 1400), st.sampled_from([0.5, 2, 8])),
                max_size=8,
            )
        )
    ]
    programme = draw(
        st.none()
        | st.builds(
            lambda earned, required: ProgrammeProgress(
                credits_earned=min(earned, required), credits_required=required
            ),
            st.integers(0, 60),
            st.integers(30, 70),
        )
    )
    profile = Profile(inputs=plan_inputs, study_log=log, programme=programme)
    today = START + timedelta(days=day)
    if draw(st.booleans()):  # a re-plan accepted on an earlier day
        earlier = today - timedelta(days=draw(st.integers(0, 200)))
        if earlier >= START:
            profile = accepted(profile, earlier)
    return profile, today


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(scenarios())
def test_the_status_word_agrees_with_the_weeks_and_the_replan(case: tuple[Profile, date]) -> None:
    profile, today = case
    progress = progress_of(profile, today)
    weeks = progress.weeks_off
    if progress.status is StatusKind.BEHIND:
        assert weeks <= -1 and re.match(rf"Behind by {-weeks} weeks?\b", progress.headline)
    elif progress.status is StatusKind.AHEAD:
        assert weeks >= 1 and re.match(rf"Ahead by {weeks} weeks?\b", progress.headline)
    else:
        assert weeks == 0
    shift = progress.proposed_shift_days
    if shift is not None:
        assert progress.status in OFFERED
        assert (shift > 0) == (progress.status is StatusKind.BEHIND)
        assert shift != 0
    if progress.status not in OFFERED:
        assert shift is None and not progress.projected
    text = progress.status_text
    assert "matches your pace" not in text
    if progress.status is StatusKind.NO_DATA:
        assert "nothing to re-plan" not in text and progress.next_step
    if progress.status is StatusKind.ON_TRACK:
        assert "Behind" not in text and "Ahead" not in text


@PROPERTY
@given(scenarios())
def test_a_slower_pace_never_moves_open_milestones_earlier(case: tuple[Profile, date]) -> None:
    profile, today = case
    state = derive(profile, CATALOG, today)
    progress = state.progress
    shift = progress.proposed_shift_days
    if shift is None:
        return
    pace, planned = progress.pace.per_week, progress.pace.planned_per_week
    assert not (pace < planned and shift < 0)
    assert not (pace > planned and shift > 0)
    preview = replan_preview(state.baseline, profile, CATALOG, today, shift)
    closed = {mid for mid, p in profile.milestones.items() if p.status is MilestoneStatus.DONE}
    for milestone in state.plan.milestones():
        moved = preview.milestone(milestone.id)
        if moved is None or milestone.is_reminder or milestone.id in closed:
            continue
        if milestone.due < today:
            continue  # overdue and open: due today in the re-plan
        if shift > 0:
            assert moved.due >= milestone.due, milestone.id
        else:
            assert moved.due <= milestone.due, milestone.id


@PROPERTY
@given(scenarios())
def test_the_preview_is_the_plan_you_get_by_accepting(case: tuple[Profile, date]) -> None:
    profile, today = case
    state = derive(profile, CATALOG, today)
    shift = state.progress.proposed_shift_days
    if shift is None:
        return
    after = derive(accepted(profile, today), CATALOG, today)
    preview = replan_preview(state.baseline, profile, CATALOG, today, shift)
    assert after.plan == preview
    projected = {number: new for number, _old, new in state.progress.projected}
    for phase in after.plan.phases:
        if phase.number in projected:
            assert projected[phase.number] == phase.end


@PROPERTY
@given(scenarios())
def test_the_planned_line_at_today_is_the_planned_so_far_figure(
    case: tuple[Profile, date],
) -> None:
    profile, today = case
    progress = progress_of(profile, today)
    line = at_day(progress.planned_curve, today)
    assert round(line, 1) == progress.expected_hours
    if "planned hours so far" in progress.detail:
        assert f"{progress.expected_hours:.0f} planned hours so far" in progress.detail
    if progress.planned_curve:
        assert progress.planned_curve[-1][1] == progress.hours_planned
    if profile.replan is not None and progress.planned_curve:
        # after a re-plan the line starts on the day it was accepted, not at the original start
        assert progress.planned_curve[0][0] == profile.replan.accepted_on


@PROPERTY
@given(scenarios())
def test_a_replan_lists_the_reminders_a_fresh_plan_with_its_dates_lists(
    case: tuple[Profile, date],
) -> None:
    profile, today = case
    if profile.replan is None:
        return
    plan = derive(profile, CATALOG, today).plan
    _assert_reminders_like_a_fresh_plan(plan)


def _assert_reminders_like_a_fresh_plan(plan: Plan) -> None:
    # CEU deadlines come from the credentials held on the plan's own dates, as when building
    timeline = credential_timeline(plan, CATALOG)
    expected = ceu_milestones(timeline, plan.certification, CATALOG, plan.exam_date, plan.finish)
    listed = [m for m in plan.milestones() if m.kind is MilestoneKind.CEU]
    assert sorted((m.due, m.id) for m in listed) == sorted((m.due, m.id) for m in expected)
    for update in CATALOG.training.codeset_updates:
        days = sorted(
            m.due
            for m in plan.milestones()
            if m.kind is MilestoneKind.CODESET and m.id.startswith(f"codeset-{update.id}-")
        )
        years = [d.year for d in days]
        assert years == list(range(years[0], years[0] + len(years)))  # one a year, no gaps
        assert (plan.finish - days[-1]).days < 366


@PROPERTY
@given(scenarios(), st.integers(1, 400), st.sampled_from([1.0, 6.5]))
def test_a_future_dated_entry_counts_nowhere_until_its_day(
    case: tuple[Profile, date], ahead: int, hours: float
) -> None:
    profile, today = case
    future = StudyEntry(day=today + timedelta(days=ahead), hours=hours, topic="later")
    with_future = profile.model_copy(update={"study_log": [*profile.study_log, future]})
    before, after = progress_of(profile, today), progress_of(with_future, today)
    same = ("status", "headline", "detail", "hours_logged", "expected_hours", "pace", "weeks_off")
    for field in same:
        assert getattr(before, field) == getattr(after, field), field
    assert after.proposed_shift_days == before.proposed_shift_days
    assert after.hours_future == round(before.hours_future + hours, 2)
    on_its_day = progress_of(with_future, future.day)
    assert on_its_day.hours_future == round(
        sum(e.hours for e in with_future.study_log if e.day > future.day), 2
    )


# ---------------------------------------------------------------- the seven items, one by one


def test_item1_twelve_weeks_in_nothing_logged_says_so_and_claims_no_pace() -> None:
    today = START + timedelta(weeks=12)
    progress = progress_of(Profile(inputs=inputs()), today)
    assert progress.status is StatusKind.NO_DATA
    assert progress.headline == "Nothing logged yet"
    assert progress.next_step == "Log your first study session."
    assert progress.pace.text.startswith("Pace: nothing logged yet")
    assert progress.proposed_shift_days is None
    assert "Behind" not in progress.status_text and "matches" not in progress.status_text
    assert "120 planned hours so far" in progress.detail


def test_item1_too_little_history_gives_no_pace_claim() -> None:
    today = START + timedelta(weeks=6)
    profile = Profile(inputs=inputs(), study_log=weekly(today - timedelta(days=6), 1, 2))
    progress = progress_of(profile, today)
    assert not progress.pace.measured and "two weeks" in progress.pace.text
    assert progress.proposed_shift_days is None
    assert "after two weeks of logging" in progress.replan_text


def test_item2_a_slower_pace_moves_the_dates_later() -> None:
    today = START + timedelta(weeks=12)
    log = weekly(START, 12, 1.17 * 7 / 7)
    profile = Profile(inputs=inputs(hours=12), study_log=log)
    progress = progress_of(profile, today)
    assert progress.status is StatusKind.BEHIND
    assert progress.proposed_shift_days is None or progress.proposed_shift_days > 0
    assert "earlier" not in progress.replan_text
    # the case: a far target date made the exam phase end years later
    stretched = profile.model_copy(
        update={"inputs": inputs(hours=12, target_exam_date=date(2033, 12, 1))}
    )
    progress = progress_of(stretched, today)
    assert progress.proposed_shift_days is None or progress.proposed_shift_days > 0
    assert "earlier" not in progress.replan_text


def test_item3_the_chart_line_after_a_replan_starts_at_the_replan() -> None:
    day = START + timedelta(weeks=10)
    profile = accepted(Profile(inputs=inputs(hours=12), study_log=weekly(START, 10, 8)), day)
    assert profile.replan is not None
    later = day + timedelta(days=3)
    progress = progress_of(profile, later)
    assert progress.planned_curve[0] == (day, progress_of(profile, day).hours_logged)
    assert f"{at_day(progress.planned_curve, later):.0f} planned hours so far" in progress.detail


def test_item4_a_target_date_far_later_than_the_hours_need_is_flagged() -> None:
    far = inputs(hours=12, target_exam_date=date(2034, 1, 1))
    state = derive(Profile(inputs=far), CATALOG, START)
    target = state.progress.target
    assert target is not None and not target.too_early
    earliest = build_plan(inputs(hours=12), CATALOG).exam_date
    assert target.earliest == earliest
    assert any("much later than your study needs" in w for w in state.plan.warnings)
    assert target.text in state.progress.notes
    fixed = far.model_copy(update={"target_exam_date": target.earliest})
    assert derive(Profile(inputs=fixed), CATALOG, START).progress.target is None
    impossible = inputs(hours=2, target_exam_date=START + timedelta(days=40))
    check = derive(Profile(inputs=impossible), CATALOG, START).progress.target
    assert check is not None and check.too_early


def test_item5_rhit_started_last_year_tracks_programme_and_exam_preparation() -> None:
    today = date(2026, 11, 30)
    rhit = inputs("RHIT", start=date(2025, 9, 1))
    log = weekly(today - timedelta(weeks=3), 3, 2)
    progress = progress_of(Profile(inputs=rhit, study_log=log), today)
    assert progress.degree is not None
    assert progress.status is StatusKind.NO_DATA  # credits not entered yet
    assert "Enter the credits" in progress.next_step
    text = progress_to_text(derive(Profile(inputs=rhit), CATALOG, today).plan, progress)
    assert "0 of 0" not in text and "study hours start on" not in text
    assert progress.hours_planned > 0 and "exam preparation hours" in progress.hours_text
    assert progress.hours_before_prep == 6
    entered = Profile(
        inputs=rhit,
        study_log=log,
        programme=ProgrammeProgress(credits_earned=10, credits_required=60),
    )
    behind = progress_of(entered, today)
    assert behind.status is StatusKind.BEHIND and "in your programme" in behind.headline
    assert behind.pace.per_week == 0 and behind.status is not StatusKind.ON_TRACK
    assert "10 of 60 credits" in behind.detail
    assert behind.degree is not None
    # as many credits as the share of the programme's time that has passed: on track
    on_time = 60 * behind.degree.percent_time / 100
    on_pace = entered.model_copy(
        update={"programme": ProgrammeProgress(credits_earned=on_time, credits_required=60)}
    )
    assert progress_of(on_pace, today).status is StatusKind.ON_TRACK


def test_item6_an_next_replan_state_keeps_every_ceu_deadline() -> None:
    profile = Profile(inputs=inputs(), study_log=weekly(START, 10, 5))
    day = START + timedelta(weeks=10)
    moved = accepted(profile, day)
    assert moved.replan is not None
    plan = derive(moved, CATALOG, day).plan
    fresh = build_plan(inputs(), CATALOG)
    ceus = [m for m in plan.milestones() if m.kind is MilestoneKind.CEU]
    fresh_ceus = [m for m in fresh.milestones() if m.kind is MilestoneKind.CEU]
    assert len(ceus) == len(fresh_ceus) >= 3
    _assert_reminders_like_a_fresh_plan(plan)


def test_item7_future_entries_done_dates_and_start_dates() -> None:
    today = START + timedelta(weeks=4)
    log = [
        *weekly(START, 4, 3.5 / 4),
        StudyEntry(day=today + timedelta(days=3), hours=3, topic="x"),
    ]
    progress = progress_of(Profile(inputs=inputs(), study_log=log), today)
    assert progress.hours_logged == 3.5 and progress.hours_future == 3
    assert any("dated after today count" in n or "counts from" in n for n in progress.notes)
    assert day_after_today(today + timedelta(days=1), today, "The day it was done")
    assert day_after_today(today, today, "The day it was done") is None
    assert start_date_problem(date(1990, 1, 1), today) is not None
    assert start_date_problem(date(2100, 1, 1), today) is not None
    assert start_date_problem(today - timedelta(days=100), today) is None
    late = progress_of(Profile(inputs=inputs()), START + timedelta(weeks=20))
    assert any("history, not failures" in note for note in late.notes)
    assert late.overdue  # open steps whose date passed
    done = Profile(
        inputs=inputs(),
        milestones={
            mid: MilestoneProgress(status=MilestoneStatus.DONE, done_on=START)
            for mid in late.overdue
        },
    )
    assert not progress_of(done, START + timedelta(weeks=20)).overdue


def test_item7_the_pace_window_is_worded_in_days_at_first() -> None:
    today = START + timedelta(weeks=6)
    log = weekly(today - timedelta(days=19), 3, 2)
    progress = progress_of(Profile(inputs=inputs(), study_log=log), today)
    assert progress.pace.measured and progress.pace.days == 19
    assert progress.pace.text.startswith("Pace over the last 19 days:")
    assert progress.pace.per_week == round(6 * 7 / 19, 2)
