"""Number fields that commit what they show: out-of-range text gets a message, no silent revert."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QHBoxLayout, QLabel, QWidget

from planner.gui.widgets import plain_label


class NumberSpin(QDoubleSpinBox):
    """A spin box whose typed text is read as the user sees it.

    Qt drops a key that makes the number too large and, on leaving the field, puts the previous
    value back for a number that is too small. Here the typed number stays on screen; leaving
    the field moves it to the nearest allowed value and says so in ``problemChanged``, and
    ``checked_value()`` refuses (ValueError) a number that is out of range or was just moved.
    """

    problemChanged = Signal(str)

    def __init__(self, what: str, unit: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._what = what  # "Hours" in "Hours must be between …"
        self._unit = unit  # " h" after numbers in messages
        self._moved = False  # the last focus-out moved the number into range
        self.problem = ""
        self.setCorrectionMode(QDoubleSpinBox.CorrectionMode.CorrectToNearestValue)
        self.lineEdit().textEdited.connect(self._on_edited)

    # ------------------------------------------------------------------ reading

    def typed_number(self) -> float | None:
        """The number in the field as typed (None when it is not a number)."""
        text = self.cleanText().strip()
        number, ok = self.locale().toDouble(text)
        if not ok:
            number, ok = QLocale.c().toDouble(text)
        return float(number) if ok else None

    def number_text(self, value: float) -> str:
        """``value`` as the field's locale writes it, without trailing zeros ('0,25', '24')."""
        locale = self.locale()
        text = locale.toString(float(value), "f", self.decimals())
        point = locale.decimalPoint()
        if point in text:
            text = text.rstrip("0").removesuffix(point)
        return text

    def range_text(self) -> str:
        low, high = self.number_text(self.minimum()), self.number_text(self.maximum())
        return f"between {low} and {high}{self._unit}"

    def checked_value(self, *, refuse_moved: bool = False) -> float:
        """The number shown, committed; ValueError (a readable reason) when it cannot be used.

        ``refuse_moved``: also refuse, once, a number that leaving the field has just moved
        into range (a button pressed with the mouse takes the focus before it acts).
        """
        if self._moved and refuse_moved:
            self._moved = False
            raise ValueError(self.problem)
        number = self.typed_number()
        if number is None:
            self._say(f"{self._what} must be a number {self.range_text()}.")
            raise ValueError(self.problem)
        if not self.minimum() <= round(number, self.decimals()) <= self.maximum():
            self._say(
                f"{self._what} must be {self.range_text()}; {self.number_text(number)} is not."
            )
            raise ValueError(self.problem)
        self.setValue(number)
        if not self._moved:  # a message about a moved number stays until the next edit
            self._say("")
        return self.value()

    # ------------------------------------------------------------------ Qt hooks

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        state, text, pos = super().validate(text, pos)
        if state == QValidator.State.Invalid and self._is_number(text):
            return (QValidator.State.Intermediate, text, pos)  # keep the key; say so later
        return (state, text, pos)

    def fixup(self, text: str) -> str:
        """Called when the field is left with a number out of range: moved to the nearest, said."""
        number = self._number_in(text)
        if number is not None:
            nearest = min(max(number, self.minimum()), self.maximum())
            self._moved = True
            self._say(
                f"{self._what} must be {self.range_text()}: {self.number_text(number)} was "
                f"changed to {self.number_text(nearest)}."
            )
            # Qt's own correction bounds 0, not the typed number (300 in 0-100 would become 0)
            return f"{self.prefix()}{self.textFromValue(nearest)}{self.suffix()}"
        return text

    # ------------------------------------------------------------------ helpers

    def _on_edited(self, _text: str) -> None:
        self._moved = False
        number = self.typed_number()
        inside = number is not None and self.minimum() <= number <= self.maximum()
        self._say("" if inside else self.problem)

    def _number_in(self, text: str) -> float | None:
        inner = text
        if self.prefix() and inner.startswith(self.prefix()):
            inner = inner[len(self.prefix()) :]
        if self.suffix() and inner.endswith(self.suffix()):
            inner = inner[: -len(self.suffix())]
        number, ok = self.locale().toDouble(inner.strip())
        return float(number) if ok else None

    def _is_number(self, text: str) -> bool:
        return self._number_in(text) is not None

    def _say(self, problem: str) -> None:
        if problem != self.problem:
            self.problem = problem
            self.problemChanged.emit(problem)


def problem_label(object_name: str) -> QLabel:
    """A label for a field's problem, shown only while there is one."""
    label = plain_label("", object_name)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def show_problem(label: QLabel, problem: str) -> None:
    label.setText(f"⚠ {problem}" if problem else "")
    label.setVisible(bool(problem))


def with_problem(field: QWidget, label: QLabel) -> QWidget:
    """The field at its natural width with its problem message right beside it."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field)
    layout.addWidget(label, 10)
    layout.addStretch(1)  # the field keeps its natural width while there is no message
    if isinstance(field, NumberSpin):
        field.problemChanged.connect(lambda problem: show_problem(label, problem))
    return box


class AppUndoInSpinBoxes(QObject):
    """Ctrl+Z / Ctrl+Shift+Z in a spin box undo the last action, not the typed digits.

    A spin box's text undo is of little use and hides the app's Undo; letting the shortcut
    through makes Ctrl+Z mean the same everywhere but in free-text fields.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            event.ignore()
            return True  # the spin box never sees it, so the window's shortcut runs
        return False

    def watch(self, root: QWidget) -> None:
        """Install on every spin box and date field under ``root``."""
        for spin in root.findChildren(QAbstractSpinBox):
            spin.installEventFilter(self)
