"""Progress, pace, status and re-planning from the learner's real pace ("today" is passed in)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from datetime import date, timedelta
from enum import StrEnum

from planner.core.base import FrozenModel
from planner.core.catalog import Catalog
from planner.core.dates import HORIZON_YEARS, add_months, add_years, months_between
from planner.core.inputs import PlanInputs
from planner.core.log_totals import LogTotals
from planner.core.plan import (
    EXAM_STEPS,
    TARGET_SLACK_DAYS,
    Milestone,
    MilestoneKind,
    Plan,
    PlanError,
    Step,
    avoid_switchover,
    build_plan,
    with_outlook,
)
from planner.core.profile import ExamScore, MilestoneStatus, Profile, ReplanState

PACE_DAYS = 28  # the pace window: the last four weeks
MIN_TRACKED_DAYS = 14  # a projection from fewer days of logging swings too much to act on
MAX_PROPOSED_SHIFT_DAYS = 730  # beyond this, the weekly hours themselves should change
STUDY_PHASES = (1, 2)  # the phases whose dates depend on study hours before certification
START_WINDOW_YEARS = 2  # start dates further from today than this need confirmation
PROGRAMME_END = "p1-graduate"  # the milestone a degree path's programme ends with


class StatusKind(StrEnum):
    """Where the learner stands against the plan, without judgement."""

    NOT_STARTED = "not-started"
    NO_DATA = "no-data"  # nothing logged or entered yet: no claim either way
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
    """Study hours per week over the last four weeks (or fewer days at first) against the plan."""

    weeks: int  # the window in whole weeks (rounded); 0 when the pace is not measured
    days: int  # the window in days
    hours: float
    per_week: float
    planned_per_week: float
    measured: bool  # False until two weeks of logging: no pace is claimed before that
    text: str


class TargetCheck(FrozenModel):
    """A target exam date that no longer fits the study hours, and the earliest realistic one."""

    target: date
    earliest: date
    too_early: bool  # True: impossible at the weekly hours; False: much later than needed
    text: str


class DegreeProgress(FrozenModel):
    """A degree path's programme (RHIT, RHIA): what the learner entered against its time."""

    programme: str
    start: date
    end: date
    credits_earned: float | None
    credits_required: float | None
    terms_done: int | None
    terms_total: int | None
    percent_done: float | None  # None until the learner enters credits or terms
    percent_time: float
    text: str


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
    """Everything the Progress page, ``codepath status`` and the print-out show, worded once.

    ``headline``/``detail`` are the status; ``status_text`` is both plus the re-plan sentence.
    ``planned_curve`` is the planned-hours line of the chart: at ``today`` it equals
    ``expected_hours``, the "planned so far" figure of the text.
    """

    today: date
    phases: tuple[PhaseProgress, ...]
    percent_milestones: float
    hours_logged: float  # counted hours: up to today (and, on a degree path, since exam prep)
    hours_planned: float
    percent_hours: float
    expected_hours: float
    hours_future: float  # dated after today: counted from their day, not before
    hours_before_prep: float  # degree paths: hours logged during the programme
    pace: Pace
    status: StatusKind
    weeks_off: int  # weeks ahead (positive) or behind (negative), whole weeks
    headline: str
    detail: str
    status_text: str
    hours_text: str
    replan_text: str
    next_step: str  # the one thing to do next, "" when nothing in particular
    proposed_shift_days: int | None  # re-plan from real pace; None when none is offered
    projected: tuple[tuple[int, date, date], ...]  # (phase, current end, projected end)
    planned_curve: tuple[tuple[date, float], ...]
    overdue: tuple[str, ...]  # ids of open milestones whose date has passed
    notes: tuple[str, ...]  # start date in the past, entries dated after today, target date
    target: TargetCheck | None
    degree: DegreeProgress | None
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
    mapped, bounds = _shifted_dates(plan, shift_days, frozen, today, catalog)
    order = {m.id: n for n, m in enumerate(plan.milestones())}

    placed: list[tuple[int, Milestone]] = []
    codesets: list[Milestone] = []
    ceus: list[Milestone] = []
    for index, phase in enumerate(plan.phases):
        for milestone in phase.milestones:
            if milestone.id in frozen:
                placed.append((index, milestone))  # done: its date and its phase stay
            elif milestone.kind is MilestoneKind.CODESET:
                codesets.append(milestone)
            elif milestone.kind is MilestoneKind.CEU:
                ceus.append(milestone)
            else:
                due = mapped(milestone.due)
                if bounds[index + 1] >= today:
                    due = max(due, today)  # overdue and still open: due now
                due = min(max(due, bounds[index]), bounds[index + 1])
                placed.append((index, milestone.model_copy(update={"due": due})))
    certified = next(
        (m.due for step in (Step.TARGET_EXAM, Step.FIRST_EXAM) for _, m in placed if m.id == step),
        plan.certified_date,
    )
    cycle = _ceu_cycle_months(plan, ceus, catalog)
    taken = {m.id for _, m in placed}
    relisted = _yearly_codesets(codesets, bounds[2], bounds[-1])
    relisted += _ceu_reminders(ceus, cycle, certified, bounds[-1])
    for milestone in relisted:
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


