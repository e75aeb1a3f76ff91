"""Plain-text rendering of a plan and of progress, for the command line."""

from __future__ import annotations

import re
from datetime import date

from planner.core.dates import format_date
from planner.core.plan import Plan
from planner.core.progress import Progress

_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def humanize_dates(text: str) -> str:
    """Core texts use ISO dates (2026-11-30); the window and the print-out say 'Nov 30, 2026'."""

    def replace(match: re.Match[str]) -> str:
        try:
            return format_date(date(int(match[1]), int(match[2]), int(match[3])))
        except ValueError:
            return match[0]

    return _ISO_DATE.sub(replace, text)


def money(value: float) -> str:
    """US dollars without cents."""
    return f"${value:,.0f}"


def plan_to_text(plan: Plan) -> str:
    """The plan as readable text: phases, milestones, salary outlook, costs, warnings."""
    inputs = plan.inputs
    lines = [
        f"Coding Path Planner: {plan.certification} ({plan.certification_name}), "
        f"{plan.specialty_name}",
        f"Start {inputs.start.isoformat()}, {inputs.hours_per_week:g} h/week, "
        f"background: {inputs.background.label.lower()}"
        + (f", state {inputs.state}" if inputs.state else ""),
        f"Exam {plan.exam_date.isoformat()}; specialised by {plan.specialized_date.isoformat()}",
        "",
    ]
    for phase in plan.phases:
        hours = f", {phase.study_hours:g} study hours" if phase.study_hours else ""
        lines.append(
            f"Phase {phase.number}: {phase.name}  "
            f"{phase.start.isoformat()} to {phase.end.isoformat()}{hours}"
        )
        lines.append(f"  {phase.why}")
        for milestone in phase.milestones:
            lines.append(f"  [ ] {milestone.due.isoformat()}  {milestone.title}  ({milestone.id})")
        lines.append("")
    lines.append("Salary outlook (USD per plan year: low / median / high)")
    for row in plan.salary:
        lines.append(
            f"  Year {row.year:>2} from {row.start.isoformat()}: "
            f"{money(row.low):>9} {money(row.median):>9} {money(row.high):>9}  {row.stage}"
        )
    lines.append("")
    costs = plan.costs
    lines.append(
        f"Costs: up front {money(costs.upfront_planned)} "
        f"(range {money(costs.upfront_low)}–{money(costs.upfront_high)}); "
        f"over the plan {money(costs.total_planned)}"
    )
    for item in costs.items:
        count = f" x{item.count}" if item.count > 1 else ""
        lines.append(
            f"  {item.label}{count}: {money(item.planned)} "
            f"({money(item.low)}–{money(item.high)}, {item.when})"
        )
    for missing in costs.not_in_data:
        lines.append(f"  Not in the data: {missing}")
    for needless in costs.not_needed:
        lines.append(f"  Not needed: {needless}")
    if costs.break_even_note:
        lines.append(costs.break_even_note)
    if costs.budget_note:
        lines.append(costs.budget_note)
    if plan.warnings:
        lines.append("")
        lines.append("Please note")
        lines.extend(f"  - {warning}" for warning in plan.warnings)
    lines.append("")
    lines.append(f"Sources: {len(plan.sources)} figures and rules; see --format json or the app.")
    return "\n".join(lines)


OVERDUE_MARK = "⚠ overdue"  # icon and word: the timeline, the milestone list and the text


def progress_lines(progress: Progress) -> list[str]:
    """The status block every place shows (window, ``codepath status``, print), in order."""
    lines = [f"{progress.headline}: {progress.detail}"]
    if progress.next_step:
        lines.append(f"Next: {progress.next_step}")
    lines.append(progress.pace.text)
    lines.append(progress.hours_text)
    if progress.replan_text:
        lines.append(progress.replan_text)
    lines.extend(progress.notes)
    return lines


def progress_to_text(plan: Plan, progress: Progress, closed: frozenset[str] = frozenset()) -> str:
    """Progress, pace, status, projected dates, readiness and CEUs as text.

    ``closed``: milestone ids done or skipped, left out of the next milestones.
    """
    lines = [
        f"{plan.certification}, {plan.specialty_name}: status on {progress.today.isoformat()}",
        *(f"  {line}" for line in progress_lines(progress)),
        f"  Steps: {progress.percent_milestones:g}% done or skipped (code-set and CEU reminders "
        "not counted)",
        "",
    ]
    for phase in progress.phases:
        lines.append(
            f"  Phase {phase.number} {phase.name}: {phase.milestones_done}/"
            f"{phase.milestones_total} steps ({phase.percent:g}%)"
        )
    if progress.projected and progress.proposed_shift_days:
        lines.append("")
        lines.append("  At your recent pace (run 'codepath replan' to accept):")
        for number, current, projected in progress.projected:
            lines.append(
                f"    Phase {number} ends {projected.isoformat()} (plan: {current.isoformat()})"
            )
    lines.append("")
    lines.append(f"  Exam readiness: {progress.readiness.text}")
    if progress.ceu is not None:
        lines.append(f"  Continuing education: {progress.ceu.text}")
    overdue = [m for m in plan.milestones() if m.id in progress.overdue]
    if overdue:
        lines.append("")
        lines.append(f"  Overdue ({len(overdue)}; mark them done, with the day, or skip them):")
        lines.extend(
            f"    {OVERDUE_MARK}  {m.due.isoformat()}  {m.title}  ({m.id})" for m in overdue
        )
    upcoming = [m for m in plan.milestones() if m.due >= progress.today and m.id not in closed][:3]
    if upcoming:
        lines.append("")
        lines.append("  Next milestones:")
        lines.extend(f"    {m.due.isoformat()}  {m.title}  ({m.id})" for m in upcoming)
    return "\n".join(lines)
