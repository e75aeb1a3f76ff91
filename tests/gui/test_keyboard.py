"""Keyboard use: one Alt+letter per control on each page, arrows, Home, Ctrl+2 and status keys."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from planner.core.catalog import Catalog
from planner.gui.main_window import MainWindow
from planner.gui.milestones_page import COL_TITLE, ID_ROLE
from planner.gui.wizard import SetupWizard

MNEMONIC = re.compile(r"&([^&\s])")


def _letter(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _mnemonics(root: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every Alt+letter under ``root``; a label's must lead somewhere."""
    found = []
    for label in root.findChildren(QLabel):
        letter = _letter(label.text()) if label.textFormat() != Qt.TextFormat.RichText else None
        if letter is not None:
            buddy = label.buddy()
            assert buddy is not None, f"dead key: {label.text()!r} has no buddy"
            takes_focus = buddy.focusPolicy() & Qt.FocusPolicy.TabFocus
            assert takes_focus, f"dead key: {label.text()!r} leads to {buddy.objectName()}"
            found.append((letter, label.text()))
    for button in root.findChildren(QAbstractButton):
        letter = _letter(button.text())
        if letter is not None:
            found.append((letter, button.text()))
    for tabs in root.findChildren(QTabWidget):
        for index in range(tabs.count()):
            letter = _letter(tabs.tabText(index))
            if letter is not None:
                found.append((letter, tabs.tabText(index)))
    for box in root.findChildren(QGroupBox):
        letter = _letter(box.title())
        if letter is not None:
            found.append((letter, box.title()))
    return found


def _assert_unique(found: list[tuple[str, str]], reserved: dict[str, str], where: str) -> None:
    counts = Counter(letter for letter, _text in found)
    clashes = [text for letter, text in found if counts[letter] > 1]
    assert not clashes, f"{where}: the same Alt+letter for {clashes}"
    stolen = [(text, reserved[letter]) for letter, text in found if letter in reserved]
    assert not stolen, f"{where}: these take a menu's Alt+letter: {stolen}"


def test_each_page_has_its_own_alt_letters_apart_from_the_menus(window: MainWindow) -> None:
    menus = {}
    for action in window.menuBar().actions():
        letter = _letter(action.text())
        assert letter is not None and letter not in menus, action.text()
        menus[letter] = action.text()
    assert set(menus) == {"f", "e", "v", "h"}
    for name, page in window.pages.items():
        found = _mnemonics(page)
        assert found, f"{name} has no Alt+letter at all"
        _assert_unique(found, menus, name)


def test_progress_page_alt_letters_named(window: MainWindow) -> None:
    letters = dict(_mnemonics(window.progress_page))
    assert letters["t"] == "&Topic:" and letters["n"] == "&Note:"
    assert letters["u"] == "Ho&urs:"
    assert "h" not in letters  # Alt+H opens the Help menu


def test_each_wizard_page_has_its_own_alt_letters(qtbot: QtBot, catalog: Catalog) -> None:
    wizard = SetupWizard(catalog, date(2026, 3, 2))
    qtbot.addWidget(wizard)
    buttons = [
        wizard.button(which)
        for which in (
            SetupWizard.WizardButton.NextButton,
            SetupWizard.WizardButton.BackButton,
            SetupWizard.WizardButton.FinishButton,
            SetupWizard.WizardButton.CancelButton,
        )
    ]
    button_letters = [
        (letter, b.text()) for b in buttons if (letter := _letter(b.text())) is not None
    ]
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        _assert_unique(_mnemonics(page) + button_letters, {}, page.objectName())


def test_wizard_arrow_keys_choose_the_certification(qtbot: QtBot, catalog: Catalog) -> None:
    wizard = SetupWizard(catalog, date(2026, 3, 2))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    buttons = list(wizard.cert_page.buttons.values())
    buttons[0].setFocus()
    qtbot.keyClick(buttons[0], Qt.Key.Key_Down)
    assert buttons[1].isChecked() and wizard.focusWidget() is buttons[1]
    assert wizard.cert_page.isComplete()
    qtbot.keyClick(buttons[1], Qt.Key.Key_Up)
    assert buttons[0].isChecked()
    qtbot.keyClick(buttons[0], Qt.Key.Key_Up)  # round to the last
    assert buttons[-1].isChecked()


def test_home_and_end_in_the_specialty_list_skip_headings(qtbot: QtBot, catalog: Catalog) -> None:
    wizard = SetupWizard(catalog, date(2026, 3, 2))
    qtbot.addWidget(wizard)
    page = wizard.specialty_page
    page.fill("CCS")
    listing = page.list
    assert not listing.item(0).flags() & Qt.ItemFlag.ItemIsSelectable  # a heading
    qtbot.keyClick(listing, Qt.Key.Key_End)
    assert listing.currentRow() == listing.count() - 1
    qtbot.keyClick(listing, Qt.Key.Key_Home)
    assert listing.currentRow() == 1
    assert page.selected() == listing.item(1).data(Qt.ItemDataRole.UserRole)


def test_ctrl_2_puts_the_focus_on_a_milestone(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.actions_by_name["page_milestones"].trigger()
    page = window.milestones_page
    assert page.tree.hasFocus()
    current = page.tree.currentItem()
    assert current is not None and current.data(COL_TITLE, ID_ROLE)
    assert not page.hide_closed.hasFocus()


def test_a_status_key_on_a_phase_row_does_not_jump(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("milestones")
    page = window.milestones_page
    phase = page.phase_item(1)
    assert phase is not None
    page.tree.setCurrentItem(phase)
    qtbot.keyClick(page.tree, Qt.Key.Key_S)
    assert page.tree.currentItem() is phase


def test_each_menu_has_its_own_alt_letters(window: MainWindow) -> None:
    window._fill_recent_menu()
    menus = [action.menu() for action in window.menuBar().actions()]
    pending = [menu for menu in menus if menu is not None]
    while pending:
        menu = pending.pop()
        found = []
        for action in menu.actions():
            if action.isSeparator() or not action.isEnabled():
                continue
            letter = _letter(action.text())
            assert letter is not None, f"{action.text()!r} in {menu.title()!r} has no Alt+letter"
            found.append((letter, action.text()))
            if action.menu() is not None:
                pending.append(action.menu())
        _assert_unique(found, {}, menu.title())


def test_calendar_options_have_their_own_alt_letters(qtbot: QtBot) -> None:
    from planner.gui.exports import CalendarOptionsDialog

    dialog = CalendarOptionsDialog(10)
    qtbot.addWidget(dialog)
    _assert_unique(_mnemonics(dialog), {}, "calendar options")
