"""Property tests of the plan builder over the whole input space."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.catalog import Background, default_catalog
from planner.core.inputs import PlanInputs
from planner.core.plan import PHASE_NAMES, build_plan

CATALOG = default_catalog()
STATES = [None, "CA", "AL", "IN", "WY", "DC"]

inputs_strategy = st.builds(
    PlanInputs,
    certification=st.sampled_from([c.id for c in CATALOG.targets()]),
    specialty=st.sampled_from(list(CATALOG.specialties)),
    start=st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)),
    hours_per_week=st.floats(min_value=0.5, max_value=80, allow_nan=False),
    background=st.sampled_from(list(Background)),
    state=st.sampled_from(STATES),
    current_income=st.one_of(st.none(), st.floats(min_value=0, max_value=200_000)),
    budget=st.one_of(st.none(), st.floats(min_value=0, max_value=50_000)),
)


@settings(max_examples=150, deadline=None)
@given(inputs_strategy)
def test_plan_shape_holds_for_any_input(inputs: PlanInputs) -> None:
    plan = build_plan(inputs, CATALOG)
    assert [p.name for p in plan.phases] == list(PHASE_NAMES)
    assert plan.phases[0].start == inputs.start
    for before, after in zip(plan.phases, plan.phases[1:], strict=False):
        assert before.end == after.start
    for phase in plan.phases:
        assert phase.start < phase.end
        for milestone in phase.milestones:
            assert phase.start <= milestone.due <= phase.end, (phase.number, milestone)
    all_ids = [m.id for m in plan.milestones()]
    assert len(all_ids) == len(set(all_ids))
    assert len(plan.salary) == 10
    for row in plan.salary:
        assert 0 <= row.low <= row.median <= row.high
    assert plan.costs.upfront_low <= plan.costs.upfront_planned <= plan.costs.upfront_high
    assert build_plan(inputs, CATALOG) == plan  # deterministic


@settings(max_examples=150, deadline=None)
@given(inputs_strategy, st.floats(min_value=1.01, max_value=10))
def test_fewer_hours_never_finish_earlier(inputs: PlanInputs, factor: float) -> None:
    fewer = build_plan(inputs, CATALOG)
    more_hours = min(80.0, inputs.hours_per_week * factor)
    more = build_plan(inputs.model_copy(update={"hours_per_week": more_hours}), CATALOG)
    assert fewer.exam_date >= more.exam_date
    assert fewer.certified_date >= more.certified_date
    assert fewer.specialized_date >= more.specialized_date
    for slow, fast in zip(fewer.phases, more.phases, strict=True):
        assert slow.end >= fast.end
