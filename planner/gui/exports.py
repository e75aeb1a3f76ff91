"""File > Export: the roadmap PDF and the milestones calendar of the window's current state."""

from __future__ import annotations

from pathlib import Path

from planner.core.state import PlanState
from planner.core.storage import ProfileStore


def _refuse_own_file(store: ProfileStore, path: Path) -> None:
    if store.owns(path):
        raise OSError(f"{path} is your profile or one of its backups; choose another file name")


def export_ics(state: PlanState, store: ProfileStore, path: Path) -> None:
    """Write the milestones calendar (OSError when ``path`` is the profile or cannot be written)."""
    from planner.report.calendar import write_ics

    _refuse_own_file(store, path)
    write_ics(state, path)


def export_pdf(
    state: PlanState,
    store: ProfileStore,
    path: Path,
    paper: str = "letter",
    *,
    comparison: bool = False,
) -> None:
    """Write the printable roadmap as PDF (OSError as for the calendar).

    With ``comparison``, it includes the page comparing the paths the learner compared.
    """
    from planner.render.printing import export_pdf as write_pdf

    _refuse_own_file(store, path)
    write_pdf(state, path, paper=paper, comparison=comparison)
