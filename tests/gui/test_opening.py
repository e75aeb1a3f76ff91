"""A profile that cannot be opened: the dialog's choices, and the bad file is never lost."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import TODAY, stored
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from planner.core.catalog import Catalog
from planner.core.demo import demo_profile
from planner.core.fit import FitAnswers
from planner.core.inputs import PlanInputs
from planner.core.profile import ProfileCorruptError, ProfileTooNewError, ProfileUnknownDataError
from planner.core.storage import ProfileStore
from planner.gui import dialogs, opening
from planner.gui.dialogs import BadProfileChoice, BadProfileDialog, NewLocation
from planner.gui.opening import open_profile
from planner.gui.wizard import SetupWizard, WizardAnswer

CORRUPT = b'{"schema_version": 1, "inputs": {'
NEW_INPUTS = PlanInputs(
    certification="RHIT", specialty="him", start=date(2026, 4, 6), hours_per_week=12
)


class Asked:
    """Stands in for the dialogs: returns prepared answers, records the questions."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *choices: BadProfileChoice) -> None:
        self.choices = list(choices)
        self.errors: list[Any] = []
        self.backups: list[bool] = []
        monkeypatch.setattr(BadProfileDialog, "ask", self.ask)

    def ask(self, error: Any, *, has_backup: bool, parent: Any = None) -> BadProfileChoice:
        self.errors.append(error)
        self.backups.append(has_backup)
        return self.choices.pop(0)


@pytest.fixture
def wizard_answers(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    calls: list[Any] = []

    def ask(cls: Any, catalog: Catalog, today: date, parent: Any = None, **kw: Any) -> Any:
        calls.append(kw)
        return WizardAnswer(NEW_INPUTS, "New start")

    monkeypatch.setattr(SetupWizard, "ask", classmethod(ask))
    return calls


def corrupt_with_backup(profile_path: Path) -> bytes:
    """The demo profile saved twice (so a backup exists), then damaged."""
    store = ProfileStore(profile_path)
    profile = store.load()
    profile.name = "Second save"
    store.save(profile)
    profile_path.write_bytes(CORRUPT)
    return CORRUPT


def test_restore_the_newest_backup(
    monkeypatch: pytest.MonkeyPatch, catalog: Catalog, profile_path: Path
) -> None:
    corrupt_with_backup(profile_path)
    asked = Asked(monkeypatch, BadProfileChoice.RESTORE)
    opened = open_profile(profile_path, catalog, TODAY)
    assert opened is not None and opened.saved
    assert isinstance(asked.errors[0], ProfileCorruptError)
    assert asked.backups == [True]
    assert opened.profile.name == "Demo learner"  # the backup: the save before the last
    assert profile_path.with_name("profile.json.bad-1").read_bytes() == CORRUPT


def test_new_profile_in_place_keeps_the_bad_file(
    monkeypatch: pytest.MonkeyPatch, catalog: Catalog, profile_path: Path, wizard_answers: list[Any]
) -> None:
    profile_path.write_bytes(CORRUPT)
    Asked(monkeypatch, BadProfileChoice.NEW)
    monkeypatch.setattr(BadProfileDialog, "ask_new_location", lambda *a, **k: NewLocation.REPLACE)
    opened = open_profile(profile_path, catalog, TODAY)
    assert opened is not None and not opened.saved
    assert opened.store.path == profile_path
    assert opened.profile.inputs == NEW_INPUTS
    assert profile_path.with_name("profile.json.bad-1").read_bytes() == CORRUPT
    opened.store.save(opened.profile)
    assert stored(profile_path).name == "New start"


def test_new_profile_elsewhere_leaves_the_bad_file(
    monkeypatch: pytest.MonkeyPatch, catalog: Catalog, profile_path: Path, wizard_answers: list[Any]
) -> None:
    profile_path.write_bytes(CORRUPT)
    other = profile_path.with_name("fresh.json")
    Asked(monkeypatch, BadProfileChoice.NEW)
    monkeypatch.setattr(BadProfileDialog, "ask_new_location", lambda *a, **k: NewLocation.ELSEWHERE)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: other)
    opened = open_profile(profile_path, catalog, TODAY)
    assert opened is not None and opened.store.path == other
    assert profile_path.read_bytes() == CORRUPT


