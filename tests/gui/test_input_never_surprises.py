"""Every field commits what it shows: typed numbers, out-of-range values, money in any locale."""

from __future__ import annotations

from datetime import date

import pytest
from gui_helpers import MakePage
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from planner.core.catalog import Catalog
from planner.gui.forms import FieldProblem, MoneyField
from planner.gui.input_fields import parse_money
from planner.gui.main_window import MainWindow
from planner.gui.number_input import NumberSpin
from planner.gui.progress_page import ProgressPage
from planner.gui.wizard import SetupWizard

US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
GERMANY = QLocale(QLocale.Language.German, QLocale.Country.Germany)


def _retype(qtbot: QtBot, widget: object, text: str) -> None:
    """Select what the field holds and type over it, key by key, as a user does."""
    widget.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(widget, text)


def test_study_log_typed_zero_is_refused_not_logged_as_the_old_value(
    qtbot: QtBot, make_page: MakePage
) -> None:
    page = make_page(ProgressPage)
    controller = page._controller
    before = len(controller.profile.study_log)
    page.log_hours.setValue(3)
    page.log_topic.setText("Modifiers")
    page.log_hours.setFocus()
    _retype(qtbot, page.log_hours, "0")
    assert page.log_hours.text() == "0 h"
    page.log_add.click()  # Alt+L: the button acts without taking the focus
    assert len(controller.profile.study_log) == before  # neither 3 h nor anything else
    problem = page.findChild(QLabel, "studyHoursProblem")
    assert not problem.isHidden()
    assert problem.text() == "⚠ Hours must be between 0.25 and 24 h; 0 is not."


def test_study_log_typed_thirty_shows_thirty_and_is_refused(
    qtbot: QtBot, make_page: MakePage
) -> None:
    page = make_page(ProgressPage)
    controller = page._controller
    before = len(controller.profile.study_log)
    page.log_hours.setValue(3)
    page.log_topic.setText("Modifiers")
    _retype(qtbot, page.log_hours, "30")
    assert page.log_hours.text() == "30 h"  # the 0 is not dropped
    page.log_add.click()
    assert len(controller.profile.study_log) == before
    assert "between 0.25 and 24 h; 30 is not" in page.log_hours_problem.text()
    _retype(qtbot, page.log_hours, "2.5")
    assert page.log_hours_problem.isHidden()
    page.log_add.click()
    assert controller.profile.study_log[-1].hours == 2.5


def test_leaving_the_hours_field_moves_the_number_and_says_so(
    qtbot: QtBot, make_page: MakePage
) -> None:
    page = make_page(ProgressPage)
    controller = page._controller
    before = len(controller.profile.study_log)
    page.log_topic.setText("Modifiers")
    page.log_hours.setValue(3)
    _retype(qtbot, page.log_hours, "0")
    page.log_hours.interpretText()  # what leaving the field does
    assert page.log_hours.value() == 0.25 and page.log_hours.text() == "0.25 h"
    assert page.log_hours_problem.text() == (
        "⚠ Hours must be between 0.25 and 24 h: 0 was changed to 0.25."
    )
    page.log_add.click()  # the click that took the focus: not logged unseen
    assert len(controller.profile.study_log) == before
    page.log_add.click()  # now the user has seen 0.25 h
    assert controller.profile.study_log[-1].hours == 0.25


def test_wizard_hours_below_the_least_are_moved_with_a_message(
    qtbot: QtBot, catalog: Catalog
) -> None:
    wizard = SetupWizard(catalog, date(2026, 3, 2))
    qtbot.addWidget(wizard)
    hours = wizard.schedule_page.hours
    _retype(qtbot, hours, "0.2")
    assert hours.text() == "0.2 h/week"
    hours.interpretText()  # Tab out of the field
    assert hours.value() == 0.5  # the least a plan allows, not back to 10
    problem = wizard.findChild(QLabel, "wizardHoursProblem")
    assert problem.text() == (
        "⚠ Study hours must be between 0.5 and 80 h/week: 0.2 was changed to 0.5."
    )
    wizard.cert_page.select("CPC")
    wizard.specialty_page.fill("CPC")
    assert wizard.result_inputs().hours_per_week == 0.5


def test_money_in_the_us_asks_about_32_dot_000(qtbot: QtBot) -> None:
    edit = QLineEdit()
    edit.setObjectName("income")
    field = MoneyField(edit, 10_000_000, US)
    qtbot.addWidget(field.row)  # the row holds the field and its message
    qtbot.keyClicks(edit, "32.000")
    assert edit.text() == "32.000"  # no key dropped
    with pytest.raises(ValueError, match="unclear"):
        field.value()
    problem = field.problem
    assert problem.text() == (
        "⚠ “32.000” is unclear: type 32,000 for 32,000 dollars or 32.00 for 32 dollars"
    )
    edit.clear()
    qtbot.keyClicks(edit, "$32,000")
    assert problem.text() == ""
    assert field.value() == 32_000
    field.show(45_500.0)
    assert edit.text() == "45,500"


