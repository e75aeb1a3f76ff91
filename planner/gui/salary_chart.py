"""The matplotlib income chart in a Qt widget (imported only when the Salary page is first shown).

The drawing itself is ``planner.report.charts.plot_salary``, shared with the printed roadmap.
A new plan with the same artists (another pace, another start) moves the existing artists in
place instead of re-plotting; a what-if median is drawn on top by blitting.
"""

from __future__ import annotations

from typing import Any

from matplotlib.backend_bases import Event, MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from planner.core.plan import Plan
from planner.gui.theme import chart_colors
from planner.gui.widgets import fmt_date, fmt_money
from planner.report.charts import (
    LEGEND_ROW_POINTS,
    ChartColors,
    SalaryGeometry,
    plot_salary,
    salary_geometry,
    salary_legend,
    salary_title_pad,
    separate_mark_labels,
)

MARGINS_INCHES = (0.95, 0.2, 0.6, 0.35)  # left, right, bottom, top (without the legend)


class SalaryChart(QWidget):
    """A FigureCanvasQTAgg holding one Axes; hovering a year emits that year's figures."""

    hovered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("salaryChart")
        # Fixed margins instead of a layout engine: a constrained layout would measure every
        # label on each draw and double the time a redraw takes.
        self.colors: ChartColors = chart_colors(self.palette())
        self.figure = Figure(figsize=(8, 3.6), facecolor=self.colors.background)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setObjectName("salaryCanvas")
        self.canvas.setAccessibleName("Income outlook chart")
        self.canvas.setAccessibleDescription(
            "Low, median and high income per plan year; the same figures are in the "
            "Income by year table"
        )
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.axes = self.figure.add_subplot()
        self._plan: Plan | None = None
        self.artists: dict[str, Any] = {}
        self.draw_count = 0  # full draws of the figure
        self.blit_count = 0  # updates that drew only the plan's artists over the background
        self.replots = 0  # full re-plots (an in-place update does not count)
        self._ghost: Plan | None = None
        self._ghost_line: Line2D | None = None
        # the last full draw without the plan's own (animated) artists, and the legend's
        # pixels from it: an update redraws the plan's artists over these and blits
        self._background: Any = None
        self._legend_pixels: Any = None
        self._with_plan: Any = None  # the background with the plan's artists, for the ghost
        self._background_size: tuple[int, int] | None = None
        self.legend_rows = 1  # the legend sits above the axes, in one row when it fits
        self.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self.canvas.mpl_connect("axes_leave_event", self._on_leave)
        self.canvas.mpl_connect("draw_event", self._on_drawn)
        self.canvas.mpl_connect("resize_event", self._fit_margins)
        self._fit_margins()

    def set_plan(self, plan: Plan, *, draw: str = "idle") -> None:
        """Plot ``plan``; ``draw`` is "idle" (next event-loop pass), "now", or "later" (hidden:
        the caller draws when the chart is shown).

        When the new plan has the same artists as the shown one (same years, phases, marks and
        axes), they are moved in place and blitted over the last full draw; otherwise the axes
        are plotted afresh and drawn.
        """
        self._plan = plan
        shape = salary_geometry(plan)
        old = self.artists.get("geometry")
        if isinstance(old, SalaryGeometry) and old.layout_key == shape.layout_key:
            axes_changed = self._move_artists(old, shape)
        else:
            self.axes.clear()
            self.artists = plot_salary(
                self.axes, plan, colors=self.colors, legend_rows=self.legend_rows
            )
            self.replots += 1
            for note in self.artists["mark_labels"]:  # readable where it crosses a line
                note.set_bbox(
                    {"boxstyle": "square,pad=0.1", "facecolor": self.colors.background,
                     "edgecolor": "none", "alpha": 0.7}
                )  # fmt: skip
            self._ghost_line = None  # cleared with the axes
            if self._ghost is not None:
                self._add_ghost_line()
            self._arrange_legend()
            for artist in self._plan_artists():
                artist.set_animated(True)
            axes_changed = True
        self._place_ghost()
        self._with_plan = None
        if axes_changed:
            self._background = None
        if draw == "later":
            return
        if not self._blit():
            if draw == "now":
                self.canvas.draw()
            else:
                self.canvas.draw_idle()

    def plan(self) -> Plan | None:
        return self._plan

    def _plan_artists(self) -> list[Any]:
        """What a plan puts on the axes, in drawing order (spans first, marks last)."""
        artists = self.artists
        if not artists:
            return []
        found: list[Any] = [span for span, _text in artists["phases"]]
        found += [text for _span, text in artists["phases"]]
        found += [artists[name] for name in ("band", "low", "median", "high", "income")
                  if name in artists]  # fmt: skip
        found += [line for _label, line in artists["marks"]]
        found += artists["mark_labels"]
        return found

    def _move_artists(self, old: SalaryGeometry, shape: SalaryGeometry) -> bool:
        """Move the plotted artists to ``shape`` (same artists as ``old``): no re-plot.

        Returns whether the axes themselves (limits, ticks, title) changed.
        """
        artists = self.artists
        for (_number, left, right), (span, text) in zip(
            shape.phases, artists["phases"], strict=True
        ):
            span.set_x(left)
            span.set_width(right - left)
            text.set_position(((left + right) / 2, shape.top * 0.985))
        artists["band"].set_data(shape.years, shape.low, shape.high)
        artists["low"].set_data(shape.years, shape.low)
        artists["median"].set_data(shape.years, shape.median)
        artists["high"].set_data(shape.years, shape.high)
        if shape.income is not None:
            artists["income"].set_ydata([shape.income, shape.income])
        for (_label, x), (_same, line), note in zip(
            shape.marks, artists["marks"], artists["mark_labels"], strict=True
        ):
            line.set_xdata([x, x])
            note.xy = (x, shape.top * 0.9)
        changed = False
        if shape.years != old.years:
            self.axes.set_xlim(0.5, shape.years[-1] + 0.5)
            self.axes.set_xticks(shape.years)
            changed = True
        if shape.top != old.top:
            self.axes.set_ylim(0, shape.top)
            changed = True
        if shape.title != old.title:
            self.axes.set_title(shape.title, fontsize=11, pad=salary_title_pad(self.legend_rows))
            changed = True
        artists["geometry"] = shape
        return changed

    def _draw_plan_artists(self, *, ghost_only: bool = False) -> None:
        """Draw the plan's artists and the ghost over the background, legend on top.

        With ``ghost_only`` the plan's artists come from the copy kept after they were last
        drawn: moving the ghost draws one line.
        """
        axes = self.axes
        if ghost_only:
            self.canvas.restore_region(self._with_plan)
        else:
            spans = [span for span, _text in self.artists.get("phases", [])]
            for span in spans:
                axes.draw_artist(span)
            for grid in axes.get_ygridlines():  # the grid lies over the phase shading
                axes.draw_artist(grid)
            # where the date labels go depends on the lines' distance in pixels (the width)
            separate_mark_labels(self.artists.get("mark_labels", []), self.canvas.get_renderer())
            for artist in self._plan_artists()[len(spans) :]:
                axes.draw_artist(artist)
            self._with_plan = self.canvas.copy_from_bbox(self.figure.bbox)
        if self._ghost_line is not None:
            axes.draw_artist(self._ghost_line)
        if self._legend_pixels is not None:
            self.canvas.restore_region(self._legend_pixels)

    def _blit(self, *, ghost_only: bool = False) -> bool:
        """Redraw the plan's artists over the last full draw; False when one is needed."""
        size = self.canvas.get_width_height(physical=True)
        if self._background is None or self._background_size != size or not self.isVisible():
            return False
        if ghost_only and self._with_plan is not None:
            self._draw_plan_artists(ghost_only=True)
        else:
            self.canvas.restore_region(self._background)
            self._draw_plan_artists()
        self.canvas.blit(self.figure.bbox)
        self.blit_count += 1
        return True

    # ------------------------------------------------------------------ what-if ghost

    def set_ghost(self, plan: Plan | None) -> None:
        """Show the median income of a what-if ``plan`` as a dashed line (None removes it).

        While the ghost only moves, the chart is not drawn again: the line is blitted over
        the last drawn figure.
        """
        appears = (plan is None) != (self._ghost is None)
        self._ghost = plan
        if plan is None:
            if self._ghost_line is not None:
                self._ghost_line.remove()
                self._ghost_line = None
        elif self._ghost_line is None and self.artists:
            self._add_ghost_line()
        self._place_ghost()
        if appears and self.artists:
            self._arrange_legend()  # the legend names the ghost: the figure is drawn again
            self._background = None
            self.canvas.draw_idle()
        elif not self._blit(ghost_only=True):
            self.canvas.draw_idle()

    def ghost_values(self) -> list[float]:
        """The y data of the what-if median line (empty without a ghost)."""
        line: Any = self._ghost_line
        return [] if line is None else [float(v) for v in line.get_ydata()]

    def _add_ghost_line(self) -> None:
        (line,) = self.axes.plot(
            [], [], color=self.colors.median, lw=1.6, ls=(0, (5, 3)), alpha=0.85, zorder=6,
            marker="o", ms=4, mfc=self.colors.background, label="What if (median)", animated=True,
        )  # fmt: skip
        self._ghost_line = line

    def _arrange_legend(self) -> None:
        """The legend above the axes: one row when it fits across them, else two (and the
        title and the top margin make room for it)."""
        renderer = self.canvas.get_renderer()
        salary_legend(self.axes, self.colors, rows=1)
        legend = self.axes.get_legend()
        if legend is None:
            return
        across = self.axes.get_window_extent(renderer).width
        rows = 1 if legend.get_window_extent(renderer).width <= across else 2
        if rows != 1:
            salary_legend(self.axes, self.colors, rows=rows)
        if rows != self.legend_rows:
            self.legend_rows = rows
            self._fit_margins()
        title = self.axes.get_title()
        if title:
            self.axes.set_title(title, fontsize=11, pad=salary_title_pad(rows))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._recolor()
        super().changeEvent(event)

    def _recolor(self) -> None:
        """Plot again in the palette's colours (another theme was chosen)."""
        colors = chart_colors(self.palette())
        if colors == self.colors:
            return
        self.colors = colors
        self.figure.set_facecolor(colors.background)
        self.artists = {}  # no in-place update: every artist gets the new colours
        if self._plan is not None:
            self.set_plan(self._plan)

    def _place_ghost(self) -> None:
        if self._ghost_line is None or self._ghost is None:
            return
        years = [row.year for row in self._ghost.salary]
        self._ghost_line.set_data(years, [row.median for row in self._ghost.salary])

    def median_values(self) -> list[float]:
        """The y data of the median line (what tests compare with plan.salary)."""
        line = self.artists.get("median")
        return [] if line is None else [float(v) for v in line.get_ydata()]

    def year_text(self, x: float) -> str | None:
        """The hover text for data x (plan years are centred on whole numbers)."""
        if self._plan is None or not self._plan.salary:
            return None
        year = round(x)
        row = next((r for r in self._plan.salary if r.year == year), None)
        if row is None:
            return None
        return (
            f"Year {row.year} (from {fmt_date(row.start)}, {row.stage}): "
            f"low {fmt_money(row.low)} · median {fmt_money(row.median)} · "
            f"high {fmt_money(row.high)}"
        )

    def _on_motion(self, event: Event) -> None:
        if not isinstance(event, MouseEvent) or event.inaxes is not self.axes:
            return
        if event.xdata is None:
            return
        text = self.year_text(float(event.xdata))
        if text is not None:
            self.hovered.emit(text)
            self.canvas.setToolTip(text)

    def _on_leave(self, _event: Event) -> None:
        self.hovered.emit("")
        self.canvas.setToolTip("")

    def _fit_margins(self, _event: Event | None = None) -> None:
        """Margins in inches (room for tick labels, axis labels and title) at any size."""
        width, height = self.figure.get_size_inches()
        if width <= 0 or height <= 0:
            return
        left, right, bottom, top = MARGINS_INCHES
        top += self.legend_rows * LEGEND_ROW_POINTS / 72
        self.figure.subplots_adjust(
            left=min(0.3, left / width),
            right=max(0.7, 1 - right / width),
            bottom=min(0.35, bottom / height),
            top=max(0.65, 1 - top / height),
        )
        if self.artists and _event is not None:
            self._arrange_legend()  # another width may need another number of legend rows

    def _on_drawn(self, _event: Event) -> None:
        """After a full draw (which leaves out the animated plan artists): keep the
        background for blitting, then draw the plan's artists over it."""
        self.draw_count += 1
        canvas = self.canvas
        self._background = canvas.copy_from_bbox(self.figure.bbox)
        self._background_size = canvas.get_width_height(physical=True)
        legend = self.axes.get_legend()
        self._legend_pixels = (
            canvas.copy_from_bbox(legend.get_window_extent(canvas.get_renderer()))
            if legend is not None
            else None
        )
        self._draw_plan_artists()
