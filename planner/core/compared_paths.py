"""The paths a learner compared on the Compare page, as the profile keeps them."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field

from planner.core.base import MutableModel
from planner.core.catalog import Background
from planner.core.limits import MAX_HOURS_PER_WEEK, MIN_HOURS_PER_WEEK

StartDay = Annotated[date, Field(ge=date(1990, 1, 1), le=date(2100, 12, 31))]


class ComparedPath(MutableModel):
    """One compared path besides the current plan: what a PathSpec holds, saved."""

    certification: str = Field(min_length=1, max_length=20)
    specialty: str = Field(min_length=1, max_length=80)
    hours_per_week: float = Field(ge=MIN_HOURS_PER_WEEK, le=MAX_HOURS_PER_WEEK)
    background: Background | None = None  # None: the plan's background
    start: StartDay | None = None  # None: the plan's start
