"""The Milestones page: every milestone grouped by phase, with status, done date and note."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.core.glossary import glossary_tooltip, with_glossary
from planner.core.plan import Milestone, MilestoneKind, Phase, Plan, Step, reminder_group_title
from planner.core.profile import MilestoneStatus, Profile
from planner.core.realities import Place, realities_for
from planner.gui.controller import PlannerController
from planner.gui.entry_models import TOOLTIP_CHARS, list_text
from planner.gui.forms import date_edit
from planner.gui.glossary_dialog import RealitiesNote, literal_tooltip, scrolled
from planner.gui.widgets import (
    STATUS_TEXT,
    buddy_label,
    fmt_date,
    from_qdate,
    named,
    note_label,
    plain_label,
    signals_blocked,
    status_color,
    status_icon,
    to_qdate,
)
from planner.report.text import OVERDUE_MARK

COL_TITLE, COL_DUE, COL_STATUS, COL_DONE, COL_NOTE = range(5)
HEADERS = ("Milestone", "Due", "Status", "Done on", "Note")
ID_ROLE = Qt.ItemDataRole.UserRole
NOTE_LEAST_CHARS = 12  # the note column keeps room for a few words beside the titles
NOTE_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole note (the list shows its first words)
STATUS_KEYS = {
    Qt.Key.Key_D: MilestoneStatus.DONE,
    Qt.Key.Key_P: MilestoneStatus.IN_PROGRESS,
    Qt.Key.Key_S: MilestoneStatus.SKIPPED,
    Qt.Key.Key_N: MilestoneStatus.NOT_STARTED,
}
REMINDER_KINDS = (MilestoneKind.CODESET, MilestoneKind.CEU)


class _NoteOnlyDelegate(QStyledItemDelegate):
    """Only the Note column opens an editor."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        if index.column() != COL_NOTE:
            return None  # type: ignore[return-value]  # Qt: no editor for this column
        editor = QLineEdit(parent)
        editor.setObjectName("milestoneNoteEditor")
        editor.setAccessibleName("Edit note")
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(NOTE_ROLE) or ""))  # the whole note, not the cut one

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QLineEdit) and editor.text() != (index.data(NOTE_ROLE) or ""):
            model.setData(index, editor.text(), NOTE_ROLE)


class MilestoneTree(QTreeWidget):
    """The tree; D / P / S / N set the selected milestone's status, Space toggles done.

    The titles get the room their longest shown title needs and the notes the rest: in a
    narrow window a note (whole in the details) ends in "…" before a title does.
    """

    statusKeyPressed = Signal(str, object)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Title column as wide as its longest shown title, leaving the note a few words."""
        header = self.header()
        if header.count() <= COL_NOTE:
            return
        others = sum(header.sectionSize(c) for c in (COL_DUE, COL_STATUS, COL_DONE))
        note_least = self.fontMetrics().horizontalAdvance("x") * NOTE_LEAST_CHARS
        room = self.viewport().width() - others - note_least
        title = max(self._title_width(), header.sectionSize(COL_DUE))
        header.resizeSection(COL_TITLE, max(header.minimumSectionSize(), min(title, room)))

    def _title_width(self) -> int:
        """The width the longest shown milestone title needs, with its indentation."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        delegate = self.itemDelegate()
        start = self.header().sectionViewportPosition(COL_TITLE)
        widest = 0
        pending = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while pending:
            item = pending.pop()
            if item is None or item.isHidden():
                continue
            if item.isExpanded():
                pending.extend(item.child(i) for i in range(item.childCount()))
            if item.isFirstColumnSpanned():
                continue  # phase and reminder rows run across all the columns
            index = self.indexFromItem(item, COL_TITLE)
            indent = (
                self.visualRect(index).left() - start if self.visualRect(index).isValid() else 0
            )
            widest = max(widest, indent + delegate.sizeHint(option, index).width())
        return widest

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        mid = item.data(COL_TITLE, ID_ROLE) if item is not None else None
        status = STATUS_KEYS.get(Qt.Key(event.key()))
        if status is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if mid:
                self.statusKeyPressed.emit(mid, status)
            event.accept()  # on a phase row a status key does nothing, not a type-ahead jump
            return
        if (
            mid
            and event.key() == Qt.Key.Key_Space
            and self.state() != QAbstractItemView.State.EditingState
        ):
            checked = item.checkState(COL_TITLE) == Qt.CheckState.Checked  # type: ignore[union-attr]
            item.setCheckState(  # type: ignore[union-attr]
                COL_TITLE, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
            )
            event.accept()
            return
        super().keyPressEvent(event)


