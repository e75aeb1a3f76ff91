"""Time ProfileStore.load/save on ten years of daily study entries against plain json."""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from planner.core.inputs import PlanInputs
from planner.core.profile import ExamScore, MilestoneProgress, Profile, StudyEntry
from planner.core.storage import ProfileStore

DAYS = 3650
START = date(2027, 1, 4)


def build_profile() -> Profile:
    """A profile with one study entry a day for ten years, plus a few scores and milestones."""
    inputs = PlanInputs(
        certification="CPC", specialty="risk-adjustment", start=START, hours_per_week=12
    )
    topics = ["Medical terminology", "Anatomy", "CPT guidelines", "ICD-10-CM", "HCPCS Level II"]
    profile = Profile(name="Benchmark learner", inputs=inputs)
    profile.study_log = [
        StudyEntry(
            id=f"{n:032x}",
            day=START + timedelta(days=n),
            hours=1.5 + (n % 4) * 0.5,
            topic=f"{topics[n % len(topics)]}, session {n}",
            note="practice questions" if n % 3 == 0 else "",
        )
        for n in range(DAYS)
    ]
    profile.scores = [
        ExamScore(day=START + timedelta(days=90 + 7 * n), exam="CPC", percent=60 + n)
        for n in range(15)
    ]
    profile.milestones = {"p1-course": MilestoneProgress(done_on=START + timedelta(days=100))}
    return profile


def median_seconds(action: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        timings.append(time.perf_counter() - began)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21, help="runs per measurement (median)")
    parser.add_argument("--folder", type=Path, help="where to write (default: a temp folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.folder) as tmp:
        folder = Path(tmp)
        store = ProfileStore(folder / "profile.json")
        profile = build_profile()
        store.save(profile)
        raw = json.loads(store.path.read_bytes())
        plain = folder / "plain.json"

        def plain_load() -> object:
            return json.loads(store.path.read_bytes())

        def plain_save() -> None:  # the same indented text the store writes
            plain.write_text(json.dumps(raw, indent=2) + "\n", encoding="utf-8")

        def compact_save() -> None:  # json's C encoder is only used without indent
            plain.write_text(json.dumps(raw), encoding="utf-8")

        counter = iter(range(10**9))

        def store_save() -> None:  # a real change each time, so backups rotate as in use
            profile.notes = f"save {next(counter)}"
            store.save(profile)

        size = store.path.stat().st_size
        results = {
            "ProfileStore.load": median_seconds(store.load, args.runs),
            "json.loads(read)": median_seconds(plain_load, args.runs),
            "ProfileStore.save": median_seconds(store_save, args.runs),
            "json.dumps+write": median_seconds(plain_save, args.runs),
            "(compact dumps+write)": median_seconds(compact_save, args.runs),
        }
        print(f"profile: {DAYS} study entries, {size / 1024:.0f} KiB, {args.runs} runs each")
        for name, seconds in results.items():
            print(f"  {name:<21} median {seconds * 1000:8.2f} ms")
        load_ratio = results["ProfileStore.load"] / results["json.loads(read)"]
        save_ratio = results["ProfileStore.save"] / results["json.dumps+write"]
        print(f"  load ratio (store / json): {load_ratio:.1f}x")
        print(f"  save ratio (store / json): {save_ratio:.1f}x")
        compact_ratio = results["ProfileStore.save"] / results["(compact dumps+write)"]
        print(f"  save ratio (store / compact json): {compact_ratio:.1f}x")


if __name__ == "__main__":
    main()
