"""The Milestones page: the tree's contents, checking, statuses by key, notes, filters."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import TODAY, stored
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.core.profile import MilestoneStatus
from planner.gui.main_window import MainWindow
from planner.gui.milestones_page import (
    COL_DONE,
    COL_DUE,
    COL_NOTE,
    COL_STATUS,
    COL_TITLE,
    NOTE_ROLE,
)
from planner.gui.widgets import STATUS_TEXT, fmt_date


def test_tree_lists_every_milestone_by_phase(window: MainWindow) -> None:
    plan = window.controller.plan
    page = window.milestones_page
    tree = page.tree
    assert tree.topLevelItemCount() == 5
    for index, phase in enumerate(plan.phases):
        top = tree.topLevelItem(index)
        assert top is not None
        assert top.text(COL_TITLE).startswith(f"Phase {phase.number} · {phase.name}")
        assert fmt_date(phase.end) in top.text(COL_TITLE)
        # steps first, then one collapsed line holding the phase's recurring reminders
        steps = [m for m in phase.milestones if not m.is_reminder]
        reminders = [m for m in phase.milestones if m.is_reminder]
        rows = [top.child(i) for i in range(top.childCount())]
        assert [r.text(COL_TITLE) for r in rows[: len(steps)]] == [m.title for m in steps]
        assert [r.text(COL_DUE) for r in rows[: len(steps)]] == [fmt_date(m.due) for m in steps]
        group = page.reminder_group(phase.number)
        if reminders:
            assert rows[len(steps) :] == [group]
            assert group.text(COL_TITLE).startswith("Recurring reminders")
            assert not group.isExpanded()
            inner = [group.child(i).text(COL_TITLE) for i in range(group.childCount())]
            assert inner == [m.title for m in reminders]
        else:
            assert len(rows) == len(steps) and group is None
    done = page.item_for("p1-terminology")
    assert done is not None
    assert done.checkState(COL_TITLE) == Qt.CheckState.Checked
    assert done.text(COL_STATUS) == "Done"
    assert not done.icon(COL_STATUS).isNull()  # status is an icon and a word, not a colour
    assert done.text(COL_NOTE) == "Used the course's flashcard deck"
    assert done.text(COL_DONE) != ""
    progress = page.item_for("p1-cpt-hcpcs")
    assert progress is not None and progress.text(COL_STATUS) == "In progress"
    steps = [m for m in plan.milestones() if not m.is_reminder]
    assert page.summary.text() == f"3 of {len(steps)} steps done (reminders not counted)."
    # the next open milestone is selected, with its details
    assert page.selected_milestone() == "p1-cpt-hcpcs"
    assert page.detail_why.text() == plan.milestone("p1-cpt-hcpcs").why  # type: ignore[union-attr]


def test_checking_marks_done_today_and_saves(
    qtbot: QtBot, window: MainWindow, profile_path: Path
) -> None:
    page = window.milestones_page
    item = page.item_for("p1-course")
    assert item is not None
    item.setCheckState(COL_TITLE, Qt.CheckState.Checked)
    assert item.text(COL_STATUS) == "Done"
    assert item.text(COL_DONE) == fmt_date(TODAY)

    def saved() -> None:
        progress = stored(profile_path).milestones.get("p1-course")
        assert progress is not None and progress.status is MilestoneStatus.DONE
        assert progress.done_on == TODAY

    qtbot.waitUntil(saved, timeout=3000)
    item.setCheckState(COL_TITLE, Qt.CheckState.Unchecked)
    assert window.controller.profile.milestone_status("p1-course") is MilestoneStatus.NOT_STARTED
    window.controller.undo_stack.undo()
    assert page.item_for("p1-course").checkState(COL_TITLE) == Qt.CheckState.Checked  # type: ignore[union-attr]


def test_keys_set_the_status(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("milestones")
    page = window.milestones_page
    page.select_milestone("p2-practice")
    qtbot.waitUntil(page.tree.hasFocus)
    profile = window.controller.profile
    qtbot.keyClick(page.tree, Qt.Key.Key_Space)
    assert profile.milestone_status("p2-practice") is MilestoneStatus.DONE
    qtbot.keyClick(page.tree, Qt.Key.Key_Space)
    assert profile.milestone_status("p2-practice") is MilestoneStatus.NOT_STARTED
    for key, status in (
        (Qt.Key.Key_P, MilestoneStatus.IN_PROGRESS),
        (Qt.Key.Key_S, MilestoneStatus.SKIPPED),
        (Qt.Key.Key_D, MilestoneStatus.DONE),
        (Qt.Key.Key_N, MilestoneStatus.NOT_STARTED),
    ):
        qtbot.keyClick(page.tree, key)
        assert profile.milestone_status("p2-practice") is status
        assert page.item_for("p2-practice").text(COL_STATUS) == STATUS_TEXT[status]  # type: ignore[union-attr]
    page.status_combo.setCurrentIndex(page.status_combo.findData(MilestoneStatus.SKIPPED.value))
    page.status_combo.activated.emit(page.status_combo.currentIndex())
    assert profile.milestone_status("p2-practice") is MilestoneStatus.SKIPPED


def test_notes_are_edited_and_saved(qtbot: QtBot, window: MainWindow, profile_path: Path) -> None:
    page = window.milestones_page
    page.select_milestone("p2-exam")
    page.note_edit.setText("Booked for a Saturday")
    page.note_edit.returnPressed.emit()
    item = page.item_for("p2-exam")
    assert item is not None and item.text(COL_NOTE) == "Booked for a Saturday"
    item.setText(COL_NOTE, "Booked for a Saturday morning")  # edited in the tree itself
    assert window.controller.profile.milestones["p2-exam"].note == "Booked for a Saturday morning"
    assert window.controller.undo_stack.count() == 1  # both edits of one note: one undo step

    def saved() -> None:
        progress = stored(profile_path).milestones.get("p2-exam")
        assert progress is not None and progress.note == "Booked for a Saturday morning"

    qtbot.waitUntil(saved, timeout=3000)


def test_filters_hide_closed_and_reminders(window: MainWindow) -> None:
    page = window.milestones_page
    page.hide_closed.setChecked(True)
    assert page.item_for("p1-terminology").isHidden()  # type: ignore[union-attr]
    assert not page.item_for("p1-course").isHidden()  # type: ignore[union-attr]
    page.hide_reminders.setChecked(True)
    reminders = [m.id for m in window.controller.plan.milestones() if m.id.startswith("codeset-")]
    assert reminders and all(page.item_for(mid).isHidden() for mid in reminders)  # type: ignore[union-attr]
    page.select_milestone(reminders[0])  # opening a hidden one shows it again
    assert not page.item_for(reminders[0]).isHidden()  # type: ignore[union-attr]


def test_a_long_note_is_cut_in_the_tree_and_whole_in_the_details(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.milestones_page
    window.show_page("milestones")
    note = "Chapter notes. " * 2_000  # 30,000 characters
    assert window.controller.set_milestone_note("p2-exam", note.strip())
    item = page.item_for("p2-exam")
    assert item is not None
    shown = item.text(COL_NOTE)
    assert shown.endswith("…") and len(shown) <= 201 and note.startswith(shown[:-1])
    page.select_milestone("p2-exam")
    assert page.note_edit.text() == note.strip()  # whole in the detail view
    # the tree's own editor starts from the whole note, and an edit there keeps it whole
    item.setData(COL_NOTE, NOTE_ROLE, note.strip() + " More.")
    assert window.controller.profile.milestones["p2-exam"].note == note.strip() + " More."
    assert page.item_for("p2-exam").text(COL_NOTE) == shown  # type: ignore[union-attr]
