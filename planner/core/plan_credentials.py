"""The credentials-held timeline of a plan, derived from its credential milestones."""

from __future__ import annotations

from datetime import date

from planner.core.catalog import Body, Catalog
from planner.core.credentials import CredentialTimeline, Grant, derive_timeline
from planner.core.plan_model import Milestone, Plan, Step


def credential_timeline(plan: Plan, catalog: Catalog) -> CredentialTimeline:
    """The credentials-held timeline of ``plan``, derived from its credential milestones."""
    return timeline_from_milestones(
        plan.milestones(),
        catalog,
        exam_credential=plan.exam_credential,
        certification=plan.certification,
        specialty=plan.specialty,
        until=plan.finish,
    )


def timeline_from_milestones(
    milestones: list[Milestone],
    catalog: Catalog,
    *,
    exam_credential: str,
    certification: str,
    specialty: str,
    until: date,
) -> CredentialTimeline:
    """The timeline from ``milestones`` (a finished plan's or a schedule still being built)."""
    by_id = {m.id: m for m in milestones}
    first = catalog.certifications[exam_credential]
    spec = catalog.specialties[specialty]
    grants: list[Grant] = []
    removed = by_id.get(Step.APPRENTICE_REMOVED)
    earned = by_id.get(Step.FIRST_CREDENTIAL)
    if earned is not None:
        designation = first.apprentice.designation if removed and first.apprentice else None
        grants.append(Grant(first.id, earned.due, designation))
    if removed is not None:
        grants.append(Grant(first.id, removed.due))
    target = by_id.get(Step.TARGET_CREDENTIAL)
    if target is not None:
        grants.append(Grant(certification, target.due))
    addon = by_id.get(Step.ADDON_CREDENTIAL)
    if addon is not None and spec.credential is not None:
        grants.append(Grant(spec.credential, addon.due))
    joined: dict[Body, date] = {}
    for mid in (Step.MEMBERSHIP, Step.ADDON_MEMBERSHIP):
        if mid in by_id:
            joined.setdefault(Body.AAPC, by_id[mid].due)
    programs: list[tuple[str, date]] = []
    if Step.FINAL_TERM in by_id and first.eligibility.required_program:
        programs.append((first.eligibility.required_program, by_id[Step.FINAL_TERM].due))
    addon_cert = catalog.certifications.get(spec.credential or "")
    if Step.ADDON_FINAL_TERM in by_id and addon_cert and addon_cert.eligibility.required_program:
        programs.append((addon_cert.eligibility.required_program, by_id[Step.ADDON_FINAL_TERM].due))
    experience: list[tuple[str, date]] = []
    if Step.FIRST_JOB in by_id:
        experience.append(("coding", by_id[Step.FIRST_JOB].due))
    if Step.LANE_START in by_id and spec.lane_work:
        experience.append((spec.lane_work, by_id[Step.LANE_START].due))
    return derive_timeline(
        grants,
        catalog,
        until,
        joined=joined,
        programs=tuple(programs),
        experience=tuple(experience),
    )
