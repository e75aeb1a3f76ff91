"""The Salary page: the income chart (matplotlib, loaded on first view), its sources and costs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.core.glossary import glossary_tooltip
from planner.core.plan import Plan
from planner.core.realities import Place, realities_for
from planner.core.salary import context_lines
from planner.gui.controller import PlannerController
from planner.gui.forms import money_asking
from planner.gui.glossary_dialog import RealitiesNote
from planner.gui.input_fields import parse_money as parse_amount
from planner.gui.widgets import (
    fmt_date,
    fmt_money,
    frameless_scroll,
    named,
    note_label,
    plain_label,
    read_only_table,
)
from planner.report.charts import salary_source_line, salary_vintage_line
from planner.report.explain import header_explanations

if TYPE_CHECKING:
    from planner.gui.salary_chart import SalaryChart

HOVER_HINT = "Point at a year in the chart to see its low, median and high income."
YOURS_COLUMN = 5
YOURS_HINT = (
    "Double-click a cell in the 'Yours' column to enter what a cost really is for you (the "
    "programme you chose, a fee you paid); it replaces the estimate. Clear it to go back."
)


def parse_money(text: str) -> float | None:
    """'$1,250' or '1250' -> 1250.0; '' -> None (back to the estimate); ValueError otherwise.

    Separators follow the locale, as in every money field (see ``input_fields.parse_money``).
    """
    locale = QLocale()
    return parse_amount(text, group=locale.groupSeparator(), decimal=locale.decimalPoint())


def _cell(text: str, *, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _scrolled(content: QWidget, object_name: str) -> QScrollArea:
    """``content`` in a frameless scroll area that only scrolls up and down."""
    area = frameless_scroll(content)
    area.setObjectName(object_name)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class _Placeholder(QLabel):
    """Stands where the chart goes; says once that it has been painted."""

    painted = Signal()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.property("painted_once"):
            self.setProperty("painted_once", True)
            self.painted.emit()


class SalaryPage(QWidget):
    """Income outlook and costs. The chart is built the first time the page is shown."""

    chartReady = Signal()

    def __init__(self, controller: PlannerController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.chart: SalaryChart | None = None
        self._what_if: Plan | None = None  # the timeline's what-if plan, drawn as a ghost
        self._stale = True
        self.setObjectName("salaryPage")
        outer = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("salarySplitter")
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter)

        top = QWidget()
        self._chart_layout = QVBoxLayout(top)
        self._chart_layout.setContentsMargins(0, 0, 0, 0)
        self.placeholder = _Placeholder("Loading the chart…")
        # "Loading the chart…" is on screen first; importing matplotlib takes a moment
        self.placeholder.painted.connect(lambda: QTimer.singleShot(0, self.ensure_chart))
        self.placeholder.setObjectName("salaryChartPlaceholder")
        self.placeholder.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setMinimumHeight(220)
        self._chart_layout.addWidget(self.placeholder, 1)
        self.hover_label = plain_label(HOVER_HINT)
        self.hover_label.setObjectName("salaryHover")
        self.hover_label.setWordWrap(True)
        self._chart_layout.addWidget(self.hover_label)
        splitter.addWidget(top)
        # the sources and notes under the chart have a tab of their own: at 800x600 they took
        # the chart's room (and a window taller than the screen)
        self.source_label = note_label("", "salarySources")
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.about_label = note_label("", "salaryAbout")
        self.about_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        about = QWidget()
        about_layout = QVBoxLayout(about)
        about_layout.addWidget(self.source_label)
        about_layout.addWidget(self.about_label)
        about_layout.addStretch(1)

        self.tabs = named(QTabWidget(), "salaryTabs", "Costs and income tables")
        costs = QWidget()
        costs_layout = QVBoxLayout(costs)
        self.costs_table = read_only_table(
            "costsTable", "Costs", ["Cost", "When", "Low", "High", "Planned", "Yours"]
        )
        self.costs_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.costs_table.setToolTip(YOURS_HINT)
        self.costs_table.itemChanged.connect(self._on_cost_edited)
        self._cost_ids: list[str] = []
        costs_layout.addWidget(self.costs_table, 1)
        self.costs_hint = plain_label(YOURS_HINT)
        self.costs_hint.setObjectName("costsHint")
        self.costs_hint.setWordWrap(True)
        self.costs_summary = plain_label()
        self.costs_summary.setObjectName("costsSummary")
        self.costs_summary.setWordWrap(True)
        self.costs_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        notes = QWidget()
        notes_layout = QVBoxLayout(notes)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.addWidget(self.costs_hint)
        notes_layout.addWidget(self.costs_summary)
        notes_layout.addStretch(1)
        costs_layout.addWidget(_scrolled(notes, "costsNotesScroll"), 1)
        self.tabs.addTab(costs, "&Costs and break-even")
        self.salary_table = read_only_table(
            "salaryTable", "Income by year", ["Year", "From", "Low", "Median", "High", "Stage"]
        )
        self.tabs.addTab(self.salary_table, "&Income by year")
        # what the seeds say about pay and work in this lane, next to the income figures
        self.realities = RealitiesNote("salaryRealities")
        self.realities.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(_scrolled(self.realities, "salaryRealitiesScroll"), "&Realities to know")
        self.tabs.addTab(_scrolled(about, "salaryAboutScroll"), "Sources and &notes")
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        controller.planChanged.connect(self._on_model_plan_changed)
        self._on_model_plan_changed(controller.plan)

    # ------------------------------------------------------------------ chart (lazy)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.chart is not None and self._stale:
            self.chart.set_plan(self._controller.plan)
            self._stale = False

    def ensure_chart(self) -> SalaryChart:
        """Import matplotlib and build the chart (once); returns it."""
        if self.chart is None:
            from planner.gui.salary_chart import SalaryChart

            chart = SalaryChart()
            chart.hovered.connect(self._on_chart_hovered)
            index = self._chart_layout.indexOf(self.placeholder)
            self._chart_layout.insertWidget(index, chart, 1)
            self.placeholder.hide()
            self._chart_layout.removeWidget(self.placeholder)
            self.chart = chart
            chart.set_plan(self._controller.plan)
            chart.set_ghost(self._what_if)
            self._stale = False
            self.chartReady.emit()
        return self.chart

    def set_what_if(self, plan: Plan | None) -> None:
        """Draw the timeline's what-if plan as a dashed median on the chart (None: no ghost)."""
        self._what_if = plan
        if self.chart is not None:
            self.chart.set_ghost(plan)

    def _on_chart_hovered(self, text: str) -> None:
        self.hover_label.setText(text or HOVER_HINT)

    # ------------------------------------------------------------------ model → view

    def _on_model_plan_changed(self, plan: Plan) -> None:
        self.hover_label.setText(HOVER_HINT)  # a year's figures from the old plan would mislead
        if self.chart is not None:
            self.chart.canvas.setToolTip("")
        self.source_label.setText(salary_source_line(plan))
        salary = self._controller.catalog.salary
        about = [salary_vintage_line(plan), salary.band_meaning, *context_lines(salary)]
        self.about_label.setText("\n".join(line for line in about if line))
        self.realities.set_realities(
            realities_for(plan, self._controller.catalog, place=Place.SALARY)
        )
        if self.chart is not None:
            # matplotlib needs ~80 ms to re-plot and draw: do it only when it can be seen
            if self.isVisible():
                self.chart.set_plan(plan)
                self._stale = False
            else:
                self._stale = True
        self._fill_costs(plan)
        self._fill_salary(plan)

    def _fill_costs(self, plan: Plan) -> None:
        costs = plan.costs
        table = self.costs_table
        table.blockSignals(True)
        table.setRowCount(len(costs.items) + len(costs.missing_ids))
        self._cost_ids = []
        for row, item in enumerate(costs.items):
            label = item.label + (f" (×{item.count})" if item.count > 1 else "")
            cells = [
                _cell(label),
                _cell(item.when),
                _cell(fmt_money(item.low), number=True),
                _cell(fmt_money(item.high), number=True),
                _cell(fmt_money(item.planned), number=True),
                _cell(fmt_money(item.planned) if item.entered else "", number=True),
            ]
            cells[0].setToolTip(f"Source: {item.source}" + (f"\n{item.note}" if item.note else ""))
            self._set_row(row, cells)
            self._cost_ids.append(item.id)
        for offset, (cost_id, missing) in enumerate(
            zip(costs.missing_ids, costs.not_in_data, strict=False)
        ):
            row = len(costs.items) + offset
            cells = [_cell(f"{missing[:1].upper()}{missing[1:]}: not in the data")]
            cells += [_cell("") for _ in range(YOURS_COLUMN)]
            self._set_row(row, cells)
            self._cost_ids.append(cost_id)
        table.blockSignals(False)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        lines = [
            f"Up front: {fmt_money(costs.upfront_planned)} planned "
            f"(range {fmt_money(costs.upfront_low)}–{fmt_money(costs.upfront_high)}). "
            f"Over the whole plan: {fmt_money(costs.total_planned)}."
        ]
        if costs.budget_note:
            lines.append(costs.budget_note)
        else:
            lines.append("Add a budget in Plan settings to check the up-front cost against it.")
        if plan.inputs.current_income is None:
            lines.append("Add your current income in Plan settings to see when the costs pay off.")
        else:
            lines.append(f"Break-even: {costs.break_even_note}")
        choices = [f"{item.label}: {item.note}" for item in costs.items if item.note]
        lines.extend(choices)
        lines.extend(f"Not in the data: {missing}." for missing in costs.not_in_data)
        lines.extend(costs.not_needed)
        self.costs_summary.setText("\n".join(lines))
        explained = header_explanations(plan)  # how the up-front sum and break-even were reached
        parts = (explained["upfront"], explained["break_even"])
        terms = glossary_tooltip(self.costs_summary.text())
        self.costs_summary.setToolTip("\n\n".join(part for part in (*parts, terms) if part))

    def _set_row(self, row: int, cells: list[QTableWidgetItem]) -> None:
        for column, cell in enumerate(cells):
            if column != YOURS_COLUMN:
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.costs_table.setItem(row, column, cell)

    def _on_cost_edited(self, cell: QTableWidgetItem) -> None:
        """A 'Yours' cell was edited: the learner's figure replaces the estimate (or goes)."""
        if cell.column() != YOURS_COLUMN or cell.row() >= len(self._cost_ids):
            return
        cost_id = self._cost_ids[cell.row()]
        try:
            amount, _read = money_asking(cell.text(), self, parse_money)
        except ValueError as exc:
            self._controller.report_error(f"Not changed: '{cell.text()}': {exc}.")
            self._fill_costs(self._controller.plan)
            return
        kept = [
            c.model_dump(mode="json")
            for c in self._controller.plan.inputs.actual_costs
            if c.id != cost_id
        ]
        if amount is not None:
            kept.append({"id": cost_id, "amount": amount})
        if not self._controller.update_inputs("Enter your own cost", actual_costs=kept):
            self._fill_costs(self._controller.plan)

    def _fill_salary(self, plan: Plan) -> None:
        table = self.salary_table
        table.setRowCount(len(plan.salary))
        for row, year in enumerate(plan.salary):
            cells = [
                _cell(str(year.year), number=True),
                _cell(fmt_date(year.start)),
                _cell(fmt_money(year.low), number=True),
                _cell(fmt_money(year.median), number=True),
                _cell(fmt_money(year.high), number=True),
                _cell(year.stage),
            ]
            for column, cell in enumerate(cells):
                table.setItem(row, column, cell)
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
