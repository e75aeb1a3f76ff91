"""AAPC's apprentice-removal routes and the learner's evidence: closest route, gaps, dates."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import Field, ValidationError

from planner.core.apprentice_evidence import ApprenticeEvidence
from planner.core.base import Figure, FrozenModel
from planner.core.catalog import ApprenticeRule, Background, Catalog, CatalogError
from planner.core.dates import add_weeks, add_years, format_date
from planner.core.plan import with_outlook
from planner.core.plan_model import Plan, Step
from planner.core.resource_files import read_yaml

RULES_FILE = "apprentice.yaml"
# plan milestones that say when an education item is expected, if the learner has not ticked it
_PLANNED_AT = {"course": "p1-course", "practicode": "p2-practicode"}


class EvidenceCheck(FrozenModel):
    """One thing an item must show (a letter on letterhead, hand-signed, ...)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: str = Field(min_length=1)


class EvidenceItem(FrozenModel):
    """One piece of evidence AAPC accepts: employer letters, the course, Practicode."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: str = Field(min_length=1)
    detail: str = ""
    checks: tuple[EvidenceCheck, ...] = ()
    pdf: bool = False  # uploaded to AAPC as PDF: the tracker asks for the file
    comes_with_work: bool = False  # obtainable once the work is done (employer letters)
    source: str = Field(min_length=1)
    as_of: str = Field(min_length=1)

    def tick_ids(self) -> list[str]:
        """What the learner can tick for this item: the item, then ``item.check`` per check."""
        return [self.id] + [f"{self.id}.{check.id}" for check in self.checks]


class RemovalRoute(FrozenModel):
    """One route: years of verified coding work plus groups of items (any one item per group)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: str = Field(min_length=1)
    work_years: Figure | None = None
    needs: tuple[tuple[str, ...], ...] = ()


class ApprenticeRules(FrozenModel):
    """The items and routes of resources/apprentice.yaml."""

    source: str = Field(min_length=1)
    as_of: str = Field(min_length=1)
    items: tuple[EvidenceItem, ...] = Field(min_length=1)
    routes: tuple[RemovalRoute, ...] = Field(min_length=1)

    def item(self, item_id: str) -> EvidenceItem:
        return next(i for i in self.items if i.id == item_id)


def load_apprentice_rules(folder: Path | None = None) -> ApprenticeRules:
    """Read and check the rules (CatalogError naming the file on any problem)."""
    label, raw = read_yaml(RULES_FILE, folder, CatalogError, yaml_problem="cannot read the file")
    try:
        rules = ApprenticeRules.model_validate(raw)
    except ValidationError as exc:
        raise CatalogError(f"{label}: {exc.errors()[0]['msg']}") from exc
    known = {item.id for item in rules.items}
    for route in rules.routes:
        unknown = {i for group in route.needs for i in group} - known
        if unknown:
            raise CatalogError(f"{label}: route {route.id} needs unknown items {sorted(unknown)}")
    return rules


@functools.cache
def default_apprentice_rules() -> ApprenticeRules:
    """The rules shipped with the app (loaded once per process)."""
    return load_apprentice_rules()


