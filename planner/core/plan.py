"""The plan: five dated phases with milestones, built from the learner's inputs and the catalog."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from pydantic import Field

from planner.core.base import Figure, FrozenModel
from planner.core.catalog import (
    Background,
    Body,
    Catalog,
    Certification,
    EligibilityKind,
    Program,
    Specialty,
)
from planner.core.costs import Costs
from planner.core.dates import (
    HORIZON_YEARS,
    MONTH_NAMES,
    add_months,
    add_weeks,
    add_years,
    at_fraction,
)
from planner.core.inputs import PlanInputs
from planner.core.outlook import OutlookDates, project_outlook
from planner.core.salary import SalaryYear
from planner.core.sources import SourceRef, Sources

PHASE_NAMES = (
    "Learn core coding systems",
    "Earn certification",
    "Gain practical experience",
    "Specialize",
    "Expand career scope",
)


TARGET_SLACK_DAYS = 91  # a target exam date this much later than the hours need is flagged


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


@dataclass
class _Draft:
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


def _duration_end(start: date, prep: Figure, hours_per_week: float, hours: float) -> date:
    """End of a study block: hours scale with the learner's week, weeks and months do not."""
    if prep.unit == "hours":
        return add_weeks(start, max(1, math.ceil(hours / hours_per_week)))
    if prep.unit == "weeks":
        return add_weeks(start, math.ceil(prep.planning))
    return add_months(start, math.ceil(prep.planning))


def avoid_switchover(day: date, catalog: Catalog) -> date:
    """Move an exam out of the days around a code-set switch-over (never earlier)."""
    margin = timedelta(days=catalog.training.exam_blackout_days)
    moved = True
    while moved:
        moved = False
        for update in catalog.training.codeset_updates:
            for year in (day.year - 1, day.year, day.year + 1):
                switch = date(year, update.month, update.day)
                if switch - margin <= day <= switch + margin:
                    day = switch + margin + timedelta(days=1)
                    moved = True
    return day


def _prep_for(cert: Certification, catalog: Catalog) -> Figure:
    return cert.prep if cert.prep is not None else catalog.training.default_prep


def _prep_hours(prep: Figure, background: Background) -> float:
    # Coders already know the code sets: they plan at the low end of the sourced range.
    return prep.lo if background is Background.CODING else prep.planning


