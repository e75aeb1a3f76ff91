"""The Compare page: the plan and one to three other paths side by side, with a pay chart.

Every value comes from ``planner.core.compare`` (``result_of``, ``best_columns``) and its text
from ``planner.report.compare.cells_of``, so the page and ``codepath compare`` never differ.
The compared paths live in the profile; editing them and "Make this my plan" are undo steps.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPaintEvent,
    QPixmap,
    QPolygonF,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.core.catalog import BACKGROUND_LABELS, Background
from planner.core.compare import (
    MAX_PATHS,
    MIN_PATHS,
    ROWS,
    PathError,
    PathResult,
    PathSpec,
    best_columns,
    compared_paths,
    compared_results,
    next_path,
)
from planner.core.limits import MAX_HOURS_PER_WEEK, MIN_HOURS_PER_WEEK
from planner.core.profile import Profile
from planner.gui.controller import PlannerController
from planner.gui.widgets import (
    DATE_HELP,
    fmt_date,
    from_qdate,
    named,
    note_label,
    plain_label,
    to_qdate,
)
from planner.report.compare import cells_of
from planner.report.compare_page import column_name, legend_name

if TYPE_CHECKING:
    from planner.gui.compare_chart import CompareChart

SAME_AS_PLAN = "As in your plan"
EARLIEST_START = date(2000, 1, 1)
BEST_MARK = "★"

# the rows of the table, top to bottom: the path's choices, the compared values, notes, actions
EDIT_ROWS: tuple[tuple[str, str], ...] = (
    ("certification", "Certification"),
    ("specialty", "Specialty"),
    ("hours", "Hours per week"),
    ("background", "Background"),
    ("start", "Start"),
)
TITLES = {"ten_year": "10-year income\n(+ over your income now)"}
VALUE_ROWS: tuple[tuple[str, str], ...] = tuple(
    (row.key, TITLES.get(row.key, row.title)) for row in ROWS
)
TAIL_ROWS: tuple[tuple[str, str], ...] = (("notes", "Notes"), ("actions", "Use this path"))
ALL_ROWS = EDIT_ROWS + VALUE_ROWS + TAIL_ROWS
ROW_INDEX = {key: index for index, (key, _title) in enumerate(ALL_ROWS)}
BEST_WORDS = {row.key: row.best_word for row in ROWS}

INTRO = (
    "Your plan and up to three other paths, each worked out from its own plan with your "
    "start, background and income (a column can set its own). ★ marks the best value of each "
    "row in words. “Make this my plan” adopts a column; Undo (Ctrl+Z) brings the old plan back."
)
ADOPT_TIP = (
    "Adopts this column's choices as your plan. Your target exam date and own costs belong "
    "to the old plan and are not carried over; Undo brings them back."
)


def limit_text(columns: int) -> str:
    """Why a column can or cannot be added or removed (always shown, so the limit is clear)."""
    if columns >= MAX_PATHS:
        return f"{columns} paths: the most this page compares. Remove a column to add another one."
    if columns <= MIN_PATHS:
        return (
            f"{columns} paths: the fewest to compare (your plan and one other), so no column can "
            f"be removed. You can add up to {MAX_PATHS - columns} more."
        )
    return f"{columns} paths of at most {MAX_PATHS}."


def _best_icon() -> QIcon:
    """A dark star: the best value's mark drawn, so it shows without colour or a font glyph."""
    size = 16
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#5a3c00"))
    painter.setBrush(QColor("#e0a100"))
    points = []
    for n in range(10):
        radius = 7.5 if n % 2 == 0 else 3.2
        angle = -math.pi / 2 + n * math.pi / 5
        points.append(QPointF(8 + radius * math.cos(angle), 8.5 + radius * math.sin(angle)))
    painter.drawPolygon(QPolygonF(points))
    painter.end()
    return QIcon(pixmap)


