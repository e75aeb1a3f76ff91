"""The Timeline page: plan summary, key dates, the painted timeline and what to keep in mind.

Its "what if" control shows the plan at other study hours or another start date as a ghost
over the timeline; the profile changes only when the learner presses Apply.
"""

from __future__ import annotations

import html
from datetime import date

from pydantic import ValidationError
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from planner.core.base import validation_message
from planner.core.dates import HORIZON_YEARS
from planner.core.glossary import glossary_tooltip
from planner.core.inputs import PlanInputs
from planner.core.limits import MAX_HOURS_PER_WEEK, MIN_HOURS_PER_WEEK
from planner.core.plan import Plan, PlanError
from planner.core.profile import Profile
from planner.core.progress import start_date_problem
from planner.core.realities import Place, realities_for
from planner.core.state import plan_for
from planner.gui import dialogs
from planner.gui.controller import PlannerController
from planner.gui.forms import date_edit
from planner.gui.glossary_dialog import RealitiesNote
from planner.gui.timeline import RANGE_ALL, RANGE_EARLY, TimelineLegend, TimelineView
from planner.gui.widgets import (
    buddy_label,
    fmt_date,
    from_qdate,
    named,
    note_label,
    plain_label,
    to_qdate,
)
from planner.report.explain import header_explanations
from planner.report.text import humanize_dates

HALF_HOURS = 2  # the what-if slider moves in half hours
ZOOM_HELP = (
    "Zoom: Ctrl+wheel over the timeline, or the + and − keys. Pan: drag the timeline, scroll "
    "sideways (or Shift+wheel), or Shift+Left/Right. Key 0 or Zoom to fit shows the whole "
    "range again."
)
WHAT_IF_HINT = (
    "What if: move the study hours or the start date to see the plan at that pace as a dashed "
    "ghost. Nothing changes until you press Apply."
)


def what_if_inputs(inputs: PlanInputs, hours: float, start: date) -> PlanInputs:
    """``inputs`` with other study hours and start, validated as the controller's edits are."""
    values = inputs.model_dump()
    values.update(hours_per_week=hours, start=start)
    return PlanInputs.model_validate(values)


def shift_text(old: date, new: date) -> str:
    """'7 weeks earlier', '3 days later', 'no change'."""
    days = (new - old).days
    if days == 0:
        return "no change"
    direction = "later" if days > 0 else "earlier"
    if abs(days) < 14:
        return f"{abs(days)} day{'s' if abs(days) != 1 else ''} {direction}"
    return f"{round(abs(days) / 7)} weeks {direction}"


def key_date_changes(current: Plan, ghost: Plan) -> list[str]:
    """'CPC exam: Mar 3, 2027 → Jan 12, 2027 (7 weeks earlier)' for each key date."""
    pairs = (
        (f"{current.exam_credential} exam", current.exam_date, ghost.exam_date),
        (f"{current.certified_as} certified", current.certified_date, ghost.certified_date),
        ("Specialized", current.specialized_date, ghost.specialized_date),
    )
    return [
        f"{caption}: {fmt_date(old)} → {fmt_date(new)} ({shift_text(old, new)})"
        for caption, old, new in pairs
    ]


def _caption_value(caption: str, object_name: str) -> tuple[QLabel, QLabel]:
    top = plain_label(caption)
    top.setObjectName(f"{object_name}Caption")
    value = plain_label("")
    value.setObjectName(object_name)
    font = QFont(value.font())
    font.setBold(True)
    value.setFont(font)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return top, value


