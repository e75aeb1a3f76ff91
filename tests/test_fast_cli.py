"""Fast command-line paths: --version and --help load nothing heavy; plan/status/log load no Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from helpers.cli import PLAN

pytestmark = pytest.mark.slow

HEAVY = ("pydantic", "pydantic_core", "yaml", "PySide6", "shiboken6", "matplotlib", "numpy")
GUI = ("PySide6", "shiboken6", "matplotlib", "numpy")

# Runs the command in this process, then reports what it imported (on stderr's last line).
SCRIPT = textwrap.dedent(
    """
    import json, sys
    from planner.cli import main
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
    loaded = sorted({name.split(".")[0] for name in sys.modules})
    planner = sorted(name for name in sys.modules if name.startswith("planner"))
    print(json.dumps({"code": code, "top": loaded, "planner": planner}), file=sys.stderr)
    """
)


def imported(*args: str, home: Path) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update({"CODEPATH_HOME": str(home), "CODEPATH_TODAY": "2027-03-01"})
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    report: dict[str, Any] = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["code"] in (0, None), result.stderr
    return report


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_version_and_help_import_nothing_heavy(flag: str, tmp_path: Path) -> None:
    report = imported(flag, home=tmp_path)
    assert not set(HEAVY) & set(report["top"])
    assert report["planner"] == ["planner", "planner.cli", "planner.core", "planner.core.limits"]


def test_plan_status_and_log_import_no_qt_and_no_matplotlib(tmp_path: Path) -> None:
    profile = str(tmp_path / "me.json")
    for args in (
        [*PLAN, "--profile", profile, "--save"],
        ["status", "--profile", profile],
        ["log", "--profile", profile, "--hours", "2", "--topic", "ICD-10-CM"],
        ["status", "--profile", profile, "--format", "json"],
    ):
        report = imported(*args, home=tmp_path)
        assert not set(GUI) & set(report["top"]), args
        drawing = [m for m in report["planner"] if m.startswith(("planner.gui", "planner.render"))]
        assert drawing == [], args
    assert json.loads(Path(profile).read_text(encoding="utf-8"))["study_log"][0]["hours"] == 2
