"""Exports finish what the app does: CLI file extensions, visible print hatching, study times."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers.cli import PLAN, codepath
from helpers.samples import studied_profile
from icalendar import Calendar
from pypdf import PdfReader
from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from planner.core.catalog import Catalog
from planner.core.state import PlanState, derive
from planner.report.calendar import CalendarOptions, StudyDays, build_calendar
from planner.report.chart_svg import HATCH_COLOR, TIMELINE_FIGSIZE, figure_svg, timeline_figure
from planner.report.charts import PHASE_HATCHES

TODAY = date(2027, 9, 1)
SCALE = 4  # pixels per point in the rendered chart


@pytest.fixture(scope="module", autouse=True)
def _shared_app(qapp: Any) -> None:
    """QtSvg renders in pytest's one QApplication (see test_export_pdf)."""


@pytest.fixture(scope="module")
def state(catalog: Catalog) -> PlanState:
    return derive(studied_profile(), catalog, TODAY)


def _study_block(data: bytes) -> Any:
    calendar = Calendar.from_ical(data)
    return next(e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("study-block-"))


# ---------------------------------------------------------------------- file names


def test_cli_export_adds_the_missing_extensions(tmp_path: Path) -> None:
    assert codepath(*PLAN, "--save", home=tmp_path).returncode == 0
    result = codepath(
        "export", "--ics", str(tmp_path / "milestones"), "--pdf", str(tmp_path / "x"), home=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "milestones.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")
    assert not (tmp_path / "milestones").exists() and not (tmp_path / "x").exists()
    assert f"Wrote {tmp_path / 'milestones.ics'}" in result.stdout
    kept = codepath("export", "--ics", str(tmp_path / "plan.ICS"), home=tmp_path)
    assert kept.returncode == 0 and (tmp_path / "plan.ICS").exists()


# ---------------------------------------------------------------------- print hatching


def test_timeline_hatch_lines_lie_above_their_bars(state: PlanState) -> None:
    fig = timeline_figure(state.plan, TODAY)
    ax = fig.axes[0]
    bars = list(ax.patches)
    hatches = [c for c in ax.collections if str(c.get_gid()).startswith("vector-hatch")]
    assert len(hatches) == 1
    assert all(hatches[0].get_zorder() > bar.get_zorder() for bar in bars)
    for number, bar in enumerate(bars, start=1):
        bar.set_gid(f"phase-bar-{number}")
    svg = figure_svg(fig).decode("utf-8")
    painted = svg.index('id="vector-hatch')
    assert all(svg.index(f'id="phase-bar-{n}"') < painted for n in range(1, len(bars) + 1))


def _rendered_timeline(state: PlanState) -> tuple[QImage, list[Any]]:
    fig = timeline_figure(state.plan, TODAY)
    boxes = [bar.get_window_extent() for bar in fig.axes[0].patches]
    width, height = (round(size * 72 * SCALE) for size in TIMELINE_FIGSIZE)
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    renderer = QSvgRenderer(QByteArray(figure_svg(fig)))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return image, boxes


def _hatch_pixels(image: QImage, box: Any) -> int:
    """Pixels of the hatch colour inside ``box`` (points, from the bottom), its edge left out."""
    hatch = QColor(HATCH_COLOR)
    top = image.height() / SCALE
    found = 0
    for x in range(round((box.x0 + 1.5) * SCALE), round((box.x1 - 1.5) * SCALE)):
        for y in range(round((top - box.y1 + 1.5) * SCALE), round((top - box.y0 - 1.5) * SCALE)):
            pixel = image.pixelColor(x, y)
            close = (
                abs(pixel.red() - hatch.red())
                + abs(pixel.green() - hatch.green())
                + abs(pixel.blue() - hatch.blue())
            )
            found += close < 60
    return found


def test_hatched_bars_show_their_hatching_when_printed(state: PlanState) -> None:
    image, boxes = _rendered_timeline(state)
    hatched = [number for number, hatch in enumerate(PHASE_HATCHES, start=1) if hatch]
    assert hatched == [2, 4]
    for number, box in enumerate(boxes[:4], start=1):
        pixels = _hatch_pixels(image, box)
        if number in hatched:
            assert pixels >= 3, f"phase {number}: no hatching seen"
        else:
            assert pixels == 0, f"phase {number}: hatching where there is none"


def test_the_pdf_page_strokes_hatch_lines_after_the_bars(tmp_path: Path, state: PlanState) -> None:
    from planner.render.printing import export_pdf

    path = tmp_path / "roadmap.pdf"
    export_pdf(state, path, paper="letter")
    ops = PdfReader(path).pages[0].get_contents().get_data().decode("latin-1")  # type: ignore[union-attr]
    colours = [
        (m.start(), tuple(round(float(v) * 255) for v in m.groups()))
        for m in re.finditer(r"([\d.]+) ([\d.]+) ([\d.]+) SCN", ops)
    ]
    hatch = QColor(HATCH_COLOR).getRgb()[:3]
    edge = QColor("#44546a").getRgb()[:3]  # the timeline bars' outline
    strokes = [at for at, rgb in colours if rgb == hatch]
    bars = [at for at, rgb in colours if rgb == edge]
    assert len(strokes) >= 3  # the hatch lines of phases 2 and 4
    assert bars and strokes[0] > bars[0]  # over the first bar, not hidden beneath it


# ---------------------------------------------------------------------- weekly study block


def test_study_block_at_the_chosen_time_and_days(state: PlanState) -> None:
    options = CalendarOptions(
        weekly_study=True, study_time=time(7, 30), study_days=StudyDays.EVERY_DAY
    )
    block = _study_block(build_calendar(state, options=options))
    assert block["rrule"]["BYDAY"] == ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    start = state.plan.inputs.start
    assert block.decoded("dtstart") == datetime.combine(start, time(7, 30))
    hours = state.plan.inputs.hours_per_week
    assert abs(block.decoded("duration") * 7 - timedelta(hours=hours)) < timedelta(minutes=7)


def test_study_days_default_follows_the_hours() -> None:
    assert StudyDays.for_hours(20) is StudyDays.WEEKDAYS
    assert StudyDays.for_hours(20.5) is StudyDays.EVERY_DAY
    assert StudyDays.WEEKDAYS.byday == ("MO", "TU", "WE", "TH", "FR")


def test_cli_study_time_and_days(tmp_path: Path) -> None:
    assert codepath(*PLAN, "--save", home=tmp_path).returncode == 0
    target = tmp_path / "study.ics"
    result = codepath(
        "export",
        "--ics",
        str(target),
        "--study-time",
        "06:45",
        "--study-days",
        "every-day",
        home=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    block = _study_block(target.read_bytes())  # --study-time alone asks for the block
    assert block.decoded("dtstart").time() == time(6, 45)
    assert block["rrule"]["BYDAY"] == ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    plain = codepath("export", "--ics", str(target), "--weekly-study", home=tmp_path)
    assert plain.returncode == 0
    block = _study_block(target.read_bytes())
    assert block.decoded("dtstart").time() == time(18, 0)
    assert block["rrule"]["BYDAY"] == ["MO", "TU", "WE", "TH", "FR"]  # 12 h a week


@pytest.mark.parametrize("text", ["25:00", "6pm", "18:5", "18-30", ""])
def test_cli_refuses_a_study_time_that_is_no_time(tmp_path: Path, text: str) -> None:
    result = codepath(
        "export", "--ics", str(tmp_path / "s.ics"), "--study-time", text, home=tmp_path
    )
    assert result.returncode == 2
    assert "--study-time" in result.stderr and "HH:MM" in result.stderr
