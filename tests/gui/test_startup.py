"""Start-up: the main window is up before matplotlib is imported (it loads with the chart)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from gui_helpers import TODAY

pytestmark = pytest.mark.slow

SCRIPT = textwrap.dedent(
    """
    import sys
    from datetime import date
    from pathlib import Path

    from planner.core.catalog import default_catalog
    from planner.core.storage import ProfileStore
    from planner.gui.app import make_qapp
    from planner.gui.controller import PlannerController
    from planner.gui.main_window import MainWindow

    app = make_qapp()
    store = ProfileStore(Path(sys.argv[1]))
    controller = PlannerController(
        store.load(), store, default_catalog(), date.fromisoformat(sys.argv[2]), read_only=True
    )
    window = MainWindow(controller)
    window.show()
    for _ in range(5):
        app.processEvents()
    window.grab()
    print("after show:", "matplotlib" in sys.modules)
    window.salary_page.ensure_chart()
    print("after salary:", "matplotlib" in sys.modules, "pyplot" in str(sorted(sys.modules)))
    """
)


def test_matplotlib_waits_for_the_salary_page(profile_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(profile_path), TODAY.isoformat()],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert "after show: False" in lines
    assert "after salary: True False" in lines  # matplotlib, but never pyplot
