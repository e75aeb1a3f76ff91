"""Lays a document out on any paged device and paints it: one painter path for every output.

``paint_roadmap`` lays the blocks of a ``planner.report.document.Roadmap`` out on whatever paged
device the painter is open on (a ``QPdfWriter``, the ``QPrinter`` of the preview dialog or a
real printer): it measures every block at the device's resolution, paginates by itself (a
paragraph, table row or chart is never cut by a page edge; a long table splits between rows and
repeats its header) and paints text with ``QTextDocument`` and charts with ``QSvgRenderer`` so
they stay vector and their text stays text. Needs only QtGui and QtSvg (and a QGuiApplication).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QByteArray, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPagedPaintDevice,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QTextDocument,
    QTextOption,
)
from PySide6.QtSvg import QSvgRenderer

from planner.report.document import (
    Chart,
    Check,
    CheckState,
    Heading,
    PageBreak,
    Paragraph,
    Roadmap,
    Table,
)

FONT_FAMILY = "DejaVu Sans"  # shipped with matplotlib, so always available (and in the charts)
BODY_PT = 9.5
SMALL_PT = 8.0
FOOTER_PT = 7.5
HEADING_PT = {0: 20.0, 1: 15.0, 2: 11.5}
SPACE_BEFORE_PT = {
    "heading0": 0.0,
    "heading1": 16.0,
    "heading2": 11.0,
    "paragraph": 4.0,
    "table": 5.0,
    "chart": 6.0,
}
CELL_PAD_X_PT = 3.0
CELL_PAD_Y_PT = 2.6
CHECK_BOX_PT = 8.0
FOOTER_HEIGHT_PT = 22.0
KEEP_TABLE_TOGETHER = 0.4  # a table up to this share of the page height is never split
ORPHAN_ROWS = 2  # rows a split table keeps together at its start and end
RULE_DARK = QColor("#000000")
RULE_LIGHT = QColor("#8c8c8c")
HEADER_FILL = QColor("#e3e3e3")
TEXT = QColor("#000000")


_fonts_checked = False


def ensure_fonts() -> None:
    """Make sure the document font exists (register matplotlib's DejaVu Sans if needed)."""
    global _fonts_checked
    if _fonts_checked:
        return
    _fonts_checked = True
    if FONT_FAMILY in QFontDatabase.families():
        return
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    for name in (
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique.ttf",
    ):
        QFontDatabase.addApplicationFont(str(folder / name))


def _font(points: float, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    font.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
    for tag in ("liga", "clig"):  # no "ﬁ" ligatures: the PDF's text stays searchable as typed
        font.setFeature(QFont.Tag(tag), 0)
    return font


# ---------------------------------------------------------------- layout


@dataclass
class _Piece:
    """Something of fixed height painted at (0, y) of the text area."""

    height: float
    paint: Callable[[QPainter, float], None]
    space_before: float = 0.0
    keep_with_next: bool = False
    table: _TableRun | None = None  # set on the rows of a table (for the repeated header)
    page_break: bool = False


@dataclass
class _TableRun:
    """The pieces a table repeats at the top of each page it continues on."""

    repeat: list[_Piece] = field(default_factory=list)


class Layout:
    """Measures blocks on one device and turns them into pages of positioned pieces."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        self.device = device
        self.k = device.logicalDpiY() / 72.0  # device pixels per point
        self.width = float(device.width())
        self.height = float(device.height()) - self.pt(FOOTER_HEIGHT_PT)
        self.palette = QPalette()
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
            self.palette.setColor(role, TEXT)
        self.css = (
            "p { margin-top: 0px; margin-bottom: 0px; }"
            f" .small {{ font-size: {SMALL_PT}pt; }}"
            " .muted { color: #3a3a3a; }"
            " .kind { font-weight: bold; }"
        )
        self.body = _font(BODY_PT)
        self.line = QFontMetricsF(self.body, device).height()

    def pt(self, points: float) -> float:
        return points * self.k

    # -- text ----------------------------------------------------------------------------
    def doc(
        self,
        html: str,
        width: float,
        font: QFont | None = None,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.device)
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font or self.body)
        doc.setDefaultStyleSheet(self.css)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        option.setAlignment(align)
        doc.setDefaultTextOption(option)
        doc.setHtml(html)
        doc.setTextWidth(max(1.0, width))
        return doc

    def draw_doc(self, painter: QPainter, doc: QTextDocument, x: float, y: float) -> None:
        painter.save()
        painter.translate(x, y)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = self.palette
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def text_piece(self, html: str, font: QFont, space: float, keep: bool) -> _Piece:
        doc = self.doc(html, self.width, font)

        def paint(painter: QPainter, y: float) -> None:
            self.draw_doc(painter, doc, 0, y)

        return _Piece(doc.size().height(), paint, space, keep)

    # -- blocks --------------------------------------------------------------------------
    def pieces(self, document: Roadmap) -> list[_Piece]:
        result: list[_Piece] = []
        for block in document.blocks:
            if isinstance(block, PageBreak):
                result.append(_Piece(0, lambda _p, _y: None, page_break=True))
            elif isinstance(block, Heading):
                result.append(self.heading(block))
            elif isinstance(block, Paragraph):
                font = _font(SMALL_PT if block.small else BODY_PT)
                result.append(
                    self.text_piece(
                        block.html,
                        font,
                        self.pt(SPACE_BEFORE_PT["paragraph"]),
                        block.keep_with_next,
                    )
                )
            elif isinstance(block, Table):
                result.extend(self.table(block))
            elif isinstance(block, Chart):
                result.append(self.chart(block))
        return result

    def heading(self, block: Heading) -> _Piece:
        level = max(0, min(2, block.level))
        doc = self.doc(_html_text(block.text), self.width, _font(HEADING_PT[level], bold=True))
        rule = level <= 1
        gap = self.pt(3) if rule else 0.0
        height = doc.size().height() + gap + (self.pt(0.8) if rule else 0.0)

        def paint(painter: QPainter, y: float) -> None:
            self.draw_doc(painter, doc, 0, y)
            if rule:
                line_y = y + doc.size().height() + gap
                painter.setPen(QPen(RULE_DARK, self.pt(0.8 if level == 1 else 1.4)))
                painter.drawLine(QLineF(0, line_y, self.width, line_y))

        return _Piece(height, paint, self.pt(SPACE_BEFORE_PT[f"heading{level}"]), True)

    def chart(self, block: Chart) -> _Piece:
        renderer = QSvgRenderer(QByteArray(block.svg))
        width = self.width * block.width
        height = width * block.aspect
        caption = self.doc(block.caption, self.width, _font(SMALL_PT)) if block.caption else None
        caption_gap = self.pt(3)
        caption_height = caption.size().height() + caption_gap if caption is not None else 0.0
        if height + caption_height > self.height:  # taller than a page: shrink to fit
            height = self.height - caption_height
            width = height / block.aspect
        left = (self.width - width) / 2

        def paint(painter: QPainter, y: float) -> None:
            renderer.render(painter, QRectF(left, y, width, height))
            if caption is not None:
                self.draw_doc(painter, caption, 0, y + height + caption_gap)

        return _Piece(height + caption_height, paint, self.pt(SPACE_BEFORE_PT["chart"]))

    def table(self, block: Table) -> list[_Piece]:
        total = sum(c.width for c in block.columns) or 1.0
        widths = [self.width * c.width / total for c in block.columns]
        lefts = [sum(widths[:i]) for i in range(len(widths))]
        pad_x, pad_y = self.pt(CELL_PAD_X_PT), self.pt(CELL_PAD_Y_PT)
        aligns = {
            "left": Qt.AlignmentFlag.AlignLeft,
            "center": Qt.AlignmentFlag.AlignHCenter,
            "right": Qt.AlignmentFlag.AlignRight,
        }
        run = _TableRun()
        pieces: list[_Piece] = []

        def row_piece(
            cells: list[QTextDocument | Check | None],
            fill: QColor | None,
            rule: QPen,
            top: QPen | None,
        ) -> _Piece:
            content = max(
                [c.size().height() for c in cells if isinstance(c, QTextDocument)] + [self.line]
            )
            height = content + 2 * pad_y

            def paint(painter: QPainter, y: float) -> None:
                if fill is not None:
                    painter.fillRect(QRectF(0, y, self.width, height), fill)
                for cell, left, width in zip(cells, lefts, widths, strict=True):
                    if isinstance(cell, QTextDocument):
                        self.draw_doc(painter, cell, left + pad_x, y + pad_y)
                    elif isinstance(cell, Check):
                        self.check_box(painter, cell.state, left + width / 2, y + pad_y)
                if top is not None:
                    painter.setPen(top)
                    painter.drawLine(QLineF(0, y, self.width, y))
                painter.setPen(rule)
                painter.drawLine(QLineF(0, y + height, self.width, y + height))

            return _Piece(height, paint)

        light = QPen(RULE_LIGHT, self.pt(0.4))
        dark = QPen(RULE_DARK, self.pt(0.8))
        if block.header:
            bold = _font(BODY_PT, bold=True)
            header_cells: list[QTextDocument | Check | None] = [
                self.doc(_html_text(c.title), w - 2 * pad_x, bold, aligns[c.align])
                if c.title
                else None
                for c, w in zip(block.columns, widths, strict=True)
            ]
            header = row_piece(header_cells, HEADER_FILL, dark, dark)
            header.keep_with_next = True
            header.space_before = self.pt(SPACE_BEFORE_PT["table"])
            pieces.append(header)
            if block.continued:
                label = self.text_piece(
                    f"<i>{_html_text(block.continued)}</i>", _font(SMALL_PT), 0.0, True
                )
                run.repeat.append(label)
            repeat_header = row_piece(header_cells, HEADER_FILL, dark, dark)
            repeat_header.keep_with_next = True
            repeat_header.space_before = self.pt(2)
            run.repeat.append(repeat_header)
        for index, row in enumerate(block.rows):
            cells: list[QTextDocument | Check | None] = []
            for column, width, cell in zip(block.columns, widths, row, strict=True):
                if isinstance(cell, Check):
                    cells.append(cell)
                    continue
                strong = block.first_column_bold and column is block.columns[0]
                html = f"<b>{cell}</b>" if strong else cell
                cells.append(self.doc(html, width - 2 * pad_x, self.body, aligns[column.align]))
            top = dark if index == 0 and not block.header else None
            piece = row_piece(cells, None, light, top)
            piece.table = run
            if index == 0 and not block.header:
                piece.space_before = self.pt(SPACE_BEFORE_PT["table"])
            pieces.append(piece)
        rows = [p for p in pieces if p.table is run]
        if sum(p.height for p in pieces) <= KEEP_TABLE_TOGETHER * self.height:
            keep = rows[:-1]  # a short table moves to the next page whole
        else:  # no lone first or last row on a page
            keep = rows[: ORPHAN_ROWS - 1] + rows[len(rows) - ORPHAN_ROWS : -1]
        for piece in keep:
            piece.keep_with_next = True
        return pieces

    def check_box(self, painter: QPainter, state: CheckState, center_x: float, top: float) -> None:
        size = self.pt(CHECK_BOX_PT)
        box = QRectF(center_x - size / 2, top + (self.line - size) / 2, size, size)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(RULE_DARK, self.pt(0.7)))
        painter.drawRect(box)
        mark = QPen(RULE_DARK, self.pt(1.3))
        mark.setCapStyle(Qt.PenCapStyle.RoundCap)
        mark.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if state is CheckState.DONE:
            tick = QPainterPath(QPointF(box.left() + size * 0.2, box.top() + size * 0.52))
            tick.lineTo(QPointF(box.left() + size * 0.42, box.top() + size * 0.76))
            tick.lineTo(QPointF(box.left() + size * 0.82, box.top() + size * 0.22))
            painter.setPen(mark)
            painter.drawPath(tick)
        elif state is CheckState.SKIPPED:
            painter.setPen(mark)
            painter.drawLine(
                QLineF(
                    box.left() + size * 0.22,
                    box.center().y(),
                    box.right() - size * 0.22,
                    box.center().y(),
                )
            )
        elif state is CheckState.IN_PROGRESS:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(RULE_DARK)
            painter.drawEllipse(box.center(), size * 0.18, size * 0.18)
        painter.restore()

    # -- pagination ----------------------------------------------------------------------
    def paginate(self, pieces: list[_Piece]) -> list[list[tuple[float, _Piece]]]:
        pages: list[list[tuple[float, _Piece]]] = [[]]
        y = 0.0
        current_table: _TableRun | None = None

        def place(piece: _Piece) -> None:
            nonlocal y
            if pages[-1]:
                y += piece.space_before
            pages[-1].append((y, piece))
            y += piece.height

        def new_page() -> None:
            nonlocal y
            if pages[-1]:
                pages.append([])
            y = 0.0

        def need(group: list[_Piece], at_top: bool) -> float:
            total = 0.0
            for i, piece in enumerate(group):
                total += piece.height + (0.0 if at_top and i == 0 else piece.space_before)
            return total

        i = 0
        while i < len(pieces):
            piece = pieces[i]
            if piece.page_break:
                new_page()
                current_table = None
                i += 1
                continue
            end = i
            while (
                end < len(pieces) - 1
                and pieces[end].keep_with_next
                and not pieces[end + 1].page_break
            ):
                end += 1
            group = pieces[i : end + 1]
            continues_table = piece.table is not None and piece.table is current_table
            if pages[-1] and y + need(group, False) > self.height:
                new_page()
                if continues_table and piece.table is not None:
                    for repeat in piece.table.repeat:
                        place(repeat)
            if y + need(group, not pages[-1]) > self.height:
                # taller than a page: place piece by piece, breaking where needed
                for part in group:
                    if pages[-1] and y + part.space_before + part.height > self.height:
                        new_page()
                    place(part)
            else:
                for part in group:
                    place(part)
            last = group[-1]
            current_table = last.table
            i = end + 1
        if not pages[-1] and len(pages) > 1:
            pages.pop()
        return pages

    def paint_footer(self, painter: QPainter, document: Roadmap, page: int, pages: int) -> None:
        left, middle, right = document.footer(page, pages)
        top = float(self.device.height()) - self.pt(FOOTER_HEIGHT_PT) + self.pt(8)
        painter.setPen(QPen(RULE_LIGHT, self.pt(0.5)))
        painter.drawLine(QLineF(0, top, self.width, top))
        font = _font(FOOTER_PT)
        painter.setFont(font)
        painter.setPen(TEXT)
        metrics = QFontMetricsF(font, self.device)
        box = QRectF(0, top + self.pt(3), self.width, metrics.height() * 1.2)
        advance = metrics.horizontalAdvance
        widths = (advance(left), advance(middle), advance(right))
        room, middle_x = footer_places(self.width, widths, self.pt(10))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        painter.drawText(
            QRectF(box.left(), box.top(), room, box.height()),
            flags,
            metrics.elidedText(left, Qt.TextElideMode.ElideRight, room),
        )
        painter.drawText(QRectF(middle_x, box.top(), widths[1] + 1, box.height()), flags, middle)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), right)


def footer_places(
    width: float, widths: tuple[float, float, float], gap: float
) -> tuple[float, float]:
    """(room for the left text, x of the middle text): the middle is centred when it can be,
    else moved right after the left text, which is shortened only when the line is full."""
    left, middle, right = widths
    centred = (width - middle) / 2
    if left + gap <= centred and centred + middle + gap <= width - right:
        return centred - gap, centred
    room = max(0.0, width - middle - right - 2 * gap)
    shown = min(left, room)
    return room, shown + gap


def _html_text(text: str) -> str:
    return html.escape(text, quote=False)


# ---------------------------------------------------------------- the painter path


def layout_pages(device: QPagedPaintDevice, document: Roadmap) -> int:
    """How many pages ``document`` takes on ``device`` (measures, does not paint)."""
    ensure_fonts()
    layout = Layout(device)
    return len(layout.paginate(layout.pieces(document)))


def paint_roadmap(
    painter: QPainter,
    device: QPagedPaintDevice,
    document: Roadmap,
    page_range: tuple[int, int] | None = None,
) -> int:
    """Paint ``document`` on ``device`` (the painter is already open on it); returns pages.

    Works for ``QPdfWriter``, the preview dialog's ``QPrinter`` and a real printer. With
    ``page_range`` (first, last; 1-based, 0 for open-ended) only those pages are painted.
    """
    ensure_fonts()
    layout = Layout(device)
    pages = layout.paginate(layout.pieces(document))
    first, last = 1, len(pages)
    if page_range is not None:
        first = max(first, page_range[0] or first)
        last = min(last, page_range[1] or last)
    started = False
    for number in range(first, last + 1):
        if started:
            device.newPage()
        started = True
        painter.save()
        for y, piece in pages[number - 1]:
            piece.paint(painter, y)
        painter.restore()
        layout.paint_footer(painter, document, number, len(pages))
    return len(pages)
