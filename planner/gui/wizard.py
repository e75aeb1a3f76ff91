"""The first-run set-up wizard: certification, specialty, schedule, and optional details."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from planner.core.base import validation_message
from planner.core.catalog import Background, Catalog
from planner.core.fit import FitAnswers
from planner.core.inputs import PlanInputs
from planner.core.profile import Profile
from planner.core.progress import start_date_problem
from planner.gui import dialogs
from planner.gui import input_fields as fields
from planner.gui.forms import (
    ComboChoice,
    DateField,
    Editor,
    HoursField,
    ListChoice,
    MoneyField,
    RadioChoice,
    Style,
    TextField,
    add_fields,
    make_editor,
    read_inputs,
    show_inputs,
)
from planner.gui.input_fields import InputField, specialty_options, specialty_text
from planner.gui.widgets import from_qdate, note_label, plain_label, size_in_lines, to_qdate

DEFAULT_HOURS = 10.0
PREFIX = "wizard"


def _form(page: QWizardPage) -> QFormLayout:
    form = QFormLayout(page)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setVerticalSpacing(int(page.fontMetrics().height() * 0.6))
    return form


class CertificationPage(QWizardPage):
    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wizardCertificationPage")
        self.setTitle("Welcome! Which certification do you want to earn first?")
        self.setSubTitle(
            "A few questions, and Coding Path Planner lays out your five phases from learning "
            "to a specialty, with costs and the income outlook. You can change any answer later."
        )
        self.editor = cast(
            RadioChoice, make_editor(fields.CERTIFICATION, PREFIX, catalog, Style.DESCRIBED_RADIOS)
        )
        self.buttons: dict[str, QRadioButton] = self.editor.buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor.row)
        layout.addStretch(1)
        self.fit_button = QPushButton("Not sure yet? Check your &fit first")
        self.fit_button.setObjectName("wizardCheckFit")
        self.fit_button.setAccessibleName("Not sure yet? Check your fit first")
        self.fit_button.clicked.connect(self._check_fit)
        layout.addWidget(self.fit_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.editor.on_change(self.completeChanged.emit)

    def _check_fit(self) -> None:
        wizard = self.wizard()
        if isinstance(wizard, SetupWizard):
            wizard.check_fit()

    def selected(self) -> str | None:
        value = self.editor.value()
        return str(value) if value is not None else None

    def select(self, cert_id: str) -> None:
        self.editor.show(cert_id)

    def isComplete(self) -> bool:
        return self.selected() is not None


class SpecialtyPage(QWizardPage):
    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._cert = ""
        self.setObjectName("wizardSpecialtyPage")
        self.setTitle("Where would you like to specialize later?")
        self.setSubTitle(
            "Specializing comes after a few years of work. The ones that suit your "
            "certification are listed first, with the add-on credential each leads to."
        )
        layout = QVBoxLayout(self)
        self.editor = cast(ListChoice, make_editor(fields.SPECIALTY, PREFIX, catalog, Style.LIST))
        self.list: QListWidget = self.editor.list
        layout.addWidget(self.list, 1)
        self.description = note_label("", "wizardSpecialtyDescription")
        self.description.setMinimumHeight(self.fontMetrics().height() * 3)
        layout.addWidget(self.description)
        self.editor.on_change(self._on_current)

    def initializePage(self) -> None:
        wizard = self.wizard()
        cert = wizard.cert_page.selected() if isinstance(wizard, SetupWizard) else None
        self.fill(cert or "")

    def fill(self, cert_id: str) -> None:
        """The specialties for ``cert_id``; the chosen one stays, else the best fit is chosen."""
        previous = self.selected()
        self._cert = cert_id
        self.editor.fill(specialty_options(self._catalog, cert_id))
        specs = self._catalog.specialties_for(cert_id)
        best = next((spec.id for spec in specs if cert_id in spec.fits), None)
        self.select(previous if previous in self._catalog.specialties else best)
        self.completeChanged.emit()

    def selected(self) -> str | None:
        value = self.editor.value()
        return str(value) if value else None

    def select(self, spec_id: str | None) -> None:
        self.editor.show(spec_id)

    def _on_current(self) -> None:
        spec = self.selected()
        self.description.setText(specialty_text(self._catalog, spec, self._cert) if spec else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.selected() is not None


class SchedulePage(QWizardPage):
    def __init__(self, catalog: Catalog, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wizardSchedulePage")
        self.setTitle("When do you start, and how much time do you have?")
        self.setSubTitle("Study hours set how long the learning phases take.")
        self.editors = add_fields(
            _form(self),
            PREFIX,
            catalog,
            (fields.START, fields.HOURS, fields.BACKGROUND),
            styles={fields.BACKGROUND: Style.RADIOS},
        )
        self.start = cast(DateField, self.editors[fields.START]).edit
        self.hours = cast(HoursField, self.editors[fields.HOURS]).spin
        self.backgrounds = cast(RadioChoice, self.editors[fields.BACKGROUND]).buttons
        self.start.setDate(to_qdate(today))
        self.hours.setValue(DEFAULT_HOURS)
        self.editors[fields.BACKGROUND].show(Background.NONE.value)

    def background(self) -> Background:
        return Background(self.editors[fields.BACKGROUND].value())


class DetailsPage(QWizardPage):
    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wizardDetailsPage")
        self.setTitle("A few optional details")
        self.setSubTitle("Leave any of these empty; they only refine the outlook.")
        form = _form(self)
        asked = (fields.STATE, fields.INCOME, fields.BUDGET, fields.NAME)
        self.editors = add_fields(form, PREFIX, catalog, asked)
        self.state = cast(ComboChoice, self.editors[fields.STATE]).combo
        self.income = cast(MoneyField, self.editors[fields.INCOME]).edit
        self.budget = cast(MoneyField, self.editors[fields.BUDGET]).edit
        self.name = cast(TextField, self.editors[fields.NAME]).edit
        self.error = plain_label("", "wizardError")
        self.error.setWordWrap(True)
        form.addRow(self.error)

    def validatePage(self) -> bool:
        wizard = self.wizard()
        if not isinstance(wizard, SetupWizard):
            return True
        try:
            wizard.result_inputs()
        except ValueError as exc:
            self.error.setText(f"⚠ {exc}")
            return False
        self.error.setText("")
        return True


@dataclass(frozen=True)
class WizardAnswer:
    """What the first-run wizard collected: the plan inputs, the name, the fit check if taken."""

    inputs: PlanInputs
    name: str
    fit: FitAnswers | None = None

    def new_profile(self) -> Profile:
        """A new profile from these answers."""
        return Profile(inputs=self.inputs, name=self.name, fit=self.fit)


class SetupWizard(QWizard):
    """Asks what a plan needs; ``result_inputs()`` and ``result_name()`` give the answers."""

    def __init__(
        self,
        catalog: Catalog,
        today: date,
        parent: QWidget | None = None,
        *,
        initial: PlanInputs | None = None,
        name: str = "",
        first_run: bool = False,
    ) -> None:
        super().__init__(parent)
        self.first_run = first_run  # cancelling quits the app: ask first
        self.setObjectName("setupWizard")
        self.setAccessibleName("Set up your plan")
        self.setWindowTitle("Set up your plan – Coding Path Planner")
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.catalog = catalog
        self._today = today
        self.cert_page = CertificationPage(catalog)
        self.specialty_page = SpecialtyPage(catalog)
        self.schedule_page = SchedulePage(catalog, today)
        self.details_page = DetailsPage(catalog)
        for page in (self.cert_page, self.specialty_page, self.schedule_page, self.details_page):
            self.addPage(page)
        for which, object_name, text in (
            (QWizard.WizardButton.NextButton, "wizardNext", "Next"),
            (QWizard.WizardButton.BackButton, "wizardBack", "Back"),
            (QWizard.WizardButton.FinishButton, "wizardFinish", "Create my plan"),
            (QWizard.WizardButton.CancelButton, "wizardCancel", "Cancel"),
        ):
            button = self.button(which)
            button.setObjectName(object_name)
            button.setAccessibleName(text)
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Create my plan")
        if initial is not None:
            self.prefill(initial, name)
        self.resize(size_in_lines(self, 50, 36, minimum=self.minimumSizeHint()))

    def reject(self) -> None:
        """On the first run, Cancel (or Esc, or closing) quits the app: only when confirmed."""
        if self.first_run and not dialogs.confirm_quit_setup(self):
            return
        super().reject()

    def editors(self) -> dict[InputField, Editor]:
        """Every field the wizard asks for, by field."""
        return {
            fields.CERTIFICATION: self.cert_page.editor,
            fields.SPECIALTY: self.specialty_page.editor,
            **self.schedule_page.editors,
            **self.details_page.editors,
        }

    def prefill(self, inputs: PlanInputs, name: str = "") -> None:
        """Start from existing answers (unknown ids are left unselected)."""
        show_inputs(self.editors(), self.catalog, inputs, name)
        self._target_exam_date = inputs.target_exam_date

    _target_exam_date: date | None = None
    fit_answers: FitAnswers | None = None  # the fit check's answers, when it was taken here

    def check_fit(self) -> QDialog:
        """Open the fit check; "Compare these paths" pre-fills certification, specialty, hours."""
        from planner.gui.fit_dialog import FitDialog

        dialog = FitDialog(self.catalog, self.fit_answers, self, on_compare=self.use_fit_paths)

        def keep_answers() -> None:
            answers = dialog.kept_answers()
            if answers is None:
                return
            self.fit_answers = answers
            budget = self.details_page.budget
            if answers.budget is not None and not budget.text().strip():
                budget.setText(f"{answers.budget:,.0f}")

        dialog.finished.connect(keep_answers)
        dialog.open()
        return dialog

    def use_fit_paths(self, paths: list[tuple[str, str, float]]) -> None:
        """Pre-fill the wizard with the first suggested path (the others stay in the result)."""
        if not paths:
            return
        cert, specialty, hours = paths[0]
        self.cert_page.select(cert)
        self.specialty_page.fill(cert)
        self.specialty_page.select(specialty)
        self.schedule_page.hours.setValue(hours)

    def validateCurrentPage(self) -> bool:
        """A start date far from today is used only when the learner confirms it."""
        if self.currentPage() is self.schedule_page:
            try:  # Alt+N leaves the focus in the hours field: read what it shows
                self.schedule_page.hours.checked_value()
            except ValueError:
                self.schedule_page.hours.setFocus()
                return False  # the reason is beside the field
            start = from_qdate(self.schedule_page.start.date())
            problem = start_date_problem(start, self._today)
            if problem is not None and not dialogs.confirm_start_date(self, problem):
                return False
        return bool(super().validateCurrentPage())

    def result_inputs(self) -> PlanInputs:
        """The answers as plan inputs; ValueError with a readable message if one is wrong."""
        others = {"target_exam_date": self._target_exam_date}
        return read_inputs(self.editors(), others, validation_message)

    def result_name(self) -> str:
        return str(self.details_page.editors[fields.NAME].value())

    @classmethod
    def ask(
        cls,
        catalog: Catalog,
        today: date,
        parent: QWidget | None = None,
        *,
        initial: PlanInputs | None = None,
        name: str = "",
        first_run: bool = False,
    ) -> WizardAnswer | None:
        """Run the wizard; the answers, or None when cancelled (tests replace this)."""
        wizard = cls(catalog, today, parent, initial=initial, name=name, first_run=first_run)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return None
        return WizardAnswer(wizard.result_inputs(), wizard.result_name(), wizard.fit_answers)
