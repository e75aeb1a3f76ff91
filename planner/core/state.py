"""One derived state: everything a view, a command or a print-out shows, from one profile."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from planner.core.apprentice import (
    ApprenticeStatus,
    assess,
    status_for,
    with_apprentice_evidence,
)
from planner.core.apprentice_evidence import ApprenticeEvidence
from planner.core.catalog import Catalog
from planner.core.inputs import PlanInputs
from planner.core.log_totals import LogTotals
from planner.core.plan import Plan, PlanError, Step, build_plan
from planner.core.profile import MilestoneStatus, Profile, ProfileUnknownDataError, ReplanState
from planner.core.progress import (
    Progress,
    compute_progress,
    current_plan,
    done_ids,
    next_replan_state,
)

_SHARED_SIZE = 8
# the last plans built, shared by check_usable, derive and every PlanCache: opening a profile
# checks it, derives its state and fills the window's cache from one build. Keyed by the
# catalog object too (a plan depends on both); the entry keeps that catalog alive, so its id
# cannot be reused while the entry exists. Plans are immutable, so sharing them is safe.
_shared_plans: dict[tuple[int, PlanInputs], tuple[Catalog, Plan]] = {}


def plan_for(inputs: PlanInputs, catalog: Catalog) -> Plan:
    """``build_plan(inputs, catalog)``, built once for the same inputs and catalog object."""
    key = (id(catalog), inputs)
    try:
        known = _shared_plans.get(key)
    except TypeError:  # inputs that cannot be a key (not expected): build without sharing
        return build_plan(inputs, catalog)
    if known is not None and known[0] is catalog:
        return known[1]
    plan = build_plan(inputs, catalog)
    _shared_plans.pop(key, None)
    if len(_shared_plans) >= _SHARED_SIZE:
        _shared_plans.pop(next(iter(_shared_plans)))
    _shared_plans[key] = (catalog, plan)
    return plan


class PlanCache:
    """The last few plans built, by their inputs (undo and redo switch back and forth)."""

    def __init__(self, size: int = 24) -> None:
        self._size = size
        self._plans: dict[PlanInputs, Plan] = {}

    def get(self, inputs: PlanInputs, catalog: Catalog) -> Plan:
        """The plan for ``inputs``, built once (PlanError when the data cannot serve them)."""
        plan = self._plans.get(inputs)
        if plan is None:
            plan = plan_for(inputs, catalog)
            if len(self._plans) >= self._size:
                self._plans.pop(next(iter(self._plans)))
            self._plans[inputs] = plan
        return plan

    def clear(self) -> None:
        self._plans.clear()


@dataclass(frozen=True)
class PlanState:
    """What ``(profile, catalog, today)`` derive to: plans, progress, warnings and outlook.

    ``baseline`` is the plan built from the inputs; ``plan`` is the one the learner follows
    (the baseline moved by an accepted re-plan), with its salary outlook, costs and
    break-even computed from its own dates.
    """

    profile: Profile
    catalog: Catalog
    today: date
    baseline: Plan
    plan: Plan
    progress: Progress
    notices: tuple[str, ...]  # what the profile holds that the plan cannot use
    # what the plans were derived from, as it was then (the profile itself may change later)
    basis: tuple[PlanInputs, ReplanState | None, frozenset[str]]
    # CPC-A / COC-A with evidence in the profile: the closest removal route ('A removed' follows)
    apprentice: ApprenticeStatus | None = None
    followed: Plan | None = None  # the plan before the evidence moved 'A removed' (when it did)
    evidence_basis: tuple[ApprenticeEvidence | None, date] | None = None
    # the study log's running totals: the next derive updates them by the entry an edit changed
    log_totals: LogTotals | None = field(default=None, compare=False, repr=False)

    def apprentice_status(self) -> ApprenticeStatus | None:
        """The apprentice tracker's status (no evidence yet counts as none); None: no 'A' period."""
        return self.apprentice or status_for(
            self.plan, self.catalog, self.profile.apprentice, self.today
        )

    @property
    def warnings(self) -> tuple[str, ...]:
        """The current plan's warnings (schedule and outlook), then the notices."""
        return self.plan.warnings + self.notices


