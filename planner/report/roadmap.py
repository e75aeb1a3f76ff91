"""The content of the printed personal roadmap, built from the one derived plan state.

``build_roadmap`` turns a ``PlanState`` into a ``Roadmap`` document (``planner.report.document``):
a summary page, a checklist per phase, the income outlook, costs, progress and the sources of
every figure. Charts come from ``planner.report.chart_svg``; a renderer lays the pages out.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from planner.core.catalog import Catalog
from planner.core.dates import format_date
from planner.core.plan import Milestone, MilestoneKind, Phase, Plan, reminder_group_title
from planner.core.profile import MilestoneProgress, MilestoneStatus, Profile
from planner.core.realities import realities_for
from planner.core.salary import context_lines
from planner.report.chart_svg import (
    SALARY_FIGSIZE,
    TIMELINE_FIGSIZE,
    salary_chart_svg,
    timeline_svg,
)
from planner.report.charts import salary_source_line, salary_vintage_line
from planner.report.document import (
    Block,
    Cell,
    Chart,
    Check,
    CheckState,
    Column,
    Heading,
    PageBreak,
    Paragraph,
    Roadmap,
    Table,
    esc,
)
from planner.report.text import OVERDUE_MARK, humanize_dates, money, progress_lines

if TYPE_CHECKING:
    from planner.core.progress import Progress
    from planner.core.state import PlanState

APP_NAME = "Coding Path Planner"
DISCLAIMER = (
    "Salaries are estimates from public surveys (such as the U.S. Bureau of Labor Statistics and "
    "AAPC salary surveys), not a promise of pay: what you earn depends on your employer, region, "
    "experience and the job market. Fees, exam rules and continuing-education requirements "
    "change; check them with the certifying body before you pay or book. This roadmap is a "
    "planning aid, not career, legal or financial advice."
)
RECENT_SCORES = 5  # practice-exam scores listed on the progress page
MAX_NOTE = 300  # characters of a milestone note printed (a table row must fit on a page)


def _span(day_from: date, day_to: date) -> str:
    days = (day_to - day_from).days
    if days < 7 * 10:
        length = f"{max(1, round(days / 7))} week{'s' if round(days / 7) != 1 else ''}"
    elif days < 365 * 2:
        months = round(days / 30.44)
        length = f"{months} months"
    else:
        length = f"{days / 365.25:.1f} years"
    return f"{format_date(day_from)} to {format_date(day_to)} ({length})"


def build_roadmap(state: PlanState, *, comparison: bool = False) -> Roadmap:
    """The printable roadmap of the learner's current plan, progress and warnings.

    With ``comparison``, a page compares the plan with the paths the learner compared on the
    Compare page (none when they have not compared any).
    """
    plan, profile, progress, today = state.plan, state.profile, state.progress, state.today
    who = profile.name.strip()
    blocks: list[Block] = []
    blocks += _summary(plan, profile, progress, today, state.warnings)
    blocks.append(PageBreak())
    blocks.append(Heading("Your five phases"))
    blocks.append(
        Paragraph(
            "Tick each box as you go. Dates are planned due dates; done items show the day you "
            "marked them done. The blank space under “Status and notes” is for your own notes.",
            small=True,
        )
    )
    overdue = frozenset(progress.overdue)
    for phase in plan.phases:
        blocks += _phase(phase, profile, today, overdue)
    blocks += _salary(plan, state.catalog)
    blocks += _costs(plan)
    blocks += realities_section(plan, state.catalog)
    blocks += _progress(plan, profile, progress, today, state.catalog)
    apprentice = state.apprentice_status()
    if apprentice is not None:
        blocks.append(Paragraph(f"Apprentice evidence: {apprentice.summary()}"))
    if comparison and profile.compared:
        from planner.core.compare import compared_results
        from planner.report.compare_page import comparison_blocks

        compared = comparison_blocks(compared_results(state), state.catalog)
        blocks += [PageBreak(), *compared] if compared else []
    blocks += _sources(plan)
    subject = f"{plan.certification} roadmap" + (f" for {who}" if who else "")
    return Roadmap(
        title=f"{APP_NAME}: {subject}",
        generated_on=today,
        footer_left=f"{APP_NAME} · {subject}",
        blocks=tuple(blocks),
        author=who,
    )


def _summary(
    plan: Plan, profile: Profile, progress: Progress, today: date, warnings: tuple[str, ...]
) -> list[Block]:
    inputs = plan.inputs
    costs = plan.costs
    who = profile.name.strip()
    rows: list[tuple[Cell, ...]] = []
    if who:
        rows.append(("Prepared for", esc(who)))
    rows += [
        (
            "Target certification",
            f"<b>{esc(plan.certification)}</b>: {esc(plan.certification_name)}",
        ),
        ("Specialty", esc(plan.specialty_name)),
        (
            "Start",
            f"{format_date(inputs.start)}, {inputs.hours_per_week:g} study hours a week "
            f"<span class='muted'>({esc(inputs.background.label.lower())})</span>",
        ),
        (
            "Exam",
            f"{esc(plan.exam_credential)} exam on <b>{format_date(plan.exam_date)}</b>",
        ),
        (
            "Certified",
            f"{esc(plan.certified_as)} by <b>{format_date(plan.certified_date)}</b>",
        ),
        ("Specialized", f"{esc(plan.specialty_name)} by {format_date(plan.specialized_date)}"),
        ("Plan runs to", format_date(plan.finish)),
        (
            "Cost up front",
            f"<b>{money(costs.upfront_planned)}</b> "
            f"<span class='muted'>(range {money(costs.upfront_low)} to "
            f"{money(costs.upfront_high)})</span>",
        ),
        (
            "Cost over the plan",
            f"{money(costs.total_planned)} "
            "<span class='muted'>(recurring dues and renewals included)</span>",
        ),
        ("Break-even", esc(_break_even(plan))),
        (f"Status on {format_date(today)}", f"<b>{esc(humanize_dates(progress.status_text))}</b>"),
    ]
    blocks: list[Block] = [
        Heading(f"Your roadmap to the {plan.certification}", level=0),
        Paragraph(
            f"{esc(plan.certification_name)}, then {esc(plan.specialty_name)}"
            + (f". Prepared for {esc(who)}." if who else "."),
        ),
        Table(
            columns=(Column("", 0.27), Column("", 0.73)),
            rows=tuple(rows),
            header=False,
            first_column_bold=True,
        ),
        Heading("The five phases at a glance", level=2),
        Chart(
            svg=timeline_svg(plan, today),
            aspect=TIMELINE_FIGSIZE[1] / TIMELINE_FIGSIZE[0],
            alt="timeline of the five phases: "
            + "; ".join(
                f"{p.number} {p.name} {p.start.isoformat()} to {p.end.isoformat()}"
                for p in plan.phases
            ),
        ),
        Table(
            columns=(
                Column("Phase", 0.52),
                Column("From", 0.16),
                Column("To", 0.16),
                Column("Milestones", 0.16, "right"),
            ),
            rows=tuple(
                (
                    f"{p.number}. {esc(p.name)}",
                    format_date(p.start),
                    format_date(p.end),
                    str(len(p.milestones)),
                )
                for p in plan.phases
            ),
        ),
    ]
    if warnings:
        blocks.append(Heading("Please note", level=2))
        blocks.extend(Paragraph(f"• {esc(humanize_dates(w))}", small=True) for w in warnings)
    return blocks


def _break_even(plan: Plan) -> str:
    """The core's one break-even sentence (a range, and what it leaves out)."""
    return humanize_dates(plan.costs.break_even_note.rstrip(". ")) or "not known"


