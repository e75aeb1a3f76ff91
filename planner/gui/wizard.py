"""The first-run set-up wizard: certification, specialty, schedule, and optional details."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from planner.core.base import validation_message
from planner.core.catalog import Background, Catalog
from planner.core.inputs import PlanInputs
from planner.gui.forms import (
    BUDGET_WHY,
    INCOME_WHY,
    date_edit,
    fill_states,
    hours_spin,
    left_aligned,
    money_edit,
    money_text,
    parse_money,
    select_data,
    specialty_text,
    with_note,
)
from planner.gui.widgets import buddy_label, from_qdate, named, note_label, to_qdate

ID_ROLE = Qt.ItemDataRole.UserRole
DEFAULT_HOURS = 10.0


class CertificationPage(QWizardPage):
    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wizardCertificationPage")
        self.setTitle("Welcome! Which certification do you want to earn first?")
        self.setSubTitle(
            "A few questions, and Coding Path Planner lays out your five phases from learning "
            "to a specialty, with costs and the income outlook. You can change any answer later."
        )
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for cert in catalog.targets():
            button = named(
                QRadioButton(f"{cert.id} – {cert.name} ({cert.body.value})"),
                f"wizardCert_{cert.id}",
                f"{cert.id}, {cert.name}",
                cert.best_for,
            )
            bold = QFont(button.font())
            bold.setBold(True)
            button.setFont(bold)
            self.group.addButton(button)
            self.buttons[cert.id] = button
            layout.addWidget(button)
            best = note_label(f"Best for: {cert.best_for}.")
            best.setContentsMargins(24, 0, 0, 8)
            layout.addWidget(best)
            button.toggled.connect(self.completeChanged)
        layout.addStretch(1)

    def selected(self) -> str | None:
        return next((cid for cid, b in self.buttons.items() if b.isChecked()), None)

    def select(self, cert_id: str) -> None:
        self.buttons[cert_id].setChecked(True)

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
        self.list = named(QListWidget(), "wizardSpecialtyList", "Specialty")
        self.list.setAlternatingRowColors(True)
        layout.addWidget(self.list, 1)
        self.description = note_label("", "wizardSpecialtyDescription")
        self.description.setMinimumHeight(self.fontMetrics().height() * 3)
        layout.addWidget(self.description)
        self.list.currentItemChanged.connect(self._on_current)

    def initializePage(self) -> None:
        wizard = self.wizard()
        cert = wizard.cert_page.selected() if isinstance(wizard, SetupWizard) else None
        self.fill(cert or "")

    def fill(self, cert_id: str) -> None:
        previous = self.selected()
        self._cert = cert_id
        self.list.clear()
        specs = self._catalog.specialties_for(cert_id)
        fitting = [s for s in specs if cert_id in s.fits]
        others = [s for s in specs if cert_id not in s.fits]
        bold = QFont(self.list.font())
        bold.setBold(True)
        for heading, group in ((f"Suits {cert_id}", fitting), ("Other specialties", others)):
            if not group:
                continue
            head = QListWidgetItem(heading)
            head.setFlags(Qt.ItemFlag.NoItemFlags)
            head.setFont(bold)
            self.list.addItem(head)
            for spec in group:
                leads = f"  → leads to {spec.credential}" if spec.credential else ""
                item = QListWidgetItem(f"{spec.name}{leads}")
                item.setData(ID_ROLE, spec.id)
                item.setToolTip(spec.description)
                self.list.addItem(item)
        wanted = previous if previous in self._catalog.specialties else None
        if wanted is None and fitting:
            wanted = fitting[0].id
        if wanted is not None:
            self.select(wanted)
        self.completeChanged.emit()

    def selected(self) -> str | None:
        item = self.list.currentItem()
        value = item.data(ID_ROLE) if item is not None else None
        return str(value) if value else None

    def select(self, spec_id: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None and item.data(ID_ROLE) == spec_id:
                self.list.setCurrentItem(item)
                return
        raise KeyError(spec_id)

    def _on_current(self, *_args: object) -> None:
        spec = self.selected()
        self.description.setText(specialty_text(self._catalog, spec, self._cert) if spec else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.selected() is not None


class SchedulePage(QWizardPage):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wizardSchedulePage")
        self.setTitle("When do you start, and how much time do you have?")
        self.setSubTitle("Study hours set how long the learning phases take.")
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.start = date_edit("wizardStart", "Start date")
        self.start.setDate(to_qdate(today))
        form.addRow(buddy_label("&Start date:", self.start), left_aligned(self.start))
        self.hours = hours_spin("wizardHours")
        self.hours.setValue(DEFAULT_HOURS)
        form.addRow(
            buddy_label("Study &hours per week:", self.hours),
            with_note(
                left_aligned(self.hours),
                note_label("Most learners manage 5 to 15 hours a week next to a job."),
            ),
        )
        self.background_group = QButtonGroup(self)
        self.backgrounds: dict[Background, QRadioButton] = {}
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        for background in Background:
            button = named(
                QRadioButton(background.label),
                f"wizardBackground_{background.value}",
                background.label,
            )
            self.background_group.addButton(button)
            self.backgrounds[background] = button
            box_layout.addWidget(button)
        self.backgrounds[Background.NONE].setChecked(True)
        label = QLabel("Your background:")
        form.addRow(label, box)

    def background(self) -> Background:
        return next(b for b, button in self.backgrounds.items() if button.isChecked())


class DetailsPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wizardDetailsPage")
        self.setTitle("A few optional details")
        self.setSubTitle("Leave any of these empty; they only refine the outlook.")
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setVerticalSpacing(int(self.fontMetrics().height() * 0.6))
        self.state = named(QComboBox(), "wizardState", "State")
        fill_states(self.state)
        form.addRow(
            buddy_label("S&tate:", self.state),
            with_note(self.state, note_label("Pay differs a lot between states.")),
        )
        self.income = money_edit("wizardIncome", "Current yearly income", "e.g. 32,000")
        form.addRow(
            buddy_label("Current &income ($/year):", self.income),
            with_note(self.income, note_label(INCOME_WHY)),
        )
        self.budget = money_edit("wizardBudget", "Training budget", "e.g. 4,000")
        form.addRow(
            buddy_label("Training b&udget ($):", self.budget),
            with_note(self.budget, note_label(BUDGET_WHY)),
        )
        self.name = named(QLineEdit(), "wizardName", "Your name")
        self.name.setPlaceholderText("shown on the printed roadmap")
        self.name.setMaxLength(200)
        form.addRow(buddy_label("Your &name:", self.name), self.name)
        self.error = QLabel()
        self.error.setObjectName("wizardError")
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
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setAccessibleName("Set up your plan")
        self.setWindowTitle("Set up your plan – Coding Path Planner")
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.catalog = catalog
        self.cert_page = CertificationPage(catalog)
        self.specialty_page = SpecialtyPage(catalog)
        self.schedule_page = SchedulePage(today)
        self.details_page = DetailsPage()
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
        line = self.fontMetrics().height()
        size = QSize(int(line * 50), int(line * 36)).expandedTo(self.minimumSizeHint())
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry().size()
            size = size.boundedTo(
                QSize(int(available.width() * 0.9), int(available.height() * 0.9))
            )
        self.resize(size)

    def prefill(self, inputs: PlanInputs, name: str = "") -> None:
        """Start from existing answers (unknown ids are left unselected)."""
        if inputs.certification in self.cert_page.buttons:
            self.cert_page.select(inputs.certification)
            self.specialty_page.fill(inputs.certification)
            if inputs.specialty in self.catalog.specialties:
                self.specialty_page.select(inputs.specialty)
        self.schedule_page.start.setDate(to_qdate(inputs.start))
        self.schedule_page.hours.setValue(inputs.hours_per_week)
        self.schedule_page.backgrounds[inputs.background].setChecked(True)
        select_data(self.details_page.state, inputs.state)
        self.details_page.income.setText(money_text(inputs.current_income))
        self.details_page.budget.setText(money_text(inputs.budget))
        self.details_page.name.setText(name)
        self._target_exam_date = inputs.target_exam_date

    _target_exam_date: date | None = None

    def result_inputs(self) -> PlanInputs:
        """The answers as plan inputs; ValueError with a readable message if one is wrong."""
        cert = self.cert_page.selected()
        spec = self.specialty_page.selected()
        if cert is None:
            raise ValueError("Please choose a certification.")
        if spec is None:
            raise ValueError("Please choose a specialty.")
        try:
            income = parse_money(self.details_page.income.text())
        except ValueError as exc:
            raise ValueError(f"Current income: {exc}") from exc
        try:
            budget = parse_money(self.details_page.budget.text())
        except ValueError as exc:
            raise ValueError(f"Budget: {exc}") from exc
        try:
            return PlanInputs(
                certification=cert,
                specialty=spec,
                start=from_qdate(self.schedule_page.start.date()),
                hours_per_week=self.schedule_page.hours.value(),
                background=self.schedule_page.background(),
                state=self.details_page.state.currentData(),
                current_income=income,
                budget=budget,
                target_exam_date=self._target_exam_date,
            )
        except ValidationError as exc:
            raise ValueError(validation_message(exc)) from exc

    def result_name(self) -> str:
        return self.details_page.name.text().strip()

    @classmethod
    def ask(
        cls,
        catalog: Catalog,
        today: date,
        parent: QWidget | None = None,
        *,
        initial: PlanInputs | None = None,
        name: str = "",
    ) -> tuple[PlanInputs, str] | None:
        """Run the wizard; the answers, or None when cancelled (tests replace this)."""
        wizard = cls(catalog, today, parent, initial=initial, name=name)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return None
        return wizard.result_inputs(), wizard.result_name()
