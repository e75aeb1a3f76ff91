"""Printed roadmap layout: phase labels stay on the page, date lines clear the phase numbers,
and the footer shortens the learner's name only when the line is full."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.samples import plan_for, studied_profile
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from pypdf import PdfReader

from planner.core.catalog import Background, Catalog
from planner.core.state import derive
from planner.render.layout import footer_places
from planner.render.printing import export_pdf
from planner.report.chart_svg import SALARY_FIGSIZE, timeline_figure
from planner.report.charts import MARK_TOP, phase_label_place, plot_salary


@pytest.fixture(scope="module", autouse=True)
def _shared_app(qapp: Any) -> None:
    """Exports run in pytest's one QApplication (see test_export_pdf)."""


@pytest.mark.parametrize(
    ("cert", "specialty", "background"),
    [
        ("RHIT", "auditing", Background.NONE),  # the shortest phase 5: 629 days
        ("CPC", "risk-adjustment", Background.CODING),  # the longest
        ("CCS", "inpatient-hospital", Background.HEALTHCARE),
    ],
)
def test_every_phase_label_stays_inside_the_printed_timeline(
    cert: str, specialty: str, background: Background
) -> None:
    plan = plan_for(cert, specialty, background)
    fig = timeline_figure(plan, plan.phases[0].start)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    page = fig.bbox  # the SVG ends here: anything beyond is cut off in print
    ax = fig.axes[0]
    labels = [t for t in ax.texts if t.get_text()[:1].isdigit()]
    assert len(labels) == len(plan.phases)
    for text in labels:
        box = text.get_window_extent(renderer)
        # 10% to spare where the text grows: the printed SVG's font may run a little wider
        grows = {"left": (0.0, 0.1), "right": (0.1, 0.0), "center": (0.05, 0.05)}
        before, after = (share * box.width for share in grows[text.get_horizontalalignment()])
        assert box.x0 - before >= page.x0 and box.x1 + after <= page.x1, text.get_text()


def test_a_label_too_long_for_a_short_last_bar_goes_to_its_left() -> None:
    x, align = phase_label_place(left=3000, width=600, first=0, last=3600, characters=21)
    assert (x, align) == (2985, "right")
    assert phase_label_place(0, 3000, 0, 3600, 21) == (1500, "center")
    assert phase_label_place(1000, 50, 0, 3600, 10) == (1065, "left")


def test_date_lines_stop_below_the_phase_numbers() -> None:
    plan = plan_for("CPC", "risk-adjustment")
    fig = Figure(figsize=SALARY_FIGSIZE, dpi=72)
    ax = fig.add_subplot()
    artists = plot_salary(ax, plan)
    top = ax.get_ylim()[1]
    numbers = [t for t in ax.texts if t.get_text().isdigit()]
    assert numbers and all(t.get_position()[1] / top > MARK_TOP for t in numbers)
    for _label, line in artists["marks"]:
        assert max(line.get_ydata()) == MARK_TOP  # axes fraction: below the numbers


def test_footer_keeps_the_name_when_there_is_room() -> None:
    room, middle_x = footer_places(500, (200, 120, 60), 10)  # centred middle would overlap
    assert room >= 200 and middle_x == 210
    assert footer_places(500, (100, 120, 60), 10) == (180, 190)  # centred
    room, middle_x = footer_places(500, (400, 120, 60), 10)  # full line: shortened
    assert room == 500 - 120 - 60 - 20 and middle_x == room + 10


def test_printed_footer_shows_the_whole_name(tmp_path: Path, catalog: Catalog) -> None:
    profile = studied_profile("Jo Keyboard-Navigator")
    target = tmp_path / "roadmap.pdf"
    export_pdf(derive(profile, catalog, profile.inputs.start), target, paper="letter")
    first_page = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert "CPC roadmap for Jo Keyboard-Navigator" in first_page
