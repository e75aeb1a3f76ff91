"""The Progress page: status and pace, re-planning, the study log, practice scores and CEUs."""

from __future__ import annotations

import bisect
from collections import Counter
from datetime import timedelta

from pydantic import ValidationError
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QFont, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.core.base import validation_message
from planner.core.catalog import Catalog
from planner.core.log_totals import LogTotals
from planner.core.plan import Plan
from planner.core.profile import CeuEntry, ExamScore, Profile, ProgrammeProgress, StudyEntry
from planner.core.progress import Progress, StatusKind, score_verdict
from planner.gui.controller import PlannerController
from planner.gui.entry_models import ID_ROLE, Column, EntryChange, EntryTable
from planner.gui.forms import date_edit
from planner.gui.hours_chart import HoursChart
from planner.gui.number_input import NumberSpin, problem_label, with_problem
from planner.gui.widgets import (
    buddy_label,
    fmt_date,
    fmt_hours,
    from_qdate,
    named,
    note_label,
    plain_label,
    signals_blocked,
    to_qdate,
)
from planner.report.text import humanize_dates

STATUS_SYMBOLS = {
    StatusKind.NOT_STARTED: "◌",
    StatusKind.NO_DATA: "○",
    StatusKind.ON_TRACK: "●",
    StatusKind.AHEAD: "▲",
    StatusKind.BEHIND: "▼",
    StatusKind.STUDY_DONE: "✓",
}
DATE_SAMPLE = "Sep 30, 2030"  # the widest date the lists show, for their column width
__all__ = ["ID_ROLE", "ProgressPage"]


def _log_columns() -> list[Column]:
    def day(e: StudyEntry) -> str:
        return fmt_date(e.day)

    def hours(e: StudyEntry) -> str:
        return f"{e.hours:g}"

    def topic(e: StudyEntry) -> str:
        return e.topic

    def note(e: StudyEntry) -> str:
        return e.note

    return [
        Column("Date", day),
        Column("Hours", hours, number=True),
        Column("Topic", topic),
        Column("Note", note),
    ]


def _score_columns(catalog: Catalog) -> list[Column]:
    def day(s: ExamScore) -> str:
        return fmt_date(s.day)

    def exam(s: ExamScore) -> str:
        return s.exam

    def percent(s: ExamScore) -> str:
        return f"{s.percent:g}%"

    def verdict(s: ExamScore) -> str:
        return score_verdict(s, catalog)

    return [
        Column("Date", day),
        Column("Exam", exam),
        Column("Score", percent, number=True),
        Column("Against the passing mark", verdict),
    ]


def _ceu_columns() -> list[Column]:
    def day(c: CeuEntry) -> str:
        return fmt_date(c.day)

    def credits(c: CeuEntry) -> str:
        return f"{c.credits:g}"

    def credential(c: CeuEntry) -> str:
        return c.credential

    def provider(c: CeuEntry) -> str:
        return c.provider

    return [
        Column("Date", day),
        Column("Credits", credits, number=True),
        Column("For", credential),
        Column("Provider", provider),
    ]


TWO_COLUMNS_FROM_LINES = 60  # text lines of width from which the boxes stand in two columns


