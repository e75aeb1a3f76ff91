"""Three-way merge of profiles, so edits made elsewhere (the CLI, another window) are never lost."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import ValidationError

from planner.core.inputs import PlanInputs
from planner.core.profile import MilestoneStatus, Profile

T = TypeVar("T")

_ENTRY_LISTS = ("study_log", "scores", "ceus")


@dataclass
class MergeResult:
    """The merged profile and, in words, every value of ours that won over a change elsewhere."""

    profile: Profile
    conflicts: list[str] = field(default_factory=list)


def _merge_entries(base: list[Any], ours: list[Any], theirs: list[Any]) -> list[Any]:
    """Entries with ids: keep both sides' additions and edits, drop what either side removed."""
    base_ids = {e.id: e for e in base}
    our_ids = {e.id: e for e in ours}
    their_ids = {e.id: e for e in theirs}
    merged: list[Any] = []
    for entry in theirs:
        if entry.id in base_ids and entry.id not in our_ids:
            continue  # we removed it
        mine = our_ids.get(entry.id)
        if mine is not None and mine != base_ids.get(entry.id):
            merged.append(mine)  # we edited it: ours wins
        else:
            merged.append(entry)
    merged += [e for e in ours if e.id not in base_ids and e.id not in their_ids]
    return merged


def _merge_mapping(base: dict[str, T], ours: dict[str, T], theirs: dict[str, T]) -> dict[str, T]:
    merged: dict[str, T] = {}
    for key in {**theirs, **ours}:
        b, o, t = base.get(key), ours.get(key), theirs.get(key)
        value = t if o == b else o  # a key only we changed takes our value; otherwise theirs
        if value is not None:
            merged[key] = value
    return merged


_BOTH_CHANGED = object()


def _one_side(base: Any, ours: Any, theirs: Any) -> Any:
    """The value when at most one side changed it (ours on a tie), else ``_BOTH_CHANGED``."""
    if ours == base:
        return theirs
    if theirs in (base, ours):
        return ours
    return _BOTH_CHANGED


def _label(name: str) -> str:
    return name.replace("_", " ")


def _merge_inputs(
    base: PlanInputs, ours: PlanInputs, theirs: PlanInputs, conflicts: list[str]
) -> PlanInputs:
    """Plan inputs field by field: a field only one side changed takes that side's value."""
    values: dict[str, Any] = {}
    lost: list[str] = []
    for name in PlanInputs.model_fields:
        o, t = getattr(ours, name), getattr(theirs, name)
        values[name] = _one_side(getattr(base, name), o, t)
        if values[name] is _BOTH_CHANGED:
            values[name] = o
            lost.append(f"{_label(name)}: kept {o} from this window, not {t} saved elsewhere")
    try:
        merged = PlanInputs.model_validate(values)
    except ValidationError:  # the two sides' choices do not fit together: ours as a whole
        conflicts.append("plan settings: kept this window's settings, not those saved elsewhere")
        return ours
    conflicts += lost
    return merged


def merge_report(base: Profile, ours: Profile, theirs: Profile) -> MergeResult:
    """Merge ``ours`` and ``theirs``, both derived from ``base``, and list the lost values.

    Per field: a field only one side changed takes that side's value. Where both changed, the
    logs (study, scores, CEUs) and milestone progress are merged entry by entry and the plan
    inputs field by field; for any other value both sides changed, ours wins (and is listed).
    """
    if theirs == base:
        return MergeResult(ours)
    if ours == base:
        return MergeResult(theirs)
    values: dict[str, Any] = {}
    conflicts: list[str] = []
    for name in Profile.model_fields:
        b, o, t = getattr(base, name), getattr(ours, name), getattr(theirs, name)
        if (one := _one_side(b, o, t)) is not _BOTH_CHANGED:
            values[name] = one
        elif name in _ENTRY_LISTS:
            values[name] = _merge_entries(b, o, t)
        elif name == "milestones":
            values[name] = _merge_mapping(b, o, t)
        elif name == "inputs":
            values[name] = _merge_inputs(b, o, t, conflicts)
        else:
            values[name] = o
            conflicts.append(
                f"{_label(name)}: kept this window's value, not the one saved elsewhere"
            )
    return MergeResult(Profile.model_validate(values), conflicts)


def merge_profiles(base: Profile, ours: Profile, theirs: Profile) -> Profile:
    """The merged profile of ``merge_report`` (without the list of lost values)."""
    return merge_report(base, ours, theirs).profile


def lost_entries(base: Profile, theirs: Profile) -> int:
    """How many logged entries and done milestones of ``base`` are missing from ``theirs``.

    Nonzero when an older copy of the file was put back (a sync client, a restore elsewhere).
    """
    missing = 0
    for name in _ENTRY_LISTS:
        their_ids = {e.id for e in getattr(theirs, name)}
        missing += sum(1 for e in getattr(base, name) if e.id not in their_ids)
    missing += sum(
        1
        for key, progress in base.milestones.items()
        if progress.status is MilestoneStatus.DONE
        and theirs.milestone_status(key) is not MilestoneStatus.DONE
    )
    return missing
