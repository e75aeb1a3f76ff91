"""The Plan settings page: every plan input, applied at once (Undo brings the last plan back)."""

from __future__ import annotations

from functools import partial
from typing import cast

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.core.inputs import PlanInputs
from planner.core.profile import Profile
from planner.core.progress import start_date_problem
from planner.gui import dialogs
from planner.gui import input_fields as fields
from planner.gui.controller import PlannerController
from planner.gui.forms import (
    ComboChoice,
    DateField,
    FieldProblem,
    HoursField,
    MoneyField,
    OptionalDateField,
    TextField,
    add_fields,
    editor_widgets,
    read_value,
    show_inputs,
)
from planner.gui.input_fields import InputField, certification_text, specialty_text
from planner.gui.widgets import fmt_date, named, note_label, plain_label, signals_blocked


class SettingsPage(QWidget):
    """Plan inputs; each change rebuilds the plan immediately through the controller."""

    def __init__(self, controller: PlannerController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._form: QFormLayout | None = None
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
        column.installEventFilter(self)
        page.addStretch(1)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            note_label(
                "Changes apply at once: the timeline, milestones and charts follow. "
                "Undo (Ctrl+Z) brings the previous plan back. Your progress is kept."
            )
        )
        self.plan_note = plain_label()
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
        self._form = form

        self.cert_note = note_label("", "settingsCertificationNote")
        self.spec_note = note_label("", "settingsSpecialtyNote")
        notes = {fields.CERTIFICATION: self.cert_note, fields.SPECIALTY: self.spec_note}
        self.editors = add_fields(form, "settings", catalog, fields.FIELDS, notes=notes)
        for field, editor in self.editors.items():
            editor.on_change(partial(self._on_view_changed, field))

        self.certification = self._combo(fields.CERTIFICATION)
        self.specialty = self._combo(fields.SPECIALTY)
        self.background = self._combo(fields.BACKGROUND)
        self.state = self._combo(fields.STATE)
        self.start = cast(DateField, self.editors[fields.START]).edit
        self.hours = cast(HoursField, self.editors[fields.HOURS]).spin
        self.income = cast(MoneyField, self.editors[fields.INCOME]).edit
        self.budget = cast(MoneyField, self.editors[fields.BUDGET]).edit
        self.name = cast(TextField, self.editors[fields.NAME]).edit
        exam = cast(OptionalDateField, self.editors[fields.EXAM_DATE])
        self.has_exam_date, self.exam_date = exam.check, exam.edit

        controller.profileChanged.connect(self._on_model_profile_changed)
        controller.errorOccurred.connect(self._on_model_error)
        self._on_model_profile_changed(controller.profile)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self._form is not None:
            # A note that got more lines (another certification) makes the column taller,
            # but the form lays its rows out again with the heights it measured before the
            # new text: without measuring again, the note would be cut under the next row.
            self._form.invalidate()
        return super().eventFilter(watched, event)

    def _combo(self, field: InputField) -> QComboBox:
        return cast(ComboChoice, self.editors[field]).combo

    # ------------------------------------------------------------------ model → view

    def _on_model_profile_changed(self, profile: Profile) -> None:
        self.load(profile.inputs, profile.name)

    def load(self, inputs: PlanInputs, name: str) -> None:
        """Show ``inputs`` in the widgets without sending anything back."""
        catalog = self._controller.catalog
        plan = self._controller.plan
        with signals_blocked(*editor_widgets(self.editors.values())):
            show_inputs(self.editors, catalog, inputs, name)
            cast(OptionalDateField, self.editors[fields.EXAM_DATE]).suggest(plan.exam_date)
        self.cert_note.setText(certification_text(catalog, inputs.certification))
        self.spec_note.setText(specialty_text(catalog, inputs.specialty, inputs.certification))
        self.plan_note.setText(
            f"Current plan: {plan.exam_credential} exam on {fmt_date(plan.exam_date)}; "
            f"specialized by {fmt_date(plan.specialized_date)}."
        )

    def _on_model_error(self, _message: str) -> None:
        # an edit was refused: show the values actually in use again
        self.load(self._controller.profile.inputs, self._controller.profile.name)

    def _on_undo_text(self, text: str) -> None:
        self.undo_button.setText(f"Undo: {text}" if text else "Undo")

    def _on_redo_text(self, text: str) -> None:
        self.redo_button.setText(f"Redo: {text}" if text else "Redo")

    # ------------------------------------------------------------------ view → controller

    def _on_view_changed(self, field: InputField) -> None:
        controller = self._controller
        if field is fields.NAME:
            controller.set_name(self.name.text())
            return
        try:
            value = read_value(field, self.editors[field])
        except FieldProblem as exc:
            if not field.required:  # a heading of a choice list is no value: nothing to say
                controller.report_error(f"Not changed: {exc}")
            return
        if field is fields.START:
            problem = start_date_problem(value, controller.today)
            if problem is not None and not dialogs.confirm_start_date(self, problem):
                self._on_model_profile_changed(controller.profile)  # back to the date in use
                return
        text = field.undo_text(value, controller.catalog)
        controller.update_inputs(text, **{field.key: value})
