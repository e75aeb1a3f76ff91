"""The Plan settings page: every plan input, applied at once (Undo brings the last plan back)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.core.catalog import Background
from planner.core.inputs import PlanInputs
from planner.core.profile import Profile
from planner.gui.controller import PlannerController
from planner.gui.forms import (
    BUDGET_WHY,
    INCOME_WHY,
    date_edit,
    fill_backgrounds,
    fill_certifications,
    fill_specialties,
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
from planner.gui.widgets import (
    buddy_label,
    from_qdate,
    named,
    note_label,
    signals_blocked,
    to_qdate,
)


class SettingsPage(QWidget):
    """Plan inputs; each change rebuilds the plan immediately through the controller."""

    def __init__(self, controller: PlannerController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        catalog = controller.catalog
        self.setObjectName("settingsPage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        page = QVBoxLayout(body)
        column = QWidget()
        column.setObjectName("settingsColumn")
        line = self.fontMetrics().height()
        column.setMaximumWidth(int(line * 52))
        page.addWidget(column)
        page.addStretch(1)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            note_label(
                "Changes apply at once: the timeline, milestones and charts follow. "
                "Undo (Ctrl+Z) brings the previous plan back. Your progress is kept."
            )
        )
        self.plan_note = QLabel()
        self.plan_note.setObjectName("settingsPlanNote")
        self.plan_note.setWordWrap(True)
        layout.addWidget(self.plan_note)
        undo_row = QHBoxLayout()
        stack = controller.undo_stack
        self.undo_button = named(QPushButton("Undo"), "settingsUndo", "Undo the last change")
        self.redo_button = named(QPushButton("Redo"), "settingsRedo", "Redo")
        self.undo_button.clicked.connect(stack.undo)
        self.redo_button.clicked.connect(stack.redo)
        stack.canUndoChanged.connect(self.undo_button.setEnabled)
        stack.canRedoChanged.connect(self.redo_button.setEnabled)
        stack.undoTextChanged.connect(self._on_undo_text)
        stack.redoTextChanged.connect(self._on_redo_text)
        self.undo_button.setEnabled(stack.canUndo())
        self.redo_button.setEnabled(stack.canRedo())
        undo_row.addWidget(self.undo_button)
        undo_row.addWidget(self.redo_button)
        undo_row.addStretch(1)
        layout.addLayout(undo_row)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(int(line * 0.6))
        layout.addLayout(form)

        self.certification = named(QComboBox(), "settingsCertification", "Target certification")
        fill_certifications(self.certification, catalog)
        self.cert_note = note_label("", "settingsCertificationNote")
        form.addRow(
            buddy_label("&Certification:", self.certification),
            with_note(self.certification, self.cert_note),
        )

        self.specialty = named(QComboBox(), "settingsSpecialty", "Specialty")
        self.spec_note = note_label("", "settingsSpecialtyNote")
        form.addRow(
            buddy_label("S&pecialty:", self.specialty), with_note(self.specialty, self.spec_note)
        )

        self.start = date_edit("settingsStart", "Start date")
        form.addRow(buddy_label("&Start date:", self.start), left_aligned(self.start))

        self.hours = hours_spin("settingsHours")
        form.addRow(buddy_label("Study &hours:", self.hours), left_aligned(self.hours))

        self.background = named(QComboBox(), "settingsBackground", "Background")
        fill_backgrounds(self.background)
        form.addRow(buddy_label("&Background:", self.background), self.background)

        self.state = named(QComboBox(), "settingsState", "State")
        fill_states(self.state)
        form.addRow(buddy_label("S&tate:", self.state), self.state)

        self.income = money_edit("settingsIncome", "Current yearly income", "optional, e.g. 32,000")
        form.addRow(
            buddy_label("Current &income ($/year):", self.income),
            with_note(self.income, note_label(INCOME_WHY)),
        )
        self.budget = money_edit("settingsBudget", "Training budget", "optional, e.g. 4,000")
        form.addRow(
            buddy_label("Training b&udget ($):", self.budget),
            with_note(self.budget, note_label(BUDGET_WHY)),
        )

        exam_row = QWidget()
        exam_layout = QHBoxLayout(exam_row)
        exam_layout.setContentsMargins(0, 0, 0, 0)
        self.has_exam_date = named(
            QCheckBox("I have a target &exam date:"),
            "settingsHasExamDate",
            "Use a target exam date",
        )
        self.exam_date = date_edit("settingsExamDate", "Target exam date")
        exam_layout.addWidget(self.has_exam_date)
        exam_layout.addWidget(self.exam_date)
        exam_layout.addStretch(1)
        self.exam_note = note_label(
            "The plan keeps your date when your study hours allow it and it is clear of a "
            "code-set switch-over; otherwise it says why not."
        )
        form.addRow("Target exam:", with_note(exam_row, self.exam_note))

        self.name = named(QLineEdit(), "settingsName", "Your name")
        self.name.setPlaceholderText("optional, shown on the printed roadmap")
        self.name.setMaxLength(200)
        form.addRow(buddy_label("Your &name:", self.name), self.name)

        self.certification.currentIndexChanged.connect(self._on_view_certification)
        self.specialty.currentIndexChanged.connect(self._on_view_specialty)
        self.start.dateChanged.connect(self._on_view_start)
        self.hours.valueChanged.connect(self._on_view_hours)
        self.background.currentIndexChanged.connect(self._on_view_background)
        self.state.currentIndexChanged.connect(self._on_view_state)
        self.income.editingFinished.connect(self._on_view_income)
        self.budget.editingFinished.connect(self._on_view_budget)
        self.has_exam_date.toggled.connect(self._on_view_exam_date)
        self.exam_date.dateChanged.connect(self._on_view_exam_date)
        self.name.editingFinished.connect(self._on_view_name)
        controller.profileChanged.connect(self._on_model_profile_changed)
        controller.errorOccurred.connect(self._on_model_error)
        self._on_model_profile_changed(controller.profile)

    # ------------------------------------------------------------------ model → view

    def _widgets(self) -> tuple[Any, ...]:
        return (
            self.certification,
            self.specialty,
            self.start,
            self.hours,
            self.background,
            self.state,
            self.income,
            self.budget,
            self.has_exam_date,
            self.exam_date,
            self.name,
        )

    def _on_model_profile_changed(self, profile: Profile) -> None:
        self.load(profile.inputs, profile.name)

    def load(self, inputs: PlanInputs, name: str) -> None:
        """Show ``inputs`` in the widgets without sending anything back."""
        catalog = self._controller.catalog
        with signals_blocked(*self._widgets()):
            select_data(self.certification, inputs.certification)
            fill_specialties(self.specialty, catalog, inputs.certification)
            select_data(self.specialty, inputs.specialty)
            self.start.setDate(to_qdate(inputs.start))
            self.hours.setValue(inputs.hours_per_week)
            select_data(self.background, inputs.background.value)
            select_data(self.state, inputs.state)
            if not self.income.hasFocus():
                self.income.setText(money_text(inputs.current_income))
            if not self.budget.hasFocus():
                self.budget.setText(money_text(inputs.budget))
            self.has_exam_date.setChecked(inputs.target_exam_date is not None)
            self.exam_date.setDate(
                to_qdate(inputs.target_exam_date or self._controller.plan.exam_date)
            )
            self.exam_date.setEnabled(inputs.target_exam_date is not None)
            if not self.name.hasFocus():
                self.name.setText(name)
        cert = catalog.certifications.get(inputs.certification)
        self.cert_note.setText(f"Best for: {cert.best_for}." if cert is not None else "")
        self.spec_note.setText(specialty_text(catalog, inputs.specialty, inputs.certification))
        plan = self._controller.plan
        self.plan_note.setText(
            f"Current plan: {plan.exam_credential} exam on {plan.exam_date:%b} "
            f"{plan.exam_date.day}, {plan.exam_date.year}; specialized by "
            f"{plan.specialized_date:%b} {plan.specialized_date.day}, {plan.specialized_date.year}."
        )

    def _on_model_error(self, _message: str) -> None:
        # an edit was refused: show the values actually in use again
        self.load(self._controller.profile.inputs, self._controller.profile.name)

    def _on_undo_text(self, text: str) -> None:
        self.undo_button.setText(f"Undo: {text}" if text else "Undo")

    def _on_redo_text(self, text: str) -> None:
        self.redo_button.setText(f"Redo: {text}" if text else "Redo")

    # ------------------------------------------------------------------ view → controller

    def _on_view_certification(self, _index: int) -> None:
        cert = self.certification.currentData()
        if isinstance(cert, str):
            self._controller.update_inputs(f"Change certification to {cert}", certification=cert)

    def _on_view_specialty(self, _index: int) -> None:
        spec = self.specialty.currentData()
        if isinstance(spec, str):
            name = self._controller.catalog.specialties[spec].name
            self._controller.update_inputs(f"Change specialty to {name}", specialty=spec)

    def _on_view_start(self) -> None:
        self._controller.update_inputs("Change the start date", start=from_qdate(self.start.date()))

    def _on_view_hours(self, value: float) -> None:
        self._controller.update_inputs(f"Study {value:g} h/week", hours_per_week=value)

    def _on_view_background(self, _index: int) -> None:
        value = self.background.currentData()
        if isinstance(value, str):
            self._controller.update_inputs("Change background", background=Background(value))

    def _on_view_state(self, _index: int) -> None:
        self._controller.update_inputs("Change state", state=self.state.currentData())

    def _money(self, edit: QLineEdit, field: str, text: str) -> None:
        try:
            value = parse_money(edit.text())
        except ValueError as exc:
            self._controller.report_error(f"Not changed: {text} {exc}")
            return
        self._controller.update_inputs(f"Change {text}", **{field: value})

    def _on_view_income(self) -> None:
        self._money(self.income, "current_income", "current income")

    def _on_view_budget(self) -> None:
        self._money(self.budget, "budget", "budget")

    def _on_view_exam_date(self, *_args: object) -> None:
        use = self.has_exam_date.isChecked()
        self.exam_date.setEnabled(use)
        value = from_qdate(self.exam_date.date()) if use else None
        self._controller.update_inputs("Change the target exam date", target_exam_date=value)

    def _on_view_name(self) -> None:
        self._controller.set_name(self.name.text())