class MilestonesPage(QWidget):
    """Milestones by phase; checking one marks it done today and is saved at once."""

    apprenticeRequested = Signal()  # "Apprentice evidence…" on the 'A removed' milestone

    def __init__(self, controller: PlannerController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._items: dict[str, QTreeWidgetItem] = {}
        self._phase_items: dict[int, QTreeWidgetItem] = {}
        self._reminder_groups: dict[int, QTreeWidgetItem] = {}  # phase -> its reminders' line
        self._shown: tuple[object, object] = (None, None)  # plan and milestones last shown
        self.setObjectName("milestonesPage")
        outer = QVBoxLayout(self)

        filters = QHBoxLayout()
        self.hide_closed = named(
            QCheckBox("Hi&de done and skipped"), "hideClosedMilestones", "Hide done and skipped"
        )
        self.hide_reminders = named(
            QCheckBox("Hide code-set and &CEU reminders"),
            "hideReminderMilestones",
            "Hide code-set and CEU reminders",
        )
        filters.addWidget(self.hide_closed)
        filters.addWidget(self.hide_reminders)
        filters.addStretch(1)
        outer.addLayout(filters)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("milestonesSplitter")
        splitter.setChildrenCollapsible(False)
        self.tree = named(
            MilestoneTree(),
            "milestoneTree",
            "Milestones by phase",
            "Check a milestone to mark it done today; double-click or F2 on the note to edit it",
        )
        self.tree.setColumnCount(len(HEADERS))
        self.tree.setHeaderLabels(list(HEADERS))
        self.tree.setItemDelegate(_NoteOnlyDelegate(self.tree))
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setWordWrap(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Interactive)
        for column in (COL_DUE, COL_STATUS, COL_DONE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        # a title too long for a narrow window ends in "…" (whole in its tooltip and the
        # details), and so does a long note
        self.tree.setProperty("elidedColumns", [COL_TITLE, COL_NOTE])
        header.sectionResized.connect(self._on_view_column_resized)
        self.tree.itemExpanded.connect(lambda _item: self.tree.fit_columns())
        self.tree.itemCollapsed.connect(lambda _item: self.tree.fit_columns())
        splitter.addWidget(self.tree)

        details = QGroupBox("Selected milestone")
        details.setObjectName("milestoneDetails")
        grid = QGridLayout(details)
        self.detail_title = plain_label("Select a milestone in the list.")
        self.detail_title.setObjectName("milestoneDetailTitle")
        self.detail_title.setWordWrap(True)
        bold = QFont(self.detail_title.font())
        bold.setBold(True)
        self.detail_title.setFont(bold)
        grid.addWidget(self.detail_title, 0, 0, 1, 4)
        self.detail_due = plain_label()
        self.detail_due.setObjectName("milestoneDetailDue")
        self.detail_kind = plain_label()
        self.detail_kind.setObjectName("milestoneDetailKind")
        self.detail_why = plain_label()
        self.detail_why.setObjectName("milestoneDetailWhy")
        self.detail_why.setWordWrap(True)
        self.detail_why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(self.detail_due, 1, 0, 1, 2)
        grid.addWidget(self.detail_kind, 1, 2, 1, 2)
        grid.addWidget(self.detail_why, 2, 0, 1, 4)
        self.detail_realities = RealitiesNote("milestoneRealities")
        self.detail_realities.set_realities(())
        grid.addWidget(scrolled(self.detail_realities, 3.5), 5, 0, 1, 4)
        self.status_combo = named(
            QComboBox(),
            "milestoneStatus",
            "Milestone status",
            "Not started, in progress, done or skipped; keys on the list: Space, D, P, S, N",
        )
        for status in MilestoneStatus:
            self.status_combo.addItem(
                status_icon(status, self.palette()), STATUS_TEXT[status], status.value
            )
        self.note_edit = named(
            QLineEdit(), "milestoneNote", "Milestone note", "Press Enter to keep the note"
        )
        self.note_edit.setPlaceholderText("Your note (press Enter to keep it)")
        self.note_edit.setClearButtonEnabled(True)
        grid.addWidget(buddy_label("S&tatus:", self.status_combo), 3, 0)
        grid.addWidget(self.status_combo, 3, 1)
        grid.addWidget(buddy_label("N&ote:", self.note_edit), 3, 2)
        grid.addWidget(self.note_edit, 3, 3)
        # backdating: the day a done milestone was really done (never after today)
        self.done_date = date_edit("milestoneDoneOn", "Day the milestone was done")
        self.done_date.setMaximumDate(to_qdate(controller.today))
        self.done_date.setToolTip("The day you really did it (not after today)")
        grid.addWidget(buddy_label("Done o&n:", self.done_date), 4, 0)
        grid.addWidget(self.done_date, 4, 1)
        self.apprentice_button = named(
            QPushButton("Apprentice evidence…"),
            "milestoneApprentice",
            "Apprentice evidence",
            "Tick the evidence for removing the 'A' and attach the letters; this date follows it",
        )
        self.apprentice_button.clicked.connect(self.apprenticeRequested)
        self.apprentice_button.hide()  # only on the 'A removed' milestone
        grid.addWidget(self.apprentice_button, 4, 2, 1, 2)
        grid.setColumnStretch(3, 1)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        outer.addWidget(splitter, 1)

        bottom = QHBoxLayout()
        self.summary = plain_label()
        self.summary.setObjectName("milestoneSummary")
        # the count stays on one line; the key list beside it wraps in a narrow window
        bottom.addWidget(self.summary)
        keys = note_label(
            "Keys: Space done / not done · D done · P in progress · S skip · N not started",
            "milestoneKeys",
        )
        keys.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bottom.addWidget(keys, 1)
        outer.addLayout(bottom)
        self._set_details_enabled(False)

        self.tree.itemChanged.connect(self._on_view_item_changed)
        self.tree.currentItemChanged.connect(self._on_view_current_changed)
        self.tree.statusKeyPressed.connect(self._on_view_status_key)
        self.tree.customContextMenuRequested.connect(self._on_view_context_menu)
        self.status_combo.activated.connect(self._on_view_status_chosen)
        self.note_edit.returnPressed.connect(self._on_view_note_entered)
        self.note_edit.editingFinished.connect(self._on_view_note_entered)
        self.done_date.editingFinished.connect(self._on_view_done_date)
        self.hide_closed.toggled.connect(self._apply_filters)
        self.hide_reminders.toggled.connect(self._apply_filters)
        controller.planChanged.connect(self._on_model_plan_changed)
        controller.profileChanged.connect(self._on_model_profile_changed)
        self._on_model_plan_changed(controller.plan)

    # ------------------------------------------------------------------ model → view

    def _on_model_plan_changed(self, plan: Plan) -> None:
        current = self.selected_milestone()
        scroll = self.tree.verticalScrollBar().value()
        with signals_blocked(self.tree):
            self.tree.clear()
            self._items.clear()
            self._phase_items.clear()
            self._reminder_groups.clear()
            bold = QFont(self.tree.font())
            bold.setBold(True)
            for phase in plan.phases:
                top = QTreeWidgetItem(self.tree)
                top.setFont(COL_TITLE, bold)
                top.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                top.setToolTip(COL_TITLE, phase.why)
                top.setFirstColumnSpanned(True)
                self._phase_items[phase.number] = top
                for milestone in phase.milestones:
                    if not milestone.is_reminder:
                        self._add_item(top, milestone)
                # recurring reminders: one collapsed line per phase, so the steps stay visible
                reminders = [m for m in phase.milestones if m.is_reminder]
                if reminders:
                    group = QTreeWidgetItem(top)
                    group.setText(COL_TITLE, reminder_group_title(reminders))
                    group.setToolTip(
                        COL_TITLE, "Expand to see each code-set update and CEU deadline"
                    )
                    group.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    group.setFirstColumnSpanned(True)
                    self._reminder_groups[phase.number] = group
                    for milestone in reminders:
                        self._add_item(group, milestone)
            self.tree.expandAll()
            for group in self._reminder_groups.values():
                group.setExpanded(False)
            self._refresh_statuses(self._controller.profile)
        self._apply_filters()
        self.tree.verticalScrollBar().setValue(scroll)
        if current is None or current not in self._items or self._items[current].isHidden():
            current = self._next_open(plan)
        if current is not None and not self._items[current].isHidden():
            self.select_milestone(current, focus=False)
        else:
            self._show_details(None)

    def _add_item(self, parent: QTreeWidgetItem, milestone: Milestone) -> None:
        item = QTreeWidgetItem(parent)
        item.setData(COL_TITLE, ID_ROLE, milestone.id)
        item.setText(COL_TITLE, milestone.title)
        item.setToolTip(COL_TITLE, with_glossary(f"{milestone.title}\n{milestone.why}"))
        item.setText(COL_DUE, fmt_date(milestone.due))
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsEditable
        )
        self._items[milestone.id] = item

    def reminder_group(self, phase_number: int) -> QTreeWidgetItem | None:
        """The collapsed line that holds a phase's recurring reminders."""
        return self._reminder_groups.get(phase_number)

    def _next_open(self, plan: Plan) -> str | None:
        """The first step (not a reminder) not done or skipped: what to look at next."""
        profile = self._controller.profile
        return next(
            (
                m.id
                for m in plan.milestones()
                if not m.is_reminder
                and profile.milestone_status(m.id)
                not in (MilestoneStatus.DONE, MilestoneStatus.SKIPPED)
            ),
            None,
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self._items:  # another theme
            with signals_blocked(self.tree):
                self._refresh_statuses(self._controller.profile)  # status colours and icons
            for index, status in enumerate(MilestoneStatus):
                self.status_combo.setItemIcon(index, status_icon(status, self.palette()))
        super().changeEvent(event)

    def _on_model_profile_changed(self, profile: Profile) -> None:
        plan, milestones = self._shown
        if plan is self._controller.plan and milestones is profile.milestones:
            return  # a change elsewhere in the profile (log, scores, inputs already shown)
        with signals_blocked(self.tree):
            self._refresh_statuses(profile)
        self._apply_filters()
        self._show_details(self.selected_milestone())

    def _refresh_statuses(self, profile: Profile) -> None:
        self._shown = (self._controller.plan, profile.milestones)
        palette = self.palette()  # the tree hears of a new palette after its page
        overdue_ids = set(self._controller.progress.overdue)
        for mid, item in self._items.items():
            progress = profile.milestones.get(mid)
            status = progress.status if progress is not None else MilestoneStatus.NOT_STARTED
            item.setCheckState(
                COL_TITLE,
                Qt.CheckState.Checked
                if status is MilestoneStatus.DONE
                else Qt.CheckState.Unchecked,
            )
            overdue = mid in overdue_ids
            text = STATUS_TEXT[status]
            item.setText(COL_STATUS, f"{OVERDUE_MARK} · {text}" if overdue else text)
            item.setToolTip(COL_STATUS, "Its date has passed; it is still open" if overdue else "")
            item.setIcon(COL_STATUS, status_icon(status, palette))
            item.setForeground(COL_STATUS, status_color(status, palette))
            item.setData(COL_STATUS, ID_ROLE, status.value)
            item.setText(COL_DONE, fmt_date(progress.done_on) if progress else "")
            note = progress.note if progress else ""
            shown = list_text(note)  # a long note is cut here, whole in the detail view
            item.setText(COL_NOTE, shown)
            item.setData(COL_NOTE, NOTE_ROLE, note)
            # the learner's own text, with the glossary's terms (of its first part, when long)
            tip = with_glossary(list_text(note, TOOLTIP_CHARS)) if note else ""
            item.setToolTip(COL_NOTE, literal_tooltip(tip))
        plan = self._controller.plan
        closed_states = (MilestoneStatus.DONE, MilestoneStatus.SKIPPED)
        for phase in plan.phases:
            top = self._phase_items.get(phase.number)
            if top is None:
                continue
            steps = [m for m in phase.milestones if not m.is_reminder]
            done = sum(1 for m in steps if profile.milestone_status(m.id) in closed_states)
            top.setText(
                COL_TITLE,
                f"Phase {phase.number} · {phase.name} · "
                f"{fmt_date(phase.start)} – {fmt_date(phase.end)} · "
                f"{done}/{len(steps)} done or skipped",
            )
        steps = [m for m in plan.milestones() if not m.is_reminder]
        done_total = sum(1 for m in steps if profile.milestone_status(m.id) is MilestoneStatus.DONE)
        self.summary.setText(f"{done_total} of {len(steps)} steps done (reminders not counted).")

    def _apply_filters(self) -> None:
        hide_closed = self.hide_closed.isChecked()
        hide_reminders = self.hide_reminders.isChecked()
        plan = self._controller.plan
        profile = self._controller.profile
        for milestone in plan.milestones():
            item = self._items.get(milestone.id)
            if item is None:
                continue
            closed = profile.milestone_status(milestone.id) in (
                MilestoneStatus.DONE,
                MilestoneStatus.SKIPPED,
            )
            item.setHidden(
                (hide_closed and closed) or (hide_reminders and milestone.kind in REMINDER_KINDS)
            )
        for group in self._reminder_groups.values():
            children = [group.child(i) for i in range(group.childCount())]
            group.setHidden(all(child is None or child.isHidden() for child in children))
        self.tree.fit_columns()

    # ------------------------------------------------------------------ selection and details

    def selected_milestone(self) -> str | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        mid = item.data(COL_TITLE, ID_ROLE)
        return str(mid) if mid else None

    def select_milestone(self, milestone_id: str, *, focus: bool = True) -> bool:
        """Make a milestone the current row (unhiding it if a filter hides it)."""
        item = self._items.get(milestone_id)
        if item is None:
            return False
        if item.isHidden():
            with signals_blocked(self.hide_closed, self.hide_reminders):
                self.hide_closed.setChecked(False)
                self.hide_reminders.setChecked(False)
            self._apply_filters()
        parent = item.parent()
        while parent is not None:
            parent.setHidden(False)
            parent.setExpanded(True)
            parent = parent.parent()
        self.tree.setCurrentItem(item, COL_TITLE)
        self.tree.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
        if focus:
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_details(milestone_id)
        return True

    def focus_first(self) -> None:
        """Focus the list on its current milestone, else the first one (Ctrl+2 lands here)."""
        item = self.tree.currentItem()
        if item is None or not item.data(COL_TITLE, ID_ROLE):
            first = next((i for i in self._items.values() if not i.isHidden()), None)
            if first is not None:
                parent = first.parent()
                if parent is not None:
                    parent.setExpanded(True)
                self.tree.setCurrentItem(first, COL_TITLE)
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def item_for(self, milestone_id: str) -> QTreeWidgetItem | None:
        return self._items.get(milestone_id)

    def phase_item(self, number: int) -> QTreeWidgetItem | None:
        return self._phase_items.get(number)

    def _current_phase(self) -> Phase | None:
        item = self.tree.currentItem()
        if item is None or item.parent() is not None:
            return None
        number = next((n for n, top in self._phase_items.items() if top is item), None)
        plan = self._controller.plan
        return plan.phases[number - 1] if number is not None else None

    def _set_details_enabled(self, enabled: bool) -> None:
        self.status_combo.setEnabled(enabled)
        self.note_edit.setEnabled(enabled)
        self.done_date.setEnabled(enabled and self._selected_done())

    def _selected_done(self) -> bool:
        mid = self.selected_milestone()
        return bool(mid) and (
            self._controller.profile.milestone_status(mid or "") is MilestoneStatus.DONE
        )

    def _show_details(self, milestone_id: str | None) -> None:
        milestone = self._controller.plan.milestone(milestone_id) if milestone_id else None
        self.apprentice_button.setVisible(
            milestone is not None and milestone.id == Step.APPRENTICE_REMOVED
        )
        if milestone is None:
            phase = self._current_phase()
            if phase is not None:
                self.detail_realities.set_realities(())
                self.detail_title.setText(f"Phase {phase.number}: {phase.name}")
                self.detail_due.setText(f"{fmt_date(phase.start)} – {fmt_date(phase.end)}")
                self.detail_kind.setText(f"{len(phase.milestones)} milestones")
                self.detail_why.setText(phase.why)
                self._set_details_enabled(False)
                return
            self.detail_realities.set_realities(())
            self.detail_title.setText("Select a milestone in the list.")
            for label in (self.detail_due, self.detail_kind, self.detail_why):
                label.setText("")
            with signals_blocked(self.note_edit):
                self.note_edit.setText("")
            self._set_details_enabled(False)
            return
        profile = self._controller.profile
        progress = profile.milestones.get(milestone.id)
        self.detail_title.setText(milestone.title)
        overdue = milestone.id in self._controller.progress.overdue
        self.detail_due.setText(
            f"Due {fmt_date(milestone.due)}" + (f" · {OVERDUE_MARK}" if overdue else "")
        )
        self.detail_kind.setText(milestone.kind.label)
        self.detail_why.setText(milestone.why)
        self.detail_why.setToolTip(glossary_tooltip(f"{milestone.title}\n{milestone.why}"))
        self.detail_realities.set_realities(
            realities_for(
                self._controller.plan,
                self._controller.catalog,
                place=Place.MILESTONES,
                milestone_id=milestone.id,
            )
        )
        status = profile.milestone_status(milestone.id)
        with signals_blocked(self.status_combo, self.note_edit):
            self.status_combo.setCurrentIndex(self.status_combo.findData(status.value))
            if not self.note_edit.hasFocus():
                self.note_edit.setText(progress.note if progress else "")
        with signals_blocked(self.done_date):
            done_on = progress.done_on if progress is not None else None
            self.done_date.setDate(to_qdate(done_on or self._controller.today))
        self._set_details_enabled(True)

    # ------------------------------------------------------------------ view → controller

    def _on_view_column_resized(self, column: int, _old: int, _new: int) -> None:
        if column != COL_TITLE:  # a date or status got wider: the title's room changed
            self.tree.fit_columns()

    def _on_view_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        mid = current.data(COL_TITLE, ID_ROLE) if current is not None else None
        self._show_details(str(mid) if mid else None)

    def _on_view_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        mid = item.data(COL_TITLE, ID_ROLE)
        if not mid:
            return
        if column == COL_TITLE:
            done = item.checkState(COL_TITLE) == Qt.CheckState.Checked
            was_done = self._controller.profile.milestone_status(mid) is MilestoneStatus.DONE
            if done != was_done:
                self._controller.set_milestone_done(mid, done)
        elif column == COL_NOTE:
            progress = self._controller.profile.milestones.get(mid)
            current = progress.note if progress is not None else ""
            whole = str(item.data(COL_NOTE, NOTE_ROLE) or "")
            if whole != current:  # the editor set the whole note
                self._controller.set_milestone_note(mid, whole.strip())
            elif item.text(COL_NOTE) != list_text(current):  # its text was set directly
                self._controller.set_milestone_note(mid, item.text(COL_NOTE).strip())

    def _on_view_status_key(self, milestone_id: str, status: object) -> None:
        if isinstance(status, MilestoneStatus):
            self._controller.set_milestone_status(milestone_id, status)

    def _on_view_status_chosen(self, index: int) -> None:
        mid = self.selected_milestone()
        value = self.status_combo.itemData(index)
        if mid and isinstance(value, str):
            self._controller.set_milestone_status(mid, MilestoneStatus(value))

    def _on_view_done_date(self) -> None:
        mid = self.selected_milestone()
        if mid and self._selected_done():
            self._controller.set_milestone_done_on(mid, from_qdate(self.done_date.date()))

    def _on_view_note_entered(self) -> None:
        mid = self.selected_milestone()
        if mid:
            self._controller.set_milestone_note(mid, self.note_edit.text().strip())

    def _on_view_context_menu(self, pos: QPoint) -> None:
        mid = self.selected_milestone()
        if not mid:
            return
        menu = QMenu(self)
        menu.setObjectName("milestoneContextMenu")
        for status in MilestoneStatus:
            action = QAction(status_icon(status, self.palette()), STATUS_TEXT[status], menu)
            action.triggered.connect(
                lambda _checked=False, s=status, m=mid: self._controller.set_milestone_status(m, s)
            )
            menu.addAction(action)
        menu.addSeparator()
        edit = menu.addAction("Edit note")
        edit.triggered.connect(lambda: self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason))
        menu.popup(self.tree.viewport().mapToGlobal(pos))