class TimelinePage(QWidget):
    """Shows the current plan as a timeline; activating a milestone emits milestoneActivated.

    whatIfChanged carries the what-if plan (or None) each time the ghost changes.
    """

    milestoneActivated = Signal(str)
    whatIfChanged = Signal(object)

    def __init__(self, controller: PlannerController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.setObjectName("timelinePage")
        outer = QVBoxLayout(self)

        self.title = plain_label()
        self.title.setObjectName("timelineTitle")
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        self.subtitle = plain_label()
        self.subtitle.setObjectName("timelineSubtitle")
        self.subtitle.setWordWrap(True)
        outer.addWidget(self.title)
        outer.addWidget(self.subtitle)

        dates = QFrame()
        dates.setObjectName("keyDates")
        dates.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(dates)
        self.key_dates: dict[str, QLabel] = {}
        self._key_captions: dict[str, QLabel] = {}
        for column, (key, caption) in enumerate(
            (
                ("exam", "Exam"),
                ("certified", "Certified"),
                ("specialized", "Specialized"),
                ("break_even", "Break-even"),
                ("finish", "Plan runs until"),
            )
        ):
            top, value = _caption_value(caption, f"keyDate_{key}")
            grid.addWidget(top, 0, column)
            grid.addWidget(value, 1, column)
            self.key_dates[key] = value
            self._key_captions[key] = top
        outer.addWidget(dates)

        self.replan_note = note_label("", "replanNote")
        self.replan_note.setVisible(False)
        outer.addWidget(self.replan_note)

        self.ghost: Plan | None = None
        self._what_if_timer = QTimer(self)
        self._what_if_timer.setSingleShot(True)
        self._what_if_timer.setInterval(0)  # a fast drag ends in one update, not a queue
        self._what_if_timer.timeout.connect(self.update_what_if)
        outer.addWidget(self._build_what_if())

        controls = QHBoxLayout()
        self.range_combo = named(
            QComboBox(),
            "timelineRange",
            "Timeline range",
            f"Show the first years of the plan or the whole {HORIZON_YEARS} years",
        )
        self.range_combo.addItem("First years (to a year after specializing)", RANGE_EARLY)
        self.range_combo.addItem("Whole plan", RANGE_ALL)
        controls.addWidget(buddy_label("&Show:", self.range_combo))
        controls.addWidget(self.range_combo)
        self.zoom_reset = named(
            QPushButton("Zoom to fit"),
            "timelineZoomReset",
            "Undo the zoom",
            "Show the whole range chosen under Show again (key 0 on the timeline)",
        )
        self.zoom_reset.setToolTip(ZOOM_HELP)
        self.zoom_reset.setEnabled(False)
        controls.addWidget(self.zoom_reset)
        hint = note_label(
            "Click a marker (or arrow keys, Enter) to open it. Ctrl+wheel or +/− zooms.",
            "timelineHint",
        )
        hint.setWordWrap(True)
        hint.setToolTip(ZOOM_HELP)
        controls.addWidget(hint, 1)
        outer.addLayout(controls)

        self.view = TimelineView(controller.today)
        self.view.setAccessibleName("Plan timeline")
        outer.addWidget(self.view, 1)
        self.legend = TimelineLegend()

        self.warnings = plain_label()
        self.warnings.setObjectName("planWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        notes = QScrollArea()
        notes.setObjectName("planWarningsScroll")
        notes.setWidgetResizable(True)
        notes.setFrameShape(QFrame.Shape.NoFrame)
        notes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # the legend, the plan's warnings, then the realities that matter for it: in a window
        # of 800x600 they scroll, so the timeline keeps its rows
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.legend)
        below_layout.addWidget(self.warnings)
        self.realities = RealitiesNote("timelineRealities", "Realities to know")
        below_layout.addWidget(self.realities)
        notes.setWidget(below)
        line = self.fontMetrics().height()
        notes.setMinimumHeight(int(line * 3))
        notes.setMaximumHeight(int(line * 12.5))
        notes.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        outer.addWidget(notes)

        self.what_if_slider.valueChanged.connect(self._on_what_if_slider)
        self.what_if_hours.valueChanged.connect(self._on_what_if_hours)
        self.what_if_start.dateChanged.connect(lambda _d: self._what_if_timer.start())
        self.what_if_apply.clicked.connect(self.apply_what_if)
        self.what_if_reset.clicked.connect(self.reset_what_if)
        self.range_combo.currentIndexChanged.connect(self._on_view_range_changed)
        self.zoom_reset.clicked.connect(self.view.reset_zoom)
        self.view.visibleRangeChanged.connect(
            lambda: self.zoom_reset.setEnabled(self.view.is_zoomed())
        )
        self.view.milestoneActivated.connect(self.milestoneActivated)
        controller.planChanged.connect(self._on_model_plan_changed)
        controller.profileChanged.connect(self._on_model_profile_changed)
        self._on_model_plan_changed(controller.plan)
        self._on_model_profile_changed(controller.profile)

    def _build_what_if(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("whatIfPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(panel)
        row = QHBoxLayout()
        self.what_if_slider = named(
            QSlider(Qt.Orientation.Horizontal),
            "whatIfSlider",
            "What-if study hours per week",
            "Drag or use the arrow keys to see the plan at other study hours; the plan itself "
            "changes only with Apply",
        )
        self.what_if_slider.setRange(
            round(MIN_HOURS_PER_WEEK * HALF_HOURS), round(MAX_HOURS_PER_WEEK * HALF_HOURS)
        )
        self.what_if_slider.setSingleStep(1)
        self.what_if_slider.setPageStep(2 * HALF_HOURS)
        self.what_if_slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.what_if_hours = named(
            QDoubleSpinBox(),
            "whatIfHours",
            "What-if study hours per week (number)",
            "The study hours per week of the what-if plan",
        )
        self.what_if_hours.setRange(MIN_HOURS_PER_WEEK, MAX_HOURS_PER_WEEK)
        self.what_if_hours.setSingleStep(1 / HALF_HOURS)
        self.what_if_hours.setDecimals(1)
        self.what_if_hours.setSuffix(" h/week")
        self.what_if_hours.setKeyboardTracking(False)
        self.what_if_start = date_edit("whatIfStart", "What-if start date")
        self.what_if_start.setAccessibleDescription("The start date of the what-if plan")
        self.what_if_apply = named(
            QPushButton("&Apply"),
            "whatIfApply",
            "Apply the what-if",
            "Use these study hours and start date in your plan (Undo takes it back)",
        )
        self.what_if_reset = named(
            QPushButton("&Reset"),
            "whatIfReset",
            "Reset the what-if",
            "Back to your plan's hours and start date; the ghost goes",
        )
        row.addWidget(buddy_label("What if: stud&y hours", self.what_if_slider))
        row.addWidget(self.what_if_slider, 1)
        row.addWidget(self.what_if_hours)
        row.addWidget(buddy_label("star&t", self.what_if_start))
        row.addWidget(self.what_if_start)
        row.addWidget(self.what_if_apply)
        row.addWidget(self.what_if_reset)
        column.addLayout(row)
        self.what_if_summary = plain_label(WHAT_IF_HINT, "whatIfSummary")
        self.what_if_summary.setWordWrap(True)
        self.what_if_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.what_if_summary)
        self._show_inputs_in_what_if()
        return panel

    # ------------------------------------------------------------------ what if

    def _show_inputs_in_what_if(self) -> None:
        """The controls at the plan's own hours and start; no ghost."""
        inputs = self._controller.profile.inputs
        for widget in (self.what_if_slider, self.what_if_hours, self.what_if_start):
            widget.blockSignals(True)
        self.what_if_hours.setValue(inputs.hours_per_week)
        self.what_if_slider.setValue(round(inputs.hours_per_week * HALF_HOURS))
        self.what_if_start.setDate(to_qdate(inputs.start))
        for widget in (self.what_if_slider, self.what_if_hours, self.what_if_start):
            widget.blockSignals(False)
        self._what_if_timer.stop()
        self._show_ghost(None, WHAT_IF_HINT)

    def _on_what_if_slider(self, position: int) -> None:
        self.what_if_hours.blockSignals(True)
        self.what_if_hours.setValue(position / HALF_HOURS)
        self.what_if_hours.blockSignals(False)
        self._what_if_timer.start()

    def _on_what_if_hours(self, hours: float) -> None:
        self.what_if_slider.blockSignals(True)
        self.what_if_slider.setValue(round(hours * HALF_HOURS))
        self.what_if_slider.blockSignals(False)
        self._what_if_timer.start()

    def what_if_values(self) -> tuple[float, date]:
        """The hours per week and start date the what-if controls show."""
        return self.what_if_hours.value(), from_qdate(self.what_if_start.date())

    def update_what_if(self) -> None:
        """Build the what-if plan with the core and lay it over the timeline as a ghost."""
        self._what_if_timer.stop()
        hours, start = self.what_if_values()
        inputs = self._controller.profile.inputs
        if hours == inputs.hours_per_week and start == inputs.start:
            self._show_ghost(None, WHAT_IF_HINT)
            return
        try:
            ghost = plan_for(what_if_inputs(inputs, hours, start), self._controller.catalog)
        except ValidationError as exc:
            self._show_ghost(None, f"What if: not possible ({validation_message(exc)}).")
            return
        except PlanError as exc:
            self._show_ghost(None, f"What if: no plan for these values ({exc}).")
            return
        parts = [f"{hours:g} h/week"]
        if start != inputs.start:
            parts.append(f"from {fmt_date(start)}")
        changes = " · ".join(key_date_changes(self._controller.plan, ghost))
        self._show_ghost(ghost, f"What if {' '.join(parts)} (dashed ghost): {changes}")

    def _show_ghost(self, ghost: Plan | None, text: str) -> None:
        self.what_if_summary.setText(text)
        self.what_if_apply.setEnabled(ghost is not None and not self._controller.read_only)
        self.what_if_reset.setEnabled(ghost is not None)
        if ghost is self.ghost:
            return
        self.ghost = ghost
        self.view.set_ghost(ghost)
        self.whatIfChanged.emit(ghost)

    def apply_what_if(self) -> bool:
        """Make the what-if the plan: one undoable change of hours and start."""
        self.update_what_if()
        if self.ghost is None:
            return False
        hours, start = self.what_if_values()
        inputs = self._controller.profile.inputs
        if start != inputs.start:
            problem = start_date_problem(start, self._controller.today)
            if problem is not None and not dialogs.confirm_start_date(self, problem):
                return False
        parts = []
        if hours != inputs.hours_per_week:
            parts.append(f"study {hours:g} h/week")
        if start != inputs.start:
            parts.append(f"start {fmt_date(start)}")
        return self._controller.set_inputs(self.ghost.inputs, "What if: " + " and ".join(parts))

    def reset_what_if(self) -> None:
        """Drop the ghost: the controls go back to the plan's own hours and start."""
        self._show_inputs_in_what_if()

    def _on_view_range_changed(self, _index: int) -> None:
        self.view.set_range(str(self.range_combo.currentData()))

    def range_mode(self) -> str:
        """The choice under "Show:" (RANGE_EARLY or RANGE_ALL); the main window remembers it."""
        return str(self.range_combo.currentData())

    def set_range_mode(self, mode: str) -> None:
        """Choose RANGE_EARLY or RANGE_ALL under "Show:" (anything else is ignored)."""
        index = self.range_combo.findData(mode)
        if index >= 0:
            self.range_combo.setCurrentIndex(index)

    def _on_model_plan_changed(self, plan: Plan) -> None:
        profile = self._controller.profile
        baseline = self._controller.baseline if profile.replan is not None else None
        self.view.set_plan(plan, baseline)
        self._show_inputs_in_what_if()  # a new plan: the what-if starts from it again
        inputs = plan.inputs
        self.title.setText(
            f"{plan.certification_name} ({plan.certification}) · {plan.specialty_name}"
        )
        parts = [
            f"Start {fmt_date(inputs.start)}",
            f"{inputs.hours_per_week:g} study hours a week",
            inputs.background.label,
        ]
        if inputs.state:
            parts.append(f"state {inputs.state}")
        self.subtitle.setText(" · ".join(parts))
        self.key_dates["exam"].setText(fmt_date(plan.exam_date))
        self._key_captions["exam"].setText(f"{plan.exam_credential} exam")
        self.key_dates["certified"].setText(fmt_date(plan.certified_date))
        self._key_captions["certified"].setText(f"{plan.certified_as} certified")
        self.key_dates["specialized"].setText(fmt_date(plan.specialized_date))
        costs = plan.costs
        if costs.break_even_date is not None:
            break_even = fmt_date(costs.break_even_date)
        elif inputs.current_income is None:
            break_even = "Add your income in Plan settings"
        else:
            break_even = "Not within the plan"
        self.key_dates["break_even"].setText(break_even)
        self.key_dates["finish"].setText(fmt_date(plan.finish))
        self.title.setToolTip(glossary_tooltip(self.title.text()))
        explanations = header_explanations(plan)
        for key, value in self.key_dates.items():
            # how the number was reached, then what its terms mean
            caption = self._key_captions[key]
            extra = " break-even" if key == "break_even" else ""
            terms = glossary_tooltip(caption.text() + extra)
            tip = "\n\n".join(part for part in (explanations[key], terms) if part)
            caption.setToolTip(tip)
            value.setToolTip(tip)
        self.realities.set_realities(
            realities_for(plan, self._controller.catalog, place=Place.TIMELINE)
        )
        if profile.replan is not None:
            days = profile.replan.shift_days
            direction = "later" if days >= 0 else "earlier"
            self.replan_note.setText(
                f"Re-planned on {fmt_date(profile.replan.accepted_on)}: open milestones moved "
                f"{abs(days)} days {direction}. The faint bars under the phases show the "
                "original plan."
            )
        self.replan_note.setHidden(profile.replan is None)
        if plan.warnings:
            items = "".join(f"<li>{html.escape(humanize_dates(w))}</li>" for w in plan.warnings)
            self.warnings.setText(f"<b>Please note</b><ul style='margin-top:2px'>{items}</ul>")
        else:
            self.warnings.setText("")

    def _on_model_profile_changed(self, profile: Profile) -> None:
        self.view.set_statuses(
            {mid: p.status for mid, p in profile.milestones.items()},
            {mid: p.done_on for mid, p in profile.milestones.items() if p.done_on is not None},
        )
        if (profile.replan is None) != self.replan_note.isHidden():
            self._on_model_plan_changed(self._controller.plan)
