"""A deep copy of a profile (the save manager's merge base) shares nothing that can change."""

from __future__ import annotations

import copy
from datetime import date

from helpers.samples import studied_profile

from planner.core.profile import MilestoneProgress, MilestoneStatus, Profile, StudyEntry


def test_a_deep_copy_is_equal_and_independent() -> None:
    profile = studied_profile()
    profile.milestones = {"p1-course": MilestoneProgress(status=MilestoneStatus.IN_PROGRESS)}
    copied = profile.model_copy(deep=True)
    assert copied == profile
    assert copied.study_log is not profile.study_log
    assert all(a is not b for a, b in zip(copied.study_log, profile.study_log, strict=True))
    copied.study_log[0].hours = 7.5
    copied.milestones["p1-course"].status = MilestoneStatus.DONE
    assert profile.study_log[0].hours != 7.5
    assert profile.milestones["p1-course"].status is MilestoneStatus.IN_PROGRESS
    assert copied.milestones["p1-course"].status is MilestoneStatus.DONE


def test_unknown_fields_of_an_entry_are_copied_deeply() -> None:
    """A field from a newer version (kept and written back) may hold a list: not shared."""
    entry = StudyEntry.model_validate(
        {"day": "2027-01-04", "hours": 2, "topic": "CPT", "tags": ["anatomy"], "mood": "good"}
    )
    copied = copy.deepcopy(entry)
    assert copied == entry
    assert copied.model_extra == {"tags": ["anatomy"], "mood": "good"}
    assert copied.model_extra is not None and entry.model_extra is not None
    copied.model_extra["tags"].append("coding")
    assert entry.model_extra["tags"] == ["anatomy"]


def test_a_copied_entry_keeps_which_fields_were_set() -> None:
    entry = StudyEntry(day=date(2027, 1, 4), hours=1.5, topic="ICD-10-CM")
    copied = copy.deepcopy(entry)
    assert copied.model_fields_set == entry.model_fields_set
    assert copied.model_dump() == entry.model_dump()
    profile = Profile.model_validate(studied_profile().model_dump(mode="json"))
    assert copy.deepcopy(profile).model_dump_json() == profile.model_dump_json()
