"""Small shared pieces of the GUI: naming for accessibility, date/money text, status icons."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, QObject, QPoint, QPointF, QRect, QRectF, QSignalBlocker, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QLabel,
    QLayout,
    QLayoutItem,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from planner.core.dates import format_date
from planner.core.profile import MilestoneStatus

W = TypeVar("W", bound=QWidget)

# how to work the common inputs, for screen readers (their accessible description)
DATE_HELP = "Type a date, or press Alt+Down to pick it from a calendar"
NUMBER_HELP = "Type a number, or change it with the Up and Down arrow keys"
CHOICE_HELP = "Press Alt+Down to open the list of choices"
LIST_HELP = "The arrow keys move between the entries"


STATUS_TEXT = {
    MilestoneStatus.NOT_STARTED: "Not started",
    MilestoneStatus.IN_PROGRESS: "In progress",
    MilestoneStatus.DONE: "Done",
    MilestoneStatus.SKIPPED: "Skipped",
}
STATUS_SYMBOL = {
    MilestoneStatus.NOT_STARTED: "○",
    MilestoneStatus.IN_PROGRESS: "◐",
    MilestoneStatus.DONE: "✓",
    MilestoneStatus.SKIPPED: "–",
}
# Hues that read as text (WCAG AA) on a light background, and their twins for a dark one;
# every status also has its own icon and text.
STATUS_COLOR = {
    MilestoneStatus.NOT_STARTED: None,  # the palette's text colour
    MilestoneStatus.IN_PROGRESS: "#8a5300",
    MilestoneStatus.DONE: "#1e6b30",
    MilestoneStatus.SKIPPED: "#616161",
}
STATUS_COLOR_DARK = {
    MilestoneStatus.NOT_STARTED: None,
    MilestoneStatus.IN_PROGRESS: "#f0a848",
    MilestoneStatus.DONE: "#6fcf87",
    MilestoneStatus.SKIPPED: "#a8a8a8",
}


def named(widget: W, object_name: str, accessible_name: str, description: str = "") -> W:
    """Give a widget the object name tests use and the name a screen reader reads."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def plain_label(text: str = "", object_name: str = "") -> QLabel:
    """A label that shows its text as it is, never as HTML (names, notes, paths stay inert)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if object_name:
        label.setObjectName(object_name)
    return label


def buddy_label(text: str, buddy: QWidget, object_name: str = "") -> QLabel:
    """A label with a mnemonic that moves focus to ``buddy`` (Alt+letter)."""
    label = plain_label(text, object_name)
    label.setBuddy(buddy)
    return label


def note_label(text: str, object_name: str = "") -> QLabel:
    """Secondary, wrapping explanatory text in the palette's placeholder colour."""
    label = plain_label(text, object_name)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def read_only_text(object_name: str, accessible_name: str) -> QPlainTextEdit:
    """A read-only text box whose text can be selected with the mouse and the keyboard."""
    view = named(QPlainTextEdit(), object_name, accessible_name)
    view.setReadOnly(True)
    view.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByKeyboard
        | Qt.TextInteractionFlag.TextSelectableByMouse
    )
    return view


def check_box_group(
    title: str,
    object_name: str,
    choices: Iterable[tuple[str, str]],
    box_prefix: str,
    boxes: dict[str, QCheckBox],
) -> QGroupBox:
    """A titled group, a check box per (id, text) named ``box_prefix`` + id, kept in ``boxes``."""
    group = QGroupBox(title)
    group.setObjectName(object_name)
    layout = QVBoxLayout(group)
    for choice_id, text in choices:
        box = named(QCheckBox(text), f"{box_prefix}{choice_id}", text)
        boxes[choice_id] = box
        layout.addWidget(box)
    return group


def frameless_scroll(body: QWidget) -> QScrollArea:
    """``body`` in a frameless scroll area that resizes it to its width."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(body)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    return scroll


def size_in_lines(
    window: QWidget, width_lines: float, height_lines: float, minimum: QSize | None = None
) -> QSize:
    """A size in text lines (font heights), at least ``minimum``, at most 90% of the screen."""
    line = window.fontMetrics().height()
    size = QSize(int(line * width_lines), int(line * height_lines))
    if minimum is not None:
        size = size.expandedTo(minimum)
    screen = window.screen()
    if screen is not None:
        available = screen.availableGeometry().size()
        size = size.boundedTo(QSize(int(available.width() * 0.9), int(available.height() * 0.9)))
    return size


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox:
    """A message box that shows its texts as they are, never as HTML (unlike the static ones)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the informative text too
    if default != QMessageBox.StandardButton.NoButton:
        box.setDefaultButton(default)
    return box


