"""The learner's saved profile: models, schema version, migrations, errors and JSON schema."""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any
from uuid import uuid4

from pydantic import Field, field_validator

from planner.core.base import MutableModel
from planner.core.inputs import PlanInputs

SCHEMA_VERSION = 1  # the profile format this program writes; 1 is the first released one

RawProfile = dict[str, Any]
Upgrade = Callable[[RawProfile], RawProfile]

UPGRADES: dict[int, Upgrade] = {}  # from_version -> function turning that raw dict into the next


# ---------------------------------------------------------------- errors


class ProfileError(Exception):
    """A profile cannot be read, written or used; ``str()`` is one line naming file and problem."""

    def __init__(self, path: Path | None, problem: str) -> None:
        super().__init__(path, problem)
        self.path = path
        self.problem = " ".join(problem.split())  # always one line

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}" if self.path is not None else self.problem


class ProfileNotFoundError(ProfileError):
    """No profile has been saved at this path yet."""


class ProfileCorruptError(ProfileError):
    """The file is not JSON, has the wrong shape, or a field fails validation."""


class ProfileTooNewError(ProfileError):
    """The file was written by a newer program that uses a newer profile format."""


class ProfileUnknownDataError(ProfileError):
    """The profile names a certification or specialty the current catalog does not know.

    ``profile`` holds the profile as read (so a caller can offer to pick a new one), and
    ``unknown`` the offending ``(field, id)`` pairs.
    """

    def __init__(
        self,
        path: Path | None,
        problem: str,
        *,
        profile: Profile | None = None,
        unknown: tuple[tuple[str, str], ...] = (),
    ) -> None:
        super().__init__(path, problem)
        self.profile = profile
        self.unknown = unknown


class ProfileLockedError(ProfileError):
    """Another process held the profile's lock for longer than the timeout."""


class ProfileWriteError(ProfileError):
    """Saving failed (disk full, read-only, no folder, no permission); the old file is intact."""


# ---------------------------------------------------------------- models


# Checked inside pydantic-core (no Python call per entry): loading stays fast for long logs.
Day = Annotated[date, Field(ge=date(1990, 1, 1), le=date(2100, 12, 31))]


def _new_id() -> str:
    return uuid4().hex


class MilestoneStatus(StrEnum):
    """Where the learner is with one plan milestone."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"


class MilestoneProgress(MutableModel):
    """The learner's progress on one milestone of the plan."""

    status: MilestoneStatus = MilestoneStatus.DONE
    done_on: Day | None = None
    note: str = ""


class StudyEntry(MutableModel):
    """One study session in the log."""

    id: str = Field(default_factory=_new_id, min_length=1, max_length=64)
    day: Day
    hours: float = Field(gt=0, le=24)
    topic: str = Field(min_length=1, max_length=200)
    note: str = ""


class ExamScore(MutableModel):
    """A practice or real exam result."""

    id: str = Field(default_factory=_new_id, min_length=1, max_length=64)
    day: Day
    exam: str = Field(min_length=1, description="credential id, e.g. CPC")
    percent: float = Field(ge=0, le=100)


class CeuEntry(MutableModel):
    """Continuing-education credits earned after certification."""

    id: str = Field(default_factory=_new_id, min_length=1, max_length=64)
    day: Day
    credits: float = Field(gt=0, le=100)
    provider: str = ""
    credential: str = Field(min_length=1, description="credential id the credits count for")


class ReplanState(MutableModel):
    """An accepted re-plan: not-done milestones move by ``shift_days``; the plan is the baseline."""

    accepted_on: Day
    shift_days: int = Field(ge=-36_500, le=36_500)


