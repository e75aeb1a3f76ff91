"""A made-up learner's profile for screenshots, benchmarks and trying the app (no Qt, no clock)."""

from __future__ import annotations

from datetime import date, timedelta

from planner.core.catalog import Background
from planner.core.inputs import PlanInputs
from planner.core.profile import (
    ExamScore,
    MilestoneProgress,
    MilestoneStatus,
    Profile,
    StudyEntry,
)

DEMO_WEEKS = 30  # the demo learner started this many weeks before "today"

_TOPICS = (
    "Medical terminology",
    "Anatomy and physiology",
    "ICD-10-CM guidelines",
    "ICD-10-CM coding practice",
    "CPT evaluation and management",
    "CPT surgery section",
    "HCPCS Level II and modifiers",
)


def demo_profile(today: date) -> Profile:
    """A CPC learner heading for risk adjustment, about seven months in and a little behind.

    Deterministic for a given ``today``: the study log, scores and milestone progress are laid
    out from fixed patterns, so screenshots and benchmarks are repeatable.
    """
    start = today - timedelta(weeks=DEMO_WEEKS)
    inputs = PlanInputs(
        certification="CPC",
        specialty="risk-adjustment",
        start=start,
        hours_per_week=10,
        background=Background.NONE,
        state="TX",
        current_income=32_000,
        budget=4_000,
    )
    log: list[StudyEntry] = []
    # Three sessions a week; a lighter stretch in weeks 12-17 puts the learner behind.
    pattern = (3.5, 3.0, 2.5)
    for week in range(DEMO_WEEKS):
        light = 12 <= week < 18
        for session, hours in enumerate(pattern):
            day = start + timedelta(weeks=week, days=(0, 2, 5)[session])
            if day > today:
                continue
            if light and session == 2:
                continue
            topic = _TOPICS[min(len(_TOPICS) - 1, week * len(_TOPICS) // DEMO_WEEKS)]
            note = "Flashcards and quiz" if session == 1 else ""
            log.append(
                StudyEntry(
                    id=f"demo-study-{week:02d}-{session}",
                    day=day,
                    hours=hours - (1.0 if light else 0.0),
                    topic=topic,
                    note=note,
                )
            )
    scores = [
        ExamScore(id="demo-score-1", day=today - timedelta(weeks=9), exam="CPC", percent=58),
        ExamScore(id="demo-score-2", day=today - timedelta(weeks=5), exam="CPC", percent=64),
        ExamScore(id="demo-score-3", day=today - timedelta(weeks=2), exam="CPC", percent=69),
    ]
    milestones = {
        "p1-terminology": MilestoneProgress(
            status=MilestoneStatus.DONE,
            done_on=start + timedelta(weeks=9),
            note="Used the course's flashcard deck",
        ),
        "p1-icd10cm": MilestoneProgress(
            status=MilestoneStatus.DONE, done_on=start + timedelta(weeks=21)
        ),
        "p1-cpt-hcpcs": MilestoneProgress(
            status=MilestoneStatus.IN_PROGRESS, note="Modifiers chapter next"
        ),
        "p2-membership": MilestoneProgress(
            status=MilestoneStatus.DONE, done_on=start + timedelta(weeks=4)
        ),
    }
    return Profile(
        name="Demo learner",
        inputs=inputs,
        milestones=milestones,
        study_log=log,
        scores=scores,
    )
