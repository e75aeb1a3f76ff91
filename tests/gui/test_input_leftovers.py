"""Issue 17 leftovers: programme fields commit what they show, unclear money gets a question,
profile dialogs start in Documents, the calendar dialog chooses the study block's time and days."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import TODAY, MakeController
from PySide6.QtCore import QLocale, QTime, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from planner.core.demo import demo_profile
from planner.core.inputs import PlanInputs
from planner.core.profile import Profile, ProgrammeProgress
from planner.core.storage import ProfileStore, default_profile_path
from planner.gui import dialogs, exports
from planner.gui.controller import PlannerController
from planner.gui.exports import CalendarOptionsDialog
from planner.gui.forms import MoneyField
from planner.gui.main_window import MainWindow
from planner.gui.progress_page import ProgressPage
from planner.gui.salary_page import YOURS_COLUMN
from planner.gui.wizard import SetupWizard, WizardAnswer
from planner.report.calendar import CalendarOptions, DoneSteps, StudyDays

REAL_ASK_MONEY_READING = dialogs.ask_money_reading  # before the conftest replaces it
US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def _retype(qtbot: QtBot, widget: Any, text: str) -> None:
    widget.selectAll()
    qtbot.keyClicks(widget, text)


# ---------------------------------------------------------------------- degree programme


@pytest.fixture
def rhit_page(
    qtbot: QtBot, make_controller: MakeController, tmp_path: Path
) -> tuple[ProgressPage, PlannerController]:
    inputs = PlanInputs(
        certification="RHIT", specialty="auditing", start=date(2025, 9, 1), hours_per_week=10
    )
    profile = Profile(
        inputs=inputs, programme=ProgrammeProgress(credits_earned=3, credits_required=60)
    )
    controller = make_controller(profile=profile, path=tmp_path / "rhit.json")
    page = ProgressPage(controller)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    return page, controller


def test_programme_credits_above_the_range_are_refused_with_a_message(
    qtbot: QtBot, rhit_page: tuple[ProgressPage, PlannerController]
) -> None:
    page, controller = rhit_page
    _retype(qtbot, page.credits_earned, "1200")
    assert page.credits_earned.text() == "1200"  # not cut to 120 or reverted to 3
    page.programme_save.click()
    assert controller.profile.programme == ProgrammeProgress(credits_earned=3, credits_required=60)
    problem = page.findChild(QLabel, "creditsEarnedProblem")
    assert problem is not None and not problem.isHidden()
    assert problem.text() == "⚠ Credits earned must be between 0 and 1000; 1200 is not."
    _retype(qtbot, page.credits_earned, "45.5")
    assert problem.isHidden()
    page.programme_save.click()
    assert controller.profile.programme == ProgrammeProgress(
        credits_earned=45.5, credits_required=60
    )


def test_programme_terms_moved_on_leaving_are_said_and_not_saved_unseen(
    qtbot: QtBot, rhit_page: tuple[ProgressPage, PlannerController]
) -> None:
    page, controller = rhit_page
    _retype(qtbot, page.terms_total, "8")
    _retype(qtbot, page.terms_done, "300")
    assert page.terms_done.text() == "300"
    page.terms_done.interpretText()  # what leaving the field does
    assert page.terms_done.text() == "100"
    problem = page.findChild(QLabel, "termsDoneProblem")
    assert problem is not None
    assert problem.text() == "⚠ Terms done must be between 0 and 100: 300 was changed to 100."
    page.programme_save.click()  # the click that took the focus: nothing saved unseen
    assert controller.profile.programme is not None
    assert controller.profile.programme.terms_done == 0
    _retype(qtbot, page.terms_done, "5")
    page.programme_save.click()
    assert controller.profile.programme.terms_done == 5
    assert controller.profile.programme.terms_total == 8


def test_a_number_above_the_range_moves_to_the_top_not_to_the_bottom(
    qtbot: QtBot, rhit_page: tuple[ProgressPage, PlannerController]
) -> None:
    page, _controller = rhit_page
    _retype(qtbot, page.log_hours, "30")
    page.log_hours.interpretText()  # Qt alone would put 0.25 here (it bounds 0)
    assert page.log_hours.text() == "24.00 h" and page.log_hours.value() == 24
    assert page.log_hours_problem.text() == (
        "⚠ Hours must be between 0.25 and 24 h: 30 was changed to 24."
    )


def test_programme_fields_show_what_is_saved(
    rhit_page: tuple[ProgressPage, PlannerController],
) -> None:
    page, _controller = rhit_page
    assert page.credits_earned.text() == "3.0" or page.credits_earned.value() == 3
    assert page.credits_required.value() == 60
    for name in ("creditsEarned", "creditsRequired", "termsDone", "termsTotal"):
        label = page.findChild(QLabel, f"{name}Problem")
        assert label is not None and label.isHidden()


# ---------------------------------------------------------------------- unclear money


def _money_field(qtbot: QtBot) -> tuple[MoneyField, QLineEdit]:
    edit = QLineEdit()
    edit.setObjectName("income")
    field = MoneyField(edit, 10_000_000, US)
    qtbot.addWidget(field.row)
    return field, edit


@pytest.mark.parametrize(("answer", "shown"), [(32_000.0, "32,000"), (32.0, "32.00")])
def test_32_dot_000_asks_and_commits_the_chosen_amount(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, answer: float, shown: str
) -> None:
    asked: list[tuple[str, list[tuple[float, str]]]] = []

    def ask(_parent: Any, text: str, readings: list[tuple[float, str]]) -> float:
        asked.append((text, readings))
        return answer

    monkeypatch.setattr(dialogs, "ask_money_reading", ask)
    field, edit = _money_field(qtbot)
    qtbot.keyClicks(edit, "32.000")
    assert field.value() == answer
    assert asked == [("32.000", [(32_000.0, "32,000"), (32.0, "32.00")])]
    assert edit.text() == shown  # the field shows what was committed
    assert field.problem.isHidden()
    assert field.value() == answer and len(asked) == 1  # asked once only


def test_cancelling_the_question_keeps_the_refusal(qtbot: QtBot) -> None:
    field, edit = _money_field(qtbot)  # the conftest answers Cancel
    qtbot.keyClicks(edit, "32.000")
    with pytest.raises(ValueError, match="unclear"):
        field.value()
    assert edit.text() == "32.000"
    assert "is unclear" in field.problem.text()


def test_a_third_digit_other_than_zero_offers_only_the_thousands(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[list[tuple[float, str]]] = []
    monkeypatch.setattr(
        dialogs, "ask_money_reading", lambda _p, _t, readings: offered.append(readings)
    )
    field, edit = _money_field(qtbot)
    qtbot.keyClicks(edit, "12.345")
    with pytest.raises(ValueError):
        field.value()
    assert offered == [[(12_345.0, "12,345")]]


def test_the_question_has_both_amounts_and_cancel(qtbot: QtBot) -> None:
    seen: list[tuple[str, list[str]]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        buttons = [b.text().replace("&", "") for b in box.buttons()]
        seen.append((box.text(), buttons))
        next(b for b in box.buttons() if b.text() == "$32.00").click()

    QTimer.singleShot(0, answer)
    chosen = REAL_ASK_MONEY_READING(None, "32.000", [(32_000.0, "32,000"), (32.0, "32.00")])
    assert chosen == 32.0
    text, buttons = seen[0]
    assert text == "Did you mean $32,000 or $32.00?"
    assert {"$32,000", "$32.00", "Cancel"} <= set(buttons)


def test_settings_income_commits_the_chosen_amount(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_money_reading", lambda _p, _t, readings: readings[0][0])
    page = window.settings_page
    page.income.setFocus()
    page.income.clear()
    qtbot.keyClicks(page.income, "32.000")
    page.income.editingFinished.emit()
    assert window.controller.profile.inputs.current_income == 32_000
    assert page.income.text() == "32,000"


# ---------------------------------------------------------------------- dialogs start in Documents


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr(exports, "documents_folder", lambda: folder)
    return folder


def _window(qtbot: QtBot, controller: PlannerController) -> MainWindow:
    window = MainWindow(controller, settings=None)
    qtbot.addWidget(window)
    return window


def test_new_profile_is_saved_from_documents(
    qtbot: QtBot, window: MainWindow, documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = window.controller.profile.inputs
    monkeypatch.setattr(
        SetupWizard, "ask", classmethod(lambda *_a, **_k: WizardAnswer(inputs, "New one"))
    )
    suggested: list[Path] = []

    def ask(_parent: Any, start: Path, *_args: Any, **_kw: Any) -> None:
        suggested.append(start)

    monkeypatch.setattr(dialogs, "ask_save_path", ask)
    window.new_profile()
    assert suggested == [documents / "new-profile.json"]


def test_open_starts_in_documents_for_the_data_folder_else_the_profile_folder(
    qtbot: QtBot,
    make_controller: MakeController,
    documents: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[Path] = []
    monkeypatch.setattr(dialogs, "ask_open_path", lambda _p, folder: started.append(folder))
    in_data = default_profile_path()
    in_data.parent.mkdir(parents=True, exist_ok=True)
    ProfileStore(in_data).save(demo_profile(TODAY))
    _window(qtbot, make_controller(path=in_data)).open_other()
    elsewhere = tmp_path / "shared" / "plan.json"
    elsewhere.parent.mkdir()
    ProfileStore(elsewhere).save(demo_profile(TODAY))
    _window(qtbot, make_controller(path=elsewhere)).open_other()
    assert started == [documents, elsewhere.parent]


# ---------------------------------------------------------------------- calendar study block


def test_calendar_dialog_chooses_the_study_time_and_days(qtbot: QtBot) -> None:
    dialog = CalendarOptionsDialog(12)
    qtbot.addWidget(dialog)
    assert dialog.study_time.time() == QTime(18, 0)
    assert dialog.weekdays.isChecked() and not dialog.study_time.isEnabled()
    dialog.weekly.setChecked(True)
    assert dialog.study_time.isEnabled() and dialog.every_day.isEnabled()
    dialog.study_time.setTime(QTime(6, 30))
    dialog.every_day.setChecked(True)
    assert dialog.options() == CalendarOptions(
        done=DoneSteps.DATED,
        weekly_study=True,
        study_time=time(6, 30),
        study_days=StudyDays.EVERY_DAY,
    )
    dialog.weekly.setChecked(False)
    assert dialog.options() == CalendarOptions()


def test_calendar_dialog_offers_every_day_above_20_hours(qtbot: QtBot) -> None:
    dialog = CalendarOptionsDialog(25)
    qtbot.addWidget(dialog)
    assert dialog.every_day.isChecked()


def test_calendar_dialog_mnemonics_are_unique(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QAbstractButton

    dialog = CalendarOptionsDialog(12)
    qtbot.addWidget(dialog)
    texts = [b.text() for b in dialog.findChildren(QAbstractButton)]
    texts += [label.text() for label in dialog.findChildren(QLabel)]
    keys = [t[t.index("&") + 1].lower() for t in texts if "&" in t and not t.endswith("&")]
    assert len(keys) == len(set(keys)), keys


def test_an_own_cost_of_32_dot_000_is_asked_about_too(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The salary page's 'Yours' cells ask the same question as every money field."""
    asked: list[str] = []

    def thousands(_parent: object, text: str, readings: list[tuple[float, str]]) -> float:
        asked.append(text)
        return readings[0][0]

    monkeypatch.setattr(dialogs, "ask_money_reading", thousands)
    page = window.salary_page
    controller = window.controller
    first = controller.plan.costs.items[0]
    table = page.costs_table
    row = [table.item(r, 0).text() for r in range(table.rowCount())].index(first.label)
    table.item(row, YOURS_COLUMN).setText("32.000")
    assert asked == ["32.000"]
    assert controller.profile.inputs.actual_cost(first.id) == 32_000
