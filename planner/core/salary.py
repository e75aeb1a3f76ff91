"""Ten-year income outlook (low / median / high) from the catalog's sourced salary figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.core.base import FrozenModel
from planner.core.catalog import Catalog, Certification, Specialty
from planner.core.dates import HORIZON_YEARS, add_months
from planner.core.inputs import PlanInputs
from planner.core.sources import Sources

MONTHS = HORIZON_YEARS * 12


class SalaryYear(FrozenModel):
    """Projected income in one plan year (USD)."""

    year: int
    start: date
    low: int
    median: int
    high: int
    stage: str


@dataclass(frozen=True)
class SalaryProjection:
    """Yearly rows for the plan plus the monthly median series used for break-even."""

    years: tuple[SalaryYear, ...]
    monthly_median: tuple[float, ...]


def state_factor(inputs: PlanInputs, catalog: Catalog, sources: Sources) -> float:
    """State median over the national median of the same year (1 when no state figure)."""
    if inputs.state is None or inputs.state not in catalog.salary.states:
        return 1.0
    state = catalog.salary.states[inputs.state]
    median = sources.use(f"{state.name} median wage", state.median)
    reference = sources.use(
        "National median (same year as the state table)", catalog.salary.state_reference_median
    )
    return median.planning / reference.planning


def project_salary(
    inputs: PlanInputs,
    catalog: Catalog,
    cert: Certification,
    spec: Specialty,
    working_from: date,
    specialized_from: date,
    sources: Sources,
) -> SalaryProjection:
    """Monthly income bands summed into ten plan years.

    Before ``working_from`` the learner keeps their current income (or none). From then on the
    band starts at the BLS 10th percentile / BLS median / AAPC certified average, each year of
    experience adds the low / middle / high end of the surveyed yearly raise, the state factor
    scales it, and from ``specialized_from`` the specialty's pay effect applies.
    """
    data = catalog.salary
    p10 = sources.use("Entry pay, low: BLS 10th percentile", data.p10).planning
    median = sources.use("Entry pay, median: BLS median", data.median).planning
    high = sources.use("Entry pay, high: AAPC certified average", data.certified_average).planning
    raise_fig = sources.use("Yearly raise with experience", data.raise_per_year)
    factor = state_factor(inputs, catalog, sources)
    spec_factor = spec.pay_factor
    if spec.pay_average is not None and spec.pay_baseline is not None:
        sources.use(f"{spec.name}: surveyed average", spec.pay_average)
        sources.use(f"{spec.name}: same survey's baseline", spec.pay_baseline)
    current = (inputs.current_income or 0.0) / 12
    del cert

    monthly: list[tuple[float, float, float, str]] = []
    for month in range(MONTHS):
        day = add_months(inputs.start, month)
        if day < working_from:
            monthly.append((current, current, current, "training"))
            continue
        years_working = (day - working_from).days / 365.25
        band = [
            p10 + raise_fig.lo * years_working,
            median + raise_fig.planning * years_working,
            high + raise_fig.hi * years_working,
        ]
        stage = "working"
        if day >= specialized_from:
            band = [value * spec_factor for value in band]
            stage = "specialized"
        low_v, mid_v, high_v = sorted(value * factor / 12 for value in band)
        monthly.append((low_v, mid_v, high_v, stage))

    years = []
    for year in range(HORIZON_YEARS):
        chunk = monthly[year * 12 : (year + 1) * 12]
        years.append(
            SalaryYear(
                year=year + 1,
                start=add_months(inputs.start, year * 12),
                low=round(sum(m[0] for m in chunk)),
                median=round(sum(m[1] for m in chunk)),
                high=round(sum(m[2] for m in chunk)),
                stage=max(("training", "working", "specialized"), key=[m[3] for m in chunk].count),
            )
        )
    return SalaryProjection(years=tuple(years), monthly_median=tuple(m[1] for m in monthly))
