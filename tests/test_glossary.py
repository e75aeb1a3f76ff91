"""The glossary: every plan's jargon has an entry with a source; terms are found in text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers.samples import COMBINATIONS, plan_for

from planner.core.glossary import (
    GlossaryError,
    default_glossary,
    glossary_tooltip,
    load_glossary,
    with_glossary,
)

REQUIRED = [
    "CPC",
    "CPC-A",
    "COC",
    "CCA",
    "CCS",
    "CCS-P",
    "RHIT",
    "RHIA",
    "CRC",
    "CPMA",
    "CPCO",
    "CIC",
    "CDIP",
    "CHDA",
    "CEU",
    "CAHIIM",
    "AAPC",
    "AHIMA",
    "ICD-10-CM",
    "ICD-10-PCS",
    "CPT",
    "HCPCS Level II",
    "MS-DRG",
    "code set",
    "Practicode",
    "risk adjustment",
    "revenue cycle",
    "HIM",
]
# jargon in a title: an acronym of two or more capitals (with digits, '-' or '/'), plural 's' ok
ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)*[A-Z0-9](?:s)?(?![\w])")


def milestone_titles() -> set[str]:
    titles: set[str] = set()
    for cert, specialty, background in COMBINATIONS:
        plan = plan_for(cert, specialty, background)
        titles |= {m.title for m in plan.milestones()}
    return titles


def test_every_required_term_has_an_entry() -> None:
    glossary = default_glossary()
    missing = [term for term in REQUIRED if glossary.lookup(term) is None]
    assert missing == []
    assert glossary.lookup("CPC-A").term == "CPC-A"  # type: ignore[union-attr]


def test_every_term_in_any_milestone_title_has_an_entry() -> None:
    glossary = default_glossary()
    titles = milestone_titles()
    assert len(titles) > 100
    missing: dict[str, str] = {}
    for title in titles:
        rest = title
        for start, end, _entry in glossary.matches(title):  # "II" of "HCPCS Level II" is known
            rest = rest[:start] + " " * (end - start) + rest[end:]
        for token in ACRONYM.findall(rest):
            if glossary.lookup(token) is None and glossary.lookup(token.rstrip("s")) is None:
                missing.setdefault(token, title)
        for word in ("code set", "Practicode", "risk adjustment", "revenue cycle", "early testing"):
            if word.casefold() in title.casefold():
                assert glossary.find_terms(title), title
    assert missing == {}


def test_every_entry_has_a_meaning_a_place_in_the_plan_and_a_source() -> None:
    for entry in default_glossary().entries:
        assert entry.meaning.strip() and entry.in_plan.strip(), entry.term
        assert entry.source.startswith(
            ("http", "seed article", "planner rule", "public GitHub data file")
        ), entry.term
        assert entry.as_of.strip(), entry.term


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Earn the CPC-A credential", ["CPC-A"]),
        ("Sit the CPC exam (100 questions, 240 minutes)", ["CPC"]),
        ("Report 36 AAPC CEUs for the CPC", ["AAPC", "CEU", "CPC"]),
        ("ICD-10-PCS procedure coding and inpatient coding (MS-DRG)", ["ICD-10-PCS", "MS-DRG"]),
        ("Finish the CAHIIM-accredited HIM associate degree", ["CAHIIM", "HIM"]),
        ("RHIT-to-RHIA completion", ["RHIT", "RHIA"]),
        ("Learn the Code Sets and Risk Adjustment", ["code set", "risk adjustment"]),
        ("do this, then MD work", ["MD"]),  # an acronym only in capitals
        ("CPCA or XCPC or CPC2", []),  # whole words only
        ("", []),
    ],
)
def test_find_terms_matches_whole_words_longest_first(text: str, terms: list[str]) -> None:
    assert [e.term for e in default_glossary().find_terms(text)] == terms


def test_lookup_ignores_case_spaces_and_hyphens() -> None:
    glossary = default_glossary()
    for spelling, term in (
        ("icd10cm", "ICD-10-CM"),
        ("ICD 10 CM", "ICD-10-CM"),
        ("hcpcs", "HCPCS Level II"),
        ("ceus", "CEU"),
        ("cpc-a", "CPC-A"),
        ("CODE SET", "code set"),
    ):
        found = glossary.lookup(spelling)
        assert found is not None and found.term == term, spelling
    assert glossary.lookup("astrology") is None
    assert glossary.close_matches("CPX") == ["CPT", "CPC", "CPB"]


def test_tooltip_gives_the_first_sentence_of_each_term() -> None:
    tip = glossary_tooltip("Remove the apprentice 'A' (80-hour course plus CPC-A Practicode)")
    assert tip.splitlines() == [
        "CPC-A: The apprentice designation: passing the CPC (or COC) exam without 2 years of "
        "coding experience gives CPC-A (or COC-A).",
        "Practicode: AAPC's web-based programme of redacted real medical records, for CPC-A and "
        "COC-A learners.",
    ]
    assert glossary_tooltip("Nothing to explain here") == ""
    assert with_glossary("Plain") == "Plain"
    assert with_glossary("Join AAPC").startswith("Join AAPC\n\nAAPC: The American Academy")


def write(folder: Path, text: str) -> Path:
    (folder / "glossary.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("terms: [", "not valid YAML"),
        ("- a list", "expected a mapping with a 'terms' list"),
        ("terms:\n  - term: X\n    meaning: m\n    in_plan: p\n    as_of: n.d.\n", "'source'"),
        (
            "terms:\n"
            "  - {term: X, meaning: m, in_plan: p, source: s, as_of: n.d.}\n"
            "  - {term: Y, aliases: [x], meaning: m, in_plan: p, source: s, as_of: n.d.}\n",
            "'x' of 'Y' is already 'X'",
        ),
        ("terms:\n  - {term: X, meaning: m, in_plan: p, source: s, as_of: n.d., z: 1}\n", "'z'"),
    ],
)
def test_a_broken_glossary_is_one_clear_error(tmp_path: Path, text: str, needle: str) -> None:
    with pytest.raises(GlossaryError, match=re.escape(needle)):
        load_glossary(write(tmp_path, text))


def test_a_missing_glossary_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="cannot read the file"):
        load_glossary(tmp_path)