@dataclass(frozen=True)
class RouteStatus:
    """One route for this learner: what is missing and from when it can be submitted."""

    route: RemovalRoute
    missing: tuple[str, ...]  # plain phrases, e.g. "employer letter: hand-signed and dated"
    # None: no date can be given (the work entered ends too soon, or a missing item is neither
    # ticked nor scheduled in the plan)
    submit_from: date | None

    @property
    def ready(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class ApprenticeStatus:
    """Where a CPC-A / COC-A learner stands: every route, the closest one, the 'A' removed date."""

    designation: str
    routes: tuple[RouteStatus, ...]
    best: RouteStatus
    removed_on: date | None  # submission plus AAPC's processing time
    processing_weeks: float

    def summary(self) -> str:
        """One line: the closest route, what is still missing and when it can be submitted."""
        best = self.best
        head = f"{self.designation}: closest route: {best.route.title}."
        if best.submit_from is None:
            when = "no submission date yet (enter your work dates or tick what you have)"
        elif best.ready:
            when = f"you can submit from {format_date(best.submit_from)}"
        else:
            when = f"you can submit from {format_date(best.submit_from)} once you have them"
        missing = (
            f" Still missing: {'; '.join(best.missing)};" if best.missing else " Nothing missing;"
        )
        return f"{head}{missing} {when}."


def apprentice_rule(plan: Plan, catalog: Catalog) -> ApprenticeRule | None:
    """The apprentice rule the plan's first exam gives, when the plan has an apprentice period."""
    if plan.milestone(Step.APPRENTICE_REMOVED) is None:
        return None
    cert = catalog.certifications.get(plan.exam_credential)
    return cert.apprentice if cert is not None else None


def _item_missing(item_id: str, evidence: ApprenticeEvidence, rules: ApprenticeRules) -> list[str]:
    """What is missing of one item: the item itself, or its unticked checks and its PDF."""
    item = rules.item(item_id)
    if not evidence.has(item.id):
        return [item.title]
    gaps = [
        f"{item.title}: {check.title[:1].lower()}{check.title[1:]}"
        for check in item.checks
        if not evidence.has(f"{item.id}.{check.id}")
    ]
    if item.pdf and not any(f.name.lower().endswith(".pdf") for f in evidence.files_for(item.id)):
        gaps.append(f"{item.title}: attach the PDF")
    return gaps


def _route_status(
    route: RemovalRoute,
    evidence: ApprenticeEvidence,
    rules: ApprenticeRules,
    plan: Plan,
    earliest: date,
) -> RouteStatus:
    missing: list[str] = []
    dates = [earliest]
    reachable = dated = True
    if route.work_years is not None:
        years = route.work_years.planning
        started = evidence.work_started
        if started is None:
            missing.append("the date your coding work started")
        if started is None and plan.inputs.background is Background.CODING:
            enough = earliest  # as the plan assumes: a working coder has the years already
        else:
            started = started or plan.working_from
            enough = add_years(started, years)
        ended, began = evidence.work_ended, evidence.work_started
        if ended is not None and began is not None and ended < enough:
            reachable = False
            missing.append(f"coding work: {(ended - began).days / 365.25:.1f} of {years:g} years")
        dates.append(enough)
    for group in route.needs:
        gaps = [_item_missing(item, evidence, rules) for item in group]
        if any(not gap for gap in gaps):
            continue  # one item of the group is complete
        closest = min(gaps, key=len)
        missing.append(" or ".join(gap[0] for gap in gaps) if len(group) > 1 else closest[0])
        if len(group) == 1:
            missing.extend(closest[1:])
        planned = [
            m.due for item in group if (m := plan.milestone(_PLANNED_AT.get(item, ""))) is not None
        ]
        if planned:
            dates.append(min(planned))
        elif not all(rules.item(item).comes_with_work for item in group):
            dated = False  # neither ticked nor in the plan: no date can be given
    return RouteStatus(
        route=route,
        missing=tuple(missing),
        submit_from=max(dates) if reachable and dated else None,
    )


def assess(
    plan: Plan,
    catalog: Catalog,
    evidence: ApprenticeEvidence,
    today: date,
    rules: ApprenticeRules | None = None,
) -> ApprenticeStatus | None:
    """The closest route for ``evidence`` on ``today``; None when the plan has no apprentice period.

    A route can be submitted once the exam is passed (the plan's date, or today when that is
    later), its work years are reached and its items are done (at the plan's dates when not yet
    ticked). The closest route is the one with the earliest such date, then the fewest gaps.
    """
    rule = apprentice_rule(plan, catalog)
    removed = plan.milestone(Step.APPRENTICE_REMOVED)
    if rule is None or removed is None:
        return None
    rules = rules if rules is not None else default_apprentice_rules()
    processing = rule.processing_weeks.hi if rule.processing_weeks is not None else 0.0
    passed = removed.due - (add_weeks(removed.due, processing) - removed.due)
    earliest = max(passed, today)
    statuses = tuple(
        _route_status(route, evidence, rules, plan, earliest) for route in rules.routes
    )
    ranked = sorted(
        statuses,
        key=lambda s: (s.submit_from is None, s.submit_from or date.max, len(s.missing)),
    )
    best = ranked[0]
    removed_on = add_weeks(best.submit_from, processing) if best.submit_from else None
    return ApprenticeStatus(
        designation=rule.designation,
        routes=statuses,
        best=best,
        removed_on=removed_on,
        processing_weeks=processing,
    )


def status_for(
    plan: Plan, catalog: Catalog, evidence: ApprenticeEvidence | None, today: date
) -> ApprenticeStatus | None:
    """``assess`` with no evidence counted as none yet: what the window and ``status`` show."""
    return assess(plan, catalog, evidence or ApprenticeEvidence(), today)


def with_apprentice_evidence(plan: Plan, catalog: Catalog, status: ApprenticeStatus | None) -> Plan:
    """The plan with its 'A removed' milestone on the date the evidence gives (outlook redone).

    Unchanged when there is no status, no date, or the date is already the plan's.
    """
    removed = plan.milestone(Step.APPRENTICE_REMOVED)
    if status is None or status.removed_on is None or removed is None:
        return plan
    route = status.best.route
    verb = "Send employer letters to remove" if route.id == "employment" else "Remove"
    moved = removed.model_copy(
        update={"due": status.removed_on, "title": f"{verb} the apprentice 'A' ({route.title})"}
    )
    if moved == removed:
        return plan
    phases = [
        phase.model_copy(
            update={"milestones": tuple(m for m in phase.milestones if m.id != removed.id)}
        )
        for phase in plan.phases
    ]
    index = next((i for i, p in enumerate(phases) if p.start <= moved.due < p.end), len(phases) - 1)
    if moved.due < phases[0].start:
        index = 0
    home = list(phases[index].milestones)
    at = next((i for i, m in enumerate(home) if m.due > moved.due), len(home))
    home.insert(at, moved)
    phases[index] = phases[index].model_copy(update={"milestones": tuple(home)})
    return with_outlook(plan.model_copy(update={"phases": tuple(phases)}), catalog)
