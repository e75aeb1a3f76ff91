"""Invariants of the shipped career-data catalog (resources/*.yaml)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from planner.core.base import Confidence, Figure
from planner.core.catalog import Body, Catalog, EligibilityKind, load_catalog
from planner.core.inputs import US_STATES

SPECIALTY_IDS = {
    "outpatient-physician",
    "inpatient-hospital",
    "auditing",
    "compliance",
    "risk-adjustment",
    "him",
    "revenue-cycle",
    "emergency-department",
    "surgical",
    "cdi",
    "health-data-analytics",
    "education",
    "management-consulting",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _figures(node: object, path: str) -> Iterator[tuple[str, Figure]]:
    """Every Figure reachable from ``node``, with a readable path."""
    if isinstance(node, Figure):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _figures(getattr(node, name), f"{path}.{name}")
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _figures(value, f"{path}[{key}]")
    elif isinstance(node, tuple | list):
        for index, value in enumerate(node):
            yield from _figures(value, f"{path}[{index}]")


def test_targets_are_cpc_ccs_rhit(catalog: Catalog) -> None:
    assert [c.id for c in catalog.targets()] == ["CPC", "CCS", "RHIT"]
    for cert in catalog.targets():
        assert cert.best_for.strip()


def test_all_specialties_present(catalog: Catalog) -> None:
    assert set(catalog.specialties) == SPECIALTY_IDS


def test_catalog_has_many_figures(catalog: Catalog) -> None:
    assert len(list(_figures(catalog, "catalog"))) > 100


def test_every_figure_has_source_and_date(catalog: Catalog) -> None:
    for path, fig in _figures(catalog, "catalog"):
        assert fig.source.strip(), path
        assert fig.as_of.strip(), path
        assert fig.unit.strip(), path


def test_recalled_figures_say_so(catalog: Catalog) -> None:
    for path, fig in _figures(catalog, "catalog"):
        if fig.confidence is Confidence.RECALLED:
            assert "recalled" in fig.note.lower() or "not verified" in fig.note.lower(), path


def test_derived_figures_explain_themselves(catalog: Catalog) -> None:
    for path, fig in _figures(catalog, "catalog"):
        if fig.confidence is Confidence.DERIVED:
            assert fig.note.strip(), path


def test_specialty_references_exist(catalog: Catalog) -> None:
    for spec in catalog.specialties.values():
        if spec.credential is not None:
            assert spec.credential in catalog.certifications, spec.id
        for fit in spec.fits:
            assert catalog.certifications[fit].target, (spec.id, fit)


def test_pay_pairs_come_from_one_survey(catalog: Catalog) -> None:
    for spec in catalog.specialties.values():
        assert (spec.pay_average is None) == (spec.pay_baseline is None), spec.id
        if spec.pay_average is not None and spec.pay_baseline is not None:
            assert spec.pay_average.as_of == spec.pay_baseline.as_of, spec.id
            assert spec.pay_average.unit == spec.pay_baseline.unit, spec.id


def test_pay_effects_point_the_expected_way(catalog: Catalog) -> None:
    specs = catalog.specialties
    assert specs["risk-adjustment"].pay_factor == pytest.approx(74629 / 67147)
    assert specs["auditing"].pay_factor == pytest.approx(70320 / 54797)
    assert specs["compliance"].pay_factor == pytest.approx(80550 / 54797)
    assert specs["education"].pay_factor == 1.0


def test_auditing_needs_three_to_five_years(catalog: Catalog) -> None:
    years = catalog.specialties["auditing"].experience_years_before
    assert (years.lo, years.hi) == (3, 5)
    assert years.confidence is Confidence.SECONDARY


def test_cpc_exam_is_current_form(catalog: Catalog) -> None:
    exam = catalog.certifications["CPC"].exam
    assert exam is not None
    assert exam.questions.value == 100
    assert exam.minutes.value == 240
    assert exam.passing is not None
    assert exam.passing.value == 70
    assert exam.passing.unit == "percent"
    assert exam.passing_percent == 70


def test_no_obsolete_aapc_exam_forms(catalog: Catalog) -> None:
    for cert in catalog.certifications.values():
        if cert.body is Body.AAPC and cert.exam is not None:
            assert cert.exam.minutes.value == 240, cert.id  # not 5 h 40 min


def test_passing_units(catalog: Catalog) -> None:
    for cert in catalog.certifications.values():
        if cert.exam is not None and cert.exam.passing is not None:
            assert cert.exam.passing.unit in ("percent", "scaled"), cert.id
            if cert.body is Body.AHIMA:
                assert cert.exam.passing.unit == "scaled", cert.id
                assert cert.exam.passing.value == 300, cert.id


def test_rhit_requires_associate_program(catalog: Catalog) -> None:
    elig = catalog.certifications["RHIT"].eligibility
    assert elig.kind is EligibilityKind.PROGRAM
    assert elig.required_program == "associate-cahiim"
    assert catalog.program("associate-cahiim").months is not None


def test_ccs_recommends_experience_with_cca_route(catalog: Catalog) -> None:
    elig = catalog.certifications["CCS"].eligibility
    assert elig.kind is EligibilityKind.RECOMMENDED_EXPERIENCE
    assert elig.recommended_experience_years is not None
    assert (elig.recommended_experience_years.lo, elig.recommended_experience_years.hi) == (1, 2)
    assert elig.entry_credential == "CCA"
    assert set(elig.waived_by) == {"CCS-P", "RHIT", "RHIA"}


def test_aapc_credentials_are_open(catalog: Catalog) -> None:
    for cert in catalog.certifications.values():
        if cert.body is Body.AAPC:
            assert cert.eligibility.kind is EligibilityKind.OPEN, cert.id
            assert cert.membership_dues is not None, cert.id


def test_cpc_apprentice_routes(catalog: Catalog) -> None:
    rule = catalog.certifications["CPC"].apprentice
    assert rule is not None
    assert rule.designation == "CPC-A"
    routes = {r.id: r for r in rule.routes}
    assert set(routes) == {"employment", "employment-education", "education"}
    employment = routes["employment"].employment_years
    assert employment is not None and employment.value == 2
    mixed = routes["employment-education"]
    assert mixed.employment_years is not None and mixed.employment_years.value == 1
    assert mixed.needs_course
    education = routes["education"]
    assert education.employment_years is None
    assert education.needs_course and education.needs_practicode
    coc = catalog.certifications["COC"].apprentice
    assert coc is not None and coc.designation == "COC-A"


def test_aapc_ceu_rule(catalog: Catalog) -> None:
    for cert in catalog.certifications.values():
        if cert.body is Body.AAPC:
            assert cert.ceu is not None, cert.id
            assert cert.ceu.credits.value == 36, cert.id
            assert cert.ceu.cycle_years.value == 2, cert.id


def test_ahima_ceu_rule(catalog: Catalog) -> None:
    expected = {"RHIT": 20, "CCA": 20, "CCS": 20, "CCS-P": 20, "RHIA": 30, "CDIP": 30, "CHDA": 30}
    for cert_id, credits in expected.items():
        ceu = catalog.certifications[cert_id].ceu
        assert ceu is not None and ceu.credits.value == credits, cert_id


def test_missing_figures_are_listed_as_gaps(catalog: Catalog) -> None:
    for cert in catalog.certifications.values():
        missing = [
            name
            for name in ("exam", "exam_fee", "prep", "salary_average")
            if getattr(cert, name) is None
        ]
        if missing:
            assert cert.gaps, (cert.id, missing)
    for cert_id in ("CEDC", "CGSC"):
        assert catalog.certifications[cert_id].exam is None


def test_salary_percentiles_are_ordered(catalog: Catalog) -> None:
    salary = catalog.salary
    assert salary.p10.hi <= salary.median.lo <= salary.median.hi <= salary.p90.lo
    assert salary.median.value == 50250


def test_state_table(catalog: Catalog) -> None:
    states = catalog.salary.states
    assert states["CA"].median.value == 59700
    assert states["CA"].name == "California"
    assert states["WA"].median.value == 62250
    assert set(states) == {code for code, _name in US_STATES}  # every state and DC
    for code, wage in states.items():
        assert len(code) == 2 and code.isupper(), code
        assert wage.median.as_of == catalog.salary.state_reference_median.as_of, code


def test_training_defaults(catalog: Catalog) -> None:
    training = catalog.training
    assert training.default_prep.unit == "months"
    assert (training.default_experience_years.lo, training.default_experience_years.hi) == (1, 2)
    assert training.backgrounds  # every background present (cross-checked on load)
    assert catalog.program("aapc-80-hour-course").counts_as_apprentice_course
    updates = {u.id: (u.month, u.day) for u in training.codeset_updates}
    assert updates == {"icd-10-cm": (10, 1), "cpt": (1, 1)}
