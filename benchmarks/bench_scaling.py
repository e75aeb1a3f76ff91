"""Scaling benchmark: open, edit, a long note and saving against years of daily study log.

Run: python benchmarks/bench_scaling.py [--runs 5] [--years 1 10 50]. Prints medians in ms.
Rows (in one process, offscreen unless QT_QPA_PLATFORM is set):
- open: load the profile file, build the controller and the Progress and Milestones pages,
  show them and paint them once, at 1, 10 and 50 years of daily log (365 * years entries);
- edit: log one study session through the controller until the event loop has run the
  repaint of both (shown) pages;
- one edit with 100,000 entries (aim under 50 ms);
- the Milestones page drawn with a 10 MB milestone note (aim under 100 ms);
- the longest time the window's event loop is blocked while a 100,000-entry profile is saved
  (aim under 50 ms), and the time until that save is on disk.
``scaling_rows()`` gives the rows for the table in benchmarks/RESULTS.md; ``edit_time_ms(years)``,
``open_time_ms(years)``, ``note_draw_ms()`` and ``save_block_ms()`` the single medians.
No test asserts these times.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import (
    QElapsedTimer,
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QWidget

from planner.core.catalog import Catalog, default_catalog
from planner.core.inputs import PlanInputs
from planner.core.profile import MilestoneProgress, Profile, StudyEntry
from planner.core.storage import ProfileStore
from planner.gui.app import resume_collector
from planner.gui.controller import PlannerController
from planner.gui.milestones_page import MilestonesPage
from planner.gui.progress_page import ProgressPage

TODAY = date(2026, 3, 2)
TOPICS = ("Medical terminology", "Anatomy", "CPT guidelines", "ICD-10-CM", "HCPCS Level II")
NOTE_BYTES = 10 * 1024 * 1024
DAYS_BACK = 12_000  # profiles keep no day before 1990: longer logs have two entries a day
_catalog: Catalog | None = None


def catalog() -> Catalog:
    global _catalog
    if _catalog is None:
        _catalog = default_catalog()
    return _catalog


def _quiet(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if "propagateSizeHints" not in message:  # the offscreen platform's note on every window
        print(message)


def app() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    qInstallMessageHandler(_quiet)
    return QApplication([])


def scaling_profile(entries: int) -> Profile:
    """A CPC plan that started a year ago, with one study entry a day back from today."""
    inputs = PlanInputs(
        certification="CPC",
        specialty="risk-adjustment",
        start=TODAY - timedelta(days=365),
        hours_per_week=12,
    )
    profile = Profile(name="Benchmark learner", inputs=inputs)
    profile.study_log = [
        StudyEntry(
            id=f"{n:032x}",
            day=TODAY - timedelta(days=n % DAYS_BACK),
            hours=1.5 + (n % 4) * 0.5,
            topic=f"{TOPICS[n % len(TOPICS)]}, session {n}",
            note="practice questions" if n % 3 == 0 else "",
        )
        for n in range(entries)
    ]
    return profile


def _settle() -> None:
    for _ in range(3):
        app().processEvents()


def _paint(*pages: QWidget) -> None:
    for page in pages:
        page.grab()  # a full paint of what is visible, as the first frame would be
    _settle()


@contextmanager
def _window(
    path: Path, autosave_ms: int = 3_600_000
) -> Iterator[tuple[PlannerController, ProgressPage, MilestonesPage]]:
    """Open the profile at ``path`` as the window does and show the two scaling pages.

    As ``codepath gui`` does, the collector is paused while the window is built, and what was
    built is frozen (``resume_collector``), so later full collections do not walk it.
    """
    gc.collect()
    gc.disable()
    profile = ProfileStore(path).load()
    controller = PlannerController(
        profile, ProfileStore(path), catalog(), TODAY, autosave_ms=autosave_ms
    )
    progress = ProgressPage(controller)
    milestones = MilestonesPage(controller)
    for page in (progress, milestones):
        page.resize(1200, 800)
        page.show()
    _paint(progress, milestones)
    resume_collector()
    try:
        yield controller, progress, milestones
    finally:
        gc.unfreeze()
        controller.saver.shutdown()
        _finish_saves(controller)
        for page in (progress, milestones):
            page.close()
            page.deleteLater()
        controller.blockSignals(True)
        controller.deleteLater()
        _settle()
        gc.collect()


def _finish_saves(controller: PlannerController) -> None:
    wait = getattr(controller.saver, "wait_for_saves", None)
    if callable(wait):
        wait()


def _saved_file(folder: Path, profile: Profile) -> Path:
    path = folder / "profile.json"
    ProfileStore(path).save(profile)
    return path


def _median(samples: list[float]) -> float:
    return statistics.median(samples)


def _ms(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return (time.perf_counter() - began) * 1000


def open_time_ms(years: float, runs: int = 5) -> float:
    """Median ms to open a profile with ``365 * years`` daily entries and paint both pages."""
    app()
    with tempfile.TemporaryDirectory() as folder:
        path = _saved_file(Path(folder), scaling_profile(round(365 * years)))
        samples = []
        for _ in range(runs):
            began = time.perf_counter()
            with _window(path):
                samples.append((time.perf_counter() - began) * 1000)
        return _median(samples)


def edit_time_ms(years: float = 0, runs: int = 7, *, entries: int | None = None) -> float:
    """Median ms of one study-log edit (log a session, both pages repainted) at ``years``."""
    app()
    count = entries if entries is not None else round(365 * years)
    with tempfile.TemporaryDirectory() as folder:
        path = _saved_file(Path(folder), scaling_profile(count))
        with _window(path) as (controller, _progress, _milestones):
            samples = []
            for n in range(runs):

                def edit(n: int = n) -> None:
                    controller.log_study(TODAY, 1.0, f"Bench topic {n}")
                    _settle()  # the shown pages repaint what changed, as in the window

                samples.append(_ms(edit))
        return _median(samples)


def note_draw_ms(runs: int = 5) -> float:
    """Median ms to build, show and paint the Milestones page with a 10 MB milestone note."""
    app()
    profile = scaling_profile(30)
    profile.milestones["p1-course"] = MilestoneProgress(note="note " * (NOTE_BYTES // 5))
    with tempfile.TemporaryDirectory() as folder:
        path = _saved_file(Path(folder), profile)
        controller = PlannerController(
            ProfileStore(path).load(), ProfileStore(path), catalog(), TODAY, autosave_ms=3_600_000
        )
        samples = []
        for _ in range(runs):
            began = time.perf_counter()
            page = MilestonesPage(controller)
            page.resize(1200, 800)
            page.show()
            page.select_milestone("p1-course")  # its note in the detail view too
            _paint(page)
            samples.append((time.perf_counter() - began) * 1000)
            page.close()
            page.deleteLater()
            _settle()
        controller.saver.shutdown()
        return _median(samples)


def save_block_ms(entries: int = 100_000, runs: int = 5) -> tuple[float, float]:
    """Medians of (longest event-loop block while an edit is autosaved, ms until it is on disk).

    The edit itself is not counted (see edit_time_ms); the clock starts when it returns and the
    autosave (due 1 ms later) writes the profile as the window would.
    """
    qapp = app()
    with tempfile.TemporaryDirectory() as folder:
        path = _saved_file(Path(folder), scaling_profile(entries))
        with _window(path, autosave_ms=1) as (controller, _progress, _milestones):
            blocks, totals = [], []
            for n in range(runs):
                before = controller.saver.save_count
                controller.log_study(TODAY, 0.5, f"Save bench {n}")
                ticks = QElapsedTimer()
                longest = 0.0
                began = time.perf_counter()
                ticks.start()
                while controller.saver.save_count == before or controller.dirty:
                    qapp.processEvents()
                    longest = max(longest, ticks.nsecsElapsed() / 1e6)
                    ticks.restart()
                    time.sleep(0.0005)  # the loop idles, as it would between events
                totals.append((time.perf_counter() - began) * 1000)
                blocks.append(longest)
        return _median(blocks), _median(totals)


Row = tuple[str, str, str, str]  # what, entries, median ms, goal


def scaling_rows(runs: int = 5, years: Sequence[float] = (1, 10, 50)) -> list[Row]:
    """The scaling rows of benchmarks/RESULTS.md: (what, entries, median ms, goal)."""
    rows: list[Row] = []
    for span in years:
        count = f"{round(365 * span):,}"
        opened = open_time_ms(span, runs)
        rows.append((f"open, {span:g} years of daily log", count, f"{opened:.0f}", "flat"))
    for span in years:
        count = f"{round(365 * span):,}"
        edited = edit_time_ms(span, runs + 2)
        rows.append((f"one edit, {span:g} years of daily log", count, f"{edited:.1f}", "flat"))
    edited = edit_time_ms(entries=100_000, runs=runs + 2)
    rows.append(("one edit, 100,000 entries", "100,000", f"{edited:.1f}", "< 50"))
    rows.append(("Milestones page with a 10 MB note", "-", f"{note_draw_ms(runs):.1f}", "< 100"))
    block, total = save_block_ms(runs=runs)
    rows.append(("longest window block during a save", "100,000", f"{block:.1f}", "< 50"))
    rows.append(("save on disk (the window is not blocked)", "100,000", f"{total:.0f}", "-"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="runs per row (median)")
    parser.add_argument("--years", type=float, nargs="*", default=[1, 10, 50])
    args = parser.parse_args()
    print(f"scaling rows, medians of {args.runs} runs ({os.environ['QT_QPA_PLATFORM']}):")
    print("| what | entries | median ms | goal |")
    print("|---|---|---|---|")
    for row in scaling_rows(args.runs, args.years):
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
