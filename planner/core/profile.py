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

from pydantic import (
    Field,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
    model_validator,
)

from planner.core.apprentice_evidence import ApprenticeEvidence
from planner.core.base import MutableModel
from planner.core.compared_paths import ComparedPath
from planner.core.fit import FitAnswers
from planner.core.inputs import PlanInputs
from planner.core.programme_check import ProgrammeCheck

SCHEMA_VERSION = 2  # the profile format this program writes (1: the first release)

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


class ProgrammeProgress(MutableModel):
    """What the learner has completed of a degree programme (RHIT, RHIA), as they enter it."""

    credits_earned: float = Field(default=0, ge=0, le=1000)
    credits_required: float | None = Field(default=None, gt=0, le=1000)
    terms_done: int = Field(default=0, ge=0, le=100)
    terms_total: int | None = Field(default=None, ge=1, le=100)

    @model_validator(mode="after")
    def _not_more_than_the_programme(self) -> ProgrammeProgress:
        if self.credits_required is not None and self.credits_earned > self.credits_required:
            raise ValueError("credits earned cannot exceed the credits the programme requires")
        if self.terms_total is not None and self.terms_done > self.terms_total:
            raise ValueError("terms done cannot exceed the programme's terms")
        return self


class ReplanState(MutableModel):
    """An accepted re-plan: not-done milestones move by ``shift_days`` (from the baseline).

    ``previous`` is the re-plan that was in force when this one was accepted: the plan is the
    baseline re-planned step by step, so accepting never moves what the last step placed
    against the direction of the new one.
    """

    accepted_on: Day
    shift_days: int = Field(ge=-36_500, le=36_500)
    previous: ReplanState | None = None

    @model_serializer(mode="wrap")
    def _omit_no_previous(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # a single re-plan is written byte for byte as before the field existed
        data: dict[str, Any] = handler(self)
        if data.get("previous", 0) is None:
            del data["previous"]
        return data

    def steps(self) -> list[ReplanState]:
        """The re-plans accepted so far, oldest first (this one last)."""
        chain: list[ReplanState] = []
        step: ReplanState | None = self
        while step is not None:
            chain.append(step)
            step = step.previous
        return chain[::-1]


OMITTED_WHEN_UNUSED = (  # optional fields left out of the file while empty (one per line)
    "programme",
    "fit",
    "programme_checks",
    "apprentice",
    "compared",
)


class Profile(MutableModel):
    """Everything the app saves about one learner."""

    schema_version: int = Field(
        default=SCHEMA_VERSION,
        strict=True,
        description="profile format; this program writes 2 and reads 1 and 2",
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
    programme: ProgrammeProgress | None = Field(
        default=None, description="degree paths: the programme's credits and terms done"
    )
    fit: FitAnswers | None = Field(
        default=None, description="the fit check's answers (Help > Check your fit)"
    )
    programme_checks: list[ProgrammeCheck] = Field(
        default_factory=list, description="training programmes checked before paying"
    )
    apprentice: ApprenticeEvidence | None = Field(
        default=None, description="CPC-A / COC-A: evidence towards removing the 'A'"
    )
    notes: str = ""
    compared: list[ComparedPath] = Field(
        default_factory=list,
        description="paths compared with the plan on the Compare page (besides the plan)",
    )

    @field_validator("schema_version")
    @classmethod
    def _current_version(cls, value: int) -> int:
        if value != SCHEMA_VERSION:
            raise ValueError(
                f"this program reads profile format {SCHEMA_VERSION} only (got {value}); "
                "older formats are upgraded by migrate()"
            )
        return value

    @model_serializer(mode="wrap")
    def _omit_unused_fields(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # a profile that does not use a later, optional field is written byte for byte as before
        data: dict[str, Any] = handler(self)
        for field in OMITTED_WHEN_UNUSED:
            if field in data and data[field] in (None, [], {}):
                del data[field]
        return data

    def total_hours(self) -> float:
        """All hours in the study log."""
        return sum(entry.hours for entry in self.study_log)

    def log_study(self, day: date, hours: float, topic: str, note: str = "") -> StudyEntry:
        """Append a validated study entry and return it."""
        entry = StudyEntry(day=day, hours=hours, topic=topic, note=note)
        self.study_log.append(entry)
        return entry

    def milestone_status(self, milestone_id: str) -> MilestoneStatus:
        """Status of a milestone (not started when never recorded)."""
        progress = self.milestones.get(milestone_id)
        return MilestoneStatus.NOT_STARTED if progress is None else progress.status


def day_after_today(day: date, today: date, what: str) -> str | None:
    """A sentence when ``day`` lies after ``today`` (a done date or a CEU cannot), else None."""
    if day > today:
        return f"{what} cannot be after today ({today.isoformat()}); got {day.isoformat()}."
    return None


# ---------------------------------------------------------------- repairs on load

REPLACEMENT = "\ufffd"  # what a lone surrogate becomes


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text)


def _clean(text: str) -> str:
    return "".join(REPLACEMENT if "\ud800" <= c <= "\udfff" else c for c in text)


def repair_text(raw: Any) -> tuple[Any, list[str]]:
    """A copy of parsed JSON with every lone surrogate (keys too) replaced by U+FFFD.

    Such text (from a ``\\ud800`` escape in the file) cannot be saved again as UTF-8. Returns
    the repaired data and a sentence for the user when anything was replaced.
    """
    count = 0

    def fix(value: Any) -> Any:
        nonlocal count
        if isinstance(value, str):
            if _has_surrogate(value):
                count += 1
                return _clean(value)
            return value
        if isinstance(value, dict):
            return {fix(k): fix(v) for k, v in value.items()}
        if isinstance(value, list):
            return [fix(v) for v in value]
        return value

    fixed = fix(raw)
    if not count:
        return raw, []
    texts = "text" if count == 1 else f"{count} texts"
    return fixed, [
        f"Repaired {texts} holding characters that are not valid Unicode (shown as {REPLACEMENT})."
    ]


def repair_duplicate_ids(profile: Profile) -> list[str]:
    """Give a new id to every study, score and CEU entry whose id an earlier entry has.

    Ids must be unique (removing one row must not remove another). Returns one sentence per
    list that was repaired, for the user.
    """
    messages: list[str] = []
    lists: tuple[tuple[str, list[StudyEntry] | list[ExamScore] | list[CeuEntry]], ...] = (
        ("study log", profile.study_log),
        ("scores", profile.scores),
        ("CEUs", profile.ceus),
    )
    for label, entries in lists:
        seen: set[str] = set()
        changed = 0
        for entry in entries:
            if entry.id in seen:
                new = _new_id()
                while new in seen:  # pragma: no cover - a uuid4 collision
                    new = _new_id()
                entry.id = new
                changed += 1
            seen.add(entry.id)
        if changed:
            entries_text = "entry" if changed == 1 else "entries"
            messages.append(
                f"Gave {changed} {label} {entries_text} a new id: another entry had the same one."
            )
    return messages


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


def schema_text() -> str:
    """The JSON schema of a saved profile exactly as shipped in resources/profile.schema.json."""
    schema = Profile.model_json_schema()
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    sys.stdout.write(schema_text())


@upgrade(1)
def _add_optional_checks(raw: RawProfile) -> RawProfile:
    """Format 2 only adds optional parts (fit check, programme checks, apprentice evidence,
    comparison): a format-1 profile is a valid format-2 one. The number changes so that a
    format-1 program says "written by a newer version" instead of "damaged"."""
    return dict(raw)
