"""Costs of the plan (programme, exams, membership, books, renewal) and the break-even month."""

from __future__ import annotations

import math
from datetime import date

from planner.core.base import Figure, FrozenModel
from planner.core.catalog import Background, Body, Catalog, Certification, Specialty
from planner.core.dates import HORIZON_YEARS, add_months, months_between
from planner.core.inputs import PlanInputs
from planner.core.sources import Sources


class CostItem(FrozenModel):
    """One cost, as a sourced range and the planning value."""

    id: str
    label: str
    low: int
    high: int
    planned: int
    when: str  # "up front", "yearly", "per CEU cycle", "phase 4"
    count: int = 1  # how many times the cost falls within the horizon
    source: str


class Costs(FrozenModel):
    """Costs and the break-even point."""

    items: tuple[CostItem, ...]
    upfront_low: int
    upfront_high: int
    upfront_planned: int
    total_planned: int  # over the whole horizon, recurring costs included
    not_in_data: tuple[str, ...] = ()
    break_even_month: int | None = None  # months after the start date
    break_even_date: date | None = None
    break_even_note: str = ""


def _item(
    sources: Sources, item_id: str, label: str, figure: Figure, when: str, times: int = 1
) -> CostItem:
    sources.use(label, figure)
    return CostItem(
        id=item_id,
        label=label,
        count=times,
        low=round(figure.lo * times),
        high=round(figure.hi * times),
        planned=round(figure.planning * times),
        when=when,
        source=figure.source,
    )


def project_costs(
    inputs: PlanInputs,
    catalog: Catalog,
    cert: Certification,
    first: Certification,
    spec: Specialty,
    certified: date,
    phase4_start: date,
    *,
    salary_monthly: tuple[float, ...],
    sources: Sources,
) -> Costs:
    """Up-front and recurring costs over the plan horizon, and when extra pay repays them."""
    training = catalog.training
    items: list[CostItem] = []
    missing: list[str] = []
    elig = cert.eligibility
    program_id = (
        elig.required_program
        if elig.required_program
        else training.backgrounds[inputs.background].program
    )
    if program_id is not None:
        program = catalog.program(program_id)
        if program.cost is not None:
            items.append(
                _item(sources, "program", f"{program.name}: tuition", program.cost, "up front")
            )
        else:
            missing.append(f"{program.name}: tuition (no sourced figure)")
    if inputs.background is not Background.CODING:
        items.append(
            _item(sources, "code-books", "Code books", training.costs.code_books, "up front")
        )
    items.append(
        _item(
            sources, "practice-exams", "Practice exams", training.costs.practice_exams, "up front"
        )
    )
    if training.costs.prep_products is not None:
        items.append(
            _item(
                sources,
                "prep-products",
                "Exam prep products",
                training.costs.prep_products,
                "up front",
            )
        )
    exam_certs = [first] if first is cert else [first, cert]
    for exam_cert in exam_certs:
        if exam_cert.exam_fee is not None:
            items.append(
                _item(
                    sources,
                    f"exam-{exam_cert.id.lower()}",
                    f"{exam_cert.id} exam fee",
                    exam_cert.exam_fee,
                    "up front",
                )
            )
        else:
            missing.append(f"{exam_cert.id} exam fee (no sourced figure)")
    upfront_ids = {i.id for i in items}

    working_years = max(
        0, math.ceil((HORIZON_YEARS * 12 - months_between(inputs.start, certified)) / 12)
    )
    if cert.body is Body.AAPC and cert.membership_dues is not None:
        items.append(
            _item(
                sources,
                "membership",
                "AAPC membership (student, first year)",
                Figure(
                    **{
                        **cert.membership_dues.model_dump(),
                        "value": cert.membership_dues.lo,
                        "low": None,
                        "high": None,
                    }
                ),
                "up front",
            )
        )
        upfront_ids.add("membership")
        items.append(
            _item(
                sources,
                "membership-yearly",
                "AAPC membership dues, yearly once certified",
                Figure(
                    **{
                        **cert.membership_dues.model_dump(),
                        "value": cert.membership_dues.hi,
                        "low": None,
                        "high": None,
                    }
                ),
                "yearly",
                times=working_years,
            )
        )
    if cert.renewal_fee is not None and cert.ceu is not None:
        cycles = max(0, math.floor(working_years / cert.ceu.cycle_years.planning))
        if cycles:
            items.append(
                _item(
                    sources,
                    "renewal",
                    f"{cert.id} recertification fee",
                    cert.renewal_fee,
                    "per CEU cycle",
                    times=cycles,
                )
            )
    addon = catalog.certifications.get(spec.credential) if spec.credential else None
    if addon is not None and addon.id != cert.id:
        if addon.exam_fee is not None:
            items.append(
                _item(
                    sources,
                    f"exam-{addon.id.lower()}",
                    f"{addon.id} exam fee",
                    addon.exam_fee,
                    "phase 4",
                )
            )
        else:
            missing.append(f"{addon.id} exam fee (no sourced figure)")

    upfront = [i for i in items if i.id in upfront_ids]
    total = sum(i.planned for i in items)
    upfront_planned = sum(i.planned for i in upfront)
    break_month, note = _break_even(
        inputs, items, upfront_planned, certified, phase4_start, salary_monthly
    )
    if missing and break_month is not None:
        note = "Costs not in the data are not included: " + "; ".join(missing) + "."
    return Costs(
        items=tuple(items),
        upfront_low=sum(i.low for i in upfront),
        upfront_high=sum(i.high for i in upfront),
        upfront_planned=upfront_planned,
        total_planned=total,
        not_in_data=tuple(missing),
        break_even_month=break_month,
        break_even_date=add_months(inputs.start, break_month) if break_month is not None else None,
        break_even_note=note,
    )


def _break_even(
    inputs: PlanInputs,
    items: list[CostItem],
    upfront: int,
    certified: date,
    phase4_start: date,
    salary_monthly: tuple[float, ...],
) -> tuple[int | None, str]:
    """First month where extra pay over the current income has repaid the costs so far."""
    if inputs.current_income is None:
        return None, "Give your current income to see the break-even month."
    current = inputs.current_income / 12
    yearly = sum(i.planned / i.count for i in items if i.when == "yearly" and i.count)
    phase4 = sum(i.planned for i in items if i.when == "phase 4")
    spent = float(upfront)
    gained = 0.0
    certified_month = months_between(inputs.start, certified)
    phase4_month = months_between(inputs.start, phase4_start)
    for month, pay in enumerate(salary_monthly):
        if month == phase4_month:
            spent += phase4
        if month > certified_month and (month - certified_month) % 12 == 0:
            spent += yearly
        gained += pay - current
        if month >= certified_month and gained >= spent:
            return month, ""
    return None, (
        f"With your current income, the extra pay does not repay the costs within "
        f"{HORIZON_YEARS} years "
        "at the median figures."
    )
