"""Apprentice evidence: the routes as data, the closest route, what is missing, the 'A' date."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from planner.core.apprentice import (
    assess,
    default_apprentice_rules,
    load_apprentice_rules,
    status_for,
)
from planner.core.apprentice_evidence import ApprenticeEvidence, Attachment
from planner.core.catalog import Background, Catalog, CatalogError
from planner.core.dates import add_weeks, add_years, format_date
from planner.core.plan import Step
from planner.core.profile import MilestoneProgress, MilestoneStatus, Profile
from planner.core.state import derive
from planner.core.storage import ProfileStore
from planner.report.roadmap import build_roadmap
from tests.helpers.cli import codepath
from tests.helpers.samples import plan_for, sample_inputs

LETTERS_DONE = ["letters", "letters.letterhead", "letters.signed", "letters.dates"]
PDF = Attachment(name="letter.pdf", item="letters", added=date(2027, 1, 2))
BEFORE_START = date(2027, 1, 1)  # "today" before the sample plan starts


def removed_due(profile: Profile, catalog: Catalog, today: date = BEFORE_START) -> date:
    milestone = derive(profile, catalog, today).plan.milestone(Step.APPRENTICE_REMOVED)
    assert milestone is not None
    return milestone.due


def test_routes_match_the_catalog_and_every_rule_is_sourced(catalog: Catalog) -> None:
    rules = default_apprentice_rules()
    cpc = catalog.certifications["CPC"].apprentice
    coc = catalog.certifications["COC"].apprentice
    assert cpc is not None and coc is not None
    for rule in (cpc, coc):
        by_id = {r.id: r for r in rule.routes}
        assert [r.id for r in rules.routes] == list(by_id)
        for route in rules.routes:
            assert route.title == by_id[route.id].title
            years = by_id[route.id].employment_years
            assert (route.work_years.value if route.work_years else None) == (
                years.value if years else None
            )
    assert [r.work_years.value for r in rules.routes if r.work_years] == [2, 1]
    assert {i.id for i in rules.items} == {"letters", "course", "practicode"}
    letters = rules.item("letters")
    assert letters.pdf and [c.id for c in letters.checks] == ["letterhead", "signed", "dates"]
    for item in rules.items:
        assert item.source.startswith("https://") and item.as_of


def test_a_route_naming_an_unknown_item_is_refused(tmp_path: Path) -> None:
    (tmp_path / "apprentice.yaml").write_text(
        "source: s\nas_of: n.d.\nitems:\n  - {id: course, title: C, source: s, as_of: n.d.}\n"
        "routes:\n  - {id: r, title: R, needs: [[nope]]}\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogError, match="unknown items"):
        load_apprentice_rules(tmp_path)


def test_no_tracker_for_a_plan_without_apprentice_period(catalog: Catalog) -> None:
    assert assess(plan_for("CCS"), catalog, ApprenticeEvidence(), BEFORE_START) is None
    assert status_for(plan_for("CPC"), catalog, None, BEFORE_START) is not None


def test_without_evidence_the_education_route_keeps_the_plans_date(catalog: Catalog) -> None:
    plan = plan_for("CPC")
    status = status_for(plan, catalog, None, BEFORE_START)
    assert status is not None
    assert status.best.route.id == "education"
    assert status.best.missing == (
        "Proof of an 80-contact-hour coding course",
        "CPC-A Practicode completed",
    )
    removed = plan.milestone(Step.APPRENTICE_REMOVED)
    assert removed is not None and status.removed_on == removed.due
    assert status.best.submit_from == removed.due - timedelta(weeks=4)
    profile = Profile(inputs=sample_inputs(), apprentice=ApprenticeEvidence())
    assert removed_due(profile, catalog) == removed.due


def test_letters_list_each_missing_requirement_and_the_pdf(catalog: Catalog) -> None:
    plan = plan_for("CPC", background=Background.CODING)
    evidence = ApprenticeEvidence(
        ticked=["letters", "letters.signed"], work_started=date(2024, 1, 1)
    )
    status = assess(plan, catalog, evidence, BEFORE_START)
    assert status is not None
    assert status.best.route.id == "employment"
    assert status.best.missing == (
        "Employer verification letter(s): on the employer's letterhead",
        "Employer verification letter(s): shows your start and end dates",
        "Employer verification letter(s): attach the PDF",
    )
    evidence.ticked = LETTERS_DONE
    evidence.files = [PDF]
    status = assess(plan, catalog, evidence, BEFORE_START)
    assert status is not None and status.best.ready
    assert "Nothing missing; you can submit from" in status.summary()


def test_the_route_with_the_earliest_date_is_the_closest(catalog: Catalog) -> None:
    plan = plan_for("CPC")  # no coding work: the plan schedules course and Practicode
    evidence = ApprenticeEvidence(ticked=LETTERS_DONE, files=[PDF], work_started=date(2027, 2, 1))
    status = assess(plan, catalog, evidence, BEFORE_START)
    assert status is not None
    by_id = {s.route.id: s for s in status.routes}
    assert by_id["employment"].submit_from == date(2029, 2, 1)
    assert by_id["employment"].missing == ()
    assert by_id["employment-education"].submit_from == date(2028, 2, 1)
    assert by_id["education"].submit_from == date(2028, 1, 16)  # the plan's exam is passed
    assert status.best.route.id == "education"
    assert status.removed_on == date(2028, 2, 13)


def test_work_that_ended_too_soon_gives_no_date(catalog: Catalog) -> None:
    plan = plan_for("CPC", background=Background.CODING)
    evidence = ApprenticeEvidence(
        ticked=LETTERS_DONE, files=[PDF], work_started=date(2025, 1, 1), work_ended=date(2025, 7, 1)
    )
    status = assess(plan, catalog, evidence, BEFORE_START)
    assert status is not None
    employment = next(s for s in status.routes if s.route.id == "employment")
    assert employment.submit_from is None
    assert "coding work: 0.5 of 2 years" in employment.missing


def test_a_removed_follows_the_coders_work_dates(catalog: Catalog) -> None:
    inputs = sample_inputs(background=Background.CODING)
    plain = Profile(inputs=inputs)
    before = removed_due(plain, catalog)
    started = date(2026, 9, 1)
    profile = Profile(inputs=inputs, apprentice=ApprenticeEvidence(work_started=started))
    state = derive(profile, catalog, BEFORE_START)
    submit = add_years(started, 2)
    assert state.apprentice is not None
    assert state.apprentice.best.submit_from == submit
    moved = state.plan.milestone(Step.APPRENTICE_REMOVED)
    assert moved is not None and moved.due == add_weeks(submit, 4) != before
    assert state.baseline.milestone(Step.APPRENTICE_REMOVED).due == before  # type: ignore[union-attr]
    held = {h.credential: h for h in state.plan.credentials.holdings}
    assert held["CPC-A"].until == moved.due and held["CPC"].start == moved.due
    phase = state.plan.phase_of(Step.APPRENTICE_REMOVED)
    assert phase is not None and phase.start <= moved.due <= phase.end
    assert format_date(submit) in state.apprentice.summary()


def test_a_removed_is_not_before_today(catalog: Catalog) -> None:
    profile = Profile(
        inputs=sample_inputs(), apprentice=ApprenticeEvidence(ticked=["course", "practicode"])
    )
    today = date(2028, 6, 1)  # after the plan's exam
    state = derive(profile, catalog, today)
    assert state.apprentice is not None and state.apprentice.best.ready
    assert state.apprentice.best.submit_from == today
    assert state.plan.milestone(Step.APPRENTICE_REMOVED).due == add_weeks(today, 4)  # type: ignore[union-attr]
    assert "Nothing missing; you can submit from Jun 1, 2028." in state.apprentice.summary()


def test_a_done_milestone_keeps_its_date(catalog: Catalog) -> None:
    inputs = sample_inputs(background=Background.CODING)
    profile = Profile(inputs=inputs, apprentice=ApprenticeEvidence(work_started=date(2026, 9, 1)))
    profile.milestones[Step.APPRENTICE_REMOVED] = MilestoneProgress(
        status=MilestoneStatus.DONE, done_on=date(2027, 4, 1)
    )
    assert removed_due(profile, catalog) == removed_due(Profile(inputs=inputs), catalog)


def test_derive_reuses_nothing_stale_when_only_the_evidence_changes(catalog: Catalog) -> None:
    profile = Profile(inputs=sample_inputs(background=Background.CODING))
    first = derive(profile, catalog, BEFORE_START)
    profile.apprentice = ApprenticeEvidence(work_started=date(2026, 9, 1))
    second = derive(profile, catalog, BEFORE_START, previous=first)
    assert second.plan != first.plan
    profile.apprentice = None
    third = derive(profile, catalog, BEFORE_START, previous=second)
    assert third.plan == first.plan
    assert third.apprentice is None


def test_an_unused_evidence_field_keeps_old_profiles_byte_identical() -> None:
    profile = Profile(inputs=sample_inputs())
    assert "apprentice" not in profile.model_dump_json()
    profile.apprentice = ApprenticeEvidence(ticked=["course"])
    again = Profile.model_validate_json(profile.model_dump_json())
    assert again.apprentice == profile.apprentice


def test_evidence_refuses_work_ending_before_it_starts_and_unsafe_file_names() -> None:
    with pytest.raises(ValueError, match="cannot end before it starts"):
        ApprenticeEvidence(work_started=date(2026, 1, 2), work_ended=date(2026, 1, 1))
    for bad in ("../x.pdf", ".hidden", "a/b.pdf", ""):
        with pytest.raises(ValueError):
            Attachment(name=bad, item="letters", added=date(2026, 1, 1))


def test_status_and_milestones_show_the_evidence_date(tmp_path: Path, catalog: Catalog) -> None:
    inputs = sample_inputs(background=Background.CODING)
    profile = Profile(inputs=inputs, apprentice=ApprenticeEvidence(work_started=date(2026, 9, 1)))
    path = tmp_path / "profile.json"
    ProfileStore(path).save(profile)
    moved = derive(profile, catalog, date(2027, 3, 1)).plan.milestone(Step.APPRENTICE_REMOVED)
    assert moved is not None and moved.due == date(2028, 9, 29)
    status = codepath("status", "--profile", str(path), home=tmp_path)
    assert status.returncode == 0, status.stderr
    assert (
        "Apprentice: CPC-A: closest route: 2 years of on-the-job coding experience, verified "
        "by employer letters. Still missing: Employer verification letter(s); you can submit "
        "from Sep 1, 2028 once you have them." in status.stdout
    )
    listed = codepath("plan", "--profile", str(path), home=tmp_path)
    assert listed.returncode == 0, listed.stderr
    line = next(x for x in listed.stdout.splitlines() if "(p3-apprentice-removed)" in x)
    assert "2028-09-29  Send employer letters to remove the apprentice 'A'" in line


def test_the_printed_roadmap_says_what_the_apprentice_tracker_says(catalog: Catalog) -> None:
    evidence = ApprenticeEvidence(work_started=date(2026, 9, 1))
    profile = Profile(inputs=sample_inputs(background=Background.CODING), apprentice=evidence)
    state = derive(profile, catalog, date(2027, 3, 1))
    status = state.apprentice_status()
    assert status is not None
    text = build_roadmap(state).text()
    assert f"Apprentice evidence: {status.summary()}" in text
    assert "you can submit from Sep 1, 2028" in text
    ccs = Profile(inputs=sample_inputs(certification="CCS", specialty="inpatient-hospital"))
    ccs_state = derive(ccs, catalog, date(2027, 3, 1))
    assert ccs_state.apprentice_status() is None
    assert "Apprentice evidence" not in build_roadmap(ccs_state).text()
