"""Any command line gets a normal exit: output or one clear line, never a traceback."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli import main

COMMANDS = [
    "plan",
    "certs",
    "specialties",
    "log",
    "done",
    "undone",
    "score",
    "ceu",
    "status",
    "replan",
    "restore",
    "glossary",
]
FLAGS = [
    "--cert",
    "--specialty",
    "--start",
    "--hours-per-week",
    "--background",
    "--state",
    "--current-income",
    "--budget",
    "--exam-date",
    "--format",
    "--hours",
    "--topic",
    "--date",
    "--exam",
    "--percent",
    "--credits",
    "--reset",
    "--name",
    "--note",
]
VALUES = st.one_of(
    st.sampled_from(
        [
            "CPC",
            "ccs",
            "RHIT",
            "risk-adjustment",
            "him",
            "2027-01-04",
            "2027-13-01",
            "12",
            "0",
            "-1",
            "1e309",
            "nan",
            "inf",
            "80",
            "81",
            "json",
            "text",
            "CA",
            "none",
            "coding",
            "",
            "p2-exam",
            "1.5",
            "100",
            "101",
        ]
    ),
    st.text(max_size=12),
)


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CODEPATH_HOME", str(tmp_path))
    monkeypatch.setenv("CODEPATH_TODAY", "2027-03-01")


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(COMMANDS),
    st.lists(st.tuples(st.sampled_from(FLAGS), VALUES), max_size=6),
    st.lists(VALUES, max_size=2),
)
def test_no_traceback_for_any_arguments(
    command: str, options: list[tuple[str, str]], extra: list[str]
) -> None:
    argv = [command] + [part for pair in options for part in pair] + extra
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # only --help/--version exit this way
            code = exc.code if isinstance(exc.code, int) else 1
    assert code in (0, 1, 2), (argv, code)
    if code:
        lines = err.getvalue().strip().splitlines()
        assert len(lines) == 1, (argv, err.getvalue())
        assert "Traceback" not in err.getvalue()
