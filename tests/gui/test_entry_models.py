"""The Progress page's lists are table models: rows, texts, and one row per one-entry edit."""

from __future__ import annotations

from datetime import timedelta

from gui_helpers import TODAY, MakePage
from PySide6.QtCore import Qt
from PySide6.QtTest import QSignalSpy
from PySide6.QtWidgets import QTableWidget

from planner.core.profile import StudyEntry
from planner.gui.controller import PlannerController
from planner.gui.entry_models import ID_ROLE, Column, EntryTableModel, list_text
from planner.gui.progress_page import ProgressPage
from planner.gui.widgets import fmt_date


def _shown_ids(model: EntryTableModel) -> list[str]:
    return [str(model.index(row, 0).data(ID_ROLE)) for row in range(model.rowCount())]


def test_the_log_is_a_model_newest_first_with_no_widget_items(
    make_page: MakePage, controller: PlannerController
) -> None:
    page = make_page(ProgressPage)
    assert not page.findChildren(QTableWidget)  # no per-row widget items anywhere
    model = page.log_table.entries
    log = controller.profile.study_log
    assert model.rowCount() == len(log)
    newest = sorted(log, key=lambda e: (e.day, e.id))[-1]
    assert model.index(0, 0).data() == fmt_date(newest.day)
    assert model.index(0, 1).data() == f"{newest.hours:g}"
    assert model.index(0, 2).data() == newest.topic
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == (
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Date",
        "Hours",
        "Topic",
        "Note",
    ]
    assert page.score_table.rowCount() == len(controller.profile.scores)
    assert page.ceu_table.rowCount() == len(controller.profile.ceus)


def test_logging_and_removing_move_one_row_and_reach_the_profile(
    make_page: MakePage, controller: PlannerController
) -> None:
    page = make_page(ProgressPage)
    model = page.log_table.entries
    before = _shown_ids(model)
    inserted, reset = QSignalSpy(model.rowsInserted), QSignalSpy(model.modelReset)
    page.log_topic.setText("Evaluation and management")
    page.log_note.setText("two chapters")
    page.log_date.setDate(page.log_date.date().addDays(-3))
    page.log_add.click()
    entry = controller.profile.study_log[-1]
    assert entry.topic == "Evaluation and management"
    assert inserted.count() == 1 and reset.count() == 0
    row = model.row_of(entry.id)
    assert row is not None
    assert page.log_table.text(row, 2) == "Evaluation and management"
    assert page.log_table.text(row, 3) == "two chapters"
    assert page.log_table.text(row, 0) == fmt_date(TODAY - timedelta(days=3))
    assert sorted(_shown_ids(model)) == sorted(e.id for e in controller.profile.study_log)

    removed = QSignalSpy(model.rowsRemoved)
    page.log_table.selectRow(row)
    page.log_remove.click()
    assert removed.count() == 1 and reset.count() == 0
    assert entry.id not in {e.id for e in controller.profile.study_log}
    assert _shown_ids(model) == before
    controller.undo_stack.undo()  # the entry comes back, as one row again
    assert inserted.count() == 2 and reset.count() == 0
    assert model.row_of(entry.id) == row
    assert page.log_total.text().startswith(f"{len(controller.profile.study_log)} entries, ")


def test_the_total_line_counts_entries_up_to_today_and_after(
    make_page: MakePage, controller: PlannerController
) -> None:
    page = make_page(ProgressPage)
    logged = round(sum(e.hours for e in controller.profile.study_log if e.day <= TODAY), 2)
    assert f"{logged:g} h up to today" in page.log_total.text()
    controller.log_study(TODAY + timedelta(days=2), 1.5, "Later")
    assert "1.5 h dated after today count from their day" in page.log_total.text()


def test_a_long_note_is_cut_in_the_list_and_whole_in_the_tooltip() -> None:
    model = EntryTableModel([Column("Note", lambda e: e.note)])
    note = "first line " * 100 + "\nsecond line"
    entry = StudyEntry(day=TODAY, hours=1, topic="CPT", note=note)
    model.set_entries([entry])
    shown = model.index(0, 0).data()
    assert shown == list_text(note) and shown.endswith("…") and len(shown) <= 201
    assert "\n" not in shown
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).startswith("first line")
    assert list_text("short") == "short"
    assert list_text("two\nlines") == "two…"


def test_a_list_replaced_by_another_resets_the_rows() -> None:
    model = EntryTableModel([Column("Topic", lambda e: e.topic)])
    first = [StudyEntry(day=TODAY - timedelta(days=n), hours=1, topic=f"t{n}") for n in range(5)]
    model.set_entries(first)
    assert [model.index(r, 0).data() for r in range(5)] == ["t0", "t1", "t2", "t3", "t4"]
    change = model.set_entries(first[:2])
    assert change is None and model.rowCount() == 2
    change = model.set_entries([*first[:2], first[4]])
    assert change is not None and change.added == (first[4],)
    assert [model.index(r, 0).data() for r in range(3)] == ["t0", "t1", "t4"]
