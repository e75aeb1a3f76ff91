"""Chart colours: WCAG contrast of text and lines on the chart background, print and dark."""

from __future__ import annotations

import pytest
from helpers.samples import plan_for
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from planner.core.catalog import Catalog
from planner.report.charts import (
    DARK_COLORS,
    PRINT_COLORS,
    ChartColors,
    contrast_ratio,
    plot_compare_pay,
    plot_salary,
)

TEXT_AA = 4.5  # WCAG AA, normal text
GRAPHICS = 3.0  # WCAG 1.4.11, lines a reader must tell from the background


def test_contrast_ratio_matches_wcag() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the AA grey
    assert contrast_ratio("#ffffff", "#767676") == contrast_ratio("#767676", "#ffffff")


@pytest.mark.parametrize("colors", [PRINT_COLORS, DARK_COLORS], ids=["print", "dark"])
def test_chart_text_and_lines_read_on_their_background(colors: ChartColors) -> None:
    backgrounds = (colors.background, *colors.phase_shades)
    for text in (colors.text, colors.mark_text):
        assert contrast_ratio(text, colors.background) >= TEXT_AA
    for shade in backgrounds:
        assert contrast_ratio(colors.mark_text, shade) >= TEXT_AA  # date labels over phases
        assert contrast_ratio(colors.phase_text, shade) >= TEXT_AA  # phase numbers
        assert contrast_ratio(colors.median, shade) >= GRAPHICS
        assert contrast_ratio(colors.mark, shade) >= GRAPHICS
    for line in (colors.income, colors.axis, *colors.compare_lines):
        assert contrast_ratio(line, colors.background) >= GRAPHICS


def test_plot_salary_draws_in_the_colours_given() -> None:
    figure = Figure()
    ax = figure.add_subplot()
    artists = plot_salary(ax, plan_for(), colors=DARK_COLORS)
    assert to_hex(ax.get_facecolor()) == DARK_COLORS.background
    assert to_hex(figure.get_facecolor()) == DARK_COLORS.background
    assert to_hex(artists["median"].get_color()) == DARK_COLORS.median
    assert to_hex(ax.title.get_color()) == DARK_COLORS.text
    assert {to_hex(label.get_color()) for label in ax.get_yticklabels()} <= {DARK_COLORS.text}
    assert {to_hex(note.get_color()) for note in artists["mark_labels"]} == {DARK_COLORS.mark_text}
    legend = ax.get_legend()
    assert {to_hex(text.get_color()) for text in legend.get_texts()} == {DARK_COLORS.text}
    assert to_hex(legend.get_frame().get_facecolor()) == DARK_COLORS.background


def test_the_print_colours_stay_light() -> None:
    ax = Figure().add_subplot()
    artists = plot_salary(ax, plan_for())
    assert to_hex(ax.get_facecolor()) == "#ffffff"
    assert to_hex(artists["median"].get_color()) == PRINT_COLORS.median


def test_compare_lines_take_the_colours_given(catalog: Catalog) -> None:
    from planner.core.compare import result_of

    plan = plan_for()
    ax = Figure().add_subplot()
    artists = plot_compare_pay(ax, [result_of(plan, catalog)], ["Mine"], colors=DARK_COLORS)
    assert to_hex(artists["Mine"].get_color()) == DARK_COLORS.compare_lines[0]
    assert to_hex(ax.get_facecolor()) == DARK_COLORS.background
