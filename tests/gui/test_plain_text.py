"""Text from a profile or a file is shown as it is, never as HTML, in labels and message boxes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import TODAY
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from planner.core.catalog import Catalog
from planner.core.profile import ProfileCorruptError
from planner.gui import dialogs, opening
from planner.gui.dialogs import BadProfileDialog
from planner.gui.main_window import PAGE_NAMES, MainWindow
from planner.gui.opening import open_profile
from planner.gui.widgets import message_box
from planner.gui.wizard import SetupWizard

MARKUP = "<b>BOLD</b><img src=x>"
FILE_MARKUP = "<b>BOLD<img src=x>"  # no slash: a file name
# Rich-text labels by design: their HTML is built here and every text in them is escaped
# (the realities' "more" links open the glossary).
RICH_BY_DESIGN = {"planWarnings", "timelineRealities", "salaryRealities", "milestoneRealities"}


def _not_plain(root: QWidget) -> list[str]:
    return [
        f"{label.objectName() or label.text()!r}: {label.textFormat()}"
        for label in root.findChildren(QLabel)
        if not label.objectName().startswith("qt_")  # Qt's own, e.g. a message box icon
        and label.objectName() not in RICH_BY_DESIGN
        and label.textFormat() != Qt.TextFormat.PlainText
    ]


class Shown:
    """Stands in for QDialog.exec / QMessageBox.exec: records what would have been shown."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.dialogs: list[QDialog] = []

        def exec_(dialog: QDialog) -> int:
            self.dialogs.append(dialog)
            return int(QDialog.DialogCode.Rejected)

        monkeypatch.setattr(QDialog, "exec", exec_)
        monkeypatch.setattr(QMessageBox, "exec", exec_)


def test_unknown_certification_shows_literally_when_the_profile_cannot_be_opened(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, catalog: Catalog, profile_path: Path
) -> None:
    raw = json.loads(profile_path.read_text(encoding="utf-8"))
    raw["inputs"]["certification"] = MARKUP
    profile_path.write_text(json.dumps(raw), encoding="utf-8")
    shown = Shown(monkeypatch)
    assert open_profile(profile_path, catalog, TODAY) is None  # closed: quit
    dialog = shown.dialogs[0]
    assert isinstance(dialog, BadProfileDialog)
    qtbot.addWidget(dialog)
    details = dialog.findChild(QLabel, "badProfileDetails")
    assert details is not None
    assert MARKUP in details.text()
    assert details.textFormat() == Qt.TextFormat.PlainText
    assert _not_plain(dialog) == []


def test_every_label_in_the_window_wizard_and_dialog_is_plain_text(
    qtbot: QtBot, window: MainWindow, catalog: Catalog, profile_path: Path
) -> None:
    for page in PAGE_NAMES:  # pages build some parts when first shown
        window.show_page(page)
    window.controller.set_name(MARKUP)
    assert _not_plain(window) == []
    wizard = SetupWizard(catalog, TODAY)
    qtbot.addWidget(wizard)
    assert _not_plain(wizard) == []
    dialog = BadProfileDialog(ProfileCorruptError(profile_path, MARKUP), has_backup=False)
    qtbot.addWidget(dialog)
    assert _not_plain(dialog) == []


def test_message_boxes_show_file_text_literally(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = Shown(monkeypatch)
    target = Path("/nonexistent") / f"{FILE_MARKUP}.ics"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: target)
    window.actions_by_name["export_ics"].trigger()
    box = shown.dialogs[-1]
    assert isinstance(box, QMessageBox)
    assert FILE_MARKUP in box.text() and box.textFormat() == Qt.TextFormat.PlainText

    opening.show_error(window, "Cannot restore the backup", MARKUP)
    dialogs.ask_quit_unsaved(window, MARKUP)
    dialogs.BadProfileDialog.ask_new_location(Path(f"/tmp/{FILE_MARKUP}.json"), window)
    assert len(shown.dialogs) == 4
    for box in shown.dialogs[1:]:
        assert isinstance(box, QMessageBox)
        assert box.textFormat() == Qt.TextFormat.PlainText, box.windowTitle()
        assert FILE_MARKUP in box.text() or MARKUP in box.text()

    window.controller.saveFailed.emit(f"cannot write {MARKUP}")
    save_box = window.findChild(QMessageBox, "saveErrorBox")
    assert save_box is not None and save_box.textFormat() == Qt.TextFormat.PlainText
    assert MARKUP in save_box.informativeText()
    save_box.close()


def test_informative_text_is_plain_too(qtbot: QtBot) -> None:
    box = message_box(None, QMessageBox.Icon.Warning, "Title", MARKUP)
    qtbot.addWidget(box)
    box.setInformativeText(MARKUP)
    labels: dict[str, Any] = {label.objectName(): label for label in box.findChildren(QLabel)}
    for name in ("qt_msgbox_label", "qt_msgbox_informativelabel"):
        assert labels[name].textFormat() == Qt.TextFormat.PlainText
        assert labels[name].text() == MARKUP
