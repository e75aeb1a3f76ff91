"""Saving the window's profile: dirty state, autosave, retry, file watching, merge and shutdown.

One ``SaveManager`` per window, in the manner of qutebrowser's SaveManager. It never loses the
learner's data: a save that fails for any reason keeps the edits and says so; a file it cannot
read is never written over; edits saved elsewhere are merged in or shown; a deleted file is
noticed; an older copy put back is adopted only after the last save is kept as a backup.
"""

from __future__ import annotations

import contextlib
import copy
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack

from planner.core.attachments import carry_attachments
from planner.core.chunked_json import profile_json
from planner.core.merge import lost_entries, merge_report
from planner.core.profile import Profile, ProfileError, ProfileNotFoundError
from planner.core.storage import ProfileStore

AUTOSAVE_MS = 500
RETRY_MS = 15_000
CHECK_MS = 150  # wait for a burst of file events (temp file, rename) to settle

SAVED = "Saved"
SAVING = "Saving…"
NOT_SAVED_RETRY = "Not saved – will retry"
FILE_UNREADABLE = "Not saved – the file on disk cannot be read"
FILE_UNREADABLE_NOW = "The profile file on disk cannot be read; it will not be written over"
FILE_DELETED = "Not saved – the profile file was deleted"

# Writing 100,000 study entries takes seconds (measured: benchmarks/bench_scaling.py); from
# about 1,000 entries a save takes over 50 ms, so longer profiles are written by a worker
# thread and the window stays responsive. Shorter ones are written at once, as before.
BACKGROUND_FROM_ENTRIES = 1_000

Adopt = Callable[[Profile], None]


def _entry_count(profile: Profile) -> int:
    return (
        len(profile.study_log) + len(profile.scores) + len(profile.ceus) + len(profile.milestones)
    )


def _values(profile: Profile) -> tuple[object, ...]:
    """The profile's field values; edits replace them whole, so identity tells a change."""
    return (*(getattr(profile, name) for name in type(profile).model_fields), profile.model_extra)


def _snapshot(profile: Profile) -> Profile:
    """A copy that later edits cannot reach: edits replace values whole and never change an
    entry in place, so copying the lists and dicts is enough (a deep copy of 100,000 entries
    takes about four seconds; this, milliseconds)."""
    containers = {
        name: copy.copy(value)
        for name, value in profile.__dict__.items()
        if isinstance(value, list | dict)
    }
    return profile.model_copy(update=containers)


def _same_values(left: tuple[object, ...], right: tuple[object, ...]) -> bool:
    return len(left) == len(right) and all(a is b for a, b in zip(left, right, strict=True))


@dataclass
class _SaveJob:
    """One save written by the worker thread, and what it found."""

    ours: Profile  # the snapshot written
    values: tuple[object, ...]  # the shown profile's values when the snapshot was taken
    written: Profile | None = None
    base: Profile | None = None  # a snapshot of ``written``, made in the worker
    notices: list[str] = field(default_factory=list)
    error: Exception | None = None
    done: threading.Event = field(default_factory=threading.Event)


class UnreadableFileError(Exception):
    """The file on disk cannot be read (newer format, damaged): it must not be written over."""

    def __init__(self, error: ProfileError) -> None:
        super().__init__(str(error))
        self.error = error