def _shifted_dates(
    plan: Plan, shift_days: int, frozen: set[str], today: date, catalog: Catalog | None
) -> tuple[Callable[[date], date], list[date]]:
    """How shift_plan moves a date, and the phase bounds it gives (start, then each end)."""
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
    return mapped, bounds


def _ceu_cycle_months(plan: Plan, ceus: list[Milestone], catalog: Catalog | None) -> int:
    """The CEU cycle in months, as the builder counts it (0 when the plan lists no CEUs)."""
    cert = catalog.certifications.get(plan.certification) if catalog is not None else None
    if cert is not None and cert.ceu is not None:
        return math.ceil(cert.ceu.cycle_years.planning * 12 - 1e-9)
    if not ceus:
        return 0
    return max(1, months_between(plan.certified_date, min(m.due for m in ceus)))


def _ceu_reminders(
    ceus: list[Milestone], cycle_months: int, certified: date, until: date
) -> list[Milestone]:
    """The CEU reminders every cycle from ``certified`` to ``until``, as a fresh plan lists them."""
    if not ceus or cycle_months <= 0:
        return []
    sample = min(ceus, key=lambda m: m.due)
    series = sample.id.rsplit("-", 1)[0]
    result = []
    due = add_months(certified, cycle_months)
    while due <= until:
        result.append(sample.model_copy(update={"id": f"{series}-{due.year}", "due": due}))
        due = add_months(due, cycle_months)
    return result


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
    """The plan the learner follows: the baseline, or the re-plans they accepted, in order.

    With the catalog, the salary outlook and break-even follow the moved dates too.
    """
    if profile.replan is None:
        return baseline
    plan = _replanned_schedule(baseline, profile, catalog)
    return with_outlook(plan, catalog) if catalog is not None else plan


def _replanned_schedule(baseline: Plan, profile: Profile, catalog: Catalog | None) -> Plan:
    """current_plan before its outlook step: the dates are final, income and costs not yet."""
    done = done_ids(profile)
    plan, before = baseline, 0
    for step in profile.replan.steps() if profile.replan is not None else ():
        plan = shift_plan(plan, step.shift_days - before, done, step.accepted_on, catalog)
        before = step.shift_days
    return plan


def next_replan_state(profile: Profile, today: date, shift_days: int) -> ReplanState:
    """The re-plan state after accepting a move of ``shift_days`` today (ValidationError if too
    far): the window, ``codepath replan`` and the preview all build it here."""
    previous = profile.replan
    total = shift_days + (previous.shift_days if previous is not None else 0)
    return ReplanState(accepted_on=today, shift_days=total, previous=previous)


