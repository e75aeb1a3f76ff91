"""The window never loses the learner's data: unreadable, deleted, replaced and merged files."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import TODAY, MakeController, stored
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from planner.core.inputs import PlanInputs
from planner.core.profile import (
    Profile,
    ProfileTooNewError,
    ProfileUnknownDataError,
    ProfileWriteError,
)
from planner.core.storage import ProfileStore
from planner.gui import dialogs
from planner.gui.controller import PlannerController
from planner.gui.dialogs import BadProfileChoice, BadProfileDialog
from planner.gui.main_window import MainWindow


def replace_file(path: Path, data: bytes) -> None:
    """Put other bytes at ``path`` as another program would (write beside it, rename)."""
    temp = path.with_name("outside.tmp")
    temp.write_bytes(data)
    os.replace(temp, path)


def shown_window(qtbot: QtBot, controller: PlannerController) -> MainWindow:
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    return window


class QuitAnswers:
    """Stands in for the Retry / Discard / Cancel question (then Discard, for the teardown)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: QMessageBox.StandardButton):
        self.answers = list(answers)
        self.problems: list[str] = []
        monkeypatch.setattr(dialogs, "ask_quit_unsaved", self.ask)

    def ask(self, _parent: Any, problem: str) -> QMessageBox.StandardButton:
        self.problems.append(problem)
        return self.answers.pop(0) if self.answers else QMessageBox.StandardButton.Discard


def test_shutdown_stops_every_timer(
    qtbot: QtBot, make_controller: MakeController, profile_path: Path
) -> None:
    before = profile_path.read_bytes()
    controller = make_controller(autosave_ms=50)
    controller.log_study(TODAY, 1, "never written")
    assert controller.saver.save_pending()
    controller.saver.shutdown()
    assert not controller.saver.save_pending()
    qtbot.wait(150)
    assert profile_path.read_bytes() == before


@pytest.mark.parametrize(
    "bad",
    [
        "newer",  # saved by a newer version
        "typo",  # a hand edit with a typo
        "unknown",  # a certification only a newer version of the data knows
    ],
)
def test_a_file_that_cannot_be_read_is_never_written_over(
    qtbot: QtBot,
    make_controller: MakeController,
    profile_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    bad: str,
) -> None:
    data = json.loads(profile_path.read_text(encoding="utf-8"))
    if bad == "newer":
        data["schema_version"] = 99
        content = json.dumps(data).encode()
    elif bad == "unknown":
        data["inputs"]["certification"] = "CRC-2030"
        content = json.dumps(data).encode()
    else:
        content = json.dumps(data).encode()[:-5] + b",,}"
    asked: list[Any] = []

    def ask(error: Any, *, has_backup: bool, parent: Any = None) -> BadProfileChoice:
        asked.append(error)
        return BadProfileChoice.QUIT

    monkeypatch.setattr(BadProfileDialog, "ask", ask)
    quit_answers = QuitAnswers(monkeypatch, QMessageBox.StandardButton.Cancel)
    window = shown_window(qtbot, make_controller())
    replace_file(profile_path, content)
    qtbot.waitUntil(lambda: "cannot be read" in window.save_label.text(), timeout=3000)
    window.controller.log_study(TODAY, 1, "edit after the file went bad")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=3000)
    assert profile_path.read_bytes() == content  # not written over
    assert not list(profile_path.parent.glob("profile.json.bad-*"))
    assert window.controller.dirty
    assert "cannot be read" in window.save_label.text()
    if bad == "newer":
        assert isinstance(asked[0], ProfileTooNewError)
    if bad == "unknown":
        assert isinstance(asked[0], ProfileUnknownDataError)
        assert window.controller.profile.inputs.certification != "CRC-2030"
    # the choice was Quit: closing asks, because the edit is not saved anywhere
    assert quit_answers.problems and "cannot be read" in quit_answers.problems[0]
    assert window.isVisible()
    assert window.controller.profile.study_log[-1].topic == "edit after the file went bad"


