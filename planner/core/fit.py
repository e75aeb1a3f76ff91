"""Fit check: the seeds' decision framework and the learner's constraints, matched to paths."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import Field

from planner.core.base import Figure, FrozenModel, MutableModel
from planner.core.catalog import Background, Catalog, CatalogError, Certification, Program
from planner.core.limits import MAX_HOURS_PER_WEEK, MIN_HOURS_PER_WEEK
from planner.core.resource_files import read_model
from planner.core.sources import source_note

FIT_FILE = "fit.yaml"
MAX_PATHS = 3


class TraitFit(StrEnum):
    """Which list of the seed a trait comes from."""

    STRONG = "strong"
    WEAK = "weak"
    EXPECTATION = "expectation"


class WorkSetting(StrEnum):
    """Where the learner wants to work."""

    EITHER = "either"
    HOSPITAL = "hospital"
    PHYSICIAN_OFFICE = "physician-office"


SETTING_LABELS = {
    WorkSetting.EITHER: "Either, or not sure yet",
    WorkSetting.HOSPITAL: "Hospital",
    WorkSetting.PHYSICIAN_OFFICE: "Physician office",
}


# ---------------------------------------------------------------- data file (resources/fit.yaml)


class Trait(FrozenModel):
    """One statement the learner agrees with or not."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    fit: TraitFit
    question: str = Field(min_length=1)
    agree: str = Field(min_length=1)
    source: str = Field(min_length=1)
    as_of: str = Field(min_length=1)


class SettingRule(FrozenModel):
    """A work setting and the certifications and lanes that lead there."""

    id: WorkSetting
    label: str
    certifications: tuple[str, ...] = Field(min_length=1)
    specialties: tuple[str, ...] = Field(min_length=1)
    reason: str = Field(min_length=1)
    source: str = Field(min_length=1)
    as_of: str = Field(min_length=1)


class RemoteRule(FrozenModel):
    """Where remote work exists later, and the warning about remote from day one."""

    lanes: tuple[str, ...] = Field(min_length=1)
    lanes_reason: str
    lanes_source: str
    day_one: str
    day_one_source: str
    as_of: str


class TextRule(FrozenModel):
    """Sentences with placeholders filled from the catalog, and their source."""

    model_config = FrozenModel.model_config | {"extra": "allow"}

    source: str = Field(min_length=1)
    as_of: str = Field(min_length=1)

    def say(self, key: str, **values: Any) -> str:
        template = (self.model_extra or {})[key]
        return " ".join(str(template).format(**values).split())


class FitRules(FrozenModel):
    """Everything in resources/fit.yaml."""

    traits: tuple[Trait, ...] = Field(min_length=1)
    settings: tuple[SettingRule, ...]
    remote: RemoteRule
    degree: TextRule
    hours: TextRule
    budget: TextRule

    def trait(self, trait_id: str) -> Trait:
        return next(t for t in self.traits if t.id == trait_id)

    def setting(self, setting: WorkSetting) -> SettingRule | None:
        return next((s for s in self.settings if s.id is setting), None)


def load_fit_rules(catalog: Catalog, folder: Path | None = None) -> FitRules:
    """Read and check resources/fit.yaml (or ``folder``/fit.yaml) against the catalog."""
    label, rules = read_model(
        FIT_FILE, folder, FitRules, CatalogError, yaml_problem="cannot read the file"
    )
    for rule in rules.settings:
        for cert in rule.certifications:
            if cert not in catalog.certifications:
                raise CatalogError(f"{label}: setting '{rule.id}': unknown certification {cert}")
        for spec in rule.specialties:
            if spec not in catalog.specialties:
                raise CatalogError(f"{label}: setting '{rule.id}': unknown specialty {spec}")
    for spec in rules.remote.lanes:
        if spec not in catalog.specialties:
            raise CatalogError(f"{label}: remote: unknown specialty {spec}")
    return rules


# ---------------------------------------------------------------- answers (kept in the profile)


