"""The career-data catalog: pydantic models for resources/*.yaml, loading and cross-checks."""

from __future__ import annotations

import functools
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from planner.core import resource_cache, resource_files
from planner.core.base import Figure, FrozenModel

CATALOG_FILES = ("certifications.yaml", "specialties.yaml", "salaries.yaml", "training.yaml")

ID_PATTERN = r"^[A-Z][A-Z0-9-]*$"
SLUG_PATTERN = r"^[a-z][a-z0-9-]*$"


class CatalogError(Exception):
    """A data file is missing, unreadable or inconsistent; the message names file, entry, field."""


class Body(StrEnum):
    """Organisations that issue credentials."""

    AAPC = "AAPC"
    AHIMA = "AHIMA"
    NHA = "NHA"


class Background(StrEnum):
    """Where the learner starts from."""

    NONE = "none"
    TERMINOLOGY = "terminology"
    HEALTHCARE = "healthcare"
    CODING = "coding"

    @property
    def label(self) -> str:
        return BACKGROUND_LABELS[self]


BACKGROUND_LABELS = {
    Background.NONE: "No healthcare or coding background",
    Background.TERMINOLOGY: "Medical terminology and anatomy done",
    Background.HEALTHCARE: "Working in healthcare (clinical or billing)",
    Background.CODING: "Already coding",
}


class SourceNote(FrozenModel):
    """Where a rule (not a number) comes from."""

    source: str = Field(min_length=1)
    as_of: str = Field(min_length=1)


class ExamFormat(FrozenModel):
    """Questions, time and passing mark of the current exam form."""

    questions: Figure
    minutes: Figure
    passing: Figure | None = None  # unit "percent" or "scaled"; None where no source gives it
    description: str = ""

    @property
    def passing_percent(self) -> float | None:
        """Passing mark as a percentage, or None where it is scaled or not known."""
        if self.passing is None or self.passing.unit != "percent":
            return None
        return self.passing.lo


class CeuRule(FrozenModel):
    """Continuing education needed to keep the credential."""

    credits: Figure
    cycle_years: Figure
    note: str = ""
    specific_credits: float | None = None  # part of the body's CEUs that must be on one topic
    specific_topic: str = ""  # e.g. "auditing" (CPMA), "specialty-specific" (CEDC)


class EligibilityKind(StrEnum):
    """How a credential can be reached."""

    OPEN = "open"  # no proof of education or experience to sit the exam
    PROGRAM = "program"  # a required academic programme
    RECOMMENDED_EXPERIENCE = "recommended-experience"  # experience recommended, not required
    PROGRAM_OR_EXPERIENCE = "program-or-experience"  # a training programme or work


class Prerequisite(FrozenModel):
    """One route to eligibility: every part of it is needed on the exam date."""

    title: str = Field(min_length=1)
    credentials: tuple[str, ...] = ()  # any one of these held (RN, MD, DO are outside the catalog)
    program: str | None = None  # a completed programme id in training.yaml
    experience_years: Figure | None = None  # years of the work named in ``experience``
    experience: str = ""  # the kind of work: "coding", "CDI"
    source: str = Field(min_length=1)
    as_of: str = Field(min_length=1)


class Eligibility(FrozenModel):
    """The rules to sit the exam."""

    kind: EligibilityKind
    summary: str = Field(min_length=1)
    source: str = Field(min_length=1)
    as_of: str = Field(min_length=1)
    required_program: str | None = None  # a programme id in training.yaml
    recommended_experience_years: Figure | None = None
    entry_credential: str | None = None  # route for those without the experience
    waived_by: tuple[str, ...] = ()
    # required routes (any one of them); empty: nothing is required to sit the exam
    prerequisites: tuple[Prerequisite, ...] = ()
    schedulable: bool = True  # False: the data cannot say when a learner qualifies (CHDA)
    verified: bool = True  # False: the rule is not confirmed on the body's own page


class ApprenticeRoute(FrozenModel):
    """One way to remove an apprentice ('-A') designation."""

    id: str = Field(pattern=SLUG_PATTERN)
    title: str
    employment_years: Figure | None = None
    needs_course: bool = False
    needs_practicode: bool = False


class ApprenticeRule(FrozenModel):
    """The apprentice designation given when the exam is passed without experience."""

    designation: str
    routes: tuple[ApprenticeRoute, ...] = Field(min_length=1)
    processing_weeks: Figure | None = None
    source: str = Field(min_length=1)
    as_of: str = Field(min_length=1)


