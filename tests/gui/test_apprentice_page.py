"""The apprentice-evidence tracker end to end: ticks and a PDF in, profile, summary and date out."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

from gui_helpers import TODAY, MakeController, stored
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from planner.core.attachments import attachment_path
from planner.core.catalog import Background
from planner.core.plan import Step
from planner.core.profile import Profile
from planner.core.storage import ProfileStore
from planner.gui.apprentice_page import ApprenticePage
from planner.gui.main_window import MainWindow
from planner.gui.widgets import to_qdate
from tests.helpers.samples import sample_inputs

ROUTE = "2 years of on-the-job coding experience, verified by employer letters"


def coder_page(qtbot: QtBot, make_controller: MakeController, tmp_path: Path) -> ApprenticePage:
    """A working coder's CPC plan from today, saved, with the tracker open on it."""
    path = tmp_path / "coder.json"
    profile = Profile(inputs=sample_inputs(background=Background.CODING, start=TODAY))
    ProfileStore(path).save(profile)
    pdf = tmp_path / "downloads" / "letter from employer.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF-1.4 signed letter")
    controller = make_controller(profile, path)
    page = ApprenticePage(controller, choose_file=lambda _parent: pdf)
    qtbot.addWidget(page)
    page.show()
    return page


def test_tick_attach_and_date_move_the_a_removed_milestone(
    qtbot: QtBot, make_controller: MakeController, tmp_path: Path
) -> None:
    page = coder_page(qtbot, make_controller, tmp_path)
    controller = page.controller
    assert page.summary.text().startswith(
        f"CPC-A: closest route: {ROUTE}. Still missing: the date your coding work started; "
        "Employer verification letter(s);"
    )
    for tick in ("letters", "letters.letterhead", "letters.signed", "letters.dates"):
        page.ticks[tick].click()
    assert "Employer verification letter(s): attach the PDF" in page.summary.text()
    page.attach_buttons["letters"].click()
    assert page.file_lists["letters"].count() == 1
    assert page.file_lists["letters"].item(0).text() == (
        "letter from employer.pdf (added Mar 2, 2026)"
    )
    page.work_started.setDate(to_qdate(date(2025, 9, 1)))
    page.work_started_set.click()

    assert page.summary.text() == (
        f"CPC-A: closest route: {ROUTE}. Nothing missing; you can submit from Sep 1, 2027."
    )
    removed = controller.plan.milestone(Step.APPRENTICE_REMOVED)
    assert removed is not None and removed.due == date(2027, 9, 29)
    assert page.removed_date.text() == "'A' removed in the plan: Sep 29, 2027"
    evidence = controller.profile.apprentice
    assert evidence is not None
    assert evidence.ticked == ["letters", "letters.letterhead", "letters.signed", "letters.dates"]
    assert evidence.work_started == date(2025, 9, 1) and evidence.work_ended is None
    assert [(f.name, f.item, f.added) for f in evidence.files] == [
        ("letter from employer.pdf", "letters", TODAY)
    ]
    kept = attachment_path(controller.path, "letter from employer.pdf")
    assert kept.read_bytes() == b"%PDF-1.4 signed letter"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    qtbot.waitUntil(lambda: _assert(stored(controller.path).apprentice == evidence), timeout=3000)

    controller.undo_stack.undo()  # the work date
    assert controller.profile.apprentice is not None
    assert controller.profile.apprentice.work_started is None
    assert not page.work_started_set.isChecked()
    assert "the date your coding work started" in page.summary.text()
    controller.undo_stack.undo()  # the attachment: off the list, the copy stays
    assert page.file_lists["letters"].count() == 0
    assert kept.exists()
    controller.undo_stack.undo()
    assert not page.ticks["letters.dates"].isChecked()


def test_remove_from_list_and_work_ending_before_it_starts(
    qtbot: QtBot, make_controller: MakeController, tmp_path: Path
) -> None:
    page = coder_page(qtbot, make_controller, tmp_path)
    errors: list[str] = []
    page.controller.errorOccurred.connect(errors.append)
    page.attach_buttons["letters"].click()
    attachment_path(page.controller.path, "letter from employer.pdf").unlink()
    page.refresh()
    assert page.file_lists["letters"].item(0).text().endswith(": file missing")
    page.file_lists["letters"].setCurrentRow(0)
    page.remove_buttons["letters"].click()
    assert page.controller.profile.apprentice is not None
    assert page.controller.profile.apprentice.files == []
    page.work_started.setDate(to_qdate(date(2025, 9, 1)))
    page.work_started_set.click()
    page.work_ended.setDate(to_qdate(date(2025, 1, 1)))
    page.work_ended_set.click()
    assert errors == ["Not changed: the work cannot end before it starts"]
    assert not page.work_ended_set.isChecked()
    assert page.controller.profile.apprentice.work_ended is None


def test_the_view_menu_opens_the_tracker_for_apprentice_plans(
    qtbot: QtBot, window: MainWindow, make_controller: MakeController, tmp_path: Path
) -> None:
    action = window.actions_by_name["apprentice"]
    assert action.isEnabled()  # the demo learner aims for the CPC: CPC-A first
    action.trigger()
    dialog = window.findChild(QDialog, "apprenticeDialog")
    assert dialog is not None and dialog.isVisible()
    window.controller.update_inputs(certification="CCS")
    assert not action.isEnabled()
    page = dialog.findChild(ApprenticePage)
    assert page is not None
    assert page.heading.text().startswith("Your plan has no apprentice period")
    dialog.close()


def test_save_as_takes_the_attached_files_along(
    qtbot: QtBot, make_controller: MakeController, tmp_path: Path
) -> None:
    page = coder_page(qtbot, make_controller, tmp_path)
    page.attach_buttons["letters"].click()
    target = tmp_path / "elsewhere" / "mine.json"
    target.parent.mkdir()
    assert page.controller.saver.save_as(target)
    assert page.controller.attachment_file("letter from employer.pdf") == (
        tmp_path / "elsewhere" / "mine.json.files" / "letter from employer.pdf"
    )
    assert page.controller.attachment_file("letter from employer.pdf").read_bytes() == (
        b"%PDF-1.4 signed letter"
    )
    assert stored(target).apprentice == page.controller.profile.apprentice
    assert not page.file_lists["letters"].item(0).text().endswith("file missing")


def _assert(condition: bool) -> None:
    assert condition


def test_the_a_removed_milestone_opens_the_tracker(qtbot: QtBot, window: MainWindow) -> None:
    window.show_milestone(Step.APPRENTICE_REMOVED)
    page = window.milestones_page
    assert page.apprentice_button.isVisible()
    assert page.apprentice_button.accessibleName() == "Apprentice evidence"
    qtbot.mouseClick(page.apprentice_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(QDialog, "apprenticeDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.close()
    window.show_milestone(Step.FIRST_CREDENTIAL)
    assert not page.apprentice_button.isVisible()  # only on the 'A removed' step
