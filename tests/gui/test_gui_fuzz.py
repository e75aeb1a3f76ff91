"""Stateful GUI fuzz test: random edits through the real window, invariants checked after each step.

Hypothesis drives the real MainWindow (Settings, Progress and Milestones pages), the undo stack,
re-planning, the ``codepath`` CLI run in-process and outside replacements of the profile file.
After every step: no exception escaped into Qt, what the pages show equals what is derived from
the profile, and after an explicit save the file on disk equals the profile in memory.

``make test`` runs a small derandomized budget (12 sequences of up to 25 steps, about 30 s, mostly
waiting for the file watcher). A long soak with fresh random sequences (about 3 s per sequence;
failures are kept in .hypothesis/ and tried first next time):

    CODEPATH_FUZZ_EXAMPLES=1000 CODEPATH_FUZZ_STEPS=40 QT_QPA_PLATFORM=offscreen \\
        .venv/bin/python -m pytest -q -p no:randomly tests/gui/test_gui_fuzz.py -k random_use

A failure prints the shortest sequence of steps that reproduces it. Steps that hit a known,
still open bug are off behind the ``# known bug:`` flags below; turn one on once it is fixed.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
import traceback
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner import cli
from planner.core.catalog import Background, Catalog
from planner.core.inputs import PlanInputs
from planner.core.plan import Plan
from planner.core.profile import MilestoneStatus, Profile, StudyEntry
from planner.core.progress import Progress, done_ids
from planner.core.state import derive
from planner.core.storage import ProfileStore
from planner.gui import dialogs
from planner.gui.controller import PlannerController
from planner.gui.dialogs import BadProfileChoice, BadProfileDialog
from planner.gui.edits import ProfileEdit
from planner.gui.main_window import MainWindow
from planner.gui.progress_page import ID_ROLE
from planner.gui.widgets import fmt_date, from_qdate, to_qdate
from planner.report.text import humanize_dates

FUZZ_TODAY = date(2026, 11, 30)
EXAMPLES = int(os.environ.get("CODEPATH_FUZZ_EXAMPLES", "0"))
STEPS = int(os.environ.get("CODEPATH_FUZZ_STEPS", "0"))
SOAK = EXAMPLES > 0
NEVER_MS = 3_600_000  # autosave and retry never fire by themselves: saves are explicit steps
WATCH_WAIT_MS = 3_000  # how long the window may take to see an outside change
# Issue 10 items this test found, now fixed: plan inputs merge field by field (item 6); the
# window watches a file deleted and re-created later (item 7).
CHECK_INPUTS_MERGED_PER_FIELD = True
RECREATE_FILE_FROM_OUTSIDE = True
# A file aimed at a certification this version cannot plan for is now refused (the window keeps
# what it shows and never writes over the file: tests/gui/test_saving.py, case "unknown"). This
# machine's invariants ("nothing unsaved shows the file", "a save succeeds") do not model that
# refusal yet, so the step stays off.
UNPLANNABLE_FILE_FROM_OUTSIDE = False

PAGES = ("timeline", "milestones", "salary", "progress", "settings")
STATUS_KEYS = {MilestoneStatus.SKIPPED: Qt.Key.Key_S, MilestoneStatus.IN_PROGRESS: Qt.Key.Key_P}

# start dates both well before and after FUZZ_TODAY
start_dates = st.integers(-900, 400).map(lambda days: FUZZ_TODAY + timedelta(days=days))
entry_dates = st.integers(-400, 20).map(lambda days: FUZZ_TODAY + timedelta(days=days))
hours_per_week = st.integers(1, 160).map(lambda halves: halves / 2)
texts = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=24
).filter(lambda text: text.strip() != "")


def expected_state(profile: Profile, catalog: Catalog, today: date) -> tuple[Plan, Progress]:
    """The plan and progress the window must show for ``profile``: the core's one state."""
    state = derive(profile, catalog, today)
    return state.plan, state.progress


def entry_ids(profile: Profile) -> set[str]:
    return {e.id for e in [*profile.study_log, *profile.scores, *profile.ceus]}