class ElidingComboBox(QComboBox):
    """A combo box that ends a choice too long for it with "…" (whole in its tooltip), so a
    narrow column shows where a name goes on instead of cutting it off."""

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("elides", True)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        self.currentTextChanged.connect(self.setToolTip)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, field.width()
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class _PathEditors:
    """The editors of one compared column (not the plan's): combos, spin box and buttons."""

    def __init__(self, page: ComparePage, column: int) -> None:
        catalog = page.controller.catalog
        where = f"path {column + 1}"
        self.certification = named(
            QComboBox(),
            f"compareCertification{column}",
            f"Certification, {where}",
            "The certification this path aims for",
        )
        for cert in catalog.targets():
            self.certification.addItem(f"{cert.id}", cert.id)
        self.specialty = named(
            ElidingComboBox(),
            f"compareSpecialty{column}",
            f"Specialty, {where}",
            "The specialty this path leads to",
        )
        for lane in catalog.specialties.values():
            self.specialty.addItem(lane.name, lane.id)
        self.hours = named(
            QDoubleSpinBox(),
            f"compareHours{column}",
            f"Study hours per week, {where}",
            "Hours a week of study on this path",
        )
        self.hours.setRange(MIN_HOURS_PER_WEEK, MAX_HOURS_PER_WEEK)
        self.hours.setDecimals(1)
        self.hours.setSuffix(" h")
        self.hours.setKeyboardTracking(False)  # typing "12" is one change, not "1" then "12"
        self.background = named(
            ElidingComboBox(),
            f"compareBackground{column}",
            f"Background, {where}",
            "Your background on this path, or as in your plan",
        )
        self.background.addItem(SAME_AS_PLAN, None)
        for background in Background:
            self.background.addItem(BACKGROUND_LABELS[background], background.value)
        self.own_start = named(
            QCheckBox("Own"),
            f"compareOwnStart{column}",
            f"Own start date, {where}",
            "Unticked: the column starts when your plan does",
        )
        self.start = named(QDateEdit(), f"compareStart{column}", f"Start date, {where}", DATE_HELP)
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("MMM d, yyyy")
        self.start.setMinimumDate(to_qdate(EARLIEST_START))
        self.start.setKeyboardTracking(False)
        self.start_box = QWidget()
        # the box above the date: a narrow column still shows the whole date
        start_row = QVBoxLayout(self.start_box)
        start_row.setContentsMargins(2, 0, 0, 0)
        start_row.setSpacing(0)
        start_row.addWidget(self.own_start)
        start_row.addWidget(self.start)
        self.adopt = named(
            QPushButton("Make this my plan"),
            f"compareAdopt{column}",
            f"Make {where} my plan",
            ADOPT_TIP,
        )
        self.adopt.setToolTip(ADOPT_TIP)
        self.remove = named(
            QPushButton("Remove"), f"compareRemove{column}", f"Remove {where} from the comparison"
        )
        self.actions = QWidget()
        row = QVBoxLayout(self.actions)  # one above the other: a narrow column shows both
        row.setContentsMargins(2, 2, 2, 2)
        row.addWidget(self.adopt)
        row.addWidget(self.remove)

        for combo in (self.certification, self.specialty, self.background):
            combo.activated.connect(lambda _index, c=column: page._on_view_edited(c))
        self.hours.valueChanged.connect(lambda _value, c=column: page._on_view_edited(c, "hours"))
        self.start.dateChanged.connect(lambda _value, c=column: page._on_view_edited(c, "start"))
        self.own_start.toggled.connect(lambda _on, c=column: page._on_view_edited(c))
        self.adopt.clicked.connect(lambda _checked=False, c=column: page.adopt(c))
        self.remove.clicked.connect(lambda _checked=False, c=column: page.remove_column(c))

    def widgets(self) -> tuple[QWidget, ...]:
        """The editors, in focus order."""
        return (
            self.certification,
            self.specialty,
            self.hours,
            self.background,
            self.own_start,
            self.start,
        )

    def cells(self) -> tuple[QWidget, ...]:
        """What goes in the table's choice rows, top to bottom."""
        return (self.certification, self.specialty, self.hours, self.background, self.start_box)

    def show(self, path: PathSpec, plan_start: date) -> None:
        """Show ``path`` without sending anything back."""
        for widget in self.widgets():
            widget.blockSignals(True)
        try:
            self.certification.setCurrentIndex(self.certification.findData(path.certification))
            self.specialty.setCurrentIndex(self.specialty.findData(path.specialty))
            self.hours.setValue(path.hours_per_week)
            own = None if path.background is None else path.background.value
            self.background.setCurrentIndex(max(0, self.background.findData(own)))
            self.own_start.setChecked(path.start is not None)
            self.start.setDate(to_qdate(path.start or plan_start))
            self.start.setEnabled(path.start is not None)
        finally:
            for widget in self.widgets():
                widget.blockSignals(False)

    def path(self) -> PathSpec:
        """The path the editors show."""
        background = self.background.currentData()
        start = from_qdate(self.start.date()) if self.own_start.isChecked() else None
        return PathSpec(
            str(self.certification.currentData()),
            str(self.specialty.currentData()),
            round(self.hours.value(), 1),
            None if background is None else Background(background),
            start,
        )


