"""What the first window leaves out: modules it does not show, validators it does not need."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from gui_helpers import TODAY

from planner.gui import app

pytestmark = pytest.mark.slow

# the command line's `codepath gui --screenshot`, then what the process holds
SCRIPT = textwrap.dedent(
    """
    import gc, json, sys
    from planner.cli import main

    status = main(["gui", "--profile", sys.argv[1], "--screenshot", sys.argv[2]])
    from planner.core.catalog import Catalog
    print(json.dumps({
        "status": status,
        "modules": sorted(sys.modules),
        "collector_on": gc.isenabled(),
        "frozen": gc.get_freeze_count(),
        "catalog_validator_built": bool(Catalog.__dict__.get("__pydantic_complete__")),
    }))
    """
)

NOT_AT_FIRST_WINDOW = (
    "matplotlib",
    "icalendar",
    "planner.report.calendar",
    "planner.render.printing",
    "planner.gui.wizard",
    "planner.gui.fit_dialog",
    "planner.gui.programme_dialog",
    "planner.gui.print_dialogs",
    "planner.gui.compare_page",
    "planner.gui.salary_page",
    "planner.core.compare",
)


def first_window(profile_path: Path, tmp_path: Path) -> dict[str, object]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        CODEPATH_HOME=str(tmp_path / "home"),
        CODEPATH_TODAY=TODAY.isoformat(),
    )
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(profile_path), str(tmp_path / "shot.png")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return report


def test_the_first_window_loads_only_what_it_shows(profile_path: Path, tmp_path: Path) -> None:
    first_window(profile_path, tmp_path)  # fills the resource cache
    report = first_window(profile_path, tmp_path)
    assert report["status"] == 0
    assert (tmp_path / "shot.png").stat().st_size > 0
    modules = report["modules"]
    assert isinstance(modules, list)
    assert [name for name in NOT_AT_FIRST_WINDOW if name in modules] == []
    # the catalog comes from the cache: its validators are built only if something validates it
    assert report["catalog_validator_built"] is False
    # the collector, paused during start-up, runs again; what start-up made is frozen
    assert report["collector_on"] is True
    frozen = report["frozen"]
    assert isinstance(frozen, int) and frozen > 10_000


def test_the_collector_resumes_once_with_what_start_up_made_frozen() -> None:
    assert gc.isenabled()
    app.resume_collector()  # not paused (as in tests and when run from Python): nothing to do
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        app.resume_collector()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()