class Certification(FrozenModel):
    """A credential: a target certification or an add-on one a specialty leads to."""

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    body: Body
    target: bool = False  # offered as the first certification to aim for
    best_for: str = Field(min_length=1)
    settings: tuple[str, ...] = ()
    eligibility: Eligibility
    exam: ExamFormat | None = None
    exam_fee: Figure | None = None
    membership_dues: Figure | None = None  # per year, where the body requires membership
    prep: Figure | None = None  # study to prepare for the exam: unit hours, weeks or months
    ceu: CeuRule | None = None
    apprentice: ApprenticeRule | None = None
    renewal_fee: Figure | None = None  # per CEU cycle
    replaces: str | None = None  # a credential this one replaces once granted (RHIA -> RHIT)
    # earlier credentials the plan lets lapse once this one is held (planner rule: CCS -> CCA)
    lets_lapse: tuple[str, ...] = ()
    route_note: str = ""  # why no plan leads to it, where none does
    inpatient: bool = False  # a hospital inpatient credential: ICD-10-PCS and MS-DRG
    salary_average: Figure | None = None  # survey average for holders (AAPC)
    gaps: tuple[str, ...] = ()  # figures looked for and not found


class Specialty(FrozenModel):
    """A career lane the learner specialises in (phase 4)."""

    id: str = Field(pattern=SLUG_PATTERN)
    name: str = Field(min_length=1)
    description: str = Field(min_length=1)
    fits: tuple[str, ...] = Field(min_length=1)  # target certifications it suits, best first
    credential: str | None = None  # add-on credential it leads to
    # sourced experience employers look for before this lane; None: the planner's own rule
    # (training.yaml specialise_after) applies and the plan says so
    experience_years_before: Figure | None = None
    # work in the lane itself before its credential (CDI: the CDIP's years of CDI work)
    lane_work: str = ""
    pay_average: Figure | None = None  # survey average in this lane
    pay_baseline: Figure | None = None  # same survey's baseline, for the pay effect
    roles: tuple[str, ...] = ()

    @property
    def pay_factor(self) -> float:
        """Pay effect of the specialty: average over baseline of the same survey (1 if unknown)."""
        if self.pay_average is None or self.pay_baseline is None:
            return 1.0
        return self.pay_average.planning / self.pay_baseline.planning


class StateWage(FrozenModel):
    """A state's wage figures for the occupation."""

    name: str
    median: Figure


class Occupation(FrozenModel):
    """An occupation's published pay percentiles (in the dollars of SalaryData.dollars_label)."""

    name: str
    table: str  # publisher and table, for source lines: "BLS OEWS May 2024, SOC 29-2072"
    p10: Figure
    p25: Figure
    median: Figure
    p90: Figure  # the cap of every band on this occupation


class PaySetting(FrozenModel):
    """A work setting: the occupation's median there, against its all-industry median."""

    label: str
    median: Figure


class CredentialPay(FrozenModel):
    """Which occupation (and setting) a credential's pay is based on."""

    occupation: str
    setting: str | None = None
    apprentice: bool = False  # an apprentice designation (CPC-A, COC-A)


class ContextFigure(FrozenModel):
    """A figure shown next to the chart to help the decision (not used in the projection)."""

    label: str
    cite: str  # publisher and table in a few words: "AAPC Salary Survey 2025"
    figure: Figure


class SalaryData(FrozenModel):
    """The salary model's figures and rules (resources/salaries.yaml; docs/DATA.md)."""

    dollars_label: str  # "in 2024 dollars; raises above inflation only"
    vintage: str  # "pay data: BLS OEWS May 2024; AAPC salary survey 2025"
    band_meaning: str  # what low, median and high mean, for the app
    occupation: str
    occupations: dict[str, Occupation]
    settings: dict[str, PaySetting]
    credential_pay: dict[str, CredentialPay]
    apprentice_factor: Figure  # apprentice pay over certified pay at the same experience
    experience_growth: Figure  # pay after 24 more years over first-year pay, minus 1
    experience_time_constant: Figure  # years; shape of the front-loaded experience curve
    specialty_premiums: dict[str, Figure] = Field(default_factory=dict)
    state_reference_median: Figure  # national median of the same release as the state table
    states: dict[str, StateWage] = Field(default_factory=dict)
    context: tuple[ContextFigure, ...] = ()

    @property
    def records(self) -> Occupation:
        """The coding occupation (SOC 29-2072)."""
        return self.occupations["records"]

    @property
    def p10(self) -> Figure:
        return self.records.p10

    @property
    def median(self) -> Figure:
        return self.records.median

    @property
    def p90(self) -> Figure:
        return self.records.p90


