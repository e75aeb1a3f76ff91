"""The roadmap's charts as vector SVG: matplotlib figures (no pyplot) with print fixes.

The drawing itself is ``planner.report.charts``; this module sizes the figures for a printed
page, keeps date labels apart, draws hatching as lines and writes deterministic SVG.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from planner.core.compare import PathResult
    from planner.core.plan import Plan

# Chart sizes in inches: about the text width of a Letter or A4 page with 16 mm margins, so the
# chart's 7-11 pt type prints at about its design size.
SALARY_FIGSIZE = (7.0, 3.5)
TIMELINE_FIGSIZE = (7.0, 1.9)
HATCH_SPACING = 4.5  # points between vector hatch lines
HATCH_COLOR = "#6f7c8f"
HATCH_ABOVE = 0.1  # the hatch lines' zorder above their rectangle's (data lines are at 2)


def figure_svg(fig: Figure) -> bytes:
    """The figure as SVG with text kept as text and no time stamp or random ids."""
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "codepath-roadmap"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def _vector_hatches(ax: Axes) -> None:
    """Replace the hatch of every rectangle in ``ax`` by plain line segments.

    Renderers fill SVG hatch patterns with small bitmaps; drawn as lines, the phase hatching
    stays vector (sharp on paper, no image in the PDF) and still tells phases apart in black and
    white. Needs a fixed layout (call after ``subplots_adjust``), since it works in points.
    """
    from matplotlib.collections import LineCollection
    from matplotlib.patches import Rectangle
    from matplotlib.transforms import IdentityTransform

    box = ax.get_window_extent()
    # by the patch's zorder: the lines go just above their rectangle (an opaque bar would hide
    # lines drawn under it, as on the timeline) and stay below the data and labels
    layers: dict[float, list[list[tuple[float, float]]]] = {}
    for patch in list(ax.patches):
        hatch = patch.get_hatch()
        if not hatch or not isinstance(patch, Rectangle):
            continue
        patch.set_hatch("")
        segments = layers.setdefault(patch.get_zorder() + HATCH_ABOVE, [])
        bbox = patch.get_window_extent()
        x0, x1 = max(bbox.x0, box.x0), min(bbox.x1, box.x1)
        y0, y1 = max(bbox.y0, box.y0), min(bbox.y1, box.y1)
        if x1 - x0 < 0.5 or y1 - y0 < 0.5:
            continue
        rising = "/" in hatch
        step = HATCH_SPACING
        # rising lines y = x + c, falling lines y = -x + c, clipped to the rectangle
        c = (y0 - x1) if rising else (x0 + y0)
        end = (y1 - x0) if rising else (x1 + y1)
        c = step * (c // step)
        while c <= end:
            if rising:
                xa, xb = max(x0, y0 - c), min(x1, y1 - c)
                if xb > xa:
                    segments.append([(xa, xa + c), (xb, xb + c)])
            else:
                xa, xb = max(x0, c - y1), min(x1, c - y0)
                if xb > xa:
                    segments.append([(xa, c - xa), (xb, c - xb)])
            c += step
    for zorder, segments in sorted(layers.items()):
        if not segments:
            continue
        lines = LineCollection(segments, colors=HATCH_COLOR, linewidths=0.5, zorder=zorder)
        lines.set_gid("vector-hatch")  # names the group in the SVG (tests look for it)
        ax.add_collection(lines, autolim=False)
        lines.set_transform(IdentityTransform())
        lines.set_clip_on(False)


def salary_chart_svg(plan: Plan) -> bytes:
    """The ten-year income band (``plot_salary``) as vector SVG."""
    from matplotlib.figure import Figure

    from planner.report.charts import plot_salary

    fig = Figure(figsize=SALARY_FIGSIZE, dpi=72)
    ax = fig.add_subplot()
    plot_salary(ax, plan)
    fig.subplots_adjust(left=0.095, right=0.985, top=0.91, bottom=0.13)
    _separate_marks(ax)
    _vector_hatches(ax)
    return figure_svg(fig)


def _separate_marks(ax: Axes, gap: float = 12.0) -> None:
    """Keep the vertical labels of nearby date lines (e.g. credential and break-even in the
    same month) from printing on top of each other: the earlier one goes left of its line."""
    from matplotlib.text import Annotation

    marks = sorted(
        (
            (float(ax.transData.transform(t.xy)[0]), t)
            for t in ax.texts
            if isinstance(t, Annotation) and t.get_rotation() == 90
        ),
        key=lambda pair: pair[0],
    )
    for (x, label), (next_x, _next) in itertools.pairwise(marks):
        if next_x - x < gap:
            label.xyann = (-3, 0)
            label.set_horizontalalignment("right")


def timeline_svg(plan: Plan, today: date) -> bytes:
    """The five phases as bars on a time axis (``plot_timeline``), with today marked."""
    return figure_svg(timeline_figure(plan, today))


def timeline_figure(plan: Plan, today: date) -> Figure:
    """The figure ``timeline_svg`` prints (tests measure its labels)."""
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    from planner.report.charts import plot_timeline

    fig = Figure(figsize=TIMELINE_FIGSIZE, dpi=72)
    ax = fig.add_subplot()
    marked = plan.phases[0].start <= today <= plan.finish
    plot_timeline(ax, plan, today=today if marked else None)
    fig.subplots_adjust(left=0.01, right=0.99, top=0.97, bottom=0.16)
    _labels_beside_short_bars(fig, ax)
    if marked:
        ax.annotate(
            "today",
            (mdates.date2num(today), 1.0),  # type: ignore[no-untyped-call]
            xycoords=("data", "axes fraction"),
            xytext=(3, -1),
            textcoords="offset points",
            va="top",
            fontsize=7,
            color="#c00000",
        )
    _vector_hatches(ax)
    return fig


def _labels_beside_short_bars(fig: Figure, ax: Axes) -> None:
    """Move a phase label that does not fit inside its bar beside it: to the right, or to the
    left where the right would run off the page (a short last phase)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.patches import Rectangle
    from matplotlib.transforms import offset_copy

    renderer = FigureCanvasAgg(fig).get_renderer()  # type: ignore[no-untyped-call]
    bars = [patch for patch in ax.patches if isinstance(patch, Rectangle)]
    for bar, label in zip(bars, list(ax.texts), strict=False):
        inside = bar.get_window_extent(renderer)
        text = label.get_window_extent(renderer)
        if label.get_horizontalalignment() == "center" and text.width > inside.width - 4:
            room_right = fig.bbox.x1 - inside.x1
            if text.width * 1.1 + 6 <= room_right:  # 10% for a wider font in the printed SVG
                label.set_x(bar.get_x() + bar.get_width())
                label.set_horizontalalignment("left")
                shift = 3
            else:
                label.set_x(bar.get_x())
                label.set_horizontalalignment("right")
                shift = -3
            label.set_transform(
                offset_copy(label.get_transform(), fig=fig, x=shift, units="points")
            )


COMPARE_FIGSIZE = (7.0, 2.8)


def compare_pay_svg(results: Sequence[PathResult], names: Sequence[str] = ()) -> bytes:
    """The compared paths' median pay (``plot_compare_pay``) as vector SVG."""
    from matplotlib.figure import Figure

    from planner.report.charts import plot_compare_pay

    fig = Figure(figsize=COMPARE_FIGSIZE, dpi=72)
    ax = fig.add_subplot()
    plot_compare_pay(ax, results, names)
    fig.subplots_adjust(left=0.095, right=0.985, top=0.96, bottom=0.15)
    return figure_svg(fig)
