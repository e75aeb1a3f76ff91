"""Re-make docs/screenshots/fit-result.png and programme-check.png (offscreen, QWidget.grab)."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from planner.core.catalog import load_catalog
from planner.core.demo import demo_profile
from planner.core.storage import ProfileStore
from planner.gui.controller import PlannerController
from planner.gui.fit_dialog import FitDialog
from planner.gui.programme_dialog import ProgrammeDialog

TODAY = date(2026, 3, 2)
OUT = Path(__file__).resolve().parent / "screenshots"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    catalog = load_catalog()
    fit = FitDialog(catalog)
    for trait in ("structured-systems", "detail", "independent", "dislikes-repetition"):
        fit.trait_boxes[trait].setChecked(True)
    fit.hours.setValue(10)
    fit.budget.setText("$4,000")
    fit.degree.setCurrentIndex(fit.degree.findData(False))
    fit.remote.setChecked(True)
    fit.resize(900, 760)
    fit.show()
    fit.show_result()
    app.processEvents()
    fit.grab().save(str(OUT / "fit-result.png"))
    fit.close()

    with tempfile.TemporaryDirectory() as folder:
        store = ProfileStore(Path(folder) / "demo.json")
        store.save(demo_profile(TODAY))
        controller = PlannerController(store.load(), store, catalog, TODAY, autosave_ms=0)
        dialog = ProgrammeDialog(controller)
        dialog.name.setText("QuickCode Academy online certificate")
        dialog.target.setCurrentIndex(dialog.target.findData("CPC"))
        dialog.price.setText("$899")
        dialog.notes.setPlainText("Seen in an online ad; the adviser called twice.")
        for item_id in ("named-exam", "instructor", "guaranteed-job", "pressure-to-sign"):
            dialog.boxes[item_id].setChecked(True)
        dialog.resize(1180, 820)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(OUT / "programme-check.png"))
        dialog.close()
        controller.saver.shutdown()
    print(f"wrote {OUT / 'fit-result.png'} and {OUT / 'programme-check.png'}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
