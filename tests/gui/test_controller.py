"""The controller: plan derivation, undo/redo, debounced autosave, save failures, re-plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from gui_helpers import TODAY, MakeController, stored
from pytestqt.qtbot import QtBot

from planner.core.catalog import Catalog
from planner.core.plan import build_plan
from planner.core.profile import (
    MilestoneStatus,
    ProfileError,
    ProfileLockedError,
    ProfileWriteError,
)
from planner.core.progress import compute_progress, current_plan
from planner.core.storage import ProfileStore
from planner.gui.controller import PlannerController


def test_plan_and_progress_come_from_the_core(
    controller: PlannerController, catalog: Catalog
) -> None:
    baseline = build_plan(controller.profile.inputs, catalog)
    assert controller.baseline == baseline
    assert controller.plan == current_plan(baseline, controller.profile, catalog)
    expected = compute_progress(controller.plan, controller.profile, catalog, TODAY)
    assert controller.progress == expected
    assert controller.progress.status_text.startswith("Behind by")
    assert not controller.dirty


def test_marking_a_milestone_done_saves_it(
    qtbot: QtBot, controller: PlannerController, profile_path: Path
) -> None:
    with qtbot.waitSignal(controller.profileChanged):
        assert controller.set_milestone_done("p1-course", True)
    assert controller.dirty
    qtbot.waitUntil(lambda: not controller.dirty, timeout=3000)
    on_disk = stored(profile_path).milestones["p1-course"]
    assert on_disk.status is MilestoneStatus.DONE
    assert on_disk.done_on == TODAY


def test_undo_and_redo_every_kind_of_edit(qtbot: QtBot, controller: PlannerController) -> None:
    profile = controller.profile
    first_plan = controller.plan
    stack = controller.undo_stack
    assert controller.update_inputs(certification="CCS")
    assert controller.plan.certification == "CCS"
    assert controller.set_milestone_status("p1-course", MilestoneStatus.SKIPPED)
    entries = len(profile.study_log)
    assert controller.log_study(TODAY, 2.5, "CPT modifiers")
    assert controller.add_score(TODAY, "CCA", 75)
    assert stack.count() == 4
    assert stack.undoText() == "Record a CCA practice score"

    stack.undo()
    stack.undo()
    assert len(profile.study_log) == entries
    assert not [s for s in profile.scores if s.exam == "CCA"]
    stack.undo()
    assert profile.milestone_status("p1-course") is MilestoneStatus.NOT_STARTED
    stack.undo()
    assert controller.plan == first_plan
    assert not controller.dirty  # back at the saved state: nothing to write

    stack.redo()
    assert controller.plan.certification == "CCS"
    stack.redo()
    assert profile.milestone_status("p1-course") is MilestoneStatus.SKIPPED
    assert controller.dirty


def test_typing_hours_is_one_undo_step(controller: PlannerController) -> None:
    original = controller.profile.inputs.hours_per_week
    for value in (11, 12, 14):
        controller.update_inputs(hours_per_week=value)
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert controller.profile.inputs.hours_per_week == original


def test_autosave_is_debounced(
    qtbot: QtBot, make_controller: MakeController, profile_path: Path
) -> None:
    controller = make_controller(autosave_ms=150)
    saved: list[bool] = []
    controller.savedStateChanged.connect(saved.append)
    for hour in range(5):
        controller.log_study(TODAY, 1 + hour / 4, f"Topic {hour}")
        qtbot.wait(20)
    assert controller.saver.save_count == 0
    assert controller.saver.save_pending()
    qtbot.waitUntil(lambda: controller.saver.save_count == 1, timeout=3000)
    qtbot.wait(250)
    assert controller.saver.save_count == 1
    assert {"Topic 0", "Topic 4"} <= {e.topic for e in stored(profile_path).study_log}
    assert saved[-1] is True


@pytest.mark.parametrize("error", [ProfileWriteError, ProfileLockedError])
def test_save_failure_keeps_the_edit_and_retries(
    qtbot: QtBot,
    make_controller: MakeController,
    profile_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: type[ProfileError],
) -> None:
    controller = make_controller(retry_ms=100)
    real_save = ProfileStore.save
    failures = {"left": 1}

    def flaky(self: ProfileStore, profile: object) -> None:
        if failures["left"]:
            failures["left"] -= 1
            raise error(self.path, "cannot save (the disk is full)")
        real_save(self, profile)  # type: ignore[arg-type]

    monkeypatch.setattr(ProfileStore, "save", flaky)
    with qtbot.waitSignal(controller.saveFailed, timeout=3000) as failed:
        controller.log_study(TODAY, 3, "Anatomy")
    assert "disk is full" in failed.args[0]
    assert controller.dirty
    assert controller.profile.study_log[-1].topic == "Anatomy"
    assert controller.saver.last_save_error is not None
    qtbot.waitUntil(lambda: not controller.dirty, timeout=3000)
    assert stored(profile_path).study_log[-1].topic == "Anatomy"


def test_invalid_edits_are_refused_with_a_message(
    qtbot: QtBot, controller: PlannerController
) -> None:
    with qtbot.waitSignal(controller.errorOccurred) as blocker:
        assert not controller.log_study(TODAY, 0, "Nothing")
    assert "hours" in blocker.args[0]
    with qtbot.waitSignal(controller.errorOccurred) as blocker:
        assert not controller.update_inputs(hours_per_week=500)
    assert "hours_per_week" in blocker.args[0]
    with qtbot.waitSignal(controller.errorOccurred) as blocker:
        assert not controller.update_inputs(certification="COC")  # not a first target
    assert "Cannot build a plan" in blocker.args[0]
    assert controller.undo_stack.count() == 0


def test_accept_replan_like_the_command_line(qtbot: QtBot, controller: PlannerController) -> None:
    proposed = controller.progress.proposed_shift_days
    assert proposed is not None and proposed > 0  # the demo learner is behind
    assert controller.can_replan()
    with qtbot.waitSignal(controller.planChanged):
        assert controller.accept_replan()
    replan = controller.profile.replan
    assert replan is not None
    assert replan.accepted_on == TODAY
    assert replan.shift_days == proposed
    assert controller.plan.exam_date > controller.baseline.exam_date
    assert controller.plan.phases[0].start == controller.baseline.phases[0].start
    with qtbot.waitSignal(controller.planChanged):
        assert controller.reset_replan()
    assert controller.profile.replan is None
    assert controller.plan == controller.baseline


def test_changing_inputs_starts_a_new_baseline(controller: PlannerController) -> None:
    controller.accept_replan()
    assert controller.update_inputs(hours_per_week=14)
    assert controller.profile.replan is None
    controller.undo_stack.undo()
    assert controller.profile.replan is not None  # undo brings the re-plan back too


def test_read_only_controller_never_writes(
    qtbot: QtBot, make_controller: MakeController, profile_path: Path
) -> None:
    before = profile_path.read_bytes()
    controller = make_controller(read_only=True)
    with qtbot.waitSignal(controller.errorOccurred):
        assert not controller.log_study(TODAY, 1, "x")
    assert controller.saver.save_if_dirty()
    assert profile_path.read_bytes() == before


def test_new_profile_is_written_at_once_and_switch_clears_history(
    qtbot: QtBot, controller: PlannerController, tmp_path: Path
) -> None:
    controller.log_study(TODAY, 1, "x")
    assert controller.undo_stack.count() == 1
    other = tmp_path / "sub" / "other.json"
    from planner.core.demo import demo_profile

    fresh = demo_profile(date(2025, 1, 6))
    with qtbot.waitSignal(controller.storeChanged):
        controller.switch_to(fresh, ProfileStore(other), saved=False)
    assert other.is_file()
    assert controller.undo_stack.count() == 0
    assert controller.path == other
    assert not controller.dirty


def test_save_as_moves_to_the_new_file(controller: PlannerController, tmp_path: Path) -> None:
    controller.log_study(TODAY, 1, "Before save as")
    target = tmp_path / "copy.json"
    assert controller.saver.save_as(target)
    assert controller.path == target
    assert stored(target).study_log[-1].topic == "Before save as"
    assert not controller.dirty


def test_edits_saved_by_the_command_line_meanwhile_are_merged(
    qtbot: QtBot, controller: PlannerController, profile_path: Path
) -> None:
    before = len(controller.profile.study_log)
    with ProfileStore(profile_path).update() as other:  # `codepath log` while the app is open
        other.log_study(TODAY, 1.0, "logged from the command line")
    assert controller.log_study(TODAY, 2.0, "logged in the app")
    assert controller.saver.save_now()
    topics = [e.topic for e in stored(profile_path).study_log]
    assert topics[-2:] == ["logged from the command line", "logged in the app"]
    assert len(controller.profile.study_log) == before + 2
    assert not controller.dirty


def test_outside_changes_are_shown_when_nothing_is_unsaved(
    qtbot: QtBot, controller: PlannerController, profile_path: Path
) -> None:
    with ProfileStore(profile_path).update() as other:
        other.log_study(TODAY, 1.5, "from another program")
    qtbot.waitUntil(
        lambda: controller.profile.study_log[-1].topic == "from another program", timeout=3000
    )
    assert stored(profile_path) == controller.profile
