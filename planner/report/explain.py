"""How each header number of a plan was reached, told from the plan's own dates, hours and sources.

Nothing here recomputes the schedule: every sentence reads a field the builder already set
(phases, study hours, sources, the schedule's notes), so a tooltip can never disagree with
the plan it explains.
"""

from __future__ import annotations

from datetime import date

from planner.core.costs import UP_FRONT
from planner.core.dates import HORIZON_YEARS, format_date
from planner.core.plan import Milestone, MilestoneKind, Phase, Plan
from planner.report.text import humanize_dates, money

KEYS = ("exam", "certified", "specialized", "break_even", "finish", "upfront")


def _weeks(start: date, end: date) -> str:
    weeks = round((end - start).days / 7)
    return f"{weeks} week{'s' if weeks != 1 else ''}"


def _phase_sentence(phase: Phase, hours_per_week: float) -> str:
    span = f"{format_date(phase.start)} to {format_date(phase.end)}"
    if phase.study_hours > 0:
        return (
            f"Phase {phase.number} ({phase.name}): {phase.study_hours:g} study hours at "
            f"{hours_per_week:g} h/week, {span} ({_weeks(phase.start, phase.end)})."
        )
    return f"Phase {phase.number} ({phase.name}): {span} ({_weeks(phase.start, phase.end)})."


def _source_lines(plan: Plan, *fragments: str) -> list[str]:
    """'Figure used: CPC exam preparation: 60–180 hours (source: …)' for matching figures."""
    lines = []
    for ref in plan.sources:
        if any(fragment in ref.what for fragment in fragments):
            lines.append(f"Figure used: {ref.what}: {ref.value} (source: {ref.source}).")
    return lines


def _notes_about(plan: Plan, *words: str) -> list[str]:
    """The schedule's own notes that mention any of ``words`` (dates made readable)."""
    notes = plan.schedule_warnings or plan.warnings
    return [humanize_dates(note) for note in notes if any(word in note for word in words)]


def _credential_milestone(plan: Plan, day: date) -> Milestone | None:
    return next(
        (m for m in plan.milestones() if m.kind is MilestoneKind.CREDENTIAL and m.due == day),
        None,
    )


def explain_exam(plan: Plan) -> str:
    """Exam date: the study before it, at the learner's pace, from the start date."""
    inputs = plan.inputs
    lines = [
        f"{plan.exam_credential} exam on {format_date(plan.exam_date)}: the plan starts "
        f"{format_date(inputs.start)} at {inputs.hours_per_week:g} study hours a week.",
        _phase_sentence(plan.phases[0], inputs.hours_per_week),
        _phase_sentence(plan.phases[1], inputs.hours_per_week).replace(
            "study hours", "hours of exam preparation"
        )
        + " The exam ends this phase.",
    ]
    if inputs.target_exam_date is not None:
        lines.append(f"You set a target exam date: {format_date(inputs.target_exam_date)}.")
    lines += _notes_about(plan, "switch-over", "target exam date", "early testing", "degree")
    lines += _source_lines(
        plan, f"{plan.exam_credential} exam preparation", ": study hours", ": length"
    )
    return "\n".join(lines)


def explain_certified(plan: Plan) -> str:
    """Certified: the day the credential the plan aims at is earned, and how."""
    lines = [f"{plan.certified_as} certified on {format_date(plan.certified_date)}."]
    if plan.certified_date == plan.exam_date:
        lines.append(f"The credential comes with passing the {plan.exam_credential} exam.")
    milestone = _credential_milestone(plan, plan.certified_date)
    if milestone is not None:
        lines.append(f"{milestone.title}: {milestone.why}")
    lines += _notes_about(plan, f"{plan.certified_as}:", f"{plan.certification}:")
    return "\n".join(lines)


def explain_specialized(plan: Plan) -> str:
    """Specialized: the end of phase 4, after the practical experience of phase 3."""
    hours = plan.inputs.hours_per_week
    lines = [
        f"Specialized on {format_date(plan.specialized_date)}, the end of phase 4.",
        _phase_sentence(plan.phases[2], hours),
        _phase_sentence(plan.phases[3], hours),
    ]
    milestone = _credential_milestone(plan, plan.specialized_date)
    if milestone is not None:
        lines.append(f"{milestone.title}: {milestone.why}")
    lines += _source_lines(plan, "Work before specialising (planner rule)")
    return "\n".join(lines)


def explain_break_even(plan: Plan) -> str:
    """Break-even: the month income gained pays back the costs (or why there is none)."""
    costs = plan.costs
    if plan.inputs.current_income is None:
        return (
            "Break-even compares the pay the plan expects with your current income; "
            "add your income in Plan settings to see it."
        )
    lines = []
    if costs.break_even_date is not None and costs.break_even_month is not None:
        lines.append(
            f"Break-even {format_date(costs.break_even_date)}: month {costs.break_even_month} "
            f"after the start, the first month in which the plan's median pay, less your current "
            f"income ({money(plan.inputs.current_income)} a year), has added up to the planned "
            f"costs paid by then ({money(costs.total_planned)} over the whole plan, "
            f"{money(costs.upfront_planned)} of it up front)."
        )
    else:
        lines.append(
            f"Within the plan's {HORIZON_YEARS} years the plan's median pay, less your current "
            f"income ({money(plan.inputs.current_income)} a year), never adds up to the "
            "planned costs paid by then."
        )
    if costs.break_even_note:
        lines.append(costs.break_even_note)
    return "\n".join(lines)


def explain_finish(plan: Plan) -> str:
    """Plan runs until: the end of phase 5."""
    return (
        f"The plan runs until {format_date(plan.finish)}, the end of phase 5 "
        f"({plan.phases[-1].name}): it looks {HORIZON_YEARS} years ahead from the start "
        f"({format_date(plan.inputs.start)}), or a year past specializing when that is later."
    )


def explain_upfront(plan: Plan) -> str:
    """Up-front cost: the planned costs due before the first exam, item by item."""
    costs = plan.costs
    upfront = [item for item in costs.items if item.when == UP_FRONT]
    lines = [
        f"Up front: {money(costs.upfront_planned)} planned, the sum of "
        + (
            ", ".join(f"{item.label} {money(item.planned)}" for item in upfront)
            if upfront
            else "no items"
        )
        + f" (range {money(costs.upfront_low)}–{money(costs.upfront_high)})."
    ]
    clause = costs.excludes_clause(upfront_only=True)
    if clause:
        lines.append(f"Not counted{clause.replace('; this excludes', ':')}.")
    return "\n".join(lines)


def header_explanations(plan: Plan) -> dict[str, str]:
    """Every header number's explanation, by key (see KEYS)."""
    return {
        "exam": explain_exam(plan),
        "certified": explain_certified(plan),
        "specialized": explain_specialized(plan),
        "break_even": explain_break_even(plan),
        "finish": explain_finish(plan),
        "upfront": explain_upfront(plan),
    }
