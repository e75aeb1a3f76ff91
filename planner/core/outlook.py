"""The outlook of a plan: income, costs, break-even and the warnings they raise, in one step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.core.catalog import Catalog
from planner.core.costs import UP_FRONT, Costs, ExamEvent, project_costs
from planner.core.credentials import CredentialTimeline
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
    # the exams the plan sits after the first one: (date, credential id), in date order
    later_exams: tuple[tuple[date, str], ...] = ()
    first_designation: str = ""  # what the first exam makes the learner, e.g. "CPC-A"
    apprentice_removed: date | None = None  # the apprentice 'A' goes: the full credential


@dataclass(frozen=True)
class Outlook:
    """Income per plan year, costs with break-even, and the warnings derived from them."""

    salary: tuple[SalaryYear, ...]
    costs: Costs
    warnings: tuple[str, ...]
    sources: Sources


def _exam_events(
    exam_credential: str, certification: str, dates: OutlookDates
) -> tuple[ExamEvent, ...]:
    events = [ExamEvent(exam_credential, dates.exam, UP_FRONT)]
    for day, credential in dates.later_exams:
        when = "phase 3" if credential == certification else "phase 4"
        events.append(ExamEvent(credential, day, when))
    return tuple(events)


def _pay_credentials(
    exam_credential: str, certification: str, dates: OutlookDates
) -> tuple[tuple[date, str], ...]:
    """(date earned, credential) for pay: the designation first, then what replaces it."""
    first = dates.first_designation or exam_credential
    held = [(dates.exam, first)]
    if dates.apprentice_removed is not None and first != exam_credential:
        held.append((dates.apprentice_removed, exam_credential))
    held.extend(dates.later_exams)
    if certification not in {c for _d, c in held}:
        held.append((dates.exam, certification))
    return tuple(sorted(held))


def project_outlook(
    inputs: PlanInputs,
    catalog: Catalog,
    *,
    certification: str,
    exam_credential: str,
    specialty: str,
    dates: OutlookDates,
    timeline: CredentialTimeline,
) -> Outlook:
    """Salary, costs, break-even and their warnings for a plan with these dates.

    Building a plan and moving it (an accepted re-plan) both call this, so a moved plan never
    keeps a warning, or lacks one, that its new dates would change. ``timeline`` (the plan's
    credentials-held timeline) is the one source of the dues and renewal fees.
    """
    cert = catalog.certifications[certification]
    spec = catalog.specialties[specialty]
    sources = Sources()
    salary = project_salary(
        inputs,
        catalog,
        _pay_credentials(exam_credential, certification, dates),
        spec,
        dates.working_from,
        dates.specialized_from,
        sources,
    )
    addon = catalog.certifications.get(spec.credential) if spec.credential else None
    if addon is not None and addon.id == cert.id:
        addon = None
    costs = project_costs(
        inputs,
        catalog,
        cert,
        _exam_events(exam_credential, certification, dates),
        addon_program_start=dates.experience_end if addon is not None else None,
        addon=addon,
        salary_monthly=salary.monthly_median,
        sources=sources,
        timeline=timeline,
    )
    warnings: list[str] = []
    if inputs.current_income is not None and (
        costs.break_even_late_month is None or costs.missing_major
    ):
        warnings.append(costs.break_even_note)
    if costs.budget_note and costs.budget_fits is not True:
        warnings.append(costs.budget_note)
    warnings.extend(_below_current_income(inputs, salary.years, dates.working_from))
    return Outlook(salary=salary.years, costs=costs, warnings=tuple(warnings), sources=sources)


def _below_current_income(
    inputs: PlanInputs, years: tuple[SalaryYear, ...], working_from: date
) -> list[str]:
    """Say when coding pay at its low end would be below what the learner earns now."""
    if not inputs.current_income:
        return []
    for row in years:
        if row.start >= working_from and row.low < inputs.current_income:
            return [
                f"In plan year {row.year} the low end of coding pay (${row.low:,}) is below your "
                f"current income (${inputs.current_income:,.0f}): a first coding job can pay less "
                "than you earn now."
            ]
    return []