class FitAnswers(MutableModel):
    """The learner's fit-check answers, kept in the profile so the check can be retaken."""

    agrees: dict[str, bool] = Field(
        default_factory=dict, description="trait id -> agrees (resources/fit.yaml)"
    )
    hours_per_week: float | None = Field(default=None, ge=MIN_HOURS_PER_WEEK, le=MAX_HOURS_PER_WEEK)
    budget: float | None = Field(default=None, ge=0, le=10_000_000, description="USD up front")
    degree_possible: bool | None = Field(default=None, description="a 2-year degree; None: unsure")
    setting: WorkSetting = WorkSetting.EITHER
    remote_day_one: bool = Field(default=False, description="remote work is a must from day one")

    def agreed(self, trait_id: str) -> bool:
        return self.agrees.get(trait_id, False)


# ---------------------------------------------------------------- result


@dataclass(frozen=True)
class Reason:
    """One sentence of the result, tied to the answer it follows from and to its source."""

    text: str
    answer: str
    source: str
    as_of: str

    def line(self, indent: str = "") -> str:
        """Two lines: the reason, then the answer and the source it rests on."""
        return (
            f"{indent}- {self.text}\n"
            f"{indent}  (Your answer: {self.answer}. {source_note(self.source, self.as_of)})"
        )


@dataclass(frozen=True)
class SuggestedPath:
    """A path worth comparing: target certification, specialty and weekly hours."""

    certification: str
    specialty: str
    hours_per_week: float
    reasons: tuple[Reason, ...]

    def as_tuple(self) -> tuple[str, str, float]:
        return (self.certification, self.specialty, self.hours_per_week)


@dataclass(frozen=True)
class FitResult:
    """A plain, non-judgemental summary of the fit check."""

    strengths: tuple[Reason, ...]
    paths: tuple[SuggestedPath, ...]
    excluded: tuple[tuple[str, Reason], ...]  # certification id, why it is left out
    practical: tuple[Reason, ...]  # hours and budget against catalog figures
    cautions: tuple[Reason, ...]  # expectations the seeds warn about

    def suggested_paths(self) -> list[tuple[str, str, float]]:
        """(certification, specialty, hours per week) for "Compare these paths"."""
        return [path.as_tuple() for path in self.paths]

    def text(self, catalog: Catalog) -> str:
        """The result as plain text (the dialog and the report show the same words)."""
        out: list[str] = []
        if self.strengths:
            out.append("What suits coding work")
            out += [r.line() for r in self.strengths]
            out.append("")
        out.append("Paths that match your answers")
        if not self.paths:
            out.append("- None of the target certifications matches all your answers.")
        for path in self.paths:
            cert = catalog.certifications[path.certification]
            spec = catalog.specialties[path.specialty]
            out.append(
                f"- {cert.id} ({cert.name}), then {spec.name}, at {path.hours_per_week:g} "
                "hours a week:"
            )
            out += [r.line("    ") for r in path.reasons]
        for cert_id, why in self.excluded:
            out.append(f"- Not suggested: {cert_id}.")
            out.append(why.line("    "))
        out.append("")
        if self.practical:
            out.append("Time and money")
            out += [r.line() for r in self.practical]
            out.append("")
        if self.cautions:
            out.append("Expectations the seeds warn about")
            out += [r.line() for r in self.cautions]
            out.append("")
        out.append("This is a starting point, not a verdict: any path can be planned and compared.")
        return "\n".join(out)


# ---------------------------------------------------------------- assessment


def newcomer_program(cert: Certification, catalog: Catalog) -> Program | None:
    """The programme a newcomer takes for ``cert``: its required one, else the usual course."""
    program_id = cert.eligibility.required_program
    if program_id is None:
        program_id = catalog.training.backgrounds[Background.NONE].program
    return catalog.program(program_id) if program_id is not None else None


def program_cost(program: Program) -> tuple[float, float] | None:
    """A programme's whole price range: its cost, or yearly tuition times its full-time length."""
    if program.tuition_per_year is not None and program.months is not None:
        return (
            program.tuition_per_year.lo * program.months.lo / 12,
            program.tuition_per_year.hi * program.months.hi / 12,
        )
    if program.cost is not None:
        return (program.cost.lo, program.cost.hi)
    return None


def upfront_range(cert: Certification, catalog: Catalog) -> tuple[float, float, str] | None:
    """Programme plus exam fee for a newcomer, from catalog figures, and what it includes."""
    program = newcomer_program(cert, catalog)
    cost = program_cost(program) if program is not None else None
    if cost is None or cert.exam_fee is None or program is None:
        return None
    what = f"{program.name} and the exam fee; books and membership not included"
    return (cost[0] + cert.exam_fee.lo, cost[1] + cert.exam_fee.hi, what)


