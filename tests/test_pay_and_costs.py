"""The salary model and the costs (issue 11): every rule of docs/DATA.md's pay and cost rows."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from helpers.cli import PLAN, codepath

from planner.core.catalog import Catalog, StateWage
from planner.core.costs import UP_FRONT
from planner.core.dates import add_months
from planner.core.inputs import US_STATES, ActualCost, PlanInputs
from planner.core.plan import Plan, build_plan
from planner.core.salary import (
    band_cap,
    context_lines,
    experience_multiplier,
    pay_band,
    state_factor,
    state_label,
)

START = date(2027, 1, 4)
TARGETS = ("CPC", "CCS", "RHIT")
STATES: tuple[str | None, ...] = (None, *(code for code, _name in US_STATES))


def make(catalog: Catalog, **changes: object) -> Plan:
    values: dict[str, object] = {
        "certification": "CPC",
        "specialty": "outpatient-physician",
        "start": START,
        "hours_per_week": 10,
    }
    values.update(changes)
    return build_plan(PlanInputs.model_validate(values), catalog)


# ---------------------------------------------------------------- pay rules


def test_entry_pay_comes_from_entry_level_evidence(catalog: Catalog) -> None:
    data = catalog.salary
    band = pay_band(data, "CPC", 0, None)
    setting = data.settings["physician"].median.planning / data.median.planning
    assert band.low == pytest.approx(data.p10.planning * setting)  # BLS 10th percentile
    assert band.median == pytest.approx(data.records.p25.planning * setting)  # 25th percentile
    assert band.high == pytest.approx(data.median.planning * setting)  # all-experience median


def test_apprentice_pay_is_below_the_full_credential(catalog: Catalog) -> None:
    data = catalog.salary
    for years in (0, 0.5, 1, 1.9):
        apprentice = pay_band(data, "CPC-A", years, "TX")
        full = pay_band(data, "CPC", years, "TX")
        assert apprentice.median < full.median
        assert apprentice.median / full.median == pytest.approx(32792 / 34551, abs=0.001)


def test_experience_curve_is_front_loaded_and_flattens(catalog: Catalog) -> None:
    data = catalog.salary
    assert experience_multiplier(data, 0) == 1.0
    assert experience_multiplier(data, 24) == pytest.approx(53669 / 34551, abs=0.001)
    raises = [
        experience_multiplier(data, y + 1) - experience_multiplier(data, y) for y in range(24)
    ]
    assert raises == sorted(raises, reverse=True)  # each year adds less than the one before
    # AAPC 2013: beyond 20 years, under 5% per 5 years
    assert experience_multiplier(data, 25) / experience_multiplier(data, 20) < 1.05
    # about $600-800 a year on average in the survey's (2010) dollars
    entry_2010 = 34551
    per_year = entry_2010 * (experience_multiplier(data, 24) - 1) / 24
    assert 600 <= per_year <= 800


def test_credentials_have_their_own_baselines(catalog: Catalog) -> None:
    data = catalog.salary
    cpc, ccs, rhit = (pay_band(data, c, 5, None).median for c in TARGETS)
    assert len({round(cpc), round(ccs), round(rhit)}) == 3
    assert ccs > cpc  # hospitals pay more than physician offices (BLS industry medians)
    assert ccs / cpc == pytest.approx(56520 / 45620, abs=0.001)
    # RHIT and RHIA are on SOC 29-9021
    assert pay_band(data, "RHIA", 5, None) == pay_band(data, "RHIT", 5, None)
    assert band_cap(data, "RHIT", None) == data.occupations["him"].p90.planning


def test_every_state_and_dc_has_a_factor(catalog: Catalog) -> None:
    data = catalog.salary
    assert state_factor(data, "WA") == pytest.approx(62250 / 50250)
    assert state_factor(data, "MS") == pytest.approx(39970 / 50250)
    assert state_factor(data, None) == 1.0
    for code, name in US_STATES:
        assert "national figures" not in state_label(data, code, name), code


def test_a_state_without_a_figure_says_national_figures(catalog: Catalog) -> None:
    states = {k: v for k, v in catalog.salary.states.items() if k != "WY"}
    salary = catalog.salary.model_copy(update={"states": states})
    thinner = catalog.model_copy(update={"salary": salary})
    assert state_label(thinner.salary, "WY", "Wyoming") == "WY – Wyoming (national figures)"
    assert state_factor(thinner.salary, "WY") == 1.0
    plan = make(thinner, state="WY")
    assert any("WY" in w and "national figures" in w for w in plan.warnings)
    assert isinstance(catalog.salary.states["WY"], StateWage)


def test_specialty_premium_only_from_like_for_like_surveys(catalog: Catalog) -> None:
    premiums = catalog.salary.specialty_premiums
    assert premiums["risk-adjustment"].planning == pytest.approx(74629 / 67147, abs=0.001)
    # compliance and auditing averages compare specialists with all members: no premium
    assert "compliance" not in premiums and "auditing" not in premiums
    risk = make(catalog, specialty="risk-adjustment")
    plain = make(catalog, specialty="education")
    first_specialized = min(risk.specialized_date, plain.specialized_date)
    before = [r for r in risk.salary if add_months(r.start, 12) <= first_specialized]
    assert before
    assert all(
        r.median == p.median for r, p in zip(before, plain.salary, strict=False)
    )  # nothing before the credential and experience are in place
    assert risk.salary[-1].median > plain.salary[-1].median


def test_amounts_are_labelled_and_vintage_shown(catalog: Catalog) -> None:
    plan = make(catalog)
    refs = {r.what: r for r in plan.sources}
    assert refs["Pay amounts"].value == "in 2024 dollars; raises above inflation only"
    assert "BLS OEWS May 2024" in refs["Pay data vintage"].value
    assert "AAPC salary survey 2025" in refs["Pay data vintage"].value
    pay_refs = [r for r in plan.sources if r.what.startswith("Pay") and r.confidence != "rule"]
    assert any("BLS OEWS May 2024, SOC 29-2072" in r.what for r in pay_refs)
    assert all(
        r.confidence != "official" or "bls.gov" in r.source or "aapc" in r.source for r in pay_refs
    )


def test_context_figures(catalog: Catalog) -> None:
    text = " ".join(context_lines(catalog.salary))
    for expected in ("$81,227", "55%", "14,200", "7%", "$56,520", "$45,620"):
        assert expected in text


def test_low_pay_below_current_income_is_said(catalog: Catalog) -> None:
    plan = make(catalog, state="AL", current_income=45_000)
    assert any("below your current income" in w for w in plan.warnings)


# ---------------------------------------------------------------- properties, every combination


@pytest.mark.parametrize("state", STATES)
def test_pay_properties_for_every_certification_specialty_and_state(
    catalog: Catalog, state: str | None
) -> None:
    data = catalog.salary
    curves: dict[str, tuple[int, ...]] = {}
    for cert in TARGETS:
        for spec in catalog.specialties:
            plan = make(catalog, certification=cert, specialty=spec, state=state)
            caps = [band_cap(data, c, state) for c in data.credential_pay]
            for row in plan.salary:
                assert row.low <= row.median <= row.high
                assert row.high <= max(caps) + 1  # never above the documented cap
            if spec == "education":
                curves[cert] = tuple(row.median for row in plan.salary)
        entry = pay_band(data, cert, 0, state)
        assert entry.median <= data.median.planning * state_factor(data, state)
        assert pay_band(data, "CPC-A", 1, state).median < pay_band(data, "CPC", 1, state).median
    assert len(set(curves.values())) == len(TARGETS)  # curves differ by credential


@pytest.mark.parametrize("cert", TARGETS)
def test_cost_properties_for_every_certification_and_specialty(catalog: Catalog, cert: str) -> None:
    for spec in catalog.specialties:
        for background in ("none", "terminology", "coding"):
            plan = make(
                catalog,
                certification=cert,
                specialty=spec,
                background=background,
                current_income=30_000,
                budget=3_000,
            )
            costs = plan.costs
            mandatory = [i for i in costs.items if i.when == UP_FRONT and i.major]
            assert costs.upfront_low >= sum(i.low for i in mandatory)
            assert costs.upfront_planned >= sum(i.planned for i in mandatory)
            assert costs.upfront_low <= costs.upfront_planned <= costs.upfront_high
            # break-even is a range, or explained
            if costs.break_even_early_month is not None:
                assert "Break-even comes in" in costs.break_even_note
            else:
                assert "does not repay" in costs.break_even_note
            for missing in costs.missing_major:
                assert missing in costs.break_even_note
            if costs.missing_major_upfront:
                assert "fits" not in costs.budget_note
                assert costs.missing_major_upfront[0] in costs.budget_note


# ---------------------------------------------------------------- cost rules


def ids(plan: Plan) -> dict[str, int]:
    return {i.id: i.planned for i in plan.costs.items}


def test_degree_tuition_for_rhit_and_rhia(catalog: Catalog) -> None:
    plan = make(catalog, certification="RHIT", specialty="him", current_income=30_000)
    items = {i.id: i for i in plan.costs.items}
    program = items["program"]
    assert program.major and program.when == UP_FRONT
    assert program.low == round(1440 * 18 / 12) and program.high == round(8900 * 24 / 12)
    assert items["addon-program"].when == "phase 4"
    assert items["addon-program"].low >= 8110


def test_course_and_practicode_where_the_path_needs_them(catalog: Catalog) -> None:
    new = ids(make(catalog, background="terminology"))
    assert "program" in new and "practicode" in new  # the coding course does not disappear
    coder = make(catalog, background="coding")
    assert "program" not in ids(coder) and "practicode" not in ids(coder)
    assert any("already code" in n for n in coder.costs.not_needed)
    assert any("Practicode: not needed" in n for n in coder.costs.not_needed)


def test_dues_for_every_body_whose_credential_is_held(catalog: Catalog) -> None:
    ccs_crc = make(catalog, certification="CCS", specialty="risk-adjustment")
    assert "membership-yearly" in ids(ccs_crc)  # AAPC dues once the CRC is added
    assert "ahima-recertification" in ids(ccs_crc)
    cpc = make(catalog)
    items = {i.id: i for i in cpc.costs.items}
    assert items["membership"].planned == 157  # the student year
    assert items["membership-yearly"].planned == 190 * items["membership-yearly"].count


def test_code_books_each_exam_year_and_expected_retakes(catalog: Catalog) -> None:
    plan = make(catalog, certification="CCS", specialty="inpatient-hospital")
    book_years = [i for i in plan.costs.items if i.id.startswith("code-books-")]
    exam_years = {plan.exam_date.year, plan.certified_date.year, plan.specialized_date.year}
    assert len(book_years) == len(exam_years)
    retake = {i.id: i for i in plan.costs.items}["retake-cca"]
    assert retake.planned == round(299 * (1 - 0.62))
    cpc = {i.id: i for i in make(catalog).costs.items}
    assert "retake-cpc" not in cpc  # the 2-attempt package includes the second attempt
    assert cpc["exam-cpc"].planned == 499


def test_own_costs_replace_the_estimates(catalog: Catalog) -> None:
    base = make(catalog, current_income=30_000)
    own = make(
        catalog,
        current_income=30_000,
        actual_costs=[ActualCost(id="program", amount=1200)],
    )
    item = {i.id: i for i in own.costs.items}["program"]
    assert (item.low, item.high, item.planned, item.entered) == (1200, 1200, 1200, True)
    assert own.costs.upfront_planned < base.costs.upfront_planned
    missing = make(catalog, specialty="auditing", actual_costs=[{"id": "exam-cpma", "amount": 499}])
    assert "exam-cpma" in ids(missing) and not missing.costs.missing_major


def test_budget_never_fits_while_a_major_cost_is_missing(catalog: Catalog) -> None:
    plan = make(catalog, certification="RHIT", specialty="him", budget=1_000_000)
    assert not plan.costs.missing_major_upfront
    assert "fits your budget" in plan.costs.budget_note
    no_fee = catalog.certifications["RHIT"].model_copy(update={"exam_fee": None})
    thinner = catalog.model_copy(
        update={"certifications": {**catalog.certifications, "RHIT": no_fee}}
    )
    plan = make(
        thinner, certification="RHIT", specialty="him", budget=1_000_000, current_income=20_000
    )
    assert "fits" not in plan.costs.budget_note
    assert "cannot be done" in plan.costs.budget_note
    assert "the RHIT exam fee, which is not in the data" in plan.costs.budget_note
    assert "excludes the RHIT exam fee and the RHIA exam fee, which are not in the data" in (
        plan.costs.break_even_note
    )


def test_codepath_cost_lists_and_replaces_estimates(tmp_path: Path) -> None:
    assert codepath(*PLAN, "--save", home=tmp_path).returncode == 0
    listed = codepath("cost", home=tmp_path)
    assert listed.returncode == 0
    assert "program" in listed.stdout and "exam-cpc" in listed.stdout
    entered = codepath("cost", "program", "1200", home=tmp_path)
    assert entered.returncode == 0, entered.stderr
    assert "The plan uses your $1,200 for program." in entered.stdout
    saved = json.loads(next(tmp_path.rglob("*.json")).read_text(encoding="utf-8"))
    assert saved["inputs"]["actual_costs"] == [{"id": "program", "amount": 1200.0}]
    assert "yours $1,200" in codepath("cost", home=tmp_path).stdout
    cleared = codepath("cost", "program", "--clear", home=tmp_path)
    assert "estimate for program again" in cleared.stdout
    unknown = codepath("cost", "tuition-x", "5", home=tmp_path)
    assert unknown.returncode == 2 and "unknown cost id 'tuition-x'" in unknown.stderr


def test_break_even_says_when_a_major_cost_falls_after_it(catalog: Catalog) -> None:
    plan = make(catalog, certification="RHIT", specialty="him", current_income=28_000)
    note = plan.costs.break_even_note
    assert note.startswith("Break-even comes in months ")
    assert "bachelor's degree: tuition falls due later in the plan and is not repaid" in note