def test_restoring_a_backup_over_an_unreadable_file_keeps_both_and_the_edit(
    qtbot: QtBot,
    make_controller: MakeController,
    profile_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(BadProfileDialog, "ask", lambda *a, **k: BadProfileChoice.RESTORE)
    window = shown_window(qtbot, make_controller())
    window.controller.log_study(TODAY, 1, "first")
    qtbot.waitUntil(lambda: not window.controller.dirty, timeout=3000)  # now there is a .bak1
    newer = json.loads(profile_path.read_text(encoding="utf-8"))
    newer["schema_version"] = 99
    replace_file(profile_path, json.dumps(newer).encode())
    window.controller.log_study(TODAY, 2, "second")
    qtbot.waitUntil(lambda: not window.controller.dirty, timeout=3000)
    topics = [e.topic for e in stored(profile_path).study_log]
    assert topics[-2:] == ["first", "second"]
    kept = json.loads(profile_path.with_name("profile.json.bad-1").read_text(encoding="utf-8"))
    assert kept["schema_version"] == 99  # the newer file is kept, not lost


@pytest.mark.parametrize("action", ["open", "new"])
def test_open_and_new_ask_before_dropping_unsaved_edits(
    qtbot: QtBot,
    make_controller: MakeController,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    action: str,
) -> None:
    controller = make_controller(autosave_ms=60_000, retry_ms=60_000)
    window = shown_window(qtbot, controller)
    controller.log_study(TODAY, 2, "unsaved")

    def fail(self: ProfileStore, profile: Any) -> None:
        raise ProfileWriteError(self.path, "cannot save (the disk is full)")

    monkeypatch.setattr(ProfileStore, "save", fail)
    picked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: picked.append("open"))
    from planner.gui.wizard import SetupWizard

    monkeypatch.setattr(SetupWizard, "ask", lambda *a, **k: picked.append("new"))
    answers = QuitAnswers(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.actions_by_name[action].trigger()
    assert answers.problems and "disk is full" in answers.problems[0]
    assert picked == []  # cancelled: nothing else was asked, the edit is still here
    assert controller.profile.study_log[-1].topic == "unsaved"
    answers.answers.append(QMessageBox.StandardButton.Discard)
    window.actions_by_name[action].trigger()
    assert picked == [action]  # discarded knowingly: on to the file picker or the wizard


def test_any_exception_in_a_save_is_a_failed_save(
    qtbot: QtBot,
    make_controller: MakeController,
    profile_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    controller = make_controller(retry_ms=60_000)
    window = shown_window(qtbot, controller)

    def explode(self: ProfileStore, profile: Any) -> None:
        "\ud800".encode()  # a lone surrogate: UnicodeEncodeError, not a ProfileError

    monkeypatch.setattr(ProfileStore, "save", explode)
    with qtbot.waitSignal(controller.saveFailed, timeout=3000) as failed:
        controller.log_study(TODAY, 1, "kept in memory")
    assert "UnicodeEncodeError" in failed.args[0]
    assert window.save_label.text() == "⚠ Not saved – will retry"
    box = window._save_error_box
    assert box is not None and "UnicodeEncodeError" in box.informativeText()
    answers = QuitAnswers(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.close()
    assert answers.problems  # closing asks before discarding
    assert window.isVisible()


def test_an_older_copy_put_back_keeps_the_last_save_as_a_backup(
    qtbot: QtBot, make_controller: MakeController, profile_path: Path
) -> None:
    older = profile_path.read_bytes()
    controller = make_controller()
    controller.log_study(TODAY, 2, "only in the newest save")
    qtbot.waitUntil(lambda: not controller.dirty, timeout=3000)
    notices: list[str] = []
    controller.saver.noticeGiven.connect(notices.append)
    replace_file(profile_path, older)  # a sync client restores an old version
    qtbot.waitUntil(lambda: bool(notices), timeout=3000)
    assert "lacks 1 of your saved entries" in notices[0]
    kept = stored(profile_path.with_name("profile.json.bak1"))
    assert kept.study_log[-1].topic == "only in the newest save"
    assert controller.profile == stored(profile_path)  # the window shows what the file holds


def test_an_older_copy_put_back_under_pending_edits_is_merged_after_a_backup(
    make_controller: MakeController, profile_path: Path
) -> None:
    older = profile_path.read_bytes()
    controller = make_controller(autosave_ms=60_000)
    controller.log_study(TODAY, 2, "saved")
    assert controller.saver.save_now()
    controller.log_study(TODAY, 1, "pending")
    notices: list[str] = []
    controller.saver.noticeGiven.connect(notices.append)
    replace_file(profile_path, older)
    assert controller.saver.save_now()
    assert notices and "lacks 1" in notices[0]
    assert "saved" in [
        e.topic for e in stored(profile_path.with_name("profile.json.bak1")).study_log
    ]
    assert stored(profile_path).study_log[-1].topic == "pending"


def test_a_command_line_change_survives_a_pending_settings_edit(
    make_controller: MakeController, profile_path: Path
) -> None:
    controller = make_controller(autosave_ms=60_000)
    assert controller.update_inputs(state="FL")
    with ProfileStore(profile_path).update() as other:  # codepath plan --hours-per-week 20
        other.inputs = other.inputs.model_copy(update={"hours_per_week": 20})
    assert controller.saver.save_now()
    on_disk = stored(profile_path).inputs
    assert (on_disk.hours_per_week, on_disk.state) == (20, "FL")
    assert controller.profile.inputs == on_disk


def test_a_value_that_lost_a_conflict_is_named(
    make_controller: MakeController, profile_path: Path
) -> None:
    controller = make_controller(autosave_ms=60_000)
    assert controller.update_inputs(hours_per_week=14)
    with ProfileStore(profile_path).update() as other:
        other.inputs = other.inputs.model_copy(update={"hours_per_week": 20})
    notices: list[str] = []
    controller.saver.noticeGiven.connect(notices.append)
    assert controller.saver.save_now()
    assert stored(profile_path).inputs.hours_per_week == 14
    assert notices and "hours per week: kept 14" in notices[0] and "not 20" in notices[0]


def test_watching_goes_on_after_the_file_is_deleted_and_made_again(
    qtbot: QtBot, make_controller: MakeController, profile_path: Path
) -> None:
    controller = make_controller()
    profile = stored(profile_path)
    profile_path.unlink()
    qtbot.waitUntil(lambda: controller.saver.file_missing, timeout=3000)
    qtbot.wait(150)
    profile.name = "Made again"
    ProfileStore(profile_path).save(profile)
    qtbot.waitUntil(lambda: controller.profile.name == "Made again", timeout=3000)
    with ProfileStore(profile_path).update() as other:  # a later change is still seen
        other.name = "Changed later"
    qtbot.waitUntil(lambda: controller.profile.name == "Changed later", timeout=3000)


def test_a_deleted_profile_is_noticed_and_written_back_on_quit(
    qtbot: QtBot,
    make_controller: MakeController,
    profile_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    offered: list[Path] = []
    monkeypatch.setattr(dialogs, "ask_write_back", lambda _p, path: offered.append(path) or False)
    window = shown_window(qtbot, make_controller())
    shown = window.controller.profile.model_copy(deep=True)
    profile_path.unlink()
    qtbot.waitUntil(lambda: offered == [profile_path], timeout=3000)
    assert window.controller.dirty
    assert "deleted" in window.save_label.text()
    assert "(unsaved)" in window.windowTitle()
    window.close()
    assert stored(profile_path) == shown  # the newest state exists on disk again


def test_a_deleted_profile_can_be_written_back_at_once(
    qtbot: QtBot,
    make_controller: MakeController,
    profile_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dialogs, "ask_write_back", lambda _p, _path: True)
    window = shown_window(qtbot, make_controller())
    profile_path.unlink()
    qtbot.waitUntil(profile_path.exists, timeout=3000)
    assert stored(profile_path) == window.controller.profile
    assert not window.controller.dirty
    assert window.save_label.text() == "✓ Saved"


def test_a_redo_that_raises_leaves_the_profile_as_it_was(
    qtbot: QtBot, controller: PlannerController, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = controller.profile.model_copy(deep=True)
    plan = controller.plan
    real_apply = PlannerController._apply

    def broken(self: PlannerController, values: dict[str, Any]) -> None:
        real_apply(self, values)  # the change is made ...
        raise StopIteration("no phase with study hours")  # ... then deriving from it fails

    monkeypatch.setattr(PlannerController, "_apply", broken)
    with qtbot.waitSignal(controller.errorOccurred) as error:
        assert not controller.update_inputs(certification="RHIT", specialty="him")
    assert "StopIteration" in error.args[0]
    assert controller.profile == before
    assert controller.plan == plan
    assert controller.undo_stack.count() == 0
    assert not controller.dirty


def test_an_rhit_plan_with_a_past_start_never_takes_the_window_down(
    qtbot: QtBot, make_controller: MakeController, tmp_path: Path
) -> None:
    path = tmp_path / "past.json"
    inputs = PlanInputs(
        certification="CPC", specialty="auditing", start=date(2026, 3, 2), hours_per_week=10
    )
    ProfileStore(path).save(Profile(inputs=inputs))
    controller = make_controller(path=path)
    errors: list[str] = []
    controller.errorOccurred.connect(errors.append)
    changed = controller.update_inputs(certification="RHIT")  # the issue-10 blocker
    if changed:  # the cause is fixed in the core
        assert controller.plan.certification == "RHIT"
    else:  # the guard: nothing changed, and the user is told
        assert controller.profile.inputs == inputs
        assert errors and errors[-1].startswith("Not changed")
        assert controller.undo_stack.count() == 0


def test_an_exception_in_the_event_loop_is_shown_as_plain_text(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.gui import app

    shown: list[str] = []
    monkeypatch.setattr(app, "show_unexpected_error", lambda _parent, text: shown.append(text))
    monkeypatch.setattr("sys.excepthook", None)  # put back after the test
    hook = app.install_excepthook(lambda: None)
    hook(ValueError, ValueError("<b>bad</b>"), None)
    assert shown == ["ValueError: <b>bad</b>"]
    monkeypatch.undo()
    app.show_unexpected_error(None, "<b>bad</b>")
    box = next(w for w in qtbot_top_levels() if w.objectName() == "unexpectedErrorBox")
    assert box.textFormat().name == "PlainText"
    assert box.text().endswith("<b>bad</b>")
    box.close()


def qtbot_top_levels() -> list[Any]:
    from PySide6.QtWidgets import QApplication

    return list(QApplication.topLevelWidgets())
