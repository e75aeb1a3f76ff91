"""The Progress page: status and pace, the hours chart, logging, scores, re-plan and CEUs."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from gui_helpers import TODAY, MakeController, stored
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.core.demo import demo_profile
from planner.gui.main_window import MainWindow
from planner.gui.progress_page import ProgressPage
from planner.gui.widgets import fmt_date, to_qdate
from planner.report.text import humanize_dates


def test_status_pace_and_chart(window: MainWindow) -> None:
    page = window.progress_page
    progress = window.controller.progress
    headline, detail = progress.headline, progress.detail
    assert headline.startswith("Behind by")
    assert progress.status_text.startswith(f"{headline}: {detail}")
    assert page.status_label.text() == f"▼ {headline}"  # a symbol and words, not colour
    assert page.status_detail.text() == humanize_dates(detail)
    assert "-" not in page.status_detail.text().split("(")[0]  # no ISO dates on screen
    assert f"{progress.pace.per_week:g} h/week" in page.pace_label.text()
    assert page.hours_bar.text().startswith(f"{progress.hours_logged:g} of ")
    assert page.readiness_label.text() == progress.readiness.text
    assert "passing mark of 70%" in page.readiness_label.text()
    series = page.hours_chart.series()
    assert series is not None
    assert series.logged[-1][1] == round(window.controller.profile.total_hours(), 2)
    assert series.planned[-1][1] == progress.hours_planned
    assert series.planned[0] == (window.controller.plan.phases[0].start, 0.0)
    assert page.accept_replan.isEnabled() and not page.reset_replan.isEnabled()
    assert "would move" in page.replan_label.text()


def test_log_study_time_from_the_form(qtbot: QtBot, window: MainWindow, profile_path: Path) -> None:
    page = window.progress_page
    rows = page.log_table.rowCount()
    page.log_date.setDate(to_qdate(TODAY))
    page.log_hours.setValue(2.5)
    page.log_topic.setText("Modifiers -25 and -59")
    page.log_note.setText("Practice set 4")
    page.log_add.click()
    assert page.log_table.rowCount() == rows + 1
    assert page.log_table.text(0, 2) == "Modifiers -25 and -59"
    assert page.log_table.text(0, 0) == fmt_date(TODAY)
    entry = window.controller.profile.study_log[-1]
    assert (entry.day, entry.hours, entry.topic, entry.note) == (
        TODAY,
        2.5,
        "Modifiers -25 and -59",
        "Practice set 4",
    )
    qtbot.waitUntil(
        lambda: _assert(stored(profile_path).study_log[-1].topic == "Modifiers -25 and -59"),
        timeout=3000,
    )
    page.log_table.selectRow(0)
    page.log_remove.click()
    assert page.log_table.rowCount() == rows


def _assert(condition: bool) -> None:
    assert condition


def test_empty_topic_is_not_logged(window: MainWindow) -> None:
    page = window.progress_page
    page.log_topic.clear()
    page.log_add.click()
    assert window.controller.undo_stack.count() == 0


def test_scores_against_the_passing_mark(window: MainWindow) -> None:
    page: ProgressPage = window.progress_page
    assert page.score_table.rowCount() == 3
    assert page.score_table.text(0, 3) == "✗ below 70% by 1 point"
    page.score_exam.setCurrentText("CPC")
    page.score_percent.setValue(78)
    page.score_add.click()
    assert page.score_table.rowCount() == 4
    assert page.score_table.text(0, 3) == "✓ at or above 70%"
    readiness = window.controller.progress.readiness
    assert readiness.recent[-1] == 78
    assert page.readiness_label.text() == readiness.text
    page.score_percent.setValue(81)
    page.score_percent.lineEdit().returnPressed.emit()  # Enter in the score box adds it too
    assert page.score_table.rowCount() == 5


def test_accept_and_undo_replan_with_the_buttons(window: MainWindow) -> None:
    page = window.progress_page
    page.accept_replan.click()
    assert window.controller.profile.replan is not None
    assert page.reset_replan.isEnabled()
    assert "is in use" in page.replan_label.text()
    series = page.hours_chart.series()
    assert series is not None and series.original  # the original plan is drawn too
    page.reset_replan.click()
    assert window.controller.profile.replan is None


def test_ceus_after_certification(
    qtbot: QtBot, make_controller: MakeController, tmp_path: Path
) -> None:
    from planner.gui.main_window import MainWindow as Window

    # a learner who started long ago: certified by "today"
    old = demo_profile(TODAY - timedelta(weeks=150))
    path = tmp_path / "old.json"
    controller = make_controller(profile=old, path=path)
    window = Window(controller)
    qtbot.addWidget(window)
    window.show()
    window.show_page("progress")
    page = window.progress_page
    ceu = controller.progress.ceu
    assert ceu is not None
    assert page.ceu_label.text() == humanize_dates(ceu.text)
    page.ceu_credits.setValue(4)
    page.ceu_provider.setText("AAPC webinar")
    page.ceu_credential.setCurrentText("CPC")
    page.ceu_add.click()
    assert page.ceu_table.rowCount() == 1
    assert controller.progress.ceu is not None and controller.progress.ceu.earned == 4
    # the cycle asks what the credentials held ask together (CPC and CRC: 40 AAPC CEUs)
    required = controller.progress.ceu.required
    assert page.ceu_label.text().startswith(f"4 of {required:g} AAPC CEUs earned for the CPC")
    page.ceu_table.selectRow(0)
    page.ceu_table.setFocus()
    qtbot.waitUntil(page.ceu_table.hasFocus)
    qtbot.keyClick(page.ceu_table, Qt.Key.Key_Delete)
    assert page.ceu_table.rowCount() == 0
    assert controller.profile.ceus == []
