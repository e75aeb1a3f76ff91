"""The controller: owns the profile, derives the plan, runs undo; a SaveManager saves it.

It is the only place where the model (Profile, Plan, Progress) and the views meet. Views call
its methods; every edit becomes a ``ProfileEdit`` on the undo stack; the views hear about
the result through the signals. Only its ``saver`` writes the profile file.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from planner.core.base import validation_message
from planner.core.catalog import Catalog
from planner.core.compared_paths import ComparedPath
from planner.core.fit import FitAnswers
from planner.core.inputs import PlanInputs
from planner.core.plan import Plan, PlanError
from planner.core.profile import (
    Profile,
)
from planner.core.programme_check import PROGRAM_COST_ID, ProgrammeCheck
from planner.core.progress import Progress
from planner.core.state import PlanCache, PlanState, accepted_replan, check_usable, derive
from planner.core.storage import ProfileStore
from planner.gui.apprentice_edits import ApprenticeEdits
from planner.gui.edits import ProfileEdit
from planner.gui.saving import AUTOSAVE_MS, RETRY_MS, SaveManager
from planner.gui.tracking import TrackingEdits


class PlannerController(QObject, TrackingEdits, ApprenticeEdits):
    """Holds the profile, the catalog and today; derives the plan and progress; runs undo.

    The save signals come from ``saver`` (see planner.gui.saving), re-sent here for the views.
    """

    planChanged = Signal(object)  # the current plan (baseline moved by a re-plan) changed
    profileChanged = Signal(object)  # anything in the profile changed
    progressChanged = Signal(object)  # progress, pace and status were recomputed
    savedStateChanged = Signal(bool)  # True when the file holds what is shown
    saveStatusChanged = Signal(str)  # "Saved", "Saving…", "Not saved – …"
    storeChanged = Signal(object)  # the profile now lives at another path
    errorOccurred = Signal(str)  # something failed (a save, an invalid edit): one line
    saveFailed = Signal(str)  # saving failed; the edits stay in memory and it is retried

    def __init__(
        self,
        profile: Profile,
        store: ProfileStore,
        catalog: Catalog,
        today: date,
        *,
        autosave_ms: int = AUTOSAVE_MS,
        retry_ms: int = RETRY_MS,
        read_only: bool = False,
        saved: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._catalog = catalog
        self._today = today
        self._read_only = read_only
        self._plans = PlanCache()
        self._applied = True  # whether the last undo command's change could be made
        self._state: PlanState | None = None
        self._rederive()

        self._undo_stack = QUndoStack(self)
        self._undo_stack.setUndoLimit(200)
        self.saver = SaveManager(
            store,
            self._undo_stack,
            lambda: self._profile,
            self._adopt,
            saved=saved,
            read_only=read_only,
            autosave_ms=autosave_ms,
            retry_ms=retry_ms,
            usable=lambda profile: check_usable(profile, self._catalog, self.store.path),
            parent=self,
        )
        for source, target in (
            (self.saver.savedStateChanged, self.savedStateChanged),
            (self.saver.saveStatusChanged, self.saveStatusChanged),
            (self.saver.storeChanged, self.storeChanged),
            (self.saver.errorOccurred, self.errorOccurred),
            (self.saver.saveFailed, self.saveFailed),
        ):
            source.connect(target)

    # ------------------------------------------------------------------ read access

    @property
    def profile(self) -> Profile:
        return self._profile

    @property
    def store(self) -> ProfileStore:
        return self.saver.store

    @property
    def path(self) -> Path:
        return self.saver.store.path

    @property
    def catalog(self) -> Catalog:
        return self._catalog

    @property
    def today(self) -> date:
        return self._today

    @property
    def baseline(self) -> Plan:
        """The plan built from the inputs, before any accepted re-plan."""
        return self.state.baseline

    @property
    def plan(self) -> Plan:
        """The plan the learner follows now."""
        return self.state.plan

    @property
    def progress(self) -> Progress:
        return self.state.progress

    @property
    def state(self) -> PlanState:
        """Everything derived from the profile: plans, progress, warnings, outlook."""
        assert self._state is not None  # derived in __init__
        return self._state

    @property
    def undo_stack(self) -> QUndoStack:
        return self._undo_stack

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def dirty(self) -> bool:
        """Whether the file on disk lags behind what is shown."""
        return self.saver.dirty

    def report_error(self, message: str) -> None:
        """Pass a view's problem (e.g. an unreadable number) to whoever shows errors."""
        self.errorOccurred.emit(message)

    def emit_all(self) -> None:
        """Tell every view the whole state (after connecting, or after a profile switch)."""
        self.planChanged.emit(self.plan)
        self.profileChanged.emit(self._profile)
        self.progressChanged.emit(self.progress)
        self.savedStateChanged.emit(not self.dirty)

    # ------------------------------------------------------------------ plan building

    def try_build(self, inputs: PlanInputs) -> Plan | None:
        """The plan for ``inputs``, or None (and errorOccurred) when it cannot be built."""
        try:
            return self._plans.get(inputs, self._catalog)
        except Exception as exc:  # noqa: BLE001 - any data problem must not take the app down
            self.errorOccurred.emit(f"Cannot build a plan for these choices: {exc}")
            return None

    def _rederive(self, *, fresh: bool = False) -> None:
        """The one place the controller derives plans and progress (the core's ``derive``).

        Plans are reused from the last state when nothing they depend on changed, unless
        ``fresh`` (another profile). A profile that cannot be used raises before anything
        changes here.
        """
        try:
            baseline: Plan | None = self._plans.get(self._profile.inputs, self._catalog)
        except PlanError:
            baseline = None  # derive says why, as the one usable-profile rule's error
        self._state = derive(
            self._profile,
            self._catalog,
            self._today,
            previous=None if fresh else self._state,
            baseline=baseline,
        )

    def _apply_safely(self, values: dict[str, Any], previous: dict[str, Any]) -> bool:
        """``_apply`` from an undo command: on any error put ``previous`` back and report it.

        An exception must never leave a Qt virtual method (it would take the app down).
        """
        self._applied = False
        try:
            self._apply(values)
        except Exception as exc:  # noqa: BLE001 - the profile stays as it was; the user is told
            for name, value in previous.items():
                setattr(self._profile, name, value)
            with contextlib.suppress(Exception):  # these values were derived before
                self._rederive()
            self.emit_all()
            detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            self.errorOccurred.emit(f"Not changed: the plan could not be worked out ({detail})")
            return False
        self._applied = True
        return True

    def _apply(self, values: dict[str, Any]) -> None:
        """Set profile fields (from an undo command) and bring plan and progress up to date."""
        old_plan = self.plan
        for name, value in values.items():
            setattr(self._profile, name, value)
        self._rederive()
        if self.plan is not old_plan and self.plan != old_plan:
            self.planChanged.emit(self.plan)
        self.profileChanged.emit(self._profile)
        self.progressChanged.emit(self.progress)

    def _push(self, text: str, new: dict[str, Any], merge_key: str | None = None) -> bool:
        if self._read_only:
            self.errorOccurred.emit("This window is read-only; nothing was changed.")
            return False
        self._undo_stack.push(ProfileEdit(self, text, new, merge_key))
        return self._applied

    # ------------------------------------------------------------------ edits: plan inputs

    def set_inputs(
        self, inputs: PlanInputs, text: str = "Change the plan", merge_key: str | None = None
    ) -> bool:
        """Use new plan inputs (an accepted re-plan is dropped: a new plan is a new baseline)."""
        if inputs == self._profile.inputs:
            return False
        if self.try_build(inputs) is None:
            return False
        new: dict[str, Any] = {"inputs": inputs}
        if self._profile.replan is not None:
            new["replan"] = None
        return self._push(text, new, merge_key)

    def update_inputs(self, text: str = "Change the plan", **changes: Any) -> bool:
        """Change some inputs by name, validated; errorOccurred and False when invalid."""
        values = self._profile.inputs.model_dump()
        values.update(changes)
        try:
            inputs = PlanInputs.model_validate(values)
        except ValidationError as exc:
            self.errorOccurred.emit(f"Not changed: {validation_message(exc)}")
            return False
        merge = f"inputs.{next(iter(changes))}" if len(changes) == 1 else None
        return self.set_inputs(inputs, text, merge_key=merge)

    def set_name(self, name: str) -> bool:
        name = name.strip()
        if name == self._profile.name:
            return False
        if len(name) > 200:
            self.errorOccurred.emit("Not changed: the name is longer than 200 characters.")
            return False
        return self._push("Change your name", {"name": name}, merge_key="name")

    # ------------------------------------------------------------------ edits: fit and programmes

    def set_fit_answers(self, answers: FitAnswers) -> bool:
        """Keep the fit check's answers (one undo step); False when nothing changed."""
        if self._profile.fit is not None and answers.model_dump() == self._profile.fit.model_dump():
            return False
        return self._push("Save the fit check", {"fit": answers.model_copy(deep=True)})

    def save_programme_check(self, check: ProgrammeCheck) -> bool:
        """Add or replace (by name) a checked programme in the profile (one undo step)."""
        checks = list(self._profile.programme_checks)
        same = [i for i, c in enumerate(checks) if c.name == check.name]
        if same and checks[same[0]].model_dump() == check.model_dump():
            return False
        if same:
            checks[same[0]] = check.model_copy(deep=True)
        else:
            checks.append(check.model_copy(deep=True))
        return self._push(f"Save the check of {check.name}", {"programme_checks": checks})

    def use_programme_price(self, check: ProgrammeCheck) -> bool:
        """The programme's price becomes the plan's training cost (an undoable input edit)."""
        if check.price is None:
            self.errorOccurred.emit("Not changed: enter the programme's total price first.")
            return False
        kept: list[dict[str, Any]] = [
            c.model_dump(mode="json")
            for c in self._profile.inputs.actual_costs
            if c.id != PROGRAM_COST_ID
        ]
        kept.append({"id": PROGRAM_COST_ID, "amount": check.price})
        return self.update_inputs(f"Use {check.name}'s price", actual_costs=kept)

    def use_earliest_exam_date(self) -> bool:
        """Replace a target exam date that no longer fits with the earliest realistic one."""
        target = self.progress.target
        if target is None:
            return False
        return self.update_inputs(
            "Use the earliest realistic exam date", target_exam_date=target.earliest
        )

    # ------------------------------------------------------------------ compared paths

    def set_compared(
        self, paths: list[ComparedPath], text: str, merge_key: str | None = None
    ) -> bool:
        """Keep the paths compared with the plan (the Compare page's columns after the plan)."""
        if paths == self._profile.compared:
            return False
        return self._push(text, {"compared": list(paths)}, merge_key)

    # ------------------------------------------------------------------ re-planning

    def can_replan(self) -> bool:
        shift = self.progress.proposed_shift_days
        return shift is not None and shift != 0

    def accept_replan(self) -> bool:
        """Move open milestones to the learner's real pace (as ``codepath replan`` does)."""
        try:
            state = accepted_replan(self.state)
        except ValidationError as exc:
            self.errorOccurred.emit(f"Cannot re-plan: {validation_message(exc)}")
            return False
        if state is None:
            if self.progress.proposed_shift_days is None:
                self.errorOccurred.emit(f"Nothing to re-plan: {self.progress.status_text}")
            return False
        shift = self.progress.proposed_shift_days or 0
        direction = "later" if shift > 0 else "earlier"
        return self._push(f"Accept re-plan ({abs(shift)} days {direction})", {"replan": state})

    def reset_replan(self) -> bool:
        """Go back to the original plan."""
        if self._profile.replan is None:
            return False
        return self._push("Back to the original plan", {"replan": None})

    def _adopt(self, profile: Profile) -> None:
        """Show a profile that now includes outside changes; old undo steps no longer apply.

        A profile this version cannot use (a newer version's certification) raises
        ProfileError and leaves the window as it was.
        """
        old = self._profile
        self._profile = profile
        try:
            self._rederive(fresh=True)
        except Exception:
            self._profile = old
            raise
        self._undo_stack.clear()
        self._undo_stack.setClean()
        self.emit_all()

    def switch_to(
        self, profile: Profile, store: ProfileStore, *, saved: bool = True, read_only: bool = False
    ) -> None:
        """Work on another profile (File > New or Open); the undo history starts afresh."""
        old = self._profile
        self._profile = profile
        self._plans.clear()
        try:
            self._rederive(fresh=True)
        except Exception:
            self._profile = old
            raise
        self._read_only = read_only
        self.saver.switch_to(store, saved=saved, read_only=read_only)
        self._undo_stack.clear()
        self._undo_stack.setClean()
        self.storeChanged.emit(store.path)
        self.emit_all()
        if not saved:
            self.saver.save_now()
