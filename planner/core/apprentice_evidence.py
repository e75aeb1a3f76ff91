"""What a CPC-A / COC-A learner has towards removing the 'A': ticked items, files, work dates."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field, model_validator

from planner.core.base import MutableModel

_Day = Annotated[date, Field(ge=date(1990, 1, 1), le=date(2100, 12, 31))]
# a stored file name: no folders, no hidden names (it lives in the profile's files folder)
FILE_NAME_PATTERN = r"^[^/\\\x00.][^/\\\x00]{0,199}$"


class Attachment(MutableModel):
    """A file kept beside the profile as evidence for one item (e.g. an employer letter)."""

    name: str = Field(pattern=FILE_NAME_PATTERN, description="file name in <profile>.files/")
    item: str = Field(min_length=1, max_length=64, description="evidence item id, e.g. letters")
    added: _Day


class ApprenticeEvidence(MutableModel):
    """The learner's evidence for AAPC's apprentice-removal routes (kept in the profile)."""

    ticked: list[str] = Field(
        default_factory=list,
        description="items and checks the learner has, e.g. course, letters.signed",
    )
    work_started: _Day | None = Field(default=None, description="first day of coding work")
    work_ended: _Day | None = Field(default=None, description="last day; empty while working")
    files: list[Attachment] = Field(default_factory=list)

    @model_validator(mode="after")
    def _work_ends_after_it_starts(self) -> ApprenticeEvidence:
        if self.work_started and self.work_ended and self.work_ended < self.work_started:
            raise ValueError("the work cannot end before it starts")
        return self

    def has(self, tick: str) -> bool:
        """Whether the learner ticked ``tick`` (an item id or ``item.check``)."""
        return tick in self.ticked

    def files_for(self, item: str) -> list[Attachment]:
        """The files attached to one item, in the order they were added."""
        return [f for f in self.files if f.item == item]
