"""The programme check: checklist, red flags and the price against the catalog's range."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.samples import sample_inputs

from planner.core.catalog import Catalog, CatalogError
from planner.core.profile import Profile
from planner.core.programme_check import (
    ProgrammeCheck,
    check_programme,
    load_check_rules,
    price_range,
)

ROOT = Path(__file__).resolve().parents[1]


def test_every_item_and_red_flag_has_a_source_and_an_as_of(catalog: Catalog) -> None:
    rules = load_check_rules(catalog)
    for rule in (*rules.items, *rules.red_flags):
        assert rule.source.strip() and rule.as_of.strip(), rule.id
    assert rules.price.source and rules.price.as_of
    assert {f.id for f in rules.red_flags} >= {
        "guaranteed-job",
        "certified-in-weeks",
        "pressure-to-sign",
    }
    pressure = next(f for f in rules.red_flags if f.id == "pressure-to-sign")
    assert "consumer.ftc.gov" in pressure.source


def test_cahiim_accreditation_is_asked_only_for_degree_targets(catalog: Catalog) -> None:
    rules = load_check_rules(catalog)
    cahiim = next(i for i in rules.items if i.id == "cahiim-accredited")
    assert cahiim.applies("RHIT") and cahiim.applies("RHIA")
    assert not cahiim.applies("CPC")
    rhit = check_programme(ProgrammeCheck(name="Valley CC", target="RHIT"), catalog)
    cpc = check_programme(ProgrammeCheck(name="Quick", target="CPC"), catalog)
    assert any(f.text.startswith("CAHIIM-accredited HIM programme") for f in rhit.missing)
    assert not any("CAHIIM-accredited HIM programme:" in f.text for f in cpc.missing)
    assert any(f.text.startswith("Exam voucher included") for f in cpc.missing)


def test_price_ranges_come_from_the_catalog(catalog: Catalog) -> None:
    certificate = catalog.program("certificate").cost
    assert certificate is not None
    assert price_range("CPC", catalog) == (
        certificate.lo,
        certificate.hi,
        "a medical coding certificate program",
    )
    tuition = catalog.program("associate-cahiim").tuition_per_year
    assert tuition is not None
    assert price_range("RHIT", catalog) == (
        tuition.lo * 2,
        tuition.hi * 2,
        "a CAHIIM-accredited HIM associate degree",
    )


def test_a_cheap_programme_with_red_flags(catalog: Catalog) -> None:
    check = ProgrammeCheck(
        name="QuickCode Academy",
        target="CPC",
        price=899,
        ticked={"named-exam": True, "guaranteed-job": True, "certified-in-weeks": True},
    )
    report = check_programme(check, catalog)
    assert report.present == ("Prepares for the named exam (and the current year's code books)",)
    assert [f.text.split(":")[0] for f in report.red_flags] == [
        "Promises a guaranteed job, remote job or high salary",
        "Says you will be certified in a few weeks",
    ]
    assert report.price is not None
    assert report.price.text.startswith(
        "The price ($899) is below the sourced range for a medical coding certificate program "
        "($2,000-$7,500)"
    )
    text = report.text()
    assert text.startswith("QuickCode Academy, for the CPC\n\nPrice\n- The price ($899) is below")
    assert "\n\nRed flags you noticed\n- Promises a guaranteed job" in text
    assert "Missing: ask the school" in text
    assert "Practical coding with real records" in text


def test_a_complete_programme_within_the_range(catalog: Catalog) -> None:
    rules = load_check_rules(catalog)
    ticked = {i.id: True for i in rules.items if i.applies("CPC")}
    report = check_programme(
        ProgrammeCheck(name="Good", target="CPC", price=3200, ticked=ticked), catalog
    )
    assert report.missing == ()
    assert report.red_flags == ()
    assert report.price is not None
    assert report.price.text == (
        "The price ($3,200) is within the sourced range for a medical coding certificate "
        "program ($2,000-$7,500)."
    )
    assert "- Nothing: every item is ticked." in report.text()


def test_checks_are_kept_in_the_profile_and_omitted_when_unused() -> None:
    plain = Profile(inputs=sample_inputs())
    assert "programme_checks" not in plain.model_dump(mode="json")
    assert "fit" not in plain.model_dump(mode="json")
    check = ProgrammeCheck(name="Valley", target="RHIT", price=9500, ticked={"instructor": True})
    with_check = Profile(inputs=sample_inputs(), programme_checks=[check])
    raw = with_check.model_dump(mode="json")
    assert raw["programme_checks"] == [
        {
            "name": "Valley",
            "target": "RHIT",
            "price": 9500.0,
            "notes": "",
            "ticked": {"instructor": True},
        }
    ]
    assert Profile.model_validate(raw).programme_checks[0].price == 9500


def test_a_broken_rules_file_is_refused(catalog: Catalog, tmp_path: Path) -> None:
    text = (ROOT / "resources" / "programme_check.yaml").read_text(encoding="utf-8")
    (tmp_path / "programme_check.yaml").write_text(text.replace("[RHIT, RHIA]", "[RHIT, ZZZ]"))
    with pytest.raises(CatalogError, match="unknown certification"):
        load_check_rules(catalog, tmp_path)
