"""Progress, pace, status and re-planning from the learner's real pace ("today" is passed in)."""

from __future__ import annotations

import math
from datetime import date, timedelta
from enum import StrEnum

from planner.core.base import FrozenModel
from planner.core.catalog import Catalog
from planner.core.dates import HORIZON_YEARS, add_years
from planner.core.plan import (
    EXAM_STEPS,
    Milestone,
    MilestoneKind,
    Plan,
    Step,
    avoid_switchover,
    with_outlook,
)
from planner.core.profile import MilestoneStatus, Profile

PACE_WEEKS = 4
MIN_TRACKED_DAYS = 14  # a projection from fewer days of logging swings too much to act on
MAX_PROPOSED_SHIFT_DAYS = 730  # beyond this, the weekly hours themselves should change
STUDY_PHASES = (1, 2)  # the phases whose dates depend on study hours before certification


class StatusKind(StrEnum):
    """Where the learner stands against the plan, without judgement."""

    NOT_STARTED = "not-started"
    ON_TRACK = "on-track"
    AHEAD = "ahead"
    BEHIND = "behind"
    STUDY_DONE = "study-done"


class PhaseProgress(FrozenModel):
    """Milestones and hours of one phase."""

    number: int
    name: str
    milestones_done: int
    milestones_total: int
    percent: float
    hours_planned: float


class Pace(FrozenModel):
    """Study hours per week over the last four weeks against the plan."""

    weeks: int
    hours: float
    per_week: float
    planned_per_week: float


class Readiness(FrozenModel):
    """Recent practice-exam scores against the exam's passing mark."""

    exam: str
    passing_percent: float | None
    recent: tuple[float, ...]
    average: float | None
    ready: bool | None
    text: str


class CeuProgress(FrozenModel):
    """Continuing education in the current cycle, after certification."""

    credential: str
    earned: float
    required: float
    cycle_end: date
    text: str


class Progress(FrozenModel):
    """Everything the status page and ``codepath status`` show."""

    today: date
    phases: tuple[PhaseProgress, ...]
    percent_milestones: float
    hours_logged: float
    hours_planned: float
    percent_hours: float
    expected_hours: float
    pace: Pace
    status: StatusKind
    weeks_off: int  # weeks ahead (positive) or behind (negative), whole weeks
    status_text: str
    proposed_shift_days: int | None  # re-plan from real pace; None when it cannot be projected
    projected: tuple[tuple[int, date, date], ...]  # (phase, current end, projected end)
    readiness: Readiness
    ceu: CeuProgress | None


def done_ids(profile: Profile) -> set[str]:
    """Milestone ids the learner marked done."""
    return {mid for mid, p in profile.milestones.items() if p.status is MilestoneStatus.DONE}


def closed_ids(profile: Profile) -> set[str]:
    """Milestone ids done or skipped (they no longer count as open)."""
    return {
        mid
        for mid, p in profile.milestones.items()
        if p.status in (MilestoneStatus.DONE, MilestoneStatus.SKIPPED)
    }