class Program(FrozenModel):
    """A training programme."""

    id: str = Field(pattern=SLUG_PATTERN)
    name: str
    hours: Figure | None = None
    months: Figure | None = None  # full-time length
    part_time_months: Figure | None = None  # part-time length, where the data gives one
    for_holders: tuple[str, ...] = ()  # open only to holders of one of these (completion degrees)
    cost: Figure | None = None  # the whole programme
    tuition_per_year: Figure | None = None  # degree programmes: times the programme's length
    counts_as_apprentice_course: bool = False
    note: str = ""


class BackgroundTraining(FrozenModel):
    """What phase 1 holds for one background."""

    program: str | None = None  # programme id; None: no course needed, a review only
    summary: str
    # for AHIMA exams (CCA/CCS): the programme instead of AAPC's course; None: same as above
    ahima_program: str | None = None


class CostFigures(FrozenModel):
    """Study materials, memberships and other costs outside programmes and exam fees."""

    code_books: Figure  # one year's set, bought for each exam year
    practice_exams: Figure
    prep_products: Figure | None = None
    practicode: Figure | None = None  # AAPC's apprentice-removal practice records
    aapc_student_membership: Figure | None = None  # first AAPC year, before certification
    ahima_additional_recertification: Figure | None = None  # per extra AHIMA credential
    ceu_cost: Figure | None = None  # per CEU cycle; None: not found (said in the plan)
    code_book_exams: tuple[str, ...] = ()  # exams that need the current year's code books


class TrainingData(FrozenModel):
    """Programmes, study-time defaults, and code-set update rules."""

    programs: tuple[Program, ...]
    backgrounds: dict[Background, BackgroundTraining]
    default_prep: Figure  # exam preparation when a credential has no figure of its own
    default_experience_years: Figure  # experience before moving on, when a specialty has none
    costs: CostFigures
    codeset_updates: tuple[CodeSetUpdate, ...]
    exam_blackout_days: int = Field(ge=0, le=60)  # keep the exam this far from a switch-over
    first_time_pass_rate: Figure | None = None  # share of candidates passing at the first try
    # exam-specific first-time pass rates by credential id (else first_time_pass_rate)
    pass_rates_by_credential: dict[str, Figure] = Field(default_factory=dict)
    retake_weeks: Figure | None = None  # planner rule: re-study and resit after a failed exam
    job_search_months: Figure | None = None  # planner rule: time from credential to first job
    specialise_after: Figure | None = None  # planner rule: work before a lane with no figure
    office_before_remote: Figure | None = None  # seed: on-site years before remote work
    part_time_hours_per_week: float = 12.0  # planner rule: below this a degree is part-time
    application_window_days: int = 120  # AHIMA: sit the exam within this many days of approval


class CodeSetUpdate(FrozenModel):
    """A yearly code-set release."""

    id: str = Field(pattern=SLUG_PATTERN)
    code_set: str
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    source: str = Field(min_length=1)
    as_of: str = Field(min_length=1)
    # CMS names ICD-10-CM/PCS releases by fiscal year: the Oct 1, 2027 release is "FY 2028"
    fiscal_year_naming: bool = False
    inpatient_only: bool = False  # ICD-10-PCS: only on inpatient (facility) paths
    occasional: bool = False  # published only in some years (April 1 ICD-10 updates)
    switch_over: bool = True  # exams are kept clear of it (a planner rule)
    note: str = ""


class BodyRules(FrozenModel):
    """Continuing-education and membership rules one body applies to all its credentials."""

    cycle_years: Figure
    ceu_by_count: tuple[float, ...] = ()  # AAPC: CEUs for 1, 2, ... credentials (last: more)
    extra_per_credential: float = 0.0  # AHIMA: each further credential adds this many
    ceu_max: float | None = None
    first_cycle: str = Field(pattern=r"^(exam|membership-renewal)$")
    first_cycle_note: str = ""
    domain_share: Figure | None = None  # AHIMA: share within the HIIM domains
    own_share: Figure | None = None  # AHIMA: share from AHIMA or its component associations
    own_share_from: date | None = None
    membership_dues: Figure | None = None  # per year
    membership_required: bool = False
    source: str = Field(min_length=1)
    as_of: str = Field(min_length=1)


