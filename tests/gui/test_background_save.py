"""Long profiles are saved by a worker thread: in order, never lost, finished on close."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import TODAY, MakeController, stored
from pytestqt.qtbot import QtBot

from planner.core.profile import Profile
from planner.core.storage import ProfileStore
from planner.gui.controller import PlannerController
from planner.gui.main_window import MainWindow
from planner.gui.saving import BACKGROUND_FROM_ENTRIES


class SlowStore:
    """Records every save (its thread and study-log length); can hold the worker's saves."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.writes: list[tuple[str, int]] = []
        self.gate = threading.Event()
        self.gate.set()
        self.started = threading.Event()
        original = ProfileStore.save

        def save(store: ProfileStore, profile: Profile, *, in_pieces: bool = False) -> None:
            worker = threading.current_thread() is not threading.main_thread()
            if worker:
                self.started.set()
                assert self.gate.wait(10), "the test never let the save go on"
            original(store, profile, in_pieces=in_pieces)
            assert in_pieces == worker  # the worker writes entry by entry
            self.writes.append(("worker" if worker else "window", len(profile.study_log)))

        monkeypatch.setattr(ProfileStore, "save", save)


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowStore]:
    recorder = SlowStore(monkeypatch)
    yield recorder
    recorder.gate.set()


@pytest.fixture
def long_controller(make_controller: MakeController) -> PlannerController:
    """A controller whose saver writes every profile in the worker thread (as a long one is)."""
    controller = make_controller()
    controller.saver.background_from = 0
    return controller


def test_short_profiles_are_saved_at_once_and_long_ones_by_the_worker(
    qtbot: QtBot, make_controller: MakeController, slow: SlowStore, profile_path: Path
) -> None:
    controller = make_controller()
    assert BACKGROUND_FROM_ENTRIES > 100  # the demo profile is short
    controller.log_study(TODAY, 1, "Anatomy")
    qtbot.waitUntil(lambda: not controller.dirty, timeout=3000)
    assert slow.writes[-1][0] == "window"
    controller.saver.background_from = 0
    controller.log_study(TODAY, 2, "Anatomy")
    qtbot.waitUntil(lambda: not controller.dirty, timeout=3000)
    assert slow.writes[-1][0] == "worker"
    assert stored(profile_path).study_log[-1].hours == 2


def test_an_edit_during_a_save_is_saved_after_it_in_order(
    qtbot: QtBot, long_controller: PlannerController, slow: SlowStore, profile_path: Path
) -> None:
    controller = long_controller
    start = len(controller.profile.study_log)
    slow.gate.clear()
    controller.log_study(TODAY, 1, "First")
    qtbot.waitUntil(slow.started.is_set, timeout=5000)  # the worker writes the first edit
    assert controller.saver.saving_in_background()
    controller.log_study(TODAY, 1.5, "Second")  # the window stays usable meanwhile
    qtbot.wait(3 * 30)  # the autosave comes due while the first save is still held
    assert controller.dirty
    slow.gate.set()
    qtbot.waitUntil(lambda: not controller.dirty, timeout=5000)
    assert slow.writes == [("worker", start + 1), ("worker", start + 2)]
    assert [e.topic for e in stored(profile_path).study_log[-2:]] == ["First", "Second"]
    assert controller.undo_stack.isClean()


def test_undo_during_a_save_is_saved_too(
    qtbot: QtBot, long_controller: PlannerController, slow: SlowStore, profile_path: Path
) -> None:
    controller = long_controller
    start = len(controller.profile.study_log)
    slow.gate.clear()
    controller.log_study(TODAY, 1, "Undone later")
    qtbot.waitUntil(slow.started.is_set, timeout=5000)
    controller.undo_stack.undo()
    slow.gate.set()
    qtbot.waitUntil(lambda: not controller.dirty and slow.writes[-1][1] == start, timeout=5000)
    assert len(stored(profile_path).study_log) == start


def test_closing_the_window_during_a_save_finishes_it_and_saves_the_rest(
    qtbot: QtBot, long_controller: PlannerController, slow: SlowStore, profile_path: Path
) -> None:
    controller = long_controller
    window = MainWindow(controller, settings=None)
    qtbot.addWidget(window)
    window.show()
    start = len(controller.profile.study_log)
    slow.gate.clear()
    controller.log_study(TODAY, 1, "Saved while closing")
    qtbot.waitUntil(slow.started.is_set, timeout=5000)
    controller.log_study(TODAY, 2, "Made during the save")
    threading.Timer(0.2, slow.gate.set).start()  # the save ends while close() waits for it
    assert window.close()
    assert not controller.dirty
    assert [kind for kind, _ in slow.writes] == ["worker", "window"]
    assert [length for _, length in slow.writes] == [start + 1, start + 2]
    topics = [e.topic for e in stored(profile_path).study_log[-2:]]
    assert topics == ["Saved while closing", "Made during the save"]


def test_a_failed_background_save_keeps_the_edits_and_says_so(
    qtbot: QtBot,
    long_controller: PlannerController,
    monkeypatch: pytest.MonkeyPatch,
    profile_path: Path,
) -> None:
    controller = long_controller

    def fail(_store: ProfileStore, _profile: Profile, **_options: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(ProfileStore, "save", fail)
    with qtbot.waitSignal(controller.saveFailed, timeout=3000) as failed:
        controller.log_study(TODAY, 1, "Kept in memory")
    assert "disk full" in str(failed.args[0])
    assert controller.dirty
    assert controller.profile.study_log[-1].topic == "Kept in memory"
    assert stored(profile_path).study_log[-1].topic != "Kept in memory"
    monkeypatch.undo()
    controller.saver.save_if_dirty()
    assert stored(profile_path).study_log[-1].topic == "Kept in memory"


def test_edits_saved_elsewhere_meanwhile_are_merged_by_the_worker(
    qtbot: QtBot, long_controller: PlannerController, slow: SlowStore, profile_path: Path
) -> None:
    controller = long_controller
    start = len(controller.profile.study_log)
    with ProfileStore(profile_path).update() as other:  # `codepath log` while the app is open
        other.log_study(TODAY, 1.0, "logged from the command line")
    controller.log_study(TODAY, 2.0, "logged in the app")
    qtbot.waitUntil(lambda: slow.writes and not controller.dirty, timeout=5000)
    assert slow.writes[-1] == ("worker", start + 2)
    topics = [e.topic for e in stored(profile_path).study_log]
    assert topics[-2:] == ["logged from the command line", "logged in the app"]
    assert [e.topic for e in controller.profile.study_log[-2:]] == topics[-2:]
