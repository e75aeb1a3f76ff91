"""The installed Qt binding must not leak references to None (PySide6 6.12.0 on Python 3.11)."""

from __future__ import annotations

import subprocess
import sys


def test_void_qt_calls_keep_none_alive() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtCore import QPointF\n"
        "p = QPointF(); before = sys.getrefcount(None)\n"
        "for _ in range(10000): p.setX(1.0)\n"
        "print(sys.getrefcount(None) - before)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert abs(int(result.stdout)) < 100, (
        "this PySide6 leaks references to None and will crash the app; see pyproject.toml"
    )
