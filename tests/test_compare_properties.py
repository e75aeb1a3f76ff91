"""Compared paths: a column is the plan you get by adopting it; the profile keeps them intact."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from helpers.samples import sample_inputs
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.catalog import Background, default_catalog
from planner.core.compare import (
    MAX_PATHS,
    PathResult,
    PathSpec,
    compared_paths,
    compared_results,
    next_path,
    result_of,
)
from planner.core.compared_paths import ComparedPath
from planner.core.inputs import ActualCost, PlanInputs
from planner.core.profile import Profile
from planner.core.state import derive, plan_for

CATALOG = default_catalog()
TODAY = date(2027, 1, 1)

paths = st.builds(
    PathSpec,
    certification=st.sampled_from([c.id for c in CATALOG.targets()]),
    specialty=st.sampled_from(list(CATALOG.specialties)),
    hours_per_week=st.sampled_from([2, 5, 8, 10, 12.5, 15, 20, 30, 40]),
    background=st.one_of(st.none(), st.sampled_from(list(Background))),
    start=st.one_of(st.none(), st.dates(date(2026, 1, 1), date(2030, 12, 31))),
)
bases = st.builds(
    sample_inputs,
    certification=st.sampled_from([c.id for c in CATALOG.targets()]),
    hours_per_week=st.sampled_from([5, 10, 16]),
    current_income=st.one_of(st.none(), st.sampled_from([0, 30_000, 58_000])),
    state=st.sampled_from([None, "TX", "NY"]),
    target_exam_date=st.one_of(st.none(), st.just(date(2029, 6, 1))),
    actual_costs=st.sampled_from([(), (ActualCost(id="exam", amount=399),)]),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(paths, min_size=1, max_size=MAX_PATHS - 1), bases)
def test_every_column_equals_the_plan_you_get_by_adopting_it(
    specs: list[PathSpec], base: PlanInputs
) -> None:
    profile = Profile(inputs=base, compared=[spec.stored() for spec in specs])
    columns = compared_results(derive(profile, CATALOG, TODAY))
    assert len(columns) == 1 + len(specs)
    assert columns[0] == result_of(derive(profile, CATALOG, TODAY).plan, CATALOG, "Your plan")
    for spec, column in zip(specs, columns[1:], strict=True):
        assert isinstance(column, PathResult), column
        adopted = Profile(inputs=spec.inputs(profile.inputs), compared=profile.compared)
        plan = derive(adopted, CATALOG, TODAY).plan
        assert plan == plan_for(spec.inputs(profile.inputs), CATALOG)
        assert column == replace(result_of(plan, CATALOG), label=spec.label)
        # the adopted plan, shown as "Your plan", has the column's values
        assert compared_results(derive(adopted, CATALOG, TODAY))[0] == replace(
            column, label="Your plan"
        )


@settings(max_examples=40, deadline=None)
@given(paths)
def test_a_compared_path_round_trips_through_the_profile_file(spec: PathSpec) -> None:
    profile = Profile(inputs=sample_inputs(), compared=[spec.stored()])
    again = Profile.model_validate_json(profile.model_dump_json())
    assert again.compared == [spec.stored()]
    assert compared_paths(again, CATALOG) == (spec,)
    assert ComparedPath.model_validate(spec.stored().model_dump()) == spec.stored()


@settings(max_examples=40, deadline=None)
@given(bases, st.lists(paths, max_size=MAX_PATHS - 2))
def test_the_next_suggested_path_is_new_and_can_be_planned(
    base: PlanInputs, taken: list[PathSpec]
) -> None:
    profile = Profile(inputs=base)
    suggestion = next_path(profile.inputs, taken, CATALOG)
    assert not suggestion.same_choices(PathSpec.of_inputs(profile.inputs))
    plan_for(suggestion.inputs(profile.inputs), CATALOG)  # never raises
    first = compared_paths(profile, CATALOG)
    assert len(first) == 1
    assert first[0].certification != profile.inputs.certification
    assert first[0].hours_per_week == profile.inputs.hours_per_week
