"""The apprentice-evidence tracker (CPC-A, COC-A): what the learner has, files, closest route."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.core.apprentice import ApprenticeRules, EvidenceItem, default_apprentice_rules
from planner.core.dates import format_date
from planner.core.plan import Step
from planner.gui.controller import PlannerController
from planner.gui.widgets import (
    from_qdate,
    named,
    note_label,
    plain_label,
    signals_blocked,
    to_qdate,
)

FileChooser = Callable[[QWidget], Path | None]


def choose_pdf(parent: QWidget) -> Path | None:
    """Ask for a PDF to attach (tests pass their own chooser instead)."""
    name, _ = QFileDialog.getOpenFileName(
        parent, "Attach a PDF", "", "PDF files (*.pdf);;All files (*)"
    )
    return Path(name) if name else None


class ApprenticePage(QWidget):
    """Ticks, work dates and files for AAPC's removal routes; edits go through the controller."""

    def __init__(
        self,
        controller: PlannerController,
        *,
        choose_file: FileChooser | None = None,
        rules: ApprenticeRules | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.rules = rules if rules is not None else default_apprentice_rules()
        self._choose_file = choose_file or choose_pdf
        self.setObjectName("apprenticePage")
        outer = QVBoxLayout(self)
        self.heading = plain_label("", "apprenticeHeading")
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        self.summary = named(plain_label(), "apprenticeSummary", "Apprentice summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.summary)
        self.removed_date = plain_label("", "apprenticeRemovedDate")
        outer.addWidget(self.removed_date)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        self.body = body
        layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.ticks: dict[str, QCheckBox] = {}
        self.attach_buttons: dict[str, QPushButton] = {}
        self.file_lists: dict[str, QListWidget] = {}
        self.remove_buttons: dict[str, QPushButton] = {}
        for item in self.rules.items:
            layout.addWidget(self._item_box(item))
        layout.addWidget(self._work_box())
        self.routes = note_label("", "apprenticeRoutes")
        layout.addWidget(self.routes)
        self.sources = note_label(
            f"Rules: {self.rules.source} (as of {self.rules.as_of}).", "apprenticeSources"
        )
        layout.addWidget(self.sources)
        layout.addStretch(1)

        controller.profileChanged.connect(self.refresh)
        controller.planChanged.connect(self.refresh)
        controller.storeChanged.connect(self.refresh)  # the files live beside the profile
        self.refresh()

    # ------------------------------------------------------------------ building

    def _tick_box(self, tick: str, text: str) -> QCheckBox:
        box = named(QCheckBox(text), f"tick-{tick}", text)
        box.toggled.connect(lambda on, t=tick: self.controller.set_apprentice_tick(t, on))
        self.ticks[tick] = box
        return box

    def _item_box(self, item: EvidenceItem) -> QGroupBox:
        group = QGroupBox(item.title)
        group.setObjectName(f"item-{item.id}")
        column = QVBoxLayout(group)
        column.addWidget(self._tick_box(item.id, f"I have it: {item.title.lower()}"))
        if item.detail:
            column.addWidget(note_label(item.detail))
        for check in item.checks:
            row = QHBoxLayout()
            row.addSpacing(24)
            row.addWidget(self._tick_box(f"{item.id}.{check.id}", check.title))
            column.addLayout(row)
        if item.pdf:
            files = named(QListWidget(), f"files-{item.id}", f"Files for {item.title}")
            files.setMaximumHeight(90)
            self.file_lists[item.id] = files
            attach = named(QPushButton("Attach PDF…"), f"attach-{item.id}", "Attach a PDF")
            attach.clicked.connect(lambda _=False, i=item.id: self.attach(i))
            self.attach_buttons[item.id] = attach
            remove = named(
                QPushButton("Remove from list"), f"detach-{item.id}", "Remove the chosen file"
            )
            remove.clicked.connect(lambda _=False, i=item.id: self.detach_selected(i))
            self.remove_buttons[item.id] = remove
            buttons = QHBoxLayout()
            buttons.addWidget(attach)
            buttons.addWidget(remove)
            buttons.addStretch(1)
            column.addWidget(files)
            column.addLayout(buttons)
        return group

    def _work_box(self) -> QGroupBox:
        group = QGroupBox("Coding work (for the employment routes)")
        group.setObjectName("apprenticeWork")
        grid = QGridLayout(group)
        self.work_started_set = named(QCheckBox("Started coding work on"), "workStartedSet", "")
        self.work_started = named(QDateEdit(), "workStarted", "Coding work started on")
        self.work_ended_set = named(QCheckBox("It ended on"), "workEndedSet", "")
        self.work_ended = named(QDateEdit(), "workEnded", "Coding work ended on")
        for edit in (self.work_started, self.work_ended):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("MMM d, yyyy")
            edit.setDate(to_qdate(self.controller.today))
            edit.dateChanged.connect(self._work_changed)
        for box in (self.work_started_set, self.work_ended_set):
            box.toggled.connect(self._work_changed)
        grid.addWidget(self.work_started_set, 0, 0)
        grid.addWidget(self.work_started, 0, 1)
        grid.addWidget(self.work_ended_set, 1, 0)
        grid.addWidget(self.work_ended, 1, 1)
        grid.addWidget(
            note_label("Work before and after the exam counts; leave the end open while working."),
            2,
            0,
            1,
            2,
        )
        return group

    # ------------------------------------------------------------------ actions

    def attach(self, item: str) -> bool:
        """Ask for a file and attach it to ``item`` (the controller copies it)."""
        source = self._choose_file(self)
        if source is None:
            return False
        return self.controller.attach_apprentice_file(item, source)

    def detach_selected(self, item: str) -> bool:
        files = self.file_lists[item]
        current = files.currentItem()
        if current is None:
            return False
        return self.controller.detach_apprentice_file(current.data(Qt.ItemDataRole.UserRole))

    def _work_changed(self, *_args: object) -> None:
        started = ended = None
        if self.work_started_set.isChecked():
            started = from_qdate(self.work_started.date())
        if self.work_ended_set.isChecked():
            ended = from_qdate(self.work_ended.date())
        if not self.controller.set_apprentice_work(started, ended):
            self.refresh()  # refused or unchanged: show what the profile holds

    # ------------------------------------------------------------------ showing

    def refresh(self, *_args: object) -> None:
        """Show the profile's evidence and the closest route."""
        status = self.controller.apprentice_status()
        evidence = self.controller.evidence
        self.body.setEnabled(status is not None and not self.controller.read_only)
        if status is None:
            self.heading.setText(
                "Your plan has no apprentice period: only CPC-A and COC-A learners need "
                "AAPC's removal routes."
            )
            self.summary.setText("")
            self.removed_date.setText("")
            self.routes.setText("")
        else:
            self.heading.setText(
                f"Removing the apprentice 'A' ({status.designation}): tick what you have."
            )
            self.summary.setText(status.summary())
            removed = self.controller.plan.milestone(Step.APPRENTICE_REMOVED)
            self.removed_date.setText(
                f"'A' removed in the plan: {format_date(removed.due)}" if removed else ""
            )
            self.routes.setText(
                "\n".join(
                    f"• {route.route.title}: "
                    + (
                        f"from {format_date(route.submit_from)}"
                        if route.submit_from
                        else "not reachable"
                    )
                    + (f"; missing {'; '.join(route.missing)}" if route.missing else "")
                    for route in status.routes
                )
            )
        with signals_blocked(*self.ticks.values()):
            for tick, box in self.ticks.items():
                box.setChecked(evidence.has(tick))
        for item, files in self.file_lists.items():
            files.clear()
            for attached in evidence.files_for(item):
                where = self.controller.attachment_file(attached.name)
                text = f"{attached.name} (added {format_date(attached.added)})"
                row = QListWidgetItem(text if where.is_file() else f"{text}: file missing")
                row.setData(Qt.ItemDataRole.UserRole, attached.name)
                row.setToolTip(str(where))
                files.addItem(row)
        work = (self.work_started_set, self.work_started, self.work_ended_set, self.work_ended)
        with signals_blocked(*work):
            self._show_day(self.work_started_set, self.work_started, evidence.work_started)
            self._show_day(self.work_ended_set, self.work_ended, evidence.work_ended)

    @staticmethod
    def _show_day(box: QCheckBox, edit: QDateEdit, day: date | None) -> None:
        box.setChecked(day is not None)
        edit.setEnabled(day is not None)
        if day is not None:
            edit.setDate(to_qdate(day))


class ApprenticeDialog(QDialog):
    """The tracker in its own window (View > Apprentice evidence…)."""

    def __init__(self, controller: PlannerController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("apprenticeDialog")
        self.setWindowTitle("Apprentice evidence")
        layout = QVBoxLayout(self)
        self.page = ApprenticePage(controller)
        layout.addWidget(self.page)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(640, 640)


def add_apprentice_action(
    window: QMainWindow, menu: QMenu, controller: PlannerController
) -> QAction:
    """Add View > Apprentice evidence… (enabled for plans with an apprentice period)."""
    action = QAction("&Apprentice evidence…", window)
    action.setObjectName("action_apprentice")
    action.setStatusTip("Track the evidence to remove the apprentice 'A' (CPC-A, COC-A)")
    dialogs: list[ApprenticeDialog] = []

    def show() -> None:
        if not dialogs:
            dialogs.append(ApprenticeDialog(controller, window))
        dialogs[0].show()  # not modal: Edit > Undo stays at hand

    def update(*_args: object) -> None:
        action.setEnabled(controller.plan.milestone(Step.APPRENTICE_REMOVED) is not None)

    action.triggered.connect(show)
    controller.planChanged.connect(update)
    update()
    menu.addSeparator()
    menu.addAction(action)
    return action