def shift_plan(
    plan: Plan, shift_days: int, frozen: set[str], today: date, catalog: Catalog | None = None
) -> Plan:
    """Freeze the past, re-plan the future: the study still ahead ends ``shift_days`` later.

    What lies between today and the exam is stretched (or squeezed) to the new exam date, what
    lies after it moves by the same number of days. Done milestones keep their dates and their
    phase; open ones that are overdue become due today; code-set releases keep their dates
    (the code-set owners fix them) and are listed from phase 3 to the new end. With the
    catalog, exams are kept clear of the weeks around a code-set switch-over.
    """
    if shift_days == 0:
        return plan
    study_end = plan.phases[1].end
    new_end = max(today, study_end + timedelta(days=shift_days))
    span = (study_end - today).days
    factor = (new_end - today).days / span if span > 0 else None
    adjustments: list[tuple[date, timedelta]] = []  # (from this original date on, add this)

    def mapped(day: date) -> date:
        if day < today:
            result = day
        elif factor is not None and day <= study_end:
            result = today + timedelta(days=round((day - today).days * factor))
        else:
            result = day + (new_end - study_end)
        return result + sum((off for start, off in adjustments if day >= start), timedelta())

    if catalog is not None:
        for exam_id in EXAM_STEPS:
            exam = plan.milestone(exam_id)
            if exam is None or exam.id in frozen or exam.due < today:
                continue
            target = mapped(exam.due)
            clear = avoid_switchover(target, catalog)
            if clear > target:
                adjustments.append((exam.due, clear - target))

    bounds = [plan.phases[0].start] + [mapped(p.end) for p in plan.phases]
    for i in range(1, len(bounds)):
        bounds[i] = max(bounds[i], bounds[i - 1] + timedelta(days=1))
    bounds[-1] = max(bounds[-1], add_years(plan.inputs.start, HORIZON_YEARS))
    order = {m.id: n for n, m in enumerate(plan.milestones())}

    placed: list[tuple[int, Milestone]] = []
    codesets: list[Milestone] = []
    for index, phase in enumerate(plan.phases):
        for milestone in phase.milestones:
            if milestone.id in frozen:
                placed.append((index, milestone))  # done: its date and its phase stay
            elif milestone.kind is MilestoneKind.CODESET:
                codesets.append(milestone)
            else:
                due = mapped(milestone.due)
                if bounds[index + 1] >= today:
                    due = max(due, today)  # overdue and still open: due now
                due = min(max(due, bounds[index]), bounds[index + 1])
                placed.append((index, milestone.model_copy(update={"due": due})))
    taken = {m.id for _, m in placed}
    for milestone in _yearly_codesets(codesets, bounds[2], bounds[-1]):
        if milestone.id not in taken:
            order.setdefault(milestone.id, len(order))
            index = next((i for i in range(2, 5) if milestone.due <= bounds[i + 1]), 4)
            placed.append((index, milestone))
    buckets: list[list[Milestone]] = [[] for _ in plan.phases]
    for index, milestone in sorted(placed, key=lambda pair: (pair[1].due, order[pair[1].id])):
        buckets[index].append(milestone)
    phases = tuple(
        p.model_copy(update={"start": bounds[i], "end": bounds[i + 1], "milestones": tuple(b)})
        for i, (p, b) in enumerate(zip(plan.phases, buckets, strict=True))
    )
    milestones = [m for _, m in placed]

    def find(mid: str, fallback: date) -> date:
        return next((m.due for m in milestones if m.id == mid), fallback)

    return plan.model_copy(
        update={
            "phases": phases,
            "exam_date": find(Step.FIRST_EXAM, plan.exam_date),
            "certified_date": find(Step.TARGET_EXAM, find(Step.FIRST_EXAM, plan.certified_date)),
            "working_from": find(Step.FIRST_JOB, plan.working_from),
            "specialized_date": phases[3].end,
        }
    )


def _yearly_codesets(codesets: list[Milestone], after: date, until: date) -> list[Milestone]:
    """One reminder per code set and year in (after, until], made from the plan's own ones."""
    latest: dict[str, Milestone] = {}
    for milestone in codesets:
        latest.setdefault(milestone.id.rsplit("-", 1)[0], milestone)
    result = []
    for series, sample in latest.items():
        for year in range(after.year, until.year + 1):
            day = sample.due.replace(year=year)
            if after < day <= until:
                result.append(
                    sample.model_copy(
                        update={
                            "id": f"{series}-{year}",
                            "title": sample.title.replace(str(sample.due.year), str(year)),
                            "due": day,
                        }
                    )
                )
    return result


def current_plan(baseline: Plan, profile: Profile, catalog: Catalog | None = None) -> Plan:
    """The plan the learner follows: the baseline, or the re-plan they accepted.

    With the catalog, the salary outlook and break-even follow the moved dates too.
    """
    if profile.replan is None:
        return baseline
    shifted = shift_plan(
        baseline, profile.replan.shift_days, done_ids(profile), profile.replan.accepted_on, catalog
    )
    return with_outlook(shifted, catalog) if catalog is not None else shifted


def _study_hours(plan: Plan) -> float:
    return sum(p.study_hours for p in plan.phases if p.number in STUDY_PHASES)