class ComparePage(QWidget):
    """Columns of paths (the plan first), their compared values, and a median-pay chart."""

    def __init__(self, controller: PlannerController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("comparePage")
        self.setAccessibleName("Compare paths")
        self._paths: tuple[PathSpec, ...] = ()
        self._editors: list[_PathEditors] = []
        self._results: list[PathResult | PathError] = []
        self._shown_key: object = None
        self._best_icon = _best_icon()
        self.chart: CompareChart | None = None
        self._chart_stale = True
        self._stale = True

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(note_label(INTRO, "compareIntro"))
        bar = QHBoxLayout()
        self.add_button = named(
            QPushButton("A&dd a path"), "compareAdd", "Add a path to the comparison"
        )
        self.add_button.clicked.connect(lambda _checked=False: self.add_column())
        bar.addWidget(self.add_button)
        self.limit_label = plain_label("", "compareLimit")
        self.limit_label.setWordWrap(True)
        bar.addWidget(self.limit_label, 1)
        layout.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("compareSplitter")
        splitter.setChildrenCollapsible(False)
        self.table = named(
            QTableWidget(len(ALL_ROWS), 0),
            "compareTable",
            "Compared paths",
            "One column per path, one row per value; the best value of a row is marked with a "
            "star and a word",
        )
        self.table.setVerticalHeaderLabels([title for _key, title in ALL_ROWS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the column's editors
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 15))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(int(self.fontMetrics().height() * 8.5))
        # rows follow their wrapped text whenever the columns get narrower or wider
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        splitter.addWidget(self.table)
        chart_box = QWidget()
        self._chart_layout = QVBoxLayout(chart_box)
        self._chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart_placeholder = plain_label("Loading the chart…", "compareChartPlaceholder")
        self.chart_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_placeholder.setMinimumHeight(170)
        self._chart_layout.addWidget(self.chart_placeholder)
        splitter.addWidget(chart_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        line = self.fontMetrics().height()
        splitter.setSizes([line * 40, line * 11])
        layout.addWidget(splitter, 1)

        controller.profileChanged.connect(self._on_model_profile_changed)

    # ------------------------------------------------------------------ read access (tests too)

    def _fresh(self) -> None:
        if self._stale:
            self.refresh()

    def paths(self) -> tuple[PathSpec, ...]:
        """The compared paths after the plan (the columns from the second on)."""
        self._fresh()
        return self._paths

    def column_count(self) -> int:
        return self.table.columnCount()

    def results(self) -> tuple[PathResult | PathError, ...]:
        """Each column's values (the plan first), or why a path cannot be planned."""
        self._fresh()
        return tuple(self._results)

    def cell_text(self, row_key: str, column: int) -> str:
        item = self.table.item(ROW_INDEX[row_key], column)
        return "" if item is None else item.text()

    def editors(self, column: int) -> _PathEditors:
        """The editors of a compared column (1 or more; the plan's column has none)."""
        return self._editors[column - 1]

    # ------------------------------------------------------------------ model → view

    def _on_model_profile_changed(self, profile: Profile) -> None:
        if not self.isVisible():
            self._stale = True  # worked out when shown: no extra plans at start-up
            return
        self.refresh()

    def refresh(self) -> None:
        """Show the profile's compared paths and their values (the plan first)."""
        self._stale = False
        profile = self.controller.profile
        paths = compared_paths(profile, self.controller.catalog)
        key = (profile.inputs, self.controller.plan, paths)
        if key == self._shown_key:
            return
        self._shown_key = key
        self._paths = paths
        if len(self._editors) != len(paths):
            self._build_columns(len(paths))
        for editors, path in zip(self._editors, paths, strict=True):
            editors.show(path, profile.inputs.start)
        self._compute()
        self._show_values()
        self._show_limits()
        self._chart_stale = True
        if self.chart is not None and self.isVisible():
            self._update_chart()

    def _build_columns(self, compared: int) -> None:
        table = self.table
        for column in range(1, table.columnCount()):
            for key, _title in (*EDIT_ROWS, ("actions", "")):
                table.removeCellWidget(ROW_INDEX[key], column)
        table.setColumnCount(1 + compared)
        table.setHorizontalHeaderLabels([column_name(i) for i in range(compared + 1)])
        self._editors = []
        for column in range(1, compared + 1):
            editors = _PathEditors(self, column)
            for (key, _title), widget in zip(EDIT_ROWS, editors.cells(), strict=True):
                table.setCellWidget(ROW_INDEX[key], column, widget)
            table.setCellWidget(ROW_INDEX["actions"], column, editors.actions)
            self._editors.append(editors)
        # the focus order follows the columns: a column's editors, then its buttons
        chain: list[QWidget] = [self.add_button, table]
        for editors in self._editors:
            chain += [*editors.widgets(), editors.adopt, editors.remove]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _compute(self) -> None:
        self._results = list(compared_results(self.controller.state))

    def _plan_cells(self) -> dict[str, str]:
        inputs = self.controller.profile.inputs
        catalog = self.controller.catalog
        lane = catalog.specialties.get(inputs.specialty)
        return {
            "certification": inputs.certification,
            "specialty": lane.name if lane is not None else inputs.specialty,
            "hours": f"{inputs.hours_per_week:g} h",
            "background": BACKGROUND_LABELS[inputs.background],
            "start": fmt_date(inputs.start),
            "actions": "Change it on Plan settings",
        }

    def _show_values(self) -> None:
        table = self.table
        good = [r for r in self._results if isinstance(r, PathResult)]
        good_columns = [i for i, r in enumerate(self._results) if isinstance(r, PathResult)]
        best = {
            key: {good_columns[i] for i in columns} for key, columns in best_columns(good).items()
        }
        headers = [column_name(i) for i in range(len(self._results))]
        for key, text in self._plan_cells().items():
            item = self._set_item(ROW_INDEX[key], 0, text, headers[0])
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, result in enumerate(self._results):
            header = headers[column]
            if isinstance(result, PathError):
                for key, _title in (*VALUE_ROWS, ("notes", "")):
                    text = f"Cannot be planned: {result}" if key == "first_exam" else "–"
                    self._set_item(ROW_INDEX[key], column, text, header)
                continue
            cells = cells_of(result)
            if result.break_even.low_month is None:
                cells["break_even"] = f"none: {result.break_even.reason}"
            cells["notes"] = "\n".join(f"• {note}" for note in result.notes) or "–"
            for key, _title in (*VALUE_ROWS, ("notes", "")):
                word = BEST_WORDS.get(key, "") if column in best.get(key, set()) else ""
                self._set_item(ROW_INDEX[key], column, cells[key], header, word)
        table.resizeRowsToContents()

    def _set_item(
        self, row: int, column: int, text: str, header: str, best: str = ""
    ) -> QTableWidgetItem:
        shown = f"{text}\n{BEST_MARK} {best}" if best else text
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            self.table.setItem(row, column, item)
        item.setText(shown)
        item.setIcon(self._best_icon if best else QIcon())
        font = QFont(self.table.font())
        font.setBold(bool(best))
        item.setFont(font)
        title = ALL_ROWS[row][1]
        spoken = f"{title}, {header}: {text}" + (f"; best: {best}" if best else "")
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
        item.setToolTip(shown)
        item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return item

    def _show_limits(self) -> None:
        count = self.column_count()
        self.limit_label.setText(limit_text(count))
        self.add_button.setEnabled(count < MAX_PATHS)
        self.add_button.setToolTip("" if count < MAX_PATHS else limit_text(count))
        for editors in self._editors:
            editors.remove.setEnabled(count > MIN_PATHS)
            editors.remove.setToolTip("" if count > MIN_PATHS else limit_text(count))

    # ------------------------------------------------------------------ chart

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
        if self.chart is None:
            QTimer.singleShot(0, self, self.ensure_chart)
        elif self._chart_stale:
            self._update_chart()

    def ensure_chart(self) -> CompareChart:
        """Import matplotlib and build the chart (once); returns it."""
        if self.chart is None:
            from planner.gui.compare_chart import CompareChart

            chart = CompareChart()
            self._chart_layout.replaceWidget(self.chart_placeholder, chart)
            self.chart_placeholder.hide()
            self.chart = chart
            self._update_chart()
        return self.chart

    def _update_chart(self) -> None:
        if self.chart is not None:
            good = [(i, r) for i, r in enumerate(self._results) if isinstance(r, PathResult)]
            self.chart.set_results([r for _i, r in good], [legend_name(i, r) for i, r in good])
            self._chart_stale = False

    # ------------------------------------------------------------------ view → controller

    def _store(self, paths: Sequence[PathSpec], text: str, merge_key: str | None = None) -> bool:
        stored = [path.stored() for path in paths]
        return self.controller.set_compared(stored, text, merge_key)

    def _on_view_edited(self, column: int, what: str = "") -> None:
        path = self._editors[column - 1].path()
        paths = list(self._paths)
        if path == paths[column - 1]:
            return
        paths[column - 1] = path
        merge = f"compare.{column}.{what}" if what else None
        if not self._store(paths, f"Compare: change path {column + 1}", merge):
            self._shown_key = None  # refused: show the paths in use again
            self.refresh()

    def set_path(self, column: int, path: PathSpec) -> bool:
        """Compare ``path`` in ``column`` (1 or more) instead of what it holds: one undo step."""
        self._fresh()
        self._editors[column - 1].show(path, self.controller.profile.inputs.start)
        paths = list(self._paths)
        paths[column - 1] = path
        return self._store(paths, f"Compare: change path {column + 1}")

    def set_paths(self, choices: Sequence[tuple[str, str, float]]) -> bool:
        """Compare these (certification, specialty, hours) paths with the plan: one undo step.

        The fit check's suggestions arrive here; the plan's own choice and repeats are left
        out, and at most three paths fit beside the plan.
        """
        self._fresh()
        plan = PathSpec.of_inputs(self.controller.profile.inputs)
        paths: list[PathSpec] = []
        for certification, specialty, hours in choices:
            path = PathSpec(certification, specialty, hours)
            if not path.same_choices(plan) and path not in paths:
                paths.append(path)
        paths = paths[: MAX_PATHS - 1]
        if not paths:
            return False
        return self._store(paths, "Compare: the fit check's paths")

    def add_column(self) -> bool:
        """Add the next suggested path; False (the reason stays shown) at the limit."""
        self._fresh()
        if self.column_count() >= MAX_PATHS:
            return False
        inputs = self.controller.profile.inputs
        path = next_path(inputs, self._paths, self.controller.catalog)
        added = self._store([*self._paths, path], "Compare: add a path")
        if added and self._editors:
            self._editors[-1].certification.setFocus(Qt.FocusReason.OtherFocusReason)
        return added

    def remove_column(self, column: int) -> bool:
        """Remove a compared column (1 or more); False at the two-column minimum."""
        self._fresh()
        if self.column_count() <= MIN_PATHS or not 1 <= column <= len(self._paths):
            return False
        paths = [p for index, p in enumerate(self._paths, start=1) if index != column]
        return self._store(paths, f"Compare: remove path {column + 1}")

    def adopt(self, column: int) -> bool:
        """Make a compared column the plan: one undo step, and the old plan takes its column."""
        self._fresh()
        controller = self.controller
        if controller.read_only:
            controller.report_error("This window is read-only; nothing was changed.")
            return False
        path = self._paths[column - 1]
        old = controller.profile.inputs
        inputs = path.inputs(old)
        if inputs == old:
            controller.report_error(f"{path.label} is your plan already.")
            return False
        if controller.try_build(inputs) is None:
            return False
        previous = PathSpec(
            old.certification,
            old.specialty,
            old.hours_per_week,
            None if old.background == inputs.background else old.background,
            None if old.start == inputs.start else old.start,
        )
        paths = list(self._paths)
        paths[column - 1] = previous
        text = f"Make {path.label} my plan"
        stack = controller.undo_stack
        stack.beginMacro(text)
        try:
            adopted = controller.set_inputs(inputs, text)
            if adopted:
                self._store(paths, text)
        finally:
            stack.endMacro()
        return adopted
