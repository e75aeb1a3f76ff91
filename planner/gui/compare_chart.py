"""The median pay of compared paths in a Qt widget (imported when the Compare page is shown).

The drawing itself is ``planner.report.charts.plot_compare_pay``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from planner.core.compare import PathResult
from planner.report.charts import plot_compare_pay

MARGINS_INCHES = (0.95, 0.2, 0.55, 0.15)  # left, right, bottom, top


class CompareChart(QWidget):
    """A FigureCanvasQTAgg with one Axes: a median-pay line per compared path."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareChart")
        self.figure = Figure(figsize=(8, 2.6), facecolor="white")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setObjectName("compareCanvas")
        self.canvas.setAccessibleName("Median pay of the compared paths")
        self.canvas.setAccessibleDescription(
            "One line per path: median income per plan year; the table above has years 1, 3, "
            "5 and 10"
        )
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(170)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.axes = self.figure.add_subplot()
        self.artists: dict[str, Any] = {}
        self.canvas.mpl_connect("resize_event", self._fit_margins)
        self._fit_margins()

    def set_results(self, results: Sequence[PathResult], names: Sequence[str] = ()) -> None:
        """Plot the paths' median pay (drawn on the next event-loop pass)."""
        self.axes.clear()
        self.artists = plot_compare_pay(self.axes, results, names)
        self.canvas.draw_idle()

    def median_values(self, name: str) -> list[float]:
        """The y data of one path's line by its legend name (tests compare it with the plan)."""
        line = self.artists.get(name)
        return [] if line is None else [float(v) for v in line.get_ydata()]

    def _fit_margins(self, _event: object = None) -> None:
        width, height = self.figure.get_size_inches()
        if width <= 0 or height <= 0:
            return
        left, right, bottom, top = MARGINS_INCHES
        self.figure.subplots_adjust(
            left=min(0.3, left / width),
            right=max(0.7, 1 - right / width),
            bottom=min(0.4, bottom / height),
            top=max(0.6, 1 - top / height),
        )