def check_usable(profile: Profile, catalog: Catalog, path: Path | None = None) -> None:
    """Raise ProfileUnknownDataError when no plan can be built from the profile's inputs.

    This is the one rule for the window and the command line. Only the inputs count: a
    practice score or CEU entry for a credential the data no longer lists is kept and listed
    as a notice, never a reason to lock the learner out.
    """
    try:
        plan_for(profile.inputs, catalog)
    except PlanError as exc:
        unknown = tuple(
            (field, value)
            for field, value, known in (
                ("inputs.certification", profile.inputs.certification, catalog.certifications),
                ("inputs.specialty", profile.inputs.specialty, catalog.specialties),
            )
            if value not in known
        )
        raise ProfileUnknownDataError(
            path,
            f"{exc} (the career data was updated; choose another certification or specialty)",
            profile=profile,
            unknown=unknown,
        ) from exc


def _notices(profile: Profile, catalog: Catalog) -> tuple[str, ...]:
    known = catalog.certifications
    stale_scores = sorted({s.exam for s in profile.scores if s.exam not in known})
    stale_ceus = sorted({c.credential for c in profile.ceus if c.credential not in known})
    notices = []
    if stale_scores:
        notices.append(
            f"Practice scores for {', '.join(stale_scores)} are kept but not used: the career "
            "data no longer lists that exam."
        )
    if stale_ceus:
        notices.append(
            f"CEUs recorded for {', '.join(stale_ceus)} are kept but not counted: the career "
            "data no longer lists that credential."
        )
    return tuple(notices)


def derive(
    profile: Profile,
    catalog: Catalog,
    today: date,
    *,
    previous: PlanState | None = None,
    baseline: Plan | None = None,
    path: Path | None = None,
) -> PlanState:
    """Derive the whole state; ProfileUnknownDataError when the profile cannot be used.

    With ``previous`` (the state before an edit), the plans are reused when nothing they
    depend on changed, so an edit to the study log costs only the progress, and the study
    log's totals are updated by the one entry it added or removed. ``baseline`` is a
    plan the caller already built (a cache); it is used when it was built from these inputs.
    """
    done = frozenset(done_ids(profile))
    replan = profile.replan.model_copy() if profile.replan is not None else None
    basis = (profile.inputs, replan, done)
    old = previous.basis if previous is not None and previous.catalog is catalog else None
    if previous is not None and old is not None and old[0] == profile.inputs:
        baseline = previous.baseline
    elif baseline is None or baseline.inputs != profile.inputs:
        check_usable(profile, catalog, path)
        baseline = plan_for(profile.inputs, catalog)
    unchanged = (
        old is not None
        and old[0] == basis[0]
        and old[1] == basis[1]
        and (replan is None or old[2] == done)
    )
    if previous is not None and unchanged:
        followed = previous.followed or previous.plan
    else:
        followed = current_plan(baseline, profile, catalog)
    evidence = profile.apprentice.model_copy(deep=True) if profile.apprentice else None
    evidence_basis = (evidence, today)
    if previous is not None and unchanged and previous.evidence_basis == evidence_basis:
        plan, status = previous.plan, previous.apprentice
    else:
        plan, status = _with_evidence(followed, profile, catalog, today)
    if previous is not None and previous.log_totals is not None:
        totals = previous.log_totals.updated(profile.study_log)
    else:
        totals = LogTotals.of(profile.study_log)
    progress = compute_progress(plan, profile, catalog, today, baseline, totals=totals)
    return PlanState(
        profile=profile,
        catalog=catalog,
        today=today,
        baseline=baseline,
        plan=plan,
        progress=progress,
        notices=_notices(profile, catalog),
        basis=basis,
        apprentice=status,
        followed=followed if plan is not followed else None,
        evidence_basis=evidence_basis,
        log_totals=totals,
    )


def _with_evidence(
    plan: Plan, profile: Profile, catalog: Catalog, today: date
) -> tuple[Plan, ApprenticeStatus | None]:
    """The plan with 'A removed' where the learner's evidence puts it, and the route status.

    Without evidence in the profile the plan is unchanged; once the learner has marked the
    milestone done, its date is theirs and is not moved either.
    """
    if profile.apprentice is None:
        return plan, None
    status = assess(plan, catalog, profile.apprentice, today)
    if profile.milestone_status(Step.APPRENTICE_REMOVED) is MilestoneStatus.DONE:
        return plan, status
    return with_apprentice_evidence(plan, catalog, status), status


def accepted_replan(state: PlanState) -> ReplanState | None:
    """The re-plan accepted today: the proposed shift on top of any accepted before.

    None when there is nothing to re-plan; pydantic's ValidationError when the total shift
    is out of range. The window and ``codepath replan`` both accept through this.
    """
    shift = state.progress.proposed_shift_days
    if not shift:
        return None
    return next_replan_state(state.profile, state.today, shift)
