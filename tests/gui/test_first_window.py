"""The first window: pages built on first visit, the income chart drawn once."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from gui_helpers import TODAY, MakeController
from matplotlib.backend_bases import Event
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.gui import app
from planner.gui.main_window import PAGE_NAMES, MainWindow
from planner.gui.salary_chart import SalaryChart


@pytest.fixture
def draws(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One item per draw of any income chart built from now on."""
    counted: list[int] = []
    original = SalaryChart._on_drawn

    def counting(chart: SalaryChart, event: Event) -> None:
        counted.append(id(chart))
        original(chart, event)

    monkeypatch.setattr(SalaryChart, "_on_drawn", counting)
    return counted


def test_the_salary_screenshot_draws_the_chart_once(
    qapp: QApplication, profile_path: Path, tmp_path: Path, draws: list[int]
) -> None:
    out = tmp_path / "salary.png"
    assert app.run_gui(profile_path=profile_path, screenshot=out, page="salary", today=TODAY) == 0
    assert out.stat().st_size > 0
    assert len(draws) == 1


def test_opening_the_salary_page_draws_the_chart_once(
    qtbot: QtBot, window: MainWindow, draws: list[int]
) -> None:
    with qtbot.waitSignal(window.salary_page.chartReady, timeout=10_000):
        window.show_page("salary")
    qtbot.waitUntil(lambda: len(draws) >= 1, timeout=10_000)
    qtbot.wait(200)  # any second draw (a resize, a pending draw_idle) would come now
    assert len(draws) == 1
    assert window.salary_page.chart is not None
    assert window.salary_page.chart.median_values()


def test_a_window_opened_on_another_page_builds_only_that_one(
    qtbot: QtBot, make_controller: MakeController
) -> None:
    window = MainWindow(make_controller(), settings=None, page="salary")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.current_page() == "salary"
    assert [name for name in PAGE_NAMES if window.pages.is_built(name)] == ["salary"]
    with pytest.raises(ValueError, match="unknown page 'nowhere'"):
        MainWindow(make_controller(), settings=None, page="nowhere")


def test_the_page_shown_last_is_the_only_one_built_at_start(
    qtbot: QtBot, make_controller: MakeController
) -> None:
    first = MainWindow(make_controller(), settings=app.make_settings())
    qtbot.addWidget(first)
    first.show_page("milestones")
    first.close()
    second = MainWindow(make_controller(), settings=app.make_settings())
    qtbot.addWidget(second)
    assert second.current_page() == "milestones"
    assert [name for name in PAGE_NAMES if second.pages.is_built(name)] == ["milestones"]
    third = MainWindow(make_controller(), settings=app.make_settings(), page="progress")
    qtbot.addWidget(third)
    assert [name for name in PAGE_NAMES if third.pages.is_built(name)] == ["progress"]


PAGE_MODULES = textwrap.dedent(
    """
    import sys
    from datetime import date
    from pathlib import Path

    from PySide6.QtWidgets import QWidget

    from planner.gui import app
    from planner.gui.main_window import PAGE_NAMES, MainWindow

    shown = []

    def show(window):
        QWidget.show(window)
        pages = [f"planner.gui.{name}_page" for name in PAGE_NAMES] + ["planner.gui.wizard"]
        shown.append(sorted(m for m in pages if m in sys.modules))
        shown.append(sorted(m for m in ("yaml", "matplotlib") if m in sys.modules))

    MainWindow.show = show
    app.run_gui(profile_path=Path(sys.argv[1]), screenshot=Path(sys.argv[2]), page="timeline",
                today=date.fromisoformat(sys.argv[3]))
    print(shown[0])
    print(shown[1])
    """
)


@pytest.mark.slow
def test_the_first_window_loads_only_the_page_it_shows_no_wizard_and_no_yaml(
    profile_path: Path, tmp_path: Path
) -> None:
    command = [sys.executable, "-c", PAGE_MODULES, str(profile_path), str(tmp_path / "t.png")]
    runs = [
        subprocess.run(
            [*command, TODAY.isoformat()],
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout.splitlines()
        for _ in range(2)
    ]
    assert runs[0][0] == runs[1][0] == "['planner.gui.timeline_page']"
    assert runs[0][1] == "['yaml']"  # the first start reads the YAML and caches the catalog
    assert runs[1][1] == "[]"  # later ones: no YAML, and never matplotlib before the chart
