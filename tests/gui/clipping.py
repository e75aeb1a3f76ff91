"""Finding text a window cuts off: labels, buttons, combo boxes and item-view cells.

A widget or column that shortens its text with an ellipsis by design says so:
``widget.setProperty("elides", True)`` for a widget, the view's ``elidedColumns`` property
(a list of column numbers) for cells. Everything else must show its whole text.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

SLACK = 1  # pixels of rounding between a size hint and the painted text


def elides(widget: QWidget) -> bool:
    return bool(widget.property("elides"))


def _name(widget: QWidget) -> str:
    return widget.objectName() or widget.accessibleName() or type(widget).__name__


def _seen(widget: QWidget) -> bool:
    """Shown (a widget scrolled out of sight counts: scrolling brings it), with some size."""
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _cut_by_ancestor(widget: QWidget) -> str | None:
    """The ancestor whose rectangle cuts ``widget`` off (a scroll area's content is not cut:
    it scrolls), or None."""
    child: QWidget = widget
    parent = widget.parentWidget()
    area = QRect(QRect(0, 0, widget.width(), widget.height()))
    while parent is not None and not parent.isWindow():
        area = area.translated(child.pos())
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and (
            parent is parent.parentWidget().viewport()  # type: ignore[union-attr]
        ):
            return None
        if not parent.rect().contains(area):
            inside = parent.rect().intersected(area)
            if inside.height() < area.height() - SLACK or inside.width() < area.width() - SLACK:
                return _name(parent)
        child, parent = parent, parent.parentWidget()
    return None


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text.strip() or elides(label):
        return None
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return f"needs {needed} px height, has {label.height()}"
        room = label.contentsRect().width() - 2 * max(label.margin(), 0) - max(label.indent(), 0)
        metrics = label.fontMetrics()
        plain = text.replace("&", "") if label.buddy() is not None else text
        if label.textFormat() != Qt.TextFormat.RichText:
            longest = max((metrics.horizontalAdvance(word) for word in plain.split()), default=0)
            if longest > room + SLACK:
                return f"a word needs {longest} px, has {room}"
        return None
    hint = label.sizeHint()
    if hint.width() > label.width() + SLACK or hint.height() > label.height() + SLACK:
        return f"needs {hint.width()}x{hint.height()}, has {label.width()}x{label.height()}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    if not button.text() or elides(button):
        return None
    hint = button.sizeHint()
    if hint.width() > button.width() + SLACK:
        return f"needs {hint.width()} px, has {button.width()}"
    return None


def _combo_problem(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text or elides(combo) or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    needed = combo.fontMetrics().horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        needed += combo.iconSize().width() + 4
    if needed > field.width() + SLACK:
        return f"'{text}' needs {needed} px, has {field.width()}"
    return None


def _spin_box_problem(box: QAbstractSpinBox) -> str | None:
    """A spin box or date edit whose value does not fit its field."""
    field = box.findChild(QLineEdit)
    if field is None or not box.text() or elides(box):
        return None
    needed = field.fontMetrics().horizontalAdvance(box.text()) + 4  # the field's text margins
    if needed > field.width() + SLACK:
        return f"'{box.text()}' needs {needed} px, has {field.width()}"
    return None


def _indexes(view: QAbstractItemView) -> list[QModelIndex]:
    """Every index of the view's model whose row is on screen (trees: expanded rows only)."""
    model = view.model()
    found: list[QModelIndex] = []
    viewport = view.viewport().rect()

    def columns(parent: QModelIndex) -> int:
        try:
            return int(model.columnCount(parent))
        except TypeError:  # a list model keeps its column count private
            return 1

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            first = model.index(row, 0, parent)
            rect = view.visualRect(first)
            if rect.isValid() and rect.bottom() >= 0 and rect.top() <= viewport.bottom():
                found.extend(model.index(row, c, parent) for c in range(columns(parent)))
            if isinstance(view, QTreeView) and view.isExpanded(first):
                walk(first)

    walk(QModelIndex())
    return found