def milestone_check(progress: MilestoneProgress | None) -> CheckState:
    """The printed box of a milestone."""
    if progress is None:
        return CheckState.OPEN
    return {
        MilestoneStatus.NOT_STARTED: CheckState.OPEN,
        MilestoneStatus.IN_PROGRESS: CheckState.IN_PROGRESS,
        MilestoneStatus.DONE: CheckState.DONE,
        MilestoneStatus.SKIPPED: CheckState.SKIPPED,
    }[progress.status]


def milestone_status(milestone: Milestone, progress: MilestoneProgress | None, today: date) -> str:
    """The 'Status and notes' cell (simple HTML); empty for a future, untouched milestone."""
    parts: list[str] = []
    status = progress.status if progress is not None else MilestoneStatus.NOT_STARTED
    if status is MilestoneStatus.DONE:
        when = progress.done_on if progress is not None else None
        parts.append(f"<b>Done {format_date(when)}</b>" if when else "<b>Done</b>")
    elif status is MilestoneStatus.IN_PROGRESS:
        parts.append("<b>In progress</b>")
    elif status is MilestoneStatus.SKIPPED:
        parts.append("<b>Skipped</b>")
    elif milestone.due < today:
        parts.append("Not done yet" if milestone.kind is not MilestoneKind.CODESET else "In effect")
    if progress is not None and progress.note.strip():
        note = " ".join(progress.note.split())
        if len(note) > MAX_NOTE:
            note = note[: MAX_NOTE - 1].rstrip() + "…"
        parts.append(f"<span class='small'>{esc(note)}</span>")
    return "<br>".join(parts)


