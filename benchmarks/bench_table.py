"""The start-up and scaling table of issue 16, each row against its baseline in the same run.

Run: python benchmarks/bench_table.py [--runs 7] [--out benchmarks/RESULTS.md]  (``make bench``)

Every row times two whole processes, run in turn (row, baseline, row, baseline, ...), and
reports the median wall time and peak RSS of each and their ratio. Processes run offscreen,
with bytecode caching on (``PYTHONDONTWRITEBYTECODE`` is removed from their environment), a
throw-away CODEPATH_HOME and a fixed CODEPATH_TODAY. The scaling rows open the first window
with 1, 10 and 50 years of daily study log; ``edit_seconds`` is where the time of one edit at
that size is measured (by bench_scaling.py when present). The table is printed and written to
RESULTS.md. No test asserts any of these times.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = date(2041, 3, 4)  # 50 years of daily log start after 1990 (the earliest day)
SCALING_YEARS = (1, 10, 50)
TOPICS = ("Medical terminology", "Anatomy", "CPT guidelines", "ICD-10-CM", "HCPCS Level II")


@dataclass
class Sample:
    """Median wall seconds, CPU seconds (user + system) and peak RSS (MB) of several runs."""

    seconds: float
    megabytes: float
    cpu: float


@dataclass
class Row:
    """One line of the table."""

    what: str
    now: Sample
    baseline_label: str
    baseline: Sample | None
    goal: str
    met: bool
    memory: bool = False  # show the memory ratio too


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB) and CPU seconds of one child (os.wait4 gives its rusage)."""
    begin = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - begin
    error = process.stderr.read().decode() if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(command)} failed ({code}): {error.strip()}")
    scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss: KB on Linux
    return elapsed, usage.ru_maxrss / scale, usage.ru_utime + usage.ru_stime


def pair(
    command: list[str], baseline: list[str] | None, env: dict[str, str], runs: int
) -> tuple[Sample, Sample | None]:
    """Both commands ``runs`` times in turn, after one untimed warm-up run of each."""
    commands = [command] if baseline is None else [command, baseline]
    for each in commands:
        run_once(each, env)
    results: list[list[tuple[float, float, float]]] = [[] for _ in commands]
    for _ in range(runs):
        for index, each in enumerate(commands):
            results[index].append(run_once(each, env))
    samples = [
        Sample(*(statistics.median(run[column] for run in r) for column in range(3)))
        for r in results
    ]
    return samples[0], (samples[1] if baseline is not None else None)


def write_profile(path: Path, years: int | None) -> Path:
    """The demo profile; with ``years``, a study entry every day for that many years."""
    from planner.core.demo import demo_profile
    from planner.core.profile import StudyEntry
    from planner.core.storage import ProfileStore

    profile = demo_profile(TODAY)
    if years is None:
        profile.study_log = profile.study_log[-6:]
    else:
        profile.study_log = [
            StudyEntry(
                id=f"bench-{n:06d}",
                day=TODAY - timedelta(days=n),
                hours=1.0 + (n % 3) * 0.5,
                topic=TOPICS[n % len(TOPICS)],
            )
            for n in range(years * 365)
        ]
    ProfileStore(path).save(profile)
    return path


def edit_seconds(years: int, env: dict[str, str]) -> float | None:
    """Seconds one study-log edit takes with ``years`` of daily log open; None: not measured.

    The scaling benchmark (bench_scaling.py: model/view tables, incremental progress) measures
    it, in a child process; until that file is here the column says "not measured yet".
    """
    if not (HERE / "bench_scaling.py").is_file():
        return None
    code = f"import bench_scaling; print(bench_scaling.edit_time_ms({years}))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=HERE, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0 or not result.stdout.split():
        print(f"  bench_scaling.edit_time_ms failed: {result.stderr.strip()[-300:]}")
        return None
    return float(result.stdout.split()[-1]) / 1000


