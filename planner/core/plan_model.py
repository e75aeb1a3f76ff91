"""The plan's data: phases, milestones and the ids other code refers to."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field

from planner.core.base import FrozenModel
from planner.core.costs import Costs
from planner.core.credentials import CredentialTimeline
from planner.core.inputs import PlanInputs
from planner.core.salary import SalaryYear
from planner.core.sources import SourceRef

PHASE_NAMES = (
    "Learn core coding systems",
    "Earn certification",
    "Gain practical experience",
    "Specialize",
    "Expand career scope",
)


class PlanError(ValueError):
    """The inputs do not fit the catalog (unknown certification, specialty, ...)."""


class MilestoneKind(StrEnum):
    """What a milestone marks."""

    TASK = "task"
    EXAM = "exam"
    CREDENTIAL = "credential"
    CODESET = "codeset"
    CEU = "ceu"
    CAREER = "career"

    @property
    def label(self) -> str:
        """The one word for this kind, on screen, in print and in the calendar."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    MilestoneKind.TASK: "Study or task",
    MilestoneKind.EXAM: "Exam",
    MilestoneKind.CREDENTIAL: "Credential or course done",
    MilestoneKind.CODESET: "Code-set update",
    MilestoneKind.CEU: "CEU deadline",
    MilestoneKind.CAREER: "Career step",
}


class Step(StrEnum):
    """Ids of the milestones other code refers to (ids are stable across data rewording)."""

    FIRST_EXAM = "p2-exam"  # the exam at the end of phase 2
    FIRST_CREDENTIAL = "p2-credential"
    PRACTICE_EXAM = "p2-practice"
    FIRST_JOB = "p3-first-job"
    APPRENTICE_REMOVED = "p3-apprentice-removed"
    TARGET_EXAM = "p3-target-exam"  # the target credential's exam when phase 2 sits another
    TARGET_CREDENTIAL = "p3-target-credential"
    TARGET_PREPARE = "p3-target-prepare"
    TARGET_APPLY = "p3-target-apply"
    RETAKE_WINDOW = "p3-retake-window"
    REMOTE_READY = "p3-remote-ready"
    MEMBERSHIP = "p2-membership"
    APPLY = "p2-apply"
    FINAL_TERM = "p1-final-term"  # AHIMA early testing opens (RHIT)
    GRADUATE = "p1-graduate"
    ADDON_MEMBERSHIP = "p4-membership"
    ADDON_FINAL_TERM = "p4-final-term"  # AHIMA early testing opens (RHIA)
    ADDON_APPLY = "p4-apply"
    LANE_START = "p4-lane"  # starting work in the lane (its experience counts from here)
    LANE_MOVE = "p4-move"  # moving into the lane when no credential is scheduled
    ROUTE = "p4-route"  # the realistic route when the lane's credential is out of reach
    ADDON_EXAM = "p4-exam"  # the specialty's credential
    ADDON_CREDENTIAL = "p4-credential"


EXAM_STEPS = (Step.FIRST_EXAM, Step.TARGET_EXAM, Step.ADDON_EXAM)


class Milestone(FrozenModel):
    """A dated step; ``id`` is stable so progress can refer to it."""

    id: str
    title: str
    due: date
    why: str
    kind: MilestoneKind = MilestoneKind.TASK

    @property
    def is_reminder(self) -> bool:
        """Code-set releases and CEU deadlines: shown and exported, not counted as steps."""
        return self.kind in (MilestoneKind.CODESET, MilestoneKind.CEU)


class Phase(FrozenModel):
    """One of the five phases; phases are contiguous (each starts where the last ends)."""

    number: int
    name: str
    start: date
    end: date
    why: str
    study_hours: float = 0.0  # study hours the plan expects in this phase
    milestones: tuple[Milestone, ...] = ()


class Plan(FrozenModel):
    """A complete personal plan. Same inputs and catalog always give the same plan."""

    certification: str
    certification_name: str
    specialty: str
    specialty_name: str
    inputs: PlanInputs
    phases: tuple[Phase, ...]
    exam_credential: str  # the credential sat at the end of phase 2
    exam_date: date
    certified_date: date  # the target credential is earned
    certified_as: str  # what the learner holds then, e.g. "CPC-A" until the 'A' is removed
    working_from: date  # first coding job: coding pay starts here in the outlook
    specialized_date: date
    salary: tuple[SalaryYear, ...]
    costs: Costs
    warnings: tuple[str, ...]  # the schedule's warnings, then the outlook's
    sources: tuple[SourceRef, ...]
    # what the schedule alone says: the outlook is recomputed from these when dates move
    schedule_warnings: tuple[str, ...] = Field(default=(), exclude=True, repr=False)
    schedule_sources: tuple[SourceRef, ...] = Field(default=(), exclude=True, repr=False)
    # which credentials are held when, each body's CEU cycles and dues (derived from the dates)
    credentials: CredentialTimeline = Field(
        default_factory=CredentialTimeline, exclude=True, repr=False
    )

    @property
    def finish(self) -> date:
        """End of the last phase."""
        return self.phases[-1].end

    def milestones(self) -> list[Milestone]:
        """All milestones in date order."""
        return [m for phase in self.phases for m in phase.milestones]

    def milestone(self, milestone_id: str) -> Milestone | None:
        return next((m for m in self.milestones() if m.id == milestone_id), None)

    def phase_of(self, milestone_id: str) -> Phase | None:
        return next(
            (p for p in self.phases if any(m.id == milestone_id for m in p.milestones)), None
        )
