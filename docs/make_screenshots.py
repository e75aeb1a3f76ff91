"""Re-make docs/screenshots/*.png from the demo profile.

    python docs/make_screenshots.py [--theme system|light|dark] [PAGE ...]

Without --theme: <page>.png (system colours, 1200x800, shown in the README) and
<page>-light.png and <page>-dark.png (1400x900). With it, only that theme.
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
# theme: (file name suffix, window size)
VARIANTS = {
    "system": ("", "1200x800"),
    "light": ("-light", "1400x900"),
    "dark": ("-dark", "1400x900"),
}


def _arguments(argv: list[str]) -> tuple[list[str], list[str]]:
    """(themes, pages) from the command line."""
    themes = list(VARIANTS)
    if "--theme" in argv:
        at = argv.index("--theme")
        themes = [argv[at + 1]]
        argv = argv[:at] + argv[at + 2 :]
    unknown = [t for t in themes if t not in VARIANTS] + [p for p in argv if p not in PAGES]
    if unknown:
        raise SystemExit(f"unknown theme or page: {', '.join(unknown)}")
    return themes, argv or list(PAGES)


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
        themes, pages = _arguments(sys.argv[1:])
        for theme in themes:
            suffix, size = VARIANTS[theme]
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