TrainingData.model_rebuild()


class Catalog(FrozenModel):
    """Everything in resources/, validated and cross-checked."""

    certifications: dict[str, Certification]
    specialties: dict[str, Specialty]
    salary: SalaryData
    training: TrainingData
    bodies: dict[Body, BodyRules] = Field(default_factory=dict)

    def targets(self) -> list[Certification]:
        """Certifications offered as the first target, in catalog order."""
        return [c for c in self.certifications.values() if c.target]

    def program(self, program_id: str) -> Program:
        return next(p for p in self.training.programs if p.id == program_id)

    def specialties_for(self, cert_id: str) -> list[Specialty]:
        """All specialties, those that fit the certification first."""
        fitting = [s for s in self.specialties.values() if cert_id in s.fits]
        others = [s for s in self.specialties.values() if cert_id not in s.fits]
        return fitting + others


def _entries(label: str, raw: Any, key: str) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = resource_files.top_list(label, raw, key, CatalogError)
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise CatalogError(f"{label}: {key}[{index}] is not a mapping")
    return entries


def _validate(label: str, entry_name: str, model: type[FrozenModel], data: Any) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "(entry)"
        raise CatalogError(
            f"{label}: entry '{entry_name}', field '{field}': {first['msg']}"
            + (f" ({exc.error_count() - 1} more problem(s))" if exc.error_count() > 1 else "")
        ) from exc


