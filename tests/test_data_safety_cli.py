"""The command line on hostile input: odd bytes, odd paths, special files, restore, encodings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.cli import PLAN

from planner.core.storage import ProfileStore

pytestmark = pytest.mark.slow
POSIX = pytest.mark.skipif(os.name == "nt", reason="POSIX bytes in arguments, FIFOs")


def run(
    *args: str | bytes,
    home: Path,
    today: str = "2027-03-01",
    env: dict[str, str] | None = None,
    stdin: int | None = subprocess.DEVNULL,
) -> subprocess.CompletedProcess[str]:
    full_env = {
        **os.environ,
        "CODEPATH_HOME": str(home),
        "CODEPATH_TODAY": today,
        "QT_QPA_PLATFORM": "offscreen",
        "LC_ALL": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "planner", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=full_env,
        stdin=stdin,
        timeout=60,
        check=False,
    )


def one_line_error(result: subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "p.json"
    result = run(*PLAN, "--profile", str(path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    return path


@POSIX
@pytest.mark.parametrize(
    "args",
    [
        ["log", "--hours", "1", "--topic", "x", "--note", b"caf\xe9"],
        ["log", "--hours", "1", "--topic", b"\xff\xfe"],
        ["ceu", "--credits", "1", "--provider", b"AAPC \xe9"],
    ],
)
def test_text_that_is_not_utf8_is_refused_in_one_line(
    tmp_path: Path, profile: Path, args: list[str | bytes]
) -> None:
    before = profile.read_bytes()
    line = one_line_error(run(*args, "--profile", str(profile), home=tmp_path), 2)
    assert "is not valid UTF-8 text" in line
    assert profile.read_bytes() == before


def test_an_empty_profile_path_is_refused(tmp_path: Path) -> None:
    for command in (["status"], ["log", "--hours", "1", "--topic", "x"], PLAN):
        line = one_line_error(run(*command, "--profile", "", home=tmp_path), 2)
        assert "--profile: must not be empty" in line


@pytest.mark.parametrize(
    "command", [["status"], ["replan"], ["log", "--hours", "1", "--topic", "x"]]
)
def test_a_today_outside_the_supported_years_is_refused(
    tmp_path: Path, profile: Path, command: list[str]
) -> None:
    before = profile.read_bytes()
    result = run(*command, "--profile", str(profile), home=tmp_path, today="0001-01-01")
    line = one_line_error(result, 2)
    assert "CODEPATH_TODAY must fall between 1990 and 2100" in line
    assert profile.read_bytes() == before


def test_a_cp1252_terminal_never_reports_failure_after_a_save(
    tmp_path: Path, profile: Path
) -> None:
    result = run(
        "log",
        "--hours",
        "1",
        "--topic",
        "\U0001f4da ICD-10 \u2713",
        "--profile",
        str(profile),
        home=tmp_path,
        env={"PYTHONIOENCODING": "cp1252"},
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "Logged 1 h" in result.stdout and "\\U0001f4da" in result.stdout
    topics = [e.topic for e in ProfileStore(profile).load().study_log]
    assert topics.count("\U0001f4da ICD-10 \u2713") == 1


def test_codepath_home_that_is_a_file(tmp_path: Path) -> None:
    a_file = tmp_path / "passwd"
    a_file.write_text("root:x:0:0")
    for command in (["status"], ["log", "--hours", "1", "--topic", "x"]):
        line = one_line_error(run(*command, home=a_file), 1)
        assert f"CODEPATH_HOME={a_file} is a file" in line
        assert "File exists" not in line
    assert a_file.read_text() == "root:x:0:0"


@POSIX
@pytest.mark.parametrize(
    "command",
    [
        ["status"],
        ["log", "--hours", "1", "--topic", "x"],
        [*PLAN],
        ["restore"],
        ["export", "--ics", "out.ics"],
    ],
)
def test_a_fifo_profile_gives_one_line_and_never_hangs(tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "p.json"
    os.mkfifo(fifo)
    line = one_line_error(run(*command, "--profile", str(fifo), home=tmp_path), 1)
    assert "named pipe (FIFO), not a profile file" in line
    assert fifo.is_fifo()


@POSIX
def test_a_folder_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / os.fsdecode(b"caf\xe9")
    folder.mkdir()
    path = folder / "p.json"
    result = run(*PLAN, "--profile", str(path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Saved to" in result.stdout
    result = run("log", "--hours", "2", "--topic", "x", "--profile", str(path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    result = run("status", "--profile", str(path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert ProfileStore(path).load().total_hours() == 2


def test_restore_over_a_good_profile_needs_force_without_a_terminal(
    tmp_path: Path, profile: Path
) -> None:
    assert (
        run(
            "log", "--hours", "1", "--topic", "x", "--profile", str(profile), home=tmp_path
        ).returncode
        == 0
    )
    newest = profile.read_bytes()
    line = one_line_error(run("restore", "--profile", str(profile), home=tmp_path), 2)
    assert "loads fine" in line and "--force" in line
    assert profile.read_bytes() == newest
    result = run("restore", "--force", "--profile", str(profile), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "kept as p.json.before-restore-1" in result.stdout
    assert (tmp_path / "p.json.before-restore-1").read_bytes() == newest
    assert not list(tmp_path.glob("p.json.bad-*"))


def test_restore_over_a_good_profile_asks_in_a_terminal(tmp_path: Path, profile: Path) -> None:
    assert (
        run(
            "log", "--hours", "1", "--topic", "x", "--profile", str(profile), home=tmp_path
        ).returncode
        == 0
    )
    newest = profile.read_bytes()
    script = (
        "import sys, builtins\n"
        "sys.stdin.isatty = lambda: True\n"
        "from planner.cli import main\n"
        f"sys.exit(main(['restore', '--profile', {str(profile)!r}]))\n"
    )
    env = {**os.environ, "CODEPATH_HOME": str(tmp_path), "CODEPATH_TODAY": "2027-03-01"}

    def answer(text: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", script],
            input=text,
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )

    declined = answer("n\n")
    assert declined.returncode == 1, declined.stderr
    assert "loads fine" in declined.stdout and "Nothing restored." in declined.stdout
    assert profile.read_bytes() == newest
    accepted = answer("y\n")
    assert accepted.returncode == 0, accepted.stderr
    assert "kept as p.json.before-restore-1" in accepted.stdout
    assert profile.read_bytes() != newest


def test_restore_over_a_bad_profile_needs_no_question(tmp_path: Path, profile: Path) -> None:
    assert (
        run(
            "log", "--hours", "1", "--topic", "x", "--profile", str(profile), home=tmp_path
        ).returncode
        == 0
    )
    profile.write_text("{ broken")
    result = run("restore", "--profile", str(profile), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "kept as p.json.bad-1" in result.stdout
    assert (tmp_path / "p.json.bad-1").read_text() == "{ broken"


def test_duplicate_ids_are_repaired_with_a_note(tmp_path: Path, profile: Path) -> None:
    for topic in ("a", "b"):
        assert (
            run(
                "log", "--hours", "1", "--topic", topic, "--profile", str(profile), home=tmp_path
            ).returncode
            == 0
        )
    raw = json.loads(profile.read_bytes())
    raw["study_log"][1]["id"] = raw["study_log"][0]["id"]
    profile.write_text(json.dumps(raw))
    result = run("status", "--profile", str(profile), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == (
        "codepath: note: Gave 1 study log entry a new id: another entry had the same one."
    )


@POSIX
def test_export_to_a_fifo_is_refused_and_says_no_wrote(tmp_path: Path, profile: Path) -> None:
    fifo = tmp_path / "plan.ics"
    os.mkfifo(fifo)
    result = run("export", "--ics", str(fifo), "--profile", str(profile), home=tmp_path)
    line = one_line_error(result, 1)
    assert "named pipe (FIFO), not a regular file" in line
    assert "Wrote" not in result.stdout
    assert fifo.is_fifo()


def test_export_with_a_newline_in_the_name(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    result = run(*PLAN, "--name", "Jordan\nRivera", "--profile", str(path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    target = tmp_path / "plan.ics"
    result = run("export", "--ics", str(target), "--profile", str(path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert b"Jordan Rivera" in target.read_bytes()
