"""The first-run wizard, alone and end to end (no profile → wizard → saved profile → window)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from gui_helpers import TODAY, stored
from PySide6.QtWidgets import QDialog, QWizard
from pytestqt.qtbot import QtBot

from planner.core.catalog import Background, Catalog
from planner.core.inputs import PlanInputs
from planner.gui import app
from planner.gui.wizard import SetupWizard


def fill(wizard: SetupWizard) -> None:
    """Answer every page through the widgets' own API, moving on with Next."""
    wizard.cert_page.select("CCS")
    wizard.next()
    assert wizard.currentPage() is wizard.specialty_page
    wizard.specialty_page.select("cdi")
    wizard.next()
    wizard.schedule_page.start.setDate(wizard.schedule_page.start.date().addDays(14))
    wizard.schedule_page.hours.setValue(7.5)
    wizard.schedule_page.backgrounds[Background.HEALTHCARE].setChecked(True)
    wizard.next()
    details = wizard.details_page
    details.state.setCurrentIndex(details.state.findData("OH"))
    details.income.setText("38,000")
    details.budget.setText("$5,000")
    details.name.setText("  Jordan  ")


EXPECTED = PlanInputs(
    certification="CCS",
    specialty="cdi",
    start=date(2026, 3, 16),
    hours_per_week=7.5,
    background=Background.HEALTHCARE,
    state="OH",
    current_income=38_000,
    budget=5_000,
)


def test_wizard_pages_and_defaults(qtbot: QtBot, catalog: Catalog) -> None:
    wizard = SetupWizard(catalog, TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.cert_page
    assert set(page.buttons) == {c.id for c in catalog.targets()}
    assert not page.isComplete()  # a choice is needed before Next
    assert wizard.schedule_page.start.date().toPython() == TODAY
    assert wizard.schedule_page.hours.minimum() > 0
    assert wizard.schedule_page.hours.maximum() == 80
    assert wizard.schedule_page.background() is Background.NONE
    assert wizard.details_page.state.count() == 52  # "Not set", 50 states and DC
    page.select("CPC")
    wizard.next()
    specs = wizard.specialty_page.list
    first = specs.item(0)
    assert first is not None and first.text() == "Suits CPC"
    texts = [specs.item(i).text() for i in range(specs.count())]  # type: ignore[union-attr]
    assert "Risk adjustment coding  → leads to CRC" in texts
    assert wizard.specialty_page.selected() is not None  # the best fit is preselected


def test_wizard_answers_become_plan_inputs(qtbot: QtBot, catalog: Catalog) -> None:
    wizard = SetupWizard(catalog, TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    fill(wizard)
    with qtbot.waitSignal(wizard.accepted):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result_inputs() == EXPECTED
    assert wizard.result_name() == "Jordan"


def test_bad_money_keeps_the_wizard_open(qtbot: QtBot, catalog: Catalog) -> None:
    wizard = SetupWizard(catalog, TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    fill(wizard)
    wizard.details_page.income.setText("99,999,999")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible()
    assert "Current income" in wizard.details_page.error.text()


def test_first_run_end_to_end(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def answer(self: SetupWizard) -> int:
        self.show()
        fill(self)
        self.button(QWizard.WizardButton.FinishButton).click()
        return int(self.result())

    monkeypatch.setattr(SetupWizard, "exec", answer)
    path = tmp_path / "new" / "profile.json"
    window = app.start_window(path, TODAY, catalog=catalog)
    assert window is not None
    qtbot.addWidget(window)
    assert path.is_file()  # written before the window appears
    saved = stored(path)
    assert saved.inputs == EXPECTED
    assert saved.name == "Jordan"
    assert window.controller.plan.certification == "CCS"
    assert "Jordan" in window.windowTitle()
    assert "(unsaved)" not in window.windowTitle()


def test_cancelled_wizard_writes_nothing(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SetupWizard, "exec", lambda self: int(QDialog.DialogCode.Rejected))
    path = tmp_path / "profile.json"
    assert app.start_window(path, TODAY, catalog=catalog) is None
    assert not path.exists()


def test_a_start_date_far_from_today_needs_a_yes(
    qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.gui import dialogs
    from planner.gui.widgets import to_qdate

    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(
        dialogs, "confirm_start_date", lambda _p, text: asked.append(text) or answer[0]
    )
    wizard = SetupWizard(catalog, TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    while wizard.currentPage() is not wizard.schedule_page:
        wizard.next()
    wizard.schedule_page.start.setDate(to_qdate(date(TODAY.year - 5, 1, 4)))
    wizard.next()
    assert wizard.currentPage() is wizard.schedule_page  # declined: still asking
    assert asked and "more than 2 years ago" in asked[0]
    answer[0] = True
    wizard.next()
    assert wizard.currentPage() is wizard.details_page
