"""Two to four paths side by side: dates, costs, break-even, pay and upkeep, from their plans."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from planner.core.catalog import Background, Catalog
from planner.core.compared_paths import ComparedPath
from planner.core.dates import HORIZON_YEARS, format_date
from planner.core.inputs import PlanInputs
from planner.core.limits import MAX_HOURS_PER_WEEK, MIN_HOURS_PER_WEEK
from planner.core.plan import Plan, PlanError, Step
from planner.core.profile import Profile
from planner.core.realities import automation_note
from planner.core.state import PlanState, derive, plan_for

MIN_PATHS = 2
MAX_PATHS = 4
PAY_YEARS = (1, 3, 5, 10)
PATH_FORMAT = "CERT:SPECIALTY:HOURS, e.g. CPC:risk-adjustment:10"


class PathError(ValueError):
    """A path the learner typed that cannot be compared; the message is one clear line."""


@dataclass(frozen=True)
class PathSpec:
    """One path to compare: a certification, a specialty and study hours a week."""

    certification: str
    specialty: str
    hours_per_week: float
    background: Background | None = None  # None: the base inputs' background
    start: date | None = None  # None: the base inputs' start

    def inputs(self, base: PlanInputs) -> PlanInputs:
        """The base inputs with this path's choices.

        The learner's context (start, background, state, income, budget, retake buffer)
        carries over; a target exam date and own costs belong to the current plan and do not.
        """
        changes: dict[str, object] = {
            "certification": self.certification,
            "specialty": self.specialty,
            "hours_per_week": self.hours_per_week,
            "target_exam_date": None,
            "actual_costs": (),
        }
        if self.background is not None:
            changes["background"] = self.background
        if self.start is not None:
            changes["start"] = self.start
        return PlanInputs.model_validate({**base.model_dump(), **changes})

    @property
    def label(self) -> str:
        """``CPC:risk-adjustment:10``, with an own background or start in brackets."""
        own = [
            *([self.background.value] if self.background is not None else []),
            *([f"from {self.start.isoformat()}"] if self.start is not None else []),
        ]
        base = f"{self.certification}:{self.specialty}:{self.hours_per_week:g}"
        return f"{base} ({', '.join(own)})" if own else base

    def stored(self) -> ComparedPath:
        """The path as the profile keeps it."""
        return ComparedPath(
            certification=self.certification,
            specialty=self.specialty,
            hours_per_week=self.hours_per_week,
            background=self.background,
            start=self.start,
        )

    @classmethod
    def of(cls, path: ComparedPath) -> PathSpec:
        """A path the profile kept."""
        return cls(
            path.certification, path.specialty, path.hours_per_week, path.background, path.start
        )

    @classmethod
    def of_inputs(cls, inputs: PlanInputs) -> PathSpec:
        """The plan's own choices as a path (background and start are the plan's)."""
        return cls(inputs.certification, inputs.specialty, inputs.hours_per_week)

    def same_choices(self, other: PathSpec) -> bool:
        """Whether the two paths plan the same (an own value equal to the plan's is the same)."""
        return (self.certification, self.specialty, self.hours_per_week) == (
            other.certification,
            other.specialty,
            other.hours_per_week,
        ) and (self.background, self.start) == (other.background, other.start)


def parse_path(text: str, catalog: Catalog | None = None) -> PathSpec:
    """``"CPC:risk-adjustment:10"`` as a PathSpec; PathError (one line) when it is not one.

    With a catalog, the certification and specialty must be ones it lists.
    """
    parts = [part.strip() for part in text.split(":")]
    if len(parts) != 3 or not all(parts):
        raise PathError(f"'{text}' is not a path: use {PATH_FORMAT}")
    certification, specialty, hours_text = parts[0].upper(), parts[1].lower(), parts[2]
    try:
        hours = float(hours_text)
    except ValueError:
        raise PathError(f"'{text}': hours per week '{hours_text}' is not a number") from None
    if not MIN_HOURS_PER_WEEK <= hours <= MAX_HOURS_PER_WEEK:  # also refuses nan
        raise PathError(
            f"'{text}': hours per week must be {MIN_HOURS_PER_WEEK:g} to {MAX_HOURS_PER_WEEK:g}"
        )
    if catalog is not None:
        targets = [c.id for c in catalog.targets()]
        if certification not in targets:
            raise PathError(
                f"'{text}': unknown certification '{parts[0]}' (valid: {', '.join(targets)})"
            )
        if specialty not in catalog.specialties:
            valid = ", ".join(catalog.specialties)
            raise PathError(f"'{text}': unknown specialty '{parts[1]}' (valid: {valid})")
    return PathSpec(certification, specialty, hours)


@dataclass(frozen=True)
class Range:
    """Low and high ends of a figure (USD)."""

    low: int
    high: int


@dataclass(frozen=True)
class BreakEven:
    """Months after the start when the path has paid for itself, or why that is absent."""

    low_month: int | None
    high_month: int | None
    reason: str = ""  # set when the months are absent


@dataclass(frozen=True)
class Pay:
    """Yearly pay in one plan year: the median and its band."""

    year: int
    low: int
    median: int
    high: int


@dataclass(frozen=True)
class CeuLoad:
    """Continuing education one body asks per cycle, for what is held at the horizon."""

    body: str
    credits: float
    cycle_years: int


@dataclass(frozen=True)
class PathResult:
    """One column of the comparison, read from that path's plan."""

    label: str  # "CPC:risk-adjustment:10", or "Your plan" for the profile's column
    certification: str
    specialty: str
    hours_per_week: float
    first_exam: date
    first_credential: date
    first_credential_name: str  # the credential sat first: "CCA" on the way to the CCS
    first_job: date
    specialized: date
    study_hours: float | None  # None: a degree programme, whose hours the data does not count
    up_front: Range
    total_cost: Range
    break_even: BreakEven
    median_pay: tuple[Pay, ...]  # years 1, 3, 5 and 10
    ten_year_income: int  # median, over the plan's ten years
    staying_income: int | None  # the current income for ten years (None: not given)
    ceu_per_cycle: tuple[CeuLoad, ...]
    yearly_dues: Range
    notes: tuple[str, ...]
    plan: Plan

    @property
    def ten_year_gain(self) -> int | None:
        """Ten-year median income over staying at the current income."""
        return None if self.staying_income is None else self.ten_year_income - self.staying_income

    def pay_in(self, year: int) -> Pay:
        return next(p for p in self.median_pay if p.year == year)


def _milestone_day(plan: Plan, step: Step, default: date) -> date:
    milestone = plan.milestone(step)
    return milestone.due if milestone is not None else default


def _first_sentence(text: str) -> str:
    """The summary's opening sentences, up to one that says something (not just "Diploma.")."""
    taken = ""
    for sentence in text.split(". "):
        taken = f"{taken}{sentence.rstrip('.')}."
        if len(taken) >= 40:
            break
        taken += " "
    return taken.strip()


def _notes(plan: Plan, catalog: Catalog) -> tuple[str, ...]:
    cert = catalog.certifications[plan.certification]
    eligibility = cert.eligibility
    notes: list[str] = []
    if eligibility.required_program is not None:
        notes.append(f"Degree programme required: {_first_sentence(eligibility.summary)}")
    elif eligibility.recommended_experience_years is not None or eligibility.prerequisites:
        notes.append(f"Experience before the exam: {_first_sentence(eligibility.summary)}")
    removed = plan.milestone(Step.APPRENTICE_REMOVED)
    if removed is not None:
        notes.append(
            f"Apprentice period: holds {plan.certified_as} until {format_date(removed.due)}"
        )
    remote = plan.milestone(Step.REMOTE_READY)
    if remote is not None:
        notes.append(f"Remote-ready from {format_date(remote.due)}")
    exposure = automation_note(plan.specialty)
    if exposure:
        notes.append(exposure)
    return tuple(notes)


def _ceu_loads(plan: Plan) -> tuple[CeuLoad, ...]:
    last: dict[str, CeuLoad] = {}
    for cycle in plan.credentials.cycles:  # in date order: the last per body is the steady load
        years = max(1, round((cycle.due - cycle.start).days / 365.25))
        last[cycle.body.value] = CeuLoad(cycle.body.value, cycle.full_credits, years)
    return tuple(last[body] for body in sorted(last))


def _dues(plan: Plan) -> Range:
    latest = {d.body: d.per_year for d in plan.credentials.dues}
    return Range(
        round(sum(f.lo for f in latest.values())), round(sum(f.hi for f in latest.values()))
    )


def result_of(plan: Plan, catalog: Catalog, label: str = "") -> PathResult:
    """The comparison column of one plan."""
    costs = plan.costs
    if costs.break_even_early_month is not None:
        break_even = BreakEven(costs.break_even_early_month, costs.break_even_late_month)
    else:
        reason = costs.break_even_note or "No current income given: enter it to see break-even."
        break_even = BreakEven(None, None, reason)
    income = plan.inputs.current_income
    hours = sum(p.study_hours for p in plan.phases)
    study = plan.inputs
    return PathResult(
        label=label or f"{plan.certification}:{plan.specialty}:{study.hours_per_week:g}",
        certification=plan.certification,
        specialty=plan.specialty,
        hours_per_week=study.hours_per_week,
        first_exam=plan.exam_date,
        first_credential=_milestone_day(plan, Step.FIRST_CREDENTIAL, plan.certified_date),
        first_credential_name=plan.exam_credential,
        first_job=plan.working_from,
        specialized=plan.specialized_date,
        study_hours=round(hours, 1) if hours > 0 else None,
        up_front=Range(costs.upfront_low, costs.upfront_high),
        total_cost=Range(sum(i.low for i in costs.items), sum(i.high for i in costs.items)),
        break_even=break_even,
        median_pay=tuple(
            Pay(s.year, s.low, s.median, s.high) for s in plan.salary if s.year in PAY_YEARS
        ),
        ten_year_income=sum(s.median for s in plan.salary),
        staying_income=None if income is None else round(income * HORIZON_YEARS),
        ceu_per_cycle=_ceu_loads(plan),
        yearly_dues=_dues(plan),
        notes=_notes(plan, catalog),
        plan=plan,
    )


def path_result(path: PathSpec, base_inputs: PlanInputs, catalog: Catalog) -> PathResult:
    """One path's column, from the plan of its inputs; PathError when it cannot be planned."""
    try:
        plan = plan_for(path.inputs(base_inputs), catalog)
    except (PlanError, ValueError) as exc:  # ValueError: pydantic's, e.g. an unknown id
        raise PathError(f"'{path.label}': {' '.join(str(exc).split())}") from exc
    return result_of(plan, catalog, path.label)


# The suggested alternative: the other main certification (CPC <-> CCS; RHIT -> CPC) at the
# same hours, in the same specialty when it fits that certification, else its first fitting one.
OTHER_MAIN = {"CPC": "CCS", "CCS": "CPC"}
DEFAULT_OTHER = "CPC"


def _fitting_specialty(certification: str, specialty: str, catalog: Catalog) -> str:
    lane = catalog.specialties.get(specialty)
    if lane is not None and certification in lane.fits:
        return specialty
    return catalog.specialties_for(certification)[0].id


def suggested_paths(inputs: PlanInputs, catalog: Catalog) -> tuple[PathSpec, ...]:
    """Alternatives to the plan, best first: the other main certification at the same hours,
    the other target certifications, then the plan's certification at other hours."""
    targets = [c.id for c in catalog.targets()]
    other = OTHER_MAIN.get(inputs.certification, DEFAULT_OTHER)
    order = [other, *(t for t in targets if t not in (other, inputs.certification))]
    hours = inputs.hours_per_week
    paths = [
        PathSpec(cert, _fitting_specialty(cert, inputs.specialty, catalog), hours)
        for cert in order
        if cert in targets
    ]
    for other_hours in (hours * 1.5, hours / 1.5, hours * 2, hours / 2):
        rounded = float(round(min(MAX_HOURS_PER_WEEK, max(MIN_HOURS_PER_WEEK, other_hours))))
        if rounded != hours:
            paths.append(PathSpec(inputs.certification, inputs.specialty, rounded))
    return tuple(paths)


def next_path(inputs: PlanInputs, taken: Sequence[PathSpec], catalog: Catalog) -> PathSpec:
    """The first suggested alternative not compared yet (the first one when all are)."""
    plan_path = PathSpec.of_inputs(inputs)
    suggestions = suggested_paths(inputs, catalog)
    for path in suggestions:
        if not any(path.same_choices(t) for t in (plan_path, *taken)):
            return path
    return suggestions[0]


def compared_paths(profile: Profile, catalog: Catalog) -> tuple[PathSpec, ...]:
    """The paths compared with the plan: those the profile keeps, else the suggested one."""
    if profile.compared:
        return tuple(PathSpec.of(path) for path in profile.compared[: MAX_PATHS - 1])
    return (next_path(profile.inputs, (), catalog),)


PLAN_LABEL = "Your plan"


def compared_results(state: PlanState) -> tuple[PathResult | PathError, ...]:
    """The Compare page's columns: the plan, then each compared path (or why it cannot be planned).

    The paths take the profile's inputs as their context (``PathSpec.inputs``).
    """
    catalog = state.catalog
    results: list[PathResult | PathError] = [result_of(state.plan, catalog, PLAN_LABEL)]
    for path in compared_paths(state.profile, catalog):
        try:
            results.append(path_result(path, state.profile.inputs, catalog))
        except PathError as exc:
            results.append(exc)
    return tuple(results)


def check_path_count(count: int) -> None:
    """PathError unless ``count`` columns (the current plan counts as one) is 2 to 4."""
    if not MIN_PATHS <= count <= MAX_PATHS:
        raise PathError(f"compare {MIN_PATHS} to {MAX_PATHS} paths (got {count})")


def compare(
    paths: Sequence[PathSpec],
    base_inputs: PlanInputs,
    catalog: Catalog,
    today: date,
    *,
    current: Profile | None = None,
) -> tuple[PathResult, ...]:
    """One column per path, each from the plan of its inputs (the core's one plan build).

    With ``current``, the profile's plan (as ``derive`` gives it, an accepted re-plan
    included) is the first column. PathError when the count is outside 2-4 or a path cannot
    be planned.
    """
    check_path_count(len(paths) + (current is not None))
    results: list[PathResult] = []
    if current is not None:
        results.append(result_of(derive(current, catalog, today).plan, catalog, PLAN_LABEL))
    results.extend(path_result(path, base_inputs, catalog) for path in paths)
    return tuple(results)


@dataclass(frozen=True)
class Row:
    """One compared row: how to read it from a column, and which end is best."""

    key: str
    title: str
    best_word: str  # "earliest", "cheapest", "highest", ...; "" when no value is best
    value: Callable[[PathResult], float | None]  # lower is better; None: not comparable


def _day(day: date) -> float:
    return float(day.toordinal())


def _pay_row(year: int) -> Row:
    return Row(
        f"pay_{year}", f"Median pay, year {year}", "highest", lambda r: -r.pay_in(year).median
    )


ROWS: tuple[Row, ...] = (
    Row("first_exam", "First exam", "earliest", lambda r: _day(r.first_exam)),
    Row("first_credential", "First credential", "earliest", lambda r: _day(r.first_credential)),
    Row("first_job", "First job", "earliest", lambda r: _day(r.first_job)),
    Row("specialized", "Specialised", "earliest", lambda r: _day(r.specialized)),
    Row("study_hours", "Study hours", "fewest", lambda r: r.study_hours),  # None: a programme
    Row("up_front", "Up-front cost", "cheapest", lambda r: r.up_front.low + r.up_front.high),
    Row(
        "total_cost", "Whole-plan cost", "cheapest", lambda r: r.total_cost.low + r.total_cost.high
    ),
    Row(
        "break_even",
        "Break-even",
        "soonest",
        lambda r: (
            None
            if r.break_even.low_month is None
            else r.break_even.low_month + (r.break_even.high_month or 10**6)
        ),
    ),
    *(_pay_row(year) for year in PAY_YEARS),
    Row("ten_year", "10-year income", "highest", lambda r: -r.ten_year_income),
    Row(
        "ceu",
        "CEUs per cycle",
        "fewest",
        lambda r: sum(c.credits / c.cycle_years for c in r.ceu_per_cycle),
    ),
    Row("dues", "Yearly dues", "cheapest", lambda r: r.yearly_dues.low + r.yearly_dues.high),
)


def best_columns(results: Sequence[PathResult]) -> dict[str, tuple[int, ...]]:
    """For each row key, the columns holding its best value (ties: all of them).

    A row where every column is equal, or only one column has a value, has no best.
    """
    best: dict[str, tuple[int, ...]] = {}
    for row in ROWS:
        values = [row.value(r) for r in results]
        known = [v for v in values if v is not None]
        if len(known) < 2 or len(set(known)) == 1:
            best[row.key] = ()
            continue
        top = min(known)
        best[row.key] = tuple(i for i, v in enumerate(values) if v == top)
    return best
