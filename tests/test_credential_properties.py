"""Exhaustive checks over every certification x specialty x background (and a few paces)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from helpers.samples import COMBINATIONS, plan_for
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.catalog import Background, Body, default_catalog
from planner.core.credentials import unmet
from planner.core.dates import add_years
from planner.core.plan import MilestoneKind, Plan, Step

CATALOG = default_catalog()
PACES = (3.0, 12.0, 40.0)


def exams(plan: Plan) -> list[tuple[str, date]]:
    """(credential, exam date) for every scheduled exam."""
    found = []
    for step, credential in (
        (Step.FIRST_EXAM, plan.exam_credential),
        (Step.TARGET_EXAM, plan.certification),
        (Step.ADDON_EXAM, CATALOG.specialties[plan.specialty].credential),
    ):
        milestone = plan.milestone(step)
        if milestone is not None and credential is not None:
            found.append((credential, milestone.due))
    return found


def expected_credits(body: Body, ids: tuple[str, ...]) -> float:
    """The bodies' published rules, restated independently of the planner's code."""
    if body is Body.AAPC:
        return (36, 40, 44, 48, 52)[min(len(ids), 5) - 1]
    if body is Body.AHIMA:
        base = max(30 if i in ("RHIA", "CDIP", "CHDA") else 20 for i in ids)
        return min(50, base + 10 * (len(ids) - 1))
    return 10


def check(plan: Plan) -> None:
    timeline = plan.credentials
    # 1. no exam before its prerequisites are met
    for credential, day in exams(plan):
        cert = CATALOG.certifications[credential]
        assert unmet(cert, day, timeline) is None, (credential, day)
    target = plan.milestone(Step.TARGET_EXAM)
    if target is not None:  # "CCA plus one year" of work
        job = plan.milestone(Step.FIRST_JOB)
        assert job is not None and target.due >= add_years(job.due, 1)
    apply_steps = [(Step.APPLY, Step.FIRST_EXAM), (Step.TARGET_APPLY, Step.TARGET_EXAM)]
    apply_steps.append((Step.ADDON_APPLY, Step.ADDON_EXAM))
    for apply_id, exam_id in apply_steps:
        apply, exam = plan.milestone(apply_id), plan.milestone(exam_id)
        if apply is not None and exam is not None:
            assert 0 <= (exam.due - apply.due).days <= 120, (apply, exam)
    # 2. every CEU reminder matches the credentials held on its date
    reminders = [m for m in plan.milestones() if m.kind is MilestoneKind.CEU]
    for reminder in reminders:
        cycle = next(
            c for c in timeline.cycles if c.due == reminder.due and c.body.value in reminder.title
        )
        held = timeline.held_on(reminder.due, cycle.body)
        assert cycle.credentials == held, (reminder, held)
        ids = timeline.catalog_ids_on(reminder.due, cycle.body)
        full = expected_credits(cycle.body, ids)
        assert cycle.full_credits == full, (reminder, ids)
        number = float(re.match(r"Report (\d+) ", reminder.title).group(1))  # type: ignore[union-attr]
        assert number == cycle.credits and (number == full or cycle.prorated)
        for name in held:
            assert name in reminder.title
        if "RHIA" in held:
            assert "RHIT" not in reminder.title
    # 3. no two milestones contradict each other
    titles = [m.title for m in plan.milestones()]
    removal = plan.milestone(Step.APPRENTICE_REMOVED)
    if removal is not None:
        first = CATALOG.certifications[plan.exam_credential]
        assert f"Earn the {first.id} credential" not in titles
        assert first.apprentice is not None
        assert f"Earn the {first.apprentice.designation} credential" in titles
        window = plan.milestone(Step.RETAKE_WINDOW)
        assert window is None or removal.due >= window.due  # the 'A' goes once the exam is passed
    for day in {m.due for m in plan.milestones()}:
        held = timeline.held_on(day)
        assert len(set(held)) == len(held)
        assert not ({"CPC-A", "CPC"} <= set(held))
        assert not ({"RHIT", "RHIA"} <= set(held))
        assert not ({"CCA", "CCS"} <= set(held))
    if plan.inputs.background is Background.CODING:
        assert not any("student" in t.lower() for t in titles)
    job, remote = plan.milestone(Step.FIRST_JOB), plan.milestone(Step.REMOTE_READY)
    assert job is not None and remote is not None and remote.due > job.due


@pytest.mark.parametrize(("cert", "specialty", "background"), COMBINATIONS)
def test_every_combination_keeps_the_credential_rules(
    cert: str, specialty: str, background: Background
) -> None:
    for hours in PACES:
        check(plan_for(cert, specialty, background, hours, date(2027, 1, 4)))


@settings(max_examples=120, deadline=None)
@given(
    st.sampled_from(COMBINATIONS),
    st.floats(min_value=0.5, max_value=80, allow_nan=False),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)),
)
def test_any_pace_and_start_keep_the_credential_rules(
    combination: tuple[str, str, Background], hours: float, start: date
) -> None:
    cert, specialty, background = combination
    check(plan_for(cert, specialty, background, hours, start))
