"""The credentials a learner holds over time, and what each body asks of them (CEUs, dues)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from planner.core.base import Figure, FrozenModel
from planner.core.catalog import Body, Catalog, Certification
from planner.core.dates import add_months, add_years

# RN, MD and DO count for some AHIMA prerequisites but are not in the catalog.
OUTSIDE_CREDENTIALS = frozenset({"RN", "MD", "DO"})


class Holding(FrozenModel):
    """One credential held from ``start`` until ``until`` (exclusive; None: to the plan's end)."""

    credential: str  # as held: "CPC-A", "CPC", "RHIT"
    catalog_id: str  # the catalog credential it is: "CPC" for a CPC-A
    body: Body
    start: date
    until: date | None = None
    ended_by: str = ""  # "the apprentice 'A' removed", "replaced by the RHIA"

    def held_on(self, day: date) -> bool:
        return self.start <= day and (self.until is None or day < self.until)


class CeuCycle(FrozenModel):
    """One continuing-education cycle of one body: what it asks by its due date."""

    body: Body
    start: date
    due: date
    credentials: tuple[str, ...]  # held on the due date, as held ("CPC-A", "CRC")
    credits: float
    full_credits: float  # before pro-rating
    prorated: bool = False
    parts: tuple[str, ...] = ()  # the specific parts: "16 on auditing (CPMA)", "80% in ..."

    @property
    def summary(self) -> str:
        """'36 CEUs for the CPC' / '40 AAPC CEUs for the CPC and CRC (16 on auditing ...)'."""
        names = _and(self.credentials)
        text = f"{self.credits:g} {self.body.value} CEUs for the {names}"
        if self.prorated:
            text += f" (first cycle, pro-rated from {self.full_credits:g})"
        return text


class Dues(FrozenModel):
    """A body's membership dues from ``start`` on."""

    body: Body
    start: date
    per_year: Figure
    required: bool


class CredentialTimeline(FrozenModel):
    """Which credentials are held on each date, each body's CEU cycles and its dues."""

    holdings: tuple[Holding, ...] = ()
    cycles: tuple[CeuCycle, ...] = ()
    dues: tuple[Dues, ...] = ()
    programs: tuple[tuple[str, date], ...] = ()  # (programme id, completed on)
    experience: tuple[tuple[str, date], ...] = ()  # (kind of work, from)

    def held_on(self, day: date, body: Body | None = None) -> tuple[str, ...]:
        """Credentials held on ``day`` (as held), optionally of one body."""
        return tuple(
            h.credential
            for h in self.holdings
            if h.held_on(day) and (body is None or h.body is body)
        )

    def catalog_ids_on(self, day: date, body: Body | None = None) -> tuple[str, ...]:
        """Distinct catalog credentials held on ``day`` (a CPC-A counts as the CPC)."""
        seen: list[str] = []
        for h in self.holdings:
            if h.held_on(day) and (body is None or h.body is body) and h.catalog_id not in seen:
                seen.append(h.catalog_id)
        return tuple(seen)

    def cycle_on(self, body: Body, day: date) -> CeuCycle | None:
        """The cycle of ``body`` running on ``day`` (None before the first credential)."""
        return next((c for c in self.cycles if c.body is body and c.start <= day <= c.due), None)

    def experience_years(self, kind: str, day: date) -> float:
        """Years of ``kind`` work by ``day`` (0 when that work has not started)."""
        starts = [d for k, d in self.experience if k == kind and d <= day]
        return max(((day - s).days / 365.25 for s in starts), default=0.0)

    def program_done(self, program_id: str, day: date) -> bool:
        return any(p == program_id and d <= day for p, d in self.programs)


@dataclass(frozen=True)
class Grant:
    """A credential granted on a day (``designation`` "CPC-A" while the 'A' stays)."""

    catalog_id: str
    day: date
    designation: str | None = None


def _and(names: tuple[str, ...] | list[str]) -> str:
    items = list(names)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def build_holdings(grants: list[Grant], catalog: Catalog) -> tuple[Holding, ...]:
    """Holdings from grants: an apprentice designation ends when the full credential is granted,
    and a credential that replaces another (RHIA -> RHIT) ends it."""
    holdings: list[Holding] = []
    for grant in sorted(grants, key=lambda g: g.day):
        cert = catalog.certifications[grant.catalog_id]
        for index, held in enumerate(holdings):
            if held.until is not None:
                continue
            if held.catalog_id == grant.catalog_id and held.credential != grant.catalog_id:
                holdings[index] = held.model_copy(
                    update={"until": grant.day, "ended_by": "the apprentice 'A' removed"}
                )
            elif cert.replaces is not None and held.catalog_id == cert.replaces:
                holdings[index] = held.model_copy(
                    update={"until": grant.day, "ended_by": f"replaced by the {cert.id}"}
                )
            elif held.catalog_id in cert.lets_lapse:
                holdings[index] = held.model_copy(
                    update={
                        "until": grant.day,
                        "ended_by": f"left to lapse once the {cert.id} is held (planner rule)",
                    }
                )
        if any(
            h.credential == (grant.designation or cert.id) and h.until is None for h in holdings
        ):
            continue
        holdings.append(
            Holding(
                credential=grant.designation or cert.id,
                catalog_id=cert.id,
                body=cert.body,
                start=grant.day,
            )
        )
    return tuple(holdings)


def required_credits(body: Body, catalog_ids: tuple[str, ...], catalog: Catalog) -> float:
    """CEUs a cycle asks for the credentials held (by count for AAPC, +10 each for AHIMA)."""
    rules = catalog.bodies.get(body)
    certs = [catalog.certifications[c] for c in catalog_ids]
    base = [c.ceu.credits.lo for c in certs if c.ceu is not None]
    if not base:
        return 0.0
    if rules is not None and rules.ceu_by_count:
        table = rules.ceu_by_count
        return table[min(len(certs), len(table)) - 1]
    credits = max(base)
    if rules is not None and rules.extra_per_credential:
        credits += rules.extra_per_credential * (len(certs) - 1)
        if rules.ceu_max is not None:
            credits = min(credits, rules.ceu_max)
    return credits


def cycle_parts(body: Body, catalog_ids: tuple[str, ...], due: date, catalog: Catalog) -> list[str]:
    """The specific parts of a cycle: topic CEUs per credential, domain and source shares."""
    parts: list[str] = []
    for cid in catalog_ids:
        ceu = catalog.certifications[cid].ceu
        if ceu is not None and ceu.specific_credits:
            parts.append(f"{ceu.specific_credits:g} {ceu.specific_topic} ({cid})")
    rules = catalog.bodies.get(body)
    if rules is not None:
        if rules.domain_share is not None:
            parts.append(f"{rules.domain_share.lo:g}% in the HIIM domains")
        if rules.own_share is not None and (
            rules.own_share_from is None or due >= rules.own_share_from
        ):
            parts.append(
                f"{rules.own_share.lo:g}% from {body.value} or its component state associations"
            )
    return parts


def _cycles_for(
    body: Body, holdings: tuple[Holding, ...], joined: date | None, until: date, catalog: Catalog
) -> list[CeuCycle]:
    mine = [h for h in holdings if h.body is body]
    if not mine:
        return []
    rules = catalog.bodies.get(body)
    first = min(h.start for h in mine)
    years = int(rules.cycle_years.planning) if rules is not None else 2
    due = add_years(first, years)
    prorate = False
    if rules is not None and rules.first_cycle == "membership-renewal":
        renewal = joined if joined is not None and joined <= first else first
        while renewal < add_years(first, 1):
            renewal = add_years(renewal, 1)
        due, prorate = renewal, renewal < add_years(first, years)
    cycles: list[CeuCycle] = []
    start = first
    timeline = CredentialTimeline(holdings=holdings)
    while due <= until:
        ids = timeline.catalog_ids_on(due, body)
        held = timeline.held_on(due, body)
        if ids:
            full = required_credits(body, ids, catalog)
            credits = full
            if prorate and not cycles:
                months = max(1, round((due - start).days / 30.44))
                credits = float(math.ceil(full * months / (12 * years)))
            cycles.append(
                CeuCycle(
                    body=body,
                    start=start,
                    due=due,
                    credentials=held,
                    credits=credits,
                    full_credits=full,
                    prorated=credits != full,
                    parts=tuple(cycle_parts(body, ids, due, catalog)),
                )
            )
        start = due
        due = add_years(due, years)
    return cycles


def derive_timeline(
    grants: list[Grant],
    catalog: Catalog,
    until: date,
    *,
    joined: dict[Body, date] | None = None,
    programs: tuple[tuple[str, date], ...] = (),
    experience: tuple[tuple[str, date], ...] = (),
) -> CredentialTimeline:
    """The credentials-held timeline up to ``until``: holdings, CEU cycles and dues."""
    holdings = build_holdings(grants, catalog)
    joined = joined or {}
    cycles: list[CeuCycle] = []
    dues: list[Dues] = []
    for body in Body:
        cycles += _cycles_for(body, holdings, joined.get(body), until, catalog)
        rules = catalog.bodies.get(body)
        mine = [h.start for h in holdings if h.body is body]
        start = joined.get(body) or (min(mine) if mine else None)
        if rules is not None and rules.membership_dues is not None and start is not None:
            dues.append(
                Dues(
                    body=body,
                    start=start,
                    per_year=rules.membership_dues,
                    required=rules.membership_required,
                )
            )
    cycles.sort(key=lambda c: (c.due, c.body.value))
    return CredentialTimeline(
        holdings=holdings,
        cycles=tuple(cycles),
        dues=tuple(dues),
        programs=programs,
        experience=experience,
    )


def unmet(cert: Certification, day: date, timeline: CredentialTimeline) -> str | None:
    """Why ``cert``'s exam cannot be sat on ``day`` (None when a prerequisite route is met)."""
    elig = cert.eligibility
    if not elig.schedulable:
        return f"{cert.id} eligibility is not confirmed on an {cert.body.value} page"
    if not elig.prerequisites:
        return None
    held = set(timeline.catalog_ids_on(day)) | set(timeline.held_on(day))
    for route in elig.prerequisites:
        if route.credentials and not held & set(route.credentials):
            continue
        if route.program is not None and not timeline.program_done(route.program, day):
            continue
        if route.experience_years is not None:
            needed = route.experience_years.lo
            if timeline.experience_years(route.experience, day) + 1e-9 < needed:
                continue
        return None
    return "none of its prerequisite routes is met: " + "; or ".join(
        r.title for r in elig.prerequisites
    )


def earliest_eligible(
    cert: Certification, after: date, timeline: CredentialTimeline, limit: date
) -> date | None:
    """The first month-start on or after ``after`` when ``cert`` can be sat (None by ``limit``)."""
    day = after
    while day <= limit:
        if unmet(cert, day, timeline) is None:
            return day
        day = add_months(day, 1)
    return None
