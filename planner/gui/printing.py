"""Print, print preview and PDF export of the roadmap: one painter path for all three.

``paint_roadmap`` lays the blocks of a ``planner.report.roadmap.Roadmap`` out on whatever paged
device the painter is open on (a ``QPdfWriter``, the ``QPrinter`` of the preview dialog or a
real printer): it measures every block at the device's resolution, paginates by itself (a
paragraph, table row or chart is never cut by a page edge; a long table splits between rows and
repeats its header) and paints text with ``QTextDocument`` and charts with ``QSvgRenderer`` so
they stay vector and their text stays text.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLineF, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPalette,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextOption,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from planner import __version__
from planner.core.fileio import write_atomically
from planner.report.roadmap import (
    Chart,
    Check,
    CheckState,
    Heading,
    PageBreak,
    Paragraph,
    Roadmap,
    Table,
    build_roadmap,
)

if TYPE_CHECKING:
    from planner.core.catalog import Catalog
    from planner.core.plan import Plan
    from planner.core.profile import Profile

PAPERS = {"letter": QPageSize.PageSizeId.Letter, "a4": QPageSize.PageSizeId.A4}
MARGINS_MM = QMarginsF(16, 14, 16, 12)  # left, top, right, bottom
PDF_DPI = 300

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

_app: QApplication | None = None  # the application export_pdf created, kept alive


# ---------------------------------------------------------------- Qt set-up


def ensure_app() -> QGuiApplication:
    """The running Qt application, or a new one for headless use (export from the CLI).

    On Linux and other X11/Wayland systems an export needs no window, so when the caller has
    not chosen a platform, Qt's ``offscreen`` platform is used: it works without a display (and
    with a broken one, such as an ``ssh -X`` session without an X server).
    """
    global _app
    existing = QGuiApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("printing needs a QGuiApplication; a QCoreApplication is running")
        return existing
    if sys.platform not in ("win32", "darwin") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QApplication([sys.argv[0] if sys.argv and sys.argv[0] else "codepath"])
    return _app


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


def page_layout(paper: str) -> QPageLayout:
    """Portrait Letter or A4 with the roadmap's margins."""
    key = paper.strip().lower()
    if key not in PAPERS:
        raise ValueError(f"unknown paper '{paper}' (use letter or a4)")
    return QPageLayout(
        QPageSize(PAPERS[key]),
        QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


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


class _Layout:
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
        room = (self.width - metrics.horizontalAdvance(middle)) / 2 - self.pt(10)
        painter.drawText(
            QRectF(box.left(), box.top(), room, box.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            metrics.elidedText(left, Qt.TextElideMode.ElideRight, room),
        )
        painter.drawText(
            box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), middle
        )
        painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), right)


def _html_text(text: str) -> str:
    import html

    return html.escape(text, quote=False)


# ---------------------------------------------------------------- the painter path


def layout_pages(device: QPagedPaintDevice, document: Roadmap) -> int:
    """How many pages ``document`` takes on ``device`` (measures, does not paint)."""
    ensure_fonts()
    layout = _Layout(device)
    return len(layout.paginate(layout.pieces(document)))


def paint_roadmap(painter: QPainter, device: QPagedPaintDevice, document: Roadmap) -> int:
    """Paint ``document`` on ``device`` (the painter is already open on it); returns pages.

    Works for ``QPdfWriter``, the preview dialog's ``QPrinter`` and a real printer; with a
    printer whose dialog chose a page range, only those pages are painted.
    """
    ensure_fonts()
    layout = _Layout(device)
    pages = layout.paginate(layout.pieces(document))
    first, last = 1, len(pages)
    if isinstance(device, QPrinter) and device.printRange() == QPrinter.PrintRange.PageRange:
        first = max(first, device.fromPage() or first)
        last = min(last, device.toPage() or last)
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


def render_pdf(document: Roadmap, paper: str = "letter") -> bytes:
    """The roadmap as PDF bytes (Letter or A4, portrait)."""
    ensure_app()
    ensure_fonts()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(paper))
    writer.setTitle(document.title)
    writer.setCreator(f"Coding Path Planner {__version__}")
    if document.author:
        writer.setAuthor(document.author)
    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("could not start the PDF writer")
    try:
        paint_roadmap(painter, writer, document)
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data().data())


# ---------------------------------------------------------------- public API


def export_pdf(
    plan: Plan,
    profile: Profile,
    catalog: Catalog,
    today: date,
    path: Path,
    paper: str = "letter",
) -> None:
    """Write the printable roadmap to ``path`` as PDF (Letter or A4), atomically.

    Works without a display (creates an offscreen Qt application when none is running).
    Raises OSError (naming ``path``) when it cannot be written, ValueError for an unknown paper.
    """
    page_layout(paper)  # unknown paper: fail before anything else
    ensure_app()

    def render() -> bytes:
        with busy():  # in the app: a wait cursor while the export runs
            document = build_roadmap(plan, profile, catalog, today)
            return render_pdf(document, paper)

    write_atomically(Path(path), render)


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while the block runs (so the window never looks frozen)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def _setup_printer(printer: QPrinter, document: Roadmap) -> None:
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    printer.setDocName(document.title)
    printer.setCreator(f"Coding Path Planner {__version__}")


def _paint_on(printer: QPrinter, document: Roadmap) -> int:
    with busy():
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(f"could not start printing on {printer.printerName() or 'the printer'}")
        try:
            return paint_roadmap(painter, printer, document)
        finally:
            painter.end()


def _document_and_printer(
    plan: Plan, profile: Profile, catalog: Catalog, today: date
) -> tuple[Roadmap, QPrinter]:
    with busy():
        document = build_roadmap(plan, profile, catalog, today)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _setup_printer(printer, document)
    return document, printer


def create_preview_dialog(
    parent: QWidget | None, plan: Plan, profile: Profile, catalog: Catalog, today: date
) -> QPrintPreviewDialog:
    """The print preview of the roadmap, ready to ``exec()`` (or ``open()`` in tests)."""
    document, printer = _document_and_printer(plan, profile, catalog, today)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print preview: your roadmap")
    dialog.paintRequested.connect(lambda device: _paint_on(device, document))
    dialog.setProperty("roadmap_title", document.title)
    dialog._printer = printer  # type: ignore[attr-defined]  # keep the printer alive with it
    return dialog


def print_preview(
    parent: QWidget | None, plan: Plan, profile: Profile, catalog: Catalog, today: date
) -> None:
    """Show the print preview of the roadmap (modal); printing from it uses the same pages."""
    dialog = create_preview_dialog(parent, plan, profile, catalog, today)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def print_dialog(
    parent: QWidget | None, plan: Plan, profile: Profile, catalog: Catalog, today: date
) -> None:
    """Ask for a printer (and page range) and print the roadmap."""
    document, printer = _document_and_printer(plan, profile, catalog, today)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print your roadmap")
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
    finally:
        dialog.deleteLater()
    try:
        _paint_on(printer, document)
    except OSError as exc:
        from planner.gui.widgets import ask_message  # only here: the renderer needs no widgets

        ask_message(
            parent, QMessageBox.Icon.Warning, "Print your roadmap", f"Printing failed: {exc}"
        )