def _cell_problems(view: QAbstractItemView) -> list[str]:
    elided = {int(c) for c in (view.property("elidedColumns") or [])}
    viewport = view.viewport().rect()
    problems = []
    for index in _indexes(view):
        column = index.column()
        if column in elided or view.indexWidget(index) is not None:
            continue
        hidden = getattr(view, "isColumnHidden", None)
        if hidden is not None and hidden(column):
            continue
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            continue
        rect = view.visualRect(index)
        if rect.width() <= 0 or rect.left() < 0 or rect.right() > viewport.right():
            continue  # scrolled out of sight sideways: reached with the scroll bar
        if rect.bottom() > viewport.bottom() or rect.top() < 0:
            continue  # a row cut at the bottom is reached by scrolling
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = rect
        option.font = view.font()
        option.decorationSize = view.iconSize()
        hint = view.itemDelegateForIndex(index).sizeHint(option, index)
        wraps = bool(getattr(view, "wordWrap", lambda: False)())
        if wraps:  # the text may take more lines: it must fit the cell's height then
            metrics = view.fontMetrics()
            chrome = hint.width() - max(metrics.horizontalAdvance(x) for x in text.split("\n"))
            room = rect.width() - chrome
            longest = max(metrics.horizontalAdvance(word) for word in text.split())
            wrapped = metrics.boundingRect(
                QRect(0, 0, max(room, 1), 100_000), Qt.TextFlag.TextWordWrap, text
            ).height()
            if longest > room + SLACK or wrapped > rect.height() + SLACK:
                where = f"{_name(view)} row {index.row()} column {column}"
                problems.append(f"{where}: '{text}' needs {wrapped} px height, has {rect.height()}")
        elif hint.width() > rect.width() + SLACK:
            where = f"{_name(view)} row {index.row()} column {column}"
            problems.append(f"{where}: '{text}' needs {hint.width()} px, has {rect.width()}")
    return problems


def clipped_texts(root: QWidget) -> list[str]:
    """One line per piece of visible text under ``root`` that is cut off."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _seen(widget):
            continue
        problem: str | None = None
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QAbstractButton):
            problem = _button_problem(widget)
        elif isinstance(widget, QComboBox):
            problem = _combo_problem(widget)
        elif isinstance(widget, QAbstractSpinBox):
            problem = _spin_box_problem(widget)
        elif isinstance(widget, QAbstractItemView):
            problems.extend(_cell_problems(widget))
        if problem is None and isinstance(widget, QLabel | QAbstractButton | QComboBox):
            cut_by = _cut_by_ancestor(widget)
            if cut_by is not None and not elides(widget):
                problem = f"cut off by {cut_by}"
        if problem is not None:
            text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
            problems.append(f"{type(widget).__name__} {_name(widget)} '{text[:40]}': {problem}")
    return problems


def sideways_scrolling(root: QWidget) -> list[str]:
    """The scroll areas and views under ``root`` that show a horizontal scroll bar."""
    return [
        _name(area)
        for area in root.findChildren(QAbstractScrollArea)
        if _seen(area) and area.horizontalScrollBar().isVisible()
    ]


def overlapping_siblings(root: QWidget) -> list[str]:
    """Visible labels that another visible widget of the same parent covers."""
    found = []
    for label in root.findChildren(QLabel):
        parent = label.parentWidget()
        if parent is None or not _seen(label) or isinstance(parent, QScrollArea):
            continue
        for other in parent.children():
            if other is label or not isinstance(other, QWidget) or not _seen(other):
                continue
            if label.geometry().intersects(other.geometry()) and other.isAncestorOf(label) is False:
                shared = label.geometry().intersected(other.geometry())
                if shared.height() > SLACK and shared.width() > SLACK:
                    found.append(f"{_name(label)} under {_name(other)}")
    return found
