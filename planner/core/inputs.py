"""What the learner tells the planner: the inputs a plan is built from."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import (
    ConfigDict,
    Field,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
)

from planner.core.base import FrozenModel
from planner.core.catalog import Background
from planner.core.limits import MAX_HOURS_PER_WEEK, MIN_HOURS_PER_WEEK

# The 50 states and DC, for the state wage factor and to check what the learner typed.
US_STATES: tuple[tuple[str, str], ...] = (
    ("AL", "Alabama"),
    ("AK", "Alaska"),
    ("AZ", "Arizona"),
    ("AR", "Arkansas"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DE", "Delaware"),
    ("DC", "District of Columbia"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("HI", "Hawaii"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("IA", "Iowa"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("ME", "Maine"),
    ("MD", "Maryland"),
    ("MA", "Massachusetts"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MS", "Mississippi"),
    ("MO", "Missouri"),
    ("MT", "Montana"),
    ("NE", "Nebraska"),
    ("NV", "Nevada"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NY", "New York"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VT", "Vermont"),
    ("VA", "Virginia"),
    ("WA", "Washington"),
    ("WV", "West Virginia"),
    ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
)


class ActualCost(FrozenModel):
    """A cost the learner knows (the programme they chose, a fee paid): replaces the estimate."""

    id: str = Field(
        pattern=r"^[a-z][a-z0-9-]*$",
        max_length=64,
        description="cost id as shown by 'codepath cost', e.g. program, exam-cpc, practicode",
    )
    amount: float = Field(ge=0, le=10_000_000, description="USD, the whole cost of that row")


class PlanInputs(FrozenModel):
    """Inputs of one plan; the plan itself is always derived from these and the catalog.

    Unknown fields (from a newer version's profile) are kept, so saving does not drop them.
    """

    model_config = ConfigDict(extra="allow", frozen=True)

    certification: str = Field(min_length=1)
    specialty: str = Field(min_length=1)
    start: date
    hours_per_week: float = Field(ge=MIN_HOURS_PER_WEEK, le=MAX_HOURS_PER_WEEK)
    background: Background = Background.NONE
    state: str | None = None
    current_income: float | None = Field(default=None, ge=0, le=10_000_000)
    budget: float | None = Field(default=None, ge=0, le=10_000_000)
    target_exam_date: date | None = None
    actual_costs: tuple[ActualCost, ...] = Field(
        default=(), description="the learner's own costs; each replaces the estimate of its id"
    )
    retake_buffer: bool = Field(
        default=True,
        description="keep a few weeks after each exam for a possible retake (first-time pass "
        "rates are about 50-60%)",
    )

    @model_serializer(mode="wrap")
    def _without_empty_costs(
        self, handler: SerializerFunctionWrapHandler, _info: SerializationInfo
    ) -> Any:
        # a profile without own costs, and with the retake buffer on (the default), is written
        # exactly as before those fields existed
        data = handler(self)
        if isinstance(data, dict):
            if not data.get("actual_costs"):
                data.pop("actual_costs", None)
            if data.get("retake_buffer") is True:
                data.pop("retake_buffer", None)
        return data

    def actual_cost(self, cost_id: str) -> float | None:
        """The learner's own figure for a cost id, or None (the last entry for an id wins)."""
        found = [c.amount for c in self.actual_costs if c.id == cost_id]
        return found[-1] if found else None

    @field_validator("state")
    @classmethod
    def _state_code(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        code = value.strip().upper()
        if code not in _STATE_CODES:
            raise ValueError("must be a two-letter US postal code such as CA or DC")
        return code

    @field_validator("start", "target_exam_date")
    @classmethod
    def _sane_year(cls, value: date | None) -> date | None:
        if value is not None and not 1990 <= value.year <= 2100:
            raise ValueError("dates must fall between 1990 and 2100")
        return value


_STATE_CODES = frozenset(code for code, _name in US_STATES)