def test_money_in_germany_reads_32_dot_000_as_thousands(qtbot: QtBot) -> None:
    edit = QLineEdit()
    field = MoneyField(edit, 10_000_000, GERMANY)
    qtbot.addWidget(field.row)
    qtbot.keyClicks(edit, "32.000")
    assert field.value() == 32_000
    edit.setText("1.250,50")
    assert field.value() == 1250.5
    field.show(45_500.0)
    assert edit.text() == "45.500"


def test_wizard_refuses_an_unclear_income(
    qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = SetupWizard(catalog, date(2026, 3, 2))
    qtbot.addWidget(wizard)
    wizard.cert_page.select("CPC")
    wizard.specialty_page.fill("CPC")
    qtbot.keyClicks(wizard.details_page.income, "32.000")
    with pytest.raises(FieldProblem, match=r"Current income “32\.000” is unclear"):
        wizard.result_inputs()
    wizard.details_page.income.clear()
    qtbot.keyClicks(wizard.details_page.income, "32,000")
    assert wizard.result_inputs().current_income == 32_000


@pytest.mark.parametrize(
    ("text", "group", "decimal", "expected"),
    [
        ("$32,000", ",", ".", 32_000.0),
        ("32000.50", ",", ".", 32_000.5),
        ("1,234,567", ",", ".", 1_234_567.0),
        ("32.000", ".", ",", 32_000.0),
        ("32 000,5", "\u00a0", ",", 32_000.5),
        ("", ",", ".", None),
    ],
)
def test_parse_money_follows_the_separators(
    text: str, group: str, decimal: str, expected: float | None
) -> None:
    assert parse_money(text, group=group, decimal=decimal) == expected


@pytest.mark.parametrize("text", ["32,00", "3,2000", "32.000,5", "12.345", "1.2.3", "abc"])
def test_parse_money_refuses_what_it_cannot_read_for_sure(text: str) -> None:
    with pytest.raises(ValueError):
        parse_money(text, group=",", decimal=".")


def test_ctrl_z_in_a_spin_box_undoes_the_last_action(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("settings")
    page = window.settings_page
    controller = window.controller
    before = controller.profile.inputs.hours_per_week
    page.hours.setFocus()
    _retype(qtbot, page.hours, "12")
    qtbot.keyClick(page.hours, Qt.Key.Key_Return)
    assert controller.profile.inputs.hours_per_week == 12
    qtbot.keyClick(page.hours, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert controller.profile.inputs.hours_per_week == before
    assert page.hours.value() == before


def test_a_score_above_100_is_refused_with_a_message(qtbot: QtBot, make_page: MakePage) -> None:
    page = make_page(ProgressPage)
    controller = page._controller
    before = len(controller.profile.scores)
    page.score_percent.setValue(70)
    _retype(qtbot, page.score_percent, "150")
    assert page.score_percent.text() == "150 %"
    page.score_add.click()
    assert len(controller.profile.scores) == before
    assert page.score_problem.text() == "⚠ Score must be between 0 and 100%; 150 is not."
    _retype(qtbot, page.score_percent, "85")
    page.score_add.click()
    assert controller.profile.scores[-1].percent == 85


def test_zero_ceu_credits_are_refused_with_a_message(qtbot: QtBot, make_page: MakePage) -> None:
    page = make_page(ProgressPage)
    controller = page._controller
    _retype(qtbot, page.ceu_credits, "0")
    page.ceu_add.click()
    assert controller.profile.ceus == []
    assert "Credits must be between 0.25 and 100" in page.ceu_problem.text()


def test_settings_hours_moved_into_range_commit_and_keep_the_message(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.settings_page
    _retype(qtbot, page.hours, "0.2")
    page.hours.interpretText()  # leaving the field
    assert window.controller.profile.inputs.hours_per_week == 0.5  # what the field now shows
    problem = page.findChild(QLabel, "settingsHoursProblem")
    assert problem.text().endswith("0.2 was changed to 0.5.")  # not wiped by the commit
    _retype(qtbot, page.hours, "6")
    assert problem.isHidden()


def test_wizard_does_not_move_on_with_hours_it_cannot_use(qtbot: QtBot, catalog: Catalog) -> None:
    wizard = SetupWizard(catalog, date(2026, 3, 2))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.cert_page.select("CPC")
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.schedule_page
    _retype(qtbot, wizard.schedule_page.hours, "200")
    wizard.next()  # Alt+N: the focus stays in the field
    assert wizard.currentPage() is wizard.schedule_page
    assert "must be between 0.5 and 80 h/week; 200 is not" in (
        wizard.findChild(QLabel, "wizardHoursProblem").text()
    )
    _retype(qtbot, wizard.schedule_page.hours, "8")
    wizard.next()
    assert wizard.currentPage() is wizard.details_page
    assert wizard.schedule_page.hours.value() == 8


def test_hours_follow_the_locale_decimal_comma(qtbot: QtBot) -> None:
    spin = NumberSpin("Hours", " h")
    qtbot.addWidget(spin)
    spin.setLocale(GERMANY)
    spin.setRange(0.25, 24)
    spin.setDecimals(2)
    _retype(qtbot, spin, "2,5")
    assert spin.checked_value() == 2.5
    _retype(qtbot, spin, "30")
    with pytest.raises(ValueError, match="between 0,25 and 24 h; 30 is not"):
        spin.checked_value()
