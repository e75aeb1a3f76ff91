"""Re-make docs/screenshots/*.png from the demo profile: python docs/make_screenshots.py [PAGE]"""

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
        for page in sys.argv[1:] or PAGES:
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
                    "--screenshot",
                    str(OUT / f"{page}.png"),
                ],
                env=env,
                check=True,
            )
            print(f"wrote {OUT / f'{page}.png'}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