def test_open_another_profile(
    monkeypatch: pytest.MonkeyPatch, catalog: Catalog, profile_path: Path
) -> None:
    profile_path.write_bytes(CORRUPT)
    other = profile_path.with_name("other.json")
    ProfileStore(other).save(demo_profile(date(2025, 5, 5)))
    Asked(monkeypatch, BadProfileChoice.OPEN_OTHER)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: other)
    opened = open_profile(profile_path, catalog, TODAY)
    assert opened is not None and opened.store.path == other and opened.saved
    assert profile_path.read_bytes() == CORRUPT


def test_quit_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, catalog: Catalog, profile_path: Path
) -> None:
    raw = json.loads(profile_path.read_text())
    raw["schema_version"] = 99
    data = json.dumps(raw).encode()
    profile_path.write_bytes(data)
    asked = Asked(monkeypatch, BadProfileChoice.QUIT)
    assert open_profile(profile_path, catalog, TODAY) is None
    assert isinstance(asked.errors[0], ProfileTooNewError)
    assert profile_path.read_bytes() == data
    assert sorted(
        p.name for p in profile_path.parent.iterdir() if p.name != "profile.json.lock"
    ) == ["profile.json"]


def test_failed_restore_asks_again(
    monkeypatch: pytest.MonkeyPatch, catalog: Catalog, profile_path: Path
) -> None:
    profile_path.write_bytes(CORRUPT)  # no backup beside it
    shown: list[str] = []
    monkeypatch.setattr(opening, "show_error", lambda parent, title, text: shown.append(title))
    asked = Asked(monkeypatch, BadProfileChoice.RESTORE, BadProfileChoice.QUIT)
    assert open_profile(profile_path, catalog, TODAY) is None
    assert asked.backups == [False, False]
    assert shown == ["Cannot restore the backup"]
    assert profile_path.read_bytes() == CORRUPT


def test_unknown_data_can_be_repicked_keeping_progress(
    monkeypatch: pytest.MonkeyPatch, catalog: Catalog, profile_path: Path, wizard_answers: list[Any]
) -> None:
    raw = json.loads(profile_path.read_text())
    raw["inputs"]["specialty"] = "basket-weaving"
    profile_path.write_text(json.dumps(raw))
    asked = Asked(monkeypatch, BadProfileChoice.REPICK)
    opened = open_profile(profile_path, catalog, TODAY)
    error = asked.errors[0]
    assert isinstance(error, ProfileUnknownDataError)
    assert error.profile is not None
    assert wizard_answers[0]["initial"].specialty == "basket-weaving"  # wizard starts from it
    assert opened is not None and not opened.saved
    assert opened.profile.inputs == NEW_INPUTS
    assert len(opened.profile.study_log) == len(demo_profile(TODAY).study_log)
    opened.store.save(opened.profile)
    backup = ProfileStore(profile_path).backups()[0]
    assert json.loads(backup.read_text())["inputs"]["specialty"] == "basket-weaving"


def test_the_dialog_explains_and_offers_choices(qtbot: QtBot, profile_path: Path) -> None:
    error = ProfileCorruptError(profile_path, "not valid JSON (line 1, column 34)")
    dialog = BadProfileDialog(error, has_backup=False)
    qtbot.addWidget(dialog)
    reason = dialog.findChild(QLabel, "badProfileReason")
    assert reason is not None and "damaged" in reason.text()
    details = dialog.findChild(QLabel, "badProfileDetails")
    assert details is not None and "line 1, column 34" in details.text()
    assert not dialog.buttons[BadProfileChoice.RESTORE].isEnabled()
    assert BadProfileChoice.REPICK not in dialog.buttons
    dialog.buttons[BadProfileChoice.NEW].click()
    assert dialog.choice is BadProfileChoice.NEW
    unknown = ProfileUnknownDataError(
        profile_path, "unknown specialty", profile=demo_profile(TODAY)
    )
    dialog = BadProfileDialog(unknown, has_backup=True)
    qtbot.addWidget(dialog)
    assert dialog.buttons[BadProfileChoice.RESTORE].isEnabled()
    assert BadProfileChoice.REPICK in dialog.buttons


