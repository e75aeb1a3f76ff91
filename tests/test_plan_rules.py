"""Rules of the plan builder, one certification and eligibility route at a time."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers.samples import START, sample_inputs

from planner.core.catalog import Background, default_catalog
from planner.core.inputs import PlanInputs
from planner.core.plan import PHASE_NAMES, MilestoneKind, PlanError, build_plan


def make(**changes: object):
    return build_plan(sample_inputs(**changes), default_catalog())


def ids(plan) -> list[str]:
    return [m.id for m in plan.milestones()]


def test_five_named_contiguous_phases() -> None:
    plan = make()
    assert [p.name for p in plan.phases] == list(PHASE_NAMES)
    assert [p.number for p in plan.phases] == [1, 2, 3, 4, 5]
    assert plan.phases[0].start == START
    for before, after in zip(plan.phases, plan.phases[1:], strict=False):
        assert before.end == after.start


def test_cpc_without_experience_is_an_apprentice_with_the_education_route() -> None:
    plan = make(background="none")
    assert plan.exam_credential == "CPC"
    credential = plan.milestone("p2-credential")
    assert credential is not None and "CPC-A" in credential.title
    removal = plan.milestone("p3-apprentice-removed")
    assert removal is not None and "Practicode" in removal.title
    assert plan.milestone("p2-practicode") is not None
    assert any("CPC-A" in w and "Practicode" in w for w in plan.warnings)
    # phase 1 is the 440-hour certificate programme at 12 h/week: 37 weeks
    assert plan.phases[0].study_hours == 440
    assert plan.phases[0].end == START + timedelta(weeks=37)
    # CPC preparation: 60-180 hours, planned at 120 -> 10 weeks
    assert plan.phases[1].study_hours == 120


def test_cpc_for_a_working_coder_uses_the_employment_route() -> None:
    plan = make(background="coding")
    assert plan.milestone("p1-review") is not None
    assert plan.milestone("p1-course") is None
    assert plan.milestone("p2-practicode") is None
    removal = plan.milestone("p3-apprentice-removed")
    assert removal is not None and "employer" in removal.title
    credential = plan.milestone("p2-credential")
    assert credential is not None and credential.title == "Earn the CPC credential"
    # coders plan at the low end of the preparation range
    assert plan.phases[1].study_hours == 60


def test_terminology_background_takes_the_80_hour_course() -> None:
    plan = make(background="terminology")
    assert plan.phases[0].study_hours == 80
    assert plan.milestone("p1-terminology") is None


def test_ccs_without_experience_goes_through_cca_first() -> None:
    plan = make(certification="CCS", specialty="inpatient-hospital")
    assert plan.exam_credential == "CCA"
    target = plan.milestone("p3-target-exam")
    assert target is not None and "CCS" in target.title
    assert plan.certified_date == target.due
    assert plan.phase_of("p3-target-exam").number == 3
    assert plan.certified_date >= plan.exam_date + timedelta(days=365)
    assert any("CCA" in w and "CCS" in w for w in plan.warnings)


def test_ccs_for_a_working_coder_sits_the_ccs_directly() -> None:
    plan = make(certification="CCS", specialty="inpatient-hospital", background="coding")
    assert plan.exam_credential == "CCS"
    assert plan.milestone("p3-target-exam") is None
    assert plan.certified_date == plan.exam_date


def test_rhit_needs_the_cahiim_associate_degree_whatever_the_hours() -> None:
    slow = make(certification="RHIT", specialty="him", hours_per_week=5)
    fast = make(certification="RHIT", specialty="him", hours_per_week=40)
    assert slow.milestone("p1-enrol") is not None
    assert "CAHIIM" in slow.milestone("p1-enrol").title
    # 18-24 months, planned at 21
    assert slow.phases[0].end == date(2028, 10, 4) == fast.phases[0].end
    assert any("CAHIIM" in w and "no work-experience route" in w for w in slow.warnings)


def test_specialty_credential_comes_after_its_experience() -> None:
    plan = make(specialty="auditing")
    # auditing asks for 3-5 years of experience: phase 3 lasts 4 years
    phase3 = plan.phases[2]
    assert (phase3.end - phase3.start).days in range(4 * 365, 4 * 365 + 3)
    exam = plan.milestone("p4-exam")
    assert exam is not None and "CPMA" in exam.title


def test_codeset_updates_recur_from_phase_3_on() -> None:
    plan = make()
    codesets = [m for m in plan.milestones() if m.kind is MilestoneKind.CODESET]
    assert codesets, "code-set updates expected"
    assert all(m.due > plan.phases[1].end for m in codesets)
    assert {(m.due.month, m.due.day) for m in codesets} == {(10, 1), (1, 1)}
    october = {m.due for m in codesets if m.due.month == 10}
    expected = {
        date(year, 10, 1)
        for year in range(plan.phases[2].start.year, plan.finish.year + 1)
        if plan.phases[2].start < date(year, 10, 1) <= plan.finish
    }
    assert october == expected


@pytest.mark.parametrize("offset_days", range(0, 400, 7))
def test_exam_avoids_the_weeks_around_a_switch_over(offset_days: int) -> None:
    plan = make(start=date(2026, 1, 5) + timedelta(days=offset_days))
    for exam in (plan.exam_date, plan.milestone("p4-exam").due):
        for switch in (date(exam.year, 10, 1), date(exam.year, 1, 1), date(exam.year + 1, 1, 1)):
            assert abs((exam - switch).days) > 14, (exam, switch)


def test_target_exam_date_later_is_kept_and_earlier_is_explained() -> None:
    later = make(target_exam_date=date(2028, 3, 6))
    assert later.exam_date == date(2028, 3, 6)
    earlier = make(target_exam_date=date(2027, 3, 1))
    assert earlier.exam_date == make().exam_date
    assert any("earlier than the plan allows" in w for w in earlier.warnings)


def test_salary_outlook_training_then_band() -> None:
    plan = make(current_income=30_000)
    assert [row.year for row in plan.salary] == list(range(1, 11))
    first = plan.salary[0]
    # phase 1 and 2 take most of year 1: mostly current income
    assert first.stage == "training" or first.low <= 32_000
    for row in plan.salary:
        assert row.low <= row.median <= row.high
    working = plan.salary[3]
    # a coder of about three years earns less than the all-experience BLS median of $50,250
    assert 35_000 < working.median < 50_250
    state = make(current_income=30_000, state="CA")
    assert state.salary[3].median > working.median  # CA median above the national one


def test_specialty_pay_effect_raises_the_band_after_phase_4() -> None:
    risk = make(specialty="risk-adjustment")
    plain = make(specialty="education")
    year = 6
    assert risk.salary[year].median > plain.salary[year].median * 1.05


def test_costs_and_break_even() -> None:
    plan = make(current_income=35_000, budget=100)
    items = {i.id: i for i in plan.costs.items}
    # the 2-attempt package, the price the learner pays, with the choice said
    assert (items["exam-cpc"].low, items["exam-cpc"].high) == (499, 499)
    assert "2-attempt package" in items["exam-cpc"].note
    assert plan.costs.upfront_low <= plan.costs.upfront_planned <= plan.costs.upfront_high
    assert plan.costs.break_even_month is not None
    assert plan.costs.break_even_date is not None and plan.costs.break_even_date > plan.exam_date
    assert any("above your budget" in w for w in plan.warnings)
    assert make().costs.break_even_month is None


def test_same_inputs_same_plan() -> None:
    assert (
        make(state="CA", current_income=1).model_dump()
        == make(state="CA", current_income=1).model_dump()
    )


def test_milestone_ids_do_not_depend_on_wording() -> None:
    catalog = default_catalog()
    inputs = PlanInputs(
        certification="CPC", specialty="risk-adjustment", start=START, hours_per_week=12
    )
    reworded_cert = catalog.certifications["CPC"].model_copy(update={"name": "Renamed coder"})
    reworded_spec = catalog.specialties["risk-adjustment"].model_copy(
        update={"name": "Another name", "description": "Reworded."}
    )
    reworded = catalog.model_copy(
        update={
            "certifications": {**catalog.certifications, "CPC": reworded_cert},
            "specialties": {**catalog.specialties, "risk-adjustment": reworded_spec},
        }
    )
    original = build_plan(inputs, catalog)
    changed = build_plan(inputs, reworded)
    assert ids(original) == ids(changed)
    assert original.milestones()[0].id == "p1-terminology"


def test_unknown_certification_and_specialty() -> None:
    with pytest.raises(PlanError, match=r"unknown certification 'XYZ'.*CPC"):
        make(certification="XYZ")
    with pytest.raises(PlanError, match="unknown certification 'COC'"):
        make(certification="COC")  # an add-on credential, not a first target
    with pytest.raises(PlanError, match="unknown specialty 'astrology'"):
        make(specialty="astrology")


def test_sources_cover_every_figure_used() -> None:
    plan = make(state="CA", current_income=40_000)
    whats = {s.what for s in plan.sources}
    assert "Pay, median at entry: BLS OEWS May 2024, SOC 29-2072, 25th percentile" in whats
    assert "CPC exam fee" in whats
    assert all(s.source and s.as_of for s in plan.sources)


@pytest.mark.parametrize("background", list(Background))
@pytest.mark.parametrize("cert", ["CPC", "CCS", "RHIT"])
def test_every_target_and_background_builds(cert: str, background: Background) -> None:
    plan = make(certification=cert, background=background)
    assert len(plan.phases) == 5
    assert plan.exam_date <= plan.certified_date <= plan.specialized_date <= plan.finish


def test_certified_as_says_cpc_a_until_the_a_is_removed() -> None:
    assert make(background="none").certified_as == "CPC-A"
    assert make(background="coding").certified_as == "CPC"
    assert make(certification="CCS", specialty="inpatient-hospital").certified_as == "CCS"
