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
MARK_TOP = 0.92  # share of the chart's height the date lines reach (phase numbers sit above)


@dataclass(frozen=True)
class ChartColors:
    """Every colour a chart uses, as matplotlib colour strings; the defaults are the printed ones.

    The app derives a set from its palette (light or dark); the printed roadmap stays light.
    """

    background: str = "#ffffff"
    text: str = "#000000"  # titles, axis labels, tick labels, legend text
    axis: str = "#000000"  # spines and ticks
    grid: str = "#dddddd"
    band: str = BAND_COLOR
    median: str = MEDIAN_COLOR
    income: str = INCOME_COLOR
    mark: str = "#333333"  # the dashed date lines
    mark_text: str = "#222222"
    phase_shades: tuple[str, ...] = PHASE_SHADES
    phase_edge: str = "#c0c8d4"
    phase_text: str = "#44546a"
    legend_edge: str = "#cccccc"
    compare_lines: tuple[str, ...] = ("#1f4e79", "#b35900", "#2e7d32", "#6a3d9a")


PRINT_COLORS = ChartColors()
DARK_COLORS = ChartColors(
    background="#1e1f22",
    text="#e8e8e8",
    axis="#b8bcc4",
    grid="#3a3d42",
    band="#35557a",
    median="#8ab4f8",
    income="#b4b4b4",
    mark="#c8c8c8",
    mark_text="#e8e8e8",
    phase_shades=("#23272e", "#2a303a", "#23272e", "#2a303a", "#23272e"),
    phase_edge="#56606e",
    phase_text="#b9c6d8",
    legend_edge="#55585e",
    compare_lines=("#8ab4f8", "#f6ae63", "#7bd88f", "#d0a8f5"),
)


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(color: str) -> float:
    """WCAG 2 relative luminance of a '#rrggbb' colour (0 black to 1 white)."""
    digits = color.lstrip("#")
    red, green, blue = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two '#rrggbb' colours, 1 to 21 (AA text needs 4.5)."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def style_axes(ax: Axes, colors: ChartColors) -> None:
    """Background, text, ticks and spines of ``ax`` (and its figure) in ``colors``."""
    ax.set_facecolor(colors.background)
    figure = ax.get_figure()
    if figure is not None:
        figure.set_facecolor(colors.background)
    ax.tick_params(colors=colors.axis, labelcolor=colors.text)
    for spine in ax.spines.values():
        spine.set_edgecolor(colors.axis)
    ax.xaxis.label.set_color(colors.text)
    ax.yaxis.label.set_color(colors.text)
    ax.title.set_color(colors.text)


def style_legend(ax: Axes, colors: ChartColors) -> None:
    """The legend's box and text in ``colors`` (call after ``ax.legend``)."""
    legend = ax.get_legend()
    if legend is None:
        return
    frame = legend.get_frame()
    frame.set_facecolor(colors.background)
    frame.set_edgecolor(colors.legend_edge)
    for text in legend.get_texts():
        text.set_color(colors.text)


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


LEGEND_ROW_POINTS = 15.0  # the height of one row of the legend above the axes
MARK_LABEL_GAP = 12.0  # pixels: date lines closer than this get their labels on both sides


def salary_title_pad(legend_rows: int) -> float:
    """Points between the axes and the title: room for ``legend_rows`` rows of legend."""
    return 6.0 + LEGEND_ROW_POINTS * legend_rows


def salary_legend(ax: Axes, colors: ChartColors, *, rows: int = 0) -> None:
    """The salary chart's legend: in the lower right corner (``rows`` 0, the printed chart), or
    above the axes under the title in ``rows`` rows, where it never covers a line."""
    if rows <= 0:
        ax.legend(loc="lower right", fontsize=8, framealpha=0.9)
    else:
        _handles, labels = ax.get_legend_handles_labels()
        ax.legend(
            loc="lower center",
            bbox_to_anchor=(0.5, 1.0),
            ncol=max(1, math.ceil(len(labels) / rows)),
            fontsize=8,
            frameon=False,
            borderaxespad=0.1,
            borderpad=0.2,
            handlelength=1.6,
            handletextpad=0.4,
            columnspacing=1.0,
            labelspacing=0.25,
        )
    style_legend(ax, colors)


def separate_mark_labels(notes: Sequence[Any], renderer: Any, gap: float = MARK_LABEL_GAP) -> None:
    """Keep the vertical labels of nearby date lines apart (e.g. a credential and break-even a
    month apart): of two lines closer than ``gap`` pixels the earlier label goes left of its
    line; a label that would still touch another moves down below it."""
    if not notes:
        return
    dpi = notes[0].figure.dpi if notes[0].figure is not None else 72.0
    ordered = sorted(notes, key=lambda note: float(note.axes.transData.transform(note.xy)[0]))
    xs = [float(note.axes.transData.transform(note.xy)[0]) for note in ordered]
    boxes: list[Any] = []
    for index, note in enumerate(ordered):
        left = index + 1 < len(ordered) and xs[index + 1] - xs[index] < gap
        note.set_horizontalalignment("right" if left else "left")
        side = -3.0 if left else 3.0
        note.xyann = (side, 0.0)
        box = note.get_window_extent(renderer)
        for _attempt in range(len(boxes)):
            touching = [other for other in boxes if box.overlaps(other)]
            if not touching:
                break
            drop = max(box.y1 - other.y0 for other in touching) + 3.0  # pixels
            note.xyann = (side, float(note.xyann[1]) - drop * 72.0 / dpi)
            box = note.get_window_extent(renderer)
        boxes.append(box)