class SaveManager(QObject):
    """Keeps one profile file in step with what the window shows.

    ``current`` returns the profile shown; ``adopt`` replaces it (outside changes, a merge) and
    must leave the undo stack clean. The undo stack's clean index is "what the file holds".

    Signals: savedStateChanged(bool); saveStatusChanged(str); saveFailed(str) (the edits
    stay in memory); errorOccurred(str) (one line for the status bar); storeChanged(Path);
    fileUnreadable(ProfileError) (the file on disk cannot be read: nothing was written);
    fileMissing(Path) (the file was deleted; the next save writes it back); noticeGiven(str)
    (something the user should know: a kept copy, a value that lost a conflict).
    """

    savedStateChanged = Signal(bool)
    saveStatusChanged = Signal(str)
    saveFailed = Signal(str)
    errorOccurred = Signal(str)
    storeChanged = Signal(object)
    fileUnreadable = Signal(object)
    fileMissing = Signal(object)
    noticeGiven = Signal(str)
    # From the worker thread, queued to this object's thread. It carries no Python object:
    # the job is taken from ``self._job`` on this thread (a Python object handed across
    # threads in a queued signal is what crashed PySide under load).
    _jobFinished = Signal()

    def __init__(
        self,
        store: ProfileStore,
        undo_stack: QUndoStack,
        current: Callable[[], Profile],
        adopt: Adopt,
        *,
        saved: bool = True,
        read_only: bool = False,
        autosave_ms: int = AUTOSAVE_MS,
        retry_ms: int = RETRY_MS,
        usable: Callable[[Profile], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # raises ProfileError for a profile this version cannot use (the core's one rule)
        self._usable = usable
        self._store = store
        self._undo_stack = undo_stack
        self._current = current
        self._adopt = adopt
        self._read_only = read_only
        self._shut_down = False
        self._unsaved_new = not saved  # a profile not yet written anywhere
        self._file_missing = False
        self._unreadable_reported: str | None = None
        # the profile as last read from or written to the file: the base of a three-way merge
        self._base: Profile | None = _snapshot(current()) if saved else None
        self._base_saved = False  # whether _base is what this window saved last
        self.last_save_error: str | None = None
        self.save_count = 0  # successful saves (tests and the status bar use it)

        # profiles with this many entries or more are written by a worker thread
        self.background_from = BACKGROUND_FROM_ENTRIES
        self._job: _SaveJob | None = None
        self._job_thread: threading.Thread | None = None
        self._save_again = False  # an autosave asked for while the worker was writing
        self._jobFinished.connect(self._on_job_done, Qt.ConnectionType.QueuedConnection)

        self._save_timer = self._timer(autosave_ms, self._autosave)
        self._retry_timer = self._timer(retry_ms, self.save_if_dirty)
        self._check_timer = self._timer(CHECK_MS, self.check_file)
        undo_stack.indexChanged.connect(self._on_stack_index_changed)
        undo_stack.cleanChanged.connect(self._emit_saved_state)
        # The file and its folder are watched: the folder tells when a deleted file reappears.
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_path_changed)
        self._watcher.directoryChanged.connect(self._on_path_changed)
        self._watch()

    def _timer(self, interval: int, slot: Callable[[], object]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    # ------------------------------------------------------------------ state

    @property
    def store(self) -> ProfileStore:
        return self._store

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def dirty(self) -> bool:
        """Whether the file on disk lags behind what is shown."""
        if self._read_only:
            return False
        return (
            self._unsaved_new
            or self._file_missing
            or self._job is not None  # being written: the file holds it once that is done
            or not self._undo_stack.isClean()
        )

    @property
    def file_missing(self) -> bool:
        return self._file_missing

    def save_pending(self) -> bool:
        """Whether an autosave is scheduled."""
        return self._save_timer.isActive()

    def _emit_saved_state(self, *_args: object) -> None:
        self.savedStateChanged.emit(not self.dirty)

    def _on_stack_index_changed(self, _index: int) -> None:
        if self._read_only:
            return
        if self.dirty:
            self._retry_timer.stop()
            self._save_timer.start()  # restarted by every edit: one save after a burst
            self.saveStatusChanged.emit(SAVING)
        else:
            self._save_timer.stop()
            self.saveStatusChanged.emit(SAVED)
            # back at what was last saved: take in what others saved meanwhile, as any reload
            # does (found by the GUI fuzz test: "Saved" was shown while the file held more)
            QTimer.singleShot(0, self.reload_if_changed)

    # ------------------------------------------------------------------ saving

    def saving_in_background(self) -> bool:
        """Whether the worker thread is writing a save now."""
        return self._job is not None

    def _autosave(self) -> None:
        """The autosave: at once for a short profile, in the worker thread for a long one."""
        if self._read_only or not self.dirty:
            return
        if self._job is not None:
            self._save_again = True  # after the save being written, in order
            return
        quick = _entry_count(self._current()) < self.background_from
        if quick or self._unsaved_new or self._file_missing:
            self.save_now()
        else:
            self.save_in_background()

    def save_in_background(self) -> None:
        """Write the profile in a worker thread (the same lock, merge, backups and atomic
        replace as ``save_now``); the result is taken in on this object's thread."""
        self._save_timer.stop()
        if self._read_only or self._shut_down:
            return
        if self._job is not None:
            self._save_again = True
            return
        shown = self._current()
        job = _SaveJob(ours=_snapshot(shown), values=_values(shown))
        self._job = job
        self._job_thread = threading.Thread(
            target=self._write_job, args=(job,), name="profile-save", daemon=True
        )
        self._job_thread.start()

    def _write_job(self, job: _SaveJob) -> None:
        """In the worker thread: merge and write, and copy what was written as the new base."""
        try:
            job.written, job.notices = self._write(job.ours)
            job.base = _snapshot(job.written)
        except Exception as exc:  # noqa: BLE001 - reported on the window's thread
            job.error = exc
        finally:
            job.done.set()
            with contextlib.suppress(RuntimeError):  # the saver may be gone at exit
                self._jobFinished.emit()

    def wait_for_saves(self) -> None:
        """Wait for the save the worker is writing and take in its result (close, quit, tests)."""
        job, thread = self._job, self._job_thread
        if job is None:
            return
        if thread is not None:
            thread.join()
        job.done.wait()
        self._on_job_finished(job)

    def _on_job_done(self) -> None:
        job = self._job
        if job is not None and job.done.is_set():  # else taken in already by wait_for_saves
            self._on_job_finished(job)

    def _on_job_finished(self, job: object) -> None:
        if job is not self._job or not isinstance(job, _SaveJob):
            return  # already taken in by wait_for_saves
        self._job = self._job_thread = None
        again, self._save_again = self._save_again, False
        if job.error is not None:
            self._report_failure(job.error)
        elif job.written is not None and job.base is not None:
            if _same_values(_values(self._current()), job.values):
                self._saved(job.written, "Saved, with changes made outside the app merged in",
                            base=job.base, same=job.written is job.ours)  # fmt: skip
            else:
                self._saved_while_editing(job.written is job.ours, job.base)
            for notice in job.notices:
                self.noticeGiven.emit(notice)
        if again and not self._shut_down and not self._read_only and self.dirty:
            self._autosave()

    def _saved_while_editing(self, unmerged: bool, base: Profile) -> None:
        """The snapshot is on disk, but the window changed meanwhile: save again, in order."""
        self.save_count += 1
        self.last_save_error = None
        self._retry_timer.stop()
        self._unsaved_new = False
        self._file_missing = False
        # unmerged: the file holds the snapshot, the next save's base; else the base stays
        # and the file is read again, so the outside changes are merged in again
        if unmerged:
            self._base = base
        self._base_saved = unmerged
        # what the undo stack calls clean may be what was shown before the save: not on disk
        self._undo_stack.resetClean()
        self._watch()
        self._save_timer.start()
        self.saveStatusChanged.emit(SAVING)
        self._emit_saved_state()

    def _report_failure(self, exc: Exception) -> None:
        if isinstance(exc, UnreadableFileError):
            self._fail(FILE_UNREADABLE, f"the file on disk cannot be read: {exc}")
            if self._unreadable_reported != str(exc):
                self._unreadable_reported = str(exc)
                self.fileUnreadable.emit(exc.error)
            return
        problem = str(exc) if isinstance(exc, ProfileError) else f"{type(exc).__name__}: {exc}"
        self._fail(NOT_SAVED_RETRY, problem)

    def save_now(self) -> bool:
        """Write the profile now; on any failure keep everything in memory and retry later.

        A save the worker thread is writing is finished first, so saves never overtake.
        """
        self.wait_for_saves()
        self._save_timer.stop()
        if self._read_only:
            return True
        if self._unsaved_new:
            with contextlib.suppress(OSError):  # a missing folder is reported by save() below
                self._store.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            written, notices = self._write()
        except UnreadableFileError as exc:
            self._fail(FILE_UNREADABLE, f"the file on disk cannot be read: {exc}")
            if self._unreadable_reported != str(exc):
                self._unreadable_reported = str(exc)
                self.fileUnreadable.emit(exc.error)
            return False
        except Exception as exc:  # noqa: BLE001 - whatever went wrong, the edits are kept
            problem = str(exc) if isinstance(exc, ProfileError) else f"{type(exc).__name__}: {exc}"
            self._fail(NOT_SAVED_RETRY, problem)
            return False
        self._saved(written, "Saved, with changes made outside the app merged in")
        for notice in notices:
            self.noticeGiven.emit(notice)
        return True

    def _write(self, snapshot: Profile | None = None) -> tuple[Profile, list[str]]:
        """Merge with what the file holds now and write; the profile written and notices.

        With ``snapshot`` (the worker thread) the profile is written in pieces, and a file
        that still holds our last save byte for byte is not parsed again.
        """
        store = self._store
        ours = self._current() if snapshot is None else snapshot
        notices: list[str] = []
        with store.lock():
            try:
                theirs: Profile | None
                base = self._base
                if snapshot is not None and base is not None and self._file_holds(base):
                    theirs = base  # nothing changed on disk: nothing to parse or merge
                else:
                    theirs = store.load()
            except ProfileNotFoundError:
                theirs = None
            except ProfileError as exc:
                if self._base is not None:
                    raise UnreadableFileError(exc) from exc
                theirs = None  # a new profile in place of a bad file: save() keeps it aside
            if theirs is not None and self._base is not None and self._usable is not None:
                try:  # e.g. a certification only a newer version knows: never merge into it
                    self._usable(theirs)
                except ProfileError as exc:
                    raise UnreadableFileError(exc) from exc
            merged = ours
            if self._base is not None and theirs is not None and theirs != self._base:
                notices += self._keep_last_save_if_lost(theirs, write_theirs=False)
                result = merge_report(self._base, ours, theirs)
                merged = result.profile
                if result.conflicts:
                    notices.append(
                        "Changed in this window and elsewhere; this window's value was kept: "
                        + "; ".join(result.conflicts)
                    )
            if snapshot is not None:
                store.save(merged, in_pieces=True)
            else:
                store.save(merged)
        return merged, notices

    def _file_holds(self, base: Profile) -> bool:
        """Whether the file holds ``base`` byte for byte, found without parsing it (parsing
        a long profile is one call that would hold Python's lock, and the window, for long)."""
        store = self._store
        if self._base_saved and store.holds_last_saved():
            return True
        try:
            text = profile_json(base)  # made in pieces
        except ValueError:
            return False
        return store.holds_profile_bytes((text + "\n").encode("utf-8"))

    def _keep_last_save_if_lost(self, theirs: Profile, *, write_theirs: bool) -> list[str]:
        """Before taking in a file that lost entries, make our last save the newest backup.

        Writing our last save rotates their file into the backups; the next write (theirs
        again, or the merge) rotates ours into ``.bak1``. Both stay restorable.
        """
        assert self._base is not None
        missing = lost_entries(self._base, theirs)
        if not missing:
            return []
        self._store.save(self._base)
        if write_theirs:
            self._store.save(theirs)
        return [
            f"The profile file was replaced by a copy that lacks {missing} of your saved "
            f"entries (an older copy put back?). Your last save is kept as "
            f"{self._store.path.name}.bak1; restore it with: "
            f"codepath restore --profile {self._store.path}"
        ]

    def _fail(self, status: str, problem: str) -> None:
        self.last_save_error = problem
        self._retry_timer.start()
        self.saveStatusChanged.emit(status)
        self.errorOccurred.emit(f"Your changes are not saved yet: {problem}")
        self.saveFailed.emit(problem)
        self.savedStateChanged.emit(False)

    def _saved(
        self,
        written: Profile,
        merged_message: str,
        *,
        base: Profile | None = None,
        same: bool | None = None,
    ) -> None:
        """Bookkeeping after a successful write (autosave, Save As, write-back).

        A save from the worker passes ``base`` (its snapshot of ``written``) and ``same``
        (whether ``written`` is what is shown), so nothing long is copied or compared here.
        """
        self.last_save_error = None
        self._unreadable_reported = None
        self._retry_timer.stop()
        self._save_timer.stop()
        self.save_count += 1
        self._unsaved_new = False
        self._file_missing = False
        self._undo_stack.setClean()
        self._watch()
        if same is None:
            same = written == self._current()
        if not same:
            self._adopt(written)
            self._base = base if base is not None else _snapshot(written)
            self.saveStatusChanged.emit(merged_message)
        else:
            self._base = base if base is not None else _snapshot(written)
            self.saveStatusChanged.emit(SAVED)
        self._base_saved = True
        self._emit_saved_state()

    def save_if_dirty(self) -> bool:
        """Save when there are unsaved edits (on quit, before switching profile).

        A save the worker is writing is finished first; what changed after it is saved now.
        """
        self.wait_for_saves()
        if not self.dirty:
            self._save_timer.stop()
            return True
        return self.save_now()

    def save_as(self, path: Path) -> bool:
        """Write the profile to ``path`` and keep working there."""
        self.wait_for_saves()
        store = ProfileStore(path)
        try:
            evidence = self._current().apprentice  # its attached files go along
            names = [f.name for f in evidence.files] if evidence is not None else []
            clashes = carry_attachments(self._store.path, store.path, names)
            store.save(self._current())
        except Exception as exc:  # noqa: BLE001 - any failure leaves the old file in charge
            self.errorOccurred.emit(f"Not saved: {exc}")
            return False
        if clashes:
            self.errorOccurred.emit(
                f"Other files named {', '.join(clashes)} were already beside {path.name}; "
                "they were kept, so the evidence list may show those instead."
            )
        self._store = store
        self._saved(self._current(), SAVED)
        self.storeChanged.emit(path)
        return True

    # ------------------------------------------------------------------ switching, shutdown

    def switch_to(self, store: ProfileStore, *, saved: bool, read_only: bool = False) -> None:
        """Keep another file in step (File > New or Open); the caller resets the undo stack."""
        self.wait_for_saves()
        self._save_timer.stop()
        self._retry_timer.stop()
        self._store = store
        self._read_only = read_only
        self._unsaved_new = not saved
        self._file_missing = False
        self._unreadable_reported = None
        self._base = _snapshot(self._current()) if saved else None
        self._base_saved = False
        self.last_save_error = None
        self._watch()

    def shutdown(self) -> None:
        """Stop every timer and the file watching; nothing is saved after this."""
        if self._shut_down:
            return
        self._shut_down = True  # no new save starts, not even one asked for meanwhile
        self.wait_for_saves()  # a save being written is finished, never cut off
        for timer in (self._save_timer, self._retry_timer, self._check_timer):
            timer.stop()
        self._watcher.blockSignals(True)
        with contextlib.suppress(RuntimeError):  # the undo stack may be gone already
            self._undo_stack.indexChanged.disconnect(self._on_stack_index_changed)
            self._undo_stack.cleanChanged.disconnect(self._emit_saved_state)
        self._read_only = True

    # ------------------------------------------------------------------ outside changes

    def _watch(self) -> None:
        if self._read_only:
            wanted: list[str] = []
        else:
            path = self._store.path
            wanted = [str(path.parent)] if path.parent.is_dir() else []
            if path.exists():
                wanted.append(str(path))
        watched = self._watcher.files() + self._watcher.directories()
        stale = [p for p in watched if p not in wanted]
        if stale:
            self._watcher.removePaths(stale)
        new = [p for p in wanted if p not in watched]
        if new:
            self._watcher.addPaths(new)

    def _on_path_changed(self, _path: str) -> None:
        self._check_timer.start()

    def check_file(self) -> None:
        """Look at the file after an outside change: gone, back again, or changed."""
        if self._read_only or self._job is not None:
            return  # our own save's events; the worker's result re-watches the file
        self._watch()  # an atomic replace or a re-create drops the watch: watch the new file
        path = self._store.path
        if not path.exists():
            if not self._file_missing and not self._unsaved_new:
                self._file_missing = True
                self._save_timer.stop()
                self.saveStatusChanged.emit(FILE_DELETED)
                self._emit_saved_state()
                self.fileMissing.emit(path)
            return
        if self._file_missing:
            self._file_missing = False
            self._emit_saved_state()
            self.saveStatusChanged.emit(SAVED if not self.dirty else SAVING)
            if self.dirty:
                self._save_timer.start()
        self.reload_if_changed()

    def save_whole(self) -> bool:
        """Write what the window shows as it is, merging nothing from the file (it is newest)."""
        self._base = None
        self._base_saved = False
        return self.save_now()

    def write_back(self) -> bool:
        """Write a deleted profile file again from what the window holds."""
        self._file_missing = True
        return self.save_now()

    def reload_if_changed(self) -> bool:
        """Take in what another program saved, when this window has no unsaved edits."""
        if self._read_only or self.dirty or self._save_timer.isActive() or self._job is not None:
            return False
        if self._store.holds_last_known():
            return False  # our own last save (or load): nothing to parse
        try:
            on_disk = self._store.load()
        except ProfileNotFoundError:
            return False
        except ProfileError:
            # nothing will be written over it; the choices come with the next save
            self.saveStatusChanged.emit(FILE_UNREADABLE_NOW)
            return False
        if on_disk == self._current():
            return False
        notices: list[str] = []
        if self._base is not None and lost_entries(self._base, on_disk):
            try:
                with self._store.lock():  # read again: nobody may write in between
                    on_disk = self._store.load()
                    notices = self._keep_last_save_if_lost(on_disk, write_theirs=True)
            except ProfileError as exc:  # keep showing the newer data; the next change retries
                self.errorOccurred.emit(
                    f"Changes saved outside the app were not taken in: your last save could "
                    f"not be kept as a backup first ({exc})"
                )
                return False
        try:
            self._adopt(on_disk)
        except ProfileError as exc:  # e.g. a certification only a newer version knows
            self.saveStatusChanged.emit(FILE_UNREADABLE_NOW)
            self.errorOccurred.emit(f"Changes saved outside the app were not taken in: {exc}")
            return False
        self._base = _snapshot(on_disk)
        self._base_saved = False
        self.saveStatusChanged.emit("Updated with changes saved outside the app")
        for notice in notices:
            self.noticeGiven.emit(notice)
        return True
