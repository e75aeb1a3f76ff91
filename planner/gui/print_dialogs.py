"""Print preview and print dialogs of the roadmap; the pages come from ``planner.render``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolBar,
    QWidget,
)

from planner.gui.exports import paper_for
from planner.gui.widgets import ask_message, named
from planner.render.layout import paint_roadmap
from planner.render.printing import CREATOR, busy, page_layout
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
    printer.setPageLayout(page_layout(paper_for()))  # Letter in the US and Canada, else A4
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
    dialog.setWindowTitle("Print preview: your roadmap (Page setup chooses Letter or A4)")
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
    _add_paper_choice(dialog, printer)
    dialog.comparison_box = box  # type: ignore[attr-defined]
    name_preview_controls(dialog)
    dialog.document = lambda: shown["document"]  # type: ignore[attr-defined]
    return dialog


def _add_paper_choice(dialog: QPrintPreviewDialog, printer: QPrinter) -> None:
    """A Letter / A4 choice on the preview's toolbar (Page setup offers every size too)."""
    toolbar = dialog.findChild(QToolBar)
    preview = dialog.findChild(QPrintPreviewWidget)
    if toolbar is None or preview is None:
        return
    combo = named(
        QComboBox(),
        "previewPaper",
        "Paper size",
        "Letter (usual in the US and Canada) or A4: the size the roadmap is laid out for",
    )
    for key, text in (("letter", "Letter"), ("a4", "A4")):
        combo.addItem(text, key)
    current = printer.pageLayout().pageSize().id()
    combo.setCurrentIndex(1 if current == QPageSize.PageSizeId.A4 else 0)

    def use(_index: int) -> None:
        printer.setPageLayout(page_layout(str(combo.currentData())))
        preview.updatePreview()

    combo.currentIndexChanged.connect(use)
    toolbar.addSeparator()
    label = QLabel("Paper: ")
    label.setBuddy(combo)
    toolbar.addWidget(label)
    toolbar.addWidget(combo)


def name_preview_controls(dialog: QPrintPreviewDialog) -> None:
    """Names for the zoom and page fields and the page view Qt puts in the preview (it gives
    them none)."""
    for combo in dialog.findChildren(QComboBox):
        if not combo.accessibleName():
            named(combo, "previewZoom", "Zoom", "How large the pages are shown, in percent")
    for view in dialog.findChildren(QGraphicsView):
        if not view.accessibleName():
            named(view, "previewPages", "Pages", "The printed pages; Page Up and Page Down move")
    for edit in dialog.findChildren(QLineEdit):
        if not isinstance(edit.parentWidget(), QComboBox) and not edit.accessibleName():
            named(edit, "previewPage", "Page number", "The page shown: type a number, press Enter")


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
