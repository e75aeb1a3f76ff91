"""Child process for storage tests: append study entries through ProfileStore, or hold its lock."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from planner.core.inputs import PlanInputs
from planner.core.profile import Profile, StudyEntry
from planner.core.storage import ProfileStore


def new_profile() -> Profile:
    inputs = PlanInputs(
        certification="CPC", specialty="risk-adjustment", start=date(2027, 1, 4), hours_per_week=12
    )
    return Profile(inputs=inputs)


def append(store: ProfileStore, count: int, tag: str, pause: float, wait_go: bool) -> None:
    """Append ``count`` entries (0: until killed), printing each id once its save returned."""
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    if wait_go:  # start together with others, or right after a previous child was killed
        sys.stdin.readline()
    number = 0
    while count == 0 or number < count:
        number += 1
        entry = StudyEntry(day=date(2027, 1, 4), hours=0.5, topic=f"{tag} {number}")
        with store.update(default=new_profile) as profile:
            profile.study_log.append(entry)
        sys.stdout.write(entry.id + "\n")
        sys.stdout.flush()
        if pause:
            time.sleep(pause)


def hold_lock(store: ProfileStore) -> None:
    """Hold the lock until standard input closes."""
    with store.lock():
        sys.stdout.write("locked\n")
        sys.stdout.flush()
        sys.stdin.read()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("action", choices=["append", "hold-lock"])
    parser.add_argument("profile", type=Path)
    parser.add_argument("--count", type=int, default=0)
    parser.add_argument("--tag", default="entry")
    parser.add_argument("--pause", type=float, default=0.0)
    parser.add_argument("--lock-timeout", type=float, default=30.0)
    parser.add_argument("--wait-go", action="store_true", help="wait for a line on stdin first")
    args = parser.parse_args()
    store = ProfileStore(args.profile, lock_timeout=args.lock_timeout)
    if args.action == "append":
        append(store, args.count, args.tag, args.pause, args.wait_go)
    else:
        hold_lock(store)
    return 0


if __name__ == "__main__":
    sys.exit(main())
