"""The one derived state: what views, commands and print-outs show comes from ``derive``."""

from __future__ import annotations

from datetime import date

import pytest

from planner.core.catalog import default_catalog
from planner.core.inputs import PlanInputs
from planner.core.plan import build_plan
from planner.core.profile import (
    ExamScore,
    MilestoneProgress,
    MilestoneStatus,
    Profile,
    ProfileUnknownDataError,
    ReplanState,
    StudyEntry,
)
from planner.core.progress import compute_progress, current_plan
from planner.core.state import check_usable, derive

CATALOG = default_catalog()
TODAY = date(2026, 6, 1)
INPUTS = PlanInputs(
    certification="CPC",
    specialty="risk-adjustment",
    start=date(2026, 3, 2),
    hours_per_week=10,
    current_income=48_000,
)
BREAK_EVEN_LOST = "within 10 years"  # at the low end of the costs, or at the high end


def test_state_is_the_chain_baseline_current_plan_progress() -> None:
    profile = Profile(
        inputs=INPUTS,
        study_log=[StudyEntry(day=date(2026, 3, 10), hours=4, topic="ICD-10-CM")],
        replan=ReplanState(accepted_on=date(2026, 5, 1), shift_days=30),
    )
    state = derive(profile, CATALOG, TODAY)
    baseline = build_plan(INPUTS, CATALOG)
    assert state.baseline == baseline
    assert state.plan == current_plan(baseline, profile, CATALOG)
    assert state.progress == compute_progress(state.plan, profile, CATALOG, TODAY)
    assert state.plan.exam_date > baseline.exam_date


def test_an_accepted_replan_updates_the_warnings_of_the_outlook() -> None:
    """Re-planned dates about 700 days later lose the break-even: the plan must say so."""
    baseline = build_plan(INPUTS, CATALOG)
    # first job after the retake buffer (issue 12); 97, not 98, since the student membership is
    # paid on the "Join AAPC" date of the credentials-held timeline, not in month 0
    assert baseline.costs.break_even_month == 97
    assert not any(BREAK_EVEN_LOST in w for w in baseline.warnings)

    late = Profile(inputs=INPUTS, replan=ReplanState(accepted_on=date(2026, 5, 1), shift_days=700))
    state = derive(late, CATALOG, TODAY)
    assert state.plan.costs.break_even_month is None
    assert sum(BREAK_EVEN_LOST in w for w in state.plan.warnings) == 1
    schedule = baseline.schedule_warnings
    assert state.plan.warnings[: len(schedule)] == schedule
    # the schedule's own warnings come first and are not repeated
    assert len(set(state.plan.warnings)) == len(state.plan.warnings)


def test_building_and_replanning_by_zero_days_give_the_same_outlook() -> None:
    same = Profile(inputs=INPUTS, replan=ReplanState(accepted_on=TODAY, shift_days=0))
    state = derive(same, CATALOG, TODAY)
    assert state.plan.salary == state.baseline.salary
    assert state.plan.costs == state.baseline.costs
    assert state.plan.warnings == state.baseline.warnings
    assert state.plan.sources == state.baseline.sources


def test_previous_state_is_reused_only_when_its_basis_is_unchanged() -> None:
    profile = Profile(inputs=INPUTS)
    first = derive(profile, CATALOG, TODAY)
    profile.study_log = [StudyEntry(day=date(2026, 5, 20), hours=3, topic="CPT")]
    logged = derive(profile, CATALOG, TODAY, previous=first)
    assert logged.plan is first.plan and logged.baseline is first.baseline
    assert logged.progress.hours_logged == 3

    profile.inputs = INPUTS.model_copy(update={"hours_per_week": 20})
    faster = derive(profile, CATALOG, TODAY, previous=logged)
    assert faster.baseline is not first.baseline
    assert faster.plan.exam_date < first.plan.exam_date

    profile.replan = ReplanState(accepted_on=date(2026, 5, 1), shift_days=60)
    moved = derive(profile, CATALOG, TODAY, previous=faster)
    assert moved.plan.exam_date > faster.plan.exam_date
    # with a re-plan in force, marking a step done can change the plan: it is derived again
    profile.milestones = {"p1-icd10cm": MilestoneProgress(status=MilestoneStatus.DONE)}
    ticked = derive(profile, CATALOG, TODAY, previous=moved)
    assert ticked.plan is not moved.plan
    assert ticked == derive(profile, CATALOG, TODAY)


def test_a_stale_practice_score_is_a_notice_not_a_lock_out() -> None:
    profile = Profile(
        inputs=INPUTS, scores=[ExamScore(day=date(2026, 5, 2), exam="XYZ", percent=80)]
    )
    check_usable(profile, CATALOG)
    state = derive(profile, CATALOG, TODAY)
    assert state.notices == (
        "Practice scores for XYZ are kept but not used: the career data no longer lists that exam.",
    )
    assert state.warnings[-1] == state.notices[0]


@pytest.mark.parametrize(
    ("field", "value"), [("certification", "CRC-NEW"), ("specialty", "space-coding")]
)
def test_an_unknown_certification_or_specialty_makes_the_profile_unusable(
    field: str, value: str
) -> None:
    profile = Profile(inputs=INPUTS.model_copy(update={field: value}))
    with pytest.raises(ProfileUnknownDataError) as caught:
        derive(profile, CATALOG, TODAY)
    assert caught.value.unknown == ((f"inputs.{field}", value),)
    assert f"unknown {field} '{value}'" in str(caught.value)
