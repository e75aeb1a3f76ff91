"""Ten-year income outlook (low / median / high) per credential, experience, setting and state.

The rules, each with its source, are in docs/DATA.md ("Pay" rows). In short: a new coder starts
between the occupation's 10th and 25th percentiles and its median (scaled to the credential's
setting and the state), pay rises along AAPC's front-loaded experience curve, an apprentice
earns AAPC's apprentice ratio less, a specialty premium applies only where one survey compares
credential holders with credential holders, and no band goes above the occupation's 90th
percentile for the state. Amounts are in the dollars of the pay data (today's dollars).
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from planner.core.base import FrozenModel
from planner.core.catalog import Catalog, CredentialPay, Occupation, SalaryData, Specialty
from planner.core.dates import HORIZON_YEARS, add_months
from planner.core.inputs import PlanInputs
from planner.core.sources import Sources

MONTHS = HORIZON_YEARS * 12
CURVE_SPAN_YEARS = 24.0  # the survey's span: 1 year against more than 25 years of experience


class SalaryYear(FrozenModel):
    """Projected income in one plan year (USD, in the pay data's dollars)."""

    year: int
    start: date
    low: int
    median: int
    high: int
    stage: str


@dataclass(frozen=True)
class PayBand:
    """Yearly pay at one moment: low, median and high."""

    low: float
    median: float
    high: float

    def scaled(self, factor: float) -> PayBand:
        return PayBand(self.low * factor, self.median * factor, self.high * factor)

    def capped(self, cap: float) -> PayBand:
        return PayBand(min(self.low, cap), min(self.median, cap), min(self.high, cap))

    def best(self, other: PayBand) -> PayBand:
        """The better of two bands, end by end (a new credential never lowers pay)."""
        return PayBand(
            max(self.low, other.low), max(self.median, other.median), max(self.high, other.high)
        )


@dataclass(frozen=True)
class SalaryProjection:
    """Yearly rows for the plan plus the monthly median series used for break-even."""

    years: tuple[SalaryYear, ...]
    monthly_median: tuple[float, ...]
    monthly_low: tuple[float, ...] = ()


def experience_multiplier(data: SalaryData, years: float) -> float:
    """Pay after ``years`` of experience over first-year pay (AAPC's curve, front-loaded)."""
    growth = data.experience_growth.planning
    tau = data.experience_time_constant.planning
    years = max(0.0, years)
    return 1.0 + growth * (1.0 - math.exp(-years / tau)) / (1.0 - math.exp(-CURVE_SPAN_YEARS / tau))


def state_factor(data: SalaryData, state: str | None) -> float:
    """The state's median over the national median of the same release (1: national figures)."""
    if state is None or state not in data.states:
        return 1.0
    return data.states[state].median.planning / data.state_reference_median.planning


def has_state_figures(data: SalaryData, state: str | None) -> bool:
    """True when the state has its own wage figure (else the plan uses national figures)."""
    return state is not None and state in data.states


def pay_basis(data: SalaryData, credential: str) -> tuple[CredentialPay, Occupation]:
    """The occupation (and setting) a credential's pay is based on."""
    basis = data.credential_pay.get(credential) or data.credential_pay["CPC"]
    return basis, data.occupations[basis.occupation]


def band_cap(data: SalaryData, credential: str, state: str | None) -> float:
    """The documented cap: the occupation's 90th percentile, scaled to the state."""
    _basis, occupation = pay_basis(data, credential)
    return occupation.p90.planning * state_factor(data, state)


def pay_band(
    data: SalaryData,
    credential: str,
    years_experience: float,
    state: str | None,
    premium: float = 1.0,
) -> PayBand:
    """Yearly pay of a holder of ``credential`` after ``years_experience`` of coding work."""
    basis, occupation = pay_basis(data, credential)
    entry = PayBand(occupation.p10.planning, occupation.p25.planning, occupation.median.planning)
    if basis.setting is not None:
        entry = entry.scaled(data.settings[basis.setting].median.planning / data.median.planning)
    if basis.apprentice:
        entry = entry.scaled(data.apprentice_factor.planning)
    band = entry.scaled(
        experience_multiplier(data, years_experience) * state_factor(data, state) * premium
    )
    return band.capped(band_cap(data, credential, state))


class _PayBands:
    """pay_band for one state, with each credential's entry band and cap worked out once."""

    def __init__(self, data: SalaryData, state: str | None) -> None:
        self._data = data
        self._state = state
        self._state_factor = state_factor(data, state)
        # experience_multiplier's figures, read once (the same expression below)
        self._growth = data.experience_growth.planning
        self._tau = data.experience_time_constant.planning
        self._curve_span = 1.0 - math.exp(-CURVE_SPAN_YEARS / self._tau)
        self._entries: dict[str, tuple[PayBand, float]] = {}
        self._deciding_by_held: dict[tuple[str, ...], list[tuple[PayBand, float]]] = {}

    def _entry(self, credential: str) -> tuple[PayBand, float]:
        known = self._entries.get(credential)
        if known is None:
            data = self._data
            basis, occupation = pay_basis(data, credential)
            entry = PayBand(
                occupation.p10.planning, occupation.p25.planning, occupation.median.planning
            )
            if basis.setting is not None:
                entry = entry.scaled(
                    data.settings[basis.setting].median.planning / data.median.planning
                )
            if basis.apprentice:
                entry = entry.scaled(data.apprentice_factor.planning)
            known = (entry, band_cap(data, credential, self._state))
            self._entries[credential] = known
        return known

    def _deciding(self, held: tuple[str, ...]) -> list[tuple[PayBand, float]]:
        """The entry bands and caps of ``held`` that can decide the best band.

        A credential whose entry band and cap are both at most another's can never pay more
        (scaling by the same factor and capping keep the order), so it is left out.
        """
        known = self._deciding_by_held.get(held)
        if known is None:
            entries = [self._entry(credential) for credential in dict.fromkeys(held)]
            known = [
                (entry, cap)
                for index, (entry, cap) in enumerate(entries)
                if not any(
                    other != index
                    and _at_most(entry, cap, *entries[other])
                    and (not _at_most(*entries[other], entry, cap) or other < index)
                    for other in range(len(entries))
                )
            ]
            self._deciding_by_held[held] = known
        return known

    def best(
        self, held: tuple[str, ...], years_experience: float, premium: float
    ) -> tuple[float, float, float]:
        """The best of ``pay_band(data, credential, years_experience, state, premium)`` over
        the ``held`` credentials as (low, median, high): the same figures, with less repetition."""
        years = max(0.0, years_experience)
        experience = 1.0 + self._growth * (1.0 - math.exp(-years / self._tau)) / self._curve_span
        factor = experience * self._state_factor * premium
        deciding = self._deciding(held)
        entry, cap = deciding[0]
        low = min(entry.low * factor, cap)
        median = min(entry.median * factor, cap)
        high = min(entry.high * factor, cap)
        for entry, cap in deciding[1:]:
            low = max(low, min(entry.low * factor, cap))
            median = max(median, min(entry.median * factor, cap))
            high = max(high, min(entry.high * factor, cap))
        return low, median, high


def _at_most(band: PayBand, cap: float, other: PayBand, other_cap: float) -> bool:
    return (
        band.low <= other.low
        and band.median <= other.median
        and band.high <= other.high
        and cap <= other_cap
    )


def record_pay_sources(
    data: SalaryData, credentials: Sequence[str], spec: Specialty, state: str | None, src: Sources
) -> None:
    """Name every figure and rule the projection used, with publisher and table."""
    src.rule("Pay data vintage", data.vintage, "docs/DATA.md (pay rows)", "n.d.")
    src.rule("Pay amounts", data.dollars_label, "docs/DATA.md (pay rows)", "n.d.")
    used: set[str] = set()
    for credential in credentials:
        basis, occupation = pay_basis(data, credential)
        if basis.occupation not in used:
            used.add(basis.occupation)
            src.use(f"Pay, low at entry: {occupation.table}, 10th percentile", occupation.p10)
            src.use(f"Pay, median at entry: {occupation.table}, 25th percentile", occupation.p25)
            src.use(f"Pay, high at entry: {occupation.table}, median", occupation.median)
            src.use(f"Pay cap: {occupation.table}, 90th percentile", occupation.p90)
        if basis.setting is not None:
            setting = data.settings[basis.setting]
            src.use(
                f"Pay setting, {setting.label}: BLS OEWS May 2024 industry median",
                setting.median,
            )
        if basis.apprentice:
            src.use("Pay, apprentice ratio: AAPC 2010 salary survey", data.apprentice_factor)
    src.use("Pay growth with experience: AAPC 2010 salary survey", data.experience_growth)
    src.use("Pay curve shape: AAPC 2013 salary survey", data.experience_time_constant)
    premium = data.specialty_premiums.get(spec.id)
    if premium is not None:
        survey = premium.source.split(":")[0]
        src.use(f"Pay premium, {spec.name}: {survey}", premium)
    if has_state_figures(data, state) and state is not None:
        src.use(
            f"Pay in {data.states[state].name}: BLS OEWS May 2024 state median",
            data.states[state].median,
        )
        src.use(
            "Pay, national median for the state factor: BLS OEWS May 2024",
            data.state_reference_median,
        )


@functools.lru_cache(maxsize=64)
def _month_starts(start: date) -> tuple[date, ...]:
    """The first day of each plan month: ``add_months(start, month)`` for the whole horizon."""
    return tuple(add_months(start, month) for month in range(MONTHS))


def project_salary(
    inputs: PlanInputs,
    catalog: Catalog,
    credentials: Sequence[tuple[date, str]],
    spec: Specialty,
    working_from: date,
    specialized_from: date,
    sources: Sources,
) -> SalaryProjection:
    """Monthly income bands summed into ten plan years.

    ``credentials`` lists (date earned, credential id) for everything the plan earns, e.g. CPC-A
    at the first exam and CPC when the apprentice 'A' goes. Before ``working_from`` the learner
    keeps their current income (or none); from then on each month pays the best band of the
    credentials held, at the experience gained since ``working_from``; from ``specialized_from``
    the specialty's premium (if any) applies.
    """
    data = catalog.salary
    held_all = [credential for _day, credential in credentials]
    record_pay_sources(data, held_all, spec, inputs.state, sources)
    premium_fig = data.specialty_premiums.get(spec.id)
    current = (inputs.current_income or 0.0) / 12

    # the month loop runs 120 times: what does not change from month to month is worked out once
    # (the same arithmetic as pay_band, so every figure is identical)
    bands = _PayBands(data, inputs.state)
    specialty_premium = premium_fig.planning if premium_fig is not None else 1.0
    month_share = 1 / 12
    monthly: list[tuple[float, float, float, str]] = []  # low, median, high, stage
    earned_days = sorted({earned for earned, _credential in credentials})
    held_by_count: dict[int, tuple[str, ...]] = {}  # by how many earning days have passed
    for day in _month_starts(inputs.start):
        passed = bisect.bisect_right(earned_days, day)
        held = held_by_count.get(passed, ())
        if passed not in held_by_count:
            held = tuple(credential for earned, credential in credentials if earned <= day)
            held_by_count[passed] = held
        if day < working_from or not held:
            monthly.append((current, current, current, "training"))
            continue
        years = (day - working_from).days / 365.25
        specialized = day >= specialized_from
        premium = specialty_premium if specialized else 1.0
        low, median, high = bands.best(held, years, premium)
        monthly.append(
            (
                low * month_share,
                median * month_share,
                high * month_share,
                "specialized" if specialized else "working",
            )
        )

    years_out = []
    for year in range(HORIZON_YEARS):
        chunk = monthly[year * 12 : (year + 1) * 12]
        stages = [month[3] for month in chunk]
        years_out.append(
            SalaryYear(
                year=year + 1,
                start=add_months(inputs.start, year * 12),
                low=round(sum(month[0] for month in chunk)),
                median=round(sum(month[1] for month in chunk)),
                high=round(sum(month[2] for month in chunk)),
                stage=max(("training", "working", "specialized"), key=stages.count),
            )
        )
    return SalaryProjection(
        years=tuple(years_out),
        monthly_median=tuple(month[1] for month in monthly),
        monthly_low=tuple(month[0] for month in monthly),
    )


def context_lines(data: SalaryData) -> tuple[str, ...]:
    """The context figures as sentences for the salary page and print-out."""
    lines = []
    for item in data.context:
        figure = item.figure
        if figure.unit == "percent":
            amount = f"{figure.lo:g}%"
        elif figure.unit.startswith("USD"):
            amount = f"${figure.lo:,.0f}" + (" a year" if "year" in figure.unit else "")
        else:
            amount = f"{figure.lo:,.0f}"
        lines.append(f"{item.label}: {amount} ({item.cite}).")
    return tuple(lines)


def state_label(data: SalaryData, code: str, name: str) -> str:
    """How the state list shows a state: 'national figures' where it has no wage figure."""
    return f"{code} – {name}" + ("" if code in data.states else " (national figures)")
