"""The painted timeline: its rows and markers, clicks, keys, today line and re-plan baseline."""

from __future__ import annotations

from datetime import timedelta

from gui_helpers import TODAY
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from planner.core.plan import MilestoneKind, Plan
from planner.core.profile import MilestoneStatus
from planner.gui.main_window import MainWindow
from planner.gui.timeline import RANGE_ALL, RANGE_EARLY, marker_path
from planner.gui.widgets import fmt_date


def marker_ids(plan: Plan) -> set[str]:
    """Every milestone except code-set updates, plus the first code-set update of each year."""
    ids = {m.id for m in plan.milestones() if m.kind is not MilestoneKind.CODESET}
    firsts: dict[int, str] = {}
    for m in plan.milestones():
        if m.kind is MilestoneKind.CODESET:
            firsts.setdefault(m.due.year, m.id)
    return ids | set(firsts.values())


def test_rows_and_markers_are_the_plan(window: MainWindow) -> None:
    plan = window.controller.plan
    view = window.timeline_page.view
    rows = view.phase_rows()
    assert [(r.number, r.name, r.start, r.end) for r in rows] == [
        (p.number, p.name, p.start, p.end) for p in plan.phases
    ]
    assert [r.name for r in rows][:2] == ["Learn core coding systems", "Earn certification"]
    assert all(r.baseline_start is None for r in rows)
    markers = {m.id: m for m in view.markers()}
    assert set(markers) == marker_ids(plan)
    # code-set updates: one marker a year that names each update of that year
    codesets = [m for m in view.markers() if m.kind is MilestoneKind.CODESET]
    assert len(codesets) == len(
        {m.due.year for m in plan.milestones() if m.kind is MilestoneKind.CODESET}
    )
    assert all(m.title.startswith(f"Code-set updates {m.due.year}: ") for m in codesets)
    assert markers["p1-terminology"].status is MilestoneStatus.DONE
    assert markers["p1-cpt-hcpcs"].status is MilestoneStatus.IN_PROGRESS
    assert markers["p2-exam"].kind is MilestoneKind.EXAM
    assert markers["p2-exam"].due == plan.exam_date
    summary = view.accessibleDescription()
    assert f"Phase 1, Learn core coding systems: {fmt_date(plan.phases[0].start)}" in summary


def test_page_header_shows_the_key_dates(window: MainWindow) -> None:
    plan = window.controller.plan
    page = window.timeline_page
    assert "Certified Professional Coder (CPC)" in page.title.text()
    assert page.key_dates["exam"].text() == fmt_date(plan.exam_date)
    assert page.key_dates["specialized"].text() == fmt_date(plan.specialized_date)
    assert page.key_dates["finish"].text() == fmt_date(plan.finish)
    assert "Please note" in page.warnings.text()


def test_each_kind_has_its_own_shape() -> None:
    shapes = set()
    for kind in MilestoneKind:
        path = marker_path(kind, QPointF(0, 0), 10)
        polygon = path.toFillPolygon()
        shapes.add((polygon.size(), round(path.boundingRect().width(), 1)))
    assert len(shapes) == len(MilestoneKind)


def test_today_line_and_range(window: MainWindow) -> None:
    view = window.timeline_page.view
    plan = window.controller.plan
    start, end = view.visible_range()
    assert start == plan.phases[0].start
    assert start < TODAY < end < plan.finish
    assert view.x_for(plan.phases[0].start) < view.x_for(TODAY) < view.x_for(end)
    window.timeline_page.range_combo.setCurrentIndex(
        window.timeline_page.range_combo.findData(RANGE_ALL)
    )
    assert view.range_mode() == RANGE_ALL
    assert view.visible_range() == (plan.phases[0].start, plan.finish)
    assert {m.id for m in view.visible_markers()} == marker_ids(plan)
    window.timeline_page.range_combo.setCurrentIndex(0)
    assert view.range_mode() == RANGE_EARLY


def test_clicking_a_marker_opens_that_milestone(qtbot: QtBot, window: MainWindow) -> None:
    view = window.timeline_page.view
    exam = window.controller.plan.exam_date
    # zoomed in far enough that the exam is not part of a numbered cluster
    view.set_visible_range(exam - timedelta(days=20), exam + timedelta(days=20))
    assert view.cluster_of("p2-exam") is None
    centre = view.marker_center("p2-exam")
    assert centre is not None
    with qtbot.waitSignal(view.milestoneActivated, check_params_cb=lambda mid: mid == "p2-exam"):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    assert window.current_page() == "milestones"
    assert window.milestones_page.selected_milestone() == "p2-exam"
    assert (
        window.milestones_page.detail_title.text()
        == window.controller.plan.milestone("p2-exam").title
    )  # type: ignore[union-attr]


def test_keyboard_moves_between_markers(qtbot: QtBot, window: MainWindow) -> None:
    view = window.timeline_page.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    first = view.current_milestone()
    assert first is not None  # focus picks the next milestone from today
    qtbot.keyClick(view, Qt.Key.Key_Right)
    second = view.current_milestone()
    assert second != first
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.current_milestone() == first
    with qtbot.waitSignal(view.milestoneActivated) as activated:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert activated.args == [first]


def test_replan_shows_the_original_plan_faintly(qtbot: QtBot, window: MainWindow) -> None:
    controller = window.controller
    controller.accept_replan()
    rows = window.timeline_page.view.phase_rows()
    baseline = controller.baseline
    assert [(r.baseline_start, r.baseline_end) for r in rows] == [
        (p.start, p.end) for p in baseline.phases
    ]
    assert rows[1].end > rows[1].baseline_end  # type: ignore[operator]
    assert not window.timeline_page.replan_note.isHidden()
    controller.undo_stack.undo()
    assert all(r.baseline_end is None for r in window.timeline_page.view.phase_rows())
    assert window.timeline_page.replan_note.isHidden()


def test_timeline_paints_something(window: MainWindow) -> None:
    image: QImage = window.timeline_page.view.grab().toImage()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
    }
    assert len(colours) > 20
