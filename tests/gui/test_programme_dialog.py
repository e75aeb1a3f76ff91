"""The programme check end to end: ticks in, result text, saved checks and the plan's cost out."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import stored
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.core.programme_check import ProgrammeCheck
from planner.gui.controller import PlannerController
from planner.gui.main_window import MainWindow
from planner.gui.programme_dialog import NEW_PROGRAMME, ProgrammeDialog


def make_dialog(qtbot: QtBot, controller: PlannerController) -> ProgrammeDialog:
    dialog = ProgrammeDialog(controller)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill_quick_academy(dialog: ProgrammeDialog) -> None:
    dialog.name.setText("QuickCode Academy")
    dialog.target.setCurrentIndex(dialog.target.findData("CPC"))
    dialog.price.setText("$899")
    dialog.notes.setPlainText("Ad on a job board")
    for item_id in ("named-exam", "guaranteed-job", "certified-in-weeks"):
        dialog.boxes[item_id].setChecked(True)


def test_ticks_give_what_to_ask_and_the_price_check(
    qtbot: QtBot, controller: PlannerController
) -> None:
    dialog = make_dialog(qtbot, controller)
    assert dialog.result_view.toPlainText().startswith("Name the programme")
    fill_quick_academy(dialog)
    text = dialog.result_view.toPlainText()
    assert text.startswith("QuickCode Academy, for the CPC\n\nPrice\n- The price ($899) is below")
    assert "- Says you will be certified in a few weeks: " in text
    assert "- Exam voucher included in the price: Is the exam fee" in text
    assert (
        "The price ($899) is below the sourced range for a medical coding certificate program "
        "($2,000-$7,500)" in text
    )
    assert not dialog.boxes["cahiim-accredited"].isVisibleTo(dialog)
    dialog.target.setCurrentIndex(dialog.target.findData("RHIT"))
    assert dialog.boxes["cahiim-accredited"].isVisibleTo(dialog)
    assert "- CAHIIM-accredited HIM programme: Is the programme accredited by CAHIIM?" in (
        dialog.result_view.toPlainText()
    )


def test_save_keeps_the_check_and_use_sets_the_training_cost(
    qtbot: QtBot, controller: PlannerController, profile_path: Path
) -> None:
    assert controller.plan.inputs.actual_cost("program") is None
    dialog = make_dialog(qtbot, controller)
    fill_quick_academy(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert controller.profile.programme_checks == [
        ProgrammeCheck(
            name="QuickCode Academy",
            target="CPC",
            price=899,
            notes="Ad on a job board",
            ticked={"named-exam": True, "guaranteed-job": True, "certified-in-weeks": True},
        )
    ]
    assert dialog.error.text() == "Saved the check of QuickCode Academy."
    assert [dialog.saved.itemText(i) for i in range(dialog.saved.count())] == [
        NEW_PROGRAMME,
        "QuickCode Academy",
    ]

    dialog.price.setText("3,200")
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert controller.profile.programme_checks[0].price == 3200
    assert controller.plan.inputs.actual_cost("program") == 3200
    program_row = next(item for item in controller.plan.costs.items if item.id == "program")
    assert (program_row.planned, program_row.entered) == (3200, True)
    assert controller.undo_stack.undoText() == "Use QuickCode Academy's price"
    assert dialog.error.text() == "The plan now uses $3,200 for the training programme."
    qtbot.waitUntil(lambda: stored(profile_path).inputs.actual_cost("program") == 3200)
    on_disk = stored(profile_path)
    assert [c.name for c in on_disk.programme_checks] == ["QuickCode Academy"]

    controller.undo_stack.undo()  # the price goes back to the estimate
    assert controller.plan.inputs.actual_cost("program") is None
    assert controller.profile.programme_checks[0].price == 3200


def test_saved_checks_reopen_and_a_new_one_starts_empty(
    qtbot: QtBot, controller: PlannerController
) -> None:
    controller.save_programme_check(
        ProgrammeCheck(
            name="Valley CC HIT", target="RHIT", price=9500, ticked={"cahiim-accredited": True}
        )
    )
    dialog = make_dialog(qtbot, controller)
    dialog.saved.setCurrentIndex(dialog.saved.findData("Valley CC HIT"))
    assert dialog.name.text() == "Valley CC HIT"
    assert dialog.target.currentData() == "RHIT"
    assert dialog.price.text() == "$9,500"
    assert dialog.boxes["cahiim-accredited"].isChecked()
    assert "within the sourced range for a CAHIIM-accredited HIM associate degree" in (
        dialog.result_view.toPlainText()
    )
    dialog.saved.setCurrentIndex(0)
    assert dialog.name.text() == "" and not dialog.boxes["cahiim-accredited"].isChecked()


def test_use_without_a_price_says_so(qtbot: QtBot, controller: PlannerController) -> None:
    dialog = make_dialog(qtbot, controller)
    dialog.name.setText("No price yet")
    assert dialog.use_programme() is False
    assert dialog.error.text() == "⚠ Enter the programme's total price first."
    assert controller.profile.programme_checks == []
    dialog.price.setText("cheap")
    assert dialog.error.text() == "⚠ The price 'cheap' is not an amount in dollars."


def test_help_menu_opens_the_programme_check(window: MainWindow) -> None:
    window.actions_by_name["programme"].trigger()
    dialog = window.findChild(ProgrammeDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.target.currentData() == window.controller.profile.inputs.certification
    dialog.reject()
