"""The seeds' realities: sourced, chosen per plan, in the comparison notes and the roadmap."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from helpers.samples import COMBINATIONS, plan_for, studied_profile

from planner.core.catalog import Catalog
from planner.core.compare import result_of
from planner.core.plan import Step
from planner.core.profile import Profile
from planner.core.realities import (
    Place,
    RealitiesError,
    Topic,
    automation_note,
    default_realities,
    load_realities,
    realities_for,
)
from planner.core.state import derive
from planner.report.roadmap import build_roadmap

FACTS_URLS = {  # the non-seed sources, each a page named in shared/facts.md
    "http://www.aapc.com/surveys/medical-coding-salary-survey07.aspx",
    "https://open-exam-prep.com/blog/cpc-exam-pass-rate-2026",
    "https://healthinformationmanagementprograms.com/careers/cca-certification/",
    "https://healthinformationmanagementprograms.com/careers/ccs-certification/",
    "https://moval.edu/snhs/his/requirements.php",
    "https://open-exam-prep.com/study-guides/rhia/",
}


def ids(plan_args: tuple[str, str], catalog: Catalog, **kwargs: object) -> list[str]:
    return [r.id for r in realities_for(plan_for(*plan_args), catalog, **kwargs)]  # type: ignore[arg-type]


def test_every_reality_is_short_and_sourced() -> None:
    items = default_realities().items
    assert {r.topic for r in items} == set(Topic)
    for reality in items:
        assert reality.source.startswith("seed article") or reality.source in FACTS_URLS
        assert reality.as_of and reality.confidence.value in {"seed", "secondary", "official"}
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", reality.text) if s]
        assert 1 <= len(sentences) <= 2, reality.id
        assert reality.pages, reality.id


def test_every_more_link_opens_a_glossary_entry() -> None:
    from planner.core.glossary import default_glossary

    glossary = default_glossary()
    assert [r.id for r in default_realities().items if glossary.lookup(r.more) is None] == []


def test_cpc_risk_adjustment_and_rhit_him_get_different_realities(catalog: Catalog) -> None:
    cpc = ids(("CPC", "risk-adjustment"), catalog)
    rhit = ids(("RHIT", "him"), catalog)
    assert cpc == [
        "ai-routine-entry",
        "ai-payer-judgment",
        "productivity",
        "remote-entry-scarce",
        "remote-share",
        "hipaa-home",
        "pass-rate-cpc",
    ]
    assert rhit == [
        "ai-routine-entry",
        "productivity",
        "remote-entry-scarce",
        "remote-share",
        "hipaa-home",
        "pass-rate-rhit",
        "pass-rate-rhia",
    ]
    ccs = ids(("CCS", "inpatient-hospital"), catalog)
    assert "ai-complex-cases" in ccs and {"pass-rate-cca", "pass-rate-ccs"} <= set(ccs)


def test_places_and_milestones_narrow_the_choice(catalog: Catalog) -> None:
    salary = ids(("CPC", "risk-adjustment"), catalog, place=Place.SALARY)
    assert salary == ["ai-routine-entry", "ai-payer-judgment", "remote-share"]
    timeline = ids(("RHIT", "him"), catalog, place=Place.TIMELINE)
    assert timeline == ["remote-entry-scarce", "pass-rate-rhit", "pass-rate-rhia"]
    exam = ids(("CPC", "risk-adjustment"), catalog, milestone_id=Step.FIRST_EXAM.value)
    assert exam == ["pass-rate-cpc"]
    remote = ids(("CPC", "auditing"), catalog, milestone_id=Step.REMOTE_READY.value)
    assert remote == ["productivity", "remote-entry-scarce", "remote-share", "hipaa-home"]


def test_every_combination_gets_an_automation_point_and_a_sourced_compare_note(
    catalog: Catalog,
) -> None:
    for cert, specialty, background in COMBINATIONS[:: len(COMBINATIONS) // 45 or 1]:
        plan = plan_for(cert, specialty, background)
        chosen = realities_for(plan, catalog)
        assert any(r.topic is Topic.AUTOMATION for r in chosen), (cert, specialty)
        notes = result_of(plan, catalog).notes
        automation = [n for n in notes if n.startswith("Automation: ")]
        assert len(automation) == 1 and automation[0].endswith(", 2026)"), notes


def test_automation_note_is_per_lane() -> None:
    assert "Auditing and compliance interpretation" in automation_note("auditing")
    assert "46% of hospitals" in automation_note("revenue-cycle")
    assert "bundling requirements" in automation_note("inpatient-hospital")
    general = automation_note("education")  # no lane-specific point: the general one
    assert general.startswith("Automation: Entry-level coders who input straightforward codes")


def test_roadmap_has_a_realities_section_with_sources(catalog: Catalog) -> None:
    profile: Profile = studied_profile()
    text = build_roadmap(derive(profile, catalog, date(2027, 9, 1))).text()
    assert "REALITIES TO KNOW" in text
    section = text.split("REALITIES TO KNOW", 1)[1].split("\n\n", 1)[0]
    assert "Working from home under HIPAA: Working remotely means securing" in section
    assert (
        "CPC first-time pass rate: AAPC publishes no pass rate; first-time pass rates are "
        "estimated at about 50-60 percent" in section
    )
    assert (
        "(Source: https://open-exam-prep.com/blog/cpc-exam-pass-rate-2026, 2026-02-24)" in section
    )
    assert "RHIT first-time pass rate" not in section


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("realities: {", "not valid YAML"),
        ("[]", "expected a mapping with a 'realities' list"),
        (
            "realities:\n  - {id: x, topic: weather, title: t, text: t, more: CPC, source: s, "
            "as_of: n.d., confidence: seed}\n",
            "entry 'x', field 'topic'",
        ),
    ],
)
def test_a_broken_realities_file_is_one_clear_error(tmp_path: Path, text: str, needle: str) -> None:
    (tmp_path / "realities.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RealitiesError, match=re.escape(needle)):
        load_realities(tmp_path)
