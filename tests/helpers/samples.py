"""Sample plan inputs and a profile part way through its plan, shared by several test files."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from planner.core.catalog import Background, default_catalog
from planner.core.inputs import PlanInputs
from planner.core.plan import Plan, build_plan
from planner.core.profile import ExamScore, MilestoneProgress, MilestoneStatus, Profile, StudyEntry

START = date(2027, 1, 4)  # a Monday
_CATALOG = default_catalog()
# every target certification x specialty x background, for exhaustive checks
COMBINATIONS = list(
    itertools.product([c.id for c in _CATALOG.targets()], _CATALOG.specialties, list(Background))
)


def plan_for(
    cert: str = "CPC",
    specialty: str = "risk-adjustment",
    background: Background = Background.NONE,
    hours: float = 12,
    start: date = START,
) -> Plan:
    """The plan of one combination, at a pace and start."""
    inputs = PlanInputs(
        certification=cert,
        specialty=specialty,
        start=start,
        hours_per_week=hours,
        background=background,
    )
    return build_plan(inputs, _CATALOG)


def sample_inputs(**changes: object) -> PlanInputs:
    """CPC for risk adjustment from START at 12 hours a week, with any field changed."""
    values: dict[str, object] = {
        "certification": "CPC",
        "specialty": "risk-adjustment",
        "start": START,
        "hours_per_week": 12,
    }
    values.update(changes)
    return PlanInputs.model_validate(values)


def studied_profile(name: str = "Jordan Rivera") -> Profile:
    """The sample plan eight months in: study time, three practice scores, milestone states."""
    profile = Profile(name=name, inputs=sample_inputs())
    for offset in range(0, 240, 2):
        profile.study_log.append(
            StudyEntry(day=START + timedelta(days=offset), hours=3, topic="CPT")
        )
    for day, percent in ((date(2027, 6, 1), 58), (date(2027, 7, 1), 64), (date(2027, 8, 20), 74)):
        profile.scores.append(ExamScore(day=day, exam="CPC", percent=percent))
    profile.milestones["p1-terminology"] = MilestoneProgress(
        status=MilestoneStatus.DONE, done_on=date(2027, 3, 8), note="Chapter tests all above 80%"
    )
    profile.milestones["p1-icd10cm"] = MilestoneProgress(
        status=MilestoneStatus.IN_PROGRESS, note="Half way"
    )
    profile.milestones["p2-membership"] = MilestoneProgress(status=MilestoneStatus.SKIPPED)
    return profile
