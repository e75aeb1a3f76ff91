"""Tests of the profile models, the migration registry and the shipped JSON schema."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers.samples import sample_inputs
from pydantic import ValidationError

from planner.core import profile as profile_module
from planner.core.profile import (
    SCHEMA_VERSION,
    CeuEntry,
    ExamScore,
    MilestoneProgress,
    MilestoneStatus,
    Profile,
    ProfileCorruptError,
    ProfileError,
    ProfileTooNewError,
    ReplanState,
    StudyEntry,
    migrate,
    schema_text,
    upgrade,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "profile_v2.json"
FIXTURE_V1 = ROOT / "tests" / "data" / "profile_v1.json"  # as the first release wrote it
SCHEMA_FILE = ROOT / "resources" / "profile.schema.json"


def fixture_raw() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return raw


# ---------------------------------------------------------------- models


def test_schema_version_is_the_second_format() -> None:
    assert SCHEMA_VERSION == 2
    assert Profile(inputs=sample_inputs()).schema_version == 2


def test_defaults() -> None:
    profile = Profile(inputs=sample_inputs())
    assert profile.name == ""
    assert profile.milestones == {}
    assert (profile.study_log, profile.scores, profile.ceus) == ([], [], [])
    assert profile.replan is None
    assert profile.notes == ""
    assert MilestoneProgress().status is MilestoneStatus.DONE
    assert MilestoneProgress().done_on is None


def test_milestone_status_values() -> None:
    assert [s.value for s in MilestoneStatus] == ["not_started", "in_progress", "done", "skipped"]


@pytest.mark.parametrize("hours", [0, -1, 24.01, float("nan"), float("inf")])
def test_study_hours_bounds(hours: float) -> None:
    with pytest.raises(ValidationError, match="hours"):
        StudyEntry(day=date(2027, 1, 4), hours=hours, topic="ICD-10-CM")


def test_study_entry_limits() -> None:
    entry = StudyEntry(day=date(2027, 1, 4), hours=24, topic="x" * 200)
    assert len(entry.id) == 32 and int(entry.id, 16) >= 0
    assert StudyEntry(day=date(2027, 1, 4), hours=1, topic="a").id != entry.id
    with pytest.raises(ValidationError, match="topic"):
        StudyEntry(day=date(2027, 1, 4), hours=1, topic="")
    with pytest.raises(ValidationError, match="topic"):
        StudyEntry(day=date(2027, 1, 4), hours=1, topic="x" * 201)
    with pytest.raises(ValidationError, match="1990-01-01"):
        StudyEntry(day=date(1066, 10, 14), hours=1, topic="a")


def test_scores_and_ceus_bounds() -> None:
    assert ExamScore(day=date(2027, 5, 1), exam="CPC", percent=100).percent == 100
    for percent in (-0.1, 100.1):
        with pytest.raises(ValidationError, match="percent"):
            ExamScore(day=date(2027, 5, 1), exam="CPC", percent=percent)
    with pytest.raises(ValidationError, match="exam"):
        ExamScore(day=date(2027, 5, 1), exam="", percent=50)
    assert CeuEntry(day=date(2028, 1, 1), credits=100, credential="CPC").provider == ""
    for credits in (0, 100.5):
        with pytest.raises(ValidationError, match="credits"):
            CeuEntry(day=date(2028, 1, 1), credits=credits, credential="CPC")


def test_assignment_validated() -> None:
    profile = Profile(inputs=sample_inputs())
    with pytest.raises(ValidationError):
        profile.replan = "soon"  # type: ignore[assignment]
    entry = StudyEntry(day=date(2027, 1, 4), hours=1, topic="a")
    with pytest.raises(ValidationError):
        entry.hours = 30


def test_schema_version_must_be_current() -> None:
    with pytest.raises(ValidationError, match="format 2 only"):
        Profile.model_validate({**fixture_raw(), "schema_version": 1})


def test_helpers() -> None:
    profile = Profile(inputs=sample_inputs())
    profile.log_study(date(2027, 1, 4), 2, "terminology")
    profile.log_study(date(2027, 1, 11), 1.5, "anatomy")
    profile.log_study(date(2027, 2, 1), 3, "CPT")
    assert profile.total_hours() == 6.5
    assert profile.milestone_status("p1-course") is MilestoneStatus.NOT_STARTED
    profile.milestones["p1-course"] = MilestoneProgress(done_on=date(2027, 4, 16))
    assert profile.milestone_status("p1-course") is MilestoneStatus.DONE
    profile.scores += [ExamScore(day=date(2027, 5, 1), exam="CPC", percent=68)]
    profile.ceus += [CeuEntry(day=date(2028, 3, 1), credits=2, credential="CPC")]
    profile.replan = ReplanState(accepted_on=date(2027, 6, 1), shift_days=21)
    again = Profile.model_validate_json(profile.model_dump_json())
    assert again == profile


# ---------------------------------------------------------------- the v1 fixture


def test_v1_fixture_loads() -> None:
    profile = Profile.model_validate(migrate(fixture_raw()))
    assert profile.inputs.certification == "CPC"
    assert profile.inputs.specialty == "risk-adjustment"
    assert profile.inputs.start == date(2027, 1, 4)
    assert profile.inputs.hours_per_week == 12
    assert profile.milestone_status("p1-course") is MilestoneStatus.DONE
    assert profile.milestones["p1-course"].done_on == date(2027, 4, 16)
    assert len(profile.study_log) == 4 and profile.total_hours() == 9
    assert profile.scores[0].percent == 68


def test_v2_fixture_is_what_v2_writes() -> None:
    """Saving the fixture gives the same bytes: the file format has not drifted."""
    profile = Profile.model_validate(fixture_raw())
    assert profile.model_dump_json(indent=2) + "\n" == FIXTURE.read_text(encoding="utf-8")


def test_a_first_release_profile_opens_and_is_saved_as_format_2() -> None:
    """Format 2 only adds optional parts: a format-1 file keeps every byte but the number."""
    old = json.loads(FIXTURE_V1.read_text(encoding="utf-8"))
    assert old["schema_version"] == 1
    profile = Profile.model_validate(migrate(old))
    saved = profile.model_dump_json(indent=2) + "\n"
    assert saved == FIXTURE_V1.read_text(encoding="utf-8").replace(
        '"schema_version": 1,', '"schema_version": 2,', 1
    )


# ---------------------------------------------------------------- migrations


def test_one_upgrade_registered_from_the_first_release() -> None:
    assert list(profile_module.UPGRADES) == [1]


def test_migrate_current_is_identity() -> None:
    raw = fixture_raw()
    assert migrate(raw) is raw


def test_fake_upgrade_v0_to_v1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(profile_module, "UPGRADES", {})
    monkeypatch.setattr(profile_module, "SCHEMA_VERSION", 1)

    @upgrade(0)
    def rename_log(raw: dict[str, Any]) -> dict[str, Any]:
        raw["study_log"] = raw.pop("log")
        return raw

    assert list(profile_module.UPGRADES.items()) == [(0, rename_log)]
    v0 = {**fixture_raw(), "schema_version": 0}
    v0["log"] = v0.pop("study_log")
    before = json.dumps(v0, sort_keys=True)
    raw = migrate(v0)
    assert json.dumps(v0, sort_keys=True) == before, "migrate must not change its input"
    assert raw["schema_version"] == 1 and "log" not in raw
    assert Profile.model_validate(raw) == Profile.model_validate(
        {**fixture_raw(), "schema_version": 1}
    )


def test_upgrades_chain_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(profile_module, "UPGRADES", {})
    monkeypatch.setattr(profile_module, "SCHEMA_VERSION", 3)
    seen: list[int] = []

    @upgrade(2)
    def two(raw: dict[str, Any]) -> dict[str, Any]:
        seen.append(raw["schema_version"])
        return {**raw, "notes": raw["notes"] + " two"}

    @upgrade(1)
    def one(raw: dict[str, Any]) -> dict[str, Any]:
        seen.append(raw["schema_version"])
        return {**raw, "notes": raw["notes"] + " one"}

    raw = migrate({"schema_version": 1, "notes": "start"})
    assert seen == [1, 2]
    assert raw == {"schema_version": 3, "notes": "start one two"}


def test_upgrade_registration_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(profile_module, "UPGRADES", {})
    upgrade(0)(lambda raw: raw)
    with pytest.raises(ValueError, match="already registered"):
        upgrade(0)(lambda raw: raw)
    with pytest.raises(ValueError, match="below the current"):
        upgrade(SCHEMA_VERSION)(lambda raw: raw)


def test_missing_upgrade_and_failing_upgrade(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(profile_module, "UPGRADES", {})
    with pytest.raises(ProfileCorruptError, match="format 0 is too old"):
        migrate({"schema_version": 0})

    @upgrade(0)
    def broken(raw: dict[str, Any]) -> dict[str, Any]:
        raw["study_log"] = raw.pop("log")
        return raw

    with pytest.raises(ProfileCorruptError, match="could not upgrade the profile from format 0"):
        migrate({"schema_version": 0})


def test_too_new_refused() -> None:
    with pytest.raises(ProfileTooNewError, match="format 3, written by a newer") as info:
        migrate({**fixture_raw(), "schema_version": 3})
    assert "Update the program" in str(info.value)
    assert info.value.path is None


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([], "top level, found a list"),
        ("profile", "found a string"),
        (None, "found null"),
        ({}, "'schema_version': missing"),
        ({"schema_version": "1"}, "whole number, found a string"),
        ({"schema_version": True}, "whole number, found true/false"),
        ({"schema_version": 1.0}, "whole number, found a number"),
    ],
)
def test_bad_versions(raw: Any, message: str) -> None:
    with pytest.raises(ProfileCorruptError, match=message):
        migrate(raw)


def test_error_str_is_one_line() -> None:
    error = ProfileError(Path("/tmp/p.json"), "line one\nline two")
    assert str(error) == "/tmp/p.json: line one line two"
    assert str(ProfileError(None, "problem")) == "problem"


# ---------------------------------------------------------------- JSON schema


def test_shipped_schema_in_sync() -> None:
    shipped = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else ""
    assert shipped == schema_text(), (
        "resources/profile.schema.json is out of date; regenerate it with: "
        "python -m planner.core.profile > resources/profile.schema.json"
    )


def test_schema_describes_profile() -> None:
    schema = json.loads(schema_text())
    assert schema["title"] == "Profile"
    assert schema["additionalProperties"] is True  # unknown fields are kept, not refused
    assert set(schema["required"]) == {"inputs"}
    assert {"StudyEntry", "ExamScore", "CeuEntry", "PlanInputs"} <= set(schema["$defs"])
    assert schema_text().endswith("}\n")
