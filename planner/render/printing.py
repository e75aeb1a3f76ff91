"""The roadmap as a PDF file: page set-up, the Qt application it needs, and the atomic export.

Needs only QtGui and QtSvg: without a running application it starts a ``QGuiApplication``
(never a widgets application) and leaves the environment alone. The painting itself is
``planner.render.layout.paint_roadmap``, shared with print preview and printing.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, Qt
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter

from planner import __version__
from planner.core.fileio import write_atomically
from planner.render.layout import ensure_fonts, paint_roadmap
from planner.report.document import Roadmap
from planner.report.roadmap import build_roadmap

if TYPE_CHECKING:
    from planner.core.state import PlanState

PAPERS = {"letter": QPageSize.PageSizeId.Letter, "a4": QPageSize.PageSizeId.A4}
MARGINS_MM = QMarginsF(16, 14, 16, 12)  # left, top, right, bottom
PDF_DPI = 300
CREATOR = f"Coding Path Planner {__version__}"

_app: QGuiApplication | None = None  # the application ensure_app created, kept alive


def ensure_app() -> QGuiApplication:
    """The running Qt application, or a new ``QGuiApplication`` for headless use (the CLI).

    On Linux and other X11/Wayland systems an export needs no window, so when the caller has
    not chosen a platform (``QT_QPA_PLATFORM``), the new application runs on Qt's ``offscreen``
    platform, asked for by argument: it works without a display (and with a broken one, such
    as an ``ssh -X`` session without an X server).
    """
    global _app
    existing = QGuiApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("printing needs a QGuiApplication; a QCoreApplication is running")
        return existing
    argv = [sys.argv[0] if sys.argv and sys.argv[0] else "codepath"]
    if sys.platform not in ("win32", "darwin") and not os.environ.get("QT_QPA_PLATFORM"):
        argv += ["-platform", "offscreen"]
    _app = QGuiApplication(argv)
    return _app


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


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while the block runs (so the window never looks frozen)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


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
    writer.setCreator(CREATOR)
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


def export_pdf(
    state: PlanState, path: Path, paper: str = "letter", *, comparison: bool = False
) -> None:
    """Write the printable roadmap of ``state`` to ``path`` as PDF (Letter or A4), atomically.

    Works without a display (starts an offscreen QGuiApplication when none is running).
    Raises OSError (naming ``path``) when it cannot be written, ValueError for an unknown paper.
    """
    page_layout(paper)  # unknown paper: fail before anything else
    ensure_app()

    def render() -> bytes:
        with busy():  # in the app: a wait cursor while the export runs
            return render_pdf(build_roadmap(state, comparison=comparison), paper)

    write_atomically(Path(path), render)