class Profile(MutableModel):
    """Everything the app saves about one learner."""

    schema_version: int = Field(
        default=SCHEMA_VERSION,
        strict=True,
        description="profile format; this program reads and writes 1",
    )
    name: str = Field(default="", max_length=200, description="learner's name, optional")
    inputs: PlanInputs
    milestones: dict[str, MilestoneProgress] = Field(
        default_factory=dict, description="progress keyed by milestone id, e.g. p1-course"
    )
    study_log: list[StudyEntry] = Field(default_factory=list)
    scores: list[ExamScore] = Field(default_factory=list)
    ceus: list[CeuEntry] = Field(default_factory=list)
    replan: ReplanState | None = None
    notes: str = ""

    @field_validator("schema_version")
    @classmethod
    def _current_version(cls, value: int) -> int:
        if value != SCHEMA_VERSION:
            raise ValueError(
                f"this program reads profile format {SCHEMA_VERSION} only (got {value}); "
                "older formats are upgraded by migrate()"
            )
        return value

    def total_hours(self) -> float:
        """All hours in the study log."""
        return sum(entry.hours for entry in self.study_log)

    def hours_between(self, first: date, last: date) -> float:
        """Hours logged from ``first`` to ``last``, both included."""
        return sum(e.hours for e in self.study_log if first <= e.day <= last)

    def log_study(self, day: date, hours: float, topic: str, note: str = "") -> StudyEntry:
        """Append a validated study entry and return it."""
        entry = StudyEntry(day=day, hours=hours, topic=topic, note=note)
        self.study_log.append(entry)
        return entry

    def milestone_status(self, milestone_id: str) -> MilestoneStatus:
        """Status of a milestone (not started when never recorded)."""
        progress = self.milestones.get(milestone_id)
        return MilestoneStatus.NOT_STARTED if progress is None else progress.status

    def set_milestone(
        self,
        milestone_id: str,
        status: MilestoneStatus,
        done_on: date | None = None,
        note: str = "",
    ) -> None:
        """Record progress on a milestone, replacing what was there."""
        self.milestones[milestone_id] = MilestoneProgress(status=status, done_on=done_on, note=note)

    def best_score(self, exam: str) -> ExamScore | None:
        """Highest score recorded for a credential's exam, or None."""
        matching = [s for s in self.scores if s.exam == exam]
        return max(matching, key=lambda s: s.percent) if matching else None

    def ceu_credits(self, credential: str, first: date, last: date) -> float:
        """CEU credits for a credential earned from ``first`` to ``last``, both included."""
        return sum(
            c.credits for c in self.ceus if c.credential == credential and first <= c.day <= last
        )


# ---------------------------------------------------------------- migrations


def upgrade(from_version: int) -> Callable[[Upgrade], Upgrade]:
    """Register a function that turns a raw profile of ``from_version`` into the next version."""

    def register(function: Upgrade) -> Upgrade:
        if not 0 <= from_version < SCHEMA_VERSION:
            raise ValueError(
                f"upgrade from format {from_version}: must be below the current {SCHEMA_VERSION}"
            )
        if from_version in UPGRADES:
            raise ValueError(f"an upgrade from format {from_version} is already registered")
        UPGRADES[from_version] = function
        return function

    return register


def migrate(raw: Any) -> RawProfile:
    """Walk a raw (parsed JSON) profile forward to ``SCHEMA_VERSION``; the input is not changed.

    Raises ProfileTooNewError for a newer format, ProfileCorruptError for a missing or bad
    version or a format no registered upgrade starts from.
    """
    if not isinstance(raw, dict):
        raise ProfileCorruptError(
            None, f"expected a JSON object at the top level, found {_json_kind(raw)}"
        )
    version = raw.get("schema_version")
    if version is None:
        raise ProfileCorruptError(None, "field 'schema_version': missing")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ProfileCorruptError(
            None, f"field 'schema_version': expected a whole number, found {_json_kind(version)}"
        )
    if version > SCHEMA_VERSION:
        raise ProfileTooNewError(
            None,
            f"the profile uses format {version}, written by a newer Coding Path Planner; "
            f"this version reads formats up to {SCHEMA_VERSION}. Update the program to open it.",
        )
    if version == SCHEMA_VERSION:
        return raw
    result: RawProfile = copy.deepcopy(raw)
    while version < SCHEMA_VERSION:
        step = UPGRADES.get(version)
        if step is None:
            raise ProfileCorruptError(
                None, f"profile format {version} is too old: this program cannot upgrade it"
            )
        try:
            upgraded = step(result)
        except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
            raise ProfileCorruptError(
                None, f"could not upgrade the profile from format {version}: {exc!r}"
            ) from exc
        if not isinstance(upgraded, dict):
            raise TypeError(f"upgrade from format {version} returned {type(upgraded).__name__}")
        version += 1
        upgraded["schema_version"] = version
        result = upgraded
    return result


def _json_kind(value: Any) -> str:
    kinds: list[tuple[type | tuple[type, ...], str]] = [
        (bool, "true/false"),
        (dict, "an object"),
        (list, "a list"),
        (str, "a string"),
        ((int, float), "a number"),
    ]
    if value is None:
        return "null"
    return next((name for kind, name in kinds if isinstance(value, kind)), type(value).__name__)


# ---------------------------------------------------------------- JSON schema


def export_json_schema() -> dict[str, Any]:
    """The JSON schema of a saved profile (shipped as resources/profile.schema.json)."""
    return Profile.model_json_schema()


def schema_text() -> str:
    """The schema exactly as shipped: indented, keys sorted, trailing newline."""
    return json.dumps(export_json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    sys.stdout.write(schema_text())