def _sentence_part(text: str) -> str:
    """'Physician-based coding' reads 'physician-based coding' mid-sentence; 'HIM ...' stays."""
    return text[0].lower() + text[1:] if text[1:2].islower() else text


def _months(figure: Figure) -> str:
    return f"{figure.describe().replace(' months', '')} months"


def _ceu_text(catalog: Catalog) -> str:
    cpc = catalog.certifications.get("CPC")
    if cpc is None or cpc.ceu is None:
        return "continuing education every cycle"
    return (
        f"{cpc.ceu.credits.describe()} every {cpc.ceu.cycle_years.describe()} for one AAPC "
        "credential"
    )


def _trait_reasons(
    answers: FitAnswers, rules: FitRules, catalog: Catalog
) -> tuple[list[Reason], list[Reason]]:
    strengths: list[Reason] = []
    cautions: list[Reason] = []
    for trait in rules.traits:
        if not answers.agreed(trait.id):
            continue
        reason = Reason(
            trait.agree.format(ceu=_ceu_text(catalog)),
            f"agree with “{trait.question.rstrip('.')}”",
            trait.source,
            trait.as_of,
        )
        (strengths if trait.fit is TraitFit.STRONG else cautions).append(reason)
    return strengths, cautions


def _degree_exclusions(
    answers: FitAnswers, rules: FitRules, catalog: Catalog
) -> tuple[set[str], list[tuple[str, Reason]], dict[str, Reason]]:
    excluded: set[str] = set()
    out: list[tuple[str, Reason]] = []
    open_routes: dict[str, Reason] = {}
    for cert in catalog.targets():
        program_id = cert.eligibility.required_program
        if program_id is None:
            continue
        program = catalog.program(program_id)
        if answers.degree_possible is False:
            excluded.add(cert.id)
            text = rules.degree.say("excluded", cert=cert.id, program=program.name)
            out.append(
                (
                    cert.id,
                    Reason(
                        text,
                        "a 2-year degree is not possible",
                        cert.eligibility.source,
                        cert.eligibility.as_of,
                    ),
                )
            )
        elif answers.degree_possible is True and program.months is not None:
            text = rules.degree.say(
                "possible", cert=cert.id, program=program.name, months=_months(program.months)
            )
            open_routes[cert.id] = Reason(
                text, "a 2-year degree is possible", rules.degree.source, rules.degree.as_of
            )
    return excluded, out, open_routes


def _hours_reasons(answers: FitAnswers, rules: FitRules, catalog: Catalog) -> list[Reason]:
    hours = answers.hours_per_week
    if hours is None:
        return []
    answer = f"{hours:g} hours a week"
    out: list[Reason] = []
    course = catalog.training.backgrounds[Background.NONE].program
    program = catalog.program(course) if course is not None else None
    if program is not None and program.hours is not None:
        weeks = math.ceil(program.hours.planning / hours)
        text = rules.hours.say(
            "certificate",
            hours=hours,
            hours_total=f"{program.hours.planning:g}",
            program=program.name.lower(),
            weeks=weeks,
            prep=_months(catalog.training.default_prep),
        )
        out.append(Reason(text, answer, program.hours.source, program.hours.as_of))
    threshold = catalog.training.part_time_hours_per_week
    if hours < threshold and answers.degree_possible is not False:
        for cert in catalog.targets():
            program_id = cert.eligibility.required_program
            if program_id is None:
                continue
            degree = catalog.program(program_id)
            if degree.part_time_months is None or degree.months is None:
                continue
            text = rules.hours.say(
                "part_time",
                threshold=threshold,
                program=degree.name,
                months=_months(degree.part_time_months),
                full_time=_months(degree.months),
            )
            out.append(Reason(text, answer, rules.hours.source, rules.hours.as_of))
    return out


def _budget_reason(
    answers: FitAnswers, cert: Certification, rules: FitRules, catalog: Catalog
) -> Reason | None:
    budget = answers.budget
    found = upfront_range(cert, catalog)
    if budget is None or found is None:
        return None
    low, high, what = found
    key = "fits" if budget >= high else "partly" if budget >= low else "short"
    text = rules.budget.say(key, budget=budget, cert=cert.id, low=low, high=high, what=what)
    return Reason(text, f"a budget of ${budget:,.0f}", rules.budget.source, rules.budget.as_of)