def _phase(phase: Phase, profile: Profile, today: date, overdue: frozenset[str]) -> list[Block]:
    hours = f" · {phase.study_hours:g} study hours planned" if phase.study_hours else ""
    rows: list[tuple[Cell, ...]] = []
    explained: set[str] = set()  # a reason repeated in a phase is shown once
    steps = [m for m in phase.milestones if not m.is_reminder]
    reminders = [m for m in phase.milestones if m.is_reminder]
    for milestone in steps:
        progress = profile.milestones.get(milestone.id)
        detail = []
        if milestone.kind is not MilestoneKind.TASK:  # plain study steps carry no tag
            detail.append(f"<span class='kind'>{esc(milestone.kind.label)}</span>")
        if milestone.why not in explained:
            detail.append(esc(milestone.why))
            explained.add(milestone.why)
        text = esc(milestone.title)
        if milestone.id in overdue:
            text = f"<b>{esc(OVERDUE_MARK)}</b> {text}"
        if detail:
            text += "<br><span class='small muted'>" + " · ".join(detail) + "</span>"
        rows.append(
            (
                Check(milestone_check(progress)),
                format_date(milestone.due),
                text,
                milestone_status(milestone, progress, today),
            )
        )
    if reminders:  # recurring reminders: one row, so the real steps stay visible
        listed = "; ".join(f"{esc(m.title)} ({format_date(m.due)})" for m in reminders)
        rows.append(
            (
                Check(CheckState.OPEN),
                _span(reminders[0].due, reminders[-1].due),
                f"{esc(reminder_group_title(reminders))}"
                f"<br><span class='small muted'>{listed}</span>",
                "",
            )
        )
    blocks: list[Block] = [
        Heading(f"Phase {phase.number}: {phase.name}", level=2),
        Paragraph(f"<b>{_span(phase.start, phase.end)}</b>{esc(hours)}", keep_with_next=True),
        Paragraph(f"<i>Why it matters:</i> {esc(phase.why)}", keep_with_next=bool(rows)),
    ]
    if rows:
        blocks.append(
            Table(
                columns=(
                    Column("", 0.045, "center"),
                    Column("Due", 0.155),
                    Column("Milestone", 0.54),
                    Column("Status and notes", 0.26),
                ),
                rows=tuple(rows),
                continued=f"Phase {phase.number}: {phase.name} (continued)",
            )
        )
    return blocks


