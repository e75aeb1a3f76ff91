"""One usable-profile rule for the window and the command line (the core's ``check_usable``)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from helpers.cli import codepath

from planner.core.catalog import default_catalog
from planner.core.inputs import PlanInputs
from planner.core.profile import ExamScore, Profile, ProfileUnknownDataError
from planner.core.storage import ProfileStore

INPUTS = PlanInputs(
    certification="CPC", specialty="risk-adjustment", start=date(2027, 1, 4), hours_per_week=12
)


def write(path: Path, profile: Profile) -> Path:
    ProfileStore(path).save(profile)
    return path


def test_a_score_for_an_exam_the_data_lost_does_not_lock_out_the_command_line(
    tmp_path: Path,
) -> None:
    stale = Profile(inputs=INPUTS, scores=[ExamScore(day=date(2027, 2, 1), exam="XYZ", percent=70)])
    path = write(tmp_path / "p.json", stale)
    for command in (["status"], ["done", "p1-icd10cm"], ["replan", "--reset"]):
        result = codepath(*command, "--profile", str(path), home=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
    status = codepath("status", "--profile", str(path), home=tmp_path)
    assert "Note: Practice scores for XYZ are kept but not used" in status.stdout
    exported = codepath(
        "export", "--ics", str(tmp_path / "m.ics"), "--profile", str(path), home=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    # nothing was dropped from the file
    assert json.loads(path.read_text())["scores"][0]["exam"] == "XYZ"


def test_an_unknown_certification_gets_advice_that_applies(tmp_path: Path) -> None:
    newer = Profile(inputs=INPUTS.model_copy(update={"certification": "CRC-2030"}))
    path = write(tmp_path / "p.json", newer)
    result = codepath("status", "--profile", str(path), home=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "unknown certification 'CRC-2030'" in result.stderr
    assert f"codepath plan --profile {path} --cert CERT" in result.stderr
    fixed = codepath("plan", "--profile", str(path), "--cert", "CPC", home=tmp_path)
    assert fixed.returncode == 0, fixed.stderr
    assert codepath("status", "--profile", str(path), home=tmp_path).returncode == 0


@pytest.mark.gui
def test_the_window_applies_the_same_rule(tmp_path: Path) -> None:
    from planner.gui.opening import load_checked

    catalog = default_catalog()
    stale = Profile(inputs=INPUTS, scores=[ExamScore(day=date(2027, 2, 1), exam="XYZ", percent=70)])
    assert load_checked(ProfileStore(write(tmp_path / "a.json", stale)), catalog) == stale
    newer = Profile(inputs=INPUTS.model_copy(update={"certification": "CRC-2030"}))
    with pytest.raises(ProfileUnknownDataError, match="unknown certification 'CRC-2030'"):
        load_checked(ProfileStore(write(tmp_path / "b.json", newer)), catalog)
