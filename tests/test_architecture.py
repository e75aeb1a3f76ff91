"""Architecture rules checked in a clean interpreter: the core, report and CLI never load Qt."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE_MODULES = [
    f"planner.{path.parent.name}.{path.stem}"
    for folder in ("core", "report")
    for path in sorted((ROOT / "planner" / folder).glob("*.py"))
    if path.stem != "__init__"
]
CORE_MODULES.append("planner.cli")


def run(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env=env,
    )


def test_core_report_and_cli_do_not_import_qt() -> None:
    assert "planner.core.storage" in CORE_MODULES and "planner.report.charts" in CORE_MODULES
    lines = ["import sys"] + [f"import {name}" for name in CORE_MODULES]
    lines += [
        "from datetime import date",
        "from planner.core.catalog import default_catalog",
        "from planner.core.demo import demo_profile",
        "from planner.core.plan import build_plan",
        "from planner.core.progress import compute_progress, current_plan",
        "catalog = default_catalog()",
        "profile = demo_profile(date(2026, 3, 2))",
        "plan = current_plan(build_plan(profile.inputs, catalog), profile)",
        "compute_progress(plan, profile, catalog, date(2026, 3, 2))",
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))",
        "print('matplotlib' in sys.modules)",
    ]
    qt, matplotlib = run("\n".join(lines)).stdout.splitlines()
    assert qt == "[]"
    assert matplotlib == "False"  # the chart module imports matplotlib only to draw


def test_the_chart_draws_without_qt() -> None:
    result = run(
        """
        import sys
        from datetime import date
        from matplotlib.figure import Figure
        from planner.core.catalog import default_catalog
        from planner.core.demo import demo_profile
        from planner.core.plan import build_plan
        from planner.report.charts import plot_salary

        plan = build_plan(demo_profile(date(2026, 3, 2)).inputs, default_catalog())
        figure = Figure()
        plot_salary(figure.add_subplot(), plan)
        figure.canvas.draw()
        print(any(m.startswith(("PySide6", "matplotlib.backends.backend_qt")) for m in sys.modules))
        print("matplotlib.pyplot" in sys.modules)
        """
    )
    assert result.stdout.split() == ["False", "False"]


def test_pyside6_is_imported_only_under_planner_gui_and_render() -> None:
    root = ROOT / "planner"
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "PySide6" in path.read_text(encoding="utf-8")
        and path.parent.name not in ("gui", "render")
    ]
    assert offenders == []


def test_render_needs_only_qtgui_and_qtsvg() -> None:
    allowed = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtSvg"}
    for path in sorted((ROOT / "planner" / "render").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        used = set(re.findall(r"\b(?:from|import) (PySide6\.\w+)", text))
        assert used <= allowed, (path.name, used - allowed)
        assert "planner.gui" not in text, path.name


def test_pdf_export_loads_no_widgets_and_leaves_the_environment(tmp_path: Path) -> None:
    """``codepath export`` as a headless user runs it: a QGuiApplication, nothing of the GUI."""
    result = run(
        f"""
        import os, sys
        from planner.cli import main
        from planner.core.catalog import default_catalog
        from planner.core.demo import demo_profile
        from planner.core.storage import ProfileStore
        from datetime import date

        store = ProfileStore({str(tmp_path / "me.json")!r})
        store.save(demo_profile(date(2026, 3, 2)))
        before = dict(os.environ)
        code = main(["export", "--profile", str(store.path),
                     "--pdf", {str(tmp_path / "me.pdf")!r}, "--ics", {str(tmp_path / "me.ics")!r}])
        from PySide6.QtGui import QGuiApplication
        app = QGuiApplication.instance()
        print(code)
        print(type(app).__name__, app.platformName())
        print(sorted(m for m in sys.modules if m.startswith("planner.gui")))
        print(sorted(m for m in sys.modules if m.startswith(("PySide6.QtWidgets",
                                                             "PySide6.QtPrintSupport"))))
        print(dict(os.environ) == before)
        """,
        env={
            **{
                k: v
                for k, v in os.environ.items()
                if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
            },
            "CODEPATH_HOME": str(tmp_path),
            "CODEPATH_TODAY": "2026-06-01",
        },
    )
    code, app, gui, widgets, same_env = result.stdout.splitlines()[-5:]
    assert code == "0", result.stderr
    assert (tmp_path / "me.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "me.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert app == "QGuiApplication offscreen"
    assert gui == "[]"
    assert widgets == "[]"
    assert same_env == "True"
