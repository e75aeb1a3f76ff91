"""The salary chart on a bare matplotlib Figure: no Qt, no pyplot."""

from __future__ import annotations

from datetime import date

import pytest
from matplotlib.figure import Figure

from planner.core.catalog import Catalog
from planner.core.inputs import PlanInputs
from planner.core.plan import Plan, build_plan
from planner.report.charts import plot_salary, salary_source_line


@pytest.fixture(
    scope="module", params=[("CPC", "risk-adjustment", 32_000.0), ("RHIT", "him", None)]
)
def plan(request: pytest.FixtureRequest, catalog: Catalog) -> Plan:
    cert, spec, income = request.param
    inputs = PlanInputs(
        certification=cert,
        specialty=spec,
        start=date(2026, 1, 5),
        hours_per_week=10,
        current_income=income,
    )
    return build_plan(inputs, catalog)


def draw(plan: Plan) -> tuple[Figure, dict[str, object]]:
    figure = Figure(figsize=(8, 4))
    axes = figure.add_subplot()
    artists = plot_salary(axes, plan)
    figure.canvas.draw()  # the Agg canvas of a bare Figure: renders without a window
    return figure, artists


def test_lines_are_the_plan_salary(plan: Plan) -> None:
    _figure, artists = draw(plan)
    years = [row.year for row in plan.salary]
    for name in ("low", "median", "high"):
        line = artists[name]
        assert list(line.get_xdata()) == years  # type: ignore[attr-defined]
        assert list(line.get_ydata()) == [getattr(r, name) for r in plan.salary]  # type: ignore[attr-defined]


def test_band_order_low_median_high(plan: Plan) -> None:
    _figure, artists = draw(plan)
    low = artists["low"].get_ydata()  # type: ignore[attr-defined]
    median = artists["median"].get_ydata()  # type: ignore[attr-defined]
    high = artists["high"].get_ydata()  # type: ignore[attr-defined]
    assert all(lo <= mid <= hi for lo, mid, hi in zip(low, median, high, strict=True))


def test_labels_title_and_legend(plan: Plan) -> None:
    figure, artists = draw(plan)
    axes = figure.axes[0]
    assert axes.get_xlabel() == "Plan year"
    assert axes.get_ylabel() == "Income per year (USD)"
    assert plan.certification in axes.get_title()
    legend = axes.get_legend()
    assert legend is not None
    labels = [text.get_text() for text in legend.get_texts()]
    assert {"Low", "Median", "High", "Low to high"} <= set(labels)
    assert ("Current income" in labels) == (plan.inputs.current_income is not None)
    marks = [label for label, _line in artists["marks"]]  # type: ignore[attr-defined]
    assert plan.certification in marks
    ticks = [t.get_text() for t in axes.get_yticklabels()]
    assert any(t.startswith("$") and t.endswith("k") for t in ticks)


def test_source_line_names_dated_sources(plan: Plan) -> None:
    line = salary_source_line(plan)
    assert line.startswith("Sources: ")
    assert "BLS" in line
    assert "not a promise" in line
