"""Time the roadmap PDF export (in process and as a whole ``codepath export`` process).

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_export.py [--runs 7] [--check]

The profile has a year of progress: a study entry every day for 365 days, practice scores,
and every milestone due in that year marked done. Reported:
- the first export in a fresh process (after the planner's own imports, which includes
  importing matplotlib and starting Qt) and the median of the following exports;
- ``codepath export --pdf`` against ``codepath --version`` as whole processes (median wall
  time of each, and the difference: what the export costs beyond start-up), with
  ``codepath status`` (profile, catalog and plan loaded, no Qt, no matplotlib) for reference;
- file size and page count for Letter and A4, and the .ics export time.
Targets: under 1 s beyond start-up and under 500 KB. ``--check`` exits 1 when one is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.core.profile import Profile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

START = date(2027, 1, 4)
TODAY = START + timedelta(days=365)
TARGET_SECONDS = 1.0
TARGET_BYTES = 500_000


def build_profile() -> Profile:
    from planner.core.catalog import default_catalog
    from planner.core.inputs import PlanInputs
    from planner.core.plan import build_plan
    from planner.core.profile import ExamScore, MilestoneProgress, Profile, StudyEntry

    inputs = PlanInputs(
        certification="CPC", specialty="risk-adjustment", start=START, hours_per_week=12
    )
    profile = Profile(name="Benchmark learner", inputs=inputs)
    topics = ["Medical terminology", "Anatomy", "CPT guidelines", "ICD-10-CM", "HCPCS Level II"]
    profile.study_log = [
        StudyEntry(
            id=f"{n:032x}",
            day=START + timedelta(days=n),
            hours=1.0 + (n % 3) * 0.5,
            topic=topics[n % len(topics)],
        )
        for n in range(365)
    ]
    profile.scores = [
        ExamScore(day=START + timedelta(days=120 + 10 * n), exam="CPC", percent=55 + n)
        for n in range(24)
    ]
    plan = build_plan(inputs, default_catalog())
    profile.milestones = {
        m.id: MilestoneProgress(done_on=m.due, note="done on time")
        for m in plan.milestones()
        if m.due <= TODAY
    }
    return profile


def run(args: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "planner", *args],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=300,
    )
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each measurement")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    options = parser.parse_args()

    began = time.perf_counter()
    from planner.core.catalog import default_catalog
    from planner.core.state import derive
    from planner.core.storage import ProfileStore
    from planner.render.printing import export_pdf
    from planner.report.calendar import write_ics

    imports = time.perf_counter() - began
    catalog = default_catalog()
    profile = build_profile()
    state = derive(profile, catalog, TODAY)
    missed: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        began = time.perf_counter()
        export_pdf(state, out / "first.pdf")
        first = time.perf_counter() - began
        print(f"imports (planner, printing, Qt): {imports * 1000:.0f} ms")
        print(f"first export in a fresh process (starts Qt, imports matplotlib): {first:.3f} s")
        for paper in ("letter", "a4"):
            path = out / f"roadmap-{paper}.pdf"
            times = []
            for _ in range(options.runs):
                began = time.perf_counter()
                export_pdf(state, path, paper=paper)
                times.append(time.perf_counter() - began)
            size = path.stat().st_size
            pages = _pages(path)
            median = statistics.median(times)
            print(
                f"export {paper:<6}: median {median * 1000:.0f} ms of {options.runs} "
                f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}); "
                f"{size / 1024:.0f} KB, {pages} pages"
            )
            if size >= TARGET_BYTES:
                missed.append(f"{paper} PDF is {size} bytes")
            if median >= TARGET_SECONDS:
                missed.append(f"{paper} export median {median:.2f} s")
        times = []
        for _ in range(options.runs):
            began = time.perf_counter()
            write_ics(state, out / "plan.ics")
            times.append(time.perf_counter() - began)
        print(
            f"export ics   : median {statistics.median(times) * 1000:.1f} ms; "
            f"{(out / 'plan.ics').stat().st_size / 1024:.0f} KB"
        )

        store = ProfileStore(out / "profile.json")
        store.save(profile)
        env = {
            **os.environ,
            "CODEPATH_HOME": str(out),
            "CODEPATH_TODAY": TODAY.isoformat(),
        }
        env.pop("QT_QPA_PLATFORM", None)  # as a user would run it: the export picks offscreen
        whole_runs = max(3, options.runs // 2)
        version = [run(["--version"], env) for _ in range(whole_runs)]
        status = [run(["status"], env) for _ in range(whole_runs)]
        export = [run(["export", "--pdf", str(out / "cli.pdf")], env) for _ in range(whole_runs)]
        v, s, e = (statistics.median(x) for x in (version, status, export))
        print(
            f"whole process (median of {whole_runs}): codepath --version {v:.3f} s, "
            f"codepath status {s:.3f} s, codepath export --pdf {e:.3f} s; "
            f"export beyond start-up {e - v:.3f} s (beyond status: {e - s:.3f} s)"
        )
        if e - v >= TARGET_SECONDS:
            missed.append(f"whole-process export is {e - v:.2f} s beyond start-up")
    if missed:
        print("over target: " + "; ".join(missed))
    else:
        print(f"targets met: < {TARGET_SECONDS:g} s beyond start-up, < {TARGET_BYTES // 1000} KB")
    return 1 if missed and options.check else 0


def _pages(path: Path) -> int | str:
    try:
        from pypdf import PdfReader
    except ImportError:
        return "?"
    return len(PdfReader(path).pages)


if __name__ == "__main__":
    sys.exit(main())
