"""The plan inputs as one table: label, help, kind of editor, checks, and the PlanInputs field.

The set-up wizard and the Plan settings page both build their editors from ``FIELDS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, NamedTuple

from planner.core.catalog import Background, Catalog
from planner.core.inputs import US_STATES
from planner.core.limits import MAX_HOURS_PER_WEEK, MIN_HOURS_PER_WEEK
from planner.core.salary import state_label

MONEY_LIMIT = 10_000_000
NAME_MAX_LENGTH = 200
DATE_RANGE = (date(1990, 1, 1), date(2100, 12, 31))  # the years a profile accepts


# ---------------------------------------------------------------------- choices


class Option(NamedTuple):
    """One choice: ``text`` in lists and radio buttons, ``short`` in a drop-down."""

    value: str | None
    text: str
    short: str
    description: str = ""  # tooltip and screen-reader description
    accessible: str = ""  # screen-reader name, when the text is not enough


class OptionGroup(NamedTuple):
    """Choices under a heading ('' for none); a heading itself cannot be chosen."""

    heading: str
    options: tuple[Option, ...]


def certification_options(catalog: Catalog, _cert_id: str = "") -> list[OptionGroup]:
    """Target certifications, with the issuing body; the value is the id."""
    options = []
    for cert in catalog.targets():
        text = f"{cert.id} – {cert.name} ({cert.body.value})"
        best = f"Best for: {cert.best_for}."
        options.append(Option(cert.id, text, text, best, f"{cert.id}, {cert.name}"))
    return [OptionGroup("", tuple(options))]


def specialty_options(catalog: Catalog, cert_id: str) -> list[OptionGroup]:
    """Specialties for ``cert_id``: the fitting ones first, then the others."""
    specs = catalog.specialties_for(cert_id)
    groups = []
    for heading, fits in ((f"Suits {cert_id}", True), ("Other specialties", False)):
        options = tuple(
            Option(
                spec.id,
                f"{spec.name}  → leads to {spec.credential}" if spec.credential else spec.name,
                f"{spec.name} → {spec.credential}" if spec.credential else spec.name,
                spec.description,
            )
            for spec in specs
            if (cert_id in spec.fits) == fits
        )
        if options:
            groups.append(OptionGroup(heading, options))
    return groups


def background_options(_catalog: Catalog, _cert_id: str = "") -> list[OptionGroup]:
    return [OptionGroup("", tuple(Option(b.value, b.label, b.label) for b in Background))]


def retake_options(_catalog: Catalog, _cert_id: str = "") -> list[OptionGroup]:
    yes = "Yes: keep a few weeks after each exam for a possible retake"
    no = "No: plan for passing each exam the first time"
    return [OptionGroup("", (Option("yes", yes, yes), Option("no", no, no)))]


NATIONAL_FALLBACK = "No pay figures for this state in the data: the plan uses national pay."


def state_options(catalog: Catalog, _cert_id: str = "") -> list[OptionGroup]:
    """The states; those without pay figures say so in the list and in their tooltip."""
    states = tuple(
        Option(
            code,
            label := state_label(catalog.salary, code, name),
            label,
            "" if code in catalog.salary.states else NATIONAL_FALLBACK,
        )
        for code, name in US_STATES
    )
    not_set = "Not set (national figures)"
    return [OptionGroup("", (Option(None, not_set, not_set), *states))]


def specialty_text(catalog: Catalog, spec_id: str, cert_id: str) -> str:
    """One line under the specialty picker: what it is and which credential it leads to."""
    spec = catalog.specialties.get(spec_id)
    if spec is None:
        return ""
    parts = [spec.description.strip()]
    if spec.credential:
        credential = catalog.certifications.get(spec.credential)
        name = f" ({credential.name})" if credential is not None else ""
        parts.append(f"Leads to the add-on credential {spec.credential}{name}.")
    if cert_id not in spec.fits:
        holders = " or ".join(f"the {fit}" for fit in spec.fits)
        parts.append(f"Most who choose it hold {holders}; with the {cert_id} it is less usual.")
    return " ".join(parts)


def certification_text(catalog: Catalog, cert_id: str) -> str:
    """One line under the certification picker: who it is best for."""
    cert = catalog.certifications.get(cert_id)
    return f"Best for: {cert.best_for}." if cert is not None else ""


# ---------------------------------------------------------------------- money


class AmbiguousMoney(ValueError):
    """'32.000' where '.' marks cents: $32,000 or $32.00? ``readings`` are the amounts it may mean.

    Each reading is (amount, how the locale writes it: '32,000' / '32.00'); the second is
    offered only when the third digit after the point is 0 (cents have two digits).
    """

    def __init__(self, text: str, whole: str, cents: str, *, group: str, decimal: str) -> None:
        self.text = text
        grouped = int(whole + cents)
        self.readings: list[tuple[float, str]] = [
            (float(grouped), f"{grouped:,}".replace(",", group))
        ]
        if cents.endswith("0"):
            self.readings.append((float(f"{whole}.{cents[:2]}"), f"{whole}{decimal}{cents[:2]}"))
        super().__init__(
            f"“{text}” is unclear: type {whole}{group}{cents} for "
            f"{grouped:,} dollars or {whole}{decimal}{cents[:2]} for {whole} dollars"
        )


def parse_money(
    text: str, limit: float = MONEY_LIMIT, *, group: str = ",", decimal: str = "."
) -> float | None:
    """'$32,000' → 32000.0; '' → None; ValueError for anything else or above ``limit``.

    ``group`` and ``decimal`` are the locale's separators. A decimal separator followed by
    exactly three digits ('32.000' where '.' marks cents) may be meant as grouping, as in much
    of Europe: that is refused with a question rather than read as $32.
    """
    spaces = {" ", "\u00a0", "\u202f"}
    cleaned = "".join(ch for ch in text.replace("$", "") if ch not in spaces)
    if not cleaned:
        return None
    example = f"32{group}000"
    whole, point, cents = cleaned.partition(decimal)
    if point and len(cents) == 3 and cents.isdigit() and group not in whole:
        if not whole.isdigit():
            raise ValueError(f"“{text.strip()}” is not an amount in dollars, such as {example}")
        raise AmbiguousMoney(text.strip(), whole, cents, group=group, decimal=decimal)
    parts = whole.split(group) if group else [whole]
    well_grouped = all(p.isdigit() for p in parts) and (
        len(parts) == 1 or (1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:]))
    )
    if not well_grouped or (point and not (cents.isdigit() and len(cents) <= 2)):
        raise ValueError(f"is not an amount in dollars, such as {example}")
    value = float("".join(parts) + (f".{cents}" if point else ""))
    if not 0 <= value <= limit:
        raise ValueError(f"must be between $0 and ${money_text(limit, group)}")
    return value


def money_text(value: float | None, group: str = ",") -> str:
    """32000 → '32,000' with the locale's group separator."""
    return "" if value is None else f"{value:,.0f}".replace(",", group)