def _by_id(label: str, kind: str, items: list[Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for item in items:
        if item.id in result:
            raise CatalogError(f"{label}: {kind} '{item.id}' appears twice")
        result[item.id] = item
    return result


def load_catalog(folder: Path | None = None) -> Catalog:
    """Load and cross-check the catalog from the installed package (or from ``folder``)."""
    cert_label, raw = resource_files.read_yaml("certifications.yaml", folder, CatalogError)
    raw_bodies = raw.get("bodies") if isinstance(raw, dict) else None
    certs = _by_id(
        cert_label,
        "certification",
        [
            _validate(cert_label, str(e.get("id", f"#{i}")), Certification, e)
            for i, e in enumerate(_entries(cert_label, raw, "certifications"))
        ],
    )
    spec_label, raw = resource_files.read_yaml("specialties.yaml", folder, CatalogError)
    specs = _by_id(
        spec_label,
        "specialty",
        [
            _validate(spec_label, str(e.get("id", f"#{i}")), Specialty, e)
            for i, e in enumerate(_entries(spec_label, raw, "specialties"))
        ],
    )
    bodies = {
        Body(name): _validate(cert_label, f"bodies.{name}", BodyRules, rules)
        for name, rules in (raw_bodies if isinstance(raw_bodies, dict) else {}).items()
        if name in {b.value for b in Body}
    }
    sal_label, raw = resource_files.read_yaml("salaries.yaml", folder, CatalogError)
    salary = _validate(sal_label, "salary", SalaryData, raw)
    tr_label, raw = resource_files.read_yaml("training.yaml", folder, CatalogError)
    training = _validate(tr_label, "training", TrainingData, raw)
    _cross_check(certs, specs, training, cert_label, spec_label, tr_label)
    _check_salary(salary, certs, specs, sal_label)
    return Catalog(
        certifications=certs, specialties=specs, salary=salary, training=training, bodies=bodies
    )


def _cross_check(
    certs: dict[str, Certification],
    specs: dict[str, Specialty],
    training: TrainingData,
    cert_label: str,
    spec_label: str,
    tr_label: str,
) -> None:
    programs = {p.id for p in training.programs}
    for cert in certs.values():
        elig = cert.eligibility
        if elig.required_program is not None and elig.required_program not in programs:
            raise CatalogError(
                f"{cert_label}: entry '{cert.id}', field 'eligibility.required_program': "
                f"unknown programme '{elig.required_program}'"
            )
        for ref, field in [(elig.entry_credential, "eligibility.entry_credential")] + [
            (w, "eligibility.waived_by") for w in elig.waived_by
        ]:
            if ref is not None and ref not in certs:
                raise CatalogError(
                    f"{cert_label}: entry '{cert.id}', field '{field}': unknown credential '{ref}'"
                )
        for route in elig.prerequisites:
            if route.program is not None and route.program not in programs:
                raise CatalogError(
                    f"{cert_label}: entry '{cert.id}', field 'eligibility.prerequisites': "
                    f"unknown programme '{route.program}'"
                )
        for lapsed in cert.lets_lapse:
            if lapsed not in certs:
                raise CatalogError(
                    f"{cert_label}: entry '{cert.id}', field 'lets_lapse': "
                    f"unknown credential '{lapsed}'"
                )
        if cert.replaces is not None and cert.replaces not in certs:
            raise CatalogError(
                f"{cert_label}: entry '{cert.id}', field 'replaces': "
                f"unknown credential '{cert.replaces}'"
            )
        if cert.prep is not None and cert.prep.unit not in ("hours", "weeks", "months"):
            raise CatalogError(
                f"{cert_label}: entry '{cert.id}', field 'prep.unit': "
                f"must be hours, weeks or months (got '{cert.prep.unit}')"
            )
    if not any(c.target for c in certs.values()):
        raise CatalogError(f"{cert_label}: no certification is marked 'target: true'")
    for spec in specs.values():
        if spec.credential is not None and spec.credential not in certs:
            raise CatalogError(
                f"{spec_label}: entry '{spec.id}', field 'credential': "
                f"unknown credential '{spec.credential}'"
            )
        for fit in spec.fits:
            if fit not in certs:
                raise CatalogError(
                    f"{spec_label}: entry '{spec.id}', field 'fits': unknown credential '{fit}'"
                )
    for background in Background:
        if background not in training.backgrounds:
            raise CatalogError(
                f"{tr_label}: entry 'backgrounds', field '{background.value}': missing"
            )
        program = training.backgrounds[background].program
        if program is not None and program not in programs:
            raise CatalogError(
                f"{tr_label}: entry 'backgrounds', field '{background.value}.program': "
                f"unknown programme '{program}'"
            )
    if training.default_prep.unit not in ("hours", "weeks", "months"):
        raise CatalogError(
            f"{tr_label}: entry 'training', field 'default_prep.unit': "
            "must be hours, weeks or months"
        )


def _check_salary(
    salary: SalaryData,
    certs: dict[str, Certification],
    specs: dict[str, Specialty],
    label: str,
) -> None:
    """Every credential has a pay basis, and every reference in the salary model resolves."""
    for cred_id, pay in salary.credential_pay.items():
        if pay.occupation not in salary.occupations:
            raise CatalogError(
                f"{label}: entry 'credential_pay.{cred_id}', field 'occupation': "
                f"unknown occupation '{pay.occupation}'"
            )
        if pay.setting is not None and pay.setting not in salary.settings:
            raise CatalogError(
                f"{label}: entry 'credential_pay.{cred_id}', field 'setting': "
                f"unknown setting '{pay.setting}'"
            )
    for cert in certs.values():
        if cert.id not in salary.credential_pay:
            raise CatalogError(f"{label}: entry 'credential_pay': no pay basis for '{cert.id}'")
    for spec_id in salary.specialty_premiums:
        if spec_id not in specs:
            raise CatalogError(
                f"{label}: entry 'specialty_premiums', field '{spec_id}': unknown specialty"
            )
    for occ_id, occ in salary.occupations.items():
        if (
            not occ.p10.hi
            <= occ.p25.lo
            <= occ.p25.hi
            <= occ.median.lo
            <= occ.median.hi
            <= occ.p90.lo
        ):
            raise CatalogError(
                f"{label}: entry 'occupations.{occ_id}': percentiles are not in order"
            )


# ------------------------------------------------------------------ the cache

CACHE_FILE_NAME = "catalog.pickle"


def cache_path() -> Path:
    """Where the parsed catalog is cached: ``$CODEPATH_HOME/cache`` or the user cache folder."""
    return resource_cache.cache_folder() / CACHE_FILE_NAME


def catalog_key(texts: list[bytes]) -> bytes:
    """What a cached catalog was made from: the resources, and the code that checks them."""
    return resource_cache.cache_key(texts, [sys.modules[__name__]])


def cached_catalog(path: Path | None = None) -> Catalog:
    """The shipped catalog from the cache when it matches the resources, else loaded and cached.

    A missing, stale (other resources or code) or damaged cache is replaced; a cache that
    cannot be written is skipped.
    """
    return resource_cache.cached_resource(
        "catalog",
        CATALOG_FILES,
        [sys.modules[__name__]],
        load_catalog,
        Catalog,
        path if path is not None else cache_path(),
    )


@functools.cache
def default_catalog() -> Catalog:
    """The catalog shipped with the app (loaded once per process, from the cache when valid)."""
    return cached_catalog()