def _pick_specialty(
    cert: Certification, preferred: tuple[str, ...], remote_lanes: tuple[str, ...], catalog: Catalog
) -> str:
    fitting = [spec.id for spec in catalog.specialties_for(cert.id) if cert.id in spec.fits]
    for wanted in (
        [s for s in preferred if s in remote_lanes],
        list(preferred),
        [s for s in fitting if s in remote_lanes],
    ):
        chosen = next((s for s in wanted if s in fitting), None)
        if chosen is not None:
            return chosen
    return fitting[0]


def assess(answers: FitAnswers, catalog: Catalog, rules: FitRules | None = None) -> FitResult:
    """Match the answers to target certifications and lanes, with a reason and source each."""
    rules = rules or load_fit_rules(catalog)
    strengths, cautions = _trait_reasons(answers, rules, catalog)
    excluded, excluded_reasons, open_routes = _degree_exclusions(answers, rules, catalog)
    setting_rule = rules.setting(answers.setting)
    remote = rules.remote
    remote_lanes = remote.lanes if answers.remote_day_one else ()
    if answers.remote_day_one:
        office = catalog.training.office_before_remote
        years = office.describe() if office is not None else "a time"
        cautions.insert(
            0,
            Reason(
                " ".join(remote.day_one.format(office_before_remote=years).split()),
                "remote work is a must from day one",
                remote.day_one_source,
                remote.as_of,
            ),
        )
    hours = answers.hours_per_week or 10.0
    if setting_rule is not None:
        order = list(setting_rule.certifications)
    else:
        order = [c.id for c in catalog.targets()]
    paths: list[SuggestedPath] = []
    for cert_id in order:
        if cert_id in excluded or len(paths) >= MAX_PATHS:
            continue
        cert = catalog.certifications[cert_id]
        reasons: list[Reason] = []
        preferred: tuple[str, ...] = ()
        if setting_rule is not None:
            preferred = setting_rule.specialties
            reasons.append(
                Reason(
                    " ".join(setting_rule.reason.split()),
                    f"work setting: {setting_rule.label.lower()}",
                    setting_rule.source,
                    setting_rule.as_of,
                )
            )
        else:
            reasons.append(
                Reason(
                    f"The {cert.id} is a common first target: {_sentence_part(cert.best_for)}.",
                    "work setting: either, or not sure yet",
                    cert.eligibility.source,
                    cert.eligibility.as_of,
                )
            )
        if cert_id in open_routes:
            reasons.append(open_routes[cert_id])
        specialty = _pick_specialty(cert, preferred, remote_lanes, catalog)
        if answers.remote_day_one and specialty in remote.lanes:
            spec_name = catalog.specialties[specialty].name
            reasons.append(
                Reason(
                    f"{spec_name}: " + " ".join(remote.lanes_reason.split()),
                    "remote work is a must from day one",
                    remote.lanes_source,
                    remote.as_of,
                )
            )
        budget = _budget_reason(answers, cert, rules, catalog)
        if budget is not None:
            reasons.append(budget)
        paths.append(SuggestedPath(cert_id, specialty, hours, tuple(reasons)))
    return FitResult(
        strengths=tuple(strengths),
        paths=tuple(paths),
        excluded=tuple(excluded_reasons),
        practical=tuple(_hours_reasons(answers, rules, catalog)),
        cautions=tuple(cautions),
    )


def every_rule_source(rules: FitRules) -> list[tuple[str, str, str]]:
    """(rule, source, as-of) of every rule in the data file, for checks and the data table."""
    out = [(f"trait {t.id}", t.source, t.as_of) for t in rules.traits]
    out += [(f"setting {s.id}", s.source, s.as_of) for s in rules.settings]
    out += [
        ("remote lanes", rules.remote.lanes_source, rules.remote.as_of),
        ("remote day one", rules.remote.day_one_source, rules.remote.as_of),
        ("degree", rules.degree.source, rules.degree.as_of),
        ("hours", rules.hours.source, rules.hours.as_of),
        ("budget", rules.budget.source, rules.budget.as_of),
    ]
    return out