# ---------------------------------------------------------------------- the field table


class Kind(Enum):
    """What sort of editor a field gets."""

    CHOICE = "choice"
    DATE = "date"
    HOURS = "hours"
    MONEY = "money"
    TEXT = "text"
    OPTIONAL_DATE = "optional date"


@dataclass(frozen=True, eq=False)
class InputField:
    """One plan input: how it is labelled, explained, edited, checked and stored."""

    key: str  # the PlanInputs attribute ("name" is the profile's name)
    label: str  # form label with its Alt+letter mnemonic
    accessible: str  # what a screen reader calls the editor
    suffix: str  # object names are the form's prefix plus this: wizardHours, settingsHours
    kind: Kind
    what: str  # in messages: "Current income must be between …"
    note: str = ""  # help shown under the field, also the editor's tooltip
    placeholder: str = ""
    toggle: str = ""  # OPTIONAL_DATE: the check box that turns the date on
    bounds: tuple[Any, Any] | None = None  # smallest and largest value (DATE, HOURS, MONEY)
    max_length: int = 0  # TEXT
    options: Callable[[Catalog, str], list[OptionGroup]] | None = None  # CHOICE: given the cert
    follows_certification: bool = False  # CHOICE: offered anew when the certification changes
    required: bool = False  # CHOICE: "Please choose …" when nothing is chosen
    to_inputs: Callable[[Any], Any] = lambda value: value  # editor value → PlanInputs value
    from_inputs: Callable[[Any], Any] = lambda value: value  # and back
    undo_text: Callable[[Any, Catalog], str] = lambda _value, _catalog: "Change the plan"
    in_inputs: bool = True  # False: not part of PlanInputs (the name)


