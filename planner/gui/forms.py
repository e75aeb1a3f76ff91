"""Editors for the plan-input fields, built from the one field table for wizard and settings."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from enum import Enum
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QEvent, QLocale, QObject, QRegularExpression, Qt
from PySide6.QtGui import QFont, QKeyEvent, QRegularExpressionValidator, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from planner.core.catalog import Catalog
from planner.core.inputs import PlanInputs
from planner.gui import dialogs
from planner.gui.input_fields import (
    DATE_RANGE,
    FIELDS,
    MONEY_LIMIT,
    AmbiguousMoney,
    InputField,
    Kind,
    OptionGroup,
    money_text,
    parse_money,
)
from planner.gui.number_input import NumberSpin, problem_label, show_problem, with_problem
from planner.gui.widgets import (
    CHOICE_HELP,
    DATE_HELP,
    LIST_HELP,
    NUMBER_HELP,
    buddy_label,
    from_qdate,
    named,
    note_label,
    plain_label,
    to_qdate,
)

ID_ROLE = Qt.ItemDataRole.UserRole
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


class Style(Enum):
    """How a choice is shown: a drop-down where room is short, all at once in the wizard."""

    COMBO = "combo"
    RADIOS = "radios"
    DESCRIBED_RADIOS = "radios, each with its description under it"
    LIST = "list"


# ---------------------------------------------------------------------- editors


class Editor(ABC):
    """The widgets of one field: ``widget`` takes the focus, ``row`` goes into the form."""

    widget: QWidget
    row: QWidget

    @abstractmethod
    def value(self) -> Any:
        """What the editor holds (ValueError when it cannot be read)."""

    @abstractmethod
    def show(self, value: Any) -> None:
        """Show ``value``; the caller blocks the change signals if it must."""

    @abstractmethod
    def on_change(self, slot: Callable[[], None]) -> None:
        """Call ``slot`` when the user has changed the value."""

    def signal_sources(self) -> tuple[QWidget, ...]:
        return (self.widget,)


class ChoiceEditor(Editor):
    """A choice among options in groups (the headings cannot be chosen)."""

    @abstractmethod
    def fill(self, groups: Sequence[OptionGroup]) -> None:
        """Offer these options instead of the present ones."""


class ComboChoice(ChoiceEditor):
    def __init__(self, combo: QComboBox) -> None:
        self.widget = self.row = self.combo = combo

    def fill(self, groups: Sequence[OptionGroup]) -> None:
        combo = self.combo
        combo.clear()
        model = combo.model()
        for group in groups:
            if group.heading:
                combo.addItem(f"— {group.heading} —", None)
                heading = (
                    model.item(combo.count() - 1) if isinstance(model, QStandardItemModel) else None
                )
                if heading is not None:
                    heading.setEnabled(False)
            for option in group.options:
                combo.addItem(option.short, option.value)
                if option.description:
                    combo.setItemData(
                        combo.count() - 1, option.description, Qt.ItemDataRole.ToolTipRole
                    )

    def value(self) -> Any:
        return self.combo.currentData()

    def show(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index >= 0:
            self.combo.setCurrentIndex(index)

    def on_change(self, slot: Callable[[], None]) -> None:
        self.combo.currentIndexChanged.connect(lambda _index: slot())


class KeyFilter(QObject):
    """Hands key presses to ``handle``; it returns True for the keys it has dealt with."""

    def __init__(self, parent: QObject, handle: Callable[[QObject, QKeyEvent], bool]) -> None:
        super().__init__(parent)
        self._handle = handle

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._handle(watched, event)
        return False


class ListChoice(ChoiceEditor):
    """Every option on screen at once, with bold headings (Home and End skip the headings)."""

    def __init__(self, listing: QListWidget) -> None:
        self.widget = self.row = self.list = listing
        listing.setAlternatingRowColors(True)
        listing.installEventFilter(KeyFilter(listing, self._on_key))

    def _on_key(self, _watched: QObject, event: QKeyEvent) -> bool:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        rows = range(self.list.count())
        if event.key() == Qt.Key.Key_Home:
            wanted = list(rows)
        elif event.key() == Qt.Key.Key_End:
            wanted = list(reversed(rows))
        else:
            return False
        for row in wanted:
            item = self.list.item(row)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsSelectable:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                return True
        return False

    def fill(self, groups: Sequence[OptionGroup]) -> None:
        self.list.clear()
        bold = QFont(self.list.font())
        bold.setBold(True)
        for group in groups:
            if group.heading:
                head = QListWidgetItem(group.heading)
                head.setFlags(Qt.ItemFlag.NoItemFlags)
                head.setFont(bold)
                self.list.addItem(head)
            for option in group.options:
                item = QListWidgetItem(option.text)
                item.setData(ID_ROLE, option.value)
                item.setToolTip(option.description)
                self.list.addItem(item)

    def value(self) -> Any:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def show(self, value: Any) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None and value is not None and item.data(ID_ROLE) == value:
                self.list.setCurrentItem(item)
                return

    def on_change(self, slot: Callable[[], None]) -> None:
        self.list.currentItemChanged.connect(lambda *_args: slot())


class RadioChoice(ChoiceEditor):
    """One radio button per option; ``described`` adds each description under its button."""

    def __init__(self, object_name: str, *, described: bool = False) -> None:
        self.row = QWidget()
        self._layout = QVBoxLayout(self.row)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._object_name = object_name
        self._described = described
        self.group = QButtonGroup(self.row)
        self.buttons: dict[str, QRadioButton] = {}
        self.widget = self.row
        self._arrows = KeyFilter(self.row, self._on_key)

    def _on_key(self, watched: QObject, event: QKeyEvent) -> bool:
        """Arrow keys choose the next or previous option, as in every radio group."""
        steps = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Left: -1,
        }
        step = steps.get(Qt.Key(event.key()))
        buttons = list(self.buttons.values())
        if step is None or watched not in buttons:
            return False
        index = buttons.index(watched)
        target = buttons[(index + step) % len(buttons)]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        target.setChecked(True)
        return True

    def fill(self, groups: Sequence[OptionGroup]) -> None:
        for option in (option for group in groups for option in group.options):
            value = str(option.value)
            button = named(
                QRadioButton(option.text),
                f"{self._object_name}_{value}",
                option.accessible or option.text,
                option.description,
            )
            self.group.addButton(button)
            button.installEventFilter(self._arrows)
            self.buttons[value] = button
            self._layout.addWidget(button)
            if self._described:
                bold = QFont(button.font())
                bold.setBold(True)
                button.setFont(bold)
                note = note_label(option.description)
                note.setContentsMargins(24, 0, 0, 8)
                self._layout.addWidget(note)
        if self.buttons:
            self.widget = next(iter(self.buttons.values()))

    def value(self) -> Any:
        return next((value for value, b in self.buttons.items() if b.isChecked()), None)

    def show(self, value: Any) -> None:
        button = self.buttons.get(str(value))
        if button is not None:
            button.setChecked(True)

    def on_change(self, slot: Callable[[], None]) -> None:
        for button in self.buttons.values():
            button.toggled.connect(lambda _checked: slot())


class DateField(Editor):
    def __init__(self, edit: QDateEdit) -> None:
        self.widget = self.edit = edit
        self.row = left_aligned(edit)

    def value(self) -> date:
        return from_qdate(self.edit.date())

    def show(self, value: date) -> None:
        self.edit.setDate(to_qdate(value))

    def on_change(self, slot: Callable[[], None]) -> None:
        self.edit.dateChanged.connect(lambda _value: slot())


class HoursField(Editor):
    """Hours per week; a number out of range is moved into it with a message beside the field."""

    def __init__(self, spin: NumberSpin) -> None:
        self.widget = self.spin = spin
        self.problem = problem_label(f"{spin.objectName()}Problem")
        self.row = with_problem(spin, self.problem)

    def value(self) -> float:
        return self.spin.checked_value()

    def show(self, value: float) -> None:
        self.spin.setValue(value)

    def on_change(self, slot: Callable[[], None]) -> None:
        self.spin.valueChanged.connect(lambda _value: slot())


class TextField(Editor):
    """A line of text; what is being typed is not replaced from the model."""

    def __init__(self, edit: QLineEdit) -> None:
        self.widget = self.row = self.edit = edit

    def value(self) -> Any:
        return self.edit.text().strip()

    def show(self, value: Any) -> None:
        if not self.edit.hasFocus():
            self.edit.setText(str(value))

    def on_change(self, slot: Callable[[], None]) -> None:
        self.edit.editingFinished.connect(slot)


def money_asking(
    text: str, parent: QWidget | None, parse: Callable[[str], float | None]
) -> tuple[float | None, str]:
    """``parse(text)`` and the text read; an ambiguous grouping ('32.000' in the US) is asked
    about, and the chosen reading is the text read. Raises AmbiguousMoney when the question is
    cancelled, ValueError for text that is no amount."""
    try:
        return parse(text), text
    except AmbiguousMoney as unclear:
        chosen = dialogs.ask_money_reading(parent, unclear.text, unclear.readings)
        if chosen is None:
            raise
        written = next(reading for amount, reading in unclear.readings if amount == chosen)
        return parse(written), written


class MoneyField(TextField):
    """A dollar amount up to ``limit``, or nothing (empty means "not set").

    Separators follow ``locale``; any typed character stays on screen, and an amount that
    cannot be read keeps its text with the reason beside the field.
    """

    def __init__(self, edit: QLineEdit, limit: float, locale: QLocale | None = None) -> None:
        super().__init__(edit)
        self.limit = limit
        locale = locale or QLocale()
        self.group = locale.groupSeparator() or ","
        self.decimal = locale.decimalPoint() or "."
        pattern = QRegularExpression(r"^[\s$0-9.,'\x{a0}\x{202f}]{0,24}$")
        edit.setValidator(QRegularExpressionValidator(pattern, edit))
        edit.setClearButtonEnabled(True)
        self.problem = problem_label(f"{edit.objectName()}Problem")
        self.row = QWidget()
        column = QVBoxLayout(self.row)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(edit)
        column.addWidget(self.problem)
        edit.textEdited.connect(lambda _text: show_problem(self.problem, ""))

    def value(self) -> float | None:
        try:
            value = self._parsed()
        except ValueError as exc:
            text = str(exc)
            show_problem(self.problem, text if text.startswith("“") else f"Amount {text}.")
            raise
        show_problem(self.problem, "")
        return value

    def _parsed(self) -> float | None:
        """The amount typed; an ambiguous grouping ('32.000' in the US) is asked about."""
        typed = self.edit.text()
        value, read = money_asking(
            typed,
            self.edit.window(),
            lambda text: parse_money(text, self.limit, group=self.group, decimal=self.decimal),
        )
        if read != typed:
            self.edit.setText(read)  # what is committed is what the field shows
        return value

    def show(self, value: Any) -> None:
        if not self.problem.text():  # a refused amount stays on screen until it is edited
            super().show(money_text(value, self.group))


class OptionalDateField(Editor):
    """A check box that turns a date on, and the date."""

    def __init__(self, check: QCheckBox, edit: QDateEdit) -> None:
        self.widget = self.check = check
        self.edit = edit
        self.row = QWidget()
        layout = QHBoxLayout(self.row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(check)
        layout.addWidget(edit)
        layout.addStretch(1)
        check.toggled.connect(edit.setEnabled)
        edit.setEnabled(False)

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def show(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        if value is not None:
            self.edit.setDate(to_qdate(value))

    def suggest(self, value: date) -> None:
        """The date offered when the check box is ticked (the planned exam date)."""
        if not self.check.isChecked():
            self.edit.setDate(to_qdate(value))

    def on_change(self, slot: Callable[[], None]) -> None:
        self.check.toggled.connect(lambda _checked: slot())
        self.edit.dateChanged.connect(lambda _value: slot())

    def signal_sources(self) -> tuple[QWidget, ...]:
        return (self.check, self.edit)


def date_edit(
    object_name: str, accessible: str, bounds: tuple[date, date] = DATE_RANGE
) -> QDateEdit:
    """A date picker limited to ``bounds`` (by default the years a profile accepts)."""
    edit = named(QDateEdit(), object_name, accessible, DATE_HELP)
    edit.setLocale(ENGLISH)  # month names as everywhere else in the app, whatever the locale
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("MMM d, yyyy")
    edit.setDateRange(to_qdate(bounds[0]), to_qdate(bounds[1]))
    return edit


def _hours_spin(object_name: str, field: InputField) -> NumberSpin:
    spin = named(NumberSpin(field.what, " h/week"), object_name, field.accessible)
    low, high = field.bounds or (0, 168)
    spin.setRange(low, high)
    spin.setSingleStep(0.5)
    spin.setDecimals(1)
    spin.setSuffix(" h/week")
    spin.setKeyboardTracking(False)  # one change when the number is complete, not per key
    return spin


def make_editor(
    field: InputField, prefix: str, catalog: Catalog, style: Style = Style.COMBO
) -> Editor:
    """The editor for ``field``, its widgets named ``<prefix><suffix>`` (e.g. settingsHours)."""
    object_name = f"{prefix}{field.suffix}"
    editor: Editor
    if field.kind is Kind.CHOICE:
        if style in (Style.RADIOS, Style.DESCRIBED_RADIOS):
            editor = RadioChoice(object_name, described=style is Style.DESCRIBED_RADIOS)
        elif style is Style.LIST:
            editor = ListChoice(named(QListWidget(), object_name, field.accessible))
        else:
            editor = ComboChoice(named(QComboBox(), object_name, field.accessible))
    elif field.kind is Kind.DATE:
        editor = DateField(date_edit(object_name, field.accessible, field.bounds or DATE_RANGE))
    elif field.kind is Kind.HOURS:
        editor = HoursField(_hours_spin(object_name, field))
    elif field.kind is Kind.MONEY:
        edit = named(QLineEdit(), object_name, field.accessible)
        edit.setPlaceholderText(field.placeholder)
        editor = MoneyField(edit, (field.bounds or (0, MONEY_LIMIT))[1])
    elif field.kind is Kind.OPTIONAL_DATE:
        check = named(
            QCheckBox(field.toggle),
            f"{prefix}Has{field.suffix}",
            f"Use a {field.accessible.lower()}",
        )
        edit_date = date_edit(object_name, field.accessible, field.bounds or DATE_RANGE)
        editor = OptionalDateField(check, edit_date)
    else:
        edit = named(QLineEdit(), object_name, field.accessible)
        edit.setPlaceholderText(field.placeholder)
        if field.max_length:
            edit.setMaxLength(field.max_length)
        editor = TextField(edit)
    if field.note:
        editor.widget.setToolTip(field.note)
        editor.widget.setAccessibleDescription(field.note)
    elif not editor.widget.accessibleDescription():
        usage = {Kind.CHOICE: CHOICE_HELP, Kind.HOURS: NUMBER_HELP}.get(field.kind, "")
        editor.widget.setAccessibleDescription(
            LIST_HELP if isinstance(editor.widget, QListWidget) else usage
        )
    if isinstance(editor, ChoiceEditor) and field.options is not None:
        editor.fill(field.options(catalog, ""))
    return editor


def add_fields(
    form: QFormLayout,
    prefix: str,
    catalog: Catalog,
    wanted: Sequence[InputField],
    *,
    styles: Mapping[InputField, Style] | None = None,
    notes: Mapping[InputField, QLabel] | None = None,
) -> dict[InputField, Editor]:
    """A form row for each wanted field, in order; the editors by field."""
    editors = {}
    for field in wanted:
        editor = make_editor(field, prefix, catalog, (styles or {}).get(field, Style.COMBO))
        add_row(form, field, editor, (notes or {}).get(field))
        editors[field] = editor
    return editors


def add_row(
    form: QFormLayout, field: InputField, editor: Editor, note: QLabel | None = None
) -> None:
    """The field's label (Alt+letter moves to the editor), the editor, and its help below."""
    if note is None and field.note:
        note = note_label(field.note)
    has_mnemonic = "&" in field.label
    label = buddy_label(field.label, editor.widget) if has_mnemonic else plain_label(field.label)
    form.addRow(label, with_note(editor.row, note) if note is not None else editor.row)


