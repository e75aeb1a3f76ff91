"""Start-up of the PyInstaller bundle against the same app run from the venv.

    python benchmarks/bench_bundle.py [--runs 9] [--bundle dist/codepath]

Scenarios, each whole-process wall time, median of N interleaved runs after warm-up runs:
  * ``codepath --version``
  * ``codepath gui --page timeline --screenshot x.png`` (offscreen), when the GUI exists
  * ``codepath gui --page salary --screenshot x.png`` (loads matplotlib), when it exists

Prints the bundle/venv ratio per scenario; the aim (issue 6) is within 1.2x. Each variant gets
its own temporary HOME/XDG folders, so both keep their own warm matplotlib font cache, as
installed copies would. Without a bundle (``make package``) it prints that and exits 0.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2027-01-04"
AIM = 1.2


def venv_command() -> list[str]:
    script = Path(sys.executable).with_name("codepath")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "planner"]


def environment(home: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "QT_", "XDG_", "MPL")) and k != "CODEPATH_HOME"
    }
    env.update(
        {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "CODEPATH_HOME": str(home / "codepath"),
            "CODEPATH_TODAY": TODAY,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        }
    )
    return env


def run(command: list[str], env: dict[str, str]) -> float:
    begin = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - begin
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "codepath")
    args = parser.parse_args(argv)

    bundle_exe = args.bundle / ("codepath.exe" if sys.platform == "win32" else "codepath")
    if not bundle_exe.is_file():
        print(f"no bundle at {args.bundle}: build it with `make package`; nothing measured")
        return 0
    variants = {"venv": venv_command(), "bundle": [str(bundle_exe)]}

    with tempfile.TemporaryDirectory(prefix="codepath-bench-") as tmp:
        work = Path(tmp)
        envs = {}
        for name in variants:
            (work / name).mkdir()
            envs[name] = environment(work / name)
        profile = work / "profile.json"
        scenarios: dict[str, list[str]] = {"--version": ["--version"]}
        if importlib.util.find_spec("planner.gui.app") is not None:
            run(
                [
                    *variants["venv"],
                    "plan",
                    "--cert",
                    "CPC",
                    "--specialty",
                    "risk-adjustment",
                    "--start",
                    TODAY,
                    "--hours-per-week",
                    "12",
                    "--profile",
                    str(profile),
                ],
                envs["venv"],
            )
            for page in ("timeline", "salary"):
                scenarios[f"gui --page {page} --screenshot"] = [
                    "gui",
                    "--profile",
                    str(profile),
                    "--page",
                    page,
                    "--screenshot",
                    str(work / f"{page}.png"),
                ]
        else:
            print("planner.gui.app does not exist yet: only --version is measured")

        print(f"{args.runs} runs each (after {args.warmup} warm-up), median wall time")
        print(f"{'scenario':34} {'venv':>9} {'bundle':>9} {'ratio':>7}")
        worst = 0.0
        for label, extra in scenarios.items():
            times: dict[str, list[float]] = {name: [] for name in variants}
            for _ in range(args.warmup):
                for name, command in variants.items():
                    run([*command, *extra], envs[name])
            for _ in range(args.runs):
                for name, command in variants.items():
                    times[name].append(run([*command, *extra], envs[name]))
            venv = statistics.median(times["venv"])
            bundle = statistics.median(times["bundle"])
            ratio = bundle / venv
            worst = max(worst, ratio)
            print(f"{label:34} {venv * 1000:7.0f}ms {bundle * 1000:7.0f}ms {ratio:6.2f}x")
    verdict = "within" if worst <= AIM else "OVER"
    print(f"worst ratio {worst:.2f}x: {verdict} the {AIM}x aim")
    return 0


if __name__ == "__main__":
    sys.exit(main())
