"""File > Export: the roadmap PDF, the milestones calendar and CSV tables of the current state."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QStandardPaths, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from planner.core.fileio import with_suffix
from planner.core.state import PlanState
from planner.core.storage import ProfileStore

if TYPE_CHECKING:  # the calendar writer (icalendar) loads on first export, not at start-up
    from planner.report.calendar import CalendarOptions

LETTER_COUNTRIES = (QLocale.Country.UnitedStates, QLocale.Country.Canada)
PDF_FILTERS = {"letter": "PDF on Letter paper (*.pdf)", "a4": "PDF on A4 paper (*.pdf)"}


def _refuse_own_file(store: ProfileStore, path: Path) -> None:
    if store.owns(path):
        raise OSError(f"{path} is your profile or one of its backups; choose another file name")


def paper_for(locale: QLocale | None = None) -> str:
    """'letter' in the United States and Canada, 'a4' everywhere else."""
    locale = locale or QLocale()
    return "letter" if locale.territory() in LETTER_COUNTRIES else "a4"


def documents_folder() -> Path:
    """Where save dialogs open: the user's Documents folder (home when there is none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def export_ics(
    state: PlanState, store: ProfileStore, path: Path, options: CalendarOptions | None = None
) -> Path:
    """Write the milestones calendar; the path written (with .ics). OSError as for the PDF."""
    from planner.report.calendar import write_ics

    path = with_suffix(path, ".ics")
    _refuse_own_file(store, path)
    write_ics(state, path, options=options)
    return path


def export_pdf(
    state: PlanState,
    store: ProfileStore,
    path: Path,
    paper: str = "letter",
    *,
    comparison: bool = False,
) -> Path:
    """Write the printable roadmap as PDF; the path written (OSError when ``path`` is the
    profile or unwritable). With ``comparison``, it includes the page comparing the paths the
    learner compared.
    """
    from planner.render.printing import export_pdf as write_pdf

    path = with_suffix(path, ".pdf")
    _refuse_own_file(store, path)
    write_pdf(state, path, paper=paper, comparison=comparison)
    return path


class CalendarOptionsDialog(QDialog):
    """Asks what a calendar export holds: done steps dated or left out, a weekly study block."""

    def __init__(self, hours_per_week: float, parent: QWidget | None = None) -> None:
        from planner.report.calendar import CalendarOptions, StudyDays

        super().__init__(parent)
        self.setObjectName("calendarOptions")
        self.setWindowTitle("Export the milestones as a calendar")
        layout = QVBoxLayout(self)
        done_box = QGroupBox("Steps you have already done")
        done_layout = QVBoxLayout(done_box)
        self.dated = QRadioButton("Show them on the &day you did them")
        self.dated.setObjectName("calendarDoneDated")
        self.omit = QRadioButton("&Leave them out")
        self.omit.setObjectName("calendarDoneOmitted")
        group = QButtonGroup(self)
        for button in (self.dated, self.omit):
            group.addButton(button)
            done_layout.addWidget(button)
        self.dated.setChecked(True)
        layout.addWidget(done_box)
        self.weekly = QCheckBox(f"Add a &weekly study block ({hours_per_week:g} h a week)")
        self.weekly.setObjectName("calendarWeeklyStudy")
        layout.addWidget(self.weekly)
        study = QWidget()
        study.setObjectName("calendarStudyChoices")
        study_form = QFormLayout(study)
        study_form.setContentsMargins(24, 0, 0, 0)  # under the check box it belongs to
        default = CalendarOptions()
        self.study_time = QTimeEdit(QTime(default.study_time.hour, default.study_time.minute))
        self.study_time.setObjectName("calendarStudyTime")
        self.study_time.setAccessibleName("Time the study blocks start")
        self.study_time.setDisplayFormat("HH:mm")
        time_label = QLabel("Starts &at:")
        time_label.setBuddy(self.study_time)
        study_form.addRow(time_label, self.study_time)
        self.weekdays = QRadioButton("Wee&kdays")
        self.weekdays.setObjectName("calendarStudyWeekdays")
        self.every_day = QRadioButton("&Every day")
        self.every_day.setObjectName("calendarStudyEveryDay")
        days_row = QWidget()
        days_layout = QHBoxLayout(days_row)
        days_layout.setContentsMargins(0, 0, 0, 0)
        days_group = QButtonGroup(self)
        for button in (self.weekdays, self.every_day):
            days_group.addButton(button)
            days_layout.addWidget(button)
        days_layout.addStretch(1)
        automatic = StudyDays.for_hours(hours_per_week)
        (self.weekdays if automatic is StudyDays.WEEKDAYS else self.every_day).setChecked(True)
        study_form.addRow(QLabel("Days:"), days_row)
        study.setEnabled(False)
        self.weekly.toggled.connect(study.setEnabled)
        layout.addWidget(study)
        note = QLabel(
            "Exams and CEU deadlines are marked busy, with reminders a week and a day before. "
            "Export again after a change: your calendar updates the events it already has."
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def options(self) -> CalendarOptions:
        from planner.report.calendar import CalendarOptions, DoneSteps, StudyDays

        done = DoneSteps.DATED if self.dated.isChecked() else DoneSteps.OMIT
        if not self.weekly.isChecked():
            return CalendarOptions(done=done)
        start = self.study_time.time()
        days = StudyDays.WEEKDAYS if self.weekdays.isChecked() else StudyDays.EVERY_DAY
        return CalendarOptions(
            done=done,
            weekly_study=True,
            study_time=time(start.hour(), start.minute()),
            study_days=days,
        )


def ask_calendar_options(parent: QWidget | None, hours_per_week: float) -> CalendarOptions | None:
    """Run the calendar options dialog; None when cancelled (tests replace this)."""
    dialog = CalendarOptionsDialog(hours_per_week, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.options()
    finally:
        dialog.deleteLater()
