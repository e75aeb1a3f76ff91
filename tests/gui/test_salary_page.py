"""The Salary page: the lazily built chart, its hover text, sources, costs and income tables."""

from __future__ import annotations

import pytest
from matplotlib.backend_bases import MouseEvent
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.gui.main_window import MainWindow
from planner.gui.salary_page import YOURS_COLUMN, SalaryPage, parse_money
from planner.gui.widgets import fmt_money
from planner.report.charts import salary_source_line


def open_chart(qtbot: QtBot, window: MainWindow) -> SalaryPage:
    page = window.salary_page
    assert page.chart is None  # nothing is drawn before the page is first shown
    with qtbot.waitSignal(page.chartReady, timeout=10_000):
        window.show_page("salary")
    assert page.chart is not None
    return page


def test_chart_shows_the_plan_salary(qtbot: QtBot, window: MainWindow) -> None:
    page = open_chart(qtbot, window)
    plan = window.controller.plan
    chart = page.chart
    assert chart is not None
    assert chart.median_values() == [float(row.median) for row in plan.salary]
    low = [float(v) for v in chart.artists["low"].get_ydata()]
    high = [float(v) for v in chart.artists["high"].get_ydata()]
    assert all(
        lo <= mid <= hi for lo, mid, hi in zip(low, chart.median_values(), high, strict=True)
    )
    assert chart.axes.get_xlabel() == "Plan year"
    assert page.source_label.text() == salary_source_line(plan)
    assert page.source_label.text().startswith("Sources:")
    qtbot.waitUntil(lambda: chart.draw_count > 0, timeout=5000)


def test_hover_shows_the_year(qtbot: QtBot, window: MainWindow) -> None:
    page = open_chart(qtbot, window)
    chart = page.chart
    assert chart is not None
    chart.canvas.draw()
    row = window.controller.plan.salary[2]
    x, y = chart.axes.transData.transform((row.year, row.median))
    MouseEvent("motion_notify_event", chart.canvas, x, y)._process()
    text = page.hover_label.text()
    assert text.startswith(f"Year {row.year} ")
    assert f"median {fmt_money(row.median)}" in text
    assert f"low {fmt_money(row.low)}" in text and f"high {fmt_money(row.high)}" in text


def test_costs_and_income_tables(window: MainWindow) -> None:
    page = window.salary_page
    plan = window.controller.plan
    costs = page.costs_table
    assert costs.rowCount() == len(plan.costs.items)
    assert [costs.item(r, 0).text().split(" (×")[0] for r in range(costs.rowCount())] == [
        i.label for i in plan.costs.items
    ]
    assert costs.item(0, 4).text() == fmt_money(plan.costs.items[0].planned)
    summary = page.costs_summary.text()
    assert f"Up front: {fmt_money(plan.costs.upfront_planned)}" in summary
    assert f"Over the whole plan: {fmt_money(plan.costs.total_planned)}" in summary
    assert plan.costs.budget_note.startswith("Budget check:")
    assert "budget of $4,000" in plan.costs.budget_note
    assert plan.costs.budget_note in summary
    assert "fits your budget" not in summary
    assert f"Break-even: {plan.costs.break_even_note}" in summary
    income = page.salary_table
    assert income.rowCount() == len(plan.salary)
    assert income.item(3, 3).text() == fmt_money(plan.salary[3].median)


def test_chart_follows_plan_changes(qtbot: QtBot, window: MainWindow) -> None:
    page = open_chart(qtbot, window)
    chart = page.chart
    assert chart is not None
    before = chart.median_values()
    window.controller.update_inputs(certification="CCS", specialty="inpatient-hospital")
    after = chart.median_values()
    assert after == [float(row.median) for row in window.controller.plan.salary]
    assert after != before
    assert "CCS" in chart.axes.get_title()


def test_page_says_vintage_band_meaning_and_context(window: MainWindow) -> None:
    about = window.salary_page.about_label.text()
    assert "Pay data: BLS OEWS May 2024; AAPC salary survey 2025" in about
    assert "In 2024 dollars; raises above inflation only." in about
    assert "10th percentile (low)" in about and "90th percentile" in about
    for figure in ("$81,227", "55%", "14,200", "7%", "$56,520", "$45,620"):
        assert figure in about


def test_own_cost_entered_in_the_table_replaces_the_estimate(window: MainWindow) -> None:
    page = window.salary_page
    controller = window.controller
    table = page.costs_table
    row = [table.item(r, 0).text() for r in range(table.rowCount())].index(
        controller.plan.costs.items[0].label
    )
    first_id = controller.plan.costs.items[0].id
    assert not table.item(row, 0).flags() & Qt.ItemFlag.ItemIsEditable
    assert table.item(row, YOURS_COLUMN).flags() & Qt.ItemFlag.ItemIsEditable
    table.item(row, YOURS_COLUMN).setText("$1,234")
    assert controller.profile.inputs.actual_cost(first_id) == 1234
    item = controller.plan.costs.items[0]
    assert (item.planned, item.entered) == (1234, True)
    assert table.item(row, YOURS_COLUMN).text() == fmt_money(1234)
    table.item(row, YOURS_COLUMN).setText("")
    assert controller.profile.inputs.actual_cost(first_id) is None
    errors: list[str] = []
    controller.errorOccurred.connect(errors.append)
    table.item(row, YOURS_COLUMN).setText("lots")
    assert errors and "not an amount in dollars" in errors[0]
    assert controller.profile.inputs.actual_cost(first_id) is None


def test_parse_money() -> None:
    assert parse_money(" $1,250 ") == 1250.0
    assert parse_money("") is None
    with pytest.raises(ValueError):
        parse_money("-5")
