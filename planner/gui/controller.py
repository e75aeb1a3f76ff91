"""The controller: owns the profile and its store, derives the plan, runs undo and autosave.

It is the only place where the model (Profile, Plan, Progress) and the views meet. Views call
its methods; every edit becomes a ``ProfileEdit`` on the undo stack; the views hear about
the result through the signals. Nothing else writes the profile file.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from pydantic import ValidationError
from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.core.catalog import Catalog
from planner.core.inputs import PlanInputs
from planner.core.plan import Plan, build_plan
from planner.core.profile import (
    CeuEntry,
    ExamScore,
    MilestoneProgress,
    MilestoneStatus,
    Profile,
    ProfileError,
    ReplanState,
    StudyEntry,
)
from planner.core.progress import Progress, compute_progress, current_plan
from planner.core.storage import ProfileStore

AUTOSAVE_MS = 500
RETRY_MS = 15_000
_PLAN_CACHE_SIZE = 24

# Profile fields an edit may replace; values are swapped whole, never changed in place.
_FIELDS = ("name", "inputs", "milestones", "study_log", "scores", "ceus", "replan", "notes")


def validation_message(exc: ValidationError) -> str:
    """The first problem of a pydantic error as one short line."""
    first = exc.errors()[0]
    field = ".".join(str(part) for part in first["loc"])
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{field}: {message}" if field else message


class ProfileEdit(QUndoCommand):
    """Replace some profile fields; undo puts the old values back.

    Edits with the same ``merge_key`` that follow each other merge into one undo step (typing
    a new number of study hours is one change, not one per keystroke).
    """

    _merge_ids: ClassVar[dict[str, int]] = {}

    def __init__(
        self,
        controller: PlannerController,
        text: str,
        new: dict[str, Any],
        merge_key: str | None = None,
    ) -> None:
        super().__init__(text)
        unknown = set(new) - set(_FIELDS)
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
        self._controller._apply(self._new)

    def undo(self) -> None:
        self._controller._apply(self._old)


class PlannerController(QObject):
    """Holds the profile, its store, the catalog and today; derives the plan and progress.

    Signals
    -------
    planChanged(Plan)
        The current plan (the baseline moved by an accepted re-plan) changed.
    profileChanged(Profile)
        Anything in the profile changed (also after a plan change).
    progressChanged(Progress)
        Progress, pace and status were recomputed.
    savedStateChanged(bool)
        True when the file holds what is shown, False when there are unsaved edits.
    saveStatusChanged(str)
        Short text for the status bar: "Saved", "Saving…", "Not saved: …".
    storeChanged(object)
        The profile now lives at another path (Save As, Open, New).
    errorOccurred(str)
        Something failed (a save, an invalid edit); one line for the user.
    saveFailed(str)
        Saving failed; the edits stay in memory and saving is retried.
    """

    planChanged = Signal(object)
    profileChanged = Signal(object)
    progressChanged = Signal(object)
    savedStateChanged = Signal(bool)
    saveStatusChanged = Signal(str)
    storeChanged = Signal(object)
    errorOccurred = Signal(str)
    saveFailed = Signal(str)

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
        self._store = store
        self._catalog = catalog
        self._today = today
        self._read_only = read_only
        self._plan_cache: dict[PlanInputs, Plan] = {}
        self._baseline = self._build(profile.inputs)
        self._plan = current_plan(self._baseline, profile, self._catalog)
        self._progress = compute_progress(self._plan, profile, catalog, today)
        self._unsaved_new = not saved  # a profile not yet written anywhere
        # the profile as last read from or written to the file: the base of a three-way merge
        self._base: Profile | None = profile.model_copy(deep=True) if saved else None
        self._last_save_error: str | None = None
        self.save_count = 0  # successful saves (tests and the status bar use it)

        self._undo_stack = QUndoStack(self)
        self._undo_stack.setUndoLimit(200)
        self._undo_stack.indexChanged.connect(self._on_stack_index_changed)
        self._undo_stack.cleanChanged.connect(self._on_clean_changed)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(autosave_ms)
        self._save_timer.timeout.connect(self.save_now)
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.setInterval(retry_ms)
        self._retry_timer.timeout.connect(self.save_if_dirty)

        # Edits saved by another program (``codepath log`` while the app is open) are picked up:
        # reloaded when this window has nothing unsaved, merged into the next save otherwise.
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file_changed)
        self._watch()

    # ------------------------------------------------------------------ read access

    @property
    def profile(self) -> Profile:
        return self._profile

    @property
    def store(self) -> ProfileStore:
        return self._store

    @property
    def path(self) -> Path:
        return self._store.path

    @property
    def catalog(self) -> Catalog:
        return self._catalog

    @property
    def today(self) -> date:
        return self._today

    @property
    def baseline(self) -> Plan:
        """The plan built from the inputs, before any accepted re-plan."""
        return self._baseline

    @property
    def plan(self) -> Plan:
        """The plan the learner follows now."""
        return self._plan

    @property
    def progress(self) -> Progress:
        return self._progress

    @property
    def undo_stack(self) -> QUndoStack:
        return self._undo_stack

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def dirty(self) -> bool:
        """Whether the file on disk lags behind what is shown."""
        return self._unsaved_new or not self._undo_stack.isClean()

    @property
    def last_save_error(self) -> str | None:
        return self._last_save_error

    def report_error(self, message: str) -> None:
        """Pass a view's problem (e.g. an unreadable number) to whoever shows errors."""
        self.errorOccurred.emit(message)

    def emit_all(self) -> None:
        """Tell every view the whole state (after connecting, or after a profile switch)."""
        self.planChanged.emit(self._plan)
        self.profileChanged.emit(self._profile)
        self.progressChanged.emit(self._progress)
        self.savedStateChanged.emit(not self.dirty)

    # ------------------------------------------------------------------ plan building

    def _build(self, inputs: PlanInputs) -> Plan:
        plan = self._plan_cache.get(inputs)
        if plan is None:
            plan = build_plan(inputs, self._catalog)
            if len(self._plan_cache) >= _PLAN_CACHE_SIZE:
                self._plan_cache.pop(next(iter(self._plan_cache)))
            self._plan_cache[inputs] = plan
        return plan

    def try_build(self, inputs: PlanInputs) -> Plan | None:
        """The plan for ``inputs``, or None (and errorOccurred) when it cannot be built."""
        try:
            return self._build(inputs)
        except Exception as exc:  # noqa: BLE001 - any data problem must not take the app down
            self.errorOccurred.emit(f"Cannot build a plan for these choices: {exc}")
            return None

    def _apply(self, values: dict[str, Any]) -> None:
        """Set profile fields (from an undo command) and bring plan and progress up to date."""
        old_plan = self._plan
        for name, value in values.items():
            setattr(self._profile, name, value)
        if "inputs" in values:
            self._baseline = self._build(self._profile.inputs)
        if {"inputs", "replan", "milestones"} & set(values):
            self._plan = current_plan(self._baseline, self._profile, self._catalog)
        self._progress = compute_progress(self._plan, self._profile, self._catalog, self._today)
        if self._plan is not old_plan and self._plan != old_plan:
            self.planChanged.emit(self._plan)
        self.profileChanged.emit(self._profile)
        self.progressChanged.emit(self._progress)

    def _push(self, text: str, new: dict[str, Any], merge_key: str | None = None) -> bool:
        if self._read_only:
            self.errorOccurred.emit("This window is read-only; nothing was changed.")
            return False
        self._undo_stack.push(ProfileEdit(self, text, new, merge_key))
        return True

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

    # ------------------------------------------------------------------ edits: milestones

    def _title(self, milestone_id: str) -> str:
        milestone = self._plan.milestone(milestone_id)
        return milestone.title if milestone is not None else milestone_id

    def set_milestone_status(self, milestone_id: str, status: MilestoneStatus) -> bool:
        """Set a milestone's status; done gets today's date (kept if it was already done)."""
        if self._plan.milestone(milestone_id) is None:
            self.errorOccurred.emit(f"No milestone '{milestone_id}' in this plan.")
            return False
        previous = self._profile.milestones.get(milestone_id)
        if (previous.status if previous else MilestoneStatus.NOT_STARTED) is status:
            return False
        note = previous.note if previous is not None else ""
        milestones = dict(self._profile.milestones)
        if status is MilestoneStatus.NOT_STARTED and not note:
            milestones.pop(milestone_id, None)
        else:
            done_on = None
            if status is MilestoneStatus.DONE:
                done_on = previous.done_on if previous and previous.done_on else self._today
            milestones[milestone_id] = MilestoneProgress(status=status, done_on=done_on, note=note)
        verb = {
            MilestoneStatus.DONE: "Mark done",
            MilestoneStatus.IN_PROGRESS: "Mark in progress",
            MilestoneStatus.SKIPPED: "Skip",
            MilestoneStatus.NOT_STARTED: "Mark not started",
        }[status]
        return self._push(f"{verb}: {self._title(milestone_id)}", {"milestones": milestones})

    def set_milestone_done(self, milestone_id: str, done: bool) -> bool:
        status = MilestoneStatus.DONE if done else MilestoneStatus.NOT_STARTED
        return self.set_milestone_status(milestone_id, status)

    def set_milestone_note(self, milestone_id: str, note: str) -> bool:
        previous = self._profile.milestones.get(milestone_id)
        if (previous.note if previous else "") == note:
            return False
        milestones = dict(self._profile.milestones)
        if previous is None:
            milestones[milestone_id] = MilestoneProgress(
                status=MilestoneStatus.NOT_STARTED, note=note
            )
        else:
            milestones[milestone_id] = MilestoneProgress(
                status=previous.status, done_on=previous.done_on, note=note
            )
        return self._push(
            f"Note on {self._title(milestone_id)}",
            {"milestones": milestones},
            merge_key=f"note:{milestone_id}",
        )

    # ------------------------------------------------------------------ edits: log, scores, CEUs

    def log_study(self, day: date, hours: float, topic: str, note: str = "") -> bool:
        try:
            entry = StudyEntry(day=day, hours=hours, topic=topic.strip(), note=note.strip())
        except ValidationError as exc:
            self.errorOccurred.emit(f"Not logged: {validation_message(exc)}")
            return False
        log = [*self._profile.study_log, entry]
        return self._push(f"Log {hours:g} h of {entry.topic}", {"study_log": log})

    def remove_study(self, entry_id: str) -> bool:
        log = [e for e in self._profile.study_log if e.id != entry_id]
        if len(log) == len(self._profile.study_log):
            return False
        return self._push("Remove a study entry", {"study_log": log})

    def add_score(self, day: date, exam: str, percent: float) -> bool:
        if exam not in self._catalog.certifications:
            self.errorOccurred.emit(f"Not recorded: unknown exam '{exam}'.")
            return False
        try:
            score = ExamScore(day=day, exam=exam, percent=percent)
        except ValidationError as exc:
            self.errorOccurred.emit(f"Not recorded: {validation_message(exc)}")
            return False
        scores = [*self._profile.scores, score]
        return self._push(f"Record a {exam} practice score", {"scores": scores})

    def remove_score(self, score_id: str) -> bool:
        scores = [s for s in self._profile.scores if s.id != score_id]
        if len(scores) == len(self._profile.scores):
            return False
        return self._push("Remove a practice score", {"scores": scores})

    def add_ceu(self, day: date, credits: float, provider: str, credential: str) -> bool:
        if credential not in self._catalog.certifications:
            self.errorOccurred.emit(f"Not recorded: unknown credential '{credential}'.")
            return False
        try:
            entry = CeuEntry(
                day=day, credits=credits, provider=provider.strip(), credential=credential
            )
        except ValidationError as exc:
            self.errorOccurred.emit(f"Not recorded: {validation_message(exc)}")
            return False
        return self._push(
            f"Record {credits:g} {credential} CEUs", {"ceus": [*self._profile.ceus, entry]}
        )

    def remove_ceu(self, entry_id: str) -> bool:
        ceus = [c for c in self._profile.ceus if c.id != entry_id]
        if len(ceus) == len(self._profile.ceus):
            return False
        return self._push("Remove CEUs", {"ceus": ceus})

    # ------------------------------------------------------------------ re-planning

    def can_replan(self) -> bool:
        shift = self._progress.proposed_shift_days
        return shift is not None and shift != 0

    def accept_replan(self) -> bool:
        """Move open milestones to the learner's real pace (as ``codepath replan`` does)."""
        shift = self._progress.proposed_shift_days
        if shift is None:
            self.errorOccurred.emit(f"Nothing to re-plan: {self._progress.status_text}")
            return False
        if shift == 0:
            return False
        previous = self._profile.replan.shift_days if self._profile.replan is not None else 0
        try:
            state = ReplanState(accepted_on=self._today, shift_days=previous + shift)
        except ValidationError as exc:
            self.errorOccurred.emit(f"Cannot re-plan: {validation_message(exc)}")
            return False
        direction = "later" if shift > 0 else "earlier"
        return self._push(f"Accept re-plan ({abs(shift)} days {direction})", {"replan": state})

    def reset_replan(self) -> bool:
        """Go back to the original plan."""
        if self._profile.replan is None:
            return False
        return self._push("Back to the original plan", {"replan": None})

    # ------------------------------------------------------------------ saving

    def _on_stack_index_changed(self, _index: int) -> None:
        if self._read_only:
            return
        if self.dirty:
            self._retry_timer.stop()
            self._save_timer.start()  # restarted by every edit: one save after a burst
            self.saveStatusChanged.emit("Saving…")
        else:
            self._save_timer.stop()
            self.saveStatusChanged.emit("Saved")

    def _on_clean_changed(self, _clean: bool) -> None:
        self.savedStateChanged.emit(not self.dirty)

    def save_pending(self) -> bool:
        """Whether an autosave is scheduled."""
        return self._save_timer.isActive()

    def _watch(self) -> None:
        if self._read_only:
            return
        watched = self._watcher.files()
        if watched and watched != [str(self._store.path)]:
            self._watcher.removePaths(watched)
        if self._store.path.exists() and str(self._store.path) not in self._watcher.files():
            self._watcher.addPath(str(self._store.path))

    def _on_file_changed(self, _path: str) -> None:
        # an atomic replace drops the watch on some systems: watch the new file again
        QTimer.singleShot(100, self._watch)
        QTimer.singleShot(100, self.reload_if_changed)

    def reload_if_changed(self) -> bool:
        """Take in what another program saved, when this window has no unsaved edits."""
        if self._read_only or self.dirty or self._save_timer.isActive():
            return False
        try:
            on_disk = self._store.load()
        except ProfileError:
            return False  # reported when it matters: at the next save or open
        if on_disk == self._profile:
            return False
        self._adopt(on_disk, "Updated with changes saved outside the app")
        return True

    def _adopt(self, profile: Profile, message: str) -> None:
        """Show a profile that now includes outside changes; old undo steps no longer apply."""
        self._profile = profile
        self._base = profile.model_copy(deep=True)
        self._baseline = self._build(profile.inputs)
        self._plan = current_plan(self._baseline, profile, self._catalog)
        self._progress = compute_progress(self._plan, profile, self._catalog, self._today)
        self._undo_stack.clear()
        self._undo_stack.setClean()
        self.emit_all()
        self.saveStatusChanged.emit(message)

    def save_now(self) -> bool:
        """Write the profile now; on failure keep everything in memory and retry later."""
        self._save_timer.stop()
        if self._read_only:
            return True
        if self._unsaved_new:
            with contextlib.suppress(OSError):  # a missing folder is reported by save() below
                self._store.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            saved = self._store.save_merged(self._profile, self._base)
        except ProfileError as exc:
            self._last_save_error = str(exc)
            self._retry_timer.start()
            self.saveStatusChanged.emit("Not saved – will retry")
            self.errorOccurred.emit(f"Your changes are not saved yet: {exc}")
            self.saveFailed.emit(str(exc))
            self.savedStateChanged.emit(False)
            return False
        self._last_save_error = None
        self._retry_timer.stop()
        self.save_count += 1
        was_new, self._unsaved_new = self._unsaved_new, False
        self._undo_stack.setClean()
        self._watch()
        if saved != self._profile:
            self._adopt(saved, "Saved, with changes made outside the app merged in")
            return True
        self._base = saved.model_copy(deep=True)
        if was_new:
            self.savedStateChanged.emit(True)
        self.saveStatusChanged.emit("Saved")
        return True

    def save_if_dirty(self) -> bool:
        """Save when there are unsaved edits (on quit, before switching profile)."""
        if not self.dirty or self._read_only:
            self._save_timer.stop()
            return True
        return self.save_now()

    def save_as(self, path: Path) -> bool:
        """Write the profile to ``path`` and keep working there."""
        store = ProfileStore(path)
        try:
            store.save(self._profile)
        except ProfileError as exc:
            self.errorOccurred.emit(f"Not saved: {exc}")
            return False
        self._store = store
        self._base = self._profile.model_copy(deep=True)
        self._watch()
        self._unsaved_new = False
        self._last_save_error = None
        self._save_timer.stop()
        self._retry_timer.stop()
        self.save_count += 1
        self._undo_stack.setClean()
        self.storeChanged.emit(path)
        self.savedStateChanged.emit(True)
        self.saveStatusChanged.emit("Saved")
        return True

    def _refuse_own_file(self, path: Path) -> None:
        if self._store.owns(path):
            raise OSError(f"{path} is your profile or one of its backups; choose another file name")

    def export_ics(self, path: Path) -> None:
        """Write the milestones calendar (ImportError while the exporter is not installed)."""
        from planner.core.state import derive
        from planner.report.calendar import write_ics

        self._refuse_own_file(path)
        write_ics(derive(self._profile, self._catalog, self._today), path)

    def export_pdf(self, path: Path, paper: str = "letter") -> None:
        """Write the printable roadmap as PDF (ImportError while printing is not installed)."""
        from planner.core.state import derive
        from planner.render.printing import export_pdf

        self._refuse_own_file(path)
        export_pdf(derive(self._profile, self._catalog, self._today), path, paper=paper)

    def switch_to(self, profile: Profile, store: ProfileStore, *, saved: bool = True) -> None:
        """Work on another profile (File > New or Open); the undo history starts afresh."""
        self._save_timer.stop()
        self._retry_timer.stop()
        self._profile = profile
        self._store = store
        self._plan_cache.clear()
        self._baseline = self._build(profile.inputs)
        self._plan = current_plan(self._baseline, profile, self._catalog)
        self._progress = compute_progress(self._plan, profile, self._catalog, self._today)
        self._unsaved_new = not saved
        self._base = profile.model_copy(deep=True) if saved else None
        self._watch()
        self._last_save_error = None
        self._undo_stack.clear()
        self._undo_stack.setClean()
        self.storeChanged.emit(store.path)
        self.emit_all()
        if not saved:
            self.save_now()
