"""Dues and renewal fees in the costs come from the credentials-held timeline (issue 12)."""

from __future__ import annotations

from datetime import date

import pytest
from helpers.samples import COMBINATIONS, plan_for
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.catalog import Background, Body, default_catalog
from planner.core.costs import CostItem
from planner.core.credentials import CredentialTimeline
from planner.core.dates import HORIZON_YEARS, months_between
from planner.core.outlook import OutlookDates, project_outlook
from planner.core.plan import Plan, Step

CATALOG = default_catalog()
HORIZON_MONTHS = HORIZON_YEARS * 12


def items(plan: Plan) -> dict[str, CostItem]:
    return {i.id: i for i in plan.costs.items}


def month(plan: Plan, day: date) -> int:
    return max(0, months_between(plan.inputs.start, day))


def yearly_count(first: int) -> int:
    return len(range(first, HORIZON_MONTHS, 12))


def ahima_cycles(plan: Plan) -> list[tuple[date, tuple[str, ...]]]:
    """(due date, AHIMA credentials held then) for each AHIMA cycle due within the horizon."""
    timeline = plan.credentials
    return [
        (c.due, timeline.catalog_ids_on(c.due, Body.AHIMA))
        for c in timeline.cycles
        if c.body is Body.AHIMA and month(plan, c.due) < HORIZON_MONTHS
    ]


# -- one test per rule ---------------------------------------------------------------------


def test_ccs_holder_pays_aapc_dues_from_joining_for_the_cic() -> None:
    plan = plan_for("CCS", "inpatient-hospital")
    join = plan.milestone(Step.ADDON_MEMBERSHIP)
    cic = next(h for h in plan.credentials.holdings if h.credential == "CIC")
    assert join is not None and join.due <= cic.start
    costs = items(plan)
    assert "membership" not in costs  # a certified CCS joins as a professional, no student year
    yearly = costs["membership-yearly"]
    assert yearly.count == yearly_count(month(plan, join.due))
    assert yearly.planned == 190 * yearly.count


def test_rhit_then_rhia_pays_one_ahima_renewal_per_cycle_at_the_rhia_count() -> None:
    plan = plan_for("RHIT", "him")
    rhia = next(h for h in plan.credentials.holdings if h.credential == "RHIA")
    rhit = next(h for h in plan.credentials.holdings if h.credential == "RHIT")
    assert rhit.until == rhia.start
    cycles = ahima_cycles(plan)
    after = [held for due, held in cycles if due >= rhia.start]
    assert after and all(held == ("RHIA",) for held in after)
    costs = items(plan)
    assert costs["ahima-recertification"].count == len(cycles)
    assert "ahima-recertification-extra" not in costs  # the RHIA replaces, not adds to, the RHIT
    assert "membership-yearly" not in costs  # no AAPC credential, no AAPC dues


def test_cca_lapses_at_the_ccs_and_a_cdip_adds_one_extra_renewal_a_cycle() -> None:
    plan = plan_for("CCS", "cdi")
    cca = next(h for h in plan.credentials.holdings if h.credential == "CCA")
    cdip = next(h for h in plan.credentials.holdings if h.credential == "CDIP")
    cycles = ahima_cycles(plan)
    assert cca.until is not None and cycles[0][0] > cca.until
    assert cycles[0][1] == ("CCS",)  # the CCA lapsed at the CCS: one credential, one fee
    with_cdip = [held for due, held in cycles if due >= cdip.start]
    assert with_cdip and all(held == ("CCS", "CDIP") for held in with_cdip)
    costs = items(plan)
    assert costs["ahima-recertification"].count == len(cycles)
    assert costs["ahima-recertification-extra"].count == len(with_cdip)


def test_cpc_a_learner_pays_a_student_year_then_dues_from_the_exam() -> None:
    plan = plan_for("CPC", "education")
    join = plan.milestone(Step.MEMBERSHIP)
    first = plan.credentials.holdings[0]
    assert join is not None and first.credential == "CPC-A" and first.start == plan.exam_date
    costs = items(plan)
    assert costs["membership"].count == 1 and costs["membership"].planned == 157
    expected = yearly_count(max(month(plan, join.due) + 12, month(plan, plan.exam_date)))
    assert costs["membership-yearly"].count == expected


def test_working_coder_pays_professional_dues_from_joining() -> None:
    plan = plan_for("CPC", "education", background=Background.CODING)
    join = plan.milestone(Step.MEMBERSHIP)
    assert join is not None
    costs = items(plan)
    assert "membership" not in costs
    assert costs["membership-yearly"].count == yearly_count(month(plan, join.due))


def test_costs_take_dues_only_from_the_timeline() -> None:
    plan = plan_for("CCS", "inpatient-hospital")
    outlook = project_outlook(
        plan.inputs,
        CATALOG,
        certification=plan.certification,
        exam_credential=plan.exam_credential,
        specialty=plan.specialty,
        dates=OutlookDates(
            exam=plan.exam_date,
            experience_end=plan.phases[2].end,
            working_from=plan.working_from,
            specialized_from=plan.specialized_date,
        ),
        timeline=CredentialTimeline(),
    )
    ids = {i.id for i in outlook.costs.items}
    assert not ids & {"membership", "membership-yearly", "ahima-recertification"}


# -- every certification x specialty x background -------------------------------------------


def check(plan: Plan) -> None:
    """Each dues and renewal item counts what the timeline implies."""
    timeline = plan.credentials
    costs = items(plan)
    aapc = [h for h in timeline.holdings if h.body is Body.AAPC]
    dues = next((d for d in timeline.dues if d.body is Body.AAPC), None)
    if dues is None:
        assert not aapc
        assert "membership" not in costs and "membership-yearly" not in costs
    else:
        joined = month(plan, dues.start)
        first = min((h.start for h in aapc), default=None)
        assert first is None or dues.start <= first  # membership comes before the exam
        student = plan.inputs.background is not Background.CODING and first == plan.exam_date
        if student:
            assert first is not None
            if joined < HORIZON_MONTHS:  # paid on joining; beyond the horizon it is not counted
                assert costs["membership"].count == 1
            else:
                assert "membership" not in costs
            yearly_from = max(joined + 12, month(plan, first))
        else:
            assert "membership" not in costs
            yearly_from = joined
        count = yearly_count(yearly_from)
        if count:
            assert costs["membership-yearly"].count == count
            assert costs["membership-yearly"].planned == 190 * count
        else:
            assert "membership-yearly" not in costs
    cycles = ahima_cycles(plan)
    for _due, held in cycles:
        assert not {"RHIT", "RHIA"} <= set(held) and not {"CCA", "CCS"} <= set(held)
    if cycles:
        assert costs["ahima-recertification"].count == len(cycles)
    else:
        assert "ahima-recertification" not in costs
    extra = sum(len(held) - 1 for _due, held in cycles)
    if extra:
        assert costs["ahima-recertification-extra"].count == extra
    else:
        assert "ahima-recertification-extra" not in costs


@pytest.mark.parametrize(("cert", "specialty", "background"), COMBINATIONS)
def test_every_combination_pays_dues_and_renewals_by_the_timeline(
    cert: str, specialty: str, background: Background
) -> None:
    for hours in (3.0, 12.0, 40.0):
        check(plan_for(cert, specialty, background, hours))


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(COMBINATIONS),
    st.floats(min_value=0.5, max_value=80, allow_nan=False),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)),
)
def test_any_pace_and_start_pay_dues_and_renewals_by_the_timeline(
    combination: tuple[str, str, Background], hours: float, start: date
) -> None:
    cert, specialty, background = combination
    check(plan_for(cert, specialty, background, hours, start))
