"""Run every benchmark script in this folder, one after the other (``make bench``).

The table of issue 16 (bench_table.py, written to RESULTS.md) comes first.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failures = 0
    table = HERE / "bench_table.py"
    for script in [table, *sorted(set(HERE.glob("bench_*.py")) - {table})]:
        print(f"== {script.name}", flush=True)
        failures += subprocess.run([sys.executable, str(script)], check=False).returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