def saved_twice(profile_path: Path) -> Path:
    """The demo profile saved again under another name; its first version is now .bak1."""
    store = ProfileStore(profile_path)
    profile = store.load()
    profile.name = "Newest save"
    store.save(profile)
    return profile_path.with_name("profile.json.bak1")


def test_a_backup_opened_can_be_restored_as_the_profile(
    monkeypatch: pytest.MonkeyPatch, catalog: Catalog, profile_path: Path
) -> None:
    backup = saved_twice(profile_path)
    newest = profile_path.read_bytes()
    asked: list[tuple[Path, Path]] = []

    def ask(_parent: Any, chosen: Path, main: Path) -> dialogs.BackupUse:
        asked.append((chosen, main))
        return dialogs.BackupUse.RESTORE

    monkeypatch.setattr(dialogs, "ask_backup_use", ask)
    opened = open_profile(backup, catalog, TODAY)
    assert asked == [(backup, profile_path)]
    assert opened is not None and not opened.read_only
    assert opened.store.path == profile_path  # work goes on in the profile, not the backup
    assert opened.profile.name == "Demo learner"
    assert profile_path.read_bytes() == backup.read_bytes()
    kept = [p for p in profile_path.parent.iterdir() if p.read_bytes() == newest]
    assert kept, "the replaced profile is kept beside it"


def test_a_backup_can_be_opened_read_only(
    monkeypatch: pytest.MonkeyPatch, catalog: Catalog, profile_path: Path, qtbot: QtBot
) -> None:
    from planner.gui.controller import PlannerController

    backup = saved_twice(profile_path)
    before = backup.read_bytes()
    monkeypatch.setattr(dialogs, "ask_backup_use", lambda *a: dialogs.BackupUse.READ_ONLY)
    opened = open_profile(backup, catalog, TODAY)
    assert opened is not None and opened.read_only
    controller = PlannerController(
        opened.profile, opened.store, catalog, TODAY, read_only=opened.read_only
    )
    with qtbot.waitSignal(controller.errorOccurred):
        assert not controller.log_study(TODAY, 1, "not into a backup")
    assert controller.saver.save_if_dirty()
    assert backup.read_bytes() == before
    controller.saver.shutdown()


@pytest.mark.parametrize(
    ("button", "expected"),
    [
        ("Open read-only", dialogs.BackupUse.READ_ONLY),
        ("Restore as my profile", dialogs.BackupUse.RESTORE),
        ("Cancel", None),
    ],
)
def test_the_backup_question_returns_the_button_pressed(
    qtbot: QtBot, button: str, expected: object
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def press() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
        next(b for b in box.buttons() if b.text().replace("&", "") == button).click()

    QTimer.singleShot(0, press)
    assert dialogs.ask_backup_use(None, Path("p.json.bak1"), Path("p.json")) is expected


def test_a_fit_check_taken_in_the_wizard_is_kept_in_the_new_profile(
    monkeypatch: pytest.MonkeyPatch, catalog: Catalog, tmp_path: Path
) -> None:
    fit = FitAnswers(agrees={"structured-systems": True}, hours_per_week=12, remote_day_one=True)
    answer = WizardAnswer(NEW_INPUTS, "New start", fit)
    monkeypatch.setattr(SetupWizard, "ask", classmethod(lambda *a, **k: answer))
    opened = open_profile(tmp_path / "fresh.json", catalog, TODAY)
    assert opened is not None and not opened.saved
    assert opened.profile.fit == fit
    assert opened.profile.inputs == NEW_INPUTS and opened.profile.name == "New start"
