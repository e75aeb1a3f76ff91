"""The Salary page: the lazily built chart, its hover text, sources, costs and income tables."""

from __future__ import annotations

from matplotlib.backend_bases import MouseEvent
from pytestqt.qtbot import QtBot

from planner.gui.main_window import MainWindow
from planner.gui.salary_page import SalaryPage
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
