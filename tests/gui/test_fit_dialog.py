"""The fit check end to end: answers in, result text, kept answers and suggested paths out."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import TODAY, stored
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from planner.core.catalog import Catalog
from planner.core.compare import PathSpec
from planner.core.fit import FitAnswers, WorkSetting
from planner.gui import dialogs
from planner.gui.controller import PlannerController
from planner.gui.fit_dialog import FitDialog
from planner.gui.main_window import MainWindow
from planner.gui.wizard import SetupWizard


def answer_hospital(dialog: FitDialog) -> None:
    for trait in ("structured-systems", "detail", "analytical"):
        dialog.trait_boxes[trait].setChecked(True)
    dialog.hours.setValue(15)
    dialog.budget.setText("$6,000")
    dialog.degree.setCurrentIndex(dialog.degree.findData(True))
    dialog.setting.setCurrentIndex(dialog.setting.findData("hospital"))


def test_answers_give_a_result_and_paths(qtbot: QtBot, catalog: Catalog) -> None:
    chosen: list[list[tuple[str, str, float]]] = []
    dialog = FitDialog(catalog, on_compare=chosen.append)
    qtbot.addWidget(dialog)
    dialog.show()
    answer_hospital(dialog)
    qtbot.mouseClick(dialog.see_result, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == 1
    text = dialog.result_view.toPlainText()
    assert "- CCS (Certified Coding Specialist), then Inpatient hospital coding, at 15 h" in text
    assert "- RHIT (Registered Health Information Technician), then Clinical documentation" in text
    assert "Your budget of $6,000 is inside the CCS's up-front range ($2,299-$7,899" in text
    assert "Expectations the seeds warn about" not in text
    assert dialog.kept_answers() == FitAnswers(
        agrees={"structured-systems": True, "detail": True, "analytical": True},
        hours_per_week=15,
        budget=6000,
        degree_possible=True,
        setting=WorkSetting.HOSPITAL,
    )
    qtbot.mouseClick(dialog.compare, Qt.MouseButton.LeftButton)
    assert chosen == [[("CCS", "inpatient-hospital", 15.0), ("RHIT", "cdi", 15.0)]]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_keyboard_only(qtbot: QtBot, catalog: Catalog) -> None:
    dialog = FitDialog(catalog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.trait_boxes["detail"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # "See the result" is the default button
    assert dialog.stack.currentIndex() == 1
    assert dialog.compare.isDefault()  # Enter now compares the paths
    assert "You pay attention to detail" in dialog.result_view.toPlainText()
    qtbot.keyClick(dialog.compare, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_wrong_budget_is_explained(qtbot: QtBot, catalog: Catalog) -> None:
    dialog = FitDialog(catalog)
    qtbot.addWidget(dialog)
    dialog.budget.setText("lots")
    dialog.show_result()
    assert dialog.stack.currentIndex() == 0
    assert dialog.error.text() == "⚠ The budget 'lots' is not an amount in dollars."


def test_help_menu_keeps_the_answers_and_retakes_them(
    qtbot: QtBot, window: MainWindow, controller: PlannerController, profile_path: Path
) -> None:
    notices: list[str] = []
    dialogs_notice = dialogs.show_notice
    try:
        dialogs.show_notice = lambda _p, _t, text: notices.append(text)  # type: ignore[assignment]
        window.actions_by_name["fit"].trigger()
        dialog = window.findChild(FitDialog)
        assert dialog is not None and dialog.isVisible()
        dialog.trait_boxes["independent"].setChecked(True)
        dialog.hours.setValue(6)
        dialog.degree.setCurrentIndex(dialog.degree.findData(False))
        dialog.setting.setCurrentIndex(dialog.setting.findData("physician-office"))
        dialog.remote.setChecked(True)
        dialog.show_result()
        assert "Remote work from day one is rare" in dialog.result_view.toPlainText()
        dialog.compare_paths()
    finally:
        dialogs.show_notice = dialogs_notice  # type: ignore[assignment]
    assert notices == []
    assert window.current_page() == "compare"
    assert window.compare_page.paths() == (PathSpec("CPC", "outpatient-physician", 6),)
    fit = controller.profile.fit
    assert fit is not None and fit.remote_day_one and fit.degree_possible is False
    assert controller.undo_stack.undoText() == "Save the fit check"
    qtbot.waitUntil(lambda: stored(profile_path).fit is not None, timeout=3000)
    assert stored(profile_path).fit == fit

    retaken = window.check_fit()
    assert isinstance(retaken, FitDialog)
    assert retaken.remote.isChecked()
    assert retaken.trait_boxes["independent"].isChecked()
    assert retaken.hours.value() == 6
    assert retaken.degree.currentData() is False
    retaken.reject()
    controller.undo_stack.undo()
    assert controller.profile.fit is None


def test_compare_these_paths_fills_the_compare_page(window: MainWindow) -> None:
    plan = window.controller.profile.inputs
    window.compare_paths(
        [
            (plan.certification, plan.specialty, plan.hours_per_week),  # the plan: left out
            ("CPC", "auditing", 8.0),
            ("CPC", "auditing", 8.0),  # a repeat: left out
        ]
    )
    assert window.current_page() == "compare"
    assert window.compare_page.paths() == (PathSpec("CPC", "auditing", 8.0),)
    assert [p.certification for p in window.controller.profile.compared] == ["CPC"]


def test_wizard_offers_the_fit_check_and_prefills_the_path(qtbot: QtBot, catalog: Catalog) -> None:
    wizard = SetupWizard(catalog, TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    button = wizard.cert_page.fit_button
    assert button.text() == "Not sure yet? Check your &fit first"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = wizard.findChild(FitDialog)
    assert dialog is not None
    answer_hospital(dialog)
    dialog.show_result()
    dialog.compare_paths()
    assert wizard.fit_answers is not None and wizard.fit_answers.budget == 6000
    assert wizard.cert_page.selected() == "CCS"
    assert wizard.specialty_page.selected() == "inpatient-hospital"
    assert wizard.schedule_page.hours.value() == 15
    assert wizard.details_page.budget.text() == "6,000"
    inputs = wizard.result_inputs()
    assert (inputs.certification, inputs.specialty, inputs.hours_per_week, inputs.budget) == (
        "CCS",
        "inpatient-hospital",
        15,
        6000,
    )
    again = wizard.check_fit()
    assert isinstance(again, FitDialog) and again.trait_boxes["detail"].isChecked()
    again.reject()
