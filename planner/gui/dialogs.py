"""Dialogs: a profile that cannot be opened, file pickers, About, and how the plan is made.

Every dialog a flow depends on has a classmethod that runs it and returns plain values, so
tests replace that one method instead of clicking through a modal window.
"""

from __future__ import annotations

import html
from enum import Enum
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planner import __version__
from planner.core.dates import HORIZON_YEARS
from planner.core.plan import Plan
from planner.core.profile import (
    ProfileCorruptError,
    ProfileError,
    ProfileTooNewError,
    ProfileUnknownDataError,
)
from planner.gui.widgets import ask_message, message_box, named, plain_label
from planner.report.text import humanize_dates

PROFILE_FILTER = "Coding Path Planner profiles (*.json);;All files (*)"


class BadProfileChoice(Enum):
    """What to do with a profile that cannot be opened."""

    RESTORE = "restore"  # copy the newest good backup over it (the bad file is kept as .bad-N)
    OPEN_OTHER = "open"  # pick another profile file
    NEW = "new"  # set up a new profile (the bad file is kept)
    REPICK = "repick"  # unknown certification/specialty: choose again, keep the progress
    QUIT = "quit"


class NewLocation(Enum):
    """Where a new profile goes when the old file could not be opened."""

    REPLACE = "replace"  # here; the old file is kept as <name>.bad-N
    ELSEWHERE = "elsewhere"


def explain(error: ProfileError) -> str:
    """What is wrong, in plain words, by kind of error."""
    if isinstance(error, ProfileTooNewError):
        return (
            "This profile was saved by a newer version of Coding Path Planner. Update the "
            "program to open it; this version will not change the file."
        )
    if isinstance(error, ProfileUnknownDataError):
        return (
            "This profile names a certification or specialty that is no longer in the career "
            "data (the data was updated). Your progress is intact: choose another "
            "certification or specialty to go on."
        )
    if isinstance(error, ProfileCorruptError):
        return (
            "This file is damaged or is not a Coding Path Planner profile. Nothing has been "
            "changed; it will be kept whatever you choose."
        )
    return "This profile cannot be read. Nothing has been changed."


