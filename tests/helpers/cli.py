"""Running the `codepath` command line in a child process, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PLAN = [
    "plan",
    "--cert",
    "CPC",
    "--specialty",
    "risk-adjustment",
    "--start",
    "2027-01-04",
    "--hours-per-week",
    "12",
]
DISPLAY_VARIABLES = ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")


def codepath(
    *args: str, home: Path, today: str = "2027-03-01", no_display: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run `python -m planner` in ``home`` with that home and today.

    Qt draws offscreen; with ``no_display`` the child sees no display and no Qt platform at
    all, as on a headless server.
    """
    env = {k: v for k, v in os.environ.items() if not (no_display and k in DISPLAY_VARIABLES)}
    if not no_display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    env.update({"CODEPATH_HOME": str(home), "CODEPATH_TODAY": today})
    return subprocess.run(
        [sys.executable, "-m", "planner", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
        cwd=home,
    )
