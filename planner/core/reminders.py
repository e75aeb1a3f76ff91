"""Recurring reminders: code-set updates (fiscal-year naming, April updates) and CEU deadlines."""

from __future__ import annotations

from datetime import date

from planner.core.catalog import Catalog
from planner.core.credentials import CredentialTimeline
from planner.core.dates import MONTH_NAMES
from planner.core.plan_model import Milestone, MilestoneKind, Plan
from planner.core.sources import Sources


def fiscal_year(day: date) -> int:
    """The US federal fiscal year ``day`` falls in (FY 2028 starts on October 1, 2027)."""
    return day.year + 1 if day.month >= 10 else day.year


def codeset_reminders(
    catalog: Catalog, sources: Sources, *, inpatient: bool, from_day: date, until: date
) -> list[Milestone]:
    """One reminder per code-set update in (from_day, until]; the update rules go to ``sources``."""
    reminders = []
    for update in catalog.training.codeset_updates:
        name = update.code_set
        if update.fiscal_year_naming and inpatient:
            name = f"{update.code_set}/PCS"
        for year in range(from_day.year, until.year + 1):
            day = date(year, update.month, update.day)
            if not from_day < day <= until:
                continue
            label = f"FY {fiscal_year(day)}" if update.fiscal_year_naming else str(year)
            if update.occasional:
                title = f"Possible {name} April update ({label})"
            else:
                title = f"{name} {label} takes effect"
            reminders.append(
                Milestone(
                    id=f"codeset-{update.id}-{year}",
                    title=title,
                    due=day,
                    why=update.note or "Coders must use the current code set.",
                    kind=MilestoneKind.CODESET,
                )
            )
        sources.rule(
            f"{update.code_set} update date" + (" (occasional)" if update.occasional else ""),
            f"every {MONTH_NAMES[update.month - 1]} {update.day}",
            update.source,
            update.as_of,
        )
    return reminders


def ceu_milestones(
    timeline: CredentialTimeline, target: str, catalog: Catalog, from_day: date, until: date
) -> list[Milestone]:
    """One CEU reminder per cycle due in (from_day, until], from the credentials held then.

    Ids are ``ceu-<credential>-<year>``: the target's id where it is held, else the body's
    first credential held (stable for the same dates).
    """
    reminders = []
    for cycle in timeline.cycles:
        if not from_day < cycle.due <= until:
            continue
        held = timeline.catalog_ids_on(cycle.due, cycle.body)
        key = target if target in held else held[0]
        rules = catalog.bodies.get(cycle.body)
        why = f"{_and_list(cycle.credentials)} stay active only with continuing education."
        if cycle.parts:
            why += " Of these: " + "; ".join(cycle.parts) + "."
        if rules is not None and cycle.prorated and rules.first_cycle_note:
            why += " " + rules.first_cycle_note
        reminders.append(
            Milestone(
                id=f"ceu-{key.lower()}-{cycle.due.year}",
                title=f"Report {cycle.summary}",
                due=cycle.due,
                why=why,
                kind=MilestoneKind.CEU,
            )
        )
    return reminders


def with_ceu_reminders(plan: Plan, timeline: CredentialTimeline, catalog: Catalog) -> Plan:
    """The plan with its CEU reminders made from ``timeline`` (after dates moved)."""
    fresh = ceu_milestones(timeline, plan.certification, catalog, plan.exam_date, plan.finish)
    current = [m for m in plan.milestones() if m.kind is MilestoneKind.CEU]
    if current == fresh:
        return plan
    phases = []
    for index, phase in enumerate(plan.phases):
        last = index == len(plan.phases) - 1
        mine = [
            m
            for m in fresh
            if (phase.start < m.due <= phase.end) or (index == 0 and m.due == phase.start)
        ]
        if last:
            mine += [m for m in fresh if m.due > phase.end]
        kept = [m for m in phase.milestones if m.kind is not MilestoneKind.CEU]
        ordered = sorted(kept + mine, key=lambda m: m.due)
        phases.append(phase.model_copy(update={"milestones": tuple(ordered)}))
    return plan.model_copy(update={"phases": tuple(phases)})


def record_ceu_rules(
    timeline: CredentialTimeline, catalog: Catalog, sources: Sources, from_day: date, until: date
) -> None:
    """Record in ``sources`` the CEU rules of each body with a cycle due in (from_day, until]."""
    for body in {c.body for c in timeline.cycles if from_day < c.due <= until}:
        rules = catalog.bodies.get(body)
        if rules is None:
            continue
        sources.use(f"{body.value} CEU cycle", rules.cycle_years)
        sources.rule(
            f"{body.value} CEUs follow the credentials held",
            "CEUs per cycle by the credentials held on the due date",
            rules.source,
            rules.as_of,
        )
        if rules.own_share is not None:
            sources.use(f"{body.value} CEUs from its own resources", rules.own_share)
        if rules.domain_share is not None:
            sources.use(f"{body.value} CEUs in the HIIM domains", rules.domain_share)


def _and_list(names: tuple[str, ...]) -> str:
    items = list(names)
    if len(items) <= 1:
        return "The " + "".join(items)
    return "The " + ", ".join(items[:-1]) + " and " + items[-1]


def reminder_group_title(reminders: list[Milestone]) -> str:
    """One line for a run of recurring reminders (code-set updates, CEU deadlines).

    Screens and print-outs list the reminders under this line so the real steps stay visible.
    """
    if not reminders:
        return "No reminders"
    years = sorted({m.due.year for m in reminders})
    span = f"{years[0]}" if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
    codesets = [m for m in reminders if m.kind is MilestoneKind.CODESET]
    ceus = [m for m in reminders if m.kind is MilestoneKind.CEU]
    parts = []
    if codesets:
        days = sorted({(m.due.month, m.due.day) for m in codesets})
        when = ", ".join(f"{MONTH_NAMES[month - 1][:3]} {day}" for month, day in days)
        parts.append(f"{len(codesets)} code-set updates ({when} each year)")
    if ceus:
        parts.append(f"{len(ceus)} CEU deadline{'s' if len(ceus) > 1 else ''}")
    return f"Recurring reminders {span}: " + ", ".join(parts)
