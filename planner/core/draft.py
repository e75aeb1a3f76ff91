"""The draft a schedule is built in, and the builder's state and shared steps."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from planner.core.base import Figure
from planner.core.catalog import Background, Catalog, Certification, EligibilityKind, Specialty
from planner.core.credentials import CredentialTimeline
from planner.core.dates import HORIZON_YEARS, add_months, add_weeks, add_years
from planner.core.inputs import PlanInputs
from planner.core.plan_credentials import timeline_from_milestones
from planner.core.plan_model import Milestone, MilestoneKind, PlanError
from planner.core.scheduling import TERM_MONTHS, apply_date, avoid_switchover
from planner.core.sources import Sources


@dataclass
class Draft:
    """The milestones drafted so far, and the phase of those placed explicitly."""

    milestones: list[Milestone] = field(default_factory=list)
    phase_of: dict[str, int] = field(default_factory=dict)  # explicit phase, else by date

    def add(
        self,
        mid: str,
        title: str,
        due: date,
        why: str,
        kind: MilestoneKind = MilestoneKind.TASK,
        *,
        phase: int | None = None,
    ) -> None:
        self.milestones.append(Milestone(id=str(mid), title=title, due=due, why=why, kind=kind))
        if phase is not None:
            self.phase_of[str(mid)] = phase


def inline_name(name: str) -> str:
    """A name inside a sentence: 'Medical coding ...' -> 'medical coding ...'; 'AAPC ...' kept."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def exam_title(cert: Certification) -> str:
    """The exam step's title, with its questions and minutes when the data has them."""
    if cert.exam is None:
        return f"Sit the {cert.id} exam"
    return (
        f"Sit the {cert.id} exam ({cert.exam.questions.describe()}, {cert.exam.minutes.describe()})"
    )


