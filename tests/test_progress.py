"""Progress, pace, status, re-planning, readiness and CEUs with injected dates."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.catalog import default_catalog
from planner.core.inputs import PlanInputs
from planner.core.plan import MilestoneKind, build_plan
from planner.core.profile import (
    CeuEntry,
    ExamScore,
    MilestoneProgress,
    MilestoneStatus,
    Profile,
    ReplanState,
    StudyEntry,
)
from planner.core.progress import (
    StatusKind,
    compute_progress,
    current_plan,
    no_percent_mark,
    score_verdict,
    shift_plan,
)

CATALOG = default_catalog()
START = date(2027, 1, 4)  # a Monday
INPUTS = PlanInputs(
    certification="CPC", specialty="risk-adjustment", start=START, hours_per_week=10
)


def profile_with(hours_per_day: dict[date, float], **extra: object) -> Profile:
    log = [StudyEntry(day=d, hours=h, topic="study") for d, h in hours_per_day.items()]
    return Profile(inputs=INPUTS, study_log=log, **extra)


def weekly(weeks: int, hours: float, start: date = START) -> dict[date, float]:
    return {start + timedelta(weeks=w, days=2): hours for w in range(weeks)}


def test_on_track_when_hours_match_the_plan() -> None:
    plan = build_plan(INPUTS, CATALOG)
    today = START + timedelta(weeks=8)
    progress = compute_progress(plan, profile_with(weekly(8, 10)), CATALOG, today)
    assert progress.status is StatusKind.ON_TRACK
    assert progress.hours_logged == 80
    assert progress.pace.per_week == 10
    assert progress.pace.weeks == 4
    assert progress.status_text.startswith("On track")


def test_behind_by_whole_weeks_and_projection() -> None:
    plan = build_plan(INPUTS, CATALOG)
    today = START + timedelta(weeks=8)
    progress = compute_progress(plan, profile_with(weekly(8, 5)), CATALOG, today)
    assert progress.status is StatusKind.BEHIND
    assert progress.weeks_off == -4  # 40 of 80 hours: four weeks at 10 h/week
    assert progress.status_text.startswith("Behind by 4 weeks")
    # remaining study at 5 h/week instead of 10: the exam phase ends much later
    planned = plan.phases[0].study_hours + plan.phases[1].study_hours
    expected_finish = today + timedelta(weeks=(planned - 40) / 5)
    assert progress.proposed_shift_days == (expected_finish - plan.phases[1].end).days
    ends = {number: (old, new) for number, old, new in progress.projected}
    assert ends[2][1] > ends[2][0]


def test_ahead() -> None:
    plan = build_plan(INPUTS, CATALOG)
    today = START + timedelta(weeks=8)
    progress = compute_progress(plan, profile_with(weekly(8, 20)), CATALOG, today)
    assert progress.status is StatusKind.AHEAD
    assert progress.weeks_off == 8
    assert progress.proposed_shift_days is not None and progress.proposed_shift_days < 0


def test_no_recent_study_gives_no_projection() -> None:
    plan = build_plan(INPUTS, CATALOG)
    today = START + timedelta(weeks=12)
    progress = compute_progress(plan, profile_with(weekly(4, 10)), CATALOG, today)
    assert progress.proposed_shift_days is None
    assert "no projection" in progress.status_text
    assert progress.pace.per_week == 0


def test_not_started_before_the_start_date() -> None:
    plan = build_plan(INPUTS, CATALOG)
    progress = compute_progress(plan, profile_with({}), CATALOG, START - timedelta(days=3))
    assert progress.status is StatusKind.NOT_STARTED


def test_freeze_the_past_replan_the_future() -> None:
    plan = build_plan(INPUTS, CATALOG)
    today = START + timedelta(weeks=10)
    done = {"p1-terminology"}
    shifted = shift_plan(plan, 28, done, today)
    before = {m.id: m.due for m in plan.milestones()}
    after = {m.id: m.due for m in shifted.milestones()}
    assert after["p1-terminology"] == before["p1-terminology"]  # done: frozen
    assert after["p2-exam"] == before["p2-exam"] + timedelta(days=28)
    assert shifted.exam_date == after["p2-exam"]
    for m in shifted.milestones():
        if m.kind is MilestoneKind.CODESET:
            assert after[m.id] == before[m.id]  # code-set dates are fixed by CMS and AMA
    for phase in shifted.phases:
        assert all(phase.start <= m.due <= phase.end for m in phase.milestones), phase.number
    for before_phase, after_phase in zip(shifted.phases, shifted.phases[1:], strict=False):
        assert before_phase.end == after_phase.start


def test_accepted_replan_becomes_the_current_plan_and_baseline_stays() -> None:
    baseline = build_plan(INPUTS, CATALOG)
    profile = profile_with(weekly(8, 5))
    profile.replan = ReplanState(accepted_on=START + timedelta(weeks=8), shift_days=56)
    current = current_plan(baseline, profile, CATALOG)
    assert current.exam_date == baseline.exam_date + timedelta(days=56)
    assert baseline == build_plan(INPUTS, CATALOG)
    # the income outlook follows the later certification: less coding pay in the exam year
    year = next(r.year for r in baseline.salary if r.stage != "training")
    assert current.salary[year - 1].median < baseline.salary[year - 1].median
    # after accepting, the learner is measured against the new dates
    progress = compute_progress(current, profile, CATALOG, START + timedelta(weeks=8))
    assert progress.weeks_off > -4


def test_percent_by_milestones_and_hours() -> None:
    plan = build_plan(INPUTS, CATALOG)
    phase1 = plan.phases[0]
    milestones = {
        m.id: MilestoneProgress(status=MilestoneStatus.DONE, done_on=START)
        for m in phase1.milestones[:2]
    }
    profile = profile_with(weekly(4, 10), milestones=milestones)
    progress = compute_progress(plan, profile, CATALOG, START + timedelta(weeks=4))
    first = progress.phases[0]
    assert (first.milestones_done, first.milestones_total) == (2, len(phase1.milestones))
    assert first.percent == round(100 * 2 / len(phase1.milestones), 1)
    planned = plan.phases[0].study_hours + plan.phases[1].study_hours
    assert progress.percent_hours == round(100 * 40 / planned, 1)


def test_readiness_against_the_passing_mark() -> None:
    plan = build_plan(INPUTS, CATALOG)
    scores = [
        ExamScore(day=START + timedelta(days=d), exam="CPC", percent=p)
        for d, p in ((10, 50), (20, 65), (30, 72), (40, 74))
    ]
    profile = profile_with({}, scores=scores)
    ready = compute_progress(plan, profile, CATALOG, START + timedelta(days=50)).readiness
    assert ready.recent == (65, 72, 74)
    assert ready.average == 70.3
    assert ready.passing_percent == 70
    assert ready.ready is True
    profile.scores = scores[:2]
    not_yet = compute_progress(plan, profile, CATALOG, START + timedelta(days=50)).readiness
    assert not_yet.ready is False and "keep practising" in not_yet.text


def test_scaled_exam_has_no_percent_comparison() -> None:
    inputs = INPUTS.model_copy(update={"certification": "RHIT", "specialty": "him"})
    plan = build_plan(inputs, CATALOG)
    profile = Profile(inputs=inputs, scores=[ExamScore(day=START, exam="RHIT", percent=80)])
    ready = compute_progress(plan, profile, CATALOG, START).readiness
    assert ready.passing_percent is None and ready.ready is None
    assert "scaled" in ready.text


def test_ceus_after_certification() -> None:
    plan = build_plan(INPUTS, CATALOG)
    certified = plan.certified_date
    assert (
        compute_progress(plan, Profile(inputs=INPUTS), CATALOG, certified - timedelta(1)).ceu
        is None
    )
    ceus = [
        CeuEntry(day=certified + timedelta(days=30), credits=10, credential="CPC"),
        CeuEntry(day=certified + timedelta(days=60), credits=5, credential="CPC"),
        CeuEntry(day=certified + timedelta(days=60), credits=7, credential="CRC"),
    ]
    profile = Profile(inputs=INPUTS, ceus=ceus)
    ceu = compute_progress(plan, profile, CATALOG, certified + timedelta(days=90)).ceu
    assert ceu is not None
    # the CRC is not held yet, so its CEUs do not count; AAPC's first cycle is pro-rated
    first_cycle = min(
        (c for c in plan.credentials.cycles if c.body.value == "AAPC"), key=lambda c: c.due
    )
    assert (ceu.earned, ceu.required) == (15, first_cycle.credits)
    assert first_cycle.prorated and first_cycle.credits < 36
    assert ceu.cycle_end == first_cycle.due
    assert min(m.due for m in plan.milestones() if m.kind is MilestoneKind.CEU) == first_cycle.due
    assert f"15 of {first_cycle.credits:g} AAPC CEUs earned for the CPC" in ceu.text


def test_no_projection_from_a_few_days_of_logging() -> None:
    plan = build_plan(INPUTS, CATALOG)
    today = START + timedelta(weeks=8)
    profile = profile_with({today - timedelta(days=1): 2.5})  # started tracking yesterday
    progress = compute_progress(plan, profile, CATALOG, today)
    assert progress.proposed_shift_days is None
    assert "two weeks" in progress.status_text
    assert not progress.pace.measured and progress.pace.days == 2  # from the first entry on


def test_a_pace_years_off_asks_to_change_the_weekly_hours_instead() -> None:
    plan = build_plan(INPUTS, CATALOG)
    today = START + timedelta(weeks=8)
    profile = profile_with(weekly(8, 0.5))
    progress = compute_progress(plan, profile, CATALOG, today)
    assert progress.proposed_shift_days is None
    assert "more than two years later" in progress.status_text


@settings(max_examples=120, deadline=None)
@given(
    st.integers(min_value=-400, max_value=730),
    st.integers(min_value=0, max_value=900),
    st.sampled_from(["CPC", "CCS", "RHIT"]),
    st.sets(st.sampled_from(["p1-course", "p2-exam", "p2-practice", "p1-icd10cm"])),
)
def test_shifted_plans_stay_well_formed(shift: int, day: int, cert: str, done: set[str]) -> None:
    inputs = INPUTS.model_copy(update={"certification": cert})
    plan = build_plan(inputs, CATALOG)
    today = START + timedelta(days=day)
    shifted = shift_plan(plan, shift, done, today, CATALOG)
    assert shifted.phases[0].start == START
    for before, after in zip(shifted.phases, shifted.phases[1:], strict=False):
        assert before.end == after.start
    for phase in shifted.phases:
        assert phase.start < phase.end
        open_ones = [m for m in phase.milestones if m.id not in done]
        assert all(phase.start <= m.due <= phase.end for m in open_ones), phase.number
    ids = [m.id for m in shifted.milestones()]
    assert len(ids) == len(set(ids))
    exam_order = [m.id for m in shifted.milestones() if m.id in ("p2-exam", "p2-credential")]
    if "p2-exam" not in done:
        assert exam_order == ["p2-exam", "p2-credential"]
        exam = shifted.exam_date
        if exam >= today:
            for switch in (
                date(exam.year, 10, 1),
                date(exam.year, 1, 1),
                date(exam.year + 1, 1, 1),
            ):
                assert abs((exam - switch).days) > 14, (exam, switch)
    codesets = sorted(m.due for m in shifted.milestones() if m.kind is MilestoneKind.CODESET)
    assert (shifted.finish - codesets[-1]).days < 366  # reminders run to the new end ...
    assert (codesets[0] - shifted.phases[2].start).days < 366  # ... from the start of phase 3


def test_replan_stretches_the_study_ahead_and_is_on_track_once_accepted() -> None:
    plan = build_plan(INPUTS, CATALOG)
    today = START + timedelta(weeks=8)
    profile = profile_with(weekly(8, 5))
    progress = compute_progress(plan, profile, CATALOG, today)
    assert progress.proposed_shift_days is not None and progress.proposed_shift_days > 0
    shifted = shift_plan(plan, progress.proposed_shift_days, set(), today, CATALOG)
    phase1 = shifted.phases[0]
    steps = [m.due for m in phase1.milestones]
    # spread over the stretched phase, not crowded at its end
    assert steps[0] - today < (phase1.end - today) / 2
    profile.replan = ReplanState(accepted_on=today, shift_days=progress.proposed_shift_days)
    current = current_plan(plan, profile, CATALOG)
    after = compute_progress(current, profile, CATALOG, today)
    assert after.status is StatusKind.ON_TRACK


def test_a_score_is_judged_against_its_own_exams_mark() -> None:
    """One verdict for the window's score list (the core says it, the page shows it)."""
    catalog = CATALOG
    day = date(2027, 3, 1)
    cpc = catalog.certifications["CPC"].exam
    assert cpc is not None and cpc.passing_percent is not None
    mark = cpc.passing_percent
    assert score_verdict(ExamScore(day=day, exam="CPC", percent=mark), catalog) == (
        f"✓ at or above {mark:g}%"
    )
    assert score_verdict(ExamScore(day=day, exam="CPC", percent=mark - 1), catalog) == (
        f"✗ below {mark:g}% by 1 point"
    )
    assert no_percent_mark("CPB", catalog) == "passing mark not in the data"
    assert no_percent_mark("CCS", catalog) == "scored on a scaled score, not a percent"
    assert no_percent_mark("CPC", catalog) is None
