"""File > Export: the roadmap PDF, the milestones calendar and CSV tables of the current state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QStandardPaths
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from planner.core.state import PlanState
from planner.core.storage import ProfileStore
from planner.report.calendar import CalendarOptions, DoneSteps

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


def with_suffix(path: Path, suffix: str) -> Path:
    """``path`` with ``suffix`` added when it has not got it ('milestones' → 'milestones.ics')."""
    return path if path.suffix.lower() == suffix.lower() else path.with_name(path.name + suffix)


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
        done = DoneSteps.DATED if self.dated.isChecked() else DoneSteps.OMIT
        return CalendarOptions(done=done, weekly_study=self.weekly.isChecked())


def ask_calendar_options(parent: QWidget | None, hours_per_week: float) -> CalendarOptions | None:
    """Run the calendar options dialog; None when cancelled (tests replace this)."""
    dialog = CalendarOptionsDialog(hours_per_week, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.options()
    finally:
        dialog.deleteLater()
