"""Print preview, print dialog and the shared painter path, offscreen (pytest-qt)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from planner.core.catalog import Catalog
from planner.core.inputs import PlanInputs
from planner.core.profile import MilestoneProgress, MilestoneStatus, Profile
from planner.core.state import PlanState, derive
from planner.gui import print_dialogs
from planner.render import layout, printing
from planner.report.document import Roadmap
from planner.report.roadmap import build_roadmap

TODAY = date(2027, 9, 1)


@pytest.fixture(scope="module")
def profile() -> Profile:
    profile = Profile(
        name="Jordan Rivera",
        inputs=PlanInputs(
            certification="CPC", specialty="auditing", start=date(2027, 1, 4), hours_per_week=10
        ),
    )
    profile.milestones["p1-terminology"] = MilestoneProgress(
        status=MilestoneStatus.DONE, done_on=date(2027, 3, 1)
    )
    return profile


@pytest.fixture(scope="module")
def state(profile: Profile, catalog: Catalog) -> PlanState:
    return derive(profile, catalog, TODAY)


@pytest.fixture(scope="module")
def document(state: PlanState) -> Roadmap:
    return build_roadmap(state)


def pdf_printer(path: Path, paper: QPageSize.PageSizeId = QPageSize.PageSizeId.A4) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(paper))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


def footers(path: Path) -> list[str]:
    pages = [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(path).pages]
    return [m.group(0) for text in pages for m in re.finditer(r"Page \d+ of \d+", text)]


def record_paints(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Wrap paint_roadmap: note each call's device and whether the wait cursor was up."""
    calls: list[dict[str, Any]] = []
    original: Callable[..., int] = print_dialogs.paint_roadmap

    def wrapper(
        painter: QPainter,
        device: Any,
        document: Roadmap,
        page_range: tuple[int, int] | None = None,
    ) -> int:
        cursor = QApplication.overrideCursor()
        pages = original(painter, device, document, page_range)
        calls.append(
            {
                "device": type(device).__name__,
                "busy": cursor is not None and cursor.shape() == Qt.CursorShape.WaitCursor,
                "pages": pages,
            }
        )
        return pages

    monkeypatch.setattr(print_dialogs, "paint_roadmap", wrapper)
    return calls


def test_paint_on_a_pdf_printer(qapp: QApplication, tmp_path: Path, document: Roadmap) -> None:
    path = tmp_path / "printer.pdf"
    printer = pdf_printer(path, QPageSize.PageSizeId.Letter)
    painter = QPainter()
    assert painter.begin(printer)
    pages = layout.paint_roadmap(painter, printer, document)
    painter.end()
    assert pages == layout.layout_pages(printer, document)
    assert footers(path) == [f"Page {n} of {pages}" for n in range(1, pages + 1)]


def test_page_range_of_the_print_dialog(
    qapp: QApplication, tmp_path: Path, document: Roadmap
) -> None:
    path = tmp_path / "range.pdf"
    printer = pdf_printer(path)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    total = print_dialogs._paint_on(printer, document)
    assert footers(path) == [f"Page 2 of {total}", f"Page 3 of {total}"]


def test_page_range_open_ended(qapp: QApplication, tmp_path: Path, document: Roadmap) -> None:
    path = tmp_path / "tail.pdf"
    printer = pdf_printer(path)
    painter = QPainter()
    assert painter.begin(printer)
    total = layout.paint_roadmap(painter, printer, document, page_range=(4, 0))
    painter.end()
    assert footers(path) == [f"Page {n} of {total}" for n in range(4, total + 1)]


def test_preview_dialog_renders_pages(
    qtbot: Any,
    state: PlanState,
    document: Roadmap,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = record_paints(monkeypatch)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = print_dialogs.create_preview_dialog(parent, state)
    qtbot.addWidget(dialog)
    assert QApplication.overrideCursor() is None  # the busy cursor is gone again
    dialog.open()
    qtbot.waitUntil(lambda: len(calls) >= 1, timeout=10_000)
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() > 0, timeout=10_000)
    assert preview.pageCount() == calls[-1]["pages"] >= 5
    assert calls[-1]["device"] == "QPrinter" and calls[-1]["busy"]
    dialog.reject()


def test_print_preview_is_modal_and_closes(
    qtbot: Any,
    state: PlanState,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = record_paints(monkeypatch)
    closed: list[str] = []

    def close_when_painted() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not calls:
            QTimer.singleShot(50, close_when_painted)
            return
        closed.append(type(dialog).__name__)
        dialog.close()

    QTimer.singleShot(50, close_when_painted)
    print_dialogs.print_preview(None, state)
    assert closed == ["QPrintPreviewDialog"]
    assert calls and calls[0]["pages"] >= 5
    assert QApplication.overrideCursor() is None


def test_print_dialog_cancelled_prints_nothing(
    qtbot: Any,
    state: PlanState,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = record_paints(monkeypatch)

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, cancel)
            return
        dialog.reject()

    QTimer.singleShot(50, cancel)
    print_dialogs.print_dialog(None, state)
    assert calls == []


def test_print_dialog_accepted_prints_every_page(
    qtbot: Any,
    tmp_path: Path,
    state: PlanState,
    document: Roadmap,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = record_paints(monkeypatch)
    path = tmp_path / "printed.pdf"

    class AcceptingDialog:
        PrintDialogOption = QPrintDialog.PrintDialogOption

        def __init__(self, printer: QPrinter, parent: QWidget | None) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(path))  # what choosing "Print to file" does

        def setWindowTitle(self, title: str) -> None:
            pass

        def setOption(self, option: object, on: bool = True) -> None:
            pass

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

        def deleteLater(self) -> None:
            pass

    monkeypatch.setattr(print_dialogs, "QPrintDialog", AcceptingDialog)
    print_dialogs.print_dialog(None, state)
    assert len(calls) == 1 and calls[0]["busy"]
    assert len(footers(path)) == calls[0]["pages"] >= 5
    assert QApplication.overrideCursor() is None


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize(
    ("cert", "specialty", "background"),
    [
        ("CPC", "risk-adjustment", "none"),
        ("CCS", "inpatient-hospital", "none"),
        ("RHIT", "him", "coding"),
    ],
)
def test_nothing_crosses_the_page_edge(
    qapp: QApplication, catalog: Catalog, paper: str, cert: str, specialty: str, background: str
) -> None:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter

    inputs = PlanInputs(
        certification=cert,
        specialty=specialty,
        start=date(2027, 1, 4),
        hours_per_week=8,
        background=background,
        current_income=30_000,
    )
    document = build_roadmap(derive(Profile(name="A" * 200, inputs=inputs), catalog, TODAY))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(printing.PDF_DPI)
    writer.setPageLayout(printing.page_layout(paper))
    paged = layout.Layout(writer)
    pages = paged.paginate(paged.pieces(document))
    assert 5 <= len(pages) <= 11
    for page in pages:
        assert page, "empty page"
        bottom = max(y + piece.height for y, piece in page)
        assert bottom <= paged.height + 0.01
        assert min(y for y, _ in page) == 0
