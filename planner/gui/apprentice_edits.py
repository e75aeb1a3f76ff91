"""The apprentice-evidence edits of the controller: ticks, work dates, attached files (undoable)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from planner.core.apprentice import ApprenticeStatus
from planner.core.apprentice_evidence import ApprenticeEvidence, Attachment
from planner.core.attachments import attach_copy, attachment_path
from planner.core.base import validation_message
from planner.core.catalog import Catalog
from planner.core.profile import Profile
from planner.core.state import PlanState


class ApprenticeEdits:
    """Mixed into ``PlannerController``: what a CPC-A / COC-A learner records towards the 'A'.

    The controller provides the profile, the state, today, the profile's path, ``_push`` and
    ``errorOccurred``. Attaching copies the file with the core's ``attach_copy`` (private,
    never overwriting); undo only takes the file off the list, the copy stays (and is backed up).
    """

    _profile: Profile
    _catalog: Catalog
    _today: date
    _read_only: bool
    errorOccurred: Any

    @property
    def state(self) -> PlanState:
        raise NotImplementedError

    @property
    def path(self) -> Path:
        raise NotImplementedError

    def _push(self, text: str, new: dict[str, Any], merge_key: str | None = None) -> bool:
        raise NotImplementedError

    @property
    def evidence(self) -> ApprenticeEvidence:
        """The evidence in the profile (empty when nothing was recorded yet)."""
        return self._profile.apprentice or ApprenticeEvidence()

    def apprentice_status(self) -> ApprenticeStatus | None:
        """The closest route for the evidence; None when the plan has no apprentice period."""
        return self.state.apprentice_status()

    def attachment_file(self, name: str) -> Path:
        """Where an attached file is kept (to open it)."""
        return attachment_path(self.path, name)

    def _set_evidence(self, text: str, evidence: ApprenticeEvidence) -> bool:
        if evidence == self._profile.apprentice:
            return False
        return self._push(text, {"apprentice": evidence})

    def set_apprentice_tick(self, tick: str, on: bool) -> bool:
        """Tick (or untick) an item or one of its checks, e.g. ``letters.signed``."""
        evidence = self.evidence.model_copy(deep=True)
        if (tick in evidence.ticked) == on:
            return False
        evidence.ticked = (
            [*evidence.ticked, tick] if on else [t for t in evidence.ticked if t != tick]
        )
        return self._set_evidence(f"{'Tick' if on else 'Untick'} apprentice evidence", evidence)

    def set_apprentice_work(self, started: date | None, ended: date | None) -> bool:
        """Set when the learner's coding work started and ended (None: not set / still working)."""
        if started is not None and started > self._today:
            self.errorOccurred.emit("Not changed: the work cannot start after today.")
            return False
        values = self.evidence.model_dump()
        values.update(work_started=started, work_ended=ended)
        try:
            evidence = ApprenticeEvidence.model_validate(values)
        except ValidationError as exc:
            self.errorOccurred.emit(f"Not changed: {validation_message(exc)}")
            return False
        return self._set_evidence("Change the coding work dates", evidence)

    def attach_apprentice_file(self, item: str, source: Path) -> bool:
        """Copy ``source`` beside the profile and list it as evidence for ``item``."""
        if self._read_only:
            self.errorOccurred.emit("This window is read-only; nothing was changed.")
            return False
        try:
            name = attach_copy(self.path, source)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self.errorOccurred.emit(f"Not attached: {Path(source).name}: {reason}")
            return False
        evidence = self.evidence.model_copy(deep=True)
        evidence.files = [*evidence.files, Attachment(name=name, item=item, added=self._today)]
        return self._set_evidence(f"Attach {name}", evidence)

    def detach_apprentice_file(self, name: str) -> bool:
        """Take a file off the evidence list (the copy beside the profile is kept)."""
        evidence = self.evidence.model_copy(deep=True)
        kept = [f for f in evidence.files if f.name != name]
        if len(kept) == len(evidence.files):
            return False
        evidence.files = kept
        return self._set_evidence(f"Remove {name} from the evidence", evidence)
