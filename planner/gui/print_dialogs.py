"""Print preview and print dialogs of the roadmap; the pages come from ``planner.render``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import QCheckBox, QDialog, QMessageBox, QToolBar, QWidget

from planner.gui.widgets import ask_message
from planner.render.layout import paint_roadmap
from planner.render.printing import CREATOR, MARGINS_MM, busy
from planner.report.document import Roadmap
from planner.report.roadmap import build_roadmap

if TYPE_CHECKING:
    from planner.core.state import PlanState


def _page_range(printer: QPrinter) -> tuple[int, int] | None:
    if printer.printRange() != QPrinter.PrintRange.PageRange:
        return None
    return printer.fromPage(), printer.toPage()


def _paint_on(printer: QPrinter, document: Roadmap) -> int:
    with busy():
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(f"could not start printing on {printer.printerName() or 'the printer'}")
        try:
            return paint_roadmap(painter, printer, document, _page_range(printer))
        finally:
            painter.end()


COMPARISON_CHOICE = "Include the compared paths"
NO_COMPARISON = "Compare paths on the Compare page first; then they can be printed too."


def include_comparison(state: PlanState, wanted: bool | None) -> bool:
    """Whether the comparison page is printed: when asked (by default) and paths were compared."""
    return bool(state.profile.compared) and (True if wanted is None else wanted)


def _document_and_printer(
    state: PlanState, comparison: bool | None = None
) -> tuple[Roadmap, QPrinter]:
    with busy():
        document = build_roadmap(state, comparison=include_comparison(state, comparison))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    printer.setDocName(document.title)
    printer.setCreator(CREATOR)
    return document, printer


def create_preview_dialog(
    parent: QWidget | None, state: PlanState, *, comparison: bool | None = None
) -> QPrintPreviewDialog:
    """The print preview of the roadmap, ready to ``exec()`` (or ``open()`` in tests).

    A check box in its tool bar chooses whether the comparison page is included (on by default
    when the learner compared paths; off and disabled when they did not).
    """
    include = include_comparison(state, comparison)
    document, printer = _document_and_printer(state, include)
    shown = {"document": document}
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print preview: your roadmap")
    dialog.paintRequested.connect(lambda device: _paint_on(device, shown["document"]))
    dialog.setProperty("roadmap_title", document.title)
    dialog._printer = printer  # type: ignore[attr-defined]  # keep the printer alive with it
    box = QCheckBox(COMPARISON_CHOICE)
    box.setObjectName("printComparison")
    box.setAccessibleName(COMPARISON_CHOICE)
    box.setChecked(include)
    box.setEnabled(bool(state.profile.compared))
    box.setToolTip("" if state.profile.compared else NO_COMPARISON)

    def choose(checked: bool) -> None:
        with busy():
            shown["document"] = build_roadmap(state, comparison=checked)
        preview = dialog.findChild(QPrintPreviewWidget)
        if preview is not None:
            preview.updatePreview()

    box.toggled.connect(choose)
    toolbar = dialog.findChild(QToolBar)
    if toolbar is not None:
        toolbar.addSeparator()
        toolbar.addWidget(box)
    dialog.comparison_box = box  # type: ignore[attr-defined]
    dialog.document = lambda: shown["document"]  # type: ignore[attr-defined]
    return dialog


def print_preview(
    parent: QWidget | None, state: PlanState, *, comparison: bool | None = None
) -> None:
    """Show the print preview of the roadmap (modal); printing from it uses the same pages."""
    dialog = create_preview_dialog(parent, state, comparison=comparison)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def print_dialog(
    parent: QWidget | None, state: PlanState, *, comparison: bool | None = None
) -> None:
    """Ask for a printer (and page range) and print the roadmap."""
    document, printer = _document_and_printer(state, comparison)
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
        ask_message(
            parent, QMessageBox.Icon.Warning, "Print your roadmap", f"Printing failed: {exc}"
        )
