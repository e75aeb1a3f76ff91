"""The timeline at any size: clusters, legend pictures, done dates, zoom, explained headers."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from gui_helpers import MakeController
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QImage, QPixmap, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from planner.core.plan import MilestoneKind
from planner.core.profile import MilestoneStatus
from planner.gui import app
from planner.gui.main_window import MainWindow
from planner.gui.timeline import CLUSTER_LEGEND, HATCH_LEGEND, RANGE_ALL, RANGE_EARLY
from planner.gui.widgets import STATUS_TEXT, fmt_date
from planner.report.explain import header_explanations


def _image(legend_icon: QPixmap) -> QImage:
    return legend_icon.toImage()


def test_close_milestones_become_one_numbered_cluster_that_lists_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.timeline_page.view
    cluster = view.cluster_of("p2-exam")
    assert cluster is not None  # phase 2's four steps fall within three weeks
    assert set(cluster.ids) == {"p2-practice", "p2-practicode", "p2-credential", "p2-exam"}
    plan = window.controller.plan
    text = view.cluster_text(cluster)
    assert text.startswith("4 milestones close together:\n")
    for mid in cluster.ids:
        assert f"• {plan.milestone(mid).title} (Due " in text  # type: ignore[union-attr]
    # every clustered milestone is drawn at the cluster, none at its own place
    assert all(view.marker_center(mid) == cluster.centre for mid in cluster.ids)
    with qtbot.waitSignal(view.milestoneActivated, check_params_cb=lambda mid: mid == "p2-exam"):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=cluster.centre.toPoint())
        menu = view.cluster_menu
        assert menu is not None
        assert [a.data() for a in menu.actions()] == list(cluster.ids)
        exam = next(a for a in menu.actions() if a.data() == "p2-exam")
        assert exam.text().startswith(plan.milestone("p2-exam").title)  # type: ignore[union-attr]
        exam.trigger()
    assert window.current_page() == "milestones"
    assert window.milestones_page.selected_milestone() == "p2-exam"


def test_pointing_at_a_cluster_lists_it_in_a_tooltip(qtbot: QtBot, window: MainWindow) -> None:
    view = window.timeline_page.view
    cluster = view.cluster_of("p2-exam")
    assert cluster is not None
    pos = cluster.centre.toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.mapToGlobal(pos))
    QApplication.sendEvent(view, event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == view.cluster_text(cluster)
    QToolTip.hideText()


def test_the_keyboard_steps_over_a_cluster_and_enter_lists_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.timeline_page.view
    cluster = view.cluster_of("p2-exam")
    assert cluster is not None
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.set_current_milestone(cluster.ids[0])
    assert "4 milestones close together" in view.accessibleDescription()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    after = view.current_milestone()
    assert after not in cluster.ids  # the whole cluster is one step
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.current_milestone() == cluster.ids[0]
    qtbot.keyClick(view, Qt.Key.Key_Return)
    menu = view.cluster_menu
    assert menu is not None and [a.data() for a in menu.actions()] == list(cluster.ids)
    menu.close()


def test_zooming_in_draws_the_cluster_one_by_one(window: MainWindow) -> None:
    view = window.timeline_page.view
    exam = window.controller.plan.exam_date
    view.set_visible_range(exam - timedelta(days=30), exam + timedelta(days=10))
    assert view.cluster_of("p2-exam") is None
    centres = [view.marker_center(mid) for mid in ("p2-practice", "p2-practicode", "p2-exam")]
    assert len({(c.x(), c.y()) for c in centres if c is not None}) == 3


def test_kinds_and_statuses_have_their_own_pictures_and_the_hatching_is_explained(
    window: MainWindow,
) -> None:
    legend = window.timeline_page.legend
    texts = legend.entry_texts()
    kinds = [kind.label for kind in MilestoneKind]
    statuses = [STATUS_TEXT[status] for status in MilestoneStatus]
    assert set(kinds + statuses) <= set(texts)
    # "Study or task" (a circle) and "Not started" (an empty rounded bar) no longer look alike
    assert _image(legend.icons["Study or task"]) != _image(legend.icons["Not started"])
    pictures = [_image(legend.icons[text]).bits().tobytes() for text in kinds + statuses]
    assert len(set(pictures)) == len(pictures)
    assert HATCH_LEGEND in texts and "phases 2 and 4" in HATCH_LEGEND
    assert CLUSTER_LEGEND in texts
    labels = [label.text() for label in legend.findChildren(type(window.timeline_page.title))]
    assert "Shape = kind:" in labels and "Filling = status:" in labels


def test_done_milestones_sit_on_the_day_they_were_done(window: MainWindow) -> None:
    view = window.timeline_page.view
    progress = window.controller.profile.milestones["p1-terminology"]
    assert progress.status is MilestoneStatus.DONE and progress.done_on is not None
    due = window.controller.plan.milestone("p1-terminology").due  # type: ignore[union-attr]
    assert progress.done_on != due
    marker = next(m for m in view.markers() if m.id == "p1-terminology")
    assert (marker.day, marker.due) == (progress.done_on, due)
    centre = view.marker_center("p1-terminology")
    assert centre is not None and abs(centre.x() - view.x_for(progress.done_on)) < 0.5
    text = view._marker_text(marker)
    assert f"Done {fmt_date(progress.done_on)} (was due {fmt_date(due)})" in text
    assert "Drawn on the day it was done." in text
    window.controller.set_milestone_done_on("p1-terminology", date(2025, 9, 15))
    centre = view.marker_center("p1-terminology")
    assert centre is not None and abs(centre.x() - view.x_for(date(2025, 9, 15))) < 0.5


def test_today_is_written_above_the_year_labels(window: MainWindow) -> None:
    view = window.timeline_page.view
    today = view.today_label_rect()
    assert not today.isEmpty()
    assert today.bottom() <= view.axis_label_top()


def test_zoom_keys_wheel_drag_and_reset(qtbot: QtBot, window: MainWindow) -> None:
    page = window.timeline_page
    view = page.view
    start, end = view.visible_range()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    zoomed = view.visible_range()
    assert f"Zoomed in: {fmt_date(zoomed[0])} to {fmt_date(zoomed[1])}." in view.summary_text()
    assert (zoomed[1] - zoomed[0]).days < (end - start).days * 0.85
    assert view.is_zoomed() and page.zoom_reset.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    wider = view.visible_range()
    assert (wider[1] - wider[0]).days > (zoomed[1] - zoomed[0]).days
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.visible_range() == (start, end) and not page.zoom_reset.isEnabled()
    # Ctrl+wheel zooms around the pointer: the day under it stays put
    x = view.x_for(window.controller.plan.exam_date)
    anchor = view.date_at(x)
    pos = QPointF(x, view.height() / 2)
    wheel = QWheelEvent(
        pos,
        QPointF(view.mapToGlobal(pos.toPoint())),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view, wheel)
    first, last = view.visible_range()
    assert (last - first).days < (end - start).days * 0.7
    assert abs(view.x_for(anchor) - x) < view.width() * 0.02
    # dragging the empty timeline pans it
    empty = QPoint(int(view.x_for(first) + 5), view.height() - 3)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=empty)
    qtbot.mouseMove(view, QPoint(empty.x() + 200, empty.y()))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(empty.x() + 200, empty.y()))
    assert view.visible_range()[0] < first
    page.zoom_reset.click()
    assert view.visible_range() == (start, end)


def test_the_range_choice_survives_a_restart(
    qtbot: QtBot, make_controller: MakeController, _isolated_home: Path
) -> None:
    first = MainWindow(make_controller(), settings=app.make_settings())
    qtbot.addWidget(first)
    assert first.timeline_page.range_mode() == RANGE_EARLY
    first.timeline_page.range_combo.setCurrentIndex(
        first.timeline_page.range_combo.findData(RANGE_ALL)
    )
    first.show()
    first.close()
    second = MainWindow(make_controller(), settings=app.make_settings())
    qtbot.addWidget(second)
    assert second.timeline_page.range_mode() == RANGE_ALL
    assert second.timeline_page.view.range_mode() == RANGE_ALL
    plan = second.controller.plan
    assert second.timeline_page.view.visible_range() == (plan.phases[0].start, plan.finish)


def test_header_numbers_say_how_they_were_computed(window: MainWindow) -> None:
    page = window.timeline_page
    plan = window.controller.plan
    inputs = plan.inputs
    phase1, phase2 = plan.phases[0], plan.phases[1]
    exam_tip = page.key_dates["exam"].toolTip()
    assert exam_tip.startswith(
        f"CPC exam on {fmt_date(plan.exam_date)}: the plan starts {fmt_date(inputs.start)} at "
        f"{inputs.hours_per_week:g} study hours a week.\n"
    )
    assert (
        f"Phase 2 (Earn certification): {phase2.study_hours:g} hours of exam preparation at "
        f"{inputs.hours_per_week:g} h/week, {fmt_date(phase2.start)} to {fmt_date(phase2.end)}"
    ) in exam_tip
    assert f"Phase 1 (Learn core coding systems): {phase1.study_hours:g} study hours" in exam_tip
    assert "Figure used: CPC exam preparation: 60–180 hours" in exam_tip
    assert "\n\nCPC: Certified Professional Coder" in exam_tip  # the glossary stays
    assert page._key_captions["exam"].toolTip() == exam_tip
    costs = plan.costs
    assert costs.break_even_date is not None
    assert (
        page.key_dates["break_even"]
        .toolTip()
        .startswith(
            f"Break-even {fmt_date(costs.break_even_date)}: month {costs.break_even_month} after "
            "the start"
        )
    )
    assert costs.break_even_note in page.key_dates["break_even"].toolTip()
    assert (
        page.key_dates["specialized"]
        .toolTip()
        .startswith(f"Specialized on {fmt_date(plan.specialized_date)}, the end of phase 4.")
    )
    assert (
        page.key_dates["finish"]
        .toolTip()
        .startswith(f"The plan runs until {fmt_date(plan.finish)}, the end of phase 5")
    )
    for key, text in header_explanations(plan).items():
        if key in page.key_dates:
            assert page.key_dates[key].toolTip().startswith(text)


def test_the_salary_page_explains_its_up_front_and_break_even_figures(
    window: MainWindow,
) -> None:
    plan = window.controller.plan
    tip = window.salary_page.costs_summary.toolTip()
    explained = header_explanations(plan)
    assert explained["upfront"] in tip and explained["break_even"] in tip
    assert "Up front: $" in tip and "Medical coding certificate program: tuition $" in tip
    assert "break-even: The month when" in tip  # its glossary lines are kept


def test_a_milestone_done_before_the_plan_began_is_still_shown(window: MainWindow) -> None:
    view = window.timeline_page.view
    plan = window.controller.plan
    early = plan.phases[0].start - timedelta(days=40)
    window.controller.set_milestone_done_on("p1-terminology", early)
    assert view.visible_range()[0] == early
    centre = view.marker_center("p1-terminology")
    assert centre is not None and abs(centre.x() - view.x_for(early)) < 0.5
