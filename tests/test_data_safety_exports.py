"""Private, safe exports: file modes, special targets, symlinks, stale temp files, odd text."""

from __future__ import annotations

import os
import stat
import time
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from planner.core.catalog import default_catalog
from planner.core.fileio import NotRegularFileError, write_atomically
from planner.core.inputs import PlanInputs
from planner.core.plan import Plan, build_plan
from planner.core.profile import Profile
from planner.core.state import PlanState, derive
from planner.report.calendar import build_calendar, write_ics

POSIX = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes, FIFOs and symlinks")


def state_of(profile: Profile) -> PlanState:
    """What an export of ``profile`` prints, on a fixed day."""
    return derive(profile, default_catalog(), date(2027, 3, 1))


def make_profile(name: str = "Jordan Rivera") -> Profile:
    inputs = PlanInputs(
        certification="CPC", specialty="risk-adjustment", start=date(2027, 1, 4), hours_per_week=12
    )
    return Profile(name=name, inputs=inputs)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return build_plan(make_profile().inputs, default_catalog())


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> object:
    old = os.umask(0o022)  # the usual desktop umask, which made exports 0644
    yield old
    os.umask(old)


@POSIX
def test_calendar_export_is_private_and_never_widens_a_mode(
    tmp_path: Path, plan: Plan, open_umask: object
) -> None:
    target = tmp_path / "plan.ics"
    write_ics(state_of(make_profile()), target)
    assert mode(target) == 0o600
    os.chmod(target, 0o400)
    write_ics(state_of(make_profile("Again")), target)
    assert mode(target) == 0o400  # kept, not widened
    os.chmod(target, 0o640)
    write_ics(state_of(make_profile()), target)
    assert mode(target) == 0o640


@POSIX
def test_pdf_export_is_private(
    tmp_path: Path, plan: Plan, open_umask: object, qapp: object
) -> None:
    from planner.render.printing import export_pdf

    target = tmp_path / "roadmap.pdf"
    export_pdf(state_of(make_profile()), target)
    assert target.read_bytes().startswith(b"%PDF")
    assert mode(target) == 0o600
    os.chmod(target, 0o600)
    export_pdf(state_of(make_profile()), target)
    assert mode(target) == 0o600


@POSIX
def test_a_fifo_export_target_is_refused(tmp_path: Path, plan: Plan) -> None:
    fifo = tmp_path / "plan.ics"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFileError, match="named pipe") as info:
        write_ics(state_of(make_profile()), fifo)
    assert info.value.filename == str(fifo)
    assert fifo.is_fifo()
    assert [p.name for p in tmp_path.iterdir()] == ["plan.ics"]


@POSIX
@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_a_symlink_to_a_device_is_refused_and_kept(tmp_path: Path) -> None:
    link = tmp_path / "plan.ics"
    link.symlink_to("/dev/null")
    with pytest.raises(NotRegularFileError, match="character device"):
        write_atomically(link, b"data")
    assert link.is_symlink()


@POSIX
def test_an_export_through_a_symlink_writes_its_target(tmp_path: Path, plan: Plan) -> None:
    synced = tmp_path / "Sync"
    synced.mkdir()
    real = synced / "plan.ics"
    real.write_bytes(b"old")
    os.chmod(real, 0o600)
    link = tmp_path / "plan.ics"
    link.symlink_to(real)
    write_ics(state_of(make_profile()), link)
    assert link.is_symlink()
    assert real.read_bytes() == build_calendar(state_of(make_profile()))
    assert mode(real) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Sync", "plan.ics"]


def test_stale_export_temp_files_are_cleaned_up(tmp_path: Path, plan: Plan) -> None:
    target = tmp_path / "plan.ics"
    stale = tmp_path / ".plan.ics.0123456789ab.tmp"
    stale.write_bytes(b"")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    fresh = tmp_path / ".plan.ics.ba9876543210.tmp"  # maybe another export running now
    fresh.write_bytes(b"")
    other = tmp_path / ".plan.ics.notes.tmp"  # not one of ours
    other.write_bytes(b"")
    write_ics(state_of(make_profile()), target)
    assert not stale.exists()
    assert fresh.exists() and other.exists()


def test_a_very_long_export_name_is_written(tmp_path: Path, plan: Plan) -> None:
    target = tmp_path / ("r" * 245 + ".ics")
    write_ics(state_of(make_profile()), target)
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize(
    "name", ["Jordan\nRivera", "Jordan\r\nRivera", "Jordan\x00\x07Rivera", "Jordan\u2028Rivera"]
)
def test_control_characters_in_the_name_do_not_break_the_calendar(
    tmp_path: Path, plan: Plan, name: str
) -> None:
    profile = make_profile(name)
    profile.notes = "line one\nline two"
    data = build_calendar(state_of(profile))
    parsed = Calendar.from_ical(data)
    assert str(parsed["x-wr-calname"]) == "Coding Path Planner: CPC roadmap: Jordan Rivera"
    write_ics(state_of(profile), tmp_path / "plan.ics")
    assert (tmp_path / "plan.ics").read_bytes() == data