def replan_preview(
    baseline: Plan, profile: Profile, catalog: Catalog | None, today: date, shift_days: int
) -> Plan:
    """The plan accepting a re-plan of ``shift_days`` on ``today`` gives (what the preview shows).

    It is built exactly as an accepted re-plan is (``current_plan`` with ``next_replan_state``),
    so the preview and the plan after accepting cannot differ.
    """
    return current_plan(baseline, _with_replan(profile, today, shift_days), catalog)


def _proposed_phase_ends(
    baseline: Plan, profile: Profile, catalog: Catalog, today: date, shift_days: int
) -> list[date]:
    """The phase ends of ``replan_preview(baseline, profile, catalog, today, shift_days)``.

    Progress shows only these, so the new step's milestones and the outlook are not built:
    the accepted steps are replayed as current_plan does, then the new step's bounds taken.
    """
    accepted = next_replan_state(profile, today, shift_days)
    before = _replanned_schedule(baseline, profile, catalog)
    step = accepted.shift_days - (profile.replan.shift_days if profile.replan is not None else 0)
    if step == 0:
        return [phase.end for phase in before.phases]
    _mapped, bounds = _shifted_dates(before, step, done_ids(profile), today, catalog)
    return bounds[1:]


def _with_replan(profile: Profile, today: date, shift_days: int) -> Profile:
    """The profile after accepting a re-plan of ``shift_days`` on ``today``."""
    return profile.model_copy(update={"replan": next_replan_state(profile, today, shift_days)})


def is_degree_path(plan: Plan) -> bool:
    """Whether phase 1 is a degree programme (RHIT, RHIA): its length is set by the school."""
    return plan.milestone(PROGRAMME_END) is not None


def _study_segments(plan: Plan, baseline: Plan) -> list[tuple[date, date, float]]:
    """(start, end, hours) of the study the plan expects before the first exam.

    A phase with sourced study hours uses them; exam preparation given in weeks or months
    (RHIT, CCS) is the learner's own weekly hours over the baseline's preparation time. A degree
    programme has no study hours: its progress is the credits or terms the learner enters.
    """
    segments = []
    for phase, base in zip(plan.phases, baseline.phases, strict=True):
        if phase.number not in STUDY_PHASES:
            continue
        hours = base.study_hours
        if not hours and phase.number == 2:
            hours = plan.inputs.hours_per_week * round((base.end - base.start).days / 7)
        if hours:
            segments.append((phase.start, phase.end, hours))
    return segments


def _prep_from_weeks(baseline: Plan) -> bool:
    return not baseline.phases[1].study_hours


def at_day(curve: tuple[tuple[date, float], ...], day: date) -> float:
    """The planned hours of ``curve`` on ``day`` (linear between its points, flat outside)."""
    if not curve or day <= curve[0][0]:
        return curve[0][1] if curve else 0.0
    for (d0, h0), (d1, h1) in itertools.pairwise(curve):
        if day <= d1:
            span = (d1 - d0).days
            return h1 if span <= 0 else h0 + (h1 - h0) * (day - d0).days / span
    return curve[-1][1]


def planned_curve(
    plan: Plan, baseline: Plan, profile: Profile, counted_until: Callable[[date], float]
) -> tuple[tuple[date, float], ...]:
    """Cumulative planned study hours: the chart's line and the "planned so far" figure.

    After an accepted re-plan the line starts on the day it was accepted at the hours logged
    by then (on track then by definition) and reaches the planned total at the new end.
    """
    segments = _study_segments(plan, baseline)
    if not segments:
        return ()
    total = sum(hours for _, _, hours in segments)
    if profile.replan is not None:
        accepted = profile.replan.accepted_on
        logged_then = min(total, counted_until(accepted))
        end = max(segments[-1][1], accepted)
        return ((accepted, round(logged_then, 2)), (end, total))
    points: list[tuple[date, float]] = [(segments[0][0], 0.0)]
    done = 0.0
    for start, end, hours in segments:
        if points[-1][0] != start:
            points.append((start, done))
        done += hours
        points.append((end, round(done, 2)))
    return tuple(points)


