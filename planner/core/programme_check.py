"""Programme check: judge a training programme before paying (checklist, red flags, price)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from planner.core.base import FrozenModel, MutableModel
from planner.core.catalog import Catalog, CatalogError
from planner.core.fit import TextRule, newcomer_program, program_cost
from planner.core.resource_files import read_model
from planner.core.sources import source_note

CHECK_FILE = "programme_check.yaml"
PROGRAM_COST_ID = "program"  # the plan's cost id of the training programme (core/costs.py)


class CheckItem(FrozenModel):
    """Something a good programme has; ticked when the school showed it."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    label: str = Field(min_length=1)
    applies_to: tuple[str, ...] = ()  # target certifications it matters for; empty: all
    ask: str = Field(min_length=1)
    source: str = Field(min_length=1)
    as_of: str = Field(min_length=1)

    def applies(self, target: str) -> bool:
        return not self.applies_to or target in self.applies_to


class RedFlag(FrozenModel):
    """A warning sign; ticked when the school did it."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    label: str = Field(min_length=1)
    warning: str = Field(min_length=1)
    source: str = Field(min_length=1)
    as_of: str = Field(min_length=1)


class CheckRules(FrozenModel):
    """Everything in resources/programme_check.yaml."""

    items: tuple[CheckItem, ...] = Field(min_length=1)
    red_flags: tuple[RedFlag, ...] = Field(min_length=1)
    price: TextRule


def load_check_rules(catalog: Catalog, folder: Path | None = None) -> CheckRules:
    """Read and check resources/programme_check.yaml (or one in ``folder``)."""
    label, rules = read_model(
        CHECK_FILE, folder, CheckRules, CatalogError, yaml_problem="cannot read the file"
    )
    ids = [i.id for i in rules.items] + [f.id for f in rules.red_flags]
    if len(ids) != len(set(ids)):
        raise CatalogError(f"{label}: an item or red flag id appears twice")
    for item in rules.items:
        unknown = set(item.applies_to) - set(catalog.certifications)
        if unknown:
            raise CatalogError(f"{label}: item '{item.id}': unknown certification {unknown}")
    return rules


class ProgrammeCheck(MutableModel):
    """One programme the learner looked at, kept in the profile."""

    name: str = Field(min_length=1, max_length=200)
    target: str = Field(min_length=1, max_length=32, description="certification id, e.g. CPC")
    price: float | None = Field(default=None, ge=0, le=10_000_000, description="USD, total")
    notes: str = Field(default="", max_length=5000)
    ticked: dict[str, bool] = Field(
        default_factory=dict, description="item or red-flag id -> ticked"
    )

    def is_ticked(self, item_id: str) -> bool:
        return self.ticked.get(item_id, False)


@dataclass(frozen=True)
class Finding:
    """One line of the result, with its source."""

    text: str
    source: str
    as_of: str

    def line(self) -> str:
        return f"{self.text}\n  ({source_note(self.source, self.as_of)})"


@dataclass(frozen=True)
class ProgrammeReport:
    """What to ask the school, what is missing, red flags seen, and the price."""

    name: str
    target: str
    present: tuple[str, ...]  # labels of items the school showed
    missing: tuple[Finding, ...]  # items not shown yet: ask the school
    red_flags: tuple[Finding, ...]
    price: Finding | None

    def text(self) -> str:
        out = [f"{self.name}, for the {self.target}", "", "Price"]
        out.append(
            f"- {self.price.line()}" if self.price else "- Enter the total price to compare it."
        )
        if self.red_flags:
            out += ["", "Red flags you noticed"]
            out += [f"- {f.line()}" for f in self.red_flags]
        out += ["", "Missing: ask the school"]
        out += [f"- {f.line()}" for f in self.missing] or ["- Nothing: every item is ticked."]
        if self.present:
            out += ["", "Shown by the school"]
            out += [f"- {label}" for label in self.present]
        return "\n".join(out)


def price_range(target: str, catalog: Catalog) -> tuple[float, float, str] | None:
    """The sourced price range of the programme the plan uses for ``target``, and its name."""
    cert = catalog.certifications.get(target)
    program = newcomer_program(cert, catalog) if cert is not None else None
    cost = program_cost(program) if program is not None else None
    if cost is None or program is None:
        return None
    name = program.name
    if name[1:2].islower():  # "Medical coding ..." reads in a sentence; "CAHIIM-..." stays
        name = name[0].lower() + name[1:]
    return cost[0], cost[1], f"a {name}"


def check_programme(
    check: ProgrammeCheck, catalog: Catalog, rules: CheckRules | None = None
) -> ProgrammeReport:
    """The checklist's result for one programme."""
    rules = rules or load_check_rules(catalog)
    items = [i for i in rules.items if i.applies(check.target)]
    present = tuple(i.label for i in items if check.is_ticked(i.id))
    missing = tuple(
        Finding(f"{i.label}: {' '.join(i.ask.split())}", i.source, i.as_of)
        for i in items
        if not check.is_ticked(i.id)
    )
    flags = tuple(
        Finding(f"{f.label}: {' '.join(f.warning.split())}", f.source, f.as_of)
        for f in rules.red_flags
        if check.is_ticked(f.id)
    )
    price: Finding | None = None
    found = price_range(check.target, catalog)
    if check.price is not None and found is not None:
        low, high, kind = found
        key = "below" if check.price < low else "above" if check.price > high else "within"
        text = rules.price.say(key, price=check.price, low=low, high=high, kind=kind)
        price = Finding(text, rules.price.source, rules.price.as_of)
    return ProgrammeReport(check.name, check.target, present, missing, flags, price)
