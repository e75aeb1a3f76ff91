"""The outlook of a plan: income, costs, break-even and the warnings they raise, in one step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.core.catalog import Catalog
from planner.core.costs import Costs, project_costs
from planner.core.inputs import PlanInputs
from planner.core.salary import SalaryYear, project_salary
from planner.core.sources import Sources


@dataclass(frozen=True)
class OutlookDates:
    """The plan dates the outlook depends on."""

    exam: date  # the first exam: costs of study are spent by then
    experience_end: date  # end of phase 3: the add-on credential's costs fall after it
    working_from: date  # first coding job: coding pay starts
    specialized_from: date  # the specialty's pay effect applies


@dataclass(frozen=True)
class Outlook:
    """Income per plan year, costs with break-even, and the warnings derived from them."""

    salary: tuple[SalaryYear, ...]
    costs: Costs
    warnings: tuple[str, ...]
    sources: Sources


def project_outlook(
    inputs: PlanInputs,
    catalog: Catalog,
    *,
    certification: str,
    exam_credential: str,
    specialty: str,
    dates: OutlookDates,
) -> Outlook:
    """Salary, costs, break-even and their warnings for a plan with these dates.

    Building a plan and moving it (an accepted re-plan) both call this, so a moved plan never
    keeps a warning, or lacks one, that its new dates would change.
    """
    cert = catalog.certifications[certification]
    first = catalog.certifications[exam_credential]
    spec = catalog.specialties[specialty]
    sources = Sources()
    salary = project_salary(
        inputs, catalog, cert, spec, dates.working_from, dates.specialized_from, sources
    )
    costs = project_costs(
        inputs,
        catalog,
        cert,
        first,
        spec,
        dates.exam,
        dates.experience_end,
        salary_monthly=salary.monthly_median,
        sources=sources,
    )
    warnings: list[str] = []
    if costs.break_even_month is None and inputs.current_income is not None:
        warnings.append(costs.break_even_note)
    if inputs.budget is not None and costs.upfront_planned > inputs.budget:
        warnings.append(
            f"The planned up-front cost (${costs.upfront_planned:,}) is above your budget "
            f"(${inputs.budget:,.0f}); the low end of the sourced ranges is "
            f"${costs.upfront_low:,}."
        )
    return Outlook(salary=salary.years, costs=costs, warnings=tuple(warnings), sources=sources)
