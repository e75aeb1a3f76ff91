"""Shared pydantic bases and the sourced-figure type every number in the catalog uses."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum, StrEnum
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails

# values a copy may share with its original (they cannot change)
_IMMUTABLE = frozenset({str, int, float, bool, bytes, date, datetime, type(None)})


class FrozenModel(BaseModel):
    """Immutable model: catalog entries and computed plans."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def is_unicode_text(text: str) -> bool:
    """False when ``text`` holds a lone surrogate (it could never be saved as UTF-8)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class MutableModel(BaseModel):
    """Validated-on-assignment model: the learner's profile.

    Unknown fields are kept and written back, so a file from a newer version (with fields this
    one does not know) is not damaged when this version saves it.
    """

    model_config = ConfigDict(extra="allow", validate_assignment=True)

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Self:
        # A log entry holds only immutable values: a shallow copy is a deep one, and a
        # profile with 50 years of daily log is copied in a fifth of the time.
        types = set(map(type, self.__dict__.values()))
        if self.__pydantic_extra__:
            types.update(map(type, self.__pydantic_extra__.values()))
        if self.__pydantic_private__ is None and (
            types <= _IMMUTABLE or all(t in _IMMUTABLE or issubclass(t, Enum) for t in types)
        ):
            return self.__copy__()
        return super().__deepcopy__(memo)

    def __setattr__(self, name: str, value: Any) -> None:
        # pydantic refuses lone surrogates when building a model, not when assigning one
        if isinstance(value, str) and not is_unicode_text(value):
            raise ValidationError.from_exception_data(
                type(self).__name__,
                [InitErrorDetails(type="string_unicode", loc=(name,), input=value)],
            )
        super().__setattr__(name, value)


class Confidence(StrEnum):
    """How well a figure is backed, as marked in shared/facts.md."""

    OFFICIAL = "official"  # on a page of the issuing body or BLS
    SECONDARY = "secondary"  # on a third-party page
    REPO = "repo"  # in a public data file that says it was checked
    SEED = "seed"  # from the seed articles, not re-checked
    RECALLED = "recalled"  # background knowledge, not found on a page
    DERIVED = "derived"  # computed from other sourced figures (the note says how)


class Figure(FrozenModel):
    """A sourced number, or a range where sources disagree."""

    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str = Field(min_length=1)
    source: str = Field(min_length=1)
    as_of: str = Field(min_length=1)
    confidence: Confidence
    note: str = ""

    @model_validator(mode="after")
    def _value_or_range(self) -> Figure:
        if self.value is None and (self.low is None or self.high is None):
            raise ValueError("give either 'value' or both 'low' and 'high'")
        if self.value is not None and (self.low is not None or self.high is not None):
            raise ValueError("give either 'value' or 'low'/'high', not both")
        for name in ("value", "low", "high"):
            number = getattr(self, name)
            if number is not None and number < 0:
                raise ValueError(f"'{name}' must not be negative (got {number:g})")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"'low' ({self.low:g}) is above 'high' ({self.high:g})")
        return self

    @property
    def lo(self) -> float:
        """Lower end (the value itself for a single figure)."""
        return self.value if self.value is not None else self.low  # type: ignore[return-value]

    @property
    def hi(self) -> float:
        """Upper end (the value itself for a single figure)."""
        return self.value if self.value is not None else self.high  # type: ignore[return-value]

    @property
    def planning(self) -> float:
        """The number the planner uses: the value, or the middle of a range."""
        return (self.lo + self.hi) / 2

    def describe(self) -> str:
        """Short human text, e.g. '425–499 USD'."""
        if self.value is not None:
            return f"{self.value:g} {self.unit}"
        return f"{self.lo:g}–{self.hi:g} {self.unit}"


def validation_message(exc: ValidationError) -> str:
    """The first problem of a pydantic error as one short line ("field: message")."""
    first = exc.errors()[0]
    field = ".".join(str(part) for part in first["loc"])
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{field}: {message}" if field else message
