"""CSV export of the study log, practice scores and CEUs (Qt-free writer and the CLI)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from helpers.cli import PLAN, codepath
from helpers.samples import sample_inputs

from planner.core.profile import CeuEntry, ExamScore, Profile, StudyEntry
from planner.report.tables import csv_tables, safe_cell, write_csv_tables


def _profile() -> Profile:
    return Profile(
        inputs=sample_inputs(),
        study_log=[
            StudyEntry(day=date(2027, 1, 6), hours=2.5, topic="=SUM(A1)", note="risky, quoted"),
            StudyEntry(day=date(2027, 1, 5), hours=1, topic="ICD-10-CM", note=""),
        ],
        scores=[ExamScore(day=date(2027, 2, 1), exam="CPC", percent=72.5)],
        ceus=[
            CeuEntry(day=date(2027, 3, 1), credits=1.5, provider="AAPC webinar", credential="CPC")
        ],
    )


def test_three_tables_with_headers_in_date_order() -> None:
    tables = csv_tables(_profile())
    log = list(csv.reader(tables["study-log.csv"].splitlines()))
    assert log == [
        ["Date", "Hours", "Topic", "Note"],
        ["2027-01-05", "1", "ICD-10-CM", ""],
        ["2027-01-06", "2.5", "'=SUM(A1)", "risky, quoted"],
    ]
    assert tables["study-log.csv"].endswith("\r\n")
    assert list(csv.reader(tables["practice-scores.csv"].splitlines()))[1] == [
        "2027-02-01",
        "CPC",
        "72.5",
    ]
    assert list(csv.reader(tables["ceus.csv"].splitlines()))[1] == [
        "2027-03-01",
        "1.5",
        "CPC",
        "AAPC webinar",
    ]


def test_formula_cells_are_shown_as_text() -> None:
    assert safe_cell("-25 modifier") == "'-25 modifier"
    assert safe_cell("Modifier -25") == "Modifier -25"


def test_written_files_open_in_a_spreadsheet(tmp_path: Path) -> None:
    written = write_csv_tables(_profile(), tmp_path)
    assert [p.name for p in written] == ["study-log.csv", "practice-scores.csv", "ceus.csv"]
    assert written[0].read_bytes().startswith(b"\xef\xbb\xbfDate,Hours")


def test_cli_export_csv(tmp_path: Path) -> None:
    assert codepath(*PLAN, "--save", home=tmp_path).returncode == 0
    logged = codepath(
        "log", "--hours", "2", "--topic", "CPT", "--date", "2027-02-01", home=tmp_path
    )
    assert logged.returncode == 0, logged.stderr
    out = tmp_path / "out"
    out.mkdir()
    result = codepath("export", "--csv", str(out), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "study-log.csv" in result.stdout
    rows = list(csv.reader((out / "study-log.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1] == ["2027-02-01", "2", "CPT", ""]
    missing = codepath("export", "--csv", str(tmp_path / "nope"), home=tmp_path)
    assert missing.returncode != 0 and "not a folder" in missing.stderr
