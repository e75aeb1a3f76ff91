"""The fit check dialog: a short questionnaire, then a plain summary and paths to compare."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner.core.catalog import Catalog
from planner.core.fit import (
    SETTING_LABELS,
    FitAnswers,
    FitResult,
    FitRules,
    TraitFit,
    WorkSetting,
    assess,
    load_fit_rules,
)
from planner.core.limits import MAX_HOURS_PER_WEEK, MIN_HOURS_PER_WEEK
from planner.gui.input_fields import parse_money
from planner.gui.widgets import (
    buddy_label,
    check_box_group,
    frameless_scroll,
    named,
    note_label,
    plain_label,
    read_only_text,
    size_in_lines,
)

Paths = list[tuple[str, str, float]]
DEGREE_CHOICES: tuple[tuple[str, bool | None], ...] = (
    ("Not sure", None),
    ("Yes, a 2-year degree is possible", True),
    ("No, a 2-year degree is not possible", False),
)
GROUP_TITLES = {
    TraitFit.STRONG: "How you like to work (tick what is true for you)",
    TraitFit.WEAK: "What you would rather avoid",
    TraitFit.EXPECTATION: "What you expect",
}


class FitDialog(QDialog):
    """Questions first; "See the result" shows the summary; "Compare these paths" emits them."""

    pathsChosen = Signal(list)  # list[tuple[certification, specialty, hours per week]]

    def __init__(
        self,
        catalog: Catalog,
        previous: FitAnswers | None = None,
        parent: QWidget | None = None,
        *,
        on_compare: Callable[[Paths], None] | None = None,
        rules: FitRules | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fitDialog")
        self.setWindowTitle("Check your fit – Coding Path Planner")
        self.setAccessibleName("Check your fit")
        self._catalog = catalog
        self._rules = rules or load_fit_rules(catalog)
        self._result: FitResult | None = None
        self.answered = False  # the result was shown at least once
        if on_compare is not None:
            self.pathsChosen.connect(on_compare)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_questions())
        self.stack.addWidget(self._build_result())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.see_result.setDefault(True)  # once inside the dialog, so Enter presses it
        if previous is not None:
            self.show_answers(previous)
        self.resize(size_in_lines(self, 56, 48))

    # ------------------------------------------------------------------ questions

    def _build_questions(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addWidget(
            note_label(
                "A few questions from the decision framework of the guides this planner is "
                "built on. There are no wrong answers; the result only suggests paths to compare.",
                "fitIntro",
            )
        )
        body = QWidget()
        column = QVBoxLayout(body)
        self.trait_boxes: dict[str, QCheckBox] = {}
        for fit, title in GROUP_TITLES.items():
            traits = [(t.id, t.question) for t in self._rules.traits if t.fit is fit]
            column.addWidget(
                check_box_group(
                    title, f"fitGroup_{fit.value}", traits, "fitTrait_", self.trait_boxes
                )
            )
        practical = QGroupBox("Your time, budget and wishes")
        practical.setObjectName("fitGroup_practical")
        form = QFormLayout(practical)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.hours = named(
            QDoubleSpinBox(), "fitHours", "Hours per week for study", "Hours a week you can study"
        )
        self.hours.setRange(MIN_HOURS_PER_WEEK, MAX_HOURS_PER_WEEK)
        self.hours.setDecimals(1)
        self.hours.setValue(10.0)
        self.hours.setSuffix(" h/week")
        form.addRow(buddy_label("&Hours per week:", self.hours), self.hours)
        self.budget = named(QLineEdit(), "fitBudget", "Budget in dollars, optional")
        self.budget.setPlaceholderText("e.g. $4,000 (optional)")
        form.addRow(buddy_label("&Budget up front:", self.budget), self.budget)
        self.degree = named(
            QComboBox(),
            "fitDegree",
            "Is a 2-year degree possible",
            "Whether two years of college would work for you",
        )
        for text, value in DEGREE_CHOICES:
            self.degree.addItem(text, value)
        form.addRow(buddy_label("2-year &degree:", self.degree), self.degree)
        self.setting = named(
            QComboBox(),
            "fitSetting",
            "Where you want to work",
            "Hospital, physician offices, or either",
        )
        for setting, text in SETTING_LABELS.items():
            self.setting.addItem(text, setting.value)
        form.addRow(buddy_label("Where to &work:", self.setting), self.setting)
        self.remote = named(
            QCheckBox("Remote work is a &must from day one"), "fitRemote", "Remote from day one"
        )
        form.addRow(self.remote)
        column.addWidget(practical)
        column.addStretch(1)
        outer.addWidget(frameless_scroll(body), 1)
        self.error = plain_label("", "fitError")
        self.error.setWordWrap(True)
        outer.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = named(QPushButton("Cancel"), "fitCancel", "Cancel")
        cancel.clicked.connect(self.reject)
        self.see_result = named(QPushButton("&See the result"), "fitSeeResult", "See the result")
        self.see_result.clicked.connect(self.show_result)
        buttons.addWidget(cancel)
        buttons.addWidget(self.see_result)
        outer.addLayout(buttons)
        return page

    def show_questions(self) -> None:
        """Back to the questions, answers kept."""
        self.stack.setCurrentIndex(0)
        self.see_result.setDefault(True)
        self.see_result.setFocus()

    def show_answers(self, answers: FitAnswers) -> None:
        """Fill the questions from earlier answers (the check can be retaken)."""
        for trait_id, box in self.trait_boxes.items():
            box.setChecked(answers.agreed(trait_id))
        if answers.hours_per_week is not None:
            self.hours.setValue(answers.hours_per_week)
        self.budget.setText("" if answers.budget is None else f"${answers.budget:,.0f}")
        self.degree.setCurrentIndex(
            next(i for i, (_t, v) in enumerate(DEGREE_CHOICES) if v is answers.degree_possible)
        )
        self.setting.setCurrentIndex(self.setting.findData(answers.setting.value))
        self.remote.setChecked(answers.remote_day_one)

    def answers(self) -> FitAnswers:
        """The answers as given; ValueError with a readable message for a wrong budget."""
        try:
            budget = parse_money(self.budget.text())
        except ValueError:
            raise ValueError(
                f"The budget '{self.budget.text()}' is not an amount in dollars."
            ) from None
        return FitAnswers(
            agrees={t: box.isChecked() for t, box in self.trait_boxes.items() if box.isChecked()},
            hours_per_week=self.hours.value(),
            budget=budget,
            degree_possible=self.degree.currentData(),
            setting=WorkSetting(self.setting.currentData()),
            remote_day_one=self.remote.isChecked(),
        )

    # ------------------------------------------------------------------ result

    def _build_result(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(plain_label("Your fit check", "fitResultTitle"))
        self.result_view = read_only_text("fitResultText", "Fit check result")
        layout.addWidget(self.result_view, 1)
        buttons = QHBoxLayout()
        back = named(QPushButton("&Change answers"), "fitBack", "Change answers")
        back.clicked.connect(self.show_questions)
        buttons.addWidget(back)
        buttons.addStretch(1)
        close = named(QPushButton("C&lose"), "fitClose", "Close")
        close.clicked.connect(self.accept)
        self.compare = named(
            QPushButton("Com&pare these paths"), "fitCompare", "Compare these paths"
        )
        self.compare.clicked.connect(self.compare_paths)
        buttons.addWidget(close)
        buttons.addWidget(self.compare)
        layout.addLayout(buttons)
        return page

    def show_result(self) -> None:
        """Assess the answers and show the summary (or say what is wrong with an answer)."""
        try:
            answers = self.answers()
        except ValueError as exc:
            self.error.setText(f"⚠ {exc}")
            self.budget.setFocus()
            return
        self.error.setText("")
        self._answers = answers
        self._result = assess(answers, self._catalog, self._rules)
        self.result_view.setPlainText(self._result.text(self._catalog))
        self.compare.setEnabled(bool(self._result.paths))
        self.answered = True
        self.stack.setCurrentIndex(1)
        self.compare.setDefault(True)
        self.compare.setFocus()

    _answers: FitAnswers | None = None

    def fit_result(self) -> FitResult | None:
        return self._result

    def kept_answers(self) -> FitAnswers | None:
        """The answers behind the last result shown (what the profile keeps), or None."""
        return self._answers

    def compare_paths(self) -> None:
        """Emit the suggested paths and close the dialog."""
        if self._result is None or not self._result.paths:
            return
        self.pathsChosen.emit(self._result.suggested_paths())
        self.accept()