def _inline(name: str) -> str:
    """A name inside a sentence: 'Medical coding ...' -> 'medical coding ...'; 'AAPC ...' kept."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def _exam_title(cert: Certification) -> str:
    if cert.exam is None:
        return f"Sit the {cert.id} exam"
    return (
        f"Sit the {cert.id} exam ({cert.exam.questions.describe()}, {cert.exam.minutes.describe()})"
    )


def build_plan(inputs: PlanInputs, catalog: Catalog) -> Plan:
    """Build the five-phase plan for ``inputs`` from the catalog (pure and deterministic)."""
    cert = catalog.certifications.get(inputs.certification)
    if cert is None or not cert.target:
        valid = ", ".join(c.id for c in catalog.targets())
        raise PlanError(f"unknown certification '{inputs.certification}' (valid: {valid})")
    spec = catalog.specialties.get(inputs.specialty)
    if spec is None:
        valid = ", ".join(catalog.specialties)
        raise PlanError(f"unknown specialty '{inputs.specialty}' (valid: {valid})")
    if inputs.state is not None and inputs.state not in catalog.salary.states:
        pass  # unknown states are allowed: the projection says no state figure is known
    return _Builder(inputs, catalog, cert, spec).build()


def with_outlook(plan: Plan, catalog: Catalog) -> Plan:
    """The plan with its income, costs, break-even and their warnings computed from its dates.

    The builder and an accepted re-plan both end here, so the outlook is made in one place.
    """
    outlook = project_outlook(
        plan.inputs,
        catalog,
        certification=plan.certification,
        exam_credential=plan.exam_credential,
        specialty=plan.specialty,
        dates=_outlook_dates(plan, catalog),
    )
    sources = Sources({s.what: s for s in plan.schedule_sources}).merged(outlook.sources)
    return plan.model_copy(
        update={
            "salary": outlook.salary,
            "costs": outlook.costs,
            "warnings": plan.schedule_warnings + outlook.warnings,
            "sources": sources.sorted(),
        }
    )


def _outlook_dates(plan: Plan, catalog: Catalog) -> OutlookDates:
    """The dates and exam credentials of ``plan`` that its pay and costs depend on."""
    addon = catalog.specialties[plan.specialty].credential
    later = [(Step.TARGET_EXAM, plan.certification), (Step.ADDON_EXAM, addon or "")]
    removed = plan.milestone(Step.APPRENTICE_REMOVED)
    return OutlookDates(
        exam=plan.exam_date,
        experience_end=plan.phases[2].end,
        working_from=plan.working_from,
        specialized_from=plan.specialized_date,
        later_exams=tuple(
            (m.due, credential)
            for step, credential in later
            if credential and (m := plan.milestone(step)) is not None
        ),
        first_designation=(plan.certified_as if plan.exam_credential == plan.certification else ""),
        apprentice_removed=removed.due if removed is not None else None,
    )


class _Builder:
    def __init__(
        self, inputs: PlanInputs, catalog: Catalog, cert: Certification, spec: Specialty
    ) -> None:
        self.inputs = inputs
        self.catalog = catalog
        self.cert = cert
        self.spec = spec
        self.src = Sources()
        self.warnings: list[str] = []
        self.draft = _Draft()
        self.hpw = inputs.hours_per_week
        self.p2_start = inputs.start

    # -- phases -------------------------------------------------------------------------
    def build(self) -> Plan:
        p1_end, p1_hours = self._phase1(self.inputs.start)
        first_cert, p2_end, p2_hours = self._phase2(p1_end)
        p3_end = self._phase3(p2_end, first_cert)
        p4_end, p4_hours = self._phase4(p3_end)
        horizon = add_years(self.inputs.start, HORIZON_YEARS)
        p5_end = max(horizon, add_years(p4_end, 1))
        self._phase5(p4_end, p5_end, first_cert)
        self._codesets(p2_end, p5_end)
        self._warnings_general()

        bounds = [self.inputs.start, p1_end, p2_end, p3_end, p4_end, p5_end]
        hours = [p1_hours, p2_hours, 0.0, p4_hours, 0.0]
        phases = self._assemble(bounds, hours)
        schedule = Plan(
            certification=self.cert.id,
            certification_name=self.cert.name,
            specialty=self.spec.id,
            specialty_name=self.spec.name,
            inputs=self.inputs,
            phases=phases,
            exam_credential=first_cert.id,
            exam_date=p2_end,
            certified_date=self._target_certified_date(first_cert),
            certified_as=self._certified_as(first_cert),
            working_from=self._due(Step.FIRST_JOB),
            specialized_date=p4_end,
            salary=(),
            costs=Costs(
                items=(), upfront_low=0, upfront_high=0, upfront_planned=0, total_planned=0
            ),
            warnings=(),
            sources=(),
            schedule_warnings=tuple(self.warnings),
            schedule_sources=self.src.sorted(),
        )
        return with_outlook(schedule, self.catalog)

    def _due(self, step: Step) -> date:
        return next(m.due for m in self.draft.milestones if m.id == step)

    def _assemble(self, bounds: list[date], hours: list[float]) -> tuple[Phase, ...]:
        whys = (
            "Master ICD-10-CM, CPT, HCPCS Level II and medical terminology: every later step "
            "rests on them.",
            "A respected credential is what employers screen for; uncertified coders earn less.",
            "Coding speed, audit accuracy and payer knowledge come only from real work; most "
            "remote roles ask for it.",
            "Specialised coders earn more and are the hardest to replace with automation.",
            "Management, consulting, HIM leadership and education build on years of coding.",
        )
        buckets: list[list[Milestone]] = [[] for _ in range(5)]
        order = {m.id: i for i, m in enumerate(self.draft.milestones)}
        for milestone in sorted(self.draft.milestones, key=lambda m: (m.due, order[m.id])):
            explicit = self.draft.phase_of.get(milestone.id)
            if explicit is not None:
                index = explicit - 1
            else:
                # by date; a milestone on a boundary belongs to the phase it concludes
                index = next((i for i in range(5) if milestone.due <= bounds[i + 1]), 4)
            buckets[index].append(milestone)
        return tuple(
            Phase(
                number=i + 1,
                name=PHASE_NAMES[i],
                start=bounds[i],
                end=bounds[i + 1],
                why=whys[i],
                study_hours=round(hours[i], 1),
                milestones=tuple(buckets[i]),
            )
            for i in range(5)
        )

    def _phase1(self, start: date) -> tuple[date, float]:
        training = self.catalog.training
        elig = self.cert.eligibility
        if elig.kind is EligibilityKind.PROGRAM and elig.required_program:
            program, months, end_or_none = self._programme(
                self.cert, start, ("p1-enrol", "p1-graduate"), phase=1
            )
            if months is None or end_or_none is None:
                raise PlanError(f"programme '{program.id}' has no length in the data")
            end = end_or_none
            self.draft.add(
                "p1-coding-systems",
                "Complete the coding courses (ICD-10-CM, ICD-10-PCS, CPT, HCPCS)",
                at_fraction(start, end, 0.5),
                "The RHIT exam covers coding, data quality and health information management.",
            )
            self.warnings.append(
                f"{self.cert.id} needs a {program.name} before the exam; there is no "
                f"work-experience route. The programme's length ({months.describe()}) is set "
                "by the school, not by your weekly study hours."
            )
            self.src.rule(f"{self.cert.id} eligibility", elig.summary, elig.source, elig.as_of)
            return end, 0.0

        background = training.backgrounds[self.inputs.background]
        if background.program is None:
            end = add_weeks(start, 1)
            self.draft.add(
                "p1-review",
                "Review this year's ICD-10-CM, CPT and HCPCS changes",
                end,
                background.summary,
            )
            return end, 0.0
        program = self.catalog.program(background.program)
        if program.hours is None:
            raise PlanError(f"programme '{program.id}' has no study hours in the data")
        hours = self.src.use(f"{program.name}: study hours", program.hours).planning
        end = add_weeks(start, max(1, math.ceil(hours / self.hpw)))
        if self.inputs.background is Background.NONE:
            self.draft.add(
                "p1-terminology",
                "Medical terminology, anatomy and physiology",
                at_fraction(start, end, 0.25),
                "Coders read clinical notes: the language of medicine comes first.",
            )
        self.draft.add(
            "p1-icd10cm",
            "ICD-10-CM diagnosis coding and its guidelines",
            at_fraction(start, end, 0.5),
            "Every claim needs a diagnosis code; ICD-10-CM is on every coding exam.",
        )
        self.draft.add(
            "p1-cpt-hcpcs",
            "CPT and HCPCS Level II procedure coding, modifiers",
            at_fraction(start, end, 0.75),
            "Procedures and supplies are billed with CPT and HCPCS codes.",
        )
        self.draft.add(
            "p1-course",
            f"Finish the {_inline(program.name)}",
            end,
            background.summary,
            MilestoneKind.CREDENTIAL,
        )
        return end, hours

    def _programme(
        self, cert: Certification, start: date, ids: tuple[str, str], *, phase: int
    ) -> tuple[Program, Figure | None, date | None]:
        """Enrol in the programme ``cert`` requires; its length and end (None when unknown)."""
        elig = cert.eligibility
        program = self.catalog.program(elig.required_program or "")
        self.draft.add(ids[0], f"Enrol in a {program.name}", start, elig.summary, phase=phase)
        if program.months is None:
            return program, None, None
        months = self.src.use(f"{program.name}: length", program.months)
        end = add_months(start, math.ceil(months.planning))
        self.draft.add(
            ids[1],
            f"Finish the {program.name}",
            end,
            f"{elig.summary} Finishing it is the only route to the {cert.id} exam.",
            MilestoneKind.CREDENTIAL,
        )
        return program, months, end

    def _first_credential(self) -> Certification:
        """The credential sat in phase 2: the target, or its entry credential."""
        elig = self.cert.eligibility
        if (
            elig.kind is EligibilityKind.RECOMMENDED_EXPERIENCE
            and elig.entry_credential
            and self.inputs.background is not Background.CODING
        ):
            return self.catalog.certifications[elig.entry_credential]
        return self.cert

    def _phase2(self, start: date) -> tuple[Certification, date, float]:
        self.p2_start = start
        first = self._first_credential()
        prep = self.src.use(f"{first.id} exam preparation", _prep_for(first, self.catalog))
        hours = _prep_hours(prep, self.inputs.background) if prep.unit == "hours" else 0.0
        ready = _duration_end(start, prep, self.hpw, hours)
        exam = avoid_switchover(ready, self.catalog)
        target = self.inputs.target_exam_date
        if target is not None:
            if target >= ready:
                exam = avoid_switchover(target, self.catalog)
                if exam != target:
                    self.warnings.append(
                        f"Your target exam date {target.isoformat()} falls in the weeks around "
                        f"a code-set switch-over; the plan uses {exam.isoformat()}."
                    )
                earliest = avoid_switchover(ready, self.catalog)
                if (target - earliest).days > TARGET_SLACK_DAYS:
                    self.warnings.append(
                        f"Your target exam date {target.isoformat()} is much later than your "
                        f"study needs at {self.hpw:g} h/week: the exam could be on "
                        f"{earliest.isoformat()}. The plan keeps your date; the Progress page "
                        "offers the earliest realistic date."
                    )
            else:
                self.warnings.append(
                    f"Your target exam date {target.isoformat()} is earlier than the plan "
                    f"allows at {self.hpw:g} h/week; the plan keeps {exam.isoformat()}."
                )
        if exam != ready:
            self.src.rule(
                "Exam date and code-set switch-over",
                f"exam kept {self.catalog.training.exam_blackout_days} days away from "
                "each code-set switch-over",
                "planner rule",
                "n.d.",
            )
        if first.body is Body.AAPC:
            why = "AAPC membership is required to sit AAPC exams."
            if first.membership_dues is not None:
                self.src.use("AAPC membership dues", first.membership_dues)
            self.draft.add("p2-membership", "Join AAPC (student membership)", start, why, phase=2)
        else:
            self.draft.add(
                "p2-apply",
                f"Apply to {first.body.value} for the {first.id} exam",
                at_fraction(start, exam, 0.5),
                f"{first.body.value} exams are scheduled after your application is approved "
                "(AHIMA: sit within 120 days of approval).",
            )
        self.draft.add(
            Step.PRACTICE_EXAM,
            "Take a full timed practice exam",
            at_fraction(start, exam, 0.75),
            "Timed practice shows whether you are ready; record your score to track readiness.",
        )
        self.draft.add(
            Step.FIRST_EXAM, _exam_title(first), exam, self._exam_why(first), MilestoneKind.EXAM
        )
        designation = first.id
        if first.apprentice is not None and self.inputs.background is not Background.CODING:
            designation = first.apprentice.designation
        self.draft.add(
            Step.FIRST_CREDENTIAL,
            f"Earn the {designation} credential",
            exam,
            f"{first.name} ({first.body.value}).",
            MilestoneKind.CREDENTIAL,
        )
        if first.exam is not None:
            self.src.use(f"{first.id} exam questions", first.exam.questions)
            self.src.use(f"{first.id} exam minutes", first.exam.minutes)
            if first.exam.passing is not None:
                self.src.use(f"{first.id} passing mark", first.exam.passing)
        return first, exam, hours

    def _exam_why(self, cert: Certification) -> str:
        passing = cert.exam.passing if cert.exam is not None else None
        if passing is None:
            return "Passing mark not in the data."
        if passing.unit == "percent":
            return f"Passing mark: {passing.lo:g}%."
        return f"Passing mark: scaled score {passing.describe()}."

    def _experience_years(self) -> Figure:
        spec_years = self.spec.experience_years_before
        return self.src.use(f"Experience before {self.spec.name}", spec_years)

    def _phase3(self, start: date, first: Certification) -> date:
        years = self._experience_years().planning
        elig = self.cert.eligibility
        target_exam = start
        if first is not self.cert:
            needed = elig.recommended_experience_years
            work_years = 1.0
            if needed is not None:
                work_years = self.src.use(f"{self.cert.id} recommended experience", needed).lo
            target_exam = avoid_switchover(add_years(start, work_years), self.catalog)
        end = max(add_years(start, years), target_exam)
        default_office = self.src.use(
            "Time in an office before remote work", self.catalog.training.default_experience_years
        )
        if self.inputs.background is Background.CODING:
            self.draft.add(
                Step.FIRST_JOB,
                "Keep a record of your coding work (dates, employer letters)",
                at_fraction(start, end, 0.1),
                "Employer letters prove your experience for credentials and promotions.",
                MilestoneKind.CAREER,
            )
        else:
            self.draft.add(
                Step.FIRST_JOB,
                "Start in an entry-level coding role",
                at_fraction(start, end, 0.1),
                "Employers prefer experience; entry-level roles exist but take persistence "
                "to find.",
                MilestoneKind.CAREER,
            )
        self.draft.add(
            "p3-remote-ready",
            "Remote roles become realistic",
            add_years(start, default_office.planning),
            f"Most coders work on site for {default_office.describe()} before going remote.",
            MilestoneKind.CAREER,
        )
        self._apprentice(start, first)
        if first is not self.cert:
            self.draft.add(
                Step.TARGET_EXAM,
                _exam_title(self.cert),
                target_exam,
                f"{elig.summary} {self._exam_why(self.cert)}",
                MilestoneKind.EXAM,
                phase=3,
            )
            self.draft.add(
                Step.TARGET_CREDENTIAL,
                f"Earn the {self.cert.id} credential",
                target_exam,
                f"{self.cert.name} ({self.cert.body.value}).",
                MilestoneKind.CREDENTIAL,
                phase=3,
            )
            self.warnings.append(
                f"{self.cert.id}: {self.cert.body.value} recommends coding experience first, "
                f"so the plan takes the {first.id} in phase 2 and sits the {self.cert.id} "
                f"a year after the {first.id} (AHIMA's '{first.id} plus one year')."
            )
        return end

    def _apprentice(self, start: date, first: Certification) -> None:
        rule = first.apprentice
        if rule is None:
            return
        routes = {r.id: r for r in rule.routes}
        employed = self.inputs.background is Background.CODING and "employment" in routes
        route = routes["employment"] if employed else routes.get("education", rule.routes[0])
        due = start
        if rule.processing_weeks is not None:
            processing = self.src.use("Apprentice removal processing", rule.processing_weeks)
            due = add_weeks(start, processing.hi)
        if employed:
            why = (
                "Coding work before and after the exam counts: submit signed employer letters "
                "once you have two years."
            )
            warning = (
                f"{rule.designation}: if you have fewer than two years of coding work, the "
                "apprentice designation stays until you reach them (or use AAPC's course and "
                "Practicode routes)."
            )
        else:
            self.draft.add(
                "p2-practicode",
                "Complete Practicode (AAPC practice on real redacted records)",
                at_fraction(self.p2_start, start, 0.9),
                "Practicode takes one year off the apprentice requirement and can be done "
                "during exam training.",
                phase=2,
            )
            why = (
                "An 80-contact-hour coding course plus Practicode fulfils the two-year "
                "requirement without employment."
            )
            warning = (
                f"{rule.designation}: passing the exam without experience makes you a "
                f"{rule.designation} until AAPC's apprentice rules are met. The plan uses the "
                f"'{route.title}' route (80-contact-hour course plus Practicode): the 'A' goes "
                "a few weeks after the exam; without it, it takes two years of coding work."
            )
        self.draft.add(
            Step.APPRENTICE_REMOVED,
            f"Remove the apprentice 'A' ({route.title})",
            due,
            why,
            MilestoneKind.CREDENTIAL,
        )
        self.warnings.append(warning)
        self.src.rule(
            f"{rule.designation} removal routes",
            "; ".join(r.title for r in rule.routes),
            rule.source,
            rule.as_of,
        )

    def _phase4(self, start: date) -> tuple[date, float]:
        addon_id = self.spec.credential
        if addon_id is None or addon_id == self.cert.id:
            end = add_months(start, 3)
            self.draft.add(
                "p4-move",
                f"Move into {self.spec.name} work",
                end,
                self.spec.description,
                MilestoneKind.CAREER,
            )
            self.src.rule(
                "Phase 4 without an add-on credential",
                "three months to move into the new role",
                "planner rule",
                "n.d.",
            )
            return end, 0.0
        addon = self.catalog.certifications[addon_id]
        study_start = start
        elig = addon.eligibility
        if elig.kind is EligibilityKind.PROGRAM and elig.required_program:
            program, _months, finished = self._programme(
                addon, start, ("p4-program", "p4-program-done"), phase=4
            )
            if finished is not None:
                study_start = finished
            else:
                self.warnings.append(
                    f"{addon.id} needs a {program.name}; its length is not in the data, so the "
                    "plan does not include it."
                )
        prep = self.src.use(f"{addon.id} exam preparation", _prep_for(addon, self.catalog))
        hours = _prep_hours(prep, self.inputs.background) if prep.unit == "hours" else 0.0
        ready = _duration_end(study_start, prep, self.hpw, hours)
        exam = avoid_switchover(ready, self.catalog)
        self.draft.add(
            "p4-prepare",
            f"Start preparing for the {addon.id}",
            study_start,
            f"{addon.name}: {addon.best_for}",
            phase=4,
        )
        self.draft.add(
            Step.ADDON_EXAM, _exam_title(addon), exam, self._exam_why(addon), MilestoneKind.EXAM
        )
        self.draft.add(
            Step.ADDON_CREDENTIAL,
            f"Earn the {addon.id} credential",
            exam,
            f"Leads to {self.spec.name} roles.",
            MilestoneKind.CREDENTIAL,
        )
        return exam, hours

    def _phase5(self, start: date, end: date, first: Certification) -> None:
        roles = (
            ", ".join(self.spec.roles) if self.spec.roles else "management, consulting, education"
        )
        self.draft.add(
            "p5-expand",
            "Look at senior, lead or auditing roles",
            add_years(start, 1),
            "Experienced coders with several credentials earn the most.",
            MilestoneKind.CAREER,
        )
        self.draft.add(
            "p5-scope",
            f"Consider the next step: {roles}",
            at_fraction(start, end, 0.6),
            "Management, auditing and education roles can exceed $100,000 (seed article).",
            MilestoneKind.CAREER,
        )
        ceu = self.cert.ceu
        if ceu is None:
            return
        credits = self.src.use(f"{self.cert.id} CEUs per cycle", ceu.credits)
        cycle = self.src.use(f"{self.cert.id} CEU cycle", ceu.cycle_years)
        certified = self._target_certified_date(first)
        due = add_years(certified, cycle.planning)
        while due <= end:
            self.draft.add(
                f"ceu-{self.cert.id.lower()}-{due.year}",
                f"Report {credits.lo:g} CEUs for the {self.cert.id} ({cycle.lo:g}-year cycle)",
                due,
                f"The {self.cert.id} stays active only with continuing education. "
                f"{ceu.note}".strip(),
                MilestoneKind.CEU,
            )
            due = add_years(due, cycle.planning)

    def _certified_as(self, first: Certification) -> str:
        apprentice = self.cert.apprentice
        if first is self.cert and apprentice and self.inputs.background is not Background.CODING:
            return apprentice.designation
        return self.cert.id

    def _target_certified_date(self, first: Certification) -> date:
        return self._due(Step.FIRST_EXAM if first is self.cert else Step.TARGET_EXAM)

    def _codesets(self, from_day: date, until: date) -> None:
        for update in self.catalog.training.codeset_updates:
            for year in range(from_day.year, until.year + 1):
                day = date(year, update.month, update.day)
                if from_day < day <= until:
                    self.draft.add(
                        f"codeset-{update.id}-{year}",
                        f"{update.code_set} {year} update takes effect",
                        day,
                        "Coders must use the current code set; learn the new and deleted codes.",
                        MilestoneKind.CODESET,
                    )
            self.src.rule(
                f"{update.code_set} update date",
                f"every {MONTH_NAMES[update.month - 1]} {update.day}",
                update.source,
                update.as_of,
            )

    def _warnings_general(self) -> None:
        self.warnings.append("Entry-level remote jobs are rare: expect to work on site at first.")
        if self.inputs.state is not None and self.inputs.state not in self.catalog.salary.states:
            self.warnings.append(
                f"No state wage figure for {self.inputs.state} in the data: the salary outlook "
                "uses national figures."
            )
        if self.hpw > 40:
            self.warnings.append(
                f"{self.hpw:g} hours a week is more than a full-time job: the plan assumes you "
                "keep it up every week."
            )
