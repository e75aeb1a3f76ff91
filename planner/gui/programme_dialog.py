"""The programme check dialog: tick what a school showed you, see what to ask, use its price."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from planner.core.programme_check import (
    CheckRules,
    ProgrammeCheck,
    check_programme,
    load_check_rules,
)
from planner.gui.controller import PlannerController
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

NEW_PROGRAMME = "New programme…"


class ProgrammeDialog(QDialog):
    """One programme at a time; saved checks are kept in the profile through the controller."""

    def __init__(
        self,
        controller: PlannerController,
        parent: QWidget | None = None,
        *,
        rules: CheckRules | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("programmeDialog")
        self.setWindowTitle("Check a training programme – Coding Path Planner")
        self.setAccessibleName("Check a training programme")
        self._controller = controller
        catalog = controller.catalog
        self._catalog = catalog
        self._rules = rules or load_check_rules(catalog)

        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(
            note_label(
                "Before you pay: tick what the school has shown you. The result lists what to "
                "ask and what is missing; the price is compared with the sourced range.",
                "programmeIntro",
            )
        )
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.saved = named(
            QComboBox(),
            "programmeSaved",
            "Checked programmes",
            "A programme you checked before, or a new one",
        )
        form.addRow(buddy_label("C&hecked:", self.saved), self.saved)
        self.name = named(QLineEdit(), "programmeName", "Programme name")
        self.name.setPlaceholderText("e.g. Valley College coding certificate")
        form.addRow(buddy_label("&Name:", self.name), self.name)
        self.target = named(
            QComboBox(),
            "programmeTarget",
            "Certification it prepares for",
            "The certification exam the programme prepares for",
        )
        targets = [c.id for c in catalog.targets()]
        targets += [c for c in ("RHIA",) if c in catalog.certifications and c not in targets]
        for cert_id in targets:
            self.target.addItem(f"{cert_id} – {catalog.certifications[cert_id].name}", cert_id)
        form.addRow(buddy_label("&Target:", self.target), self.target)
        self.price = named(QLineEdit(), "programmePrice", "Total price in dollars")
        self.price.setPlaceholderText("total, e.g. $3,200")
        form.addRow(buddy_label("&Price:", self.price), self.price)
        self.notes = named(QPlainTextEdit(), "programmeNotes", "Notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 4)
        form.addRow(buddy_label("N&otes:", self.notes), self.notes)
        column.addLayout(form)

        self.boxes: dict[str, QCheckBox] = {}
        items = [(i.id, i.label) for i in self._rules.items]
        flags = [(f.id, f.label) for f in self._rules.red_flags]
        shown = check_box_group(
            "What the school showed you", "programmeItems", items, "programmeItem_", self.boxes
        )
        noticed = check_box_group(
            "Red flags you noticed", "programmeFlags", flags, "programmeFlag_", self.boxes
        )
        column.addWidget(shown)
        column.addWidget(noticed)
        column.addStretch(1)
        scroll = frameless_scroll(left)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(left.sizeHint().width() + bar)  # the ticks are never cut off

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(plain_label("What to ask the school", "programmeResultTitle"))
        self.result_view = read_only_text("programmeResult", "Programme check result")
        right_layout.addWidget(self.result_view, 1)

        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)

        self.error = plain_label("", "programmeError")
        self.error.setWordWrap(True)
        buttons = QHBoxLayout()
        self.save_button = named(QPushButton("&Save"), "programmeSave", "Save this check")
        self.use_button = named(
            QPushButton("&Use this programme"),
            "programmeUse",
            "Use this programme's price as the plan's training cost",
        )
        close = named(QPushButton("C&lose"), "programmeClose", "Close")
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.use_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self.save)
        self.use_button.clicked.connect(self.use_programme)
        close.clicked.connect(self.accept)
        self.saved.currentIndexChanged.connect(self._on_saved_chosen)
        self.target.currentIndexChanged.connect(self.refresh)
        self.name.textChanged.connect(self.refresh)
        self.price.textChanged.connect(self.refresh)
        for box in self.boxes.values():
            box.toggled.connect(self.refresh)
        self._fill_saved()
        self._show_target(controller.profile.inputs.certification)
        self.refresh()
        self.resize(size_in_lines(self, 76, 50))

    # ------------------------------------------------------------------ saved checks

    def _fill_saved(self, select: str | None = None) -> None:
        self.saved.blockSignals(True)
        self.saved.clear()
        self.saved.addItem(NEW_PROGRAMME, None)
        for check in self._controller.profile.programme_checks:
            self.saved.addItem(check.name, check.name)
        index = self.saved.findData(select) if select is not None else 0
        self.saved.setCurrentIndex(max(index, 0))
        self.saved.blockSignals(False)

    def _on_saved_chosen(self) -> None:
        name = self.saved.currentData()
        check = next((c for c in self._controller.profile.programme_checks if c.name == name), None)
        self.show_check(check)

    def show_check(self, check: ProgrammeCheck | None) -> None:
        """Show a saved check (None: an empty new one)."""
        self.name.setText(check.name if check else "")
        self._show_target(check.target if check else self._controller.profile.inputs.certification)
        self.price.setText("" if check is None or check.price is None else f"${check.price:,.0f}")
        self.notes.setPlainText(check.notes if check else "")
        for item_id, box in self.boxes.items():
            box.setChecked(bool(check and check.is_ticked(item_id)))
        self.refresh()

    def _show_target(self, cert_id: str) -> None:
        index = self.target.findData(cert_id)
        self.target.setCurrentIndex(max(index, 0))

    # ------------------------------------------------------------------ reading and result

    def current_check(self) -> ProgrammeCheck:
        """The check as filled in; ValueError with a readable message when it cannot be one."""
        name = self.name.text().strip()
        if not name:
            raise ValueError("Give the programme a name first.")
        try:
            price = parse_money(self.price.text())
        except ValueError:
            raise ValueError(
                f"The price '{self.price.text()}' is not an amount in dollars."
            ) from None
        target = str(self.target.currentData())
        applicable = {i.id for i in self._rules.items if i.applies(target)}
        applicable |= {f.id for f in self._rules.red_flags}
        return ProgrammeCheck(
            name=name,
            target=target,
            price=price,
            notes=self.notes.toPlainText(),
            ticked={
                k: True for k, box in self.boxes.items() if box.isChecked() and k in applicable
            },
        )

    def refresh(self) -> None:
        """Show only the items that matter for the target, and the result so far."""
        target = str(self.target.currentData())
        for item in self._rules.items:
            self.boxes[item.id].setVisible(item.applies(target))
        try:
            check = self.current_check()
        except ValueError as exc:
            self.error.setText(f"⚠ {exc}" if self.name.text().strip() else "")
            self.result_view.setPlainText(
                "Name the programme, tick what the school showed you, and enter its price."
            )
            return
        self.error.setText("")
        self.result_view.setPlainText(check_programme(check, self._catalog, self._rules).text())

    def _check_or_say_why(self) -> ProgrammeCheck | None:
        try:
            return self.current_check()
        except ValueError as exc:
            self.error.setText(f"⚠ {exc}")
            return None

    def save(self) -> bool:
        """Keep this check in the profile (one undo step)."""
        check = self._check_or_say_why()
        if check is None:
            return False
        saved = self._controller.save_programme_check(check)
        self._fill_saved(select=check.name)
        self.error.setText(f"Saved the check of {check.name}." if saved else "")
        return saved

    def use_programme(self) -> bool:
        """Save the check and make its price the plan's training cost (undoable)."""
        check = self._check_or_say_why()
        if check is None:
            return False
        if check.price is None:
            self.error.setText("⚠ Enter the programme's total price first.")
            self.price.setFocus()
            return False
        self._controller.save_programme_check(check)
        self._fill_saved(select=check.name)
        used = self._controller.use_programme_price(check)
        if used:
            self.error.setText(f"The plan now uses ${check.price:,.0f} for the training programme.")
        return used
