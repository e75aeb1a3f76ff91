"""Planned against logged study hours, cumulative, painted with QPainter (no matplotlib)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from planner.core.dates import format_month
from planner.core.log_totals import LogTotals
from planner.core.plan import Plan
from planner.core.profile import Profile
from planner.core.progress import STUDY_PHASES
from planner.gui.theme import logged_color, today_color
from planner.gui.widgets import fmt_date

MIN_TOP_HOURS = 10.0  # an empty chart still gets an axis of whole, distinct hours


@dataclass(frozen=True)
class HoursSeries:
    """The chart's data: (day, cumulative hours) points."""

    planned: tuple[tuple[date, float], ...]
    original: tuple[tuple[date, float], ...]  # the baseline, when a re-plan moved the plan
    logged: tuple[tuple[date, float], ...]
    start: date
    end: date
    top: float


def planned_points(plan: Plan) -> tuple[tuple[date, float], ...]:
    """Cumulative planned study hours at each study phase's start and end (linear between)."""
    points: list[tuple[date, float]] = [(plan.phases[0].start, 0.0)]
    total = 0.0
    for phase in plan.phases:
        if phase.number not in STUDY_PHASES:
            continue
        if points[-1][0] != phase.start:
            points.append((phase.start, total))
        total += phase.study_hours
        points.append((phase.end, total))
    return tuple(points)


def logged_points(
    profile: Profile, today: date, since: date | None = None
) -> tuple[tuple[date, float], ...]:
    """Cumulative logged hours per day with an entry, up to today (and from ``since`` on)."""
    per_day: dict[date, float] = {}
    for entry in profile.study_log:
        if entry.day <= today and (since is None or entry.day >= since):
            per_day[entry.day] = per_day.get(entry.day, 0.0) + entry.hours
    total = 0.0
    points = []
    for day in sorted(per_day):
        total += per_day[day]
        points.append((day, round(total, 2)))
    return tuple(points)


def _last_per_pixel(
    points: tuple[tuple[date, float], ...], start: date, pixels_per_day: float
) -> list[tuple[date, float]]:
    """The last point of each pixel column: a rising step line looks the same, drawn in
    as many segments as the chart is wide however many days were logged."""
    kept: list[tuple[date, float]] = []
    last_column = None
    for day, hours in points:
        column = max(0, int((day - start).days * pixels_per_day))  # earlier days: at the start
        if column == last_column:
            kept[-1] = (max(day, start), hours)
        else:
            kept.append((max(day, start), hours))
            last_column = column
    return kept


def _nice_step(span: float, ticks: int = 5) -> float:
    raw = span / max(1, ticks)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def month_ticks(start: date, end: date, most: int = 8) -> tuple[tuple[date, str], ...]:
    """(first of a month, label) along the time axis, every label in one format ("Jan '27")."""
    months = max(1, round((end - start).days / 30.4))
    every = max(1, math.ceil(months / most))
    ticks = []
    day = date(start.year, start.month, 1)
    index = 0
    while day <= end:
        if day >= start and index % every == 0:
            ticks.append((day, format_month(day)))
        index += 1
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return tuple(ticks)


def axis_ticks(top_hours: float) -> tuple[tuple[float, str], ...]:
    """(hours, label) of the hours axis: distinct labels, whole hours at least 1 apart."""
    top_hours = max(MIN_TOP_HOURS, top_hours)
    step = max(1.0, _nice_step(top_hours * 1.08))
    top = math.ceil(top_hours * 1.08 / step) * step
    ticks = []
    value = 0.0
    while value <= top + 1e-9:
        label = f"{value:,.0f} h" if value.is_integer() else f"{value:,.1f} h"
        ticks.append((value, label))
        value += step
    return tuple(ticks)