def is_overdue(milestone: Milestone, status: MilestoneStatus, today: date) -> bool:
    """Open and its date has passed (code-set reminders are news, never overdue)."""
    return (
        milestone.due < today
        and status not in (MilestoneStatus.DONE, MilestoneStatus.SKIPPED)
        and milestone.kind is not MilestoneKind.CODESET
    )


def overdue_ids(plan: Plan, profile: Profile, today: date) -> tuple[str, ...]:
    """Ids of the plan's overdue milestones, in plan order."""
    return tuple(
        m.id for m in plan.milestones() if is_overdue(m, profile.milestone_status(m.id), today)
    )


def target_check(inputs: PlanInputs, catalog: Catalog) -> TargetCheck | None:
    """A target exam date that is impossible or much later than the hours need, else None."""
    target = inputs.target_exam_date
    if target is None:
        return None
    try:
        earliest = build_plan(inputs.model_copy(update={"target_exam_date": None}), catalog)
    except PlanError:
        return None
    day = earliest.exam_date
    hpw = inputs.hours_per_week
    if target < day:
        text = (
            f"Your target exam date {target.isoformat()} is earlier than your study allows at "
            f"{hpw:g} h/week; the earliest realistic date is {day.isoformat()}."
        )
        return TargetCheck(target=target, earliest=day, too_early=True, text=text)
    if (target - day).days > TARGET_SLACK_DAYS:
        months = months_between(day, target)
        text = (
            f"Your target exam date {target.isoformat()} is {months} months later than your "
            f"study needs at {hpw:g} h/week: the exam could be on {day.isoformat()}."
        )
        return TargetCheck(target=target, earliest=day, too_early=False, text=text)
    return None


def start_date_problem(start: date, today: date) -> str | None:
    """A sentence when a plan's start lies outside a sensible window around today, else None.

    The window and ``codepath plan`` ask for confirmation before using such a date.
    """
    if start < add_years(today, -START_WINDOW_YEARS):
        return (
            f"The start date {start.isoformat()} is more than {START_WINDOW_YEARS} years ago: "
            "the plan's dates before today would all be history."
        )
    if start > add_years(today, START_WINDOW_YEARS):
        return f"The start date {start.isoformat()} is more than {START_WINDOW_YEARS} years away."
    return None


