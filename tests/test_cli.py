"""The command line through a subprocess: output, exit codes, one-line errors, profile commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.cli import PLAN
from helpers.cli import codepath as run


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_plan_text(tmp_path: Path) -> None:
    result = run(*PLAN, home=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for name in (
        "Learn core coding systems",
        "Earn certification",
        "Gain practical experience",
        "Specialize",
        "Expand career scope",
    ):
        assert name in out
    assert "Sit the CPC exam" in out
    assert "CPC-A" in out
    assert "Salary outlook" in out
    assert not (tmp_path / "profile.json").exists()  # plan alone does not save


def test_plan_json_shape(tmp_path: Path) -> None:
    result = run(*PLAN, "--format", "json", "--current-income", "42000", home=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    for key in (
        "certification",
        "specialty",
        "inputs",
        "phases",
        "salary",
        "costs",
        "warnings",
        "sources",
    ):
        assert key in data
    assert data["certification"] == "CPC"
    assert data["inputs"]["hours_per_week"] == 12
    assert [p["number"] for p in data["phases"]] == [1, 2, 3, 4, 5]
    first = data["phases"][0]
    assert {"number", "name", "start", "end", "milestones"} <= set(first)
    assert {"id", "title", "due"} <= set(first["milestones"][0])
    assert len(data["salary"]) == 10
    assert {"year", "low", "median", "high"} <= set(data["salary"][0])
    assert data["costs"]["break_even_month"] is not None
    assert all({"source", "as_of"} <= set(s) for s in data["sources"])


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--cert", "XYZ"], "unknown certification 'XYZ'"),
        (["--specialty", "astrology"], "unknown specialty 'astrology'"),
        (["--start", "2027-02-30"], "not a date"),
        (["--start", "tomorrow"], "not a date"),
        (["--hours-per-week", "0"], "at least 0.5"),
        (["--hours-per-week", "0.01"], "at least 0.5"),
        (["--hours-per-week", "-3"], "at least 0.5"),
        (["--hours-per-week", "200"], "at most 80"),
        (["--hours-per-week", "abc"], "argument --hours-per-week: 'abc' is not a number"),
        (["--hours-per-week", "nan"], "--hours-per-week"),
        (["--state", "California"], "state: must be a two-letter US postal code"),
        (["--state", "ZZ"], "state: must be a two-letter US postal code"),
        (["--background", "wizard"], "invalid choice"),
        (["--bogus"], "unrecognized arguments"),
    ],
)
def test_bad_plan_input_exits_2_with_one_line(tmp_path: Path, args: list[str], needle: str) -> None:
    base = dict(zip(PLAN[1::2], PLAN[2::2], strict=True))
    for flag, value in zip(args[::2], args[1::2], strict=False):
        base[flag] = value
    argv = ["plan"] + [x for pair in base.items() for x in pair]
    if len(args) % 2:
        argv.append(args[-1])
    line = assert_one_line_error(run(*argv, home=tmp_path), 2)
    assert needle in line


def test_missing_plan_options(tmp_path: Path) -> None:
    line = assert_one_line_error(run("plan", "--cert", "CPC", home=tmp_path), 2)
    assert "--specialty" in line and "--start" in line


def test_version_certs_specialties(tmp_path: Path) -> None:
    from planner import __version__

    assert run("--version", home=tmp_path).stdout.strip() == f"codepath {__version__}"
    certs = run("certs", home=tmp_path).stdout
    assert [line.split()[0] for line in certs.splitlines()] == ["CPC", "CCS", "RHIT"]
    specialties = run("specialties", home=tmp_path).stdout
    assert "risk-adjustment" in specialties and "CRC" in specialties


def test_profile_round_trip(tmp_path: Path) -> None:
    profile = tmp_path / "mine.json"
    created = run(*PLAN, "--profile", str(profile), "--name", "Dana", home=tmp_path)
    assert created.returncode == 0, created.stderr
    assert oct(profile.stat().st_mode & 0o777) == "0o600"
    assert (
        run(
            "log",
            "--profile",
            str(profile),
            "--hours",
            "2.5",
            "--topic",
            "ICD-10-CM ch. 9",
            "--date",
            "2027-02-20",
            home=tmp_path,
        ).returncode
        == 0
    )
    assert (
        run(
            "log", "--profile", str(profile), "--hours", "3", "--topic", "CPT", home=tmp_path
        ).returncode
        == 0
    )
    done = run(
        "done", "--profile", str(profile), "p1-terminology", "--date", "2027-02-25", home=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert (
        run(
            "score", "--profile", str(profile), "--exam", "cpc", "--percent", "74", home=tmp_path
        ).returncode
        == 0
    )
    data = json.loads(profile.read_text())
    assert data["name"] == "Dana"
    assert [e["hours"] for e in data["study_log"]] == [2.5, 3]
    assert data["study_log"][1]["day"] == "2027-03-01"  # CODEPATH_TODAY
    assert data["milestones"]["p1-terminology"]["done_on"] == "2027-02-25"
    assert data["scores"][0] == {**data["scores"][0], "exam": "CPC", "percent": 74}
    status = run("status", "--profile", str(profile), "--format", "json", home=tmp_path)
    assert status.returncode == 0, status.stderr
    progress = json.loads(status.stdout)
    assert progress["hours_logged"] == 5.5
    assert progress["readiness"]["passing_percent"] == 70
    assert progress["readiness"]["ready"] is True
    assert progress["status"] == "behind"
    text = run("status", "--profile", str(profile), home=tmp_path).stdout
    assert "Behind by" in text and "Exam readiness" in text
    assert run("undone", "--profile", str(profile), "p1-terminology", home=tmp_path).returncode == 0
    assert "p1-terminology" not in json.loads(profile.read_text())["milestones"]
    for day in ("2027-02-12", "2027-02-15"):  # two weeks of logging: enough for a projection
        logged = run(
            "log",
            "--profile",
            str(profile),
            "--hours",
            "10",
            "--topic",
            "CPT",
            "--date",
            day,
            home=tmp_path,
        )
        assert logged.returncode == 0, logged.stderr
    replan = run("replan", "--profile", str(profile), home=tmp_path)
    assert replan.returncode == 0, replan.stderr
    assert "later" in replan.stdout
    assert json.loads(profile.read_text())["replan"]["shift_days"] > 0
    shown = json.loads(
        run("plan", "--profile", str(profile), "--format", "json", home=tmp_path).stdout
    )
    status = json.loads(
        run("status", "--profile", str(profile), "--format", "json", home=tmp_path).stdout
    )
    assert shown["exam_date"] > "2027-11-29"  # the accepted re-plan, not the original date
    again = run("replan", "--profile", str(profile), home=tmp_path)
    assert again.returncode == 1 and "nothing to re-plan" in again.stderr
    assert status["status"] == "on-track"
    assert run("replan", "--profile", str(profile), "--reset", home=tmp_path).returncode == 0
    assert json.loads(profile.read_text())["replan"] is None


def test_unknown_milestone(tmp_path: Path) -> None:
    profile = tmp_path / "p.json"
    run(*PLAN, "--profile", str(profile), home=tmp_path)
    line = assert_one_line_error(run("done", "--profile", str(profile), "nope", home=tmp_path), 2)
    assert "no milestone 'nope'" in line


def test_bad_profile_is_reported_and_never_overwritten(tmp_path: Path) -> None:
    profile = tmp_path / "p.json"
    run(*PLAN, "--profile", str(profile), home=tmp_path)
    run("log", "--profile", str(profile), "--hours", "1", "--topic", "x", home=tmp_path)
    profile.write_bytes(b"{ not json")
    line = assert_one_line_error(
        run("log", "--profile", str(profile), "--hours", "1", "--topic", "y", home=tmp_path), 1
    )
    assert str(profile) in line and "not valid JSON" in line and "codepath restore" in line
    assert profile.read_bytes() == b"{ not json"
    restored = run("restore", "--profile", str(profile), home=tmp_path)
    assert restored.returncode == 0, restored.stderr
    assert json.loads(profile.read_text())["inputs"]["certification"] == "CPC"


def test_missing_profile(tmp_path: Path) -> None:
    line = assert_one_line_error(
        run("status", "--profile", str(tmp_path / "none.json"), home=tmp_path), 1
    )
    assert "none.json" in line


def test_bad_today_override(tmp_path: Path) -> None:
    line = assert_one_line_error(
        run("log", "--hours", "1", "--topic", "x", home=tmp_path, today="soon"), 2
    )
    assert "CODEPATH_TODAY" in line


def test_export_never_writes_over_the_profile(tmp_path: Path) -> None:
    profile = tmp_path / "p.json"
    run(*PLAN, "--profile", str(profile), home=tmp_path)
    before = profile.read_bytes()
    for target in (profile, tmp_path / "p.json.bak1"):
        line = assert_one_line_error(
            run("export", "--profile", str(profile), "--ics", str(target), home=tmp_path), 2
        )
        assert "is your profile or one of its backups" in line
    assert profile.read_bytes() == before
    same = tmp_path / "out"  # each gets its extension, as in the app: out.pdf and out.ics
    result = run(
        "export", "--profile", str(profile), "--pdf", str(same), "--ics", str(same), home=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.pdf").exists() and (tmp_path / "out.ics").exists()
    assert not same.exists()


@pytest.mark.parametrize(
    ("topic", "needle"),
    [
        ("", "--topic must not be empty"),
        ("   ", "--topic must not be empty"),
        ("x" * 201, "topic: String should have at most 200 characters"),
    ],
)
def test_bad_log_topic(tmp_path: Path, topic: str, needle: str) -> None:
    profile = tmp_path / "p.json"
    run(*PLAN, "--profile", str(profile), home=tmp_path)
    line = assert_one_line_error(
        run("log", "--profile", str(profile), "--hours", "1", "--topic", topic, home=tmp_path), 2
    )
    assert needle in line


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    env = {**os.environ, "CODEPATH_HOME": str(tmp_path)}
    result = subprocess.run(
        f"'{sys.executable}' -m planner plan --cert CPC --specialty him --start 2027-01-04 "
        "--hours-per-week 5 | head -1",
        shell=True,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.stdout.startswith("Coding Path Planner")
    assert result.stderr == ""


def test_plan_retake_buffer_flag(tmp_path: Path) -> None:
    profile = tmp_path / "p.json"
    on = run(*PLAN, "--profile", str(profile), "--format", "json", home=tmp_path)
    off = run(
        *PLAN, "--profile", str(profile), "--retake-buffer", "no", "--format", "json", home=tmp_path
    )
    assert on.returncode == off.returncode == 0, off.stderr
    titles = [m["title"] for p in json.loads(off.stdout)["phases"] for m in p["milestones"]]
    assert not any("resit" in t for t in titles)
    on_titles = [m["title"] for p in json.loads(on.stdout)["phases"] for m in p["milestones"]]
    assert any("resit" in t for t in on_titles)
    assert '"retake_buffer": false' in profile.read_text()
    bad = run(*PLAN, "--retake-buffer", "maybe", home=tmp_path)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
