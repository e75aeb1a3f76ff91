"""Header-number explanations come from the plan's own fields: phases, hours, sources, notes."""

from __future__ import annotations

from datetime import timedelta

from helpers.samples import plan_for, sample_inputs

from planner.core.catalog import default_catalog
from planner.core.dates import format_date
from planner.core.plan import build_plan
from planner.report.explain import KEYS, header_explanations


def test_the_exam_date_is_told_from_the_study_hours_pace_and_start() -> None:
    plan = plan_for(hours=12)
    text = header_explanations(plan)["exam"]
    phase1, phase2 = plan.phases[0], plan.phases[1]
    assert text.splitlines() == [
        f"CPC exam on {format_date(plan.exam_date)}: the plan starts "
        f"{format_date(plan.inputs.start)} at 12 study hours a week.",
        f"Phase 1 (Learn core coding systems): {phase1.study_hours:g} study hours at 12 h/week, "
        f"{format_date(phase1.start)} to {format_date(phase1.end)} "
        f"({round((phase1.end - phase1.start).days / 7)} weeks).",
        f"Phase 2 (Earn certification): {phase2.study_hours:g} hours of exam preparation at "
        f"12 h/week, {format_date(phase2.start)} to {format_date(phase2.end)} "
        f"({round((phase2.end - phase2.start).days / 7)} weeks). The exam ends this phase.",
        *[
            f"Figure used: {ref.what}: {ref.value} (source: {ref.source})."
            for ref in plan.sources
            if ref.what
            in ("CPC exam preparation", "Medical coding certificate program: study hours")
        ],
    ]


def test_a_degree_path_and_a_target_date_are_explained_with_the_schedule_notes() -> None:
    rhit = header_explanations(plan_for(cert="RHIT"))["exam"]
    assert "CAHIIM-accredited HIM associate degree" in rhit
    assert "Figure used: CAHIIM-accredited HIM associate degree: length (part-time)" in rhit
    plan = plan_for()
    late = plan.exam_date + timedelta(days=200)
    target = build_plan(sample_inputs(target_exam_date=late), default_catalog())
    text = header_explanations(target)["exam"]
    assert f"You set a target exam date: {format_date(late)}." in text
    assert "much later than your study needs" in text


def test_break_even_and_up_front_costs() -> None:
    without = header_explanations(plan_for())
    assert "add your income in Plan settings" in without["break_even"]
    plan = build_plan(sample_inputs(current_income=30_000), default_catalog())
    costs = plan.costs
    text = header_explanations(plan)["break_even"]
    assert costs.break_even_date is not None
    assert text.startswith(
        f"Break-even {format_date(costs.break_even_date)}: month {costs.break_even_month} after "
        "the start"
    )
    assert "($30,000 a year)" in text and costs.break_even_note in text
    upfront = header_explanations(plan)["upfront"]
    assert upfront.startswith(f"Up front: ${costs.upfront_planned:,} planned, the sum of ")
    assert "CPC exam fee $" in upfront


def test_every_key_is_explained() -> None:
    texts = header_explanations(plan_for(cert="CCS"))
    assert tuple(texts) == KEYS and all(texts.values())
    assert "CCS: AHIMA recommends coding experience first" in texts["certified"]
