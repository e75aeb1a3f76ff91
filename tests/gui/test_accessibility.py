"""Every control a screen reader can reach has a name and (for inputs) a description."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_helpers import TODAY
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from planner.core.catalog import Catalog
from planner.gui.apprentice_page import ApprenticeDialog
from planner.gui.controller import PlannerController
from planner.gui.fit_dialog import FitDialog
from planner.gui.glossary_dialog import GlossaryDialog
from planner.gui.main_window import MainWindow
from planner.gui.print_dialogs import create_preview_dialog
from planner.gui.programme_dialog import ProgrammeDialog
from planner.gui.timeline import TimelineView
from planner.gui.wizard import SetupWizard

INTERACTIVE = (
    QAbstractButton,  # push buttons, check boxes, radio buttons, tool buttons
    QComboBox,
    QAbstractSpinBox,  # spin boxes and date edits
    QLineEdit,
    QAbstractItemView,  # list, table and tree views
    QAbstractSlider,
    QTextEdit,
    QPlainTextEdit,
)
# inputs whose name does not say how to use them or what they hold: a description too
DESCRIBED = (QComboBox, QAbstractSpinBox, QLineEdit, QAbstractItemView, QAbstractSlider)
INTERNAL_PARENTS = (QComboBox, QAbstractSpinBox, QLineEdit, QTabBar)


def _internal(widget: QWidget) -> bool:
    """A part Qt builds inside another control (a combo's popup list, a clear button...)."""
    if widget.objectName().startswith("qt_") or isinstance(widget, QScrollBar | QHeaderView):
        return True
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget:
        return True
    while parent is not None:
        if isinstance(parent, INTERNAL_PARENTS):
            return True
        if parent.metaObject().className() == "QComboBoxPrivateContainer":
            return True
        parent = parent.parentWidget()
    return False


def controls(top: QWidget) -> Iterator[QWidget]:
    """The controls a user can reach: the usual kinds, and anything else Tab stops at."""
    for widget in top.findChildren(QWidget):
        # a scroll area only holds controls (walked on their own); a custom widget Tab stops
        # at (the timeline, the preview's pages) is a control
        takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        takes_tab = takes_tab and not isinstance(widget, QScrollArea)
        if (isinstance(widget, INTERACTIVE) or takes_tab) and not _internal(widget):
            yield widget


def _buddy_text(widget: QWidget, top: QWidget) -> str:
    for label in top.findChildren(QLabel):
        if label.buddy() is widget:
            return label.text().replace("&", "")
    return ""


def accessible_name(widget: QWidget, top: QWidget) -> str:
    """What a screen reader says the control is (a combo box's text is its value, not a name)."""
    if isinstance(widget, QComboBox):
        return widget.accessibleName() or _buddy_text(widget, top)
    interface = QAccessible.queryAccessibleInterface(widget)
    return "" if interface is None else interface.text(QAccessible.Text.Name).strip()


def accessible_description(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return "" if interface is None else interface.text(QAccessible.Text.Description).strip()


def problems(top: QWidget) -> list[str]:
    found = []
    for widget in controls(top):
        label = f"{type(widget).__name__} {widget.objectName() or '(no object name)'}"
        if not accessible_name(widget, top):
            found.append(f"{label}: no accessible name")
        elif isinstance(widget, DESCRIBED) and not accessible_description(widget):
            found.append(f"{label} ({accessible_name(widget, top)}): no description")
    return found


@pytest.fixture
def built_window(window: MainWindow) -> MainWindow:
    """The main window with every page shown once (pages may be built when first shown)."""
    for name in ("timeline", "milestones", "salary", "progress", "settings", "compare"):
        window.show_page(name)
    window.salary_page.ensure_chart()
    window.compare_page.ensure_chart()
    return window


def test_every_page_names_and_describes_its_controls(built_window: MainWindow) -> None:
    walked = list(controls(built_window))
    assert len(walked) > 40  # the walk sees the pages' controls
    assert any(isinstance(widget, TimelineView) for widget in walked)  # and custom ones
    assert problems(built_window) == [], "\n".join(problems(built_window))


def test_the_wizard_names_and_describes_its_controls(qtbot: QtBot, catalog: Catalog) -> None:
    wizard = SetupWizard(catalog, TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    assert list(controls(wizard))
    assert problems(wizard) == [], "\n".join(problems(wizard))


def test_the_dialogs_name_and_describe_their_controls(
    qtbot: QtBot, catalog: Catalog, controller: PlannerController
) -> None:
    dialogs: list[QWidget] = [
        FitDialog(catalog),
        ProgrammeDialog(controller),
        GlossaryDialog(),
        ApprenticeDialog(controller),
        create_preview_dialog(None, controller.state),
    ]
    found = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert list(controls(dialog)), dialog.objectName()
        found += [f"{dialog.metaObject().className()}: {p}" for p in problems(dialog)]
    assert found == [], "\n".join(found)


def test_the_walk_catches_an_unnamed_control(qtbot: QtBot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    edit = QLineEdit(box)
    combo = QComboBox(box)
    combo.addItem("A value is not a name")
    assert problems(box) == [
        "QLineEdit (no object name): no accessible name",
        "QComboBox (no object name): no accessible name",
    ]
    edit.setAccessibleName("Topic")
    combo.setAccessibleName("Exam")
    assert problems(box) == [
        "QLineEdit (no object name) (Topic): no description",
        "QComboBox (no object name) (Exam): no description",
    ]
