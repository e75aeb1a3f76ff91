"""The Compare page: columns from result_of, best marks, the 2-4 limit, adopting a path, storage."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import MakeController, MakePage, stored
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from planner.core.catalog import Background, Catalog
from planner.core.compare import (
    MAX_PATHS,
    PLAN_LABEL,
    ROWS,
    PathResult,
    PathSpec,
    best_columns,
    path_result,
    result_of,
)
from planner.core.compared_paths import ComparedPath
from planner.core.storage import ProfileStore
from planner.gui.compare_page import BEST_MARK, ROW_INDEX, ComparePage, limit_text
from planner.gui.controller import PlannerController
from planner.gui.main_window import MainWindow
from planner.report.compare import cells_of
from planner.report.compare_page import legend_name


def _result(page: ComparePage, column: int) -> PathResult:
    result = page.results()[column]
    assert isinstance(result, PathResult), result
    return result


def test_two_columns_at_first_with_the_values_of_result_of(
    make_page: MakePage, controller: PlannerController, catalog: Catalog
) -> None:
    page = make_page(ComparePage)
    assert page.column_count() == 2
    plan = controller.state.plan
    inputs = controller.profile.inputs
    assert inputs.certification == "CPC"
    # the suggested alternative: the other main certification at the same hours
    assert page.paths() == (PathSpec("CCS", inputs.specialty, inputs.hours_per_week),)
    assert _result(page, 0) == result_of(plan, catalog, PLAN_LABEL)
    expected = path_result(page.paths()[0], inputs, catalog)
    assert _result(page, 1) == expected
    plan_cells = cells_of(result_of(plan, catalog))
    other_cells = cells_of(expected)
    for key in ("first_exam", "first_job", "up_front", "total_cost", "pay_5", "dues"):
        assert page.cell_text(key, 0).startswith(plan_cells[key])
        assert page.cell_text(key, 1).startswith(other_cells[key])
    assert page.table.horizontalHeaderItem(0).text() == PLAN_LABEL
    editors = page.editors(1)
    assert editors.certification.currentData() == "CCS"
    assert editors.hours.value() == inputs.hours_per_week
    assert editors.background.currentText() == "As in your plan"


def test_the_best_value_of_each_row_is_marked_in_words_and_with_an_icon(
    make_page: MakePage,
) -> None:
    page = make_page(ComparePage)
    results = [_result(page, c) for c in range(page.column_count())]
    best = best_columns(results)
    marked_rows = 0
    for row in ROWS:
        for column in range(page.column_count()):
            text = page.cell_text(row.key, column)
            item = page.table.item(ROW_INDEX[row.key], column)
            spoken = item.data(Qt.ItemDataRole.AccessibleTextRole)
            if column in best[row.key]:
                assert text.endswith(f"{BEST_MARK} {row.best_word}")
                assert not item.icon().isNull()
                assert item.font().bold()
                assert spoken.endswith(f"best: {row.best_word}")
                marked_rows += 1
            else:
                assert BEST_MARK not in text
                assert item.icon().isNull()
    assert marked_rows >= 5
    words = {page.cell_text(r.key, c).rsplit(" ", 1)[-1] for r in ROWS for c in (0, 1)}
    assert {"earliest", "cheapest", "highest"} <= words


def test_add_and_remove_columns_within_two_to_four(
    make_page: MakePage, controller: PlannerController
) -> None:
    page = make_page(ComparePage)
    assert not page.editors(1).remove.isEnabled()
    assert page.limit_label.text() == limit_text(2)
    assert "fewest" in page.limit_label.text()
    assert not page.remove_column(1)
    assert page.add_column()
    assert page.add_column()
    assert page.column_count() == MAX_PATHS
    labels = [p.label for p in page.paths()]
    assert len(set(labels)) == 3  # every added path is a new one
    assert not page.add_button.isEnabled()
    assert "most" in page.limit_label.text()
    assert not page.add_column()
    assert page.column_count() == MAX_PATHS
    assert [p.stored() for p in page.paths()] == controller.profile.compared
    page.editors(2).remove.click()
    assert page.column_count() == 3
    assert [p.label for p in page.paths()] == [labels[0], labels[2]]
    assert page.add_button.isEnabled()
    controller.undo_stack.undo()
    assert [p.label for p in page.paths()] == labels


def test_editing_a_column_is_one_undo_step_that_marks_the_profile_unsaved(
    make_page: MakePage, controller: PlannerController, catalog: Catalog
) -> None:
    page = make_page(ComparePage)
    controller.saver.save_now()
    assert not controller.dirty
    editors = page.editors(1)
    editors.certification.setCurrentIndex(editors.certification.findData("RHIT"))
    editors.certification.activated.emit(editors.certification.currentIndex())
    editors.specialty.setCurrentIndex(editors.specialty.findData("him"))
    editors.specialty.activated.emit(editors.specialty.currentIndex())
    editors.hours.setValue(15)
    editors.background.setCurrentIndex(editors.background.findData("coding"))
    editors.background.activated.emit(editors.background.currentIndex())
    assert controller.dirty
    path = PathSpec("RHIT", "him", 15, Background.CODING)
    assert page.paths() == (path,)
    assert controller.profile.compared == [path.stored()]
    assert _result(page, 1) == path_result(path, controller.profile.inputs, catalog)
    assert "Compare: change path 2" in controller.undo_stack.undoText()
    controller.undo_stack.undo()  # the background
    assert page.paths() == (PathSpec("RHIT", "him", 15),)
    assert editors.background.currentText() == "As in your plan"


def test_make_this_my_plan_is_one_undo_step(
    make_page: MakePage, controller: PlannerController, catalog: Catalog
) -> None:
    page = make_page(ComparePage)
    before = controller.profile.inputs
    other = page.paths()[0]
    expected = path_result(other, before, catalog)
    steps = controller.undo_stack.count()
    page.editors(1).adopt.click()
    assert controller.state.plan.certification == "CCS"
    assert controller.profile.inputs == other.inputs(before)
    assert controller.undo_stack.count() == steps + 1
    assert controller.undo_stack.undoText() == f"Make {other.label} my plan"
    # the adopted column equals the plan; the old plan is compared in its place
    assert _result(page, 0).first_exam == expected.first_exam
    assert _result(page, 0).total_cost == expected.total_cost
    assert page.paths() == (PathSpec.of_inputs(before),)
    controller.undo_stack.undo()
    assert controller.state.plan.certification == "CPC"
    assert controller.profile.inputs == before
    assert page.paths() == (other,)
    controller.undo_stack.redo()
    assert controller.state.plan.certification == "CCS"


def test_make_this_my_plan_from_the_edit_menu_undo(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("compare")
    page = window.compare_page
    qtbot.waitUntil(lambda: page.column_count() == 2)
    assert page.adopt(1)
    assert window.controller.plan.certification == "CCS"
    window.actions_by_name["undo"].trigger()
    assert window.controller.plan.certification == "CPC"


def test_compared_paths_survive_saving_and_reopening(
    qtbot: QtBot,
    make_page: MakePage,
    make_controller: MakeController,
    controller: PlannerController,
    profile_path: Path,
) -> None:
    page = make_page(ComparePage)
    page.add_column()
    own = PathSpec("RHIT", "cdi", 20, Background.HEALTHCARE, controller.profile.inputs.start)
    assert page.set_path(2, own)
    assert controller.saver.save_now()
    assert [PathSpec.of(p) for p in stored(profile_path).compared] == [page.paths()[0], own]
    reopened = make_controller(ProfileStore(profile_path).load())
    again = ComparePage(reopened)
    qtbot.addWidget(again)
    again.show()
    assert again.paths() == page.paths()
    assert again.editors(2).background.currentData() == "healthcare"
    assert again.editors(2).own_start.isChecked()
    assert again.editors(1).start.date().toPython() == controller.profile.inputs.start
    assert not again.editors(1).own_start.isChecked()
    assert not again.editors(1).start.isEnabled()


def test_a_profile_that_never_compared_is_written_as_before(
    make_page: MakePage, controller: PlannerController, profile_path: Path
) -> None:
    before = profile_path.read_bytes()
    make_page(ComparePage)
    controller.saver.save_now()
    assert b'"compared"' not in profile_path.read_bytes()
    assert profile_path.read_bytes() == before


def test_a_stored_path_that_cannot_be_planned_says_why(
    make_page: MakePage, controller: PlannerController
) -> None:
    controller.set_compared(
        [ComparedPath(certification="XYZ", specialty="him", hours_per_week=10)], "test"
    )
    page = make_page(ComparePage)
    assert page.column_count() == 2
    assert page.cell_text("first_exam", 1).startswith("Cannot be planned: 'XYZ:him:10'")


def test_page_six_has_ctrl_6_and_accessible_editors(window: MainWindow) -> None:
    action = window.actions_by_name["page_compare"]
    assert action.shortcut().toString() == "Ctrl+6"
    assert action.text() == "&Compare"
    action.trigger()
    assert window.current_page() == "compare"
    page = window.compare_page
    assert page.table.accessibleName() == "Compared paths"
    for widget in page.editors(1).widgets():
        assert widget.accessibleName().endswith("path 2")
    assert page.editors(1).adopt.accessibleName() == "Make path 2 my plan"


@pytest.mark.parametrize("certification", ["CPC", "CCS", "RHIT"])
def test_the_chart_has_one_line_per_column(
    qtbot: QtBot,
    make_page: MakePage,
    controller: PlannerController,
    certification: str,
) -> None:
    controller.update_inputs(certification=certification)
    page = make_page(ComparePage)
    chart = page.ensure_chart()
    results = [_result(page, c) for c in range(page.column_count())]
    for index, result in enumerate(results):
        name = legend_name(index, result)
        assert chart.median_values(name) == [s.median for s in result.plan.salary]
    assert page.paths()[0].certification != certification


def test_print_preview_offers_the_comparison_page(
    qtbot: QtBot, make_page: MakePage, controller: PlannerController
) -> None:
    from planner.gui import print_dialogs
    from planner.report.compare_page import TITLE

    never = print_dialogs.create_preview_dialog(None, controller.state)
    qtbot.addWidget(never)
    assert not never.comparison_box.isEnabled()  # type: ignore[attr-defined]
    assert TITLE.upper() not in never.document().text()  # type: ignore[attr-defined]

    page = make_page(ComparePage)
    page.add_column()
    dialog = print_dialogs.create_preview_dialog(None, controller.state)
    qtbot.addWidget(dialog)
    box = dialog.comparison_box  # type: ignore[attr-defined]
    assert box.isEnabled() and box.isChecked()
    assert TITLE.upper() in dialog.document().text()  # type: ignore[attr-defined]
    box.setChecked(False)
    assert TITLE.upper() not in dialog.document().text()  # type: ignore[attr-defined]
    off = print_dialogs.create_preview_dialog(None, controller.state, comparison=False)
    qtbot.addWidget(off)
    assert not off.comparison_box.isChecked()  # type: ignore[attr-defined]


def test_the_keyboard_reaches_every_editor_of_a_column(qtbot: QtBot, make_page: MakePage) -> None:
    page = make_page(ComparePage)
    page.add_column()
    page.editors(2).own_start.click()  # its date edit is on: Tab goes through it and on
    assert page.paths()[1].start is not None
    page.activateWindow()
    page.add_button.setFocus()
    qtbot.waitUntil(page.add_button.hasFocus)
    reached: list[QWidget | None] = []
    for _ in range(40):  # a date edit takes a Tab per section (month, day, year)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    wanted = [page.table]
    for column in (1, 2):
        editors = page.editors(column)
        wanted += [*editors.widgets(), editors.adopt, editors.remove]
    for widget in wanted:
        if widget.isEnabled():
            assert widget in reached, widget.objectName()
    assert not page.editors(1).start.isEnabled()  # follows the plan's start
    assert page.add_button in reached  # the focus comes round again: no trap


def test_pdf_export_follows_the_include_compared_paths_choice(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from planner.gui import dialogs, exports

    calls: list[bool] = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_args: tmp_path / "roadmap.pdf")
    monkeypatch.setattr(
        exports, "export_pdf", lambda *_args, comparison, **_kw: calls.append(comparison)
    )
    choice = window.actions_by_name["print_comparison"]
    assert choice.isCheckable() and choice.isChecked()
    window.export_pdf()
    choice.setChecked(False)
    window.export_pdf()
    assert calls == [True, False]
