"""Opening a profile builds its plan once: check_usable, derive and the window's cache share it."""

from __future__ import annotations

from datetime import date

import pytest
from helpers.samples import sample_inputs, studied_profile

import planner.core.state as state_module
from planner.core.catalog import Catalog
from planner.core.inputs import PlanInputs
from planner.core.plan import Plan, build_plan
from planner.core.state import PlanCache, check_usable, derive

TODAY = date(2027, 9, 1)


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[PlanInputs]:
    """The inputs of every plan the state module builds."""
    made: list[PlanInputs] = []

    def counting(inputs: PlanInputs, catalog: Catalog) -> Plan:
        made.append(inputs)
        return build_plan(inputs, catalog)

    monkeypatch.setattr(state_module, "build_plan", counting)
    return made


def test_check_derive_and_window_cache_build_the_plan_once(
    catalog: Catalog, builds: list[PlanInputs]
) -> None:
    fresh = catalog.model_copy()  # a catalog object no earlier test has built plans from
    profile = studied_profile()
    check_usable(profile, fresh)
    state = derive(profile, fresh, TODAY)
    cached = PlanCache().get(profile.inputs, fresh)
    assert builds == [profile.inputs]
    assert cached is state.baseline
    assert state.baseline == build_plan(profile.inputs, fresh)


def test_another_catalog_or_other_inputs_get_their_own_plan(
    catalog: Catalog, builds: list[PlanInputs]
) -> None:
    fresh = catalog.model_copy()
    renamed_cert = catalog.certifications["CPC"].model_copy(update={"name": "Renamed coder"})
    renamed = catalog.model_copy(
        update={"certifications": {**catalog.certifications, "CPC": renamed_cert}}
    )
    inputs = sample_inputs()
    assert state_module.plan_for(inputs, fresh).certification_name != "Renamed coder"
    assert state_module.plan_for(inputs, renamed).certification_name == "Renamed coder"
    more_hours = sample_inputs(hours_per_week=20)
    assert state_module.plan_for(more_hours, fresh) == build_plan(more_hours, fresh)
    assert builds == [inputs, inputs, more_hours]
