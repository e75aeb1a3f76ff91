"""`codepath glossary [TERM]`: the list, one entry in any spelling, a clear line when unknown."""

from __future__ import annotations

from pathlib import Path

from helpers.cli import codepath as run

from planner.core.glossary import default_glossary


def test_glossary_without_a_term_lists_every_term(tmp_path: Path) -> None:
    result = run("glossary", home=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(default_glossary().entries)
    firsts = [line.split()[0] for line in lines]
    assert firsts == sorted(firsts, key=str.casefold)
    cpc_a = next(line for line in lines if line.startswith("CPC-A "))
    assert "apprentice designation" in cpc_a
    assert not (tmp_path / "profile.json").exists()  # no profile needed, none written


def test_glossary_term_prints_meaning_plan_and_source_in_any_spelling(tmp_path: Path) -> None:
    result = run("glossary", "icd10cm", home=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ICD-10-CM: The diagnosis code set")
    assert lines[1].startswith("In your plan: Learned in phase 1")
    assert (
        lines[2] == "Source: https://www.cms.gov/medicare/coding-billing/icd-10-codes (as of n.d.)"
    )
    assert lines[3] == "Also written: ICD10CM, ICD-10, ICD 10 CM"
    words = run("glossary", "code", "set", home=tmp_path)  # several words without quotes
    assert words.returncode == 0 and words.stdout.startswith("code set: A standard list")


def test_unknown_term_is_one_line_with_close_matches_and_exit_2(tmp_path: Path) -> None:
    result = run("glossary", "CPX", home=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == (
        "codepath glossary: no entry for 'CPX'. Did you mean: CPT, CPC, CPB? "
        "('codepath glossary' lists every term)"
    )
