"""Three-way merge of profiles, so edits made elsewhere (the CLI, another window) are never lost."""

from __future__ import annotations

from typing import Any, TypeVar

from planner.core.profile import Profile

T = TypeVar("T")

_ENTRY_LISTS = ("study_log", "scores", "ceus")


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


def merge_profiles(base: Profile, ours: Profile, theirs: Profile) -> Profile:
    """Merge ``ours`` and ``theirs``, both derived from ``base``.

    Per field: a field only one side changed takes that side's value. Where both changed, the
    logs (study, scores, CEUs) and milestone progress are merged entry by entry; any other
    field takes our value.
    """
    if theirs == base:
        return ours
    if ours == base:
        return theirs
    values: dict[str, Any] = {}
    for name in Profile.model_fields:
        b, o, t = getattr(base, name), getattr(ours, name), getattr(theirs, name)
        if o == b:
            values[name] = t
        elif t == b:
            values[name] = o
        elif name in _ENTRY_LISTS:
            values[name] = _merge_entries(b, o, t)
        elif name == "milestones":
            values[name] = _merge_mapping(b, o, t)
        else:
            values[name] = o
    return Profile.model_validate(values)
