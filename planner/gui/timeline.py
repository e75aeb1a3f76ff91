"""The timeline: the five phases as bars, milestones as markers, painted with QPainter.

No matplotlib here, so the first page appears as fast as a native window. A "what if" plan
can be laid over it as a dashed ghost; the plan itself is painted once into a cached pixmap,
so moving the ghost repaints only the ghost's strip.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolTip, QWidget

from planner.core.glossary import glossary_tooltip, with_glossary
from planner.core.plan import Milestone, MilestoneKind, Plan
from planner.core.profile import MilestoneStatus
from planner.core.progress import is_overdue
from planner.gui.widgets import STATUS_TEXT, FlowLayout, fmt_date, plain_label, status_color
from planner.report.text import OVERDUE_MARK

MIN_ROW_LINES = 2.9  # a phase row is at least this many text lines high
RANGE_EARLY = "early"
RANGE_ALL = "all"
TODAY_COLOR = QColor("#c62828")
GHOST_KINDS = (MilestoneKind.EXAM, MilestoneKind.CREDENTIAL, MilestoneKind.CAREER)
GHOST_LEGEND = "What if (dashed, above each bar)"


@dataclass(frozen=True)
class GhostMarker:
    """A key milestone of the what-if plan, drawn as a dashed outline."""

    id: str
    kind: MilestoneKind
    due: date
    phase: int


@dataclass(frozen=True)
class PhaseRow:
    """One bar of the timeline (and, after a re-plan, the original dates under it)."""

    number: int
    name: str
    start: date
    end: date
    baseline_start: date | None = None
    baseline_end: date | None = None


@dataclass(frozen=True)
class MarkerInfo:
    """One milestone marker."""

    id: str
    title: str
    kind: MilestoneKind
    due: date
    phase: int
    status: MilestoneStatus
    overdue: bool = False  # open and its date has passed: a ⚠ beside it, "overdue" in its text


def marker_path(kind: MilestoneKind, center: QPointF, r: float) -> QPainterPath:
    """The outline of a marker: each kind of milestone has its own shape."""
    path = QPainterPath()
    x, y = center.x(), center.y()
    if kind is MilestoneKind.EXAM:
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(x, y - r * 1.15),
                    QPointF(x + r * 1.15, y),
                    QPointF(x, y + r * 1.15),
                    QPointF(x - r * 1.15, y),
                ]
            )
        )
    elif kind is MilestoneKind.CREDENTIAL:
        points = []
        for i in range(10):
            radius = r * 1.3 if i % 2 == 0 else r * 0.6
            angle = math.pi / 2 + i * math.pi / 5
            points.append(QPointF(x + radius * math.cos(angle), y - radius * math.sin(angle)))
        path.addPolygon(QPolygonF(points))
    elif kind is MilestoneKind.CODESET:
        side = r * 1.5
        path.addRect(QRectF(x - side / 2, y - side / 2, side, side))
    elif kind is MilestoneKind.CEU:
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(x, y - r * 1.2),
                    QPointF(x + r * 1.1, y + r * 0.8),
                    QPointF(x - r * 1.1, y + r * 0.8),
                ]
            )
        )
    elif kind is MilestoneKind.CAREER:
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(x + r * math.cos(a), y + r * math.sin(a))
                    for a in (math.pi / 6 + i * math.pi / 3 for i in range(6))
                ]
            )
        )
    else:
        path.addEllipse(center, r, r)
    path.closeSubpath()
    return path


def draw_marker(
    painter: QPainter,
    kind: MilestoneKind,
    status: MilestoneStatus,
    center: QPointF,
    r: float,
    palette: QPalette,
) -> None:
    """A milestone marker: its shape shows the kind, its filling the status."""
    path = marker_path(kind, center, r)
    base = palette.color(QPalette.ColorRole.Base)
    color = status_color(status, palette)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillPath(path, base)
    if status is MilestoneStatus.DONE:
        painter.fillPath(path, color)
        if r >= 5:
            tick = QPainterPath(QPointF(center.x() - r * 0.5, center.y()))
            tick.lineTo(center.x() - r * 0.12, center.y() + r * 0.42)
            tick.lineTo(center.x() + r * 0.55, center.y() - r * 0.42)
            painter.setPen(QPen(base, max(1.5, r / 3.2)))
            painter.drawPath(tick)
    elif status is MilestoneStatus.IN_PROGRESS:
        painter.save()
        painter.setClipRect(QRectF(center.x() - 2 * r, center.y() - 2 * r, 2 * r, 4 * r))
        painter.fillPath(path, color)
        painter.restore()
    pen = QPen(color, max(1.2, r / 4.5))
    if status is MilestoneStatus.SKIPPED:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    if status is MilestoneStatus.SKIPPED:
        painter.setPen(QPen(color, max(1.2, r / 4.5)))
        painter.drawLine(
            QPointF(center.x() - r * 1.2, center.y() + r * 1.2),
            QPointF(center.x() + r * 1.2, center.y() - r * 1.2),
        )
    painter.restore()


def _bar_colors(palette: QPalette, number: int) -> tuple[QColor, QColor]:
    accent = palette.color(QPalette.ColorRole.Highlight)
    fill = QColor(accent)
    fill.setAlpha(70 if number % 2 else 120)
    edge = QColor(accent)
    edge.setAlpha(220)
    return fill, edge


@dataclass
class _Layout:
    width: int
    height: int
    line: float
    label_right: float
    plot: QRectF
    row_top: list[float]
    row_h: float
    bar_h: float
    r: float
    start: date
    end: date
    centers: dict[str, QPointF]

    def x(self, day: date) -> float:
        span = max(1, (self.end - self.start).days)
        return self.plot.left() + (day - self.start).days / span * self.plot.width()

    def bar_y(self, row: int) -> float:
        return self.row_top[row] + (self.row_h - self.bar_h) / 2


class TimelineView(QWidget):
    """Custom-painted plan timeline; click or press Enter on a marker to open that milestone.

    Keys: Left/Right move between milestones, Up/Down between phases, Home/End to the first
    and last, Enter or Space opens the milestone.
    """

    milestoneActivated = Signal(str)
    currentMilestoneChanged = Signal(str)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._plan: Plan | None = None
        self._baseline: Plan | None = None
        self._statuses: dict[str, MilestoneStatus] = {}
        self._range = RANGE_EARLY
        self._rows: list[PhaseRow] = []
        self._markers: list[MarkerInfo] = []
        self._current: str | None = None
        self._layout_cache: _Layout | None = None
        self._ghost: Plan | None = None
        self._ghost_rows: list[PhaseRow] = []
        self._ghost_markers: list[GhostMarker] = []
        self._ghost_painted: QRect = QRect()  # where the ghost was last painted
        self._base: QPixmap | None = None  # the plan without ghost and focus, painted once
        self.base_paints = 0  # how often the plan layer was painted (tests, benchmarks)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(False)
        self.setObjectName("timelineView")
        self.setAccessibleName("Plan timeline")

    # ------------------------------------------------------------------ data in

    def set_plan(self, plan: Plan, baseline: Plan | None = None) -> None:
        """Show ``plan``; with ``baseline`` (an accepted re-plan) also the original dates."""
        self._plan = plan
        self._baseline = baseline
        by_number = {p.number: p for p in baseline.phases} if baseline is not None else {}
        self._rows = [
            PhaseRow(
                number=p.number,
                name=p.name,
                start=p.start,
                end=p.end,
                baseline_start=by_number[p.number].start if p.number in by_number else None,
                baseline_end=by_number[p.number].end if p.number in by_number else None,
            )
            for p in plan.phases
        ]
        self._rebuild_markers()
        if self._current is not None and all(m.id != self._current for m in self._markers):
            self._current = None
        self._invalidate()

    def set_ghost(self, plan: Plan | None) -> None:
        """Lay the what-if ``plan`` over the timeline as a dashed ghost (None removes it).

        When the visible range stays the same only the ghost's old and new strips are
        repainted; the plan itself comes from the cached layer.
        """
        if plan is self._ghost:
            return
        old_range = self._range_dates() if self._plan is not None else None
        self._ghost = plan
        if plan is None:
            self._ghost_rows, self._ghost_markers = [], []
        else:
            self._ghost_rows = [PhaseRow(p.number, p.name, p.start, p.end) for p in plan.phases]
            self._ghost_markers = [
                GhostMarker(m.id, m.kind, m.due, phase.number)
                for phase in plan.phases
                for m in phase.milestones
                if m.kind in GHOST_KINDS
            ]
        if self._plan is None:
            return
        self.setAccessibleDescription(self.summary_text())
        if self._range_dates() != old_range or self._layout_cache is None:
            self._invalidate()
            return
        dirty = self._ghost_painted.united(self._ghost_bounds(self._layout()))
        if not dirty.isEmpty():
            self.update(dirty)

    def ghost(self) -> Plan | None:
        return self._ghost

    def ghost_rows(self) -> list[PhaseRow]:
        return list(self._ghost_rows)

    def set_statuses(self, statuses: dict[str, MilestoneStatus]) -> None:
        self._statuses = dict(statuses)
        self._rebuild_markers()
        self._invalidate()

    def set_range(self, mode: str) -> None:
        """RANGE_EARLY: from the start to a year after specializing; RANGE_ALL: the whole plan."""
        if mode not in (RANGE_EARLY, RANGE_ALL):
            raise ValueError(f"unknown range {mode!r}")
        self._range = mode
        self._invalidate()

    def range_mode(self) -> str:
        return self._range

    def _rebuild_markers(self) -> None:
        if self._plan is None:
            self._markers = []
            return
        markers: list[MarkerInfo] = []
        by_year: dict[int, list[tuple[int, Milestone]]] = {}
        for phase in self._plan.phases:
            for m in phase.milestones:
                if m.kind is MilestoneKind.CODESET:
                    by_year.setdefault(m.due.year, []).append((phase.number, m))
                    continue
                markers.append(self._marker(m, phase.number, m.title))
        # code-set updates recur every year: one marker a year holds them all
        for year, group in sorted(by_year.items()):
            number, first = group[0]
            names = "; ".join(f"{m.title} ({fmt_date(m.due)})" for _n, m in group)
            markers.append(self._marker(first, number, f"Code-set updates {year}: {names}"))
        markers.sort(key=lambda marker: marker.due)
        self._markers = markers

    def _marker(self, milestone: Milestone, phase: int, title: str) -> MarkerInfo:
        status = self._statuses.get(milestone.id, MilestoneStatus.NOT_STARTED)
        return MarkerInfo(
            id=milestone.id,
            title=title,
            kind=milestone.kind,
            due=milestone.due,
            phase=phase,
            status=status,
            overdue=is_overdue(milestone, status, self._today),
        )

    def _invalidate(self) -> None:
        self._layout_cache = None
        self._base = None
        self.setAccessibleDescription(self.summary_text())
        self.update()

    # ------------------------------------------------------------------ data out (tests, a11y)

    def phase_rows(self) -> list[PhaseRow]:
        return list(self._rows)

    def markers(self) -> list[MarkerInfo]:
        return list(self._markers)

    def visible_range(self) -> tuple[date, date]:
        layout = self._layout()
        return layout.start, layout.end

    def visible_markers(self) -> list[MarkerInfo]:
        layout = self._layout()
        return [m for m in self._markers if m.id in layout.centers]

    def marker_center(self, milestone_id: str) -> QPointF | None:
        return self._layout().centers.get(milestone_id)

    def x_for(self, day: date) -> float:
        return self._layout().x(day)

    def current_milestone(self) -> str | None:
        return self._current

    def set_current_milestone(self, milestone_id: str | None) -> None:
        if milestone_id == self._current:
            return
        self._current = milestone_id
        self.update()
        if milestone_id is not None:
            self.currentMilestoneChanged.emit(milestone_id)
            marker = next((m for m in self._markers if m.id == milestone_id), None)
            if marker is not None:
                self.setAccessibleDescription(self._marker_text(marker))

    def summary_text(self) -> str:
        """The timeline as one sentence per phase, for screen readers."""
        if not self._rows:
            return "No plan yet."
        parts = [
            f"Phase {r.number}, {r.name}: {fmt_date(r.start)} to {fmt_date(r.end)}."
            for r in self._rows
        ]
        done = sum(1 for m in self._markers if m.status is MilestoneStatus.DONE)
        overdue = sum(1 for m in self._markers if m.overdue)
        parts.append(
            f"{done} of {len(self._markers)} milestones done"
            + (f", {overdue} overdue" if overdue else "")
            + f". Today is {fmt_date(self._today)}."
        )
        if self._ghost is not None:
            parts.append(
                f"What-if plan, dashed: {self._ghost.exam_credential} exam "
                f"{fmt_date(self._ghost.exam_date)}, specialized "
                f"{fmt_date(self._ghost.specialized_date)}."
            )
        return " ".join(parts)

    def _marker_text(self, marker: MarkerInfo) -> str:
        text = (
            f"{marker.title}\nDue {fmt_date(marker.due)} · {marker.kind.label} · "
            f"{STATUS_TEXT[marker.status]}" + (f" · {OVERDUE_MARK}" if marker.overdue else "")
        )
        terms = glossary_tooltip(marker.title)
        return f"{text}\n\n{terms}" if terms else text

    # ------------------------------------------------------------------ geometry

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(int(line * 50), int(line * 22))

    def minimumSizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        rows = max(1, len(self._rows)) if self._rows else 5
        return QSize(int(line * 24), int(line * (2.2 + MIN_ROW_LINES * rows + 0.8)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._layout_cache = None
        self._base = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._layout_cache = None
            self._base = None
        super().changeEvent(event)

    def _range_dates(self) -> tuple[date, date]:
        assert self._plan is not None
        start = self._plan.phases[0].start
        finish = self._plan.finish
        others = [p for p in (self._baseline, self._ghost) if p is not None]
        for other in others:
            finish = max(finish, other.finish)
        if self._range == RANGE_ALL:
            return start, finish
        end = self._plan.phases[3].end + timedelta(days=365)
        for other in others:
            end = max(end, other.phases[3].end + timedelta(days=365))
        end = max(end, self._today + timedelta(days=120))
        return start, min(end, finish)

    def _layout(self) -> _Layout:
        if self._layout_cache is not None:
            return self._layout_cache
        fm = QFontMetricsF(self.font())
        bold = QFont(self.font())
        bold.setBold(True)
        fmb = QFontMetricsF(bold)
        line = fm.height()
        width, height = self.width(), self.height()
        pad = line * 0.6
        label_w = 0.0
        for row in self._rows:
            label_w = max(
                label_w,
                fmb.horizontalAdvance(f"{row.number}  {row.name}"),
                fm.horizontalAdvance(f"{fmt_date(row.start)} – {fmt_date(row.end)}") + line,
            )
        label_w = min(label_w + 2 * pad, width * 0.38)
        axis_h = line * 2.2
        rows = max(1, len(self._rows))
        row_h = max(line * MIN_ROW_LINES, min(line * 6.0, (height - axis_h - pad) / rows))
        plot = QRectF(label_w + pad, axis_h, max(10.0, width - label_w - 3 * pad), row_h * rows)
        start, end = self._range_dates() if self._plan is not None else (self._today, self._today)
        layout = _Layout(
            width=width,
            height=height,
            line=line,
            label_right=label_w,
            plot=plot,
            row_top=[axis_h + i * row_h for i in range(rows)],
            row_h=row_h,
            bar_h=line * 1.25,
            r=max(4.0, line * 0.42),
            start=start,
            end=end,
            centers={},
        )
        self._place_markers(layout)
        self._layout_cache = layout
        return layout

    def _place_markers(self, layout: _Layout) -> None:
        spacing = layout.r * 2.3
        offsets = (0.0, -spacing, spacing)
        for index, row in enumerate(self._rows):
            lanes_last: list[float] = [-1e9, -1e9, -1e9]
            centre_y = layout.bar_y(index) + layout.bar_h / 2
            for marker in sorted(
                (m for m in self._markers if m.phase == row.number), key=lambda m: (m.due, m.id)
            ):
                if not layout.start <= marker.due <= layout.end:
                    continue
                x = layout.x(marker.due)
                lane = next(
                    (i for i, last in enumerate(lanes_last) if x - last >= spacing),
                    min(range(3), key=lambda i: lanes_last[i]),
                )
                lanes_last[lane] = x
                layout.centers[marker.id] = QPointF(x, centre_y + offsets[lane])

    def marker_at(self, pos: QPointF) -> str | None:
        layout = self._layout()
        best, best_d = None, layout.r * 1.5
        for mid, centre in layout.centers.items():
            d = math.hypot(centre.x() - pos.x(), centre.y() - pos.y())
            if d <= best_d:
                best, best_d = mid, d
        return best

    def _phase_at(self, pos: QPointF) -> PhaseRow | None:
        layout = self._layout()
        for index, row in enumerate(self._rows):
            if layout.row_top[index] <= pos.y() < layout.row_top[index] + layout.row_h:
                return row
        return None

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if self._plan is None:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No plan yet.")
            painter.end()
            return
        layout = self._layout()
        if self._base is None or self._base.size() != self._pixmap_size():
            self._base = self._paint_base(layout, palette)
        painter.drawPixmap(0, 0, self._base)
        self._paint_ghost(painter, layout, palette)
        if self.hasFocus():
            self._paint_focus(painter, layout, palette)
        painter.end()

    def _pixmap_size(self) -> QSize:
        ratio = self.devicePixelRatioF() or 1.0
        return QSize(math.ceil(self.width() * ratio), math.ceil(self.height() * ratio))

    def _paint_base(self, layout: _Layout, palette: QPalette) -> QPixmap:
        """The plan (rows, axis, bars, today, markers) into a pixmap, reused until it changes."""
        pixmap = QPixmap(self._pixmap_size())
        pixmap.setDevicePixelRatio(self.devicePixelRatioF() or 1.0)
        pixmap.fill(palette.color(QPalette.ColorRole.Base))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        self._paint_rows(painter, layout, palette)
        self._paint_axis(painter, layout, palette)
        self._paint_bars(painter, layout, palette)
        self._paint_today(painter, layout)
        self._paint_markers(painter, layout, palette)
        painter.end()
        self.base_paints += 1
        return pixmap

    def _ghost_band(self, layout: _Layout, index: int) -> tuple[float, float]:
        """Top and height of the what-if band of row ``index`` (above the bar)."""
        height = layout.bar_h * 0.45
        return layout.bar_y(index) - height - 3, height

    def _ghost_bounds(self, layout: _Layout) -> QRect:
        """The widget area the ghost covers (its bands and markers, with the pen's width)."""
        if not self._ghost_rows:
            return QRect()
        rows = {row.number: index for index, row in enumerate(self._rows)}
        indices = [rows[row.number] for row in self._ghost_rows if row.number in rows]
        if not indices:
            return QRect()
        top = min(self._ghost_band(layout, i)[0] for i in indices) - layout.r * 1.6
        bottom = max(sum(self._ghost_band(layout, i)) for i in indices) + layout.r * 1.6
        area = QRectF(layout.plot.left() - layout.r * 2, top, 0, bottom - top)
        area.setRight(layout.plot.right() + layout.r * 2)
        return area.toAlignedRect().adjusted(-2, -2, 2, 2)

    def _paint_ghost(self, painter: QPainter, layout: _Layout, palette: QPalette) -> None:
        self._ghost_painted = self._ghost_bounds(layout)
        if not self._ghost_rows:
            return
        ink = QColor(palette.color(QPalette.ColorRole.Text))
        ink.setAlpha(170)
        fill = QColor(ink)
        fill.setAlpha(28)
        pen = QPen(ink, 1.2, Qt.PenStyle.DashLine)
        left_edge, right_edge = layout.plot.left(), layout.plot.right()
        rows = {row.number: index for index, row in enumerate(self._rows)}
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for row in self._ghost_rows:
            index = rows.get(row.number)
            if index is None:
                continue
            top, height = self._ghost_band(layout, index)
            x0 = max(left_edge, layout.x(row.start))
            x1 = min(right_edge, layout.x(row.end))
            if x1 <= x0:
                continue
            rect = QRectF(x0, top, max(2.0, x1 - x0), height)
            painter.fillRect(rect, fill)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
        radius = layout.r * 0.8
        for marker in self._ghost_markers:
            index = rows.get(marker.phase)
            if index is None or not layout.start <= marker.due <= layout.end:
                continue
            top, height = self._ghost_band(layout, index)
            centre = QPointF(layout.x(marker.due), top + height / 2)
            path = marker_path(marker.kind, centre, radius)
            painter.fillPath(path, fill)
            painter.setPen(pen)
            painter.drawPath(path)
        painter.restore()

    def _paint_rows(self, painter: QPainter, layout: _Layout, palette: QPalette) -> None:
        fm = QFontMetricsF(self.font())
        bold = QFont(self.font())
        bold.setBold(True)
        text = palette.color(QPalette.ColorRole.Text)
        dim = palette.color(QPalette.ColorRole.PlaceholderText)
        pad = layout.line * 0.6
        for index, row in enumerate(self._rows):
            top = layout.row_top[index]
            if index % 2:
                painter.fillRect(
                    QRectF(0, top, layout.width, layout.row_h),
                    palette.color(QPalette.ColorRole.AlternateBase),
                )
            width = layout.label_right - pad
            name_y = top + layout.row_h / 2 - layout.line * 0.15
            painter.setFont(bold)
            painter.setPen(text)
            name = QFontMetricsF(bold).elidedText(
                f"{row.number}  {row.name}", Qt.TextElideMode.ElideRight, width
            )
            painter.drawText(QPointF(pad, name_y), name)
            painter.setFont(self.font())
            painter.setPen(dim)
            dates = fm.elidedText(
                f"{fmt_date(row.start)} – {fmt_date(row.end)}", Qt.TextElideMode.ElideRight, width
            )
            painter.drawText(QPointF(pad, name_y + layout.line), dates)

    def _paint_axis(self, painter: QPainter, layout: _Layout, palette: QPalette) -> None:
        grid = QColor(palette.color(QPalette.ColorRole.Text))
        grid.setAlpha(45)
        text = palette.color(QPalette.ColorRole.Text)
        fm = QFontMetricsF(self.font())
        bottom = layout.plot.bottom()
        years = range(layout.start.year, layout.end.year + 2)
        span_years = (layout.end - layout.start).days / 365.25
        step = 1 if span_years <= 12 else 2
        painter.setFont(self.font())
        for year in years:
            if (year - years[0]) % step:
                continue
            day = date(year, 1, 1)
            if not layout.start <= day <= layout.end:
                continue
            x = layout.x(day)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, layout.plot.top() - layout.line * 0.3), QPointF(x, bottom))
            painter.setPen(text)
            label = str(year)
            painter.drawText(
                QPointF(x - fm.horizontalAdvance(label) / 2, layout.plot.top() - layout.line * 0.5),
                label,
            )
            if span_years <= 5:
                for month in (4, 7, 10):
                    q = date(year, month, 1)
                    if layout.start <= q <= layout.end:
                        qx = layout.x(q)
                        painter.setPen(QPen(grid, 1))
                        painter.drawLine(
                            QPointF(qx, layout.plot.top() - layout.line * 0.25),
                            QPointF(qx, layout.plot.top()),
                        )

    def _paint_bars(self, painter: QPainter, layout: _Layout, palette: QPalette) -> None:
        fm = QFontMetricsF(self.font())
        left_edge, right_edge = layout.plot.left(), layout.plot.right()
        faint = QColor(palette.color(QPalette.ColorRole.Text))
        faint.setAlpha(60)
        for index, row in enumerate(self._rows):
            y = layout.bar_y(index)
            if row.baseline_start is not None and row.baseline_end is not None:
                bx0 = max(left_edge, layout.x(row.baseline_start))
                bx1 = min(right_edge, layout.x(row.baseline_end))
                if bx1 > bx0:
                    base_rect = QRectF(bx0, y + layout.bar_h + 2, bx1 - bx0, layout.bar_h * 0.38)
                    painter.fillRect(base_rect, faint)
            x0 = max(left_edge, layout.x(row.start))
            x1 = min(right_edge, layout.x(row.end))
            if x1 <= x0:
                continue
            rect = QRectF(x0, y, max(2.0, x1 - x0), layout.bar_h)
            fill, edge = _bar_colors(palette, row.number)
            painter.fillRect(rect, fill)
            if row.number % 2 == 0:
                hatch = QColor(edge)
                hatch.setAlpha(90)
                painter.fillRect(rect, QBrush(hatch, Qt.BrushStyle.BDiagPattern))
            painter.setPen(QPen(edge, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
            if layout.x(row.end) > right_edge + 0.5:
                # the bar goes on beyond the visible range: an arrow and the real end date
                arrow = QPainterPath(QPointF(right_edge, y - 2))
                arrow.lineTo(right_edge + layout.line * 0.5, y + layout.bar_h / 2)
                arrow.lineTo(right_edge, y + layout.bar_h + 2)
                arrow.closeSubpath()
                painter.fillPath(arrow, edge)
                label = f"until {fmt_date(row.end)} →"
                below = layout.bar_h * 0.38 + 4 if row.baseline_end is not None else 0.0
                painter.setPen(palette.color(QPalette.ColorRole.Text))
                painter.drawText(
                    QPointF(
                        right_edge - fm.horizontalAdvance(label) - layout.line * 0.3,
                        y + layout.bar_h + below + layout.line * 1.0,
                    ),
                    label,
                )

    def _paint_today(self, painter: QPainter, layout: _Layout) -> None:
        if not layout.start <= self._today <= layout.end:
            return
        x = layout.x(self._today)
        painter.setPen(QPen(TODAY_COLOR, 2))
        painter.drawLine(
            QPointF(x, layout.plot.top() - layout.line * 0.2), QPointF(x, layout.plot.bottom())
        )
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        label = "Today"
        fm = QFontMetricsF(bold)
        text_x = min(x + 3, layout.plot.right() - fm.horizontalAdvance(label))
        painter.drawText(QPointF(text_x, layout.plot.top() - layout.line * 1.25), label)
        painter.setFont(self.font())

    def _paint_markers(self, painter: QPainter, layout: _Layout, palette: QPalette) -> None:
        by_id = {m.id: m for m in self._markers}
        for mid, centre in layout.centers.items():
            marker = by_id[mid]
            draw_marker(painter, marker.kind, marker.status, centre, layout.r, palette)
            if marker.overdue:  # a sign beside the marker, never colour alone
                painter.setPen(palette.color(QPalette.ColorRole.Text))
                painter.drawText(
                    QPointF(centre.x() + layout.r * 1.1, centre.y() - layout.r * 0.6), "⚠"
                )

    def _paint_focus(self, painter: QPainter, layout: _Layout, palette: QPalette) -> None:
        pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        centre = layout.centers.get(self._current) if self._current else None
        if centre is not None:
            size = layout.r * 3.4
            painter.drawRect(QRectF(centre.x() - size / 2, centre.y() - size / 2, size, size))
        else:
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -2, -2))

    # ------------------------------------------------------------------ interaction

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            pos = QPointF(event.pos())
            mid = self.marker_at(pos)
            if mid is not None:
                marker = next(m for m in self._markers if m.id == mid)
                QToolTip.showText(event.globalPos(), self._marker_text(marker), self)
                return True
            row = self._phase_at(pos)
            if row is not None and self._plan is not None:
                phase = self._plan.phases[row.number - 1]
                text = (
                    f"Phase {row.number}: {row.name}\n{fmt_date(row.start)} – {fmt_date(row.end)}"
                )
                if row.baseline_end is not None and row.baseline_end != row.end:
                    text += f"\nOriginal plan: ended {fmt_date(row.baseline_end)}"
                ghost = next((g for g in self._ghost_rows if g.number == row.number), None)
                if ghost is not None:
                    text += f"\nWhat if: {fmt_date(ghost.start)} – {fmt_date(ghost.end)}"
                QToolTip.showText(event.globalPos(), with_glossary(f"{text}\n{phase.why}"), self)
                return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.marker_at(event.position()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            mid = self.marker_at(event.position())
            if mid is not None:
                self.set_current_milestone(mid)
                self.milestoneActivated.emit(mid)
                event.accept()
                return
        super().mousePressEvent(event)

    def _ordered_visible(self) -> list[MarkerInfo]:
        layout = self._layout()
        return sorted(
            (m for m in self._markers if m.id in layout.centers), key=lambda m: (m.due, m.id)
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ordered = self._ordered_visible()
        if not ordered:
            super().keyPressEvent(event)
            return
        ids = [m.id for m in ordered]
        index = ids.index(self._current) if self._current in ids else -1
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            step = 1 if key == Qt.Key.Key_Right else -1
            index = (index + step) % len(ids) if index >= 0 else (0 if step > 0 else len(ids) - 1)
            self.set_current_milestone(ids[index])
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.set_current_milestone(ids[0] if key == Qt.Key.Key_Home else ids[-1])
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            phase = ordered[index].phase if index >= 0 else 1
            wanted = phase + (1 if key == Qt.Key.Key_Down else -1)
            target = next((m for m in ordered if m.phase == wanted), None)
            if target is not None:
                self.set_current_milestone(target.id)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self._current is not None:
                self.milestoneActivated.emit(self._current)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self._current is None:
            upcoming = [m for m in self._ordered_visible() if m.due >= self._today]
            ordered = upcoming or self._ordered_visible()
            if ordered:
                self._current = ordered[0].id
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)


class TimelineLegend(QWidget):
    """What the marker shapes and fillings mean (so nothing depends on colour)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineLegend")
        flow = FlowLayout(self)
        entries: list[tuple[str, MilestoneKind | None, MilestoneStatus | None]] = [
            (kind.label, kind, None) for kind in MilestoneKind
        ]
        entries += [(STATUS_TEXT[s], None, s) for s in MilestoneStatus]
        entries.append(("Today", None, None))
        entries.append(("Original plan (after a re-plan)", None, None))
        entries.append((GHOST_LEGEND, None, None))
        for text, kind, status in entries:
            entry = QWidget()
            row = QHBoxLayout(entry)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            icon = plain_label()
            icon.setPixmap(self._pixmap(kind, status, text))
            row.addWidget(icon)
            row.addWidget(plain_label(text))
            flow.addWidget(entry)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _pixmap(
        self, kind: MilestoneKind | None, status: MilestoneStatus | None, text: str
    ) -> QPixmap:
        line = QFontMetricsF(self.font()).height()
        size = int(line * 1.2)
        ratio = self.devicePixelRatioF() or 1.0
        pixmap = QPixmap(int(size * 2 * ratio), int(size * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        centre = QPointF(size, size / 2)
        r = max(4.0, line * 0.32)
        if kind is not None:
            draw_marker(painter, kind, MilestoneStatus.NOT_STARTED, centre, r, palette)
        elif status is not None:
            draw_marker(painter, MilestoneKind.TASK, status, centre, r, palette)
        elif text == "Today":
            painter.setPen(QPen(TODAY_COLOR, 2))
            painter.drawLine(QPointF(size, 1), QPointF(size, size - 1))
        elif text == GHOST_LEGEND:
            ink = QColor(palette.color(QPalette.ColorRole.Text))
            ink.setAlpha(170)
            painter.setPen(QPen(ink, 1.2, Qt.PenStyle.DashLine))
            painter.drawRect(QRectF(2, size * 0.3, size * 2 - 4, size * 0.4))
        else:
            faint = QColor(palette.color(QPalette.ColorRole.Text))
            faint.setAlpha(60)
            painter.fillRect(QRectF(2, size * 0.4, size * 2 - 4, size * 0.3), faint)
        painter.end()
        return pixmap
