"""SIGTERM (a session logout) and SIGINT (Ctrl+C) save pending edits and end `codepath gui`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from gui_helpers import TODAY, stored

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals"),
]

# `codepath gui` as the command line runs it, with one edit made as the window opens and an
# autosave delay long enough that only the signal handling can save it.
SCRIPT = textwrap.dedent(
    """
    import sys
    from datetime import date

    from PySide6.QtCore import QTimer

    import planner.gui.controller as controller_module
    from planner.cli import main
    from planner.gui import app

    real_init = controller_module.PlannerController.__init__

    def init(self, *args, **options):
        options["autosave_ms"] = 600_000
        real_init(self, *args, **options)

    controller_module.PlannerController.__init__ = init
    real_start = app.start_window

    def start(*args, **options):
        window = real_start(*args, **options)
        if sys.argv[2] == "edit":
            window.controller.log_study(date(2026, 3, 2), 1.5, "saved by the signal")
        QTimer.singleShot(0, lambda: print("ready", flush=True))
        return window

    app.start_window = start
    sys.exit(main(["gui", "--profile", sys.argv[1]]))
    """
)


def run_until_signal(
    profile_path: Path, signum: int, edit: bool
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CODEPATH_TODAY=TODAY.isoformat())
    process = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(profile_path), "edit" if edit else "none"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        process.send_signal(signum)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_quit_signal_saves_the_pending_edit_and_exits_cleanly(
    profile_path: Path, signum: int
) -> None:
    result = run_until_signal(profile_path, signum, edit=True)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert stored(profile_path).study_log[-1].topic == "saved by the signal"


def test_ctrl_c_ends_the_app_without_edits(profile_path: Path) -> None:
    before = profile_path.read_bytes()
    result = run_until_signal(profile_path, signal.SIGINT, edit=False)
    assert result.returncode == 0, result.stderr
    assert profile_path.read_bytes() == before