def _expected_hours(plan: Plan, today: date) -> float:
    expected = 0.0
    for phase in plan.phases:
        if phase.number not in STUDY_PHASES or not phase.study_hours:
            continue
        span = (phase.end - phase.start).days or 1
        fraction = min(1.0, max(0.0, (today - phase.start).days / span))
        expected += phase.study_hours * fraction
    return expected


def compute_progress(plan: Plan, profile: Profile, catalog: Catalog, today: date) -> Progress:
    """Progress of ``profile`` against ``plan`` (the current plan) on ``today``."""
    closed = closed_ids(profile)
    done = done_ids(profile)
    phases = []
    for phase in plan.phases:
        relevant = [m for m in phase.milestones if not m.is_reminder]
        total = len(relevant)
        finished = sum(1 for m in relevant if m.id in closed)
        phases.append(
            PhaseProgress(
                number=phase.number,
                name=phase.name,
                milestones_done=finished,
                milestones_total=total,
                percent=round(100 * finished / total, 1) if total else 0.0,
                hours_planned=phase.study_hours,
            )
        )
    total_all = sum(p.milestones_total for p in phases)
    done_all = sum(p.milestones_done for p in phases)

    logged = sum(e.hours for e in profile.study_log if e.day <= today)
    planned = _study_hours(plan)
    # the pace window: the last four weeks, but not before the plan or the first log entry
    logged_days = [e.day for e in profile.study_log if e.day <= today]
    tracking_from = max(plan.inputs.start, min(logged_days, default=today))
    window_start = max(today - timedelta(weeks=PACE_WEEKS), tracking_from - timedelta(days=1))
    recent = sum(e.hours for e in profile.study_log if window_start < e.day <= today)
    weeks_in_window = min(PACE_WEEKS, max(1, math.ceil((today - window_start).days / 7)))
    pace = Pace(
        weeks=weeks_in_window,
        hours=round(recent, 2),
        per_week=round(recent / weeks_in_window, 2),
        planned_per_week=plan.inputs.hours_per_week,
    )
    expected = _expected_hours(plan, today)
    accepted = profile.replan.accepted_on if profile.replan is not None else None
    if accepted is not None and accepted <= today and planned:
        # measured from the day the re-plan was accepted: on track then by definition
        logged_then = sum(e.hours for e in profile.study_log if e.day <= accepted)
        left = (plan.phases[1].end - accepted).days
        fraction = min(1.0, (today - accepted).days / left) if left > 0 else 1.0
        expected = logged_then + fraction * max(0.0, planned - logged_then)
    weeks_off = 0
    remaining = max(0.0, planned - logged)
    study_end = plan.phases[1].end
    if Step.FIRST_EXAM in done or (planned and remaining <= 0):
        status, text = StatusKind.STUDY_DONE, "Study hours for the exam are complete."
    elif today < plan.inputs.start:
        status = StatusKind.NOT_STARTED
        text = f"Your plan starts on {plan.inputs.start.isoformat()}."
    else:
        weeks_off = int((logged - expected) / plan.inputs.hours_per_week)
        if weeks_off >= 1:
            status, text = StatusKind.AHEAD, f"Ahead by {_weeks(weeks_off)}"
        elif weeks_off <= -1:
            status, text = StatusKind.BEHIND, f"Behind by {_weeks(-weeks_off)}"
        else:
            status, text = StatusKind.ON_TRACK, "On track"
        if expected > 0:
            text += f": {logged:g} of {expected:.0f} planned hours so far."
        else:
            first = next((p for p in plan.phases if p.study_hours), None)
            if first is not None:
                text += (
                    f": {logged:g} h logged; the plan's study hours start on "
                    f"{first.start.isoformat()}."
                )
            else:
                text += f": {logged:g} h logged."

    shift: int | None = None
    projected: list[tuple[int, date, date]] = []
    if status in (StatusKind.AHEAD, StatusKind.BEHIND, StatusKind.ON_TRACK) and planned:
        tracked_days = (today - tracking_from).days
        finish = today + timedelta(weeks=remaining / pace.per_week) if pace.per_week else None
        if tracked_days < MIN_TRACKED_DAYS:
            text += " Log your study for two weeks to see a projection from your pace."
        elif finish is None:
            text += " No study logged in the last four weeks, so no projection yet."
        elif (finish - study_end).days > MAX_PROPOSED_SHIFT_DAYS:
            text += (
                f" At your recent pace ({pace.per_week:g} h/week) the exam would be more than "
                "two years later than planned; if your weekly time has changed, change it in "
                "the plan settings."
            )
        else:
            shift = (finish - study_end).days
            proposal = shift_plan(plan, shift, done, today, catalog)
            projected = [
                (p.number, p.end, q.end)
                for p, q in zip(plan.phases, proposal.phases, strict=True)
                if p.end >= today
            ]
            text += (
                f" At your recent pace ({pace.per_week:g} h/week) the exam phase would end on "
                f"{proposal.phases[1].end.isoformat()}."
            )

    return Progress(
        today=today,
        phases=tuple(phases),
        percent_milestones=round(100 * done_all / total_all, 1) if total_all else 0.0,
        hours_logged=round(logged, 2),
        hours_planned=planned,
        percent_hours=round(min(100.0, 100 * logged / planned), 1) if planned else 0.0,
        expected_hours=round(expected, 1),
        pace=pace,
        status=status,
        weeks_off=weeks_off,
        status_text=text,
        proposed_shift_days=shift,
        projected=tuple(projected),
        readiness=readiness(plan, profile, catalog),
        ceu=ceu_progress(plan, profile, catalog, today),
    )


