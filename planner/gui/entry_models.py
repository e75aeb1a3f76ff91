"""Table models of the study log, scores and CEUs: rows cost only when drawn, edits by the row."""

from __future__ import annotations

import bisect
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from planner.gui.widgets import named

ID_ROLE = Qt.ItemDataRole.UserRole
LIST_TEXT_CHARS = 200  # longer texts are cut in a list cell; the whole text is in the tooltip
TOOLTIP_CHARS = 2_000
Index = QModelIndex | QPersistentModelIndex


class Entry(Protocol):
    """What a listed entry has: an id and a day (study entries, scores, CEU entries)."""

    @property
    def id(self) -> str: ...

    @property
    def day(self) -> date: ...


@dataclass(frozen=True)
class Column:
    """One column: its header, the text of a cell, and whether it is a number (right-aligned)."""

    header: str
    text: Callable[[Any], str]  # takes the model's kind of entry
    number: bool = False


@dataclass(frozen=True)
class EntryChange:
    """What one ``set_entries`` changed: the entries added and removed (None: all replaced)."""

    added: tuple[Entry, ...]
    removed: tuple[Entry, ...]


def list_text(text: str, limit: int = LIST_TEXT_CHARS) -> str:
    """The first line of ``text``, cut to ``limit`` characters with "…" (a list cell's text)."""
    end = text.find("\n", 0, limit + 1)
    if end == -1 and len(text) <= limit:
        return text
    cut = text[: end if end != -1 else limit].rstrip()
    return cut + "…"


def _sort_key(entry: Entry) -> tuple[date, str]:
    return (entry.day, entry.id)


def _one_inserted(old: Sequence[Entry], new: Sequence[Entry]) -> Entry | None:
    """The one entry ``new`` has beyond ``old`` (the same objects otherwise, in order), or None."""
    if len(new) != len(old) + 1:
        return None
    same = _same_prefix(old, new)
    if all(map(operator.is_, old[same:], new[same + 1 :])):
        return new[same]
    return None


def _same_prefix(old: Sequence[Entry], new: Sequence[Entry]) -> int:
    """How many leading positions hold the very same objects (C speed on long lists)."""
    flags = list(map(operator.is_, old, new))
    try:
        return flags.index(False)
    except ValueError:
        return len(flags)


class EntryTableModel(QAbstractTableModel):
    """A profile list shown newest first (by day, then id); a one-entry edit moves one row.

    Edits replace the profile's list whole; ``set_entries`` compares the new list with the last
    one by object identity, so adding or removing one entry (and undoing it) inserts or removes
    one row instead of rebuilding the table. Cells are formatted only when the view asks.
    """

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._source: Sequence[Entry] = ()
        self._ascending: list[Entry] = []  # oldest first; row r shows _ascending[-1 - r]
        self._keys: list[tuple[date, str]] = []

    # ------------------------------------------------------------------ Qt model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ascending)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ascending):
            return None
        entry = self._ascending[-1 - index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return list_text(column.text(entry))
        if role == Qt.ItemDataRole.ToolTipRole:
            text = column.text(entry)
            return list_text(text, TOOLTIP_CHARS) if list_text(text) != text else None
        if role == ID_ROLE:
            return entry.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column.number:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return list_text(column.text(entry))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None

    # ------------------------------------------------------------------ entries

    def entry(self, row: int) -> Entry:
        """The entry shown in ``row`` (0 is the newest)."""
        return self._ascending[-1 - row]

    def entry_id(self, row: int) -> str | None:
        return self._ascending[-1 - row].id if 0 <= row < len(self._ascending) else None

    def text(self, row: int, column: int) -> str:
        """What the cell shows (the DisplayRole text)."""
        return str(self.index(row, column).data())

    def row_of(self, entry_id: str) -> int | None:
        """The row showing ``entry_id``, or None."""
        for position, entry in enumerate(self._ascending):
            if entry.id == entry_id:
                return len(self._ascending) - 1 - position
        return None

    def set_entries(self, entries: Sequence[Entry]) -> EntryChange | None:
        """Show ``entries``; what changed, or None when every row was replaced."""
        old = self._source
        if entries is old:
            return EntryChange((), ())
        self._source = entries
        added = _one_inserted(old, entries)
        if added is not None:
            self._insert(added)
            return EntryChange((added,), ())
        removed = _one_inserted(entries, old)
        if removed is not None and self._remove(removed):
            return EntryChange((), (removed,))
        self.beginResetModel()
        self._ascending = sorted(entries, key=_sort_key)
        self._keys = [_sort_key(e) for e in self._ascending]
        self.endResetModel()
        return None

    def _insert(self, entry: Entry) -> None:
        key = _sort_key(entry)
        position = bisect.bisect_right(self._keys, key)
        row = len(self._ascending) - position
        self.beginInsertRows(QModelIndex(), row, row)
        self._ascending.insert(position, entry)
        self._keys.insert(position, key)
        self.endInsertRows()

    def _remove(self, entry: Entry) -> bool:
        key = _sort_key(entry)
        position = bisect.bisect_left(self._keys, key)
        while position < len(self._keys) and self._keys[position] == key:
            if self._ascending[position] is entry:
                row = len(self._ascending) - 1 - position
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._ascending[position]
                del self._keys[position]
                self.endRemoveRows()
                return True
            position += 1
        return False


class EntryTable(QTableView):
    """A named, read-only table of whole rows on an EntryTableModel (one row selected)."""

    def __init__(
        self,
        object_name: str,
        accessible: str,
        columns: Sequence[Column],
        *,
        widths: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        named(self, object_name, accessible)
        self.entries = EntryTableModel(columns, self)
        self.setModel(self.entries)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(int(self.fontMetrics().height() * 1.5))
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        # widths from sample texts, never from the rows: sizing by content reads every row
        metrics = self.fontMetrics()
        for column, sample in enumerate(widths):
            if sample:
                header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)

    def rowCount(self) -> int:
        return self.entries.rowCount()

    def text(self, row: int, column: int) -> str:
        """What a cell shows."""
        return self.entries.text(row, column)

    def selected_id(self) -> str | None:
        """The id of the current row's entry, or None."""
        row = self.currentIndex().row()
        return self.entries.entry_id(row) if row >= 0 else None
