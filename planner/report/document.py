"""The printed document as plain dataclasses: headings, paragraphs, tables, charts, page breaks.

The model says *what* is printed; a renderer (``planner.render``) decides *where*: it measures
every block on the target page size, paginates (a table splits only between rows and repeats its
header, a chart or paragraph never splits) and paints PDF, preview and printer pages the same way.

HTML in blocks uses only a few tags (``b``, ``i``, ``br``, ``span class=...``) so that any
renderer can style it: the classes are ``small`` (smaller type), ``muted`` (dark grey) and
``kind`` (the bold label of a milestone kind).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Literal

from planner.core.dates import format_date

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Heading:
    """A title, kept on the page of what follows: 0 the document, 1 a section, 2 a sub-section."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """A short piece of simple HTML; never split across pages (keep it to a few lines)."""

    html: str
    small: bool = False
    keep_with_next: bool = False


class CheckState(StrEnum):
    """How a printed check box is drawn."""

    OPEN = "open"  # empty box
    DONE = "done"  # box with a tick
    IN_PROGRESS = "in-progress"  # box with a dot
    SKIPPED = "skipped"  # box with a dash


@dataclass(frozen=True)
class Check:
    """A table cell holding a printed check box (drawn, so it never depends on a font glyph)."""

    state: CheckState

    @property
    def glyph(self) -> str:
        """The Unicode box for plain-text renderings: ☐ ☑ ◪ ⊟."""
        return {
            CheckState.OPEN: "☐",
            CheckState.DONE: "☑",
            CheckState.IN_PROGRESS: "◪",
            CheckState.SKIPPED: "⊟",
        }[self.state]


Cell = str | Check  # str: simple HTML


@dataclass(frozen=True)
class Column:
    """A table column: header text, relative width, alignment."""

    title: str
    width: float
    align: Align = "left"


@dataclass(frozen=True)
class Table:
    """Rows that may split across pages between rows; the header is repeated on each page.

    ``continued`` is printed above the repeated header on later pages (e.g. the section name).
    A table without a header (``header=False``) is a key/value list.
    """

    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    header: bool = True
    continued: str = ""
    first_column_bold: bool = False

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(f"row has {len(row)} cells, table has {len(self.columns)} columns")


@dataclass(frozen=True)
class Chart:
    """A vector chart (SVG from matplotlib, text kept as text); never split.

    ``aspect`` is height / width; ``width`` is the share of the text width it takes.
    ``alt`` describes the chart in words (plain-text renderings and tests).
    """

    svg: bytes
    aspect: float
    alt: str
    width: float = 1.0
    caption: str = ""  # simple HTML printed under the chart, kept with it


@dataclass(frozen=True)
class PageBreak:
    """Start a new page (ignored at the top of a page)."""


Block = Heading | Paragraph | Table | Chart | PageBreak


@dataclass(frozen=True)
class Roadmap:
    """The whole printed document."""

    title: str
    generated_on: date
    footer_left: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    author: str = ""  # the learner's name, for the PDF's metadata

    def footer(self, page: int, pages: int) -> tuple[str, str, str]:
        """Left, centre and right footer text of ``page`` (1-based) of ``pages``."""
        return (
            self.footer_left,
            f"Generated on {format_date(self.generated_on)}",
            f"Page {page} of {pages}",
        )

    def text(self) -> str:
        """The document as plain text (for tests, logs and screen readers)."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, Heading):
                lines.extend(["", block.text.upper() if block.level == 1 else block.text])
            elif isinstance(block, Paragraph):
                lines.append(html_to_text(block.html))
            elif isinstance(block, Table):
                if block.header:
                    lines.append(" | ".join(c.title for c in block.columns))
                for row in block.rows:
                    lines.append(
                        " | ".join(
                            c.glyph if isinstance(c, Check) else html_to_text(c) for c in row
                        )
                    )
            elif isinstance(block, Chart):
                lines.append(f"[Chart: {block.alt}]")
                if block.caption:
                    lines.append(html_to_text(block.caption))
            else:
                lines.append("\f")
        return "\n".join(lines).strip() + "\n"


def esc(text: str) -> str:
    """Escape plain text for the simple HTML of blocks."""
    return html.escape(text, quote=False)


def html_to_text(fragment: str) -> str:
    """Simple block HTML to plain text (``<br>`` becomes a space)."""
    text = re.sub(r"<br\s*/?>", " ", fragment)
    text = re.sub(r"<[^>]+>", "", text)
    return " ".join(html.unescape(text).split())