class ProgressPage(QWidget):
    """Where the learner logs study, scores and CEUs and sees where they stand."""

    def __init__(self, controller: PlannerController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._shown: tuple[object, object, object] = (None, None, None)  # lists last shown
        self.setObjectName("progressPage")
        today = to_qdate(controller.today)

        scroll = QScrollArea(self)
        scroll.setObjectName("progressScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        grid = QGridLayout(body)
        self._grid = grid
        self._columns = 2

        # -------------------------------------------------------------- status and re-plan
        status_box = QGroupBox("Where you stand")
        status_box.setObjectName("statusGroup")
        status_layout = QVBoxLayout(status_box)
        self.status_label = plain_label()
        self.status_label.setObjectName("progressStatus")
        self.status_label.setWordWrap(True)
        big = QFont(self.status_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.2)
        big.setBold(True)
        self.status_label.setFont(big)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status_layout.addWidget(self.status_label)
        self.status_detail = plain_label()
        self.status_detail.setObjectName("progressStatusDetail")
        self.status_detail.setWordWrap(True)
        self.status_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status_layout.addWidget(self.status_detail)
        self.next_step_label = plain_label()
        self.next_step_label.setObjectName("progressNextStep")
        self.next_step_label.setWordWrap(True)
        status_layout.addWidget(self.next_step_label)
        self.pace_label = plain_label()
        self.pace_label.setObjectName("progressPace")
        self.pace_label.setWordWrap(True)
        status_layout.addWidget(self.pace_label)
        self.hours_bar = named(QProgressBar(), "hoursProgress", "Study hours logged")
        self.hours_bar.setTextVisible(True)
        status_layout.addWidget(self.hours_bar)
        self.hours_label = plain_label()
        self.hours_label.setObjectName("progressHours")
        self.hours_label.setWordWrap(True)
        status_layout.addWidget(self.hours_label)
        self.milestones_label = plain_label()
        self.milestones_label.setObjectName("progressMilestones")
        status_layout.addWidget(self.milestones_label)
        self.replan_label = plain_label()
        self.replan_label.setObjectName("replanProposal")
        self.replan_label.setWordWrap(True)
        status_layout.addWidget(self.replan_label)
        buttons = QHBoxLayout()
        self.accept_replan = named(
            QPushButton("&Accept re-plan"),
            "acceptReplan",
            "Accept re-plan",
            "Move the open milestones to match your recent pace",
        )
        self.reset_replan = named(
            QPushButton("&Back to original plan"),
            "resetReplan",
            "Back to original plan",
        )
        buttons.addWidget(self.accept_replan)
        buttons.addWidget(self.reset_replan)
        buttons.addStretch(1)
        status_layout.addLayout(buttons)
        self.notes_label = plain_label()
        self.notes_label.setObjectName("progressNotes")
        self.notes_label.setWordWrap(True)
        status_layout.addWidget(self.notes_label)
        self.use_earliest = named(
            QPushButton("Use the earliest realistic exa&m date"),
            "useEarliestExamDate",
            "Use the earliest realistic exam date",
            "Replace your target exam date with the earliest date your study hours allow",
        )
        status_layout.addWidget(self.use_earliest, 0, Qt.AlignmentFlag.AlignLeft)
        status_layout.addWidget(
            note_label(
                "Re-planning keeps what you have done and moves what is still open. You can "
                "undo it (Ctrl+Z) or go back to the original plan at any time."
            )
        )
        self._status_box = status_box

        chart_box = QGroupBox("Study hours: planned and logged")
        chart_box.setObjectName("hoursChartGroup")
        chart_layout = QVBoxLayout(chart_box)
        self.hours_chart = HoursChart(controller.today)
        self.hours_chart.setMinimumHeight(200)
        chart_layout.addWidget(self.hours_chart)
        self._chart_box = chart_box

        # -------------------------------------------------------------- degree programme
        self.programme_box = QGroupBox("Degree programme")
        self.programme_box.setObjectName("programmeGroup")
        programme_form = QFormLayout(self.programme_box)
        self.programme_label = plain_label()
        self.programme_label.setObjectName("programmeStatus")
        self.programme_label.setWordWrap(True)
        programme_form.addRow(self.programme_label)
        self.credits_earned = named(NumberSpin("Credits earned"), "creditsEarned", "Credits earned")
        self.credits_required = named(
            NumberSpin("Credits required"), "creditsRequired", "Credits the programme requires"
        )
        for box in (self.credits_earned, self.credits_required):
            box.setRange(0, 1000)
            box.setDecimals(1)
        self.terms_done = named(NumberSpin("Terms done"), "termsDone", "Terms or courses done")
        self.terms_total = named(
            NumberSpin("Terms in all"), "termsTotal", "Terms or courses in all"
        )
        for box in (self.terms_done, self.terms_total):
            box.setRange(0, 100)
            box.setDecimals(0)
        self.programme_problems = {
            box: problem_label(f"{box.objectName()}Problem")
            for box in (
                self.credits_earned,
                self.credits_required,
                self.terms_done,
                self.terms_total,
            )
        }
        programme_form.addRow(
            buddy_label("Credits ea&rned:", self.credits_earned),
            with_problem(self.credits_earned, self.programme_problems[self.credits_earned]),
        )
        programme_form.addRow(
            buddy_label("Credits re&quired:", self.credits_required),
            with_problem(self.credits_required, self.programme_problems[self.credits_required]),
        )
        programme_form.addRow(
            buddy_label("Terms d&one:", self.terms_done),
            with_problem(self.terms_done, self.programme_problems[self.terms_done]),
        )
        programme_form.addRow(
            buddy_label("Terms &in all:", self.terms_total),
            with_problem(self.terms_total, self.programme_problems[self.terms_total]),
        )
        self.programme_save = named(
            QPushButton("Save pro&gramme progress"), "saveProgramme", "Save programme progress"
        )
        programme_form.addRow(self.programme_save)

        # -------------------------------------------------------------- study log
        log_box = QGroupBox("Study log")
        log_box.setObjectName("studyLogGroup")
        log_layout = QVBoxLayout(log_box)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.log_date = date_edit("studyDate", "Study date")
        self.log_date.setDate(today)
        self.log_hours = named(NumberSpin("Hours", " h"), "studyHours", "Hours studied")
        self.log_hours.setRange(0.25, 24)
        self.log_hours.setSingleStep(0.25)
        self.log_hours.setDecimals(2)
        self.log_hours.setValue(1.0)
        self.log_hours.setSuffix(" h")
        self.log_topic = named(QLineEdit(), "studyTopic", "Study topic")
        self.log_topic.setPlaceholderText("e.g. ICD-10-CM guidelines")
        # topics logged so far, for the completer; kept in step edit by edit
        self._topic_counts: Counter[str] | None = None
        self._topic_list: list[str] = []  # sorted, as the completer's model holds them
        self._topics = QStringListModel(self)
        completer = QCompleter(self._topics, self.log_topic)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.log_topic.setCompleter(completer)
        self.log_note = named(QLineEdit(), "studyNote", "Study note")
        self.log_note.setPlaceholderText("optional")
        form.addRow(buddy_label("&Date:", self.log_date), self.log_date)
        self.log_hours_problem = problem_label("studyHoursProblem")
        form.addRow(
            buddy_label("Ho&urs:", self.log_hours),
            with_problem(self.log_hours, self.log_hours_problem),
        )
        form.addRow(buddy_label("&Topic:", self.log_topic), self.log_topic)
        form.addRow(buddy_label("&Note:", self.log_note), self.log_note)
        log_layout.addLayout(form)
        log_buttons = QHBoxLayout()
        self.log_add = named(QPushButton("&Log study time"), "logStudy", "Log study time")
        self.log_remove = named(
            QPushButton("Remove selected"), "removeStudy", "Remove the selected study entry"
        )
        log_buttons.addWidget(self.log_add)
        log_buttons.addWidget(self.log_remove)
        log_buttons.addStretch(1)
        log_layout.addLayout(log_buttons)
        self.log_table = EntryTable(
            "studyLogTable",
            "Study log",
            _log_columns(),
            widths=(DATE_SAMPLE, "Hours", "x" * 28),
        )
        self.log_table.setAccessibleDescription("Select an entry and press Delete to remove it")
        self.log_table.setProperty("elidedColumns", [3])  # a long note ends in "…" here
        self.log_table.setMinimumHeight(160)
        log_layout.addWidget(self.log_table, 1)
        self.log_total = plain_label()
        self.log_total.setObjectName("studyLogTotal")
        log_layout.addWidget(self.log_total)
        self._log_box = log_box

        # -------------------------------------------------------------- practice scores
        score_box = QGroupBox("Practice exams")
        score_box.setObjectName("scoresGroup")
        score_layout = QVBoxLayout(score_box)
        self.readiness_label = plain_label()
        self.readiness_label.setObjectName("readiness")
        self.readiness_label.setWordWrap(True)
        score_layout.addWidget(self.readiness_label)
        score_form = QHBoxLayout()
        self.score_date = date_edit("scoreDate", "Practice exam date")
        self.score_date.setDate(today)
        self.score_exam = named(QComboBox(), "scoreExam", "Practice exam")
        self.score_percent = named(NumberSpin("Score", "%"), "scorePercent", "Practice exam score")
        self.score_percent.setRange(0, 100)
        self.score_percent.setDecimals(1)
        self.score_percent.setValue(70)
        self.score_percent.setSuffix(" %")
        self.score_add = named(QPushButton("Add score"), "addScore", "Add practice score")
        score_form.addWidget(buddy_label("Date:", self.score_date))
        score_form.addWidget(self.score_date)
        score_form.addWidget(buddy_label("E&xam:", self.score_exam))
        score_form.addWidget(self.score_exam)
        score_form.addWidget(buddy_label("&Score:", self.score_percent))
        self.score_problem = problem_label("scorePercentProblem")
        score_form.addWidget(with_problem(self.score_percent, self.score_problem))
        score_form.addWidget(self.score_add)
        score_form.addStretch(1)
        score_layout.addLayout(score_form)
        self.score_table = EntryTable(
            "scoreTable",
            "Practice scores",
            _score_columns(controller.catalog),
            widths=(DATE_SAMPLE, "CPC-P (x)", "100.0%"),
        )
        self.score_table.setMinimumHeight(120)
        score_layout.addWidget(self.score_table)
        self.score_remove = named(
            QPushButton("Remove selected score"), "removeScore", "Remove the selected score"
        )
        score_layout.addWidget(self.score_remove, 0, Qt.AlignmentFlag.AlignLeft)
        self._score_box = score_box

        # -------------------------------------------------------------- CEUs
        ceu_box = QGroupBox("Continuing education (CEUs)")
        ceu_box.setObjectName("ceuGroup")
        ceu_layout = QVBoxLayout(ceu_box)
        self.ceu_label = plain_label()
        self.ceu_label.setObjectName("ceuStatus")
        self.ceu_label.setWordWrap(True)
        ceu_layout.addWidget(self.ceu_label)
        ceu_form = QFormLayout()
        self.ceu_date = date_edit("ceuDate", "CEU date")
        self.ceu_date.setDate(today)
        self.ceu_credits = named(NumberSpin("Credits", ""), "ceuCredits", "CEU credits")
        self.ceu_credits.setRange(0.25, 100)
        self.ceu_credits.setSingleStep(0.5)
        self.ceu_credits.setValue(1)
        self.ceu_provider = named(QLineEdit(), "ceuProvider", "CEU provider")
        self.ceu_provider.setPlaceholderText("e.g. AAPC webinar")
        self.ceu_credential = named(QComboBox(), "ceuCredential", "Credential the CEUs count for")
        ceu_form.addRow(buddy_label("Date:", self.ceu_date), self.ceu_date)
        self.ceu_problem = problem_label("ceuCreditsProblem")
        ceu_form.addRow(
            buddy_label("Credits:", self.ceu_credits),
            with_problem(self.ceu_credits, self.ceu_problem),
        )
        ceu_form.addRow(buddy_label("&Provider:", self.ceu_provider), self.ceu_provider)
        ceu_form.addRow(buddy_label("For:", self.ceu_credential), self.ceu_credential)
        ceu_layout.addLayout(ceu_form)
        self.ceu_add = named(QPushButton("Record &CEUs"), "addCeu", "Record CEUs")
        ceu_layout.addWidget(self.ceu_add, 0, Qt.AlignmentFlag.AlignLeft)
        self.ceu_table = EntryTable(
            "ceuTable",
            "CEUs",
            _ceu_columns(),
            widths=(DATE_SAMPLE, "Credits", "CPC-P (x)"),
        )
        self.ceu_table.setMinimumHeight(90)
        ceu_layout.addWidget(self.ceu_table)
        self.ceu_remove = named(
            QPushButton("Remove selected CEUs"), "removeCeu", "Remove the selected CEU entry"
        )
        ceu_layout.addWidget(self.ceu_remove, 0, Qt.AlignmentFlag.AlignLeft)
        self._ceu_box = ceu_box
        self._arrange(2)

        self.accept_replan.clicked.connect(self._on_view_accept_replan)
        self.use_earliest.clicked.connect(controller.use_earliest_exam_date)
        self.programme_save.clicked.connect(self._on_view_save_programme)
        self.reset_replan.clicked.connect(controller.reset_replan)
        self.log_add.clicked.connect(self._on_view_log)
        self.log_topic.returnPressed.connect(self._on_view_log)
        self.log_note.returnPressed.connect(self._on_view_log)
        self.log_remove.clicked.connect(self._on_view_remove_study)
        self.score_add.clicked.connect(self._on_view_add_score)
        self.score_percent.lineEdit().returnPressed.connect(self._on_view_add_score)
        self.score_remove.clicked.connect(self._on_view_remove_score)
        self.ceu_add.clicked.connect(self._on_view_add_ceu)
        self.ceu_remove.clicked.connect(self._on_view_remove_ceu)
        for table, remove in (
            (self.log_table, self._on_view_remove_study),
            (self.score_table, self._on_view_remove_score),
            (self.ceu_table, self._on_view_remove_ceu),
        ):
            shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(remove)
        controller.planChanged.connect(self._on_model_plan_changed)
        controller.profileChanged.connect(self._on_model_profile_changed)
        controller.progressChanged.connect(self._on_model_progress_changed)
        self._on_model_plan_changed(controller.plan)
        self._on_model_profile_changed(controller.profile)
        self._on_model_progress_changed(controller.progress)
        self._describe_inputs()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # a narrow window (800x600) stacks the boxes in one column: no sideways scrolling
        line = self.fontMetrics().height()
        self._arrange(2 if self.width() >= line * TWO_COLUMNS_FROM_LINES else 1)

    def _arrange(self, columns: int) -> None:
        """The boxes in two columns (status, programme and chart beside the study log; scores
        beside CEUs) or, for a narrow page, one under the other."""
        grid = self._grid
        if columns == self._columns and grid.count():
            return
        self._columns = columns
        boxes = (
            self._status_box,
            self.programme_box,
            self._chart_box,
            self._log_box,
            self._score_box,
            self._ceu_box,
        )
        for box in boxes:
            grid.removeWidget(box)
        places: tuple[tuple[int, int, int, int], ...]
        if columns == 2:
            places = (
                (0, 0, 1, 1),
                (1, 0, 1, 1),
                (2, 0, 1, 1),
                (0, 1, 3, 1),
                (3, 0, 1, 1),
                (3, 1, 1, 1),
            )
        else:
            places = tuple((row, 0, 1, 1) for row in range(len(boxes)))
        for box, (row, column, rows, spans) in zip(boxes, places, strict=True):
            grid.addWidget(box, row, column, rows, spans)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 4 if columns == 2 else 0)

    def _describe_inputs(self) -> None:
        """What each input holds, for screen readers (where its name alone does not say)."""
        for widget, description in (
            (self.credits_earned, "Credits of your degree so far"),
            (self.credits_required, "Credits the whole degree needs"),
            (self.terms_done, "Terms or courses finished"),
            (self.terms_total, "Terms or courses the degree has"),
            (self.log_hours, "Hours studied on that day"),
            (self.score_exam, "The exam you practised for"),
            (self.score_percent, "Your score in percent"),
            (self.ceu_credits, "Continuing education credits earned"),
            (self.ceu_credential, "The credential whose CEU requirement these count toward"),
            (self.score_table, "Select a score and press Delete to remove it"),
            (self.ceu_table, "Select a CEU entry and press Delete to remove it"),
        ):
            widget.setAccessibleDescription(description)

    # ------------------------------------------------------------------ model → view

    def _on_model_plan_changed(self, plan: Plan) -> None:
        exams = [plan.exam_credential]
        if plan.certification not in exams:
            exams.append(plan.certification)
        specialty = self._controller.catalog.specialties.get(plan.specialty)
        addon = specialty.credential if specialty is not None else None
        if addon is not None and addon not in exams:
            exams.append(addon)
        with signals_blocked(self.score_exam, self.ceu_credential):
            previous = self.score_exam.currentText()
            self.score_exam.clear()
            self.score_exam.addItems(exams)
            if previous in exams:
                self.score_exam.setCurrentText(previous)
            previous_ceu = self.ceu_credential.currentText()
            self.ceu_credential.clear()
            self.ceu_credential.addItems(exams)
            self.ceu_credential.setCurrentText(
                previous_ceu if previous_ceu in exams else plan.certification
            )

    def _on_model_profile_changed(self, profile: Profile) -> None:
        # edits replace whole lists, so an unchanged list is the same object: skip its table
        shown = (profile.study_log, profile.scores, profile.ceus)
        if shown[0] is not self._shown[0]:
            self._fill_log(profile)
        if shown[1] is not self._shown[1]:
            self.score_table.entries.set_entries(profile.scores)
            self.score_remove.setEnabled(bool(profile.scores))
        if shown[2] is not self._shown[2]:
            self.ceu_table.entries.set_entries(profile.ceus)
            self.ceu_remove.setEnabled(bool(profile.ceus))
        self._shown = shown
        programme = profile.programme
        with signals_blocked(
            self.credits_earned, self.credits_required, self.terms_done, self.terms_total
        ):
            self.credits_earned.setValue(programme.credits_earned if programme else 0)
            self.credits_required.setValue(
                programme.credits_required or 0 if programme is not None else 0
            )
            self.terms_done.setValue(programme.terms_done if programme else 0)
            self.terms_total.setValue(programme.terms_total or 0 if programme is not None else 0)

    def _on_model_progress_changed(self, progress: Progress) -> None:
        """Show the progress model's own words and figures (the CLI and print show the same)."""
        symbol = STATUS_SYMBOLS[progress.status]
        self.status_label.setText(f"{symbol} {humanize_dates(progress.headline)}")
        self.status_detail.setText(humanize_dates(progress.detail))
        self.next_step_label.setText(
            f"Next: {humanize_dates(progress.next_step)}" if progress.next_step else ""
        )
        self.next_step_label.setVisible(bool(progress.next_step))
        self.pace_label.setText(humanize_dates(progress.pace.text))
        planned = max(progress.hours_planned, 0.0)
        self.hours_bar.setRange(0, max(1, round(planned)))
        self.hours_bar.setValue(min(round(progress.hours_logged), max(1, round(planned))))
        self.hours_bar.setFormat(f"{progress.hours_logged:g} of {planned:g} h")
        self.hours_label.setText(humanize_dates(progress.hours_text))
        self.milestones_label.setText(
            f"Steps: {progress.percent_milestones:g}% done or skipped (code-set and CEU reminders "
            "not counted)."
            + (f" ⚠ {len(progress.overdue)} overdue (see Milestones)." if progress.overdue else "")
        )
        profile = self._controller.profile
        lines = [humanize_dates(progress.replan_text)] if progress.replan_text else []
        if progress.proposed_shift_days:
            lines.extend(
                f"  Phase {number} ends {fmt_date(projected)} (now {fmt_date(current)})"
                for number, current, projected in progress.projected
                if current != projected
            )
        if profile.replan is not None:
            days = profile.replan.shift_days
            lines.append(
                f"A re-plan from {fmt_date(profile.replan.accepted_on)} is in use "
                f"({abs(days)} days {'later' if days >= 0 else 'earlier'} than the original)."
            )
        self.replan_label.setText("\n".join(lines))
        self.accept_replan.setEnabled(self._controller.can_replan())
        self.reset_replan.setEnabled(profile.replan is not None)
        self.notes_label.setText("\n".join(humanize_dates(note) for note in progress.notes))
        self.notes_label.setVisible(bool(progress.notes))
        target = progress.target
        self.use_earliest.setVisible(target is not None)
        if target is not None:
            self.use_earliest.setText(
                f"Use the earliest realistic exa&m date ({fmt_date(target.earliest)})"
            )
        degree = progress.degree
        self.programme_box.setVisible(degree is not None)
        if degree is not None:
            self.programme_label.setText(
                f"Your {degree.programme}, {fmt_date(degree.start)} – {fmt_date(degree.end)}: "
                "enter what your school's records show (leave “Credits required” at 0 if you "
                "count terms or courses instead)."
            )
        self.readiness_label.setText(progress.readiness.text)
        if progress.ceu is not None:
            self.ceu_label.setText(humanize_dates(progress.ceu.text))
        else:
            plan = self._controller.plan
            self.ceu_label.setText(
                f"CEU tracking starts once you are {plan.certification} certified "
                f"(planned for {fmt_date(plan.certified_date)}). You can record CEUs already."
            )
        controller = self._controller
        baseline = controller.baseline if profile.replan is not None else None
        self.hours_chart.set_data(
            controller.plan,
            profile,
            baseline,
            progress.planned_curve,
            degree.end if degree is not None else None,
            controller.state.log_totals,
        )

    def _fill_log(self, profile: Profile) -> None:
        change = self.log_table.entries.set_entries(profile.study_log)
        self._update_topics(profile, change)
        # the one rule of the progress model: an entry dated after today counts from its day
        today = self._controller.today
        state = self._controller.state
        totals = state.log_totals if state.profile is profile else None
        if totals is None or totals.source is not profile.study_log:
            totals = LogTotals.of(profile.study_log)
        count = len(profile.study_log)
        counted = round(totals.hours(None, today), 2)
        future = round(totals.hours(today + timedelta(days=1), None), 2)
        self.log_total.setText(
            f"{count} {'entry' if count == 1 else 'entries'}, "
            f"{fmt_hours(counted)} up to today"
            + (f"; {fmt_hours(future)} dated after today count from their day." if future else ".")
        )
        self.log_remove.setEnabled(bool(count))

    def _update_topics(self, profile: Profile, change: EntryChange | None) -> None:
        """Keep the topic completer's list in step, by the entry an edit changed when it can."""
        if change is None or self._topic_counts is None:
            self._topic_counts = Counter(e.topic for e in profile.study_log)
            self._topic_list = sorted(self._topic_counts)
            self._topics.setStringList(self._topic_list)
            return
        for entry in change.added:
            topic = entry.topic  # type: ignore[attr-defined]  # a study entry
            self._topic_counts[topic] += 1
            if self._topic_counts[topic] == 1:
                row = bisect.bisect_left(self._topic_list, topic)
                self._topic_list.insert(row, topic)
                self._topics.insertRows(row, 1)
                self._topics.setData(self._topics.index(row), topic)
        for entry in change.removed:
            topic = entry.topic  # type: ignore[attr-defined]  # a study entry
            self._topic_counts[topic] -= 1
            if self._topic_counts[topic] <= 0:
                del self._topic_counts[topic]
                row = bisect.bisect_left(self._topic_list, topic)
                del self._topic_list[row]
                self._topics.removeRows(row, 1)

    # ------------------------------------------------------------------ view → controller

    def _on_view_accept_replan(self) -> None:
        self._controller.accept_replan()

    def _on_view_save_programme(self) -> None:
        numbers: list[float] = []
        for box in (self.credits_earned, self.credits_required, self.terms_done, self.terms_total):
            try:
                numbers.append(box.checked_value(refuse_moved=True))
            except ValueError:
                box.setFocus(Qt.FocusReason.OtherFocusReason)
                box.selectAll()
                return
        earned, required, done, total = numbers
        try:
            programme = ProgrammeProgress(
                credits_earned=earned,
                credits_required=required or None,  # 0: not known
                terms_done=round(done),
                terms_total=round(total) or None,
            )
        except ValidationError as exc:
            self._controller.report_error(f"Not saved: {validation_message(exc)}")
            return
        self._controller.set_programme(programme)

    def _on_view_log(self) -> None:
        topic = self.log_topic.text().strip()
        if not topic:
            self.log_topic.setFocus(Qt.FocusReason.OtherFocusReason)
            self.log_topic.setPlaceholderText("Please enter a topic first")
            return
        try:
            hours = self.log_hours.checked_value(refuse_moved=True)
        except ValueError:
            self.log_hours.setFocus(Qt.FocusReason.OtherFocusReason)
            self.log_hours.selectAll()
            return
        ok = self._controller.log_study(
            from_qdate(self.log_date.date()),
            hours,
            topic,
            self.log_note.text(),
        )
        if ok:
            self.log_note.clear()
            self.log_topic.selectAll()

    @staticmethod
    def _selected_id(table: EntryTable) -> str | None:
        return table.selected_id()

    def _on_view_remove_study(self) -> None:
        entry_id = self._selected_id(self.log_table)
        if entry_id:
            self._controller.remove_study(entry_id)

    def _on_view_add_score(self) -> None:
        try:
            percent = self.score_percent.checked_value(refuse_moved=True)
        except ValueError:
            self.score_percent.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._controller.add_score(
            from_qdate(self.score_date.date()), self.score_exam.currentText(), percent
        )

    def _on_view_remove_score(self) -> None:
        entry_id = self._selected_id(self.score_table)
        if entry_id:
            self._controller.remove_score(entry_id)

    def _on_view_add_ceu(self) -> None:
        try:
            credits = self.ceu_credits.checked_value(refuse_moved=True)
        except ValueError:
            self.ceu_credits.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._controller.add_ceu(
            from_qdate(self.ceu_date.date()),
            credits,
            self.ceu_provider.text(),
            self.ceu_credential.currentText(),
        )

    def _on_view_remove_ceu(self) -> None:
        entry_id = self._selected_id(self.ceu_table)
        if entry_id:
            self._controller.remove_ceu(entry_id)
