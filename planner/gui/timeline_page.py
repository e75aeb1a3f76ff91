"""The Timeline page: plan summary, key dates, the painted timeline and what to keep in mind."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from planner.core.dates import HORIZON_YEARS
from planner.core.glossary import glossary_tooltip
from planner.core.plan import Plan
from planner.core.profile import Profile
from planner.core.realities import Place, realities_for
from planner.gui.controller import PlannerController
from planner.gui.glossary_dialog import RealitiesNote
from planner.gui.timeline import RANGE_ALL, RANGE_EARLY, TimelineLegend, TimelineView
from planner.gui.widgets import buddy_label, fmt_date, named, note_label, plain_label
from planner.report.text import humanize_dates


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
    """Shows the current plan as a timeline; activating a milestone emits milestoneActivated."""

    milestoneActivated = Signal(str)

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
        hint = note_label(
            "Click a marker, or use the arrow keys and Enter, to open that milestone.",
            "timelineHint",
        )
        controls.addWidget(hint, 1)
        outer.addLayout(controls)

        self.view = TimelineView(controller.today)
        self.view.setAccessibleName("Plan timeline")
        outer.addWidget(self.view, 1)
        self.legend = TimelineLegend()
        outer.addWidget(self.legend)

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
        below = QWidget()  # the plan's warnings, then the realities that matter for it
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.warnings)
        self.realities = RealitiesNote("timelineRealities", "Realities to know")
        below_layout.addWidget(self.realities)
        notes.setWidget(below)
        line = self.fontMetrics().height()
        notes.setMaximumHeight(int(line * 8.5))  # the timeline keeps the room; the rest scrolls
        notes.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        outer.addWidget(notes)

        self.range_combo.currentIndexChanged.connect(self._on_view_range_changed)
        self.view.milestoneActivated.connect(self.milestoneActivated)
        controller.planChanged.connect(self._on_model_plan_changed)
        controller.profileChanged.connect(self._on_model_profile_changed)
        self._on_model_plan_changed(controller.plan)
        self._on_model_profile_changed(controller.profile)

    def _on_view_range_changed(self, _index: int) -> None:
        self.view.set_range(str(self.range_combo.currentData()))

    def _on_model_plan_changed(self, plan: Plan) -> None:
        profile = self._controller.profile
        baseline = self._controller.baseline if profile.replan is not None else None
        self.view.set_plan(plan, baseline)
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
        for key, value in self.key_dates.items():  # the header numbers explain their terms
            caption = self._key_captions[key]
            extra = " break-even" if key == "break_even" else ""
            tip = glossary_tooltip(caption.text() + extra)
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
        self.view.set_statuses({mid: p.status for mid, p in profile.milestones.items()})
        if (profile.replan is None) != self.replan_note.isHidden():
            self._on_model_plan_changed(self._controller.plan)
