"""Plan settings: each change rebuilds timeline, milestones and chart at once; Undo restores."""

from __future__ import annotations

from datetime import date

import pytest
from gui_helpers import MakeController
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from planner.core.catalog import Background, Catalog
from planner.gui.main_window import MainWindow
from planner.gui.milestones_page import COL_TITLE
from planner.gui.widgets import fmt_date, to_qdate


def _select(combo: object, data: object) -> None:
    index = combo.findData(data)  # type: ignore[attr-defined]
    assert index >= 0, data
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def test_settings_show_the_inputs(window: MainWindow) -> None:
    page = window.settings_page
    inputs = window.controller.profile.inputs
    assert page.certification.currentData() == "CPC"
    assert page.specialty.currentData() == "risk-adjustment"
    assert page.specialty.currentText() == "Risk adjustment coding → CRC"
    assert page.hours.value() == inputs.hours_per_week
    assert page.state.currentData() == "TX"
    assert page.income.text() == "32,000"
    assert page.budget.text() == "4,000"
    assert not page.has_exam_date.isChecked()
    assert page.name.text() == "Demo learner"
    assert page.cert_note.text().startswith("Best for: ")
    assert "CRC" in page.spec_note.text()
    # fitting specialties first, under a heading, then the others
    texts = [page.specialty.itemText(i) for i in range(page.specialty.count())]
    assert texts[0] == "— Suits cpc —" or texts[0].startswith("— Suits")
    assert any(t.startswith("— Other") for t in texts)


def test_changing_certification_and_specialty_updates_every_page(
    qtbot: QtBot, window: MainWindow, catalog: Catalog
) -> None:
    first_chart = window.salary_page.ensure_chart()
    qtbot.waitUntil(lambda: first_chart.draw_count > 0)
    page = window.settings_page
    before_rows = window.timeline_page.view.phase_rows()
    _select(page.certification, "CCS")
    plan = window.controller.plan
    assert plan.certification == "CCS"
    rows = window.timeline_page.view.phase_rows()
    assert [(r.start, r.end) for r in rows] == [(p.start, p.end) for p in plan.phases]
    assert rows != before_rows
    assert window.timeline_page.key_dates["exam"].text() == fmt_date(plan.exam_date)
    chart = window.salary_page.chart
    assert chart is not None
    drawn = chart.draw_count
    qtbot.wait(20)
    assert chart.draw_count == drawn  # hidden: not re-plotted until it is shown
    window.show_page("salary")
    assert chart.median_values() == [float(r.median) for r in plan.salary]
    qtbot.waitUntil(lambda: chart.draw_count > drawn)
    window.show_page("settings")
    tree = window.milestones_page.tree
    phase2 = tree.topLevelItem(1)
    assert phase2 is not None
    assert [phase2.child(i).text(COL_TITLE) for i in range(phase2.childCount())] == [
        m.title for m in plan.phases[1].milestones
    ]
    # the specialty list is re-ordered for CCS: the fitting ones first
    first_spec = page.specialty.itemData(1)
    assert "CCS" in catalog.specialties[first_spec].fits

    _select(page.specialty, "inpatient-hospital")
    assert window.controller.plan.specialty == "inpatient-hospital"
    assert "Inpatient" in window.timeline_page.title.text()
    assert window.controller.undo_stack.count() == 2

    window.controller.undo_stack.undo()
    window.controller.undo_stack.undo()
    assert window.controller.plan.certification == "CPC"
    assert page.certification.currentData() == "CPC"
    assert [(r.start, r.end) for r in window.timeline_page.view.phase_rows()] == [
        (r.start, r.end) for r in before_rows
    ]


