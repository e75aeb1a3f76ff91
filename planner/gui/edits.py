"""The undo command every profile edit becomes, what milestone edits change, and error lines."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar, Protocol

from PySide6.QtGui import QUndoCommand

from planner.core.profile import MilestoneProgress, MilestoneStatus, Profile

# Profile fields an edit may replace; values are swapped whole, never changed in place.
FIELDS = (
    "name",
    "inputs",
    "milestones",
    "study_log",
    "scores",
    "ceus",
    "replan",
    "programme",
    "fit",
    "programme_checks",
    "apprentice",
    "notes",
    "compared",
)


class EditTarget(Protocol):
    """What an edit changes: the controller's profile, through its guarded apply."""

    @property
    def profile(self) -> Profile: ...

    def _apply_safely(self, values: dict[str, Any], previous: dict[str, Any]) -> bool: ...


class ProfileEdit(QUndoCommand):
    """Replace some profile fields; undo puts the old values back.

    Edits with the same ``merge_key`` that follow each other merge into one undo step (typing
    a new number of study hours is one change, not one per keystroke).
    """

    _merge_ids: ClassVar[dict[str, int]] = {}

    def __init__(
        self,
        controller: EditTarget,
        text: str,
        new: dict[str, Any],
        merge_key: str | None = None,
    ) -> None:
        super().__init__(text)
        unknown = set(new) - set(FIELDS)
        if unknown:
            raise ValueError(f"not a profile field: {sorted(unknown)}")
        self._controller = controller
        self._old = {name: getattr(controller.profile, name) for name in new}
        self._new = dict(new)
        self._merge_key = merge_key

    def id(self) -> int:
        if self._merge_key is None:
            return -1
        return self._merge_ids.setdefault(self._merge_key, len(self._merge_ids) + 1)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ProfileEdit) or other._merge_key != self._merge_key:
            return False
        if set(other._new) - set(self._new):
            return False
        self._new.update(other._new)
        return True

    def redo(self) -> None:
        if not self._controller._apply_safely(self._new, self._old):
            self.setObsolete(True)  # dropped from the stack: the profile is as it was

    def undo(self) -> None:
        if not self._controller._apply_safely(self._old, self._new):
            self.setObsolete(True)


Milestones = dict[str, MilestoneProgress]

STATUS_VERBS = {  # the undo text of a status change
    MilestoneStatus.DONE: "Mark done",
    MilestoneStatus.IN_PROGRESS: "Mark in progress",
    MilestoneStatus.SKIPPED: "Skip",
    MilestoneStatus.NOT_STARTED: "Mark not started",
}


def with_status(
    milestones: Milestones, milestone_id: str, status: MilestoneStatus, today: date
) -> Milestones | None:
    """Milestones with one status set (done gets ``today``, kept if already done); None: same."""
    previous = milestones.get(milestone_id)
    if (previous.status if previous else MilestoneStatus.NOT_STARTED) is status:
        return None
    note = previous.note if previous is not None else ""
    changed = dict(milestones)
    if status is MilestoneStatus.NOT_STARTED and not note:
        changed.pop(milestone_id, None)
    else:
        done_on = None
        if status is MilestoneStatus.DONE:
            done_on = previous.done_on if previous and previous.done_on else today
        changed[milestone_id] = MilestoneProgress(status=status, done_on=done_on, note=note)
    return changed


def with_note(milestones: Milestones, milestone_id: str, note: str) -> Milestones | None:
    """Milestones with one note set; None when it is the same note."""
    previous = milestones.get(milestone_id)
    if (previous.note if previous else "") == note:
        return None
    changed = dict(milestones)
    if previous is None:
        changed[milestone_id] = MilestoneProgress(status=MilestoneStatus.NOT_STARTED, note=note)
    else:
        changed[milestone_id] = MilestoneProgress(
            status=previous.status, done_on=previous.done_on, note=note
        )
    return changed