class FieldProblem(ValueError):
    """A field's value cannot be used; the text names the field."""


def read_value(field: InputField, editor: Editor) -> Any:
    """The editor's value as PlanInputs holds it; FieldProblem with a readable message."""
    try:
        value = editor.value()
    except ValueError as exc:
        raise FieldProblem(f"{field.what} {exc}") from exc
    if value is None:
        if field.required:
            raise FieldProblem(f"Please choose a {field.what.lower()}.")
        return None
    return field.to_inputs(value)


def read_inputs(
    editors: Mapping[InputField, Editor],
    others: Mapping[str, Any],
    describe: Callable[[ValidationError], str],
) -> PlanInputs:
    """PlanInputs from the editors plus ``others`` (inputs this form does not show)."""
    values = dict(others)
    for field in FIELDS:
        if field in editors and field.in_inputs:
            values[field.key] = read_value(field, editors[field])
    try:
        return PlanInputs.model_validate(values)
    except ValidationError as exc:
        raise FieldProblem(describe(exc)) from exc


def show_inputs(
    editors: Mapping[InputField, Editor], catalog: Catalog, inputs: PlanInputs, name: str
) -> None:
    """Show ``inputs`` and ``name`` (the specialties offered follow the certification)."""
    for field, editor in editors.items():
        if isinstance(editor, ChoiceEditor) and field.follows_certification and field.options:
            editor.fill(field.options(catalog, inputs.certification))
        value = name if not field.in_inputs else getattr(inputs, field.key)
        editor.show(field.from_inputs(value) if value is not None else None)


def editor_widgets(editors: Iterable[Editor]) -> tuple[QWidget, ...]:
    return tuple(widget for editor in editors for widget in editor.signal_sources())


def with_note(field: QWidget, note: QLabel) -> QWidget:
    """A field with its explanation right under it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(note)
    return box


def left_aligned(field: QWidget) -> QWidget:
    """A field at its natural width, not stretched across the form."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field)
    layout.addStretch(1)
    return box