def test_hours_start_background_state_and_money(window: MainWindow) -> None:
    page = window.settings_page
    controller = window.controller
    exam_before = controller.plan.exam_date
    page.hours.setValue(20)
    assert controller.profile.inputs.hours_per_week == 20
    assert controller.plan.exam_date < exam_before
    page.start.setDate(to_qdate(date(2025, 9, 1)))
    assert controller.profile.inputs.start == date(2025, 9, 1)
    _select(page.background, Background.HEALTHCARE.value)
    assert controller.profile.inputs.background is Background.HEALTHCARE
    _select(page.state, None)
    assert controller.profile.inputs.state is None
    page.income.setText("$45,500")
    page.income.editingFinished.emit()
    assert controller.profile.inputs.current_income == 45_500
    page.budget.setText("")
    page.budget.editingFinished.emit()
    assert controller.profile.inputs.budget is None
    assert "Add a budget" in window.salary_page.costs_summary.text()
    page.has_exam_date.setChecked(True)
    assert controller.profile.inputs.target_exam_date is not None
    page.name.setText("Ana")
    page.name.editingFinished.emit()
    assert controller.profile.name == "Ana"
    assert "Ana" in window.windowTitle()
    assert page.undo_button.isEnabled()
    assert page.undo_button.text() == "Undo: Change your name"


def test_refused_value_stays_with_its_reason_beside_it(qtbot: QtBot, window: MainWindow) -> None:
    page = window.settings_page
    page.income.setText("99,999,999")
    with qtbot.waitSignal(window.controller.errorOccurred):
        page.income.editingFinished.emit()
    assert window.controller.profile.inputs.current_income == 32_000
    assert page.income.text() == "99,999,999"  # what was typed stays, to be corrected
    problem = page.findChild(QLabel, "settingsIncomeProblem")
    assert not problem.isHidden() and "must be between $0 and $10,000,000" in problem.text()
    assert "⚠" in window.statusBar().currentMessage()
    page.income.clear()
    qtbot.keyClicks(page.income, "33,000")
    assert problem.isHidden()
    page.income.editingFinished.emit()
    assert window.controller.profile.inputs.current_income == 33_000
    assert page.income.text() == "33,000"


def test_a_start_date_far_from_today_asks_first(
    qtbot: QtBot, make_controller: MakeController, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.gui import dialogs
    from planner.gui.settings_page import SettingsPage
    from planner.gui.widgets import to_qdate

    controller = make_controller()
    page = SettingsPage(controller)
    qtbot.addWidget(page)
    before = controller.profile.inputs.start
    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(
        dialogs, "confirm_start_date", lambda _p, text: asked.append(text) or answer[0]
    )
    far = date(controller.today.year + 5, 1, 4)
    page.start.setDate(to_qdate(far))
    assert asked and "more than 2 years away" in asked[0]
    assert controller.profile.inputs.start == before  # declined: nothing changed
    assert page.start.date() == to_qdate(before)  # and the field shows the date in use
    answer[0] = True
    page.start.setDate(to_qdate(far))
    assert controller.profile.inputs.start == far
    near = controller.today
    asked.clear()
    page.start.setDate(to_qdate(near))
    assert asked == [] and controller.profile.inputs.start == near


def test_the_retake_buffer_can_be_switched_off_and_back(
    qtbot: QtBot, make_controller: MakeController
) -> None:
    from planner.gui import input_fields as fields
    from planner.gui.settings_page import SettingsPage

    controller = make_controller()
    page = SettingsPage(controller)
    qtbot.addWidget(page)
    combo = page._combo(fields.RETAKE)
    assert combo.currentData() == "yes" and controller.profile.inputs.retake_buffer
    with_buffer = controller.plan.exam_date, controller.plan.working_from
    combo.setCurrentIndex(combo.findData("no"))
    assert controller.profile.inputs.retake_buffer is False
    assert controller.undo_stack.undoText() == "Plan without a retake buffer"
    assert not any("resit" in m.title for m in controller.plan.milestones())
    assert controller.plan.working_from < with_buffer[1]  # the job search starts sooner
    controller.undo_stack.undo()
    assert controller.profile.inputs.retake_buffer is True
    assert combo.currentData() == "yes"
