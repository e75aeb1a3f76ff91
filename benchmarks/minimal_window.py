"""The yardstick for start-up: one QMainWindow holding one matplotlib canvas, grabbed to a PNG.

Run: python benchmarks/minimal_window.py OUT.png  (QT_QPA_PLATFORM=offscreen for no display)
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    out = sys.argv[1] if len(sys.argv) > 1 else "minimal.png"
    app = QApplication(sys.argv[:1])
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 4))
    axes = figure.add_subplot()
    axes.plot([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [31, 49, 54, 61, 63, 65, 67, 69, 72, 74])
    window = QMainWindow()
    window.setCentralWidget(FigureCanvasQTAgg(figure))
    window.resize(1200, 800)
    window.show()
    app.processEvents()
    figure.canvas.draw()
    app.processEvents()
    ok = window.grab().save(out, "PNG")
    window.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