def bench_env(folder: Path) -> dict[str, str]:
    """The children's environment: bytecode cached, offscreen, a fixed today, a scratch home."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update({"CODEPATH_TODAY": TODAY.isoformat(), "CODEPATH_HOME": str(folder)})
    return env


def window_rows(env: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """The issue's in-window rows, measured in child processes by the benchmarks that own them:
    one edit at 100,000 entries, the 10 MB note, the save block (bench_scaling.py) and the
    what-if redraw of timeline and chart (bench_whatif.py). (what, entries, median ms, goal)."""
    code = "import json, bench_scaling; print(json.dumps(bench_scaling.scaling_rows(5, ())))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=HERE, env=env, capture_output=True, text=True, check=False
    )
    rows: list[tuple[str, str, str, str]] = []
    if result.returncode == 0 and result.stdout.strip():
        rows += [tuple(r) for r in json.loads(result.stdout.strip().splitlines()[-1])]
    else:
        print(f"  bench_scaling failed: {result.stderr.strip()[-300:]}")
    whatif = subprocess.run(
        [sys.executable, str(HERE / "bench_whatif.py")],
        cwd=HERE,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    for line in whatif.stdout.splitlines():
        if line.strip().startswith("total (build + timeline + chart):"):
            value = line.split(":", 1)[1].split()[0]
            rows.append(("what-if redraw of timeline + salary chart", "-", value, "< 50"))
    return rows


def measure(runs: int, folder: Path) -> tuple[list[Row], list[tuple[int, Sample, float | None]]]:
    env = bench_env(folder)
    python = sys.executable
    codepath = [python, "-m", "planner"]
    # in a child: this process stays small, as a fork's peak RSS starts at its parent's
    subprocess.run([python, __file__, "--write-profiles", str(folder)], env=env, check=True)
    small = folder / "six.json"
    big = {years: folder / f"log-{years}y.json" for years in SCALING_YEARS}
    png = str(folder / "shot.png")

    def window(profile: Path, page: str = "timeline") -> list[str]:
        return [*codepath, "gui", "--profile", str(profile), "--screenshot", png, "--page", page]

    bare = [python, str(HERE / "minimal_window.py"), png, "--bare"]
    canvas = [python, str(HERE / "minimal_window.py"), png]
    version = [*codepath, "--version"]
    nothing = [python, "-c", "pass"]
    rows: list[Row] = []

    def row(
        what: str,
        command: list[str],
        baseline_label: str,
        baseline: list[str] | None,
        goal: str,
        met: Callable[[Sample, Sample | None], bool],
        *,
        memory: bool = False,
    ) -> None:
        print(f"  timing: {what}", flush=True)
        now, base = pair(command, baseline, env, runs)
        rows.append(Row(what, now, baseline_label, base, goal, met(now, base), memory))

    def within(factor: float, *, memory: bool = False) -> Callable[[Sample, Sample | None], bool]:
        def check(now: Sample, base: Sample | None) -> bool:
            assert base is not None
            ok = now.seconds <= factor * base.seconds
            return ok and (not memory or now.megabytes <= factor * base.megabytes)

        return check

    row(
        "`codepath gui --screenshot --page timeline` (first window)",
        window(small),
        "bare PySide6 window",
        bare,
        "<= 1.6x",
        within(1.6),
        memory=True,
    )
    row(
        "`codepath gui --screenshot --page salary` (window with chart)",
        window(small, "salary"),
        "bare PySide6 + one matplotlib canvas",
        canvas,
        "<= 1.15x time and memory",
        within(1.15, memory=True),
        memory=True,
    )
    row(
        "first window with a 50-year daily log (18,250 entries)",
        window(big[50]),
        "same profile with 6 entries",
        window(small),
        "<= 1.2x",
        within(1.2),
    )
    row(
        "progress page with a 50-year daily log",
        window(big[50], "progress"),
        "same profile with 6 entries",
        window(small, "progress"),
        "<= 1.2x",
        within(1.2),
    )
    row(
        "`codepath --version`",
        version,
        "`python -c pass`",
        nothing,
        "< 0.1 s",
        lambda now, _base: now.seconds < 0.1,
    )
    row(
        "`codepath --help`",
        [*codepath, "--help"],
        "`python -c pass`",
        nothing,
        "< 0.1 s",
        lambda now, _base: now.seconds < 0.1,
    )
    row(
        "`codepath status` (no Qt, no matplotlib)",
        [*codepath, "status", "--profile", str(small)],
        "`codepath --version`",
        version,
        "-",
        lambda _now, _base: True,
    )
    row(
        "`codepath export --pdf`",
        [*codepath, "export", "--profile", str(small), "--pdf", str(folder / "out.pdf")],
        "`codepath --version`",
        version,
        "< 1 s beyond start-up",
        lambda now, base: base is not None and now.seconds - base.seconds < 1.0,
    )
    scaling: list[tuple[int, Sample, float | None]] = []
    for years in SCALING_YEARS:
        print(f"  timing: open with {years} year(s) of daily log", flush=True)
        opened, _ = pair(window(big[years]), None, env, runs)
        scaling.append((years, opened, edit_seconds(years, env)))
    return rows, scaling


def table(
    rows: list[Row],
    scaling: list[tuple[int, Sample, float | None]],
    runs: int,
    in_window: Sequence[tuple[str, str, str, str]] = (),
) -> str:
    lines = [
        f"Medians of {runs} runs, each row and its baseline run in turn, whole processes, "
        f"offscreen ({os.cpu_count()} CPUs, Python {sys.version.split()[0]}).",
        "",
        "Times are wall clock; CPU (user + system) is given too, as it varies less when other "
        "work shares the machine.",
        "",
        "| what | now | baseline in the same run | ratio | goal | met |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        now = f"{r.now.seconds:.3f} s (CPU {r.now.cpu:.2f} s), {r.now.megabytes:.0f} MB"
        if r.baseline is None:
            base, ratio = "-", "-"
        else:
            base = (
                f"{r.baseline_label} {r.baseline.seconds:.3f} s (CPU {r.baseline.cpu:.2f} s), "
                f"{r.baseline.megabytes:.0f} MB"
            )
            cpu_ratio = r.now.cpu / r.baseline.cpu
            ratio = f"{r.now.seconds / r.baseline.seconds:.2f}x (CPU {cpu_ratio:.2f}x)"
            if r.memory:
                ratio += f", {r.now.megabytes / r.baseline.megabytes:.2f}x memory"
            elif "beyond" in r.goal:
                ratio = f"+{r.now.seconds - r.baseline.seconds:.3f} s"
        met = "yes" if r.met else "no"
        lines.append(f"| {r.what} | {now} | {base} | {ratio} | {r.goal} | {met} |")
    lines += [
        "",
        "Scaling: the first window (timeline) with a study entry every day.",
        "",
        "| years of daily log | entries | open | vs 1 year | one edit |",
        "|---|---|---|---|---|",
    ]
    for years, opened, edit in scaling:
        first = scaling[0][1]
        edit_text = "not measured yet" if edit is None else f"{edit * 1000:.0f} ms"
        lines.append(
            f"| {years} | {years * 365:,} | {opened.seconds:.3f} s (CPU {opened.cpu:.2f} s), "
            f"{opened.megabytes:.0f} MB | {opened.seconds / first.seconds:.2f}x "
            f"(CPU {opened.cpu / first.cpu:.2f}x) | {edit_text} |"
        )
    if in_window:
        lines += [
            "",
            "In the window (in-process, medians; bench_scaling.py and bench_whatif.py).",
            "",
            "| what | entries | median ms | goal |",
            "|---|---|---|---|",
        ]
        lines += ["| " + " | ".join(row) + " |" for row in in_window]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each (default 7)")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md", help="table file")
    parser.add_argument("--write-profiles", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_profiles is not None:
        write_profile(args.write_profiles / "six.json", None)
        for years in SCALING_YEARS:
            write_profile(args.write_profiles / f"log-{years}y.json", years)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        rows, scaling = measure(args.runs, Path(tmp))
        print("  timing: in-window rows (edit, long note, save, what-if)", flush=True)
        in_window = window_rows(bench_env(Path(tmp)))
    text = table(rows, scaling, args.runs, in_window)
    print(text)
    header = "# Benchmark results (`make bench`, benchmarks/bench_table.py)\n\n"
    args.out.write_text(header + text, encoding="utf-8")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
