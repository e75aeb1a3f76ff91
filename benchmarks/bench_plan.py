"""Time catalog loading and plan building; prints medians (run: python benchmarks/bench_plan.py)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date

from planner.core.catalog import load_catalog
from planner.core.inputs import PlanInputs
from planner.core.plan import build_plan
from planner.core.profile import Profile, StudyEntry
from planner.core.progress import compute_progress


def median_ms(func: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        func()
        times.append((time.perf_counter() - begin) * 1000)
    return statistics.median(times)


def main() -> None:
    load_ms = median_ms(load_catalog, 30)
    catalog = load_catalog()
    inputs = [
        PlanInputs(
            certification=c,
            specialty=s,
            start=date(2027, 1, 4),
            hours_per_week=12,
            state="CA",
            current_income=40_000,
        )
        for c, s in (("CPC", "risk-adjustment"), ("CCS", "inpatient-hospital"), ("RHIT", "him"))
    ]
    print(f"catalog load (4 YAML files, validated): median {load_ms:.2f} ms")
    for item in inputs:
        ms = median_ms(lambda item=item: build_plan(item, catalog), 200)
        print(f"build_plan {item.certification}/{item.specialty}: median {ms:.3f} ms")
    plan = build_plan(inputs[0], catalog)
    profile = Profile(
        inputs=inputs[0],
        study_log=[
            StudyEntry(
                day=date.fromordinal(date(2027, 1, 4).toordinal() + i), hours=1.5, topic="study"
            )
            for i in range(365)
        ],
    )
    today = date(2028, 1, 4)
    ms = median_ms(lambda: compute_progress(plan, profile, catalog, today), 200)
    print(f"compute_progress (365 log entries): median {ms:.3f} ms")


if __name__ == "__main__":
    main()
