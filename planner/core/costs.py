"""Costs of the plan (tuition, courses, exams, retakes, books, dues, renewals) and break-even.

Every cost is a range (low and high end of its sources) with the planned value; the learner's
own figures (``PlanInputs.actual_costs``, by cost id) replace the estimates. Break-even is a
range too: the month the extra pay over the current income has repaid the costs at their low
and at their high end. When a major cost is not in the data, break-even and the budget check
say so in the same sentence. The rules, with sources, are the "Costs" rows of docs/DATA.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pydantic import Field

from planner.core.base import Figure, FrozenModel
from planner.core.catalog import Background, Body, Catalog, Certification, Program
from planner.core.credentials import CredentialTimeline
from planner.core.dates import HORIZON_YEARS, add_months, format_date, months_between
from planner.core.inputs import PlanInputs
from planner.core.sources import Sources

HORIZON_MONTHS = HORIZON_YEARS * 12
UP_FRONT = "up front"


class CostItem(FrozenModel):
    """One cost, as a sourced range and the planning value."""

    id: str
    label: str
    low: int
    high: int
    planned: int
    when: str  # "up front", "yearly", "per CEU cycle", "phase 4", "at the CCS exam", ...
    count: int = 1  # how many times the cost falls within the horizon
    source: str
    note: str = ""  # the choice made (member price, package, ...) in one sentence
    major: bool = False  # tuition, courses and exam fees: their absence changes the answer
    entered: bool = False  # the learner's own figure replaced the estimate


class Costs(FrozenModel):
    """Costs and the break-even point."""

    items: tuple[CostItem, ...]
    upfront_low: int
    upfront_high: int
    upfront_planned: int
    total_planned: int  # over the whole horizon, recurring costs included
    not_in_data: tuple[str, ...] = ()
    missing_major: tuple[str, ...] = ()  # major costs with no figure: totals exclude them
    missing_major_upfront: tuple[str, ...] = ()  # those of them due up front
    not_needed: tuple[str, ...] = ()  # costs this path does not have, and why
    missing_ids: tuple[str, ...] = ()  # ids of missing costs the learner can enter
    break_even_month: int | None = None  # months after the start date, at the planned costs
    break_even_date: date | None = None
    break_even_early_month: int | None = None  # at the low end of the costs
    break_even_late_month: int | None = None  # at the high end (None: not within the horizon)
    break_even_note: str = ""  # the one break-even sentence (range, and what it excludes)
    budget_note: str = ""  # the one budget sentence ("" when no budget was given)
    budget_fits: bool | None = Field(default=None)  # None: unknown or no budget

    def excludes_clause(self, *, upfront_only: bool = False) -> str:
        """'; this excludes X, which is not in the data' or ''."""
        missing = self.missing_major_upfront if upfront_only else self.missing_major
        if not missing:
            return ""
        names = " and ".join(missing)
        verb = "is" if len(missing) == 1 else "are"
        return f"; this excludes {names}, which {verb} not in the data"


@dataclass(frozen=True)
class ExamEvent:
    """An exam the plan sits: credential id, date, and when its costs count."""

    credential: str
    day: date
    when: str  # UP_FRONT for the first exam, else e.g. "phase 3", "phase 4"


@dataclass(frozen=True)
class _Payment:
    month: int
    low: float
    planned: float
    high: float
    major_label: str = ""  # the item's label when it is a major cost


class _Ledger:
    """Cost items plus when each occurrence is paid (for break-even)."""

    def __init__(self, inputs: PlanInputs, sources: Sources) -> None:
        self.inputs = inputs
        self.sources = sources
        self.items: list[CostItem] = []
        self.payments: list[_Payment] = []
        self.missing: list[str] = []
        self.missing_major: list[str] = []
        self.missing_major_upfront: list[str] = []
        self.not_needed: list[str] = []
        self.missing_ids: list[str] = []

    def add(
        self,
        item_id: str,
        label: str,
        figure: Figure,
        when: str,
        months: Sequence[int],
        *,
        note: str = "",
        major: bool = False,
        price: float | None = None,
        scale: tuple[float, float] = (1.0, 1.0),
    ) -> None:
        """Add a cost paid once in each of ``months``; ``price`` fixes the chosen price."""
        months = [m for m in months if m < HORIZON_MONTHS]
        if not months:
            return
        self.sources.use(label, figure)
        low = (price if price is not None else figure.lo) * scale[0]
        high = (price if price is not None else figure.hi) * scale[1]
        planned = price * (scale[0] + scale[1]) / 2 if price is not None else (low + high) / 2
        times = len(months)
        entered = self.inputs.actual_cost(item_id)
        if entered is not None:
            low = high = planned = entered / times
            note = "Your own figure replaces the estimate."
        self.items.append(
            CostItem(
                id=item_id,
                label=label,
                low=round(low * times),
                high=round(high * times),
                planned=round(planned * times),
                when=when,
                count=times,
                source="your own figure" if entered is not None else figure.source,
                note=note,
                major=major,
                entered=entered is not None,
            )
        )
        self.payments.extend(
            _Payment(m, low, planned, high, label if major else "") for m in months
        )

    def lack(
        self,
        what: str,
        *,
        major: bool,
        item_id: str = "",
        label: str = "",
        when: str = UP_FRONT,
        month: int = 0,
    ) -> None:
        """A cost with no sourced figure (unless the learner entered their own)."""
        entered = self.inputs.actual_cost(item_id) if item_id else None
        if entered is not None:
            self.items.append(
                CostItem(
                    id=item_id,
                    label=label or what,
                    low=round(entered),
                    high=round(entered),
                    planned=round(entered),
                    when=when,
                    source="your own figure",
                    note="Your own figure (no sourced estimate exists).",
                    major=major,
                    entered=True,
                )
            )
            self.payments.append(_Payment(month, entered, entered, entered))
            return
        self.missing.append(what)
        if item_id:
            self.missing_ids.append(item_id)
        if major:
            self.missing_major.append(what)
            if when == UP_FRONT:
                self.missing_major_upfront.append(what)


def _month(start: date, day: date) -> int:
    return max(0, months_between(start, day))


def _programme(
    ledger: _Ledger, program: Program, item_id: str, when: str, month: int, *, why: str
) -> None:
    """Tuition of a programme: the whole price, or the yearly tuition times its length."""
    if program.tuition_per_year is not None and program.months is not None:
        years_lo, years_hi = program.months.lo / 12, program.months.hi / 12
        ledger.sources.use(f"{program.name}: length", program.months)
        ledger.add(
            item_id,
            f"{program.name}: tuition",
            program.tuition_per_year,
            when,
            [month],
            note=(
                f"{program.tuition_per_year.describe()} for {program.months.describe()} ({why})."
            ),
            major=True,
            scale=(years_lo, years_hi),
        )
    elif program.cost is not None:
        ledger.add(
            item_id, f"{program.name}: tuition", program.cost, when, [month], note=why, major=True
        )
    else:
        ledger.lack(
            f"the {program.name} tuition", major=True, item_id=item_id, when=when, month=month
        )


def _exam_price(cert: Certification) -> tuple[float, str, bool]:
    """What the learner pays for the exam, the choice in words, and whether a retake is in it."""
    assert cert.exam_fee is not None
    fee = cert.exam_fee
    if cert.body is Body.AAPC and fee.value is None:
        return (
            fee.hi,
            f"the 2-attempt package (${fee.hi:,.0f}; one attempt ${fee.lo:,.0f}): with first-time "
            "pass rates around 50-60%, the second attempt is likely to be needed. AAPC "
            "membership is required to sit, so this is the member price.",
            True,
        )
    if cert.body is Body.AHIMA and fee.value is None:
        return (
            fee.hi,
            f"the non-member price (${fee.hi:,.0f}; members ${fee.lo:,.0f}): AHIMA membership "
            "is optional and costs more than it saves on one exam.",
            False,
        )
    return fee.hi, "", False


def _exams(ledger: _Ledger, catalog: Catalog, exams: Sequence[ExamEvent], start: date) -> None:
    training = catalog.training
    book_years: set[int] = set()
    for event in exams:
        cert = catalog.certifications[event.credential]
        month = _month(start, event.day)
        key = cert.id.lower()
        if cert.exam_fee is None:
            ledger.lack(
                f"the {cert.id} exam fee",
                major=True,
                item_id=f"exam-{key}",
                label=f"{cert.id} exam fee",
                when=event.when,
                month=month,
            )
        else:
            price, choice, retake_included = _exam_price(cert)
            ledger.add(
                f"exam-{key}",
                f"{cert.id} exam fee",
                cert.exam_fee,
                event.when,
                [month],
                note=f"Planned at {choice}" if choice else "",
                major=True,
                price=price,
            )
            rate = training.pass_rates_by_credential.get(cert.id, training.first_time_pass_rate)
            if rate is not None and not retake_included:
                fail_lo, fail_hi = 1 - rate.hi / 100, 1 - rate.lo / 100
                ledger.sources.use(f"{cert.id} first-time pass rate", rate)
                ledger.add(
                    f"retake-{key}",
                    f"{cert.id} expected retake cost",
                    cert.exam_fee,
                    event.when,
                    [month],
                    note=(
                        f"First-time pass rate {rate.describe()}: a {fail_lo:.0%}-{fail_hi:.0%} "
                        f"chance of paying the ${price:,.0f} fee again."
                    ),
                    price=price,
                    scale=(fail_lo, fail_hi),
                )
        if cert.id in training.costs.code_book_exams and event.day.year not in book_years:
            book_years.add(event.day.year)
            ledger.add(
                f"code-books-{event.day.year}",
                f"Code books for {event.day.year} (the {cert.id} exam)",
                training.costs.code_books,
                event.when,
                [month],
                note=(
                    "Open-book exams need the current year's CPT, ICD-10-CM and HCPCS books "
                    "(AAPC allows last year's early in the year)."
                ),
            )


def _dues(
    ledger: _Ledger,
    catalog: Catalog,
    timeline: CredentialTimeline,
    start: date,
    first_exam: date | None,
    student: bool,
) -> None:
    """AAPC dues and AHIMA renewals, from the credentials-held timeline (its dues and cycles)."""
    _aapc_dues(ledger, catalog, timeline, start, first_exam, student)
    _ahima_renewals(ledger, catalog, timeline, start)


def _aapc_dues(
    ledger: _Ledger,
    catalog: Catalog,
    timeline: CredentialTimeline,
    start: date,
    first_exam: date | None,
    student: bool,
) -> None:
    """Yearly AAPC dues from joining (or the first AAPC credential); a learner's first year at
    the student rate when the plan's first exam is AAPC's."""
    dues = next((d for d in timeline.dues if d.body is Body.AAPC), None)
    held_from = min((h.start for h in timeline.holdings if h.body is Body.AAPC), default=None)
    if dues is None:
        if held_from is not None:
            ledger.lack("AAPC membership dues", major=False)
        return
    joined = _month(start, dues.start)
    yearly_from = joined
    student_rate = catalog.training.costs.aapc_student_membership
    if student and student_rate is not None and held_from is not None and held_from == first_exam:
        ledger.add(
            "membership",
            "AAPC student membership, first year",
            student_rate,
            UP_FRONT,
            [joined],
            note="Required to sit an AAPC exam; the student rate ends once certified.",
        )
        yearly_from = max(joined + 12, _month(start, held_from))
    ledger.add(
        "membership-yearly",
        "AAPC membership dues, yearly",
        dues.per_year,
        "yearly",
        list(range(yearly_from, HORIZON_MONTHS, 12)),
        note="Needed to keep every AAPC credential (CEUs are reported through it).",
    )


def _ahima_renewals(
    ledger: _Ledger, catalog: Catalog, timeline: CredentialTimeline, start: date
) -> None:
    """One non-member renewal per AHIMA CEU cycle, plus one per extra credential held on its due
    date (the timeline lets a CCA lapse at the CCS and the RHIA replace the RHIT)."""
    cycles = [
        c for c in timeline.cycles if c.body is Body.AHIMA and _month(start, c.due) < HORIZON_MONTHS
    ]
    if not any(h.body is Body.AHIMA for h in timeline.holdings):
        return
    certs = catalog.certifications
    first = next(h for h in timeline.holdings if h.body is Body.AHIMA)
    fee = certs[first.catalog_id].renewal_fee
    if fee is None:
        ledger.lack("AHIMA recertification fee", major=False)
        return
    if not cycles:
        return
    months: list[int] = []
    extra_months: list[int] = []
    for cycle in cycles:
        month = _month(start, cycle.due)
        held = timeline.catalog_ids_on(cycle.due, Body.AHIMA)
        months.append(month)
        extra_months.extend([month] * max(0, len(held) - 1))
    rules = catalog.bodies.get(Body.AHIMA)
    years = f"{rules.cycle_years.planning:g}" if rules is not None else "2"
    ledger.add(
        "ahima-recertification",
        f"AHIMA recertification fee (non-member), every {years} years",
        fee,
        "per CEU cycle",
        months,
        note="Non-member price; a CCA is left to lapse once the CCS is held, an RHIT once "
        "the RHIA is.",
    )
    extra = catalog.training.costs.ahima_additional_recertification
    if extra is not None and extra_months:
        ledger.add(
            "ahima-recertification-extra",
            "AHIMA recertification, each additional credential",
            extra,
            "per CEU cycle",
            extra_months,
        )


def project_costs(
    inputs: PlanInputs,
    catalog: Catalog,
    cert: Certification,
    exams: Sequence[ExamEvent],
    *,
    addon_program_start: date | None,
    addon: Certification | None,
    salary_monthly: tuple[float, ...],
    sources: Sources,
    timeline: CredentialTimeline,
) -> Costs:
    """Up-front and recurring costs over the plan horizon, and when extra pay repays them."""
    training = catalog.training
    ledger = _Ledger(inputs, sources)
    first_cert = catalog.certifications[exams[0].credential] if exams else cert
    elig = cert.eligibility
    program_id = elig.required_program or training.backgrounds[inputs.background].program
    if program_id is not None:
        why = (
            f"required for the {cert.id}"
            if elig.required_program
            else "teaches the code sets before the exam"
        )
        _programme(ledger, catalog.program(program_id), "program", UP_FRONT, 0, why=why)
    else:
        ledger.not_needed.append("Coding course: none, you already code (a review only).")
    if addon is not None and addon.eligibility.required_program and addon_program_start:
        _programme(
            ledger,
            catalog.program(addon.eligibility.required_program),
            "addon-program",
            "phase 4",
            _month(inputs.start, addon_program_start),
            why=f"required for the {addon.id}",
        )
    apprentice = first_cert.apprentice
    if apprentice is not None and inputs.background is not Background.CODING:
        practicode = training.costs.practicode
        if practicode is None:
            ledger.lack("Practicode", major=False, item_id="practicode")
        else:
            ledger.add(
                "practicode",
                "Practicode (AAPC practice records)",
                practicode,
                UP_FRONT,
                [0],
                note=(
                    f"With the 80-hour course it removes the {apprentice.designation}'s 'A' "
                    "without two years of work; included if you buy an AAPC training package."
                ),
            )
    elif apprentice is not None:
        ledger.not_needed.append(
            f"Practicode: not needed, your coding work counts toward removing the "
            f"{apprentice.designation}'s 'A'."
        )
    else:
        ledger.not_needed.append(
            f"Practicode: not needed, the {first_cert.id} has no apprentice designation."
        )
    ledger.add("practice-exams", "Practice exams", training.costs.practice_exams, UP_FRONT, [0])
    if training.costs.prep_products is not None:
        ledger.add(
            "prep-products", "Exam prep products", training.costs.prep_products, UP_FRONT, [0]
        )
    _exams(ledger, catalog, exams, inputs.start)
    _dues(
        ledger,
        catalog,
        timeline,
        inputs.start,
        exams[0].day if exams else None,
        inputs.background is not Background.CODING,
    )
    if training.costs.ceu_cost is None:
        ledger.lack("CEU costs (no sourced typical price; members get some free CEUs)", major=False)

    items = ledger.items
    upfront = [i for i in items if i.when == UP_FRONT]
    costs = Costs(
        items=tuple(items),
        upfront_low=sum(i.low for i in upfront),
        upfront_high=sum(i.high for i in upfront),
        upfront_planned=sum(i.planned for i in upfront),
        total_planned=sum(i.planned for i in items),
        not_in_data=tuple(ledger.missing),
        missing_major=tuple(ledger.missing_major),
        missing_major_upfront=tuple(ledger.missing_major_upfront),
        not_needed=tuple(ledger.not_needed),
        missing_ids=tuple(ledger.missing_ids),
    )
    return _with_break_even(costs, inputs, ledger.payments, salary_monthly)


def _break_even_month(
    inputs: PlanInputs, payments: Sequence[_Payment], salary_monthly: tuple[float, ...], end: str
) -> int | None:
    """First month where the extra pay has repaid the costs paid so far (None: not in time)."""
    assert inputs.current_income is not None
    current = inputs.current_income / 12
    by_month: dict[int, float] = {}
    for payment in payments:
        by_month[payment.month] = by_month.get(payment.month, 0.0) + getattr(payment, end)
    spent = 0.0
    gained = 0.0
    for month, pay in enumerate(salary_monthly):
        spent += by_month.get(month, 0.0)
        gained += pay - current
        if gained > 0 and gained >= spent:
            return month
    return None


def _with_break_even(
    costs: Costs,
    inputs: PlanInputs,
    payments: Sequence[_Payment],
    salary_monthly: tuple[float, ...],
) -> Costs:
    excludes = costs.excludes_clause()
    update: dict[str, object] = {}
    if inputs.current_income is None:
        note = "Give your current income to see the break-even month" + excludes + "."
    else:
        planned = _break_even_month(inputs, payments, salary_monthly, "planned")
        early = _break_even_month(inputs, payments, salary_monthly, "low")
        late = _break_even_month(inputs, payments, salary_monthly, "high")
        update = {
            "break_even_month": planned,
            "break_even_date": add_months(inputs.start, planned) if planned is not None else None,
            "break_even_early_month": early,
            "break_even_late_month": late,
        }
        if early is None:
            note = (
                f"With your current income, the extra pay does not repay the costs within "
                f"{HORIZON_YEARS} years at median pay" + excludes + "."
            )
        elif late is None:
            note = (
                f"Break-even comes in month {early} of the plan "
                f"({format_date(add_months(inputs.start, early))}) at the low end of the costs, "
                f"and not within {HORIZON_YEARS} years at the high end (median pay)"
                + excludes
                + "."
            )
        else:
            first, last = sorted((early, late))
            first_day = format_date(add_months(inputs.start, first))
            if first == last:
                note = (
                    f"Break-even comes in month {first} of the plan ({first_day}) at both the "
                    "low and the high end of the costs, at median pay" + excludes + "."
                )
            else:
                last_day = format_date(add_months(inputs.start, last))
                note = (
                    f"Break-even comes in months {first}-{last} of the plan ({first_day} to "
                    f"{last_day}), from the low to the high end of the costs at median pay"
                    + excludes
                    + "."
                )
        reached = late if late is not None else early
        later = sorted(
            {
                p.major_label
                for p in payments
                if p.major_label and reached is not None and p.month > reached
            }
        )
        if later:
            names = " and ".join(later)
            note = note[:-1] + f"; {names} falls due later in the plan and is not repaid by then."
    update["break_even_note"] = note
    if inputs.budget is not None:
        fits, budget_note = _budget(costs, inputs.budget, costs.excludes_clause(upfront_only=True))
        update["budget_fits"] = fits
        update["budget_note"] = budget_note
    return costs.model_copy(update=update)


def _budget(costs: Costs, budget: float, excludes: str) -> tuple[bool | None, str]:
    """The one budget sentence; never 'fits' while a major cost is missing."""
    span = f"${costs.upfront_low:,}-${costs.upfront_high:,}"
    if costs.missing_major_upfront:
        return None, (
            f"Budget check: cannot be done against your budget of ${budget:,.0f} yet: the "
            f"known up-front costs are {span}" + excludes + "."
        )
    if costs.upfront_high <= budget:
        return True, f"Budget check: the up-front cost ({span}) fits your budget of ${budget:,.0f}."
    if costs.upfront_low > budget:
        return False, (
            f"Budget check: the up-front cost ({span}) is above your budget of ${budget:,.0f}, "
            "even at the low end."
        )
    return None, (
        f"Budget check: your budget of ${budget:,.0f} covers the low end of the up-front cost "
        f"({span}) but not the high end."
    )
