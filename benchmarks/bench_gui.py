"""GUI start-up and redraw benchmark (run: python benchmarks/bench_gui.py [--runs 7]).

1. Whole-process wall time and peak memory of
   ``codepath gui --profile demo.json --screenshot x.png`` (timeline page) against
   ``benchmarks/minimal_window.py`` (one QMainWindow with one matplotlib canvas), N runs each,
   interleaved. Aim: the app within 1.15x of the minimal window.
2. In one process: the time from changing certification/specialty in the controller until the
   timeline and the salary chart are redrawn, over many changes. Aim: under 50 ms.

Runs offscreen unless QT_QPA_PLATFORM is set.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 3, 2)


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process (os.wait4 gives its own rusage)."""
    begin = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - begin
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode() if process.stderr else ""
    if process.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({process.returncode}): {error.strip()}")
    scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss: KB on Linux
    return elapsed, usage.ru_maxrss * 1024 / scale / 1024


def startup(runs: int, folder: Path) -> None:
    from planner.core.demo import demo_profile
    from planner.core.storage import ProfileStore

    profile = folder / "demo.json"
    ProfileStore(profile).save(demo_profile(TODAY))
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update({"CODEPATH_TODAY": TODAY.isoformat(), "CODEPATH_HOME": str(folder)})
    script = shutil.which("codepath", path=str(Path(sys.executable).parent))
    codepath = [script] if script else [sys.executable, "-m", "planner"]
    app_cmd = [*codepath, "gui", "--profile", str(profile), "--screenshot", str(folder / "x.png")]
    minimal_cmd = [sys.executable, str(HERE / "minimal_window.py"), str(folder / "m.png")]
    run_once(app_cmd, env)  # warm the file cache for both
    run_once(minimal_cmd, env)
    app_times, app_rss, min_times, min_rss = [], [], [], []
    for _ in range(runs):
        seconds, rss = run_once(app_cmd, env)
        app_times.append(seconds)
        app_rss.append(rss)
        seconds, rss = run_once(minimal_cmd, env)
        min_times.append(seconds)
        min_rss.append(rss)
    app_median, min_median = statistics.median(app_times), statistics.median(min_times)
    print(f"start-up, {runs} runs each ({env['QT_QPA_PLATFORM']}), whole process:")
    print(f"  codepath gui --screenshot (timeline): median {app_median:.3f} s "
          f"(min {min(app_times):.3f}, max {max(app_times):.3f})")  # fmt: skip
    print(f"  minimal QMainWindow + matplotlib canvas: median {min_median:.3f} s "
          f"(min {min(min_times):.3f}, max {max(min_times):.3f})")  # fmt: skip
    print(f"  ratio app / minimal: {app_median / min_median:.2f}x (aim <= 1.15x)")
    app_mb, min_mb = statistics.median(app_rss), statistics.median(min_rss)
    print(f"  peak RSS: app median {app_mb:.0f} MB (max {max(app_rss):.0f}), "
          f"minimal median {min_mb:.0f} MB (max {max(min_rss):.0f})")  # fmt: skip


def redraw(changes: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from planner.core.catalog import default_catalog
    from planner.core.demo import demo_profile
    from planner.core.storage import ProfileStore
    from planner.gui.app import make_qapp
    from planner.gui.controller import PlannerController
    from planner.gui.main_window import MainWindow

    catalog = default_catalog()
    app = make_qapp()
    combos = [
        (cert.id, spec.id)
        for cert in catalog.targets()
        for spec in catalog.specialties_for(cert.id)[:5]
    ]
    print(f"redraw after a certification/specialty change ({changes} changes, cold plan cache):")
    with tempfile.TemporaryDirectory() as tmp:
        store = ProfileStore(Path(tmp) / "profile.json")
        controller = PlannerController(demo_profile(TODAY), store, catalog, TODAY)
        controller.saver.shutdown()  # edits allowed, never written
        window = MainWindow(controller)
        window.resize(1200, 800)
        window.show()
        chart = window.salary_page.ensure_chart()
        chart.canvas.draw()
        view = window.timeline_page.view

        def change(index: int) -> tuple[float, float]:
            cert, spec = combos[index % len(combos)]
            if (cert, spec) == (controller.plan.certification, controller.plan.specialty):
                cert, spec = combos[(index + 1) % len(combos)]
            controller._plans.clear()
            begin = time.perf_counter()
            controller.update_inputs(certification=cert, specialty=spec)
            return begin, time.perf_counter()

        def finish_chart() -> None:
            drawn = chart.draw_count
            app.processEvents()  # the chart's pending draw_idle, as the event loop runs it
            if chart.draw_count == drawn:
                chart.canvas.draw()

        results: dict[str, list[float]] = {}
        parts: dict[str, list[float]] = {"update": [], "timeline": [], "chart": []}
        for page in ("settings", "timeline", "salary", "both"):
            window.show_page("salary" if page == "both" else page)
            app.processEvents()
            times = results.setdefault(page, [])
            for index in range(changes):
                begin, updated = change(index)
                if page == "timeline":
                    view.repaint()  # visible: paint it now
                elif page == "both":
                    view.grab()  # on another page: paint it off screen
                painted = time.perf_counter()
                if page in ("salary", "both"):
                    finish_chart()
                app.processEvents()
                end = time.perf_counter()
                times.append((end - begin) * 1000)
                if page == "both":
                    parts["update"].append((updated - begin) * 1000)
                    parts["timeline"].append((painted - updated) * 1000)
                    parts["chart"].append((end - painted) * 1000)
        controller.undo_stack.blockSignals(True)
        window.close()

    def line(label: str, values: list[float]) -> str:
        p90 = statistics.quantiles(values, n=10)[-1]
        return f"  {label}: median {statistics.median(values):.1f} ms (p90 {p90:.1f} ms)"

    print(line("on Plan settings (what the user waits for; other pages update their data)",
               results["settings"]))  # fmt: skip
    print(line("on the Timeline page, until the timeline is repainted", results["timeline"]))
    print(line("on the Salary page, until the chart is re-plotted and drawn", results["salary"]))
    print(line("timeline and chart both redrawn (aim < 50 ms)", results["both"]))
    print(f"    of which: controller + page updates {statistics.median(parts['update']):.1f} ms, "
          f"timeline paint {statistics.median(parts['timeline']):.1f} ms, "
          f"matplotlib plot + draw {statistics.median(parts['chart']):.1f} ms")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="start-up runs of each (default 7)")
    parser.add_argument("--changes", type=int, default=60, help="plan changes to time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        startup(args.runs, Path(tmp))
    redraw(args.changes)


if __name__ == "__main__":
    main()