class HoursChart(QWidget):
    """Cumulative planned hours (line) and logged hours (steps), with today marked."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._series: HoursSeries | None = None
        # the logged steps per pixel column, kept while the points and the width stay
        self._decimated: tuple[object, list[tuple[date, float]]] | None = None
        self.setObjectName("hoursChart")
        self.setAccessibleName("Planned and logged study hours chart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_data(
        self,
        plan: Plan,
        profile: Profile,
        baseline: Plan | None = None,
        curve: tuple[tuple[date, float], ...] | None = None,
        counted_from: date | None = None,
        totals: LogTotals | None = None,
    ) -> None:
        """Draw ``curve`` (the progress model's planned line) and the hours counted from
        ``counted_from`` (a degree path's exam preparation); ``baseline`` faint behind.
        ``totals`` are the study log's running totals (then the log is not read again)."""
        planned = curve if curve else planned_points(plan)
        original = planned_points(baseline) if baseline is not None else ()
        if totals is not None and totals.source is profile.study_log:
            logged = totals.daily_cumulative(counted_from, self._today)
        else:
            logged = logged_points(profile, self._today, counted_from)
        start = min(plan.phases[0].start, planned[0][0])
        end = max(
            [planned[-1][0], self._today + timedelta(days=14)]
            + ([original[-1][0]] if original else [])
        )
        top = max(  # cumulative: the last logged point is the highest
            [MIN_TOP_HOURS, planned[-1][1]]
            + ([logged[-1][1]] if logged else [])
            + [v for _, v in original]
        )
        self._series = HoursSeries(planned, original, logged, start, end, top)
        logged_total = logged[-1][1] if logged else 0.0
        self.setAccessibleDescription(
            f"{logged_total:g} hours logged by {fmt_date(self._today)}; "
            f"{planned[-1][1]:g} hours planned by {fmt_date(planned[-1][0])}."
        )
        self.update()

    def series(self) -> HoursSeries | None:
        return self._series

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(int(line * 28), int(line * 14))

    def minimumSizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(int(line * 16), int(line * 9))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        series = self._series
        if series is None:
            painter.end()
            return
        fm = QFontMetricsF(self.font())
        line = fm.height()
        text = palette.color(QPalette.ColorRole.Text)
        grid = QColor(text)
        grid.setAlpha(40)
        ticks = axis_ticks(series.top)
        top = ticks[-1][0]
        left = fm.horizontalAdvance(f"{top:,.0f} h") + line * 0.8
        plot = QRectF(left, line * 1.8, self.width() - left - line, self.height() - line * 4.2)
        if plot.width() < 20 or plot.height() < 20:
            painter.end()
            return
        span = max(1, (series.end - series.start).days)

        def pt(day: date, hours: float) -> QPointF:
            x = plot.left() + (day - series.start).days / span * plot.width()
            y = plot.bottom() - hours / top * plot.height()
            return QPointF(x, y)

        # grid and axes
        for value, label in ticks:
            y = plot.bottom() - value / top * plot.height()
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(
                QPointF(plot.left() - fm.horizontalAdvance(label) - line * 0.3, y + line * 0.3),
                label,
            )
        for day, label in month_ticks(series.start, series.end):
            x = pt(day, 0).x()
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            painter.setPen(text)
            painter.drawText(
                QPointF(x - fm.horizontalAdvance(label) / 2, plot.bottom() + line * 1.1), label
            )

        # original plan (faint), planned (line), logged (steps)
        if series.original:
            faint = QColor(text)
            faint.setAlpha(80)
            pen = QPen(faint, 1.5, Qt.PenStyle.DashLine)
            self._polyline(painter, [pt(d, h) for d, h in series.original], pen)
        accent = palette.color(QPalette.ColorRole.Highlight)
        logged_ink, today_ink = logged_color(palette), today_color(palette)
        self._polyline(painter, [pt(d, h) for d, h in series.planned], QPen(accent, 2.2))
        if series.logged:
            steps: list[QPointF] = [pt(series.start, 0)]
            scale = plot.width() / span
            key = (series.logged, series.start, scale)
            if self._decimated is None or self._decimated[0] != key:
                self._decimated = (key, _last_per_pixel(series.logged, series.start, scale))
            for d, h in self._decimated[1]:
                steps.append(QPointF(pt(d, 0).x(), steps[-1].y()))
                steps.append(pt(d, h))
            steps.append(QPointF(pt(min(self._today, series.end), 0).x(), steps[-1].y()))
            self._polyline(painter, steps, QPen(logged_ink, 2.2))
        if series.start <= self._today <= series.end:
            x = pt(self._today, 0).x()
            painter.setPen(QPen(today_ink, 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))

        # legend: line styles plus words, never colour alone
        painter.setPen(text)
        x = plot.left()
        y = line * 1.0
        for label, pen in (
            ("Planned (cumulative)", QPen(accent, 2.2)),
            ("Logged", QPen(logged_ink, 2.2)),
            ("Today", QPen(today_ink, 1.5, Qt.PenStyle.DashLine)),
        ) + (
            (("Original plan", QPen(grid, 1.5, Qt.PenStyle.DashLine)),) if series.original else ()
        ):
            painter.setPen(pen)
            painter.drawLine(QPointF(x, y - line * 0.3), QPointF(x + line * 1.4, y - line * 0.3))
            painter.setPen(text)
            painter.drawText(QPointF(x + line * 1.7, y), label)
            x += line * 2.6 + fm.horizontalAdvance(label)
        painter.end()

    @staticmethod
    def _polyline(painter: QPainter, points: list[QPointF], pen: QPen) -> None:
        if len(points) < 2:
            return
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
