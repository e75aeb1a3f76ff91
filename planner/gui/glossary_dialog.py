"""Help > Glossary: a searchable list of the field's terms, and the realities' "more" links."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planner.core.glossary import Glossary, GlossaryEntry, default_glossary, normalized
from planner.core.realities import Reality, default_realities
from planner.gui.widgets import buddy_label, named

LINK_PREFIX = "glossary:"
TERM_ROLE = Qt.ItemDataRole.UserRole


def entry_html(entry: GlossaryEntry, realities: Sequence[Reality] = ()) -> str:
    """The entry as simple rich text: meaning, where it matters, source; related realities."""
    parts = [
        f"<h3>{html.escape(entry.term)}</h3>",
        f"<p>{html.escape(entry.meaning)}</p>",
        f"<p><b>In your plan:</b> {html.escape(entry.in_plan)}</p>",
    ]
    if entry.aliases:
        parts.append(f"<p><b>Also written:</b> {html.escape(', '.join(entry.aliases))}</p>")
    parts.append(
        f"<p><small>Source: {html.escape(entry.source)} (as of {html.escape(entry.as_of)})"
        "</small></p>"
    )
    for reality in realities:
        parts.append(
            f"<p><b>{html.escape(reality.title)}:</b> {html.escape(reality.text)}<br>"
            f"<small>Source: {html.escape(reality.source)}, {html.escape(reality.as_of)}"
            "</small></p>"
        )
    return "".join(parts)


class GlossaryDialog(QDialog):
    """Search box, list of terms and the chosen term's explanation; all keyboard reachable."""

    def __init__(self, parent: QWidget | None = None, glossary: Glossary | None = None) -> None:
        super().__init__(parent)
        self._glossary = glossary or default_glossary()
        self.setObjectName("glossaryDialog")
        self.setWindowTitle("Glossary")
        layout = QVBoxLayout(self)
        self.search = named(
            QLineEdit(),
            "glossarySearch",
            "Search the glossary",
            "Type part of a term or of its meaning; Down moves to the list",
        )
        self.search.setPlaceholderText("Type a term, e.g. CEU or code set")
        self.search.setClearButtonEnabled(True)
        row = QHBoxLayout()
        row.addWidget(buddy_label("&Search:", self.search))
        row.addWidget(self.search, 1)
        layout.addLayout(row)
        body = QHBoxLayout()
        self.terms = named(QListWidget(), "glossaryList", "Glossary terms")
        for entry in sorted(self._glossary.entries, key=lambda e: e.term.casefold()):
            item = QListWidgetItem(entry.term)
            item.setData(TERM_ROLE, entry.term)
            item.setToolTip(entry.meaning)
            self.terms.addItem(item)
        line = self.fontMetrics().height()
        self.terms.setMaximumWidth(line * 12)
        body.addWidget(self.terms)
        self.text = named(QTextBrowser(), "glossaryText", "Meaning of the selected term")
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)  # the app never goes online by itself
        body.addWidget(self.text, 1)
        layout.addLayout(body, 1)
        self.count = QLabel()
        self.count.setObjectName("glossaryCount")
        layout.addWidget(self.count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("glossaryClose")
        close.setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setTabOrder(self.search, self.terms)
        self.setTabOrder(self.terms, self.text)
        self.resize(line * 46, line * 28)

        self.search.textChanged.connect(self._on_view_search)
        self.search.returnPressed.connect(self.terms.setFocus)
        self.search.installEventFilter(self)
        self.terms.currentItemChanged.connect(self._on_view_current)
        self._on_view_search("")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search box moves to the list of terms."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self.terms.setFocus()
            return True
        return super().eventFilter(watched, event)

    def visible_terms(self) -> list[str]:
        """The terms the list shows now."""
        return [
            str(self.terms.item(i).data(TERM_ROLE))
            for i in range(self.terms.count())
            if not self.terms.item(i).isHidden()
        ]

    def current_term(self) -> str | None:
        """The selected term, or None."""
        item = self.terms.currentItem()
        return str(item.data(TERM_ROLE)) if item is not None and not item.isHidden() else None

    def show_term(self, term: str) -> bool:
        """Select ``term`` (any spelling or alias); False when the glossary has no such term."""
        entry = self._glossary.lookup(term)
        if entry is None:
            return False
        self.search.clear()
        for i in range(self.terms.count()):
            item = self.terms.item(i)
            if item.data(TERM_ROLE) == entry.term:
                self.terms.setCurrentItem(item)
                self.terms.scrollToItem(item)
                return True
        return False

    def _matches(self, entry: GlossaryEntry, query: str) -> bool:
        key = normalized(query)
        if not key:
            return True
        if any(key in normalized(name) for name in entry.names):
            return True
        words = query.strip()  # in the meaning: whole words from their start ("cpc" is not HCPCS)
        return bool(words) and re.search(rf"\b{re.escape(words)}", entry.meaning, re.I) is not None

    def _on_view_search(self, text: str) -> None:
        exact = self._glossary.lookup(text) if text.strip() else None
        visible: list[QListWidgetItem] = []
        for i in range(self.terms.count()):
            item = self.terms.item(i)
            entry = self._glossary.lookup(str(item.data(TERM_ROLE)))
            item.setHidden(entry is None or not self._matches(entry, text))
            if not item.isHidden():
                visible.append(item)
        preferred = [i for i in visible if exact is not None and i.data(TERM_ROLE) == exact.term]
        self.count.setText(f"{len(visible)} of {self.terms.count()} terms")
        if preferred or visible:
            self.terms.setCurrentItem((preferred or visible)[0])
        else:
            self.terms.setCurrentRow(-1)
            self.text.setPlainText(f"No term matches '{text}'. Clear the search to see all.")

    def _on_view_current(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None or current.isHidden():
            return
        entry = self._glossary.lookup(str(current.data(TERM_ROLE)))
        if entry is None:
            return
        names = {normalized(name) for name in entry.names}
        related = [r for r in default_realities().items if normalized(r.more) in names]
        self.text.setHtml(entry_html(entry, related))


def literal_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as it is (Qt would read a leading tag as rich text)."""
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def open_glossary(parent: QWidget | None, term: str | None = None) -> GlossaryDialog:
    """Open the glossary (modeless), at ``term`` when given; the dialog is returned for tests."""
    dialog = GlossaryDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if term:
        dialog.show_term(term)
    dialog.open()
    dialog.search.setFocus()
    return dialog


def realities_html(realities: Sequence[Reality]) -> str:
    """Short lines for a page: title, one or two sentences, source and a "more" link."""
    lines = [
        f"<b>{html.escape(r.title)}:</b> {html.escape(r.text)} "
        f"<small>({html.escape(r.source)}, {html.escape(r.as_of)})</small> "
        f"<a href='{LINK_PREFIX}{html.escape(r.more, quote=True)}'>more</a>"
        for r in realities
    ]
    return "<br>".join(lines)


class RealitiesNote(QLabel):
    """The realities that matter on a page; each "more" link opens the glossary at its term."""

    def __init__(self, object_name: str, heading: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heading = heading
        self.setObjectName(object_name)
        self.setAccessibleName("Realities to know")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
        )  # links reachable with Tab, opened with Enter
        self.setOpenExternalLinks(False)
        self.linkActivated.connect(self._on_view_link)
        self.dialog: GlossaryDialog | None = None
        self.shown: tuple[Reality, ...] = ()
        self.area: QScrollArea | None = None  # the scroll area holding it, if any

    def set_realities(self, realities: Sequence[Reality]) -> None:
        """Show these realities (hidden when there are none)."""
        self.shown = tuple(realities)
        heading = f"<b>{html.escape(self._heading)}</b><br>" if self._heading else ""
        self.setText(heading + realities_html(realities))
        self.setHidden(not realities)
        if self.area is not None:
            self.area.setHidden(not realities)

    def _on_view_link(self, link: str) -> None:
        if link.startswith(LINK_PREFIX):
            self.dialog = open_glossary(self.window(), link.removeprefix(LINK_PREFIX))


def scrolled(note: RealitiesNote, lines: float) -> QScrollArea:
    """``note`` in a frameless scroll area at most ``lines`` high: it never grows the window."""
    area = QScrollArea()
    area.setObjectName(f"{note.objectName()}Scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(note)
    area.setMaximumHeight(int(note.fontMetrics().height() * lines))
    area.setMinimumHeight(1)  # not the scroll bars' height: the page's minimum stays as it was
    area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    note.area = area
    area.setHidden(note.isHidden())
    return area