class BadProfileDialog(QDialog):
    """Says why a profile cannot be opened and offers a way on."""

    def __init__(
        self, error: ProfileError, *, has_backup: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("badProfileDialog")
        self.setWindowTitle("This profile cannot be opened – Coding Path Planner")
        self.choice = BadProfileChoice.QUIT
        layout = QVBoxLayout(self)
        heading = plain_label("Your profile cannot be opened")
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        layout.addWidget(heading)
        reason = plain_label(explain(error))
        reason.setObjectName("badProfileReason")
        reason.setWordWrap(True)
        layout.addWidget(reason)
        details = plain_label(f"Details: {error}")
        details.setObjectName("badProfileDetails")
        details.setWordWrap(True)
        details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(details)

        self.buttons: dict[BadProfileChoice, QPushButton] = {}
        entries = []
        if isinstance(error, ProfileUnknownDataError) and error.profile is not None:
            entries.append(
                (
                    BadProfileChoice.REPICK,
                    "&Choose another certification or specialty (keeps your progress)",
                )
            )
        entries += [
            (BadProfileChoice.RESTORE, "&Restore the newest backup"),
            (BadProfileChoice.OPEN_OTHER, "&Open another profile…"),
            (BadProfileChoice.NEW, "Start a &new profile…"),
            (BadProfileChoice.QUIT, "&Quit"),
        ]
        for choice, text in entries:
            button = named(QPushButton(text), f"badProfile_{choice.value}", text.replace("&", ""))
            button.clicked.connect(lambda _checked=False, c=choice: self._choose(c))
            layout.addWidget(button)
            self.buttons[choice] = button
        if not has_backup:
            self.buttons[BadProfileChoice.RESTORE].setEnabled(False)
            self.buttons[BadProfileChoice.RESTORE].setText("Restore the newest backup (none found)")
        first = next(b for b in self.buttons.values() if b.isEnabled())
        first.setDefault(True)
        first.setFocus()

    def _choose(self, choice: BadProfileChoice) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(
        cls, error: ProfileError, *, has_backup: bool, parent: QWidget | None = None
    ) -> BadProfileChoice:
        """Run the dialog and return the choice (QUIT when closed)."""
        dialog = cls(error, has_backup=has_backup, parent=parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return BadProfileChoice.QUIT
        return dialog.choice

    @classmethod
    def ask_new_location(cls, path: Path, parent: QWidget | None = None) -> NewLocation | None:
        """Replace the unreadable file (keeping it as .bad-N) or save the new profile elsewhere."""
        box = message_box(
            parent,
            QMessageBox.Icon.Question,
            "Where should the new profile go?",
            f"Save the new profile in place of {path.name}?",
            QMessageBox.StandardButton.NoButton,
        )
        box.setObjectName("newLocationBox")
        box.setInformativeText(
            f"The file that could not be opened is kept beside it as {path.name}.bad-N, so "
            "nothing is lost. Or save the new profile as another file."
        )
        return _two_ways(
            box,
            ("Replace (keep the old file)", NewLocation.REPLACE),
            ("Save as another file…", NewLocation.ELSEWHERE),
        )


def ask_open_path(parent: QWidget | None, folder: Path) -> Path | None:
    """Pick an existing profile file (tests replace this)."""
    name, _ = QFileDialog.getOpenFileName(
        parent, "Open a profile – Coding Path Planner", str(folder), PROFILE_FILTER
    )
    return Path(name) if name else None


def ask_save_path(
    parent: QWidget | None, suggested: Path, title: str, file_filter: str = PROFILE_FILTER
) -> Path | None:
    """Pick where to save (tests replace this)."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(name) if name else None


def confirm_quit_setup(parent: QWidget | None) -> bool:
    """Cancel in the first-run wizard: quit the app? (tests replace this)."""
    answer = QMessageBox(
        QMessageBox.Icon.Question,
        "Quit Coding Path Planner?",
        "You have no plan yet, so cancelling the set-up quits the app. Nothing is saved.\n\n"
        "Quit now, or go back to the set-up?",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    answer.setTextFormat(Qt.TextFormat.PlainText)
    answer.setObjectName("confirmQuitSetup")
    back = answer.addButton("&Back to the set-up", QMessageBox.ButtonRole.RejectRole)
    quit_button = answer.addButton("&Quit", QMessageBox.ButtonRole.AcceptRole)
    answer.setDefaultButton(back)
    answer.exec()
    return answer.clickedButton() is quit_button


def ask_folder(parent: QWidget | None, start: Path, title: str) -> Path | None:
    """Pick a folder (tests replace this)."""
    name = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(name) if name else None


def ask_save_path_and_filter(
    parent: QWidget | None, suggested: Path, title: str, filters: dict[str, str], selected: str
) -> tuple[Path, str] | None:
    """Pick where to save and one of ``filters`` (key: filter text); (path, key), or None."""
    name, chosen = QFileDialog.getSaveFileName(
        parent, title, str(suggested), ";;".join(filters.values()), filters[selected]
    )
    if not name:
        return None
    key = next((k for k, text in filters.items() if text == chosen), selected)
    return Path(name), key


def ask_quit_unsaved(parent: QWidget | None, problem: str) -> QMessageBox.StandardButton:
    """Saving failed on quit: Retry, Discard (quit anyway) or Cancel (tests replace this)."""
    return ask_message(
        parent,
        QMessageBox.Icon.Warning,
        "Your changes are not saved",
        f"Your latest changes could not be saved:\n{problem}\n\n"
        "Retry, quit without saving them, or cancel and keep the app open?",
        QMessageBox.StandardButton.Retry
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Retry,
    )


def confirm_start_date(parent: QWidget | None, problem: str) -> bool:
    """A start date far from today: use it anyway? (tests replace this)."""
    answer = QMessageBox(
        QMessageBox.Icon.Question,
        "Use this start date?",
        f"{humanize_dates(problem)}\n\nUse it anyway?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    answer.setTextFormat(Qt.TextFormat.PlainText)
    answer.setObjectName("confirmStartDate")
    answer.setDefaultButton(QMessageBox.StandardButton.No)
    return answer.exec() == QMessageBox.StandardButton.Yes


def ask_money_reading(
    parent: QWidget | None, text: str, readings: list[tuple[float, str]]
) -> float | None:
    """'32.000' in the US: which amount was meant? One of ``readings``' amounts, or None.

    ``readings`` are (amount, the amount as the locale writes it); tests replace this.
    """
    shown = [f"${written}" for _amount, written in readings]
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Which amount did you mean?",
        f"Did you mean {' or '.join(shown)}?",
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setObjectName("askMoneyReading")
    box.setInformativeText(f"“{text}” is unclear with this computer's number settings.")
    buttons = {
        box.addButton(label.replace("&", "&&"), QMessageBox.ButtonRole.AcceptRole): amount
        for label, (amount, _written) in zip(shown, readings, strict=True)
    }
    box.exec()
    clicked = box.clickedButton()
    return next((amount for button, amount in buttons.items() if button is clicked), None)


def ask_write_back(parent: QWidget | None, path: Path) -> bool:
    """The profile file was deleted: write it back from the window? (tests replace this)."""
    answer = QMessageBox.question(
        parent,
        "Your profile file was deleted",
        f"{path} was deleted while the app was open. Your profile is still in this window.\n\n"
        "Write it back now? (If you do not, it is written back with your next change or "
        "when you quit.)",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_notice(parent: QWidget | None, title: str, text: str) -> None:
    """Something the user should know, as plain text, without blocking (tests replace this)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok)
    box.setParent(parent, box.windowFlags())
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setObjectName("noticeBox")
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()


class BackupUse(Enum):
    """What to do with a backup file opened as if it were the profile."""

    RESTORE = "restore"  # copy it over the profile (the replaced file is kept) and open that
    READ_ONLY = "read_only"  # look at it; nothing is written


def ask_backup_use(parent: QWidget | None, backup: Path, profile: Path) -> BackupUse | None:
    """A backup was chosen: restore it as the profile, or open it read-only (tests replace this)."""
    box = QMessageBox(parent)
    box.setObjectName("backupUseBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowTitle("This is a backup")
    box.setText(f"{backup.name} is a backup of {profile.name}.")
    box.setInformativeText(
        "Work saved into a backup is later replaced by newer backups. Restore it as your "
        f"profile (the current {profile.name} is kept beside it), or open it read-only?"
    )
    return _two_ways(
        box,
        ("Restore as my profile", BackupUse.RESTORE),
        ("Open read-only", BackupUse.READ_ONLY),
    )


_Choice = TypeVar("_Choice")


def _two_ways(
    box: QMessageBox, first: tuple[str, _Choice], second: tuple[str, _Choice]
) -> _Choice | None:
    """Run ``box`` with two named choices and Cancel; the choice, or None for Cancel."""
    buttons: dict[QAbstractButton, _Choice] = {
        box.addButton(first[0], QMessageBox.ButtonRole.AcceptRole): first[1],
        box.addButton(second[0], QMessageBox.ButtonRole.ActionRole): second[1],
    }
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return next((amount for button, amount in buttons.items() if button is clicked), None)


def about_html(plan: Plan) -> str:
    """Version and every source the current plan uses, with its date."""
    rows = "".join(
        f"<tr><td>{html.escape(ref.what)}</td><td>{html.escape(ref.value)}</td>"
        f"<td>{html.escape(ref.as_of)}</td><td>{_link(ref.source)}</td></tr>"
        for ref in plan.sources
    )
    return (
        f"<h2>Coding Path Planner {__version__}</h2>"
        "<p>A personal plan to become a medical billing and coding professional. Your profile "
        "stays on this computer; the app never goes online.</p>"
        f"<h3>Data sources used by your plan ({len(plan.sources)})</h3>"
        "<table cellspacing='0' cellpadding='3' border='1'>"
        "<tr><th align='left'>What</th><th align='left'>Value</th><th align='left'>As of</th>"
        f"<th align='left'>Source</th></tr>{rows}</table>"
        "<p>Figures are estimates from public sources, not promises. Check the issuing body's "
        "own pages before you pay for anything.</p>"
    )


def _link(source: str) -> str:
    text = html.escape(source)
    if source.startswith(("http://", "https://")):
        return f"<a href='{text}'>{text}</a>"
    return text


HOW_TEXT = """
<h3>How your plan is computed</h3>
<p>The plan is built from your answers and the career data shipped with the app; the same
answers always give the same plan. Each rule names its source; a <i>planner rule</i> is the
app's own choice, not an AAPC, AHIMA or CMS rule.</p>
<ol>
<li><b>Learn core coding systems.</b> The study hours of the course your background needs,
divided by your hours per week. Hospital (inpatient) paths add ICD-10-PCS and MS-DRG coding.
The RHIT needs a CAHIIM-accredited associate degree: about 2 years full-time, 3-4 years
part-time (under 20 hours a week, a planner rule).</li>
<li><b>Earn certification.</b> Exam preparation at your weekly hours; AHIMA exams start with an
application, and the exam falls within AHIMA's 120-day window. RHIT students test early, in their
final term. The exam is kept 14 days away from a code-set switch-over (a planner rule: AAPC even
allows last year's books early in the year).</li>
<li><b>Gain practical experience.</b> With first-time pass rates around 50-60%, the plan keeps a
few weeks for a possible retake, then a job search of 2-6 months (a
planner rule: nobody measures it). Remote work, the CCS after the CCA ("CCA plus one year") and
the experience a specialty asks for are all counted from your first coding job.</li>
<li><b>Specialize.</b> The add-on credential your specialty leads to, scheduled only when its
prerequisites are met on the exam date (for example the CDIP: a qualifying credential plus two
years of CDI work). When a credential cannot be reached within {horizon} years, the plan says so
and shows the realistic route.</li>
<li><b>Expand career scope.</b> Senior roles up to {horizon} years out.</li>
</ol>
<p><b>Credentials and continuing education.</b> The plan tracks which credentials you hold on
each date (the CPC-A becomes the CPC when the 'A' is removed; the RHIA replaces the RHIT). Each
CEU deadline asks what your credentials ask together: AAPC 36 CEUs for one credential up to 52
for five, with 16 on auditing for a CPMA, 16 on compliance for a CPCO and 8 per specialty
credential, the first cycle pro-rated to your membership renewal; AHIMA 20 (30 for the RHIA)
plus 10 per further credential up to 50, 80% in the HIIM domains and, since 2025, 40% from
AHIMA or its state associations.</p>
<p><b>Reminders.</b> Code-set updates use CMS's names (the October 1, 2027 release is
"ICD-10-CM/PCS FY 2028"), with the occasional April 1 update. They are grouped under one line
per phase so the real steps stay visible.</p>
<p><b>Progress and re-planning.</b> Your logged hours are compared with the hours the plan
expects by today. If your recent pace (last four weeks) would finish the exam phase at another
date, <i>Accept re-plan</i> moves the open milestones; what you have done keeps its date, and
the original plan stays visible as faint bars. <i>Back to original plan</i> undoes it.</p>
<p><b>Income outlook.</b> Low, median and high bands from public salary surveys (BLS and AAPC),
adjusted for your state and specialty, with yearly raises. The break-even month is when the
extra pay over your current income has repaid the costs.</p>
""".replace("{horizon}", str(HORIZON_YEARS))


class InfoDialog(QDialog):
    """A scrollable rich-text dialog (About, How the plan is computed)."""

    def __init__(
        self, title: str, html: str, object_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.browser = named(QTextBrowser(), f"{object_name}Text", title)
        self.browser.setOpenExternalLinks(False)  # the app never goes online by itself
        self.browser.setOpenLinks(False)
        self.browser.setHtml(html)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName(f"{object_name}Close")
        close.setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        line = self.fontMetrics().height()
        self.resize(line * 48, line * 34)