def ask_message(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox.StandardButton:
    """Run a plain-text message box; the button pressed."""
    return QMessageBox.StandardButton(
        message_box(parent, icon, title, text, buttons, default).exec()
    )


@contextmanager
def signals_blocked(*objects: QObject) -> Iterator[None]:
    """Set widgets from the model without their change signals echoing back."""
    blockers = [QSignalBlocker(obj) for obj in objects]
    try:
        yield
    finally:
        for blocker in blockers:
            blocker.unblock()


def fmt_date(day: date | None) -> str:
    """'Mar 1, 2027' (the same in every locale, so tests and screenshots are stable)."""
    return "" if day is None else format_date(day)


def fmt_money(value: float | None) -> str:
    """'$3,594' (no cents)."""
    if value is None:
        return "–"
    return f"${value:,.0f}"


def fmt_hours(value: float) -> str:
    """'12.5 h' without trailing zeros."""
    return f"{value:g} h"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def status_color(status: MilestoneStatus, palette: QPalette) -> QColor:
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    hue = (STATUS_COLOR_DARK if dark else STATUS_COLOR)[status]
    return palette.color(QPalette.ColorRole.Text) if hue is None else QColor(hue)


def draw_status_mark(
    painter: QPainter, rect: QRectF, status: MilestoneStatus, color: QColor, base: QColor
) -> None:
    """Draw a status as a shape: empty ring, half-filled, filled with a tick, or struck through."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color, max(1.0, rect.width() / 9))
    painter.setPen(pen)
    inner = rect.adjusted(pen.widthF(), pen.widthF(), -pen.widthF(), -pen.widthF())
    if status is MilestoneStatus.DONE:
        painter.setBrush(color)
        painter.drawEllipse(inner)
        tick = QPainterPath(QPointF(inner.left() + inner.width() * 0.25, inner.center().y()))
        tick.lineTo(inner.left() + inner.width() * 0.43, inner.top() + inner.height() * 0.7)
        tick.lineTo(inner.left() + inner.width() * 0.76, inner.top() + inner.height() * 0.3)
        painter.setPen(QPen(base, max(1.2, rect.width() / 7)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
    elif status is MilestoneStatus.IN_PROGRESS:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(inner)
        half = QPainterPath()
        half.moveTo(inner.center())
        half.arcTo(inner, 90, 180)
        half.closeSubpath()
        painter.fillPath(half, color)
    elif status is MilestoneStatus.SKIPPED:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(inner)
        painter.drawLine(
            QPointF(inner.left() + inner.width() * 0.2, inner.center().y()),
            QPointF(inner.right() - inner.width() * 0.2, inner.center().y()),
        )
    else:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(inner)
    painter.restore()


def status_icon(status: MilestoneStatus, palette: QPalette, size: int = 16) -> QIcon:
    """A small icon for a status, coloured and shaped (shape alone tells the status apart)."""
    color = status_color(status, palette)
    base = palette.color(QPalette.ColorRole.Base)
    return _status_icon(status, color.rgba(), base.rgba(), size)


@functools.lru_cache(maxsize=64)
def _status_icon(status: MilestoneStatus, color: int, base: int, size: int) -> QIcon:
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    draw_status_mark(
        painter,
        QRectF(1, 1, size - 2, size - 2),
        status,
        QColor.fromRgba(color),
        QColor.fromRgba(base),
    )
    painter.end()
    return QIcon(pixmap)


class FlowLayout(QLayout):
    """Lays items out left to right and wraps them onto new lines (Qt's flow layout example)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            next_x = x + hint.width() + self._gap * 3
            if next_x - self._gap * 3 > area.right() and line_height > 0:
                x = area.x()
                y += line_height + self._gap
                next_x = x + hint.width() + self._gap * 3
                line_height = 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x = next_x
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


def read_only_table(
    object_name: str,
    accessible: str,
    headers: list[str],
    *,
    single_selection: bool = False,
    stretch_last: bool = False,
) -> QTableWidget:
    """A named, read-only table of whole rows (study log, scores, costs, income by year)."""
    table = named(
        QTableWidget(0, len(headers)),
        object_name,
        accessible,
        f"Read only, one entry a row ({', '.join(headers)}); the arrow keys move between rows",
    )
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single_selection:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)
    if stretch_last:
        table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(int(table.fontMetrics().height() * 1.5))
    return table