def _pace(
    totals: LogTotals, counted_from: date | None, track_from: date, today: date, planned: float
) -> Pace:
    """The pace over the last four weeks of the entries counted from ``counted_from``."""
    first_logged = totals.first_day(counted_from, today)
    if first_logged is None:
        text = f"Pace: nothing logged yet (your plan: {planned:g} h/week)."
        return Pace(
            weeks=0,
            days=0,
            hours=0,
            per_week=0,
            planned_per_week=planned,
            measured=False,
            text=text,
        )
    first = max(track_from, first_logged)
    tracked = (today - first).days + 1
    if tracked < MIN_TRACKED_DAYS:
        text = (
            f"Pace: shown after two weeks of logging ({_count(tracked, 'day')} so far; your "
            f"plan: {planned:g} h/week)."
        )
        return Pace(
            weeks=0,
            days=tracked,
            hours=0,
            per_week=0,
            planned_per_week=planned,
            measured=False,
            text=text,
        )
    window = min(PACE_DAYS, tracked)
    window_start = today - timedelta(days=window - 1)
    since = window_start if counted_from is None else max(counted_from, window_start)
    recent = round(totals.hours(since, today), 2)
    per_week = round(recent * 7 / window, 2)
    span = _count(window // 7, "week") if window % 7 == 0 else _count(window, "day")
    text = f"Pace over the last {span}: {per_week:g} h/week (your plan: {planned:g} h/week)."
    return Pace(
        weeks=round(window / 7),
        days=window,
        hours=recent,
        per_week=per_week,
        planned_per_week=planned,
        measured=True,
        text=text,
    )


def _degree(plan: Plan, profile: Profile, today: date) -> DegreeProgress:
    phase = plan.phases[0]
    graduate = plan.milestone(PROGRAMME_END)
    name = graduate.title.removeprefix("Finish the ") if graduate is not None else "programme"
    span = max(1, (phase.end - phase.start).days)
    percent_time = round(100 * min(1.0, max(0.0, (today - phase.start).days / span)), 1)
    entered = profile.programme
    credits = terms = None
    done: float | None = None
    parts = []
    if entered is not None and entered.credits_required:
        credits = entered.credits_earned
        done = 100 * credits / entered.credits_required
        parts.append(f"{credits:g} of {entered.credits_required:g} credits")
    if entered is not None and entered.terms_total:
        terms = entered.terms_done
        if done is None:
            done = 100 * terms / entered.terms_total
        parts.append(f"{terms} of {_count(entered.terms_total, 'term')}")
    when = f"runs from {phase.start.isoformat()} to {phase.end.isoformat()}"
    if done is None:
        text = f"Your {name} {when}. Enter the credits or terms you have completed."
    else:
        text = (
            f"{' and '.join(parts)} of your {name} done ({done:.0f}%); {percent_time:.0f}% of "
            f"its time has passed (it {when})."
        )
    return DegreeProgress(
        programme=name,
        start=phase.start,
        end=phase.end,
        credits_earned=credits,
        credits_required=entered.credits_required if entered is not None else None,
        terms_done=terms,
        terms_total=entered.terms_total if entered is not None else None,
        percent_done=round(done, 1) if done is not None else None,
        percent_time=percent_time,
        text=text,
    )


def _status_word(weeks_off: int) -> tuple[StatusKind, str]:
    if weeks_off >= 1:
        return StatusKind.AHEAD, f"Ahead by {_count(weeks_off, 'week')}"
    if weeks_off <= -1:
        return StatusKind.BEHIND, f"Behind by {_count(-weeks_off, 'week')}"
    return StatusKind.ON_TRACK, "On track"


def compute_progress(
    plan: Plan,
    profile: Profile,
    catalog: Catalog,
    today: date,
    baseline: Plan | None = None,
    *,
    totals: LogTotals | None = None,
) -> Progress:
    """Progress of ``profile`` against ``plan`` (the current plan) on ``today``.

    ``baseline`` is the plan before any accepted re-plan (derive passes it): the re-plan
    preview is built from it exactly as accepting builds the plan. ``totals`` are the study
    log's running totals (derive keeps them from edit to edit); built here when not given.
    """
    base = baseline if baseline is not None else plan
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

    # one rule for entries dated after today: they count from their day, nowhere before
    degree = is_degree_path(plan)
    prep_start = plan.phases[1].start
    track_from = prep_start if degree else plan.inputs.start
    if totals is None or totals.source is not profile.study_log:
        totals = LogTotals.of(profile.study_log)
    counted_from = prep_start if degree else None  # a degree path counts from exam prep

    def counted_until(day: date) -> float:
        return totals.hours(counted_from, day)

    counted = totals.count(counted_from, today)
    logged = round(totals.hours(counted_from, today), 2)
    future = round(totals.hours(today + timedelta(days=1), None), 2)
    before_prep = (
        round(totals.hours(None, min(today, prep_start - timedelta(days=1))), 2) if degree else 0.0
    )
    hpw = plan.inputs.hours_per_week
    curve = planned_curve(plan, base, profile, counted_until)
    planned = curve[-1][1] if curve else 0.0
    expected = round(at_day(curve, today), 1)
    pace = _pace(totals, counted_from, track_from, today, hpw)
    study_end = plan.phases[1].end
    remaining = max(0.0, planned - logged)
    degree_progress = _degree(plan, profile, today) if degree else None

    weeks_off = 0
    next_step = ""
    in_programme = degree and today < prep_start
    if today < plan.inputs.start:
        status, headline = StatusKind.NOT_STARTED, "Not started yet"
        detail = f"Your plan starts on {plan.inputs.start.isoformat()}."
        next_step = f"Log your first study session on or after {plan.inputs.start.isoformat()}."
    elif Step.FIRST_EXAM in done or (planned and remaining <= 0):
        status, headline = StatusKind.STUDY_DONE, "Study hours done"
        detail = "Study hours for the exam are complete."
    elif in_programme and degree_progress is not None:
        if degree_progress.percent_done is None:
            status, headline = StatusKind.NO_DATA, "Programme progress not entered yet"
            next_step = "Enter the credits or terms you have completed so far."
        else:
            span_weeks = (degree_progress.end - degree_progress.start).days / 7
            gap = (degree_progress.percent_done - degree_progress.percent_time) / 100
            weeks_off = int(gap * span_weeks)
            status, headline = _status_word(weeks_off)
            headline += " in your programme"
        detail = degree_progress.text
    elif not counted:
        status, headline = StatusKind.NO_DATA, "Nothing logged yet"
        weeks_in = (today - track_from).days // 7
        since = "exam preparation" if degree else "your plan"
        detail = (
            f"{_count(weeks_in, 'week')} into {since}, {expected:.0f} planned hours so far; "
            "without a log there is nothing to measure your pace against."
        )
        next_step = "Log your first study session."
    else:
        weeks_off = int((logged - expected) / hpw)
        status, headline = _status_word(weeks_off)
        detail = f"{logged:g} of {expected:.0f} planned hours so far."

    shift: int | None = None
    projected: list[tuple[int, date, date]] = []
    replan_text = ""
    if in_programme:
        replan_text = (
            "Your programme's length is set by your school; re-planning from your pace "
            f"applies to exam preparation, which starts on {prep_start.isoformat()}."
        )
    elif status is StatusKind.ON_TRACK:
        replan_text = "You are on track with your plan; nothing to re-plan."
    elif status in (StatusKind.AHEAD, StatusKind.BEHIND):
        behind = status is StatusKind.BEHIND
        if not pace.measured:
            replan_text = (
                "A re-plan from your pace is offered after two weeks of logging; until then "
                "keep logging your study."
            )
        elif not pace.per_week:
            replan_text = (
                f"No study logged in the last {pace.days} days, so no projection from your "
                "pace and nothing to re-plan yet."
            )
        else:
            finish = today + timedelta(days=math.ceil(remaining / pace.per_week * 7))
            raw = (finish - study_end).days
            faster = pace.per_week > hpw
            slower = pace.per_week < hpw
            at_pace = f"At your recent pace ({pace.per_week:g} h/week)"
            if (behind and raw <= 0) or (not behind and raw >= 0):
                replan_text = (
                    f"{at_pace} the study hours would be done on {finish.isoformat()}; the "
                    f"exam phase ends on {study_end.isoformat()}: nothing to re-plan."
                )
            elif (behind and faster) or (not behind and slower):
                replan_text = (
                    f"{at_pace} you are {'catching up' if behind else 'slowing down'} "
                    f"against your plan's {hpw:g} h/week: nothing to re-plan yet."
                )
            elif abs(raw) > MAX_PROPOSED_SHIFT_DAYS:
                replan_text = (
                    f"{at_pace} the exam would be more than two years "
                    f"{'later' if behind else 'earlier'} than planned; if your weekly time "
                    "has changed, change it in the plan settings."
                )
            else:
                shift = raw
                proposal_ends = _proposed_phase_ends(base, profile, catalog, today, shift)
                projected = [
                    (p.number, p.end, end)
                    for p, end in zip(plan.phases, proposal_ends, strict=True)
                    if p.end >= today
                ]
                replan_text = (
                    f"{at_pace} the exam phase would end on "
                    f"{proposal_ends[1].isoformat()}: the open milestones would move "
                    f"{_count(abs(shift), 'day')} {'later' if behind else 'earlier'}."
                )

    hours_text = f"{logged:g} of {planned:g} {'exam preparation' if degree else 'study'} hours"
    if planned:
        hours_text += f" ({min(100.0, 100 * logged / planned):.0f}%)"
    if before_prep:
        hours_text += f"; {before_prep:g} h logged during the programme are counted separately"
    if _prep_from_weeks(base):
        weeks = round((base.phases[1].end - base.phases[1].start).days / 7)
        hours_text += (
            f"; exam preparation is your {hpw:g} h/week over the plan's "
            f"{_count(weeks, 'week')} (the data gives no hours for it)"
        )
    hours_text += "."
    if in_programme:
        pace = pace.model_copy(
            update={
                "text": f"Pace of exam preparation: measured from {prep_start.isoformat()} "
                f"(your plan: {hpw:g} h/week)."
            }
        )

    notes = []
    if plan.inputs.start < today - timedelta(days=7):
        notes.append(
            f"Your plan started on {plan.inputs.start.isoformat()}: the dates before today are "
            "history, not failures. Mark what you have done (you can set the day you did it); "
            "open steps dated before today show as overdue until you do."
        )
    if future:
        notes.append(
            f"{future:g} h of study dated after today {'counts' if future == 1 else 'count'} "
            f"from {'its' if future == 1 else 'their'} day, not before."
        )
    target = target_check(plan.inputs, catalog)
    if target is not None:
        notes.append(target.text)

    status_text = f"{headline}: {detail}" + (f" {replan_text}" if replan_text else "")
    return Progress(
        today=today,
        phases=tuple(phases),
        percent_milestones=round(100 * done_all / total_all, 1) if total_all else 0.0,
        hours_logged=logged,
        hours_planned=planned,
        percent_hours=round(min(100.0, 100 * logged / planned), 1) if planned else 0.0,
        expected_hours=expected,
        hours_future=future,
        hours_before_prep=before_prep,
        pace=pace,
        status=status,
        weeks_off=weeks_off,
        headline=headline,
        detail=detail,
        status_text=status_text,
        hours_text=hours_text,
        replan_text=replan_text,
        next_step=next_step,
        proposed_shift_days=shift,
        projected=tuple(projected),
        planned_curve=curve,
        overdue=overdue_ids(plan, profile, today),
        notes=tuple(notes),
        target=target,
        degree=degree_progress,
        readiness=readiness(plan, profile, catalog),
        ceu=ceu_progress(plan, profile, catalog, today),
    )


def _count(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def no_percent_mark(exam: str, catalog: Catalog) -> str | None:
    """Why a percent score of ``exam`` cannot be judged (mark unknown, or scaled); None: it can."""
    cert = catalog.certifications.get(exam)
    form = cert.exam if cert is not None else None
    if form is None or form.passing is None:
        return "passing mark not in the data"
    if form.passing_percent is None:
        return "scored on a scaled score, not a percent"
    return None


def score_verdict(score: ExamScore, catalog: Catalog) -> str:
    """One practice score against its exam's passing mark, in words and a symbol."""
    reason = no_percent_mark(score.exam, catalog)
    if reason is not None:
        return reason
    cert = catalog.certifications[score.exam]
    passing = cert.exam.passing_percent if cert.exam is not None else None
    assert passing is not None  # no_percent_mark said it is a percent mark
    if score.percent >= passing:
        return f"\u2713 at or above {passing:g}%"
    gap = passing - score.percent
    return f"\u2717 below {passing:g}% by {gap:g} point{'s' if gap != 1 else ''}"


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
        text = f"Recent {exam} practice average {average:g}% ({no_percent_mark(exam, catalog)})."
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
