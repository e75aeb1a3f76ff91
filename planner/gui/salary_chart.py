"""The matplotlib income chart in a Qt widget (imported only when the Salary page is first shown).

The drawing itself is ``planner.report.charts.plot_salary``, shared with the printed roadmap.
"""

from __future__ import annotations

from typing import Any

from matplotlib.backend_bases import Event, MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from planner.core.plan import Plan
from planner.gui.widgets import fmt_date, fmt_money
from planner.report.charts import plot_salary

MARGINS_INCHES = (0.95, 0.2, 0.6, 0.35)  # left, right, bottom, top


class SalaryChart(QWidget):
    """A FigureCanvasQTAgg holding one Axes; hovering a year emits that year's figures."""

    hovered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("salaryChart")
        # Fixed margins instead of a layout engine: a constrained layout would measure every
        # label on each draw and double the time a redraw takes.
        self.figure = Figure(figsize=(8, 3.6), facecolor="white")
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
        self.draw_count = 0
        self.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self.canvas.mpl_connect("axes_leave_event", self._on_leave)
        self.canvas.mpl_connect("draw_event", self._on_drawn)
        self.canvas.mpl_connect("resize_event", self._fit_margins)
        self._fit_margins()

    def set_plan(self, plan: Plan, *, draw: str = "idle") -> None:
        """Plot ``plan``; ``draw`` is "idle" (next event-loop pass), "now", or "later" (hidden:
        the caller draws when the chart is shown)."""
        self._plan = plan
        self.axes.clear()
        self.artists = plot_salary(self.axes, plan)
        if draw == "now":
            self.canvas.draw()
        elif draw == "idle":
            self.canvas.draw_idle()

    def plan(self) -> Plan | None:
        return self._plan

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
        self.figure.subplots_adjust(
            left=min(0.3, left / width),
            right=max(0.7, 1 - right / width),
            bottom=min(0.35, bottom / height),
            top=max(0.65, 1 - top / height),
        )

    def _on_drawn(self, _event: Event) -> None:
        self.draw_count += 1