def _weeks(n: int) -> str:
    return f"{n} week" if n == 1 else f"{n} weeks"


def readiness(plan: Plan, profile: Profile, catalog: Catalog, last: int = 3) -> Readiness:
    """Average of the last ``last`` practice scores against the passing mark."""
    exam = plan.exam_credential
    cert = catalog.certifications.get(exam)
    passing = cert.exam.passing_percent if cert is not None and cert.exam is not None else None
    scores = sorted((s for s in profile.scores if s.exam == exam), key=lambda s: s.day)
    recent = tuple(s.percent for s in scores[-last:])
    average = round(sum(recent) / len(recent), 1) if recent else None
    if average is None:
        text = f"No {exam} practice scores yet."
        ready = None
    elif passing is None:
        text = (
            f"Recent {exam} practice average {average:g}%. The {exam} is scored on a scaled "
            "score, so there is no percent passing mark to compare with."
        )
        ready = None
    else:
        ready = average >= passing
        text = (
            f"Recent {exam} practice average {average:g}% against a passing mark of {passing:g}%"
            + (": ready." if ready else ": keep practising.")
        )
    return Readiness(
        exam=exam, passing_percent=passing, recent=recent, average=average, ready=ready, text=text
    )


def ceu_progress(plan: Plan, profile: Profile, catalog: Catalog, today: date) -> CeuProgress | None:
    """CEUs earned in the running cycle of the target's body, from the credentials-held timeline.

    The cycle asks what the credentials held on its due date ask (AAPC 36/40/.../52 by count,
    AHIMA 20 or 30 plus 10 per further credential); CEUs logged for any of them count.
    """
    cert = catalog.certifications[plan.certification]
    timeline = plan.credentials
    cycle = timeline.cycle_on(cert.body, today)
    if cycle is None:
        later = [c for c in timeline.cycles if c.body is cert.body and c.due >= today]
        held = timeline.held_on(today, cert.body)
        if not held or not later:
            return None
        cycle = later[0]
    # CEUs count for a credential held on the day they were earned (AAPC: none before it)
    earned = sum(
        c.credits
        for c in profile.ceus
        if cycle.start <= c.day <= cycle.due
        and (
            c.credential == cert.body.value
            or c.credential in timeline.held_on(c.day, cert.body)
            or c.credential in timeline.catalog_ids_on(c.day, cert.body)
        )
    )
    parts = f" ({'; '.join(cycle.parts)})" if cycle.parts else ""
    return CeuProgress(
        credential=", ".join(cycle.credentials),
        earned=earned,
        required=cycle.credits,
        cycle_end=cycle.due,
        text=f"{earned:g} of {cycle.credits:g} {cert.body.value} CEUs earned for the "
        f"{' and '.join(cycle.credentials)}{parts}; the cycle ends {cycle.due.isoformat()}.",
    )