class BuilderBase:
    """The builder's state and the steps several phases share (degree, retake, rules)."""

    def __init__(
        self, inputs: PlanInputs, catalog: Catalog, cert: Certification, spec: Specialty
    ) -> None:
        self.inputs = inputs
        self.catalog = catalog
        self.cert = cert
        self.spec = spec
        self.src = Sources()
        self.warnings: list[str] = []
        self.draft = Draft()
        self.hpw = inputs.hours_per_week
        self.p2_start = inputs.start
        self.graduation: date | None = None
        self.horizon = add_years(inputs.start, HORIZON_YEARS)
        self.coder = inputs.background is Background.CODING
        # optional input (on by default): keep time for a possible retake after each exam
        self.retake_buffer = inputs.retake_buffer
        self.phase4_from = 0  # draft index where phase 4's steps begin

    def _due(self, step: str) -> date:
        return next(m.due for m in self.draft.milestones if m.id == step)

    def _has(self, step: str) -> bool:
        return any(m.id == step for m in self.draft.milestones)

    def _timeline_so_far(self, first: Certification, until: date) -> CredentialTimeline:
        return timeline_from_milestones(
            self.draft.milestones,
            self.catalog,
            exam_credential=first.id,
            certification=self.cert.id,
            specialty=self.spec.id,
            until=until,
        )

    @property
    def inpatient(self) -> bool:
        """Hospital inpatient paths code procedures with ICD-10-PCS and group MS-DRGs."""
        addon = self.catalog.certifications.get(self.spec.credential or "")
        return self.cert.inpatient or (addon is not None and addon.inpatient)

    def _degree(
        self, cert: Certification, start: date, ids: tuple[str, str, str], *, phase: int
    ) -> tuple[date, date]:
        """Enrol in the degree ``cert`` requires; (final term starts, graduation)."""
        elig = cert.eligibility
        program = self.catalog.program(elig.required_program or "")
        final_id, enrol_id, graduate_id = ids
        self.draft.add(enrol_id, f"Enrol in a {program.name}", start, elig.summary, phase=phase)
        if program.months is None:
            raise PlanError(f"programme '{program.id}' has no length in the data")
        part_time = (
            program.part_time_months is not None
            and self.hpw < self.catalog.training.part_time_hours_per_week
        )
        length = (
            program.part_time_months if part_time and program.part_time_months else program.months
        )
        months = self.src.use(
            f"{program.name}: length ({'part-time' if part_time else 'full-time'})", length
        )
        graduation = add_months(start, math.ceil(months.planning))
        final_term = add_months(graduation, -TERM_MONTHS)
        if program.part_time_months is not None:
            pace = (
                f"At {self.hpw:g} h/week the plan assumes {'part' if part_time else 'full'}-time "
                f"study ({months.describe()}; under "
                f"{self.catalog.training.part_time_hours_per_week:g} h/week counts as part-time, "
                "a planner rule)."
            )
        else:
            pace = f"The programme takes {months.describe()}, set by the school, not your hours."
        self.warnings.append(
            f"{cert.id} needs a {program.name}; there is no work-experience route. {pace} "
            "AHIMA lets students in their final term test early, so the exam falls in the final "
            "term."
        )
        self.src.rule(
            "Degree pace (planner rule)",
            f"under {self.catalog.training.part_time_hours_per_week:g} h/week a degree is "
            "studied part-time",
            "planner rule",
            "2026-11-30",
        )
        self.src.rule(
            "AHIMA early testing",
            "students in their last term of a CAHIIM programme may test early",
            "https://cms-qa.ahima.org/certification-careers/certification-exams/rhit",
            "n.d.",
        )
        self.draft.add(
            final_id,
            "Start the final term (AHIMA early testing opens)",
            final_term,
            "Students in their last term of a CAHIIM-accredited programme may apply to test "
            "early (AHIMA).",
            phase=phase,
        )
        self.draft.add(
            graduate_id,
            f"Finish the {program.name}",
            graduation,
            f"{elig.summary} Finishing it is the only route to the {cert.id}.",
            MilestoneKind.CREDENTIAL,
        )
        return final_term, graduation

    def _first_credential(self) -> Certification:
        """The credential sat in phase 2: the target, or its entry credential."""
        elig = self.cert.eligibility
        if (
            elig.kind is EligibilityKind.RECOMMENDED_EXPERIENCE
            and elig.entry_credential
            and not self.coder
        ):
            return self.catalog.certifications[elig.entry_credential]
        return self.cert

    def _blackout_rule(self) -> None:
        self.src.rule(
            "Exam date and code-set switch-over (planner rule)",
            f"exam kept {self.catalog.training.exam_blackout_days} days away from each code-set "
            "switch-over; AAPC itself allows the previous year's books early in the year",
            "planner rule",
            "2026-11-30",
        )

    def _apply_step(
        self, step: str, cert: Certification, exam: date, start: date, phase: int
    ) -> None:
        """An AHIMA exam's application, inside the window before ``exam`` (not before ``start``)."""
        self.draft.add(
            step,
            f"Apply to AHIMA for the {cert.id} exam",
            apply_date(exam, start, self.catalog),
            f"Sit the exam within {self.catalog.training.application_window_days} days of "
            "approval.",
            phase=phase,
        )
        self._window_rule()

    def _window_rule(self) -> None:
        self.src.rule(
            "AHIMA application window",
            f"the exam is sat within {self.catalog.training.application_window_days} days of "
            "the application's approval",
            "https://ahima.org/certification-careers/certifications-overview/ccs",
            "n.d.",
        )

    def _exam_why(self, cert: Certification) -> str:
        passing = cert.exam.passing if cert.exam is not None else None
        if passing is None:
            return "Passing mark not in the data."
        if passing.unit == "percent":
            return f"Passing mark: {passing.lo:g}%."
        mark = (
            f"{passing.value:g}" if passing.value is not None else f"{passing.lo:g}–{passing.hi:g}"
        )
        return f"Passing mark: a scaled score of {mark}."

    def _retake(self, exam: date, mid: str, cert: Certification, *, phase: int) -> date:
        """The date the credential is secure, allowing for one retake when the buffer is on."""
        weeks = self.catalog.training.retake_weeks
        rate = self.catalog.training.first_time_pass_rate
        if not self.retake_buffer or weeks is None:
            return exam
        weeks = self.src.use("Retake buffer (planner rule)", weeks)
        why = "Plan for a possible retake."
        if rate is not None:
            rate = self.src.use("First-time pass rate", rate)
            why = (
                f"First-time pass rates are about {rate.describe()} ({rate.source}, "
                f"{rate.as_of}); the plan keeps {weeks.describe()} to re-study and resit "
                "(a planner rule; switch the retake buffer off to plan for a first pass)."
            )
        secure = avoid_switchover(add_weeks(exam, math.ceil(weeks.planning)), self.catalog)
        self.draft.add(
            mid,
            f"If needed, resit the {cert.id} exam by this date",
            secure,
            why + " Skip this step once you have passed.",
            MilestoneKind.TASK,
            phase=phase,
        )
        return secure

    def _lane_years(self) -> Figure | None:
        """Experience before the lane: its own sourced figure, else the planner's rule."""
        if self.spec.experience_years_before is not None:
            return self.src.use(
                f"Experience before {self.spec.name}", self.spec.experience_years_before
            )
        rule = self.catalog.training.specialise_after
        if rule is None:
            return None
        return self.src.use("Work before specialising (planner rule)", rule)
