"""The one field table: the wizard and the settings page show and read every input alike."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

import pytest
from gui_helpers import TODAY
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from planner.core.catalog import Background, Catalog
from planner.core.dates import format_month
from planner.core.inputs import MAX_HOURS_PER_WEEK, MIN_HOURS_PER_WEEK, PlanInputs
from planner.gui import input_fields as fields
from planner.gui.forms import FieldProblem, date_edit, read_value
from planner.gui.main_window import MainWindow
from planner.gui.widgets import fmt_date
from planner.gui.wizard import SetupWizard

EVERY_INPUT = PlanInputs(
    certification="CCS",
    specialty="cdi",
    start=date(2026, 5, 4),
    hours_per_week=12.5,
    background=Background.TERMINOLOGY,
    state="OH",
    current_income=41_250,
    budget=2_500,
    target_exam_date=date(2027, 9, 14),
)


def _labels_by_buddy(root: QWidget) -> dict[QWidget, str]:
    return {
        label.buddy(): label.text()
        for label in root.findChildren(QLabel)
        if label.buddy() is not None
    }


def test_the_table_lists_every_plan_input_once() -> None:
    keys = [field.key for field in fields.FIELDS]
    # own costs are entered in the Salary page's cost table, not in the settings form
    on_salary_page = {"actual_costs"}
    assert sorted(k for k in keys if k != "name") == sorted(
        set(PlanInputs.model_fields) - on_salary_page
    )
    assert len(set(keys)) == len(keys)
    assert len({field.suffix for field in fields.FIELDS}) == len(keys)


def test_wizard_and_settings_share_labels_help_and_limits(
    qtbot: QtBot, window: MainWindow, catalog: Catalog
) -> None:
    wizard = SetupWizard(catalog, TODAY)
    qtbot.addWidget(wizard)
    page = window.settings_page
    settings_labels = _labels_by_buddy(page)
    wizard_labels = _labels_by_buddy(wizard)
    asked_in_forms = (fields.START, fields.HOURS, fields.STATE, fields.INCOME, fields.BUDGET)
    for field in (*asked_in_forms, fields.NAME):
        in_settings = page.findChild(QWidget, f"settings{field.suffix}")
        in_wizard = wizard.findChild(QWidget, f"wizard{field.suffix}")
        assert in_settings is not None and in_wizard is not None, field.key
        assert settings_labels[in_settings] == wizard_labels[in_wizard] == field.label
        assert in_settings.accessibleName() == in_wizard.accessibleName() == field.accessible
        assert in_settings.toolTip() == in_wizard.toolTip() == field.note
    for hours in (page.hours, wizard.schedule_page.hours):
        assert (hours.minimum(), hours.maximum()) == (MIN_HOURS_PER_WEEK, MAX_HOURS_PER_WEEK)
    for start in (page.start, wizard.schedule_page.start):
        assert (start.minimumDate().toPython(), start.maximumDate().toPython()) == (
            date(1990, 1, 1),
            date(2100, 12, 31),
        )
    for name in (page.name, wizard.details_page.name):
        assert isinstance(name, QLineEdit) and name.maxLength() == 200
    # the same choices, in the same order
    assert [page.state.itemData(i) for i in range(page.state.count())] == [
        wizard.details_page.state.itemData(i) for i in range(wizard.details_page.state.count())
    ]
    assert list(wizard.schedule_page.backgrounds) == [
        page.background.itemData(i) for i in range(page.background.count())
    ]
    assert list(wizard.cert_page.buttons) == [
        page.certification.itemData(i) for i in range(page.certification.count())
    ]
    # the specialty headings read the same on both (the drop-down adds dashes)
    page.certification.setCurrentIndex(page.certification.findData("CPC"))
    assert page.specialty.itemText(0) == "— Suits CPC —"


def test_wizard_gives_back_what_it_was_given(qtbot: QtBot, catalog: Catalog) -> None:
    wizard = SetupWizard(catalog, TODAY, initial=EVERY_INPUT, name="Robin")
    qtbot.addWidget(wizard)
    assert wizard.result_inputs() == EVERY_INPUT
    assert wizard.result_name() == "Robin"


def test_settings_show_and_read_every_field(window: MainWindow) -> None:
    page = window.settings_page
    page.load(EVERY_INPUT, "Robin")
    read: dict[str, Any] = {
        field.key: read_value(field, editor)
        for field, editor in page.editors.items()
        if field.in_inputs
    }
    assert PlanInputs(**read) == EVERY_INPUT
    assert page.name.text() == "Robin"
    assert page.exam_date.isEnabled()


def test_a_wrong_amount_names_the_field(window: MainWindow) -> None:
    page = window.settings_page
    page.budget.setText("20,000,000")
    with pytest.raises(FieldProblem, match=r"^Budget must be between \$0 and \$10,000,000$"):
        read_value(fields.BUDGET, page.editors[fields.BUDGET])


def test_exam_date_check_box_turns_the_date_on(window: MainWindow) -> None:
    page = window.settings_page
    controller = window.controller
    assert isinstance(page.has_exam_date, QCheckBox)
    assert not page.exam_date.isEnabled()
    page.has_exam_date.setChecked(True)
    assert page.exam_date.isEnabled()
    assert controller.profile.inputs.target_exam_date == controller.plan.exam_date
    page.has_exam_date.setChecked(False)
    assert controller.profile.inputs.target_exam_date is None
    assert not page.exam_date.isEnabled()


def _french_strftime(real: Any) -> Any:
    months = [
        "janv.",
        "févr.",
        "mars",
        "avr.",
        "mai",
        "juin",
        "juil.",
        "août",
        "sept.",
        "oct.",
        "nov.",
        "déc.",
    ]

    def strftime(fmt: str, when: Any = None) -> str:
        fmt = fmt.replace("%b", months[when.tm_mon - 1]) if when is not None else fmt
        return str(real(fmt, when)) if when is not None else str(real(fmt))

    return strftime


def test_dates_do_not_follow_the_locale(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # no other locale is installed here: make %b French the way a French LC_TIME would
    monkeypatch.setattr(time, "strftime", _french_strftime(time.strftime))
    day = date(2027, 3, 1)
    assert f"{day:%b}" == "mars"  # the stand-in works
    assert fmt_date(day) == "Mar 1, 2027"
    assert format_month(day) == "Mar '27"
    window.settings_page.load(window.controller.profile.inputs, "x")
    note = window.settings_page.plan_note.text()
    plan = window.controller.plan
    assert f"exam on {fmt_date(plan.exam_date)};" in note
    assert f"specialized by {fmt_date(plan.specialized_date)}." in note
    # Qt's date pickers follow QLocale: they are English like the rest of the app
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        edit = date_edit("probe", "Probe")
        qtbot.addWidget(edit)
        edit.setDate(day)
        assert edit.text() == "Mar 1, 2027"
    finally:
        QLocale.setDefault(previous)
