"""The study log, practice scores and CEUs as CSV tables (for a spreadsheet or an employer)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from planner.core.fileio import write_atomically
from planner.core.profile import Profile

STUDY_LOG_FILE = "study-log.csv"
SCORES_FILE = "practice-scores.csv"
CEUS_FILE = "ceus.csv"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run such a cell


def safe_cell(text: str) -> str:
    """A cell a spreadsheet shows as text: a leading formula character gets an apostrophe."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _number(value: float) -> str:
    return f"{value:g}"


def study_log_rows(profile: Profile) -> list[list[str]]:
    entries = sorted(profile.study_log, key=lambda e: (e.day, e.id))
    return [["Date", "Hours", "Topic", "Note"]] + [
        [e.day.isoformat(), _number(e.hours), safe_cell(e.topic), safe_cell(e.note)]
        for e in entries
    ]


def score_rows(profile: Profile) -> list[list[str]]:
    scores = sorted(profile.scores, key=lambda s: (s.day, s.id))
    return [["Date", "Exam", "Score (%)"]] + [
        [s.day.isoformat(), safe_cell(s.exam), _number(s.percent)] for s in scores
    ]


def ceu_rows(profile: Profile) -> list[list[str]]:
    entries = sorted(profile.ceus, key=lambda c: (c.day, c.id))
    return [["Date", "Credits", "Credential", "Provider"]] + [
        [c.day.isoformat(), _number(c.credits), safe_cell(c.credential), safe_cell(c.provider)]
        for c in entries
    ]


def csv_text(rows: list[list[str]]) -> str:
    """RFC 4180 text: comma separated, quoted where needed, CRLF line ends."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def csv_tables(profile: Profile) -> dict[str, str]:
    """File name → CSV text of the study log, the practice scores and the CEUs."""
    return {
        STUDY_LOG_FILE: csv_text(study_log_rows(profile)),
        SCORES_FILE: csv_text(score_rows(profile)),
        CEUS_FILE: csv_text(ceu_rows(profile)),
    }


def write_csv_tables(profile: Profile, folder: Path) -> list[Path]:
    """Write the three tables into ``folder`` (UTF-8 with a BOM, so spreadsheets read accents)."""
    written = []
    for name, text in csv_tables(profile).items():
        path = Path(folder) / name
        write_atomically(path, ("\ufeff" + text).encode("utf-8"))
        written.append(path)
    return written
