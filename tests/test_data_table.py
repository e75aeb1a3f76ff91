"""docs/DATA.md's rule table: each row has a source and an as-of; each test it names exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def rule_rows() -> list[list[str]]:
    text = (ROOT / "docs" / "DATA.md").read_text(encoding="utf-8")
    table = text.split("| rule | what the plan does | source | as-of |", 1)[1]
    rows = []
    for line in table.splitlines()[2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split(" | ")])
    return rows


def test_every_rule_has_what_it_does_a_source_and_an_as_of() -> None:
    rows = rule_rows()
    assert len(rows) >= 50
    for row in rows:
        assert len(row) == 4, row[0]
        rule, does, source, as_of = row
        assert rule and does and source and as_of, rule


def test_every_test_a_rule_names_exists() -> None:
    defined = set()
    for path in (ROOT / "tests").rglob("test_*.py"):
        defined |= set(re.findall(r"^def (test_\w+)", path.read_text(encoding="utf-8"), re.M))
    named = {name for row in rule_rows() for name in re.findall(r"`(test_\w+)`", row[1])}
    assert named, "the table names its tests"
    assert sorted(named - defined) == []
