"""The yardsticks for start-up: a bare QMainWindow, or one holding one matplotlib canvas, grabbed.

Run: python benchmarks/minimal_window.py OUT.png [--bare]  (QT_QPA_PLATFORM=offscreen for no
display). ``--bare``: the window without matplotlib (the baseline of the first window).
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def main() -> int:
    args = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    out = args[0] if args else "minimal.png"
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    figure = None
    if "--bare" in sys.argv:
        window.setCentralWidget(QLabel("A bare PySide6 window"))
    else:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        figure = Figure(figsize=(8, 4))
        axes = figure.add_subplot()
        axes.plot([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [31, 49, 54, 61, 63, 65, 67, 69, 72, 74])
        window.setCentralWidget(FigureCanvasQTAgg(figure))
    window.resize(1200, 800)
    window.show()
    app.processEvents()
    if figure is not None:
        figure.canvas.draw()
    app.processEvents()
    ok = window.grab().save(out, "PNG")
    window.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