def plot_salary(
    ax: Axes,
    plan: Plan,
    *,
    title: bool = True,
    colors: ChartColors = PRINT_COLORS,
    legend_rows: int = 0,
) -> dict[str, Any]:
    """Draw the ten-year low/median/high band with the phases shaded behind it.

    ``legend_rows`` 0 puts the legend in the lower right corner; more put it above the axes
    (see ``salary_legend``). Returns the artists by name so callers (hover, tests, an
    in-place update) can find them.
    """
    shape = salary_geometry(plan)
    style_axes(ax, colors)
    years, low, median, high, top = shape.years, shape.low, shape.median, shape.high, shape.top
    artists: dict[str, Any] = {"geometry": shape, "phases": [], "mark_labels": []}
    for number, left, right in shape.phases:
        shade = colors.phase_shades[(number - 1) % len(colors.phase_shades)]
        hatch = PHASE_HATCHES[number - 1]
        span = ax.axvspan(
            left, right, facecolor=shade, hatch=hatch, edgecolor=colors.phase_edge, lw=0, zorder=0
        )
        text = ax.text(
            (left + right) / 2,
            top * 0.985,
            f"{number}",
            ha="center",
            va="top",
            fontsize=8,
            color=colors.phase_text,
        )
        artists["phases"].append((span, text))
    artists["band"] = ax.fill_between(
        years, low, high, color=colors.band, alpha=0.55, label="Low to high", zorder=2
    )
    (artists["low"],) = ax.plot(
        years, low, color=colors.median, lw=1, ls=":", label="Low", zorder=3
    )
    (artists["median"],) = ax.plot(
        years, median, color=colors.median, lw=2.2, marker="o", ms=4, label="Median", zorder=4
    )
    (artists["high"],) = ax.plot(
        years, high, color=colors.median, lw=1, ls="--", label="High", zorder=3
    )
    if shape.income is not None:
        artists["income"] = ax.axhline(
            shape.income, color=colors.income, lw=1, ls="-.", label="Current income"
        )
    artists["marks"] = []
    for label, x in shape.marks:
        # the line stops below the row of phase numbers, so a number never touches it
        line = ax.axvline(x, ymax=MARK_TOP, color=colors.mark, lw=0.8, ls=(0, (4, 2)), zorder=5)
        note = ax.annotate(
            label,
            (x, top * 0.9),
            xytext=(3, 0),
            textcoords="offset points",
            rotation=90,
            va="top",
            fontsize=8,
            color=colors.mark_text,
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
        ax.set_title(shape.title, fontsize=11, color=colors.text, pad=salary_title_pad(legend_rows))
    salary_legend(ax, colors, rows=legend_rows)
    ax.grid(axis="y", color=colors.grid, lw=0.6, zorder=1)
    ax.set_axisbelow(True)
    return artists


TIMELINE_CHARS_ACROSS = 95  # 7-point characters across the printed timeline, with some room
LABEL_GAP_DAYS = 15


def phase_label_place(
    left: float, width: float, first: float, last: float, characters: int
) -> tuple[float, str]:
    """(x, horizontal alignment) of a phase's label: inside its bar when it fits there, else
    beside it on whichever side keeps it on the page (the renderer's font may run wider)."""
    text = characters * (last - first) / TIMELINE_CHARS_ACROSS
    if text + 2 * LABEL_GAP_DAYS <= width:
        return left + width / 2, "center"
    if left + width + LABEL_GAP_DAYS + text <= last:
        return left + width + LABEL_GAP_DAYS, "left"
    if left - LABEL_GAP_DAYS - text >= first:
        return left - LABEL_GAP_DAYS, "right"
    return last, "right"  # neither side has room: end at the axis's right edge


def plot_timeline(ax: Axes, plan: Plan, *, today: date | None = None) -> None:
    """A compact horizontal bar per phase with its dates (used on the printed summary page)."""
    import matplotlib.dates as mdates

    first = mdates.date2num(plan.phases[0].start)
    last = mdates.date2num(plan.phases[-1].end)
    for index, (phase, shade, hatch) in enumerate(
        zip(plan.phases, PHASE_SHADES, PHASE_HATCHES, strict=True)
    ):
        left = mdates.date2num(phase.start)
        width = mdates.date2num(phase.end) - left
        ax.barh(index, width, left=left, color=shade, hatch=hatch, edgecolor="#44546a", height=0.6)
        label = f"{phase.number} {phase.name}"
        x, align = phase_label_place(left, width, first, last, len(label))
        ax.text(x, index, label, va="center", ha=align, fontsize=7)
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
    ax: Axes,
    results: Sequence[PathResult],
    names: Sequence[str] = (),
    *,
    colors: ChartColors = PRINT_COLORS,
) -> dict[str, Any]:
    """Overlay the median pay per plan year of compared paths; the lines by legend name.

    ``names`` (one per result) are the legend's entries; by default the paths' labels.
    """
    style_axes(ax, colors)
    artists: dict[str, Any] = {}
    legend = list(names) or [result.label for result in results]
    top = 1.0
    for index, result in enumerate(results):
        _print_color, style, marker = COMPARE_STYLES[index % len(COMPARE_STYLES)]
        color = colors.compare_lines[index % len(colors.compare_lines)]
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
        style_legend(ax, colors)
    ax.grid(axis="y", color=colors.grid, lw=0.6, zorder=1)
    ax.set_axisbelow(True)
    return artists
