"""PyInstaller run-time hook: point Qt at the bundled plugins without importing Qt.

It replaces PyInstaller's own PySide6 hook, which imports PySide6.QtCore at start-up
(about 60 ms) so that even ``codepath --version`` would pay for loading Qt. The PySide6
package registers its own relocatable qt.conf when it is first imported; Qt only needs the
plugin path (platforms, image formats, print support, ...) from here.
"""

import os
import sys


def _set_qt_plugin_path() -> None:
    base = sys._MEIPASS  # type: ignore[attr-defined]  # set by the PyInstaller bootloader
    qt_dir = (
        os.path.join(base, "PySide6")
        if sys.platform == "win32"
        else os.path.join(base, "PySide6", "Qt")
    )
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_dir, "plugins")


_set_qt_plugin_path()
del _set_qt_plugin_path