def _salary(plan: Plan, catalog: Catalog) -> list[Block]:
    first, last = plan.salary[0], plan.salary[-1]
    band_meaning = catalog.salary.band_meaning
    context = context_lines(catalog.salary)
    return [
        Heading("Income outlook"),
        Paragraph(
            f"Projected yearly income over the plan's {len(plan.salary)} years: the band runs "
            "from a low to a high estimate (dotted and dashed lines) around the median (solid "
            "line with dots). Numbers at the top are the phases.",
            small=True,
            keep_with_next=True,
        ),
        Chart(
            svg=salary_chart_svg(plan),
            aspect=SALARY_FIGSIZE[1] / SALARY_FIGSIZE[0],
            alt=f"income outlook from {money(first.median)} in year {first.year} to "
            f"{money(last.median)} in year {last.year} (median)",
            caption=f"<span class='small'>{esc(salary_source_line(plan))}</span>",
        ),
        Paragraph(
            esc(" ".join(t for t in (salary_vintage_line(plan), band_meaning) if t)), small=True
        ),
        Table(
            columns=(
                Column("Year", 0.08, "right"),
                Column("From", 0.15),
                Column("Low", 0.12, "right"),
                Column("Median", 0.12, "right"),
                Column("High", 0.12, "right"),
                Column("Stage", 0.41),
            ),
            rows=tuple(
                (
                    str(row.year),
                    format_date(row.start),
                    money(row.low),
                    f"<b>{money(row.median)}</b>",
                    money(row.high),
                    esc(row.stage),
                )
                for row in plan.salary
            ),
            continued="Income outlook (continued)",
        ),
        *(
            [Heading("Context", level=2)]
            + [Paragraph(f"• {esc(line)}", small=True) for line in context]
            if context
            else []
        ),
    ]


def _costs(plan: Plan) -> list[Block]:
    costs = plan.costs
    rows: list[tuple[Cell, ...]] = [
        (
            esc(item.label)
            + (f" <span class='muted'>× {item.count}</span>" if item.count > 1 else "")
            + (" <span class='muted'>(your figure)</span>" if item.entered else "")
            + (f"<br><span class='small'>{esc(item.note)}</span>" if item.note else ""),
            esc(item.when),
            f"{money(item.low)} to {money(item.high)}",
            money(item.planned),
        )
        for item in costs.items
    ]
    blocks: list[Block] = [
        Heading("Costs", level=2),
        Table(
            columns=(
                Column("Cost", 0.5),
                Column("When", 0.16),
                Column("Range", 0.2, "right"),
                Column("Planned", 0.14, "right"),
            ),
            rows=tuple(rows),
            continued="Costs (continued)",
        ),
        Paragraph(
            f"<b>Up front: {money(costs.upfront_planned)}</b> (range {money(costs.upfront_low)} "
            f"to {money(costs.upfront_high)}). <b>Over the whole plan: "
            f"{money(costs.total_planned)}</b>. {esc(_break_even(plan))}."
            + (f" {esc(costs.budget_note)}" if costs.budget_note else "")
        ),
    ]
    if costs.not_needed:
        blocks.append(
            Paragraph("Not needed on this path: " + esc(" ".join(costs.not_needed)), small=True)
        )
    if costs.not_in_data:
        blocks.append(
            Paragraph(
                "Not in the data (ask the provider): " + esc("; ".join(costs.not_in_data)) + ".",
                small=True,
            )
        )
    return blocks


