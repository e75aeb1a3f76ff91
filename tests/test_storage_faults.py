"""Fault injection on ProfileStore: writers SIGKILLed at random moments, and concurrent writers."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections import deque
from pathlib import Path

import pytest

from planner.core.storage import ProfileNotFoundError, ProfileStore

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and fork timing are POSIX"),
]

HELPER = Path(__file__).resolve().parent / "helpers" / "profile_writer.py"
KILLS = 30
PRESTARTED = 2  # children importing while the current one runs, to keep the test short


def spawn(profile: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(HELPER), "append", str(profile), "--wait-go", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def go(child: subprocess.Popen[str]) -> None:
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.readline() == "ready\n", child.stderr and child.stderr.read()
    child.stdin.write("go\n")
    child.stdin.flush()


def printed_ids(output: str) -> list[str]:
    """Ids on complete lines (a line cut by the kill is not counted)."""
    return output.split("\n")[:-1]


def saved_ids(store: ProfileStore) -> list[str]:
    return [entry.id for entry in store.load().study_log]


def test_sigkill_never_loses_a_reported_save(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "profile.json")
    rng = random.Random(20270104)
    printed: set[str] = set()
    queue = deque(spawn(store.path, "--tag", f"run{n}") for n in range(PRESTARTED))
    for number in range(KILLS):
        child = queue.popleft()
        if number + PRESTARTED < KILLS:
            queue.append(spawn(store.path, "--tag", f"run{number + PRESTARTED}"))
        go(child)
        time.sleep(rng.uniform(0.0, 0.15))
        child.kill()
        output, errors = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL, f"child {number} died on its own: {errors}"
        printed.update(printed_ids(output))
        try:
            on_disk = set(saved_ids(store))
        except ProfileNotFoundError:
            on_disk = set()
        missing = printed - on_disk
        assert not missing, f"after kill {number}: {len(missing)} reported saves are lost"
    assert len(printed) > KILLS, "the children hardly saved anything: kills came too early"
    for backup in store.backups():
        ProfileStore(backup).load()  # every backup loads
    assert not list(tmp_path.glob("*.bad-*")), "no save should ever have left a bad file"
    store.save(store.load())  # a later save sweeps temp files a killed save left behind
    assert not list(tmp_path.glob("*.tmp"))


def test_two_writers_lose_nothing(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "profile.json")
    children = [spawn(store.path, "--count", "200", "--tag", tag) for tag in ("left", "right")]
    for child in children:
        go(child)
    ids: list[str] = []
    for child in children:
        output, errors = child.communicate(timeout=120)
        assert child.returncode == 0, errors
        ids += printed_ids(output)
    assert len(ids) == 400
    on_disk = saved_ids(store)
    assert len(on_disk) == 400 and set(on_disk) == set(ids)
    topics = [entry.topic for entry in store.load().study_log]
    for tag in ("left", "right"):  # each writer's entries are in its own order
        mine = [int(t.split()[1]) for t in topics if t.startswith(tag)]
        assert mine == list(range(1, 201))
