"""What-if redraw benchmark (run: python benchmarks/bench_whatif.py [--steps 60]).

A drag of the timeline's what-if hours slider, step by step (half an hour each, every plan new
to the cache). Each step is timed the way it runs now and, in the same run and in turn, the way
a full redraw would do it (the timeline painted whole, the salary chart re-plotted):

- ghost plan build: ``plan_for`` over the inputs with the what-if hours (the core's builder);
- timeline repaint: the ghost laid over the cached plan layer, only its strip repainted,
  against the whole timeline painted afresh;
- chart update: the what-if median blitted over the drawn chart, and the plan's artists moved
  in place and drawn, against clearing the axes, re-plotting and drawing;
- total: build + timeline + chart (blitted ghost), against build + full timeline + re-plot.

Prints medians and ratios; runs offscreen unless QT_QPA_PLATFORM is set. Aim: total < 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

TODAY = date(2026, 3, 2)


def timed(action: Callable[[], object]) -> float:
    begin = time.perf_counter()
    action()
    return (time.perf_counter() - begin) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=60, help="slider steps to time")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from planner.core.catalog import default_catalog
    from planner.core.demo import demo_profile
    from planner.core.state import plan_for
    from planner.core.storage import ProfileStore
    from planner.gui.app import make_qapp
    from planner.gui.controller import PlannerController
    from planner.gui.salary_chart import SalaryChart
    from planner.gui.timeline_page import TimelinePage, what_if_inputs

    catalog = default_catalog()
    app = make_qapp()
    with tempfile.TemporaryDirectory() as tmp:
        controller = PlannerController(
            demo_profile(TODAY), ProfileStore(Path(tmp) / "p.json"), catalog, TODAY
        )
        controller.saver.shutdown()  # nothing is written
        page = TimelinePage(controller)
        page.resize(1200, 800)
        page.show()
        chart = SalaryChart()
        chart.resize(1000, 420)
        chart.show()
        chart.set_plan(controller.plan, draw="now")
        app.processEvents()
        view = page.view
        inputs = controller.profile.inputs

        def full_timeline(plan: object) -> None:
            view._base = None  # the whole timeline painted afresh, as before the cached layer
            view.repaint()

        def replot(plan: object) -> None:
            chart.artists = {}  # nothing to move: the axes are cleared and plotted afresh
            chart.set_plan(plan, draw="now")  # type: ignore[arg-type]
            app.processEvents()

        def in_place(plan: object) -> None:
            chart.set_plan(plan, draw="now")  # type: ignore[arg-type]
            app.processEvents()

        def ghost_timeline(plan: object) -> None:
            view.set_ghost(plan)  # type: ignore[arg-type]
            app.processEvents()  # paints the dirty strip

        def ghost_chart(plan: object) -> None:
            chart.set_ghost(plan)  # type: ignore[arg-type]
            app.processEvents()

        rows: dict[str, list[float]] = {}

        def add(name: str, value: float) -> None:
            rows.setdefault(name, []).append(value)

        chart.set_ghost(controller.plan)  # the ghost line exists and has been drawn once
        chart.canvas.draw()
        app.processEvents()
        low = round(inputs.hours_per_week * 2) + 1
        ghosts = []
        for step in range(args.steps):  # a drag: the ghost moves over the plan
            hours = (low + step) / 2
            what_if = what_if_inputs(inputs, hours, inputs.start)
            start = time.perf_counter()
            ghost = plan_for(what_if, catalog)
            build = (time.perf_counter() - start) * 1000
            ghosts.append(ghost)
            add("build", build)
            timeline = timed(lambda g=ghost: ghost_timeline(g))
            blit = timed(lambda g=ghost: ghost_chart(g))
            add("timeline", timeline)
            add("chart ghost", blit)
            add("total", build + timeline + blit)
            # the same step redrawn in full, in turn
            full = timed(lambda g=ghost: full_timeline(g))
            full_chart = timed(lambda g=ghost: replot(g))
            add("timeline full", full)
            add("chart replot", full_chart)
            add("total full", build + full + full_chart)
            chart.set_plan(controller.plan, draw="now")  # the plan again, for the next step
            app.processEvents()
        chart.set_ghost(None)
        for ghost in ghosts:  # the chart's own plan changes step by step (Salary page)
            add("chart in place", timed(lambda g=ghost: in_place(g)))
            add("chart replot 2", timed(lambda g=ghost: replot(g)))
        # the page's own path: slider value -> plan_for -> ghost -> legend text -> paint
        chart_hooked = page.whatIfChanged.connect(chart.set_ghost)
        for step in range(args.steps):
            page.what_if_hours.setValue((low + step) / 2 + 0.25 * (step % 2))
            add("page", timed(lambda: (page.update_what_if(), app.processEvents())))
        page.whatIfChanged.disconnect(chart_hooked)
        page.close()
        chart.close()

    def median(name: str) -> float:
        return statistics.median(rows[name])

    print(f"what-if drag, {args.steps} steps of half an hour (demo profile, 1200x800 timeline):")
    print(f"  ghost plan build (plan_for):      {median('build'):6.1f} ms")
    print(f"  timeline repaint, ghost strip:    {median('timeline'):6.1f} ms   "
          f"whole timeline {median('timeline full'):6.1f} ms   "
          f"ratio {median('timeline full') / median('timeline'):4.1f}x")  # fmt: skip
    print(f"  chart update, ghost blitted:      {median('chart ghost'):6.1f} ms   "
          f"re-plot + draw {median('chart replot'):6.1f} ms   "
          f"ratio {median('chart replot') / median('chart ghost'):4.1f}x")  # fmt: skip
    print(f"  chart update, plan moved in place: {median('chart in place'):6.1f} ms   "
          f"re-plot + draw {median('chart replot 2'):6.1f} ms   "
          f"ratio {median('chart replot 2') / median('chart in place'):4.1f}x")  # fmt: skip
    print(f"  total (build + timeline + chart): {median('total'):6.1f} ms   "
          f"full redraw {median('total full'):6.1f} ms   "
          f"ratio {median('total full') / median('total'):4.1f}x (aim < 50 ms)")  # fmt: skip
    print(f"  whole page step (slider value to painted ghost, chart hooked): "
          f"{median('page'):6.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