def _progress(
    plan: Plan, profile: Profile, progress: Progress, today: date, catalog: Catalog
) -> list[Block]:
    blocks: list[Block] = [
        Heading(f"Your progress on {format_date(today)}"),
        Paragraph(
            "<br>".join(
                (f"<b>{esc(humanize_dates(line))}</b>" if n == 0 else esc(humanize_dates(line)))
                for n, line in enumerate(progress_lines(progress))
            )
        ),
        Table(
            columns=(Column("", 0.3), Column("", 0.7)),
            header=False,
            first_column_bold=True,
            rows=(
                ("Study hours", esc(humanize_dates(progress.hours_text))),
                ("Pace", esc(humanize_dates(progress.pace.text))),
                *(
                    [("Programme", esc(humanize_dates(progress.degree.text)))]
                    if progress.degree is not None
                    else []
                ),
                ("Steps", f"{progress.percent_milestones:g}% done (reminders not counted)"),
                ("Exam readiness", esc(progress.readiness.text)),
                ("Continuing education", esc(_ceu_text(plan, progress, catalog))),
            ),
        ),
        Heading("Steps by phase (code-set and CEU reminders not counted)", level=2),
        Table(
            columns=(
                Column("Phase", 0.55),
                Column("Done", 0.15, "right"),
                Column("Of", 0.15, "right"),
                Column("Share", 0.15, "right"),
            ),
            rows=tuple(
                (
                    f"{p.number}. {esc(p.name)}",
                    str(p.milestones_done),
                    str(p.milestones_total),
                    f"{p.percent:g}%",
                )
                for p in progress.phases
            ),
        ),
    ]
    scores = sorted(profile.scores, key=lambda s: (s.day, s.id))[-RECENT_SCORES:]
    blocks.append(Heading("Recent practice-exam scores", level=2))
    if scores:
        passing = progress.readiness.passing_percent
        blocks.append(
            Table(
                columns=(
                    Column("Date", 0.25),
                    Column("Exam", 0.2),
                    Column("Score", 0.15, "right"),
                    Column("Against the passing mark", 0.4),
                ),
                rows=tuple(
                    (
                        format_date(s.day),
                        esc(s.exam),
                        f"{s.percent:g}%",
                        (
                            ("at or above" if s.percent >= passing else "below") + f" {passing:g}%"
                            if passing is not None and s.exam == progress.readiness.exam
                            else ""
                        ),
                    )
                    for s in reversed(scores)
                ),
            )
        )
    else:
        blocks.append(Paragraph("No practice-exam scores recorded yet."))
    if progress.projected and progress.proposed_shift_days:
        blocks.append(Heading("Dates at your recent pace", level=2))
        blocks.append(
            Table(
                columns=(Column("Phase", 0.5), Column("Plan", 0.25), Column("At your pace", 0.25)),
                rows=tuple(
                    (
                        f"{number}. {esc(plan.phases[number - 1].name)}",
                        format_date(current),
                        format_date(projected),
                    )
                    for number, current, projected in progress.projected
                ),
            )
        )
    return blocks


def _ceu_text(plan: Plan, progress: Progress, catalog: Catalog) -> str:
    if progress.ceu is not None:
        return progress.ceu.text
    cert = catalog.certifications.get(plan.certification)
    if cert is not None and cert.ceu is None:
        return f"The {plan.certification} needs no continuing education in the data."
    cycles = [m for m in plan.milestones() if m.kind is MilestoneKind.CEU]
    if not cycles:
        return f"Continuing education starts once you hold the {plan.certification}."
    return (
        f"Starts once you hold the {plan.certification} (planned "
        f"{format_date(plan.certified_date)}); first report due {format_date(cycles[0].due)}."
    )


def realities_section(plan: Plan, catalog: Catalog) -> list[Block]:
    """'Realities to know': the seeds' sourced points that matter to this plan, one each."""
    chosen = realities_for(plan, catalog)
    if not chosen:
        return []
    blocks: list[Block] = [
        Heading("Realities to know"),
        Paragraph(
            "What the field is really like for this path, from the project's sources. The app's "
            "Help > Glossary explains the terms.",
            small=True,
        ),
    ]
    for reality in chosen:
        blocks.append(
            Paragraph(
                f"<b>{esc(reality.title)}:</b> {esc(reality.text)} "
                f"<span class='small'>(Source: {esc(reality.source)}, {esc(reality.as_of)})</span>"
            )
        )
    return blocks


def _sources(plan: Plan) -> list[Block]:
    return [
        PageBreak(),
        Heading("Sources of every figure"),
        Paragraph(
            "Every number in this roadmap comes from the sources below. Confidence: "
            "<i>official</i> = the certifying body or BLS; <i>secondary</i> = a third-party "
            "page; <i>repo</i> = a public data file; <i>seed</i> = the seed articles; "
            "<i>derived</i> = computed from other figures; <i>rule</i> = a planning rule.",
            small=True,
        ),
        Table(
            columns=(
                Column("Figure", 0.25),
                Column("Value", 0.19),
                Column("Source", 0.32),
                Column("As of", 0.1),
                Column("Confidence", 0.14),
            ),
            rows=tuple(
                (
                    esc(ref.what),
                    f"<span class='small'>{esc(ref.value)}</span>",
                    f"<span class='small'>{esc(ref.source)}</span>",
                    f"<span class='small'>{esc(ref.as_of)}</span>",
                    f"<span class='small'>{esc(ref.confidence)}</span>",
                )
                for ref in plan.sources
            ),
            continued="Sources (continued)",
        ),
        Heading("Please read", level=2),
        Paragraph(esc(DISCLAIMER)),
    ]
