"""Charts on a matplotlib Axes (no pyplot, no Qt): salary outlook, phase timeline, compared pay."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from planner.core.compare import PathResult
    from planner.core.plan import Plan

# Greys and one hue, plus hatches: the chart stays readable printed in black and white.
PHASE_SHADES = ("#e8eef7", "#d5e1f0", "#e8eef7", "#d5e1f0", "#e8eef7")
PHASE_HATCHES = ("", "//", "", "\\\\", "")
BAND_COLOR = "#9bb7d4"
MEDIAN_COLOR = "#1f4e79"
INCOME_COLOR = "#7f7f7f"
AXIS_STEP = 5000  # the income axis ends on a multiple of this


_CONFIDENCE_WORDS = {
    "official": "",
    "secondary": "secondary",
    "repo": "data file, not a BLS page",
    "derived": "derived",
    "seed": "seed, not re-checked",
    "recalled": "not verified",
}


def salary_source_line(plan: Plan) -> str:
    """The line under the chart: publisher and table of every pay figure, and how sure it is."""
    parts = []
    for ref in plan.sources:
        if not ref.what.startswith("Pay") or ref.confidence == "rule":
            continue
        role, _, name = ref.what.partition(": ")
        role = role.removeprefix("Pay").strip(" ,") or "pay"
        word = _CONFIDENCE_WORDS.get(ref.confidence, ref.confidence)
        parts.append(f"{name} ({role}; {word})" if word else f"{name} ({role})")
    return "Sources: " + "; ".join(parts) + ". Estimates from public surveys, not a promise."


def salary_vintage_line(plan: Plan) -> str:
    """'Pay data: BLS OEWS May 2024; AAPC salary survey 2025 ... In 2024 dollars; ...'."""
    refs = {r.what: r.value for r in plan.sources}
    vintage = refs.get("Pay data vintage", "")
    dollars = refs.get("Pay amounts", "")
    text = ". ".join(t[:1].upper() + t[1:] for t in (vintage, dollars) if t)
    return text + "." if text else ""


@dataclass(frozen=True)
class SalaryGeometry:
    """Where everything of the salary chart goes, in data coordinates (plan years, dollars)."""

    years: tuple[int, ...]
    low: tuple[float, ...]
    median: tuple[float, ...]
    high: tuple[float, ...]
    top: float  # the top of the y axis
    phases: tuple[tuple[int, float, float], ...]  # number, left, right of each shaded phase
    marks: tuple[tuple[str, float], ...]  # label and x of each dashed vertical line shown
    income: float | None
    title: str

    @property
    def layout_key(self) -> tuple[object, ...]:
        """What decides which artists exist; equal keys can be updated in place."""
        return (
            len(self.years),
            tuple(number for number, _l, _r in self.phases),
            self.income is None,
            tuple(label for label, _x in self.marks),
        )


def _axis_top(high: tuple[float, ...]) -> float:
    """15% above the highest pay, rounded up to $5,000: a small change of plan keeps the axis."""
    if not high or max(high) <= 0:
        return 1.0
    return float(math.ceil(max(high) * 1.15 / AXIS_STEP) * AXIS_STEP)


def salary_geometry(plan: Plan) -> SalaryGeometry:
    """The numbers ``plot_salary`` draws (and an in-place update moves its artists to)."""
    years = tuple(row.year for row in plan.salary)
    high = tuple(row.high for row in plan.salary)
    start = plan.inputs.start

    def as_year(day: date) -> float:
        return 0.5 + (day - start).days / 365.25

    phases = []
    for phase in plan.phases:
        left, right = as_year(phase.start), min(as_year(phase.end), years[-1] + 0.5)
        if right > left:
            phases.append((phase.number, left, right))
    marks = [(plan.certified_date, f"{plan.certification}"), (plan.specialized_date, "Specialized")]
    if plan.exam_credential != plan.certification:
        marks.insert(0, (plan.exam_date, plan.exam_credential))
    if plan.costs.break_even_date is not None:
        marks.append((plan.costs.break_even_date, "Break-even"))
    return SalaryGeometry(
        years=years,
        low=tuple(row.low for row in plan.salary),
        median=tuple(row.median for row in plan.salary),
        high=high,
        top=_axis_top(high),
        phases=tuple(phases),
        marks=tuple(
            (label, as_year(day)) for day, label in marks if as_year(day) <= years[-1] + 0.5
        ),
        income=plan.inputs.current_income,
        title=f"Income outlook: {plan.certification}, {plan.specialty_name}",
    )


def plot_salary(ax: Axes, plan: Plan, *, title: bool = True) -> dict[str, Any]:
    """Draw the ten-year low/median/high band with the phases shaded behind it.

    Returns the artists by name so callers (hover, tests, an in-place update) can find them.
    """
    shape = salary_geometry(plan)
    years, low, median, high, top = shape.years, shape.low, shape.median, shape.high, shape.top
    artists: dict[str, Any] = {"geometry": shape, "phases": [], "mark_labels": []}
    for number, left, right in shape.phases:
        shade, hatch = PHASE_SHADES[number - 1], PHASE_HATCHES[number - 1]
        span = ax.axvspan(
            left, right, facecolor=shade, hatch=hatch, edgecolor="#c0c8d4", lw=0, zorder=0
        )
        text = ax.text(
            (left + right) / 2,
            top * 0.985,
            f"{number}",
            ha="center",
            va="top",
            fontsize=8,
            color="#44546a",
        )
        artists["phases"].append((span, text))
    artists["band"] = ax.fill_between(
        years, low, high, color=BAND_COLOR, alpha=0.55, label="Low to high", zorder=2
    )
    (artists["low"],) = ax.plot(years, low, color=MEDIAN_COLOR, lw=1, ls=":", label="Low", zorder=3)
    (artists["median"],) = ax.plot(
        years, median, color=MEDIAN_COLOR, lw=2.2, marker="o", ms=4, label="Median", zorder=4
    )
    (artists["high"],) = ax.plot(
        years, high, color=MEDIAN_COLOR, lw=1, ls="--", label="High", zorder=3
    )
    if shape.income is not None:
        artists["income"] = ax.axhline(
            shape.income, color=INCOME_COLOR, lw=1, ls="-.", label="Current income"
        )
    artists["marks"] = []
    for label, x in shape.marks:
        line = ax.axvline(x, color="#333333", lw=0.8, ls=(0, (4, 2)), zorder=5)
        note = ax.annotate(
            label,
            (x, top * 0.9),
            xytext=(3, 0),
            textcoords="offset points",
            rotation=90,
            va="top",
            fontsize=8,
            color="#222222",
        )
        artists["marks"].append((label, line))
        artists["mark_labels"].append(note)
    ax.set_xlim(0.5, years[-1] + 0.5)
    ax.set_ylim(0, top)
    ax.set_xticks(years)
    ax.set_xlabel("Plan year")
    ax.set_ylabel("Income per year (USD)")
    ax.yaxis.set_major_formatter(lambda value, _pos: f"${value / 1000:,.0f}k")
    if title:
        ax.set_title(shape.title, fontsize=11)
    ax.legend(loc="lower right", fontsize=8, framealpha=0.9)
    ax.grid(axis="y", color="#dddddd", lw=0.6, zorder=1)
    ax.set_axisbelow(True)
    return artists


def plot_timeline(ax: Axes, plan: Plan, *, today: date | None = None) -> None:
    """A compact horizontal bar per phase with its dates (used on the printed summary page)."""
    import matplotlib.dates as mdates

    for index, (phase, shade, hatch) in enumerate(
        zip(plan.phases, PHASE_SHADES, PHASE_HATCHES, strict=True)
    ):
        left = mdates.date2num(phase.start)
        width = mdates.date2num(phase.end) - left
        ax.barh(index, width, left=left, color=shade, hatch=hatch, edgecolor="#44546a", height=0.6)
        ax.text(
            left + width / 2 if width > 400 else left + width + 15,
            index,
            f"{phase.number} {phase.name}",
            va="center",
            ha="center" if width > 400 else "left",
            fontsize=7,
        )
    if today is not None:
        ax.axvline(mdates.date2num(today), color="#c00000", lw=1, ls="--")
    ax.set_yticks([])
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="x", labelsize=7)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)


# Each compared path gets its own line style and marker, so the lines differ without colour.
COMPARE_STYLES = (
    ("#1f4e79", "-", "o"),
    ("#b35900", "--", "s"),
    ("#2e7d32", "-.", "^"),
    ("#6a3d9a", ":", "D"),
)


def plot_compare_pay(
    ax: Axes, results: Sequence[PathResult], names: Sequence[str] = ()
) -> dict[str, Any]:
    """Overlay the median pay per plan year of compared paths; the lines by legend name.

    ``names`` (one per result) are the legend's entries; by default the paths' labels.
    """
    artists: dict[str, Any] = {}
    legend = list(names) or [result.label for result in results]
    top = 1.0
    for index, result in enumerate(results):
        color, style, marker = COMPARE_STYLES[index % len(COMPARE_STYLES)]
        salary = result.plan.salary
        years = [row.year for row in salary]
        median = [row.median for row in salary]
        top = max(top, *median) if median else top
        (artists[legend[index]],) = ax.plot(
            years,
            median,
            color=color,
            ls=style,
            marker=marker,
            ms=4,
            lw=1.8,
            label=legend[index],
            zorder=3 + index,
        )
    ax.set_ylim(0, top * 1.12)
    ax.set_xlabel("Plan year")
    ax.set_ylabel("Median pay (USD)")
    ax.yaxis.set_major_formatter(lambda value, _pos: f"${value / 1000:,.0f}k")
    if results:
        years = [row.year for row in results[0].plan.salary]
        if years:
            ax.set_xlim(years[0] - 0.3, years[-1] + 0.3)
            ax.set_xticks(years)
        ax.legend(loc="lower right", fontsize=8, framealpha=0.9)
    ax.grid(axis="y", color="#dddddd", lw=0.6, zorder=1)
    ax.set_axisbelow(True)
    return artists
