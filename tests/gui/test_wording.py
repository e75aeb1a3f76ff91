"""Wording slips from issue 17, one test each, and readouts that follow every plan change."""

from __future__ import annotations

import re
from datetime import date

from gui_helpers import TODAY, MakePage
from helpers.samples import plan_for
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from planner.core.catalog import Catalog
from planner.gui.forms import make_editor
from planner.gui.hours_chart import month_ticks
from planner.gui.input_fields import NATIONAL_FALLBACK, STATE, specialty_text
from planner.gui.main_window import MainWindow
from planner.gui.progress_page import ProgressPage
from planner.gui.salary_page import HOVER_HINT, SalaryPage
from planner.report.text import progress_to_text


def test_salary_readout_follows_a_certification_change(qtbot: QtBot, make_page: MakePage) -> None:
    page = make_page(SalaryPage)
    controller = page._controller
    chart = page.ensure_chart()
    year_8 = chart.year_text(8)
    assert year_8 is not None
    chart.hovered.emit(year_8)
    assert page.hover_label.text() == year_8
    new_cert = "CCS" if controller.profile.inputs.certification != "CCS" else "CPC"
    specialty = "risk-adjustment"
    assert controller.update_inputs(certification=new_cert, specialty=specialty)
    assert page.hover_label.text() == HOVER_HINT  # not year 8 of the old plan
    assert chart.canvas.toolTip() == ""


def test_passing_mark_of_a_scaled_exam_says_scaled_once() -> None:
    plan = plan_for("CCS", "inpatient-hospital")
    whys = [m.why for m in plan.milestones()]
    assert any("Passing mark: a scaled score of 300." in why for why in whys)
    assert not any("scaled score 300 scaled" in why for why in whys)


def test_score_verdicts_say_unknown_and_scaled_apart(make_page: MakePage) -> None:
    page = make_page(ProgressPage)
    controller = page._controller
    controller.add_score(TODAY, "CPB", 80)
    controller.add_score(date(2026, 3, 1), "CCS", 80)
    verdicts = {
        page.score_table.text(row, 1): page.score_table.text(row, 3)
        for row in range(page.score_table.rowCount())
    }
    assert verdicts["CPB"] == "passing mark not in the data"
    assert verdicts["CCS"] == "scored on a scaled score, not a percent"
    assert "(scaled score)" not in " ".join(verdicts.values())


def test_dates_are_labelled_date_everywhere(window: MainWindow) -> None:
    texts = [label.text() for label in window.findChildren(QLabel)]
    assert not [t for t in texts if re.fullmatch(r"D&?a&?y:", t)]
    progress = [label.text() for label in window.progress_page.findChildren(QLabel)]
    assert progress.count("&Date:") + progress.count("Date:") == 3


def test_the_cpc_a_note_names_its_route_once() -> None:
    plan = plan_for("CPC", "risk-adjustment")
    note = next(w for w in plan.warnings if w.startswith("CPC-A:"))
    assert note.count("Practicode") == 1
    assert "route: the 'A' goes a few weeks after the exam" in note


def test_a_specialty_outside_the_certification_is_explained(catalog: Catalog) -> None:
    text = specialty_text(catalog, "outpatient-physician", "CCS")
    assert "Usually chosen with" not in text
    assert text.endswith("Most who choose it hold the CPC; with the CCS it is less usual.")
    assert "less usual" not in specialty_text(catalog, "outpatient-physician", "CPC")


def test_month_ticks_use_one_format_across_a_new_year() -> None:
    ticks = month_ticks(date(2026, 11, 1), date(2027, 6, 30))
    labels = [label for _day, label in ticks]
    assert labels[:3] == ["Nov '26", "Dec '26", "Jan '27"]
    assert all(re.fullmatch(r"[A-Z][a-z]{2} '\d\d", label) for label in labels)


def test_steps_count_done_or_skipped_in_every_output(make_page: MakePage) -> None:
    page = make_page(ProgressPage)
    controller = page._controller
    text = progress_to_text(controller.plan, controller.progress)
    steps_line = next(line for line in text.splitlines() if "Steps:" in line)
    assert "done or skipped (code-set and CEU reminders not counted)" in steps_line
    assert "done or skipped (code-set and CEU reminders not counted)." in (
        page.milestones_label.text()
    )


def test_state_list_marks_states_on_national_pay(qtbot: QtBot, catalog: Catalog) -> None:
    states = {k: v for k, v in catalog.salary.states.items() if k != "WY"}
    thinner = catalog.model_copy(
        update={"salary": catalog.salary.model_copy(update={"states": states})}
    )
    combo = make_editor(STATE, "test", thinner).widget
    qtbot.addWidget(combo)
    wyoming = combo.findData("WY")
    assert combo.itemText(wyoming) == "WY – Wyoming (national figures)"
    assert combo.itemData(wyoming, Qt.ItemDataRole.ToolTipRole) == NATIONAL_FALLBACK
    texas = combo.findData("TX")
    assert combo.itemText(texas) == "TX – Texas"
    assert combo.itemData(texas, Qt.ItemDataRole.ToolTipRole) is None