def shown_date(day: date) -> str:
    return f"{day:%b} {day.day}, {day.year}"


class GuiFuzz(RuleBasedStateMachine):
    """One window on one profile file; each rule is one thing a user or another program does."""

    qtbot: ClassVar[QtBot]
    catalog: ClassVar[Catalog]
    folder: ClassVar[Path]
    current_errors: ClassVar[list[str]] = []

    def __init__(self) -> None:
        super().__init__()
        self.errors: list[str] = []  # exceptions raised in ProfileEdit.redo/undo (see _guarded)
        self.messages: list[str] = []  # errorOccurred texts
        self.pending_outside: set[str] = set()  # entry ids written from outside, not yet seen
        self.tmp = Path(tempfile.mkdtemp(dir=self.folder))
        self.path = self.tmp / "profile.json"
        self.controller: PlannerController | None = None
        self.window: MainWindow | None = None
        self.cli_counter = 0
        self.outside_hours: float | None = None  # hours set by the CLI while edits were unsaved

    # ------------------------------------------------------------------ set-up and helpers

    @initialize(
        data=st.data(),
        start=start_dates,
        hours=hours_per_week,
        background=st.sampled_from(list(Background)),
        logged_weeks=st.integers(0, 12),
    )
    def open_window(
        self,
        data: st.DataObject,
        start: date,
        hours: float,
        background: Background,
        logged_weeks: int,
    ) -> None:
        certification = data.draw(st.sampled_from([c.id for c in self.catalog.targets()]))
        specialty = data.draw(st.sampled_from(sorted(self.catalog.specialties)))
        inputs = PlanInputs(
            certification=certification,
            specialty=specialty,
            start=start,
            hours_per_week=hours,
            background=background,
        )
        log = [
            StudyEntry(day=FUZZ_TODAY - timedelta(weeks=week, days=1), hours=3, topic="Review")
            for week in range(logged_weeks)
        ]
        profile = Profile(name="Fuzz learner", inputs=inputs, study_log=log)
        store = ProfileStore(self.path)
        store.save(profile)
        controller = PlannerController(
            store.load(), store, self.catalog, FUZZ_TODAY, autosave_ms=NEVER_MS, retry_ms=NEVER_MS
        )
        controller.errorOccurred.connect(self.messages.append)
        self.controller = controller
        window = MainWindow(controller, settings=None)
        window.resize(1200, 800)
        window.show()
        self.window = window
        QApplication.processEvents()

    @property
    def c(self) -> PlannerController:
        assert self.controller is not None
        return self.controller

    @property
    def w(self) -> MainWindow:
        assert self.window is not None
        return self.window

    def snapshot(self) -> Profile:
        return self.c.profile.model_copy(deep=True)

    def on_disk(self) -> Profile:
        return ProfileStore(self.path).load()

    def settle(self) -> None:
        """Let the file watcher and its timers run, as the event loop would between user actions.

        A window without unsaved edits must show what is now in the file.
        """
        if not self.c.dirty and not self.c.saver.save_pending():
            disk = self.on_disk()
            self.qtbot.waitUntil(lambda: self.c.profile == disk, timeout=WATCH_WAIT_MS)
            self.pending_outside.clear()
            self.outside_hours = None
        self.qtbot.wait(250)  # the watcher's 100 ms timers have run: nothing fires later

    def expect_edit(self, before: Profile, changed: Callable[[Profile], bool]) -> None:
        """The edit took effect, or was refused with a message and changed nothing."""
        if changed(self.c.profile):
            return
        assert self.c.profile == before, "an edit that did not take changed the profile"

    # ------------------------------------------------------------------ Settings page

    @rule(data=st.data())
    def change_certification(self, data: st.DataObject) -> None:
        combo = self.w.settings_page.certification
        others = [
            i
            for i in range(combo.count())
            if combo.itemData(i) != self.c.profile.inputs.certification
        ]
        index = data.draw(st.sampled_from(others))
        wanted = combo.itemData(index)
        before = self.snapshot()
        combo.setCurrentIndex(index)
        self.expect_edit(before, lambda p: p.inputs.certification == wanted and p.replan is None)

    @rule(data=st.data())
    def change_specialty(self, data: st.DataObject) -> None:
        combo = self.w.settings_page.specialty
        choices = [
            i
            for i in range(combo.count())
            if combo.itemData(i) is not None
            and combo.itemData(i) != self.c.profile.inputs.specialty
        ]
        index = data.draw(st.sampled_from(choices))
        wanted = combo.itemData(index)
        before = self.snapshot()
        combo.setCurrentIndex(index)
        self.expect_edit(before, lambda p: p.inputs.specialty == wanted)

    @rule(start=start_dates)
    def change_start(self, start: date) -> None:
        before = self.snapshot()
        self.w.settings_page.start.setDate(to_qdate(start))
        self.expect_edit(before, lambda p: p.inputs.start == start)

    @rule(hours=hours_per_week)
    def change_hours(self, hours: float) -> None:
        before = self.snapshot()
        self.w.settings_page.hours.setValue(hours)
        self.expect_edit(before, lambda p: p.inputs.hours_per_week == hours)

    @rule(background=st.sampled_from(list(Background)))
    def change_background(self, background: Background) -> None:
        combo = self.w.settings_page.background
        before = self.snapshot()
        combo.setCurrentIndex(combo.findData(background.value))
        self.expect_edit(before, lambda p: p.inputs.background is background)

    @rule(use=st.booleans(), exam_day=start_dates)
    def change_target_exam_date(self, use: bool, exam_day: date) -> None:
        page = self.w.settings_page
        before = self.snapshot()
        page.exam_date.setDate(to_qdate(exam_day))
        page.has_exam_date.setChecked(use)
        wanted = exam_day if use else None
        self.expect_edit(before, lambda p: p.inputs.target_exam_date == wanted)

    @rule(name=st.one_of(st.just(""), texts))
    def change_name(self, name: str) -> None:
        page = self.w.settings_page
        before = self.snapshot()
        page.name.setText(name)
        page.name.editingFinished.emit()
        self.expect_edit(before, lambda p: p.name == name.strip()[:200])

    # ------------------------------------------------------------------ Progress page

    def _log_through_page(self, day: date, hours: float, topic: str, note: str) -> None:
        page = self.w.progress_page
        page.log_date.setDate(to_qdate(day))
        page.log_hours.setValue(hours)
        page.log_topic.setText(topic)
        page.log_note.setText(note)
        before = self.snapshot()
        page.log_add.click()
        log = self.c.profile.study_log
        assert len(log) == len(before.study_log) + 1, self.messages[-1:]
        added = log[-1]
        assert (added.day, added.hours, added.topic, added.note) == (
            day,
            page.log_hours.value(),
            topic.strip(),
            note.strip(),
        )

    @rule(
        day=entry_dates,
        quarters=st.integers(1, 96),
        topic=texts,
        note=st.one_of(st.just(""), texts),
    )
    def log_study(self, day: date, quarters: int, topic: str, note: str) -> None:
        self._log_through_page(day, quarters / 4, topic, note)

    def _remove_through_page(
        self, table: str, button: str, entries: str, data: st.DataObject
    ) -> None:
        """Select a random row of a Progress-page table and press its Remove button."""
        page = self.w.progress_page
        entry_id = self._select_row(getattr(page, table), data)
        getattr(page, button).click()
        assert entry_id not in {e.id for e in getattr(self.c.profile, entries)}
        self.pending_outside.discard(entry_id)

    def _select_row(self, table: Any, data: st.DataObject) -> str:
        row = data.draw(st.integers(0, table.rowCount() - 1))
        table.setCurrentIndex(table.model().index(row, 0))
        return str(table.model().index(row, 0).data(ID_ROLE))

    @precondition(lambda self: self.controller is not None and self.c.profile.study_log)
    @rule(data=st.data())
    def remove_study(self, data: st.DataObject) -> None:
        self._remove_through_page("log_table", "log_remove", "study_log", data)

    @precondition(lambda self: self.controller is not None and self.c.profile.study_log)
    @rule(data=st.data(), quarters=st.integers(1, 96))
    def edit_study(self, data: st.DataObject, quarters: int) -> None:
        """Correct the hours of an entry: remove it and log it again (the page has no editor)."""
        page = self.w.progress_page
        entry_id = self._select_row(page.log_table, data)
        old = next(e for e in self.c.profile.study_log if e.id == entry_id)
        page.log_remove.click()
        self.pending_outside.discard(entry_id)
        self._log_through_page(old.day, quarters / 4, old.topic, old.note)

    @rule(data=st.data(), day=entry_dates, tenths=st.integers(0, 1000))
    def add_score(self, data: st.DataObject, day: date, tenths: int) -> None:
        page = self.w.progress_page
        page.score_exam.setCurrentIndex(
            data.draw(st.integers(0, page.score_exam.count() - 1), label="exam")
        )
        page.score_date.setDate(to_qdate(day))
        page.score_percent.setValue(tenths / 10)
        before = self.snapshot()
        page.score_add.click()
        assert len(self.c.profile.scores) == len(before.scores) + 1, self.messages[-1:]
        added = self.c.profile.scores[-1]
        assert (added.exam, added.day, added.percent) == (
            page.score_exam.currentText(),
            day,
            tenths / 10,
        )

    @precondition(lambda self: self.controller is not None and self.c.profile.scores)
    @rule(data=st.data())
    def remove_score(self, data: st.DataObject) -> None:
        self._remove_through_page("score_table", "score_remove", "scores", data)

    @rule(data=st.data(), day=entry_dates, quarters=st.integers(1, 400), provider=texts)
    def add_ceu(self, data: st.DataObject, day: date, quarters: int, provider: str) -> None:
        page = self.w.progress_page
        page.ceu_credential.setCurrentIndex(
            data.draw(st.integers(0, page.ceu_credential.count() - 1), label="credential")
        )
        page.ceu_date.setDate(to_qdate(day))
        page.ceu_credits.setValue(quarters / 4)
        page.ceu_provider.setText(provider)
        before = self.snapshot()
        page.ceu_add.click()
        assert len(self.c.profile.ceus) == len(before.ceus) + 1, self.messages[-1:]
        added = self.c.profile.ceus[-1]
        assert (added.day, added.credits, added.provider) == (day, quarters / 4, provider.strip())

    @precondition(lambda self: self.controller is not None and self.c.profile.ceus)
    @rule(data=st.data())
    def remove_ceu(self, data: st.DataObject) -> None:
        self._remove_through_page("ceu_table", "ceu_remove", "ceus", data)

    @precondition(lambda self: self.controller is not None and self.c.can_replan())
    @rule()
    def accept_replan(self) -> None:
        page = self.w.progress_page
        assert page.accept_replan.isEnabled()
        shift = self.c.progress.proposed_shift_days
        assert shift  # the button is only enabled when there is something to move
        previous = self.c.profile.replan.shift_days if self.c.profile.replan else 0
        page.accept_replan.click()
        replan = self.c.profile.replan
        assert replan is not None, self.messages[-1:]
        assert (replan.accepted_on, replan.shift_days) == (FUZZ_TODAY, previous + shift)

    @precondition(lambda self: self.controller is not None and self.c.profile.replan is not None)
    @rule()
    def back_to_original_plan(self) -> None:
        page = self.w.progress_page
        assert page.reset_replan.isEnabled()
        page.reset_replan.click()
        assert self.c.profile.replan is None

    # ------------------------------------------------------------------ Milestones page

    def _pick_milestone(self, data: st.DataObject) -> str:
        ids = [m.id for m in self.c.plan.milestones()]
        return data.draw(st.sampled_from(ids), label="milestone")

    @rule(data=st.data())
    def tick_milestone(self, data: st.DataObject) -> None:
        page = self.w.milestones_page
        mid = self._pick_milestone(data)
        assert page.select_milestone(mid)
        was_done = self.c.profile.milestone_status(mid) is MilestoneStatus.DONE
        self.qtbot.keyClick(page.tree, Qt.Key.Key_Space)
        now = self.c.profile.milestones.get(mid)
        if was_done:
            assert now is None or now.status is MilestoneStatus.NOT_STARTED
        else:
            assert now is not None and now.status is MilestoneStatus.DONE

    @rule(data=st.data(), status=st.sampled_from(sorted(STATUS_KEYS)))
    def skip_milestone(self, data: st.DataObject, status: MilestoneStatus) -> None:
        page = self.w.milestones_page
        mid = self._pick_milestone(data)
        assert page.select_milestone(mid)
        self.qtbot.keyClick(page.tree, STATUS_KEYS[status])
        assert self.c.profile.milestone_status(mid) is status

    @rule(data=st.data(), note=st.one_of(st.just(""), texts))
    def note_on_milestone(self, data: st.DataObject, note: str) -> None:
        page = self.w.milestones_page
        mid = self._pick_milestone(data)
        assert page.select_milestone(mid)
        page.note_edit.setText(note)
        self.qtbot.keyClick(page.note_edit, Qt.Key.Key_Return)
        progress = self.c.profile.milestones.get(mid)
        assert (progress.note if progress is not None else "") == note.strip()

    # ------------------------------------------------------------------ undo and redo

    @precondition(lambda self: self.controller is not None and self.c.undo_stack.canUndo())
    @rule()
    def undo(self) -> None:
        page = self.w.settings_page
        assert page.undo_button.isEnabled()
        before = self.snapshot()
        page.undo_button.click()
        undone = self.snapshot()
        assert page.redo_button.isEnabled()
        page.redo_button.click()
        assert self.c.profile == before, "redo did not bring back what undo took away"
        page.undo_button.click()
        assert self.c.profile == undone, "undo after redo gave another profile"

    @precondition(lambda self: self.controller is not None and self.c.undo_stack.canRedo())
    @rule()
    def redo(self) -> None:
        page = self.w.settings_page
        assert page.redo_button.isEnabled()
        before = self.snapshot()
        page.redo_button.click()
        assert self.c.profile != before or self.c.undo_stack.canUndo()

    # ------------------------------------------------------------------ saving and outside writers

    @rule()
    def save(self) -> None:
        base_hours = (
            self.c.saver._base.inputs.hours_per_week if self.c.saver._base is not None else None
        )
        ours_hours = self.c.profile.inputs.hours_per_week
        assert self.c.saver.save_now(), self.c.saver.last_save_error
        assert not self.c.dirty
        assert self.on_disk() == self.c.profile, "the saved file differs from the window"
        missing = self.pending_outside - entry_ids(self.c.profile)
        assert not missing, f"entries written from outside were lost: {missing}"
        self.pending_outside.clear()
        only_outside_changed_hours = self.outside_hours is not None and ours_hours == base_hours
        if CHECK_INPUTS_MERGED_PER_FIELD and only_outside_changed_hours:
            assert self.c.profile.inputs.hours_per_week == self.outside_hours
        self.outside_hours = None

    def _run_cli(self, args: list[str]) -> int:
        before = entry_ids(self.on_disk())
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = cli.main([*args, "--profile", str(self.path)])
        assert code in (0, 1, 2), out.getvalue()
        self.pending_outside |= entry_ids(self.on_disk()) - before
        self.settle()
        return code

    @rule(day=entry_dates, quarters=st.integers(1, 40))
    def cli_log(self, day: date, quarters: int) -> None:
        self.cli_counter += 1
        topic = f"outside {self.cli_counter}"
        code = self._run_cli(
            ["log", "--hours", f"{quarters / 4:g}", "--topic", topic, "--date", day.isoformat()]
        )
        assert code == 0

    @rule(data=st.data(), tenths=st.integers(0, 1000))
    def cli_score(self, data: st.DataObject, tenths: int) -> None:
        exam = data.draw(st.sampled_from([self.c.plan.exam_credential, self.c.plan.certification]))
        self._run_cli(["score", "--exam", exam, "--percent", f"{tenths / 10:g}"])

    @rule(quarters=st.integers(1, 40))
    def cli_ceu(self, quarters: int) -> None:
        self._run_cli(["ceu", "--credits", f"{quarters / 4:g}"])

    @rule(data=st.data(), done=st.booleans())
    def cli_done(self, data: st.DataObject, done: bool) -> None:
        same_plan = self.on_disk() == self.c.profile
        mid = self._pick_milestone(data)
        code = self._run_cli(["done" if done else "undone", mid])
        # the CLI plans from the file; when it holds what the window shows, the ids agree
        assert code == 0 or not same_plan, f"the CLI does not know milestone {mid}"

    @rule(reset=st.booleans())
    def cli_replan(self, reset: bool) -> None:
        self._run_cli(["replan", "--reset"] if reset else ["replan"])

    @rule(hours=hours_per_week)
    def cli_plan_hours(self, hours: float) -> None:
        code = self._run_cli(["plan", "--hours-per-week", f"{hours:g}"])
        if code == 0 and self.c.dirty:
            self.outside_hours = hours

    @rule(
        start=start_dates,
        hours=hours_per_week,
        keep_log=st.booleans(),
        recreate=st.booleans() if RECREATE_FILE_FROM_OUTSIDE else st.just(False),
        certification=(
            st.sampled_from([None, "CRC"]) if UNPLANNABLE_FILE_FROM_OUTSIDE else st.just(None)
        ),
    )
    def replace_file(
        self, start: date, hours: float, keep_log: bool, recreate: bool, certification: str | None
    ) -> None:
        """Another program (a sync client, a restore) puts a whole new file in place."""
        disk = self.on_disk()
        inputs = disk.inputs.model_copy(update={"start": start, "hours_per_week": hours})
        if certification is not None:  # known to the catalog, but not a target it plans for
            inputs = inputs.model_copy(update={"certification": certification})
        log = [*disk.study_log] if keep_log else []
        log.append(StudyEntry(day=FUZZ_TODAY, hours=1, topic="from the other copy"))
        replacement = disk.model_copy(
            update={"inputs": inputs, "study_log": log, "replan": None, "name": "Other copy"}
        )
        temp = self.tmp / "replacement.json"
        ProfileStore(temp).save(replacement)
        if recreate:
            self.path.unlink()
            self.qtbot.wait(200)
        os.replace(temp, self.path)
        self.pending_outside.clear()  # a replacement may drop what came before it
        self.outside_hours = None
        self.settle()

    @rule(page=st.sampled_from(PAGES))
    def show_page(self, page: str) -> None:
        self.w.show_page(page)
        self.w.grab()  # paints the page now: an exception in a paint handler shows up here

    # ------------------------------------------------------------------ invariants

    @invariant()
    def events_run_between_steps(self) -> None:
        """Runs first (invariants go by name): the event loop's turn after each user action."""
        QApplication.processEvents()

    @invariant()
    def nothing_escaped(self) -> None:
        assert not self.errors, "\n".join(self.errors)

    @invariant()
    def window_alive(self) -> None:
        if self.window is None:
            return
        assert self.w.isVisible()
        assert self.w.controller is self.c

    @invariant()
    def saved_means_in_the_file(self) -> None:
        """A window without unsaved edits (title without "•", "Saved") shows what the file holds."""
        if self.controller is None or self.c.dirty:
            return
        assert self.c.profile == self.on_disk(), "the window says Saved, the file differs"

    @invariant()
    def shows_what_the_profile_gives(self) -> None:
        if self.controller is None:
            return
        profile = self.c.profile
        plan, progress = expected_state(profile, self.catalog, FUZZ_TODAY)
        assert self.c.plan == plan, "the controller's plan is not the one the profile gives"
        assert self.c.progress == progress, "the controller's progress is stale"

        settings_page = self.w.settings_page
        inputs = profile.inputs
        assert settings_page.certification.currentData() == inputs.certification
        assert settings_page.specialty.currentData() == inputs.specialty
        assert from_qdate(settings_page.start.date()) == inputs.start
        assert settings_page.hours.value() == inputs.hours_per_week
        assert settings_page.background.currentData() == inputs.background.value
        note = settings_page.plan_note.text()
        assert f"{plan.exam_credential} exam on {shown_date(plan.exam_date)}" in note, note

        page = self.w.progress_page
        headline = progress.status_text.partition(": ")[0]
        assert humanize_dates(headline) in page.status_label.text()
        assert page.hours_bar.format().startswith(f"{progress.hours_logged:g} of ")
        for table, entries in (
            (page.log_table, profile.study_log),
            (page.score_table, profile.scores),
            (page.ceu_table, profile.ceus),
        ):
            model = table.model()
            shown = [str(model.index(row, 0).data(ID_ROLE)) for row in range(model.rowCount())]
            assert sorted(shown) == sorted(e.id for e in entries)
        shift = progress.proposed_shift_days
        assert page.accept_replan.isEnabled() == (shift is not None and shift != 0)
        assert page.reset_replan.isEnabled() == (profile.replan is not None)
        if profile.replan is not None:
            assert fmt_date(profile.replan.accepted_on) in page.replan_label.text()

        tree_page = self.w.milestones_page
        done = done_ids(profile)
        for milestone in plan.milestones():
            item = tree_page.item_for(milestone.id)
            assert item is not None, f"{milestone.id} is not shown"
            assert (item.checkState(0) == Qt.CheckState.Checked) == (milestone.id in done)
        # steps sit under their phase; a phase's reminders under its one reminder line
        shown_count = 0
        for i in range(tree_page.tree.topLevelItemCount()):
            phase_item = tree_page.tree.topLevelItem(i)
            for j in range(phase_item.childCount()):
                child = phase_item.child(j)
                is_group = child is tree_page.reminder_group(i + 1)
                shown_count += child.childCount() if is_group else 1
        assert shown_count == len(list(plan.milestones()))

        dirty_marker = self.w.windowTitle().startswith("• ")
        assert dirty_marker == self.c.dirty

    def teardown(self) -> None:
        if self.controller is not None:
            self.c.saver.shutdown()
            self.c.undo_stack.blockSignals(True)
            self.c.blockSignals(True)
        if self.window is not None:
            self.w.hide()
            self.w.deleteLater()
        if self.controller is not None:
            self.c.deleteLater()
        QApplication.processEvents()
        shutil.rmtree(self.tmp, ignore_errors=True)


