"""Edits saved elsewhere while the app holds the profile are merged, never lost."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from planner.core.inputs import PlanInputs
from planner.core.merge import merge_profiles
from planner.core.profile import (
    ExamScore,
    MilestoneProgress,
    MilestoneStatus,
    Profile,
    StudyEntry,
)
from planner.core.storage import ProfileStore

INPUTS = PlanInputs(
    certification="CPC", specialty="risk-adjustment", start=date(2027, 1, 4), hours_per_week=10
)


def entry(topic: str) -> StudyEntry:
    return StudyEntry(day=date(2027, 2, 1), hours=1, topic=topic)


def test_both_sides_add_study_entries() -> None:
    shared = entry("shared")
    base = Profile(inputs=INPUTS, study_log=[shared])
    ours = base.model_copy(deep=True)
    ours.study_log = [*ours.study_log, entry("app")]
    theirs = base.model_copy(deep=True)
    theirs.study_log = [*theirs.study_log, entry("cli")]
    merged = merge_profiles(base, ours, theirs)
    assert [e.topic for e in merged.study_log] == ["shared", "cli", "app"]


def test_removals_and_edits_on_either_side() -> None:
    a, b, c = entry("a"), entry("b"), entry("c")
    base = Profile(inputs=INPUTS, study_log=[a, b, c])
    ours = base.model_copy(deep=True)
    ours.study_log = [a, b.model_copy(update={"hours": 3})]  # edit b, remove c
    theirs = base.model_copy(deep=True)
    theirs.study_log = [b, c, entry("d")]  # remove a, add d
    merged = merge_profiles(base, ours, theirs)
    assert [(e.topic, e.hours) for e in merged.study_log] == [("b", 3), ("d", 1)]


def test_milestones_merge_by_id_and_other_fields_prefer_ours() -> None:
    done = MilestoneProgress(status=MilestoneStatus.DONE, done_on=date(2027, 2, 1))
    base = Profile(inputs=INPUTS, name="A")
    ours = base.model_copy(deep=True)
    ours.milestones = {"p1-course": done}
    ours.name = "Ours"
    theirs = base.model_copy(deep=True)
    theirs.milestones = {"p2-exam": done}
    theirs.scores = [ExamScore(day=date(2027, 2, 2), exam="CPC", percent=71)]
    theirs.name = "Theirs"
    merged = merge_profiles(base, ours, theirs)
    assert set(merged.milestones) == {"p1-course", "p2-exam"}
    assert merged.name == "Ours"
    assert merged.scores == theirs.scores


def test_store_merges_what_the_cli_saved_meanwhile(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "p.json")
    base = Profile(inputs=INPUTS)
    store.save(base)
    app_copy = store.load()
    with ProfileStore(store.path).update() as other:  # `codepath log` in another process
        other.study_log.append(entry("from the command line"))
    app_copy.study_log.append(entry("from the app"))
    saved = store.save_merged(app_copy, base)
    topics = [e.topic for e in store.load().study_log]
    assert topics == ["from the command line", "from the app"]
    assert saved == store.load()


def test_store_without_outside_changes_saves_ours(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "p.json")
    base = Profile(inputs=INPUTS)
    store.save(base)
    ours = base.model_copy(deep=True)
    ours.notes = "mine"
    assert store.save_merged(ours, base) == ours
    assert store.load().notes == "mine"


def test_plan_inputs_merge_field_by_field_and_name_the_lost_value() -> None:
    from planner.core.merge import merge_report

    base = Profile(inputs=INPUTS)
    ours = base.model_copy(deep=True)
    ours.inputs = INPUTS.model_copy(update={"state": "FL", "budget": 900.0})
    theirs = base.model_copy(deep=True)
    theirs.inputs = INPUTS.model_copy(update={"hours_per_week": 20.0, "budget": 500.0})
    result = merge_report(base, ours, theirs)
    merged = result.profile.inputs
    assert (merged.hours_per_week, merged.state, merged.budget) == (20, "FL", 900)
    assert result.conflicts == ["budget: kept 900.0 from this window, not 500.0 saved elsewhere"]


def test_lost_entries_counts_what_an_older_copy_lacks() -> None:
    from planner.core.merge import lost_entries

    a, b = entry("a"), entry("b")
    newest = Profile(inputs=INPUTS, study_log=[a, b])
    newest.milestones = {
        "p1-course": MilestoneProgress(status=MilestoneStatus.DONE, done_on=date(2027, 3, 1))
    }
    older = Profile(inputs=INPUTS, study_log=[a])
    assert lost_entries(newest, older) == 2
    assert lost_entries(older, newest) == 0
