"""The plan: five dated phases with milestones, built from the learner's inputs and the catalog.

The plan's data, the schedule builder, the credentials-held timeline and the reminders live in
their own modules; the names other code uses are re-exported here.
"""

from __future__ import annotations

from planner.core.builder import ScheduleBuilder
from planner.core.catalog import Catalog
from planner.core.credentials import CredentialTimeline
from planner.core.inputs import PlanInputs
from planner.core.outlook import OutlookDates, project_outlook
from planner.core.plan_credentials import credential_timeline
from planner.core.plan_model import (
    EXAM_STEPS,
    PHASE_NAMES,
    Milestone,
    MilestoneKind,
    Phase,
    Plan,
    PlanError,
    Step,
)
from planner.core.reminders import (
    ceu_milestones,
    fiscal_year,
    reminder_group_title,
    with_ceu_reminders,
)
from planner.core.scheduling import TARGET_SLACK_DAYS, apply_date, avoid_switchover
from planner.core.sources import Sources

__all__ = [
    "EXAM_STEPS",
    "PHASE_NAMES",
    "TARGET_SLACK_DAYS",
    "Milestone",
    "MilestoneKind",
    "Phase",
    "Plan",
    "PlanError",
    "Step",
    "apply_date",
    "avoid_switchover",
    "build_plan",
    "ceu_milestones",
    "credential_timeline",
    "fiscal_year",
    "reminder_group_title",
    "with_outlook",
]


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
    schedule, timeline = ScheduleBuilder(inputs, catalog, cert, spec).build()
    return _with_outlook(schedule, catalog, timeline)


def with_outlook(plan: Plan, catalog: Catalog) -> Plan:
    """The plan with its income, costs, break-even and their warnings computed from its dates.

    The builder and an accepted re-plan both end here, so the outlook is made in one place;
    the credentials-held timeline is derived here too, from the plan's (possibly moved) dates.
    """
    return _with_outlook(plan, catalog, credential_timeline(plan, catalog))


def _with_outlook(plan: Plan, catalog: Catalog, timeline: CredentialTimeline) -> Plan:
    """with_outlook with the plan's credentials-held timeline already derived (the builder's).

    CEU reminders do not move credential dates, so ``timeline`` is the final one: the costs
    read their dues and renewals from it.
    """
    outlook = project_outlook(
        plan.inputs,
        catalog,
        certification=plan.certification,
        exam_credential=plan.exam_credential,
        specialty=plan.specialty,
        dates=_outlook_dates(plan, catalog),
        timeline=timeline,
    )
    sources = Sources({s.what: s for s in plan.schedule_sources}).merged(outlook.sources)
    return with_ceu_reminders(plan, timeline, catalog).model_copy(
        update={
            "salary": outlook.salary,
            "costs": outlook.costs,
            "warnings": plan.schedule_warnings + outlook.warnings,
            "sources": sources.sorted(),
            "credentials": timeline,
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