def _guarded(name: str, original: Callable[[ProfileEdit], None]) -> Callable[[ProfileEdit], None]:
    """An exception leaving QUndoCommand.redo/undo kills the process (shiboken): record it."""

    def call(command: ProfileEdit) -> None:
        try:
            original(command)
        except Exception:  # noqa: BLE001 - reported by the nothing_escaped invariant
            GuiFuzz.current_errors.append(f"in ProfileEdit.{name}:\n{traceback.format_exc()}")

    return call


def _unexpected_question(*_args: object, **_kwargs: object) -> BadProfileChoice:
    GuiFuzz.current_errors.append("the window asked what to do with an unreadable file")
    return BadProfileChoice.QUIT


@pytest.fixture
def fuzz_setup(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CODEPATH_TODAY", FUZZ_TODAY.isoformat())
    GuiFuzz.qtbot = qtbot
    GuiFuzz.catalog = catalog
    GuiFuzz.folder = tmp_path
    # no modal question may block the run: a deleted file is written back, notices are skipped
    monkeypatch.setattr(dialogs, "ask_write_back", lambda _parent, _path: True)
    monkeypatch.setattr(dialogs, "show_notice", lambda *_args: None)
    monkeypatch.setattr(BadProfileDialog, "ask", _unexpected_question)
    monkeypatch.setattr(ProfileEdit, "redo", _guarded("redo", ProfileEdit.redo))
    monkeypatch.setattr(ProfileEdit, "undo", _guarded("undo", ProfileEdit.undo))


def test_gui_survives_random_use(fuzz_setup: None, qtbot: QtBot) -> None:
    budget = settings(
        max_examples=EXAMPLES or 12,
        stateful_step_count=STEPS or 25,
        deadline=None,
        derandomize=not SOAK,
        database=None if not SOAK else settings.default.database,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )
    with qtbot.captureExceptions() as escaped:

        class Machine(GuiFuzz):
            def __init__(self) -> None:
                super().__init__()
                GuiFuzz.current_errors = self.errors
                escaped.clear()

            @invariant()
            def nothing_escaped_into_qt(self) -> None:
                problems = ["".join(traceback.format_exception(*info)) for info in escaped]
                assert not problems, "\n".join(problems)

        run_state_machine_as_test(Machine, settings=budget)


# ---------------------------------------------------------------------- regressions it found


def _past_start_cpc(path: Path) -> Profile:
    profile = Profile(
        inputs=PlanInputs(
            certification="CPC", specialty="auditing", start=date(2026, 3, 2), hours_per_week=10
        )
    )
    ProfileStore(path).save(profile)
    return profile


def test_certification_rhit_with_a_past_start_does_not_crash(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path
) -> None:
    """Issue 10's blocker: StopIteration inside QUndoCommand.redo took the app down."""
    path = tmp_path / "profile.json"
    store = ProfileStore(path)
    controller = PlannerController(
        _past_start_cpc(path), store, catalog, FUZZ_TODAY, autosave_ms=NEVER_MS
    )
    window = MainWindow(controller, settings=None)
    qtbot.addWidget(window)
    window.show()
    combo = window.settings_page.certification
    with qtbot.captureExceptions() as escaped:
        combo.setCurrentIndex(combo.findData("RHIT"))
    assert not escaped
    assert controller.profile.inputs.certification == "RHIT"
    # a degree path: programme progress is asked for, never "On track" at a pace of 0
    assert controller.progress.status_text.startswith("Programme progress not entered yet")
    assert "Programme progress not entered yet" in window.progress_page.status_label.text()
    assert controller.saver.save_now()
    assert ProfileStore(path).load().inputs.certification == "RHIT"
    controller.saver.shutdown()


def test_status_of_an_rhit_plan_with_a_past_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``codepath status`` printed a StopIteration traceback for the same profile."""
    monkeypatch.setenv("CODEPATH_TODAY", FUZZ_TODAY.isoformat())
    path = tmp_path / "profile.json"
    _past_start_cpc(path)
    assert cli.main(["plan", "--cert", "RHIT", "--profile", str(path)]) == 0
    capsys.readouterr()
    assert cli.main(["status", "--profile", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Programme progress not entered yet" in out and "Traceback" not in out


def test_undo_back_to_saved_takes_in_outside_changes(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by the fuzz test: edit, ``codepath ceu`` while unsaved, undo. The window said
    "Saved" but did not show the CEUs that were in the file."""
    monkeypatch.setenv("CODEPATH_TODAY", FUZZ_TODAY.isoformat())
    path = tmp_path / "profile.json"
    store = ProfileStore(path)
    controller = PlannerController(
        _past_start_cpc(path), store, catalog, FUZZ_TODAY, autosave_ms=NEVER_MS
    )
    window = MainWindow(controller, settings=None)
    qtbot.addWidget(window)
    assert controller.update_inputs(background=Background.TERMINOLOGY)
    with contextlib.redirect_stdout(io.StringIO()):
        assert cli.main(["ceu", "--credits", "2", "--profile", str(path)]) == 0
    qtbot.wait(400)  # the watcher saw the change while the edit was unsaved: nothing taken in
    assert controller.profile.ceus == []
    controller.undo_stack.undo()
    qtbot.waitUntil(lambda: len(controller.profile.ceus) == 1)
    assert not controller.dirty
    assert controller.profile == store.load()
    assert window.progress_page.ceu_table.rowCount() == 1
