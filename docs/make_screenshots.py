"""Re-make docs/screenshots/*.png from the demo profile.

    python docs/make_screenshots.py [--theme system|light|dark] [--size WxH] [PAGE ...]

Without options: <page>.png (system colours, 1200x800, shown in the README) and
<page>-800x600-light.png, <page>-800x600-dark.png, <page>-1400x900-light.png and
<page>-1400x900-dark.png. --theme and --size keep only that theme or size.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from planner.core.compared_paths import ComparedPath
from planner.core.demo import demo_profile
from planner.core.storage import ProfileStore

TODAY = date(2026, 3, 2)
PAGES = ("timeline", "milestones", "salary", "progress", "settings", "compare")
COMPARED = (("CCS", "inpatient-hospital", 10), ("RHIT", "him", 15))  # the Compare page's paths
OUT = Path(__file__).resolve().parent / "screenshots"
THEMES = ("system", "light", "dark")
SIZES = ("800x600", "1400x900")  # the smallest window the app is made for, and a usual one
README_SIZE = "1200x800"  # <page>.png, system colours


def variants(theme: str) -> list[tuple[str, str]]:
    """(file name suffix, window size) of each screenshot of a page in ``theme``."""
    if theme == "system":
        return [("", README_SIZE)]
    return [(f"-{size}-{theme}", size) for size in SIZES]


def _option(argv: list[str], name: str) -> tuple[str | None, list[str]]:
    if name not in argv:
        return None, argv
    at = argv.index(name)
    return argv[at + 1], argv[:at] + argv[at + 2 :]


def _arguments(argv: list[str]) -> tuple[list[tuple[str, str, str]], list[str]]:
    """([(theme, suffix, size)], pages) from the command line."""
    theme, argv = _option(argv, "--theme")
    size, argv = _option(argv, "--size")
    themes = [theme] if theme else list(THEMES)
    unknown = [t for t in themes if t not in THEMES] + [p for p in argv if p not in PAGES]
    if size is not None and size not in (*SIZES, README_SIZE):
        unknown.append(size)
    if unknown:
        raise SystemExit(f"unknown theme, size or page: {', '.join(unknown)}")
    shots = [
        (name, suffix, at)
        for name in themes
        for suffix, at in variants(name)
        if size is None or at == size
    ]
    return shots, argv or list(PAGES)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        profile = Path(folder) / "demo.json"
        demo = demo_profile(TODAY)
        demo.compared = [
            ComparedPath(certification=cert, specialty=lane, hours_per_week=hours)
            for cert, lane, hours in COMPARED
        ]
        ProfileStore(profile).save(demo)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "CODEPATH_HOME": folder,
            "CODEPATH_TODAY": TODAY.isoformat(),
        }
        shots, pages = _arguments(sys.argv[1:])
        for theme, suffix, size in shots:
            for page in pages:
                out = OUT / f"{page}{suffix}.png"
                subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "planner",
                        "gui",
                        "--profile",
                        str(profile),
                        "--page",
                        page,
                        "--theme",
                        theme,
                        "--size",
                        size,
                        "--screenshot",
                        str(out),
                    ],
                    env=env,
                    check=True,
                )
                print(f"wrote {out}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
