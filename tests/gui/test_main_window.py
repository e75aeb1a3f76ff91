"""The main window: title and status, menus and shortcuts, help, accessibility, closing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gui_helpers import TODAY, MakeController, stored
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from planner import __version__
from planner.gui import app, dialogs, exports
from planner.gui.main_window import PAGE_NAMES, MainWindow
from planner.report.calendar import CalendarOptions


def test_title_and_save_status_follow_edits(qtbot: QtBot, window: MainWindow) -> None:
    title = window.windowTitle()
    assert title.startswith("Demo learner – profile.json")
    assert "•" not in title and "(unsaved)" not in title
    assert window.save_label.text() == "✓ Saved"
    window.controller.log_study(TODAY, 1, "Anatomy")
    assert window.windowTitle().startswith("• Demo learner")
    assert "(unsaved)" in window.windowTitle()
    assert window.save_label.text() == "… Saving…"
    qtbot.waitUntil(lambda: _is(window.save_label.text(), "✓ Saved"), timeout=3000)
    assert "(unsaved)" not in window.windowTitle()


def _is(value: object, expected: object) -> None:
    assert value == expected


def test_menus_and_standard_shortcuts(window: MainWindow) -> None:
    actions = window.actions_by_name
    for name, key in (
        ("new", QKeySequence.StandardKey.New),
        ("open", QKeySequence.StandardKey.Open),
        ("save_as", QKeySequence.StandardKey.SaveAs),
        ("print", QKeySequence.StandardKey.Print),
        ("quit", QKeySequence.StandardKey.Quit),
        ("undo", QKeySequence.StandardKey.Undo),
        ("redo", QKeySequence.StandardKey.Redo),
    ):
        assert actions[name].shortcut() == QKeySequence(key), name
    for name in ("print_preview", "export_pdf", "export_ics", "about", "how"):
        assert name in actions
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]
    for index, page in enumerate(PAGE_NAMES):
        action = actions[f"page_{page}"]
        assert action.shortcut().toString() == f"Ctrl+{index + 1}"
        action.trigger()
        assert window.current_page() == page
        assert window.nav.currentRow() == index


def test_only_the_shown_page_is_built_until_another_is_visited(
    qtbot: QtBot, make_controller: MakeController
) -> None:
    window = MainWindow(make_controller(), settings=None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert [name for name in PAGE_NAMES if window.pages.is_built(name)] == ["timeline"]
    assert "progress" in window.pages and not window.pages.is_built("progress")
    assert window.timeline_page.isVisible()
    window.show_page("progress")
    assert window.pages.is_built("progress")
    assert window.progress_page.isVisible() and not window.timeline_page.isVisible()
    assert window.current_page() == "progress"
    settings = window.settings_page  # looked up, not visited: built, hidden
    assert window.pages.is_built("settings") and not settings.isVisible()
    assert list(window.pages) == list(PAGE_NAMES) and len(window.pages) == len(PAGE_NAMES)


def test_a_timeline_milestone_opens_it_on_the_milestones_page_built_then(
    window: MainWindow,
) -> None:
    assert not window.pages.is_built("milestones")
    window.timeline_page.milestoneActivated.emit("p2-exam")
    assert window.current_page() == "milestones"
    assert window.milestones_page.selected_milestone() == "p2-exam"


def test_undo_action_reverts_the_last_edit(window: MainWindow) -> None:
    window.controller.set_milestone_done("p1-course", True)
    undo = window.actions_by_name["undo"]
    assert undo.isEnabled()
    assert "Mark done" in undo.text()
    undo.trigger()
    assert window.controller.profile.milestone_status("p1-course").value == "not_started"
    window.actions_by_name["redo"].trigger()
    assert window.controller.profile.milestone_status("p1-course").value == "done"


def test_about_lists_version_and_dated_sources(window: MainWindow) -> None:
    dialog = window.show_about()
    html = dialog.browser.toPlainText()
    assert f"Coding Path Planner {__version__}" in html
    plan = window.controller.plan
    assert plan.sources
    for ref in plan.sources[:5]:
        assert ref.what in html
        assert ref.as_of in html
    dialog.close()
    how = window.show_how().browser.toPlainText()
    assert "How your plan is computed" in how
    assert "Accept re-plan" in how


INTERACTIVE = (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QAbstractSpinBox,
    QAbstractItemView,
    QTabWidget,
)


def _inside_compound(widget: QWidget) -> bool:
    """Parts Qt builds inside a spin box, combo box, line edit or view (named by their owner)."""
    if widget.objectName().startswith("qt_"):
        return True  # Qt's own helpers: table corner button, menu bar extension
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox | QAbstractItemView | QLineEdit):
            return True
        if isinstance(parent, QTabWidget) and isinstance(widget, QAbstractButton):
            return True
        parent = parent.parentWidget()
    return False


def test_every_interactive_widget_is_named(qtbot: QtBot, window: MainWindow) -> None:
    for page in PAGE_NAMES:  # every page is built (pages are built on first visit)
        window.pages[page]
    with qtbot.waitSignal(window.salary_page.chartReady, timeout=10_000):
        window.show_page("salary")
    missing = []
    for widget in window.findChildren(QWidget):
        interactive = isinstance(widget, INTERACTIVE) or widget.objectName() in (
            "timelineView",
            "salaryCanvas",
        )
        if not interactive or _inside_compound(widget):
            continue
        if not widget.objectName() or not widget.accessibleName():
            missing.append(
                f"{type(widget).__name__} {widget.objectName()!r} {widget.accessibleName()!r}"
            )
    assert missing == []


def test_settings_tab_order_follows_the_form(window: MainWindow) -> None:
    page = window.settings_page
    expected = [
        page.certification,
        page.specialty,
        page.start,
        page.hours,
        page.background,
        page.state,
        page.income,
        page.budget,
        page.has_exam_date,
        page.exam_date,
        page.name,
    ]
    order: list[QWidget] = []
    widget = expected[0]
    for _ in range(400):
        if widget in expected and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
    assert order == expected


def test_window_size_and_page_are_remembered(
    qtbot: QtBot, make_controller: MakeController, _isolated_home: Path
) -> None:
    settings = app.make_settings()
    assert Path(settings.fileName()).parent == _isolated_home  # never the real home
    first = MainWindow(make_controller(), settings=settings)
    qtbot.addWidget(first)
    first.resize(790, 570)
    first.show()
    first.show_page("progress")
    first.close()
    second = MainWindow(make_controller(), settings=app.make_settings())
    qtbot.addWidget(second)
    assert second.current_page() == "progress"
    assert first.width() > 700
    assert (second.width(), second.height()) == (first.width(), first.height())


def test_closing_saves_at_once(
    make_controller: MakeController, qtbot: QtBot, profile_path: Path
) -> None:
    controller = make_controller(autosave_ms=60_000)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    controller.log_study(TODAY, 2, "Saved on close")
    assert controller.saver.save_pending()
    window.close()
    assert stored(profile_path).study_log[-1].topic == "Saved on close"


def test_close_when_saving_fails(
    make_controller: MakeController,
    qtbot: QtBot,
    profile_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from planner.core.profile import ProfileWriteError
    from planner.core.storage import ProfileStore

    controller = make_controller(autosave_ms=60_000, retry_ms=60_000)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    controller.log_study(TODAY, 2, "Not savable")

    def fail(self: ProfileStore, profile: Any) -> None:
        raise ProfileWriteError(self.path, "cannot save (the disk or folder is read-only)")

    monkeypatch.setattr(ProfileStore, "save", fail)
    answers = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(dialogs, "ask_quit_unsaved", lambda parent, problem: answers.pop(0))
    window.close()
    assert window.isVisible()  # cancelled: the edit is still here
    assert controller.profile.study_log[-1].topic == "Not savable"
    assert "read-only" in window.statusBar().currentMessage()
    box = window._save_error_box
    assert box is not None and "read-only" in box.informativeText()
    answers.append(QMessageBox.StandardButton.Discard)
    window.close()
    assert not window.isVisible()


def test_export_calendar(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.ics"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: target)
    monkeypatch.setattr(exports, "ask_calendar_options", lambda *a: CalendarOptions())
    window.actions_by_name["export_ics"].trigger()
    text = target.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR")
    assert "Sit the CPC exam" in text


def test_page_names_match_the_command_line() -> None:
    from planner.cli import _build_parser

    parser = _build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    gui = sub.choices["gui"]  # type: ignore[index]
    page = next(a for a in gui._actions if a.dest == "page")
    assert tuple(page.choices) == PAGE_NAMES


def test_page_shortcuts_move_the_focus_into_the_page(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.actions_by_name["page_milestones"].trigger()
    assert window.current_page() == "milestones"
    focused = window.focusWidget()
    assert focused is not None and window.pages["milestones"].isAncestorOf(focused)
