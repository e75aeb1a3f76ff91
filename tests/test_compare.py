"""Comparing paths: parsing, the values of each column, the best marks, and `codepath compare`."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from helpers.cli import PLAN
from helpers.cli import codepath as run
from helpers.samples import START, sample_inputs, studied_profile
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.catalog import Background, Catalog, default_catalog
from planner.core.compare import (
    PathError,
    PathSpec,
    best_columns,
    compare,
    parse_path,
)
from planner.core.plan import Step, build_plan
from planner.core.state import derive
from planner.report.compare import comparison_to_json, comparison_to_text

TODAY = date(2027, 1, 1)
THREE = ("CPC:risk-adjustment:10", "CCS:inpatient-hospital:10", "RHIT:him:15")
CATALOG = default_catalog()


def three(catalog: Catalog) -> tuple[PathSpec, ...]:
    return tuple(parse_path(text, catalog) for text in THREE)


# --- parsing -----------------------------------------------------------------------------


def test_parse_path_reads_cert_specialty_hours(catalog: Catalog) -> None:
    assert parse_path("cpc:Risk-Adjustment:10.5", catalog) == PathSpec(
        "CPC", "risk-adjustment", 10.5
    )
    assert parse_path(" CCS : inpatient-hospital : 8 ") == PathSpec("CCS", "inpatient-hospital", 8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CPC:risk-adjustment", "is not a path: use CERT:SPECIALTY:HOURS"),
        ("CPC::10", "is not a path: use CERT:SPECIALTY:HOURS"),
        ("CPC:risk-adjustment:10:2", "is not a path"),
        ("CPC:risk-adjustment:ten", "hours per week 'ten' is not a number"),
        ("CPC:risk-adjustment:0", "hours per week must be"),
        ("CPC:risk-adjustment:nan", "hours per week must be"),
        ("XYZ:risk-adjustment:10", "unknown certification 'XYZ' (valid: "),
        ("CPC:astrology:10", "unknown specialty 'astrology' (valid: "),
    ],
)
def test_parse_path_refuses_with_one_clear_line(catalog: Catalog, text: str, expected: str) -> None:
    with pytest.raises(PathError) as caught:
        parse_path(text, catalog)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message


def test_compare_needs_two_to_four_columns(catalog: Catalog) -> None:
    one = (parse_path("CPC:risk-adjustment:10", catalog),)
    with pytest.raises(PathError, match="compare 2 to 4 paths"):
        compare(one, sample_inputs(), catalog, TODAY)
    with pytest.raises(PathError, match=r"\(got 5\)"):
        compare(one * 5, sample_inputs(), catalog, TODAY)
    # one path and the current plan make two columns
    assert len(compare(one, sample_inputs(), catalog, TODAY, current=studied_profile())) == 2


# --- values ------------------------------------------------------------------------------


def test_columns_read_the_plan_of_each_path(catalog: Catalog) -> None:
    base = sample_inputs(current_income=35_000)
    results = compare(three(catalog), base, catalog, TODAY)
    assert [r.label for r in results] == list(THREE)
    cpc, ccs, rhit = results
    plan = build_plan(sample_inputs(hours_per_week=10, current_income=35_000), catalog)
    assert cpc.first_exam == plan.exam_date
    assert cpc.first_job == plan.working_from
    assert cpc.specialized == plan.specialized_date
    assert cpc.up_front.low == plan.costs.upfront_low
    assert cpc.up_front.high == plan.costs.upfront_high
    assert cpc.break_even.low_month == plan.costs.break_even_early_month
    assert [p.year for p in cpc.median_pay] == [1, 3, 5, 10]
    assert cpc.pay_in(10).median == plan.salary[9].median
    assert cpc.staying_income == 350_000
    assert cpc.ten_year_gain == sum(s.median for s in plan.salary) - 350_000
    # the CCS path sits the CCA first; the RHIT path needs a degree
    assert ccs.first_credential_name == "CCA"
    assert ccs.first_credential < ccs.plan.certified_date
    assert rhit.study_hours is None
    assert any(n.startswith("Degree programme required") for n in rhit.notes)
    assert any(n.startswith("Experience before the exam") for n in ccs.notes)
    assert any(n.startswith("Apprentice period: holds CPC-A until") for n in cpc.notes)
    assert all(any(n.startswith("Remote-ready from") for n in r.notes) for r in results)
    # CEUs and dues come from the plan's credentials
    assert {c.body for c in ccs.ceu_per_cycle} == {"AAPC", "AHIMA"}
    assert cpc.yearly_dues.low == cpc.yearly_dues.high == 190


def test_without_income_break_even_gives_a_reason(catalog: Catalog) -> None:
    results = compare(three(catalog), sample_inputs(), catalog, TODAY)
    for result in results:
        assert result.break_even.low_month is None
        assert result.break_even.reason
        assert result.staying_income is None


def test_profile_column_is_the_derived_plan(catalog: Catalog) -> None:
    profile = studied_profile()
    one = (parse_path("CCS:inpatient-hospital:10", catalog),)
    mine, other = compare(one, profile.inputs, catalog, TODAY, current=profile)
    assert mine.label == "Your plan"
    assert mine.plan == derive(profile, catalog, TODAY).plan
    assert other.certification == "CCS"


def test_a_path_keeps_the_context_not_the_current_plans_own_choices() -> None:
    base = sample_inputs(
        state="CA",
        current_income=40_000,
        budget=3_000,
        target_exam_date=date(2027, 12, 1),
        actual_costs=({"id": "program", "amount": 1_200},),
    )
    inputs = PathSpec("CCS", "inpatient-hospital", 8, background=Background.CODING).inputs(base)
    assert (inputs.certification, inputs.specialty, inputs.hours_per_week) == (
        "CCS",
        "inpatient-hospital",
        8,
    )
    assert (inputs.state, inputs.current_income, inputs.budget, inputs.start) == (
        "CA",
        40_000,
        3_000,
        START,
    )
    assert inputs.background is Background.CODING
    assert inputs.target_exam_date is None
    assert inputs.actual_costs == ()


def test_best_marks_per_row(catalog: Catalog) -> None:
    results = compare(three(catalog), sample_inputs(current_income=35_000), catalog, TODAY)
    best = best_columns(results)
    assert best["first_exam"] == (1,)  # the CCA, Jan 16, 2028
    assert best["specialized"] == (0,)
    assert best["pay_10"] == (1,)
    assert best["total_cost"] == (0,)
    assert best["break_even"] == (1,)
    assert best["pay_1"] == ()  # every path earns the current income in year 1
    text = comparison_to_text(results)
    assert "Jan 16, 2028 <- earliest" in text
    assert "<- cheapest" in text and "<- highest" in text and "<- soonest" in text
    assert "degree programme" in text


def test_equal_paths_have_no_best(catalog: Catalog) -> None:
    same = (parse_path("CPC:risk-adjustment:10", catalog),) * 2
    best = best_columns(compare(same, sample_inputs(), catalog, TODAY))
    assert all(columns == () for columns in best.values())


def test_json_keys_are_stable(catalog: Catalog) -> None:
    data = comparison_to_json(
        compare(three(catalog), sample_inputs(current_income=35_000), catalog, TODAY)
    )
    assert data[0]["median_pay"].keys() == {"1", "3", "5", "10"}
    assert data[0]["break_even"].keys() == {"low_month", "high_month"}
    assert data[1]["first_credential_name"] == "CCA"
    assert "first_exam" in data[1]["best"]
    json.dumps(data)  # plain JSON values only


# --- property: a column is the plan of its inputs ----------------------------------------

paths = st.builds(
    PathSpec,
    certification=st.sampled_from([c.id for c in CATALOG.targets()]),
    specialty=st.sampled_from(list(CATALOG.specialties)),
    hours_per_week=st.sampled_from([3, 6, 10, 12.5, 20, 40]),
    background=st.one_of(st.none(), st.sampled_from(list(Background))),
    start=st.one_of(st.none(), st.dates(date(2026, 1, 1), date(2032, 12, 31))),
)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(paths, min_size=2, max_size=4),
    st.one_of(st.none(), st.sampled_from([0, 28_000, 61_500])),
    st.sampled_from([None, "CA", "WY"]),
)
def test_every_column_equals_the_plan_built_directly(
    specs: list[PathSpec], income: int | None, state: str | None
) -> None:
    base = sample_inputs(current_income=income, state=state)
    results = compare(specs, base, CATALOG, TODAY)
    for spec, result in zip(specs, results, strict=True):
        direct = build_plan(spec.inputs(base), CATALOG)
        assert result.plan == direct
        credential = direct.milestone(Step.FIRST_CREDENTIAL)
        assert result.certification == direct.certification == spec.certification
        assert result.specialty == spec.specialty
        assert result.hours_per_week == spec.hours_per_week
        assert result.first_exam == direct.exam_date
        assert result.first_credential == (credential.due if credential else direct.certified_date)
        assert result.first_job == direct.working_from
        assert result.specialized == direct.specialized_date
        assert result.up_front.low == direct.costs.upfront_low
        assert result.up_front.high == direct.costs.upfront_high
        assert result.total_cost.low == sum(i.low for i in direct.costs.items)
        assert result.total_cost.high == sum(i.high for i in direct.costs.items)
        assert result.break_even.low_month == direct.costs.break_even_early_month
        if result.break_even.low_month is not None:
            assert result.break_even.high_month == direct.costs.break_even_late_month
        by_year = {s.year: s for s in direct.salary}
        for pay in result.median_pay:
            assert (pay.low, pay.median, pay.high) == (
                by_year[pay.year].low,
                by_year[pay.year].median,
                by_year[pay.year].high,
            )
        assert result.ten_year_income == sum(s.median for s in direct.salary)
        assert direct.inputs.start == (spec.start or START)


# --- the command line --------------------------------------------------------------------


def compare_args(*extra: str) -> list[str]:
    args = ["compare"]
    for text in THREE:
        args += ["--path", text]
    return [*args, "--start", "2027-01-04", *extra]


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_cli_compare_text_table(tmp_path: Path) -> None:
    result = run(*compare_args("--current-income", "35000"), home=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header = lines[0]
    assert header.split() == list(THREE)
    # aligned: every column starts where its header does
    starts = [header.index(text) for text in THREE]
    exam = next(line for line in lines if line.startswith("First exam"))
    assert [exam.index(day) for day in ("Jan 31, 2028", "Jan 16, 2028", "Jun 4, 2030")] == starts
    assert "Jan 16, 2028 <- earliest" in exam
    assert "(+$" in result.stdout  # the ten-year gain over the current income
    assert not (tmp_path / "profile.json").exists()  # comparing saves nothing


def test_cli_compare_json_shape(tmp_path: Path) -> None:
    result = run(*compare_args("--format", "json", "--current-income", "35000"), home=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [d["certification"] for d in data] == ["CPC", "CCS", "RHIT"]
    for item in data:
        for key in (
            "certification",
            "specialty",
            "hours_per_week",
            "first_exam",
            "first_credential",
            "first_job",
            "specialized",
            "up_front",
            "total_cost",
            "break_even",
            "median_pay",
        ):
            assert key in item
        assert item["up_front"].keys() == {"low", "high"}
        assert item["total_cost"]["low"] <= item["total_cost"]["high"]
        assert item["median_pay"].keys() == {"1", "3", "5", "10"}
        date.fromisoformat(item["first_exam"])
    assert data[2]["hours_per_week"] == 15
    no_income = json.loads(run(*compare_args("--format", "json"), home=tmp_path).stdout)
    assert all(d["break_even"].keys() == {"reason"} for d in no_income)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--path", "CPC:risk-adjustment"], "is not a path: use CERT:SPECIALTY:HOURS"),
        (["--path", "NOPE:him:10", "--path", "CPC:him:10"], "unknown certification 'NOPE'"),
        (["--path", "CPC:risk-adjustment:10"], "compare 2 to 4 paths (got 1)"),
        ([], "compare 2 to 4 paths (got 0)"),
    ],
)
def test_cli_compare_bad_paths_exit_2(tmp_path: Path, args: list[str], expected: str) -> None:
    line = one_line_error(run("compare", *args, home=tmp_path))
    assert line.startswith("codepath compare: ")
    assert expected in line


def test_cli_compare_profile_is_first_column(tmp_path: Path) -> None:
    profile = tmp_path / "mine.json"
    assert run(*PLAN, "--profile", str(profile), home=tmp_path).returncode == 0
    result = run(
        "compare",
        "--profile",
        str(profile),
        "--path",
        "CCS:inpatient-hospital:10",
        "--format",
        "json",
        home=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    mine, other = json.loads(result.stdout)
    assert (mine["label"], mine["certification"], mine["hours_per_week"]) == (
        "Your plan",
        "CPC",
        12,
    )
    assert other["certification"] == "CCS"
    assert other["first_exam"] > "2027-01-04"  # the profile's start is the base start