CERTIFICATION = InputField(
    "certification",
    "&Certification:",
    "Target certification",
    "Certification",
    Kind.CHOICE,
    "Certification",
    options=certification_options,
    required=True,
    undo_text=lambda value, _catalog: f"Change certification to {value}",
)
SPECIALTY = InputField(
    "specialty",
    "S&pecialty:",
    "Specialty",
    "Specialty",
    Kind.CHOICE,
    "Specialty",
    options=specialty_options,
    follows_certification=True,
    required=True,
    undo_text=lambda value, catalog: f"Change specialty to {catalog.specialties[value].name}",
)
START = InputField(
    "start",
    "&Start date:",
    "Start date",
    "Start",
    Kind.DATE,
    "Start date",
    bounds=DATE_RANGE,
    undo_text=lambda _value, _catalog: "Change the start date",
)
HOURS = InputField(
    "hours_per_week",
    "Study h&ours per week:",
    "Study hours per week",
    "Hours",
    Kind.HOURS,
    "Study hours",
    bounds=(MIN_HOURS_PER_WEEK, MAX_HOURS_PER_WEEK),
    note="Most learners manage 5 to 15 hours a week next to a job.",
    undo_text=lambda value, _catalog: f"Study {value:g} h/week",
)
BACKGROUND = InputField(
    "background",
    "Back&ground:",
    "Background",
    "Background",
    Kind.CHOICE,
    "Background",
    options=background_options,
    required=True,
    to_inputs=Background,
    from_inputs=lambda value: Background(value).value,
    undo_text=lambda _value, _catalog: "Change background",
)
STATE = InputField(
    "state",
    "S&tate:",
    "State",
    "State",
    Kind.CHOICE,
    "State",
    note="Pay differs a lot between states.",
    options=state_options,
    undo_text=lambda _value, _catalog: "Change state",
)
INCOME = InputField(
    "current_income",
    "Current &income ($/year):",
    "Current yearly income",
    "Income",
    Kind.MONEY,
    "Current income",
    bounds=(0, MONEY_LIMIT),
    note=(
        "Optional. With your current yearly income the plan shows the break-even point: the "
        "month when the extra pay has repaid what the training costs."
    ),
    placeholder="optional, e.g. 32,000",
    undo_text=lambda _value, _catalog: "Change current income",
)
BUDGET = InputField(
    "budget",
    "Training b&udget ($):",
    "Training budget",
    "Budget",
    Kind.MONEY,
    "Budget",
    bounds=(0, MONEY_LIMIT),
    note=(
        "Optional. With a training budget the plan checks whether the up-front costs (course, "
        "books, exam, membership) fit it."
    ),
    placeholder="optional, e.g. 4,000",
    undo_text=lambda _value, _catalog: "Change budget",
)
EXAM_DATE = InputField(
    "target_exam_date",
    "Target exam:",
    "Target exam date",
    "ExamDate",
    Kind.OPTIONAL_DATE,
    "Target exam date",
    bounds=DATE_RANGE,
    note=(
        "The plan keeps your date when your study hours allow it and it is clear of a "
        "code-set switch-over; otherwise it says why not."
    ),
    toggle="I have a target exam &date:",
    undo_text=lambda _value, _catalog: "Change the target exam date",
)
RETAKE = InputField(
    "retake_buffer",
    "Retake buffer:",
    "Plan time for a possible retake",
    "Retake",
    Kind.CHOICE,
    "Retake buffer",
    note=(
        "First-time pass rates are about 50-60%, so the plan keeps 4-8 weeks after each exam "
        "to study again and resit if needed; later steps count from the end of it."
    ),
    options=retake_options,
    required=True,
    to_inputs=lambda value: value == "yes",
    from_inputs=lambda value: "yes" if value else "no",
    undo_text=lambda value, _catalog: (
        "Plan a retake buffer" if value else "Plan without a retake buffer"
    ),
)
NAME = InputField(
    "name",
    "Your na&me:",
    "Your name",
    "Name",
    Kind.TEXT,
    "Name",
    max_length=NAME_MAX_LENGTH,
    placeholder="optional, shown on the printed roadmap",
    in_inputs=False,
)

FIELDS: tuple[InputField, ...] = (
    CERTIFICATION,
    SPECIALTY,
    START,
    HOURS,
    BACKGROUND,
    STATE,
    INCOME,
    BUDGET,
    EXAM_DATE,
    RETAKE,
    NAME,
)
