"""The tracking edits (milestones, degree programme, study log, scores, CEUs) of the controller."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from pydantic import ValidationError

from planner.core.base import validation_message
from planner.core.catalog import Catalog
from planner.core.plan import Plan
from planner.core.profile import (
    CeuEntry,
    ExamScore,
    MilestoneProgress,
    MilestoneStatus,
    Profile,
    ProgrammeProgress,
    StudyEntry,
    day_after_today,
)
from planner.gui.edits import STATUS_VERBS, with_note, with_status

_Entry = TypeVar("_Entry", StudyEntry, ExamScore, CeuEntry)


class TrackingEdits:
    """What the learner records as they go; each becomes one undoable edit via ``_push``.

    Mixed into ``PlannerController``, which provides the profile, the plan, today, the catalog,
    ``_push`` and the ``errorOccurred`` signal.
    """

    _profile: Profile
    _catalog: Catalog
    _today: date
    errorOccurred: Any

    @property
    def plan(self) -> Plan:
        raise NotImplementedError

    def _push(self, text: str, new: dict[str, Any], merge_key: str | None = None) -> bool:
        raise NotImplementedError

    # ------------------------------------------------------------------ edits: milestones

    def _title(self, milestone_id: str) -> str:
        milestone = self.plan.milestone(milestone_id)
        return milestone.title if milestone is not None else milestone_id

    def set_milestone_status(self, milestone_id: str, status: MilestoneStatus) -> bool:
        """Set a milestone's status; done gets today's date (kept if it was already done)."""
        if self.plan.milestone(milestone_id) is None:
            self.errorOccurred.emit(f"No milestone '{milestone_id}' in this plan.")
            return False
        milestones = with_status(self._profile.milestones, milestone_id, status, self._today)
        if milestones is None:
            return False
        text = f"{STATUS_VERBS[status]}: {self._title(milestone_id)}"
        return self._push(text, {"milestones": milestones})

    def set_milestone_done(self, milestone_id: str, done: bool) -> bool:
        status = MilestoneStatus.DONE if done else MilestoneStatus.NOT_STARTED
        return self.set_milestone_status(milestone_id, status)

    def set_milestone_note(self, milestone_id: str, note: str) -> bool:
        milestones = with_note(self._profile.milestones, milestone_id, note)
        if milestones is None:
            return False
        text = f"Note on {self._title(milestone_id)}"
        return self._push(text, {"milestones": milestones}, merge_key=f"note:{milestone_id}")

    def set_milestone_done_on(self, milestone_id: str, day: date) -> bool:
        """Mark a milestone done on the day it was really done (not after today)."""
        if self.plan.milestone(milestone_id) is None:
            self.errorOccurred.emit(f"No milestone '{milestone_id}' in this plan.")
            return False
        problem = day_after_today(day, self._today, "The day it was done")
        if problem is not None:
            self.errorOccurred.emit(f"Not changed: {problem}")
            return False
        previous = self._profile.milestones.get(milestone_id)
        note = previous.note if previous is not None else ""
        try:
            progress = MilestoneProgress(status=MilestoneStatus.DONE, done_on=day, note=note)
        except ValidationError as exc:
            self.errorOccurred.emit(f"Not changed: {validation_message(exc)}")
            return False
        if previous == progress:
            return False
        milestones = {**self._profile.milestones, milestone_id: progress}
        text = f"Done on {day.isoformat()}: {self._title(milestone_id)}"
        return self._push(text, {"milestones": milestones})

    def set_programme(self, programme: ProgrammeProgress | None) -> bool:
        """Record the credits and terms done of a degree programme (RHIT, RHIA)."""
        if programme == self._profile.programme:
            return False
        return self._push("Update programme progress", {"programme": programme})

    # ------------------------------------------------------------------ edits: log, scores, CEUs

    def _valid(self, kind: type[_Entry], refused: str, **values: Any) -> _Entry | None:
        """A validated entry, or None with the first problem reported as ``refused: …``."""
        try:
            return kind(**values)
        except ValidationError as exc:
            self.errorOccurred.emit(f"{refused}: {validation_message(exc)}")
            return None

    def _add(self, name: str, entry: StudyEntry | ExamScore | CeuEntry | None, text: str) -> bool:
        return entry is not None and self._push(
            text, {name: [*getattr(self._profile, name), entry]}
        )

    def _remove(self, name: str, entry_id: str, text: str) -> bool:
        entries = getattr(self._profile, name)
        kept = [e for e in entries if e.id != entry_id]
        return len(kept) != len(entries) and self._push(text, {name: kept})

    def _known(self, certification: str, what: str) -> bool:
        if certification not in self._catalog.certifications:
            self.errorOccurred.emit(f"Not recorded: unknown {what} '{certification}'.")
            return False
        return True

    def log_study(self, day: date, hours: float, topic: str, note: str = "") -> bool:
        topic, note = topic.strip(), note.strip()
        entry = self._valid(StudyEntry, "Not logged", day=day, hours=hours, topic=topic, note=note)
        return self._add("study_log", entry, f"Log {hours:g} h of {topic}")

    def remove_study(self, entry_id: str) -> bool:
        return self._remove("study_log", entry_id, "Remove a study entry")

    def add_score(self, day: date, exam: str, percent: float) -> bool:
        if not self._known(exam, "exam"):
            return False
        score = self._valid(ExamScore, "Not recorded", day=day, exam=exam, percent=percent)
        return self._add("scores", score, f"Record a {exam} practice score")

    def remove_score(self, score_id: str) -> bool:
        return self._remove("scores", score_id, "Remove a practice score")

    def add_ceu(self, day: date, credits: float, provider: str, credential: str) -> bool:
        if not self._known(credential, "credential"):
            return False
        values = {"day": day, "credits": credits, "provider": provider.strip()}
        entry = self._valid(CeuEntry, "Not recorded", credential=credential, **values)
        return self._add("ceus", entry, f"Record {credits:g} {credential} CEUs")

    def remove_ceu(self, entry_id: str) -> bool:
        return self._remove("ceus", entry_id, "Remove CEUs")
