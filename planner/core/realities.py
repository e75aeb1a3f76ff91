"""The seeds' realities (resources/realities.yaml) and which of them matter to a plan."""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pydantic import Field, field_validator

from planner.core import resource_cache, resource_files
from planner.core.base import Confidence, FrozenModel
from planner.core.catalog import Catalog, CatalogError
from planner.core.plan import Plan, Step

REALITIES_FILE = "realities.yaml"


class RealitiesError(CatalogError):
    """The realities file is missing, not YAML, or an entry is invalid."""


class Topic(StrEnum):
    """What a reality is about."""

    AUTOMATION = "automation"
    PRODUCTIVITY = "productivity"
    REMOTE = "remote"
    HIPAA = "hipaa"
    PASS_RATE = "pass-rate"


class Place(StrEnum):
    """Where the app shows a reality."""

    TIMELINE = "timeline"
    SALARY = "salary"
    MILESTONES = "milestones"


class Reality(FrozenModel):
    """One or two sourced sentences about the field, and when they apply to a plan."""

    id: str = Field(min_length=1)
    topic: Topic
    title: str = Field(min_length=1, max_length=60)
    text: str = Field(min_length=1, max_length=400)
    lanes: tuple[str, ...] = ()
    exams: tuple[str, ...] = ()
    needs_step: Step | None = None
    steps: tuple[str, ...] = ()
    pages: tuple[Place, ...] = ()
    more: str = Field(min_length=1)
    source: str = Field(min_length=1)
    as_of: str = Field(min_length=1)
    confidence: Confidence

    @field_validator("as_of", mode="before")
    @classmethod
    def _date_as_text(cls, value: object) -> object:
        return str(value) if value is not None else value

    def cited(self) -> str:
        """The text with its source and date, as printed."""
        return f"{self.text} (Source: {self.source}, {self.as_of}.)"


@dataclass(frozen=True)
class Realities:
    """All realities, in file order."""

    items: tuple[Reality, ...]

    def by_id(self, reality_id: str) -> Reality | None:
        """The reality with that id, or None."""
        return next((r for r in self.items if r.id == reality_id), None)


def plan_exams(plan: Plan, catalog: Catalog) -> frozenset[str]:
    """The credentials whose exams the plan sits (first exam, target and the lane's add-on)."""
    exams = {plan.exam_credential, plan.certification}
    specialty = catalog.specialties.get(plan.specialty)
    if plan.milestone(Step.ADDON_EXAM) is not None and specialty and specialty.credential:
        exams.add(specialty.credential)
    return frozenset(exams)


def applies(reality: Reality, plan: Plan, catalog: Catalog) -> bool:
    """Whether ``reality`` matters for ``plan`` (its lane, its exams, its milestones)."""
    if reality.lanes and plan.specialty not in reality.lanes:
        return False
    if reality.exams and not set(reality.exams) & plan_exams(plan, catalog):
        return False
    return reality.needs_step is None or plan.milestone(reality.needs_step) is not None


def realities_for(
    plan: Plan,
    catalog: Catalog,
    *,
    place: Place | None = None,
    milestone_id: str | None = None,
    realities: Realities | None = None,
) -> list[Reality]:
    """The realities relevant to ``plan``; only those shown at ``place`` or with a milestone."""
    chosen = realities if realities is not None else default_realities()
    return [
        r
        for r in chosen.items
        if applies(r, plan, catalog)
        and (place is None or place in r.pages)
        and (milestone_id is None or milestone_id in r.steps)
    ]


def automation_note(specialty: str, realities: Realities | None = None) -> str:
    """The lane's exposure to automation in one sourced sentence (for the comparison notes)."""
    chosen = realities if realities is not None else default_realities()
    automation = [r for r in chosen.items if r.topic is Topic.AUTOMATION]
    lane = next((r for r in automation if specialty in r.lanes), None)
    general = next((r for r in automation if not r.lanes), None)
    pick = lane or general
    if pick is None:
        return ""
    return f"Automation: {pick.text} ({pick.source}, {pick.as_of})"


def load_realities(folder: Path | None = None) -> Realities:
    """Load and validate the realities from the installed package (or from ``folder``)."""
    label, raw = resource_files.read_yaml(REALITIES_FILE, folder, RealitiesError)
    items: list[Reality] = []
    for index, entry in enumerate(resource_files.top_list(label, raw, "realities", RealitiesError)):
        item = resource_files.entry_model(
            label, entry, index, Reality, RealitiesError, name_field="id", kind="entry"
        )
        if any(r.id == item.id for r in items):
            raise RealitiesError(f"{label}: entry '{item.id}' appears twice")
        items.append(item)
    return Realities(tuple(items))


@functools.cache
def default_realities() -> Realities:
    """The realities shipped with the app (loaded once per process, from the cache when valid)."""
    return resource_cache.cached_resource(
        "realities", (REALITIES_FILE,), [sys.modules[__name__]], load_realities, Realities
    )
