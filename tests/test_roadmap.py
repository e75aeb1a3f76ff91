"""The printed roadmap's Qt-free document model: content, check boxes, charts as vector SVG."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from datetime import date

import pytest
from helpers.samples import sample_inputs, studied_profile

from planner.core.catalog import Catalog
from planner.core.dates import format_date
from planner.core.plan import MilestoneKind, Plan, build_plan, reminder_group_title
from planner.core.profile import (
    CeuEntry,
    MilestoneProgress,
    MilestoneStatus,
    Profile,
    ReplanState,
)
from planner.core.progress import compute_progress
from planner.core.state import derive
from planner.report.chart_svg import salary_chart_svg, timeline_svg
from planner.report.charts import salary_source_line
from planner.report.document import (
    Chart,
    Check,
    CheckState,
    Column,
    Heading,
    PageBreak,
    Paragraph,
    Roadmap,
    Table,
    html_to_text,
)
from planner.report.roadmap import DISCLAIMER, MAX_NOTE, build_roadmap
from planner.report.text import OVERDUE_MARK, humanize_dates, progress_lines

TODAY = date(2027, 9, 1)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def profile() -> Profile:
    return studied_profile()


@pytest.fixture(scope="module")
def plan(profile: Profile, catalog: Catalog) -> Plan:
    return build_plan(profile.inputs, catalog)


def roadmap_of(profile: Profile, catalog: Catalog, today: date = TODAY) -> Roadmap:
    return build_roadmap(derive(profile, catalog, today))


@pytest.fixture(scope="module")
def roadmap(profile: Profile, catalog: Catalog) -> Roadmap:
    return roadmap_of(profile, catalog)


Row = tuple[Check, str, str, str]


def milestone_rows(roadmap: Roadmap) -> dict[tuple[str, str], Row]:
    """Milestone table rows keyed by (title, printed due date)."""
    rows: dict[tuple[str, str], Row] = {}
    for block in roadmap.blocks:
        if isinstance(block, Table) and block.columns[0].title == "" and block.header:
            for row in block.rows:
                check, due, title, status = row
                assert isinstance(check, Check)
                assert isinstance(due, str) and isinstance(title, str)
                assert isinstance(status, str)
                shown = html_to_text(title.split("<br>")[0]).removeprefix(OVERDUE_MARK).strip()
                rows[(shown, due)] = (check, due, title, status)
    return rows


def row_of(rows: dict[tuple[str, str], Row], plan: Plan, milestone_id: str) -> Row:
    milestone = plan.milestone(milestone_id)
    assert milestone is not None
    return rows[(milestone.title, format_date(milestone.due))]


# ---------------------------------------------------------------- summary page


def test_summary_page(roadmap: Roadmap, plan: Plan, profile: Profile, catalog: Catalog) -> None:
    first_break = next(i for i, b in enumerate(roadmap.blocks) if isinstance(b, PageBreak))
    page1 = Roadmap("x", TODAY, "x", roadmap.blocks[:first_break]).text()
    text = flat(page1)
    status = humanize_dates(compute_progress(plan, profile, catalog, TODAY).status_text)
    for needle in (
        "Jordan Rivera",
        "CPC: Certified Professional Coder",
        plan.specialty_name,
        format_date(plan.inputs.start),
        format_date(plan.exam_date),
        format_date(plan.certified_date),
        format_date(plan.specialized_date),
        f"${plan.costs.upfront_planned:,}",
        f"${plan.costs.total_planned:,}",
        "Break-even",
        flat(status),
    ):
        assert needle in text, needle
    assert status.startswith(("On track", "Ahead", "Behind"))
    charts = [b for b in roadmap.blocks[:first_break] if isinstance(b, Chart)]
    assert len(charts) == 1 and "timeline" in charts[0].alt
    for phase in plan.phases:
        assert phase.name in charts[0].alt


def test_break_even_range_is_shown_when_known(catalog: Catalog) -> None:
    profile = Profile(inputs=sample_inputs(current_income=28_000))
    plan = build_plan(profile.inputs, catalog)
    costs = plan.costs
    assert costs.break_even_month is not None and costs.break_even_date is not None
    assert costs.break_even_note.startswith("Break-even comes in months ")
    text = flat(roadmap_of(profile, catalog).text())
    assert flat(humanize_dates(costs.break_even_note.rstrip("."))) in text
    assert format_date(costs.break_even_date) in text or "Break-even comes in months" in text


def test_pay_vintage_band_meaning_and_context_are_printed(catalog: Catalog) -> None:
    from planner.core.salary import context_lines
    from planner.report.charts import salary_vintage_line

    profile = Profile(inputs=sample_inputs(current_income=28_000))
    plan = build_plan(profile.inputs, catalog)
    text = flat(roadmap_of(profile, catalog).text())
    assert flat(salary_vintage_line(plan)) in text
    assert "2024 dollars" in text
    assert flat(catalog.salary.band_meaning) in text
    lines = context_lines(catalog.salary)
    assert len(lines) >= 4
    for line in lines:
        assert flat(line) in text


def test_no_name_no_prepared_for(plan: Plan, catalog: Catalog) -> None:
    anonymous = studied_profile(name="")
    document = roadmap_of(anonymous, catalog)
    assert "Prepared for" not in document.text()
    assert document.author == ""
    assert document.footer_left.endswith("CPC roadmap")


# ---------------------------------------------------------------- phases and checklists


def test_every_phase_and_milestone(roadmap: Roadmap, plan: Plan) -> None:
    headings = [b.text for b in roadmap.blocks if isinstance(b, Heading)]
    text = flat(roadmap.text())
    rows = milestone_rows(roadmap)
    for phase in plan.phases:
        assert f"Phase {phase.number}: {phase.name}" in headings
        assert flat(phase.why) in text
        assert format_date(phase.start) in text and format_date(phase.end) in text
        for milestone in phase.milestones:
            if milestone.is_reminder:  # listed under the phase's one reminder row
                assert flat(f"{milestone.title} ({format_date(milestone.due)})") in text
            else:
                assert (milestone.title, format_date(milestone.due)) in rows, milestone.title
    steps = [m for m in plan.milestones() if not m.is_reminder]
    groups = sum(any(m.is_reminder for m in phase.milestones) for phase in plan.phases)
    assert len(rows) == len(steps) + groups


def test_check_boxes_and_done_dates(roadmap: Roadmap, plan: Plan) -> None:
    rows = milestone_rows(roadmap)
    done = row_of(rows, plan, "p1-terminology")
    assert done[0].state is CheckState.DONE and done[0].glyph == "☑"
    assert "Done Mar 8, 2027" in html_to_text(done[3])
    assert "Chapter tests all above 80%" in html_to_text(done[3])
    going = row_of(rows, plan, "p1-icd10cm")
    assert going[0].state is CheckState.IN_PROGRESS and "In progress" in going[3]
    skipped = row_of(rows, plan, "p2-membership")
    assert skipped[0].state is CheckState.SKIPPED and "Skipped" in skipped[3]
    future = row_of(rows, plan, "p2-exam")
    assert future[0].state is CheckState.OPEN and future[0].glyph == "☐"
    assert future[3] == ""  # blank, for the learner's own notes
    late = row_of(rows, plan, "p1-cpt-hcpcs")
    assert "Not done yet" in late[3]  # due before today, not done


def test_milestone_kinds_and_reasons(roadmap: Roadmap, plan: Plan) -> None:
    rows = milestone_rows(roadmap)
    exam = plan.milestone("p2-exam")
    assert exam is not None
    cell = row_of(rows, plan, "p2-exam")[2]
    assert "Exam" in cell and exam.why in html_to_text(cell)
    # the kind's one label, as on screen; plain study steps carry no tag
    credential = row_of(rows, plan, "p2-credential")[2]
    assert f"<span class='kind'>{MilestoneKind.CREDENTIAL.label}</span>" in credential
    task = plan.milestone("p1-terminology")
    assert task is not None and task.kind is MilestoneKind.TASK
    assert "class='kind'" not in row_of(rows, plan, "p1-terminology")[2]
    reminders = [m for m in plan.phases[4].milestones if m.is_reminder]
    assert len(reminders) > 2
    # recurring reminders are one row per phase, so the real steps stay visible
    assert not any((m.title, format_date(m.due)) in rows for m in reminders)
    grouped = [row for key, row in rows.items() if key[0] == reminder_group_title(reminders)]
    assert len(grouped) == 1
    listed = html_to_text(grouped[0][2])
    for m in reminders:
        assert f"{m.title} ({format_date(m.due)})" in listed


def test_long_note_is_shortened(plan: Plan, catalog: Catalog) -> None:
    profile = studied_profile()
    profile.milestones["p1-course"] = MilestoneProgress(
        status=MilestoneStatus.DONE, done_on=date(2027, 8, 1), note="word " * 400
    )
    rows = milestone_rows(roadmap_of(profile, catalog))
    status = html_to_text(row_of(rows, plan, "p1-course")[3])
    assert status.endswith("…") and len(status) < MAX_NOTE + 40


# ---------------------------------------------------------------- salary, progress, sources


def test_salary_section(roadmap: Roadmap, plan: Plan) -> None:
    charts = [b for b in roadmap.blocks if isinstance(b, Chart) and "income" in b.alt]
    assert len(charts) == 1
    assert html_to_text(charts[0].caption) == salary_source_line(plan)
    text = flat(roadmap.text())
    for row in plan.salary:
        assert f"${row.median:,}" in text


def test_progress_section(roadmap: Roadmap, plan: Plan, profile: Profile, catalog: Catalog) -> None:
    progress = compute_progress(plan, profile, catalog, TODAY)
    text = flat(roadmap.text())
    assert flat(humanize_dates(progress.hours_text)) in text
    assert flat(humanize_dates(progress.pace.text)) in text
    for line in progress_lines(progress):
        assert flat(humanize_dates(line)) in text
    assert progress.readiness.text in text
    for day in ("Aug 20, 2027", "Jul 1, 2027", "Jun 1, 2027"):
        assert day in text
    assert "74% | at or above 70%" in text
    assert "58% | below 70%" in text
    assert "Continuing education" in text and "Starts once you hold the CPC" in text


def test_ceu_status_after_certification(plan: Plan, catalog: Catalog) -> None:
    profile = studied_profile()
    later = date(2029, 1, 15)
    profile.ceus.append(CeuEntry(day=date(2028, 6, 1), credits=10, credential="CPC"))
    progress = compute_progress(plan, profile, catalog, later)
    assert progress.ceu is not None
    text = flat(roadmap_of(profile, catalog, later).text())
    assert progress.ceu.text in text


def test_sources_are_last(roadmap: Roadmap, plan: Plan) -> None:
    last_break = max(i for i, b in enumerate(roadmap.blocks) if isinstance(b, PageBreak))
    tail = Roadmap("x", TODAY, "x", roadmap.blocks[last_break:]).text()
    text = flat(tail)
    assert "SOURCES OF EVERY FIGURE" in text
    for ref in plan.sources:
        for part in (ref.what, ref.value, ref.source, ref.as_of, ref.confidence):
            assert flat(part) in text, part
    assert flat(DISCLAIMER) in text
    assert "estimates from public surveys" in text


def test_footer(roadmap: Roadmap) -> None:
    left, middle, right = roadmap.footer(2, 5)
    assert right == "Page 2 of 5"
    assert middle == "Generated on Sep 1, 2027"
    assert "Jordan Rivera" in left and "CPC" in left


# ---------------------------------------------------------------- charts


def test_charts_are_vector_svg_with_text(plan: Plan) -> None:
    svg = salary_chart_svg(plan).decode("utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "<image" not in svg and "<pattern" not in svg  # hatches are drawn as lines
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "Plan year" in texts and "$40k" in texts
    timeline = timeline_svg(plan, TODAY).decode("utf-8")
    assert "<image" not in timeline and "<pattern" not in timeline
    labels = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", timeline))
    for phase in plan.phases:
        assert phase.name in labels
    assert "today" in labels


def test_timeline_without_today_outside_the_plan(plan: Plan) -> None:
    svg = timeline_svg(plan, date(2020, 1, 1)).decode("utf-8")
    assert ">today<" not in svg


def test_deterministic(plan: Plan, profile: Profile, catalog: Catalog) -> None:
    first = roadmap_of(profile, catalog)
    second = roadmap_of(profile, catalog)
    assert first == second  # charts' SVG bytes included


def test_prints_the_state_it_is_given(profile: Profile, catalog: Catalog) -> None:
    state = derive(profile, catalog, TODAY)
    progress = state.progress.model_copy(
        update={"status_text": "Status from the state", "headline": "Headline from the state"}
    )
    text = flat(build_roadmap(replace(state, progress=progress)).text())
    assert text.count("Status from the state") == 1  # summary page
    assert text.count("Headline from the state") == 1  # progress page


def test_prints_the_current_plan_after_a_replan(profile: Profile, catalog: Catalog) -> None:
    moved = profile.model_copy(deep=True)
    moved.replan = ReplanState(accepted_on=TODAY, shift_days=70)
    state = derive(moved, catalog, TODAY)
    assert state.plan.exam_date != state.baseline.exam_date
    rows = milestone_rows(build_roadmap(state))
    exam = state.plan.milestone("p2-exam")
    assert exam is not None
    assert (exam.title, format_date(exam.due)) in rows
    summary = flat(build_roadmap(state).text())
    assert f"exam on {format_date(state.plan.exam_date)}" in summary


# ---------------------------------------------------------------- model


def test_table_rows_must_match_columns() -> None:
    with pytest.raises(ValueError, match="2 cells"):
        Table(columns=(Column("a", 1),), rows=(("x", "y"),))


def test_text_rendering_of_blocks() -> None:
    document = Roadmap(
        "t",
        TODAY,
        "f",
        (
            Heading("Top"),
            Paragraph("a &amp; <b>b</b><br>c"),
            Table((Column("", 1), Column("Name", 2)), ((Check(CheckState.DONE), "x"),)),
            PageBreak(),
        ),
    )
    assert document.text() == "TOP\na & b c\n | Name\n☑ | x\n"


def test_format_date_is_locale_free() -> None:
    assert format_date(date(2027, 1, 4)) == "Jan 4, 2027"
    assert format_date(date(2030, 12, 31)) == "Dec 31, 2030"


def test_report_modules_do_not_import_qt() -> None:
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from planner.core.catalog import default_catalog\n"
        "from planner.core.inputs import PlanInputs\n"
        "from planner.core.profile import Profile\n"
        "from planner.core.state import derive\n"
        "from planner.report.roadmap import build_roadmap\n"
        "from planner.report.calendar import build_calendar\n"
        "p = Profile(inputs=PlanInputs(certification='CPC', specialty='auditing',"
        " start=date(2027, 1, 4), hours_per_week=10))\n"
        "state = derive(p, default_catalog(), date(2027, 2, 1))\n"
        "build_roadmap(state)\n"
        "build_calendar(state)\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
