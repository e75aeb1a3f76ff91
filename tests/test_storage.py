"""Tests of ProfileStore: round trip, permissions, backups, bad files, write faults, locking."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import platformdirs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.profile import Profile, StudyEntry
from planner.core.storage import (
    ProfileCorruptError,
    ProfileError,
    ProfileLockedError,
    ProfileNotFoundError,
    ProfileStore,
    ProfileTooNewError,
    ProfileWriteError,
    default_profile_path,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "profile_v2.json"
HELPER = ROOT / "tests" / "helpers" / "profile_writer.py"
POSIX = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


def sample() -> Profile:
    return Profile.model_validate_json(FIXTURE.read_bytes())


def version(n: int) -> Profile:
    """A distinct, valid profile for save number ``n``."""
    profile = sample()
    profile.notes = f"save {n}"
    return profile


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    return ProfileStore(tmp_path / "profile.json")


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# ---------------------------------------------------------------- round trip


def test_round_trip(store: ProfileStore) -> None:
    assert not store.exists()
    store.save(sample())
    assert store.exists()
    assert store.load() == sample()
    assert store.path.read_bytes() == FIXTURE.read_bytes()
    assert store.backups() == []


def test_missing_profile(store: ProfileStore) -> None:
    with pytest.raises(ProfileNotFoundError) as info:
        store.load()
    assert str(info.value).startswith(f"{store.path}: no profile has been saved here yet")
    assert info.value.path == store.path


def test_folder_instead_of_file(store: ProfileStore) -> None:
    store.path.mkdir()
    with pytest.raises(ProfileCorruptError, match="a folder, not a profile file"):
        store.load()


@POSIX
def test_files_are_private(store: ProfileStore) -> None:
    old_umask = os.umask(0)
    try:
        store.path.write_text("{}")
        os.chmod(store.path, 0o644)
        for n in range(3):
            store.save(version(n))
    finally:
        os.umask(old_umask)
    assert mode(store.path) == 0o600
    assert len(store.backups()) == 2
    for path in [*store.backups(), store.lock_path, *store.path.parent.glob("*.bad-*")]:
        assert mode(path) == 0o600, path


# ---------------------------------------------------------------- backups


def backup_notes(store: ProfileStore) -> list[str]:
    return [Profile.model_validate_json(b.read_bytes()).notes for b in store.backups()]


def test_backups_rotate_and_are_capped(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "profile.json", keep_backups=3)
    for n in range(8):
        store.save(version(n))
    assert [b.name for b in store.backups()] == [f"profile.json.bak{n}" for n in (1, 2, 3)]
    assert backup_notes(store) == ["save 6", "save 5", "save 4"]
    store.save(version(7))  # same content: no rotation
    assert backup_notes(store) == ["save 6", "save 5", "save 4"]
    smaller = ProfileStore(store.path, keep_backups=1)
    smaller.save(version(8))
    assert [b.name for b in smaller.backups()] == ["profile.json.bak1"]
    assert Profile.model_validate_json(smaller.backups()[0].read_bytes()).notes == "save 7"
    none = ProfileStore(store.path, keep_backups=0)
    none.save(version(9))
    assert none.load().notes == "save 9"


def test_stale_temp_files_are_cleaned(store: ProfileStore) -> None:
    stale = store.path.with_name(".profile.json.0123456789ab.tmp")
    stale.write_text("half a save")
    other = store.path.with_name("notes.tmp")
    other.write_text("not ours")
    store.save(sample())
    assert not stale.exists() and other.exists()


# ---------------------------------------------------------------- bad files


def corrupt_after_two_saves(store: ProfileStore, content: bytes) -> None:
    store.save(version(1))
    store.save(version(2))
    store.path.write_bytes(content)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not valid JSON (line 1, column 1: Expecting value)"),
        (b'{"schema_version": 1,', "not valid JSON (line 1"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
        (b"[1, 2]", "expected a JSON object at the top level, found a list"),
        (b'{"schema_version": 1}', "field 'inputs': Field required"),
    ],
)
def test_corrupt_file_untouched(store: ProfileStore, content: bytes, message: str) -> None:
    corrupt_after_two_saves(store, content)
    before = listing(store.path.parent)
    with pytest.raises(ProfileCorruptError) as info:
        store.load()
    text = str(info.value)
    assert text.startswith(f"{store.path}: ")
    assert message in text
    bak1 = store.path.with_name("profile.json.bak1")
    assert "A backup from " in text and f" is at {bak1}; " in text
    assert text.endswith(f"restore it with: codepath restore --profile {store.path}")
    assert "\n" not in text
    assert listing(store.path.parent) == before


def test_validation_error_names_field(store: ProfileStore) -> None:
    raw = json.loads(FIXTURE.read_text())
    raw["study_log"][1]["hours"] = 0
    raw["scores"][0]["percent"] = 101
    store.path.write_text(json.dumps(raw))
    with pytest.raises(ProfileCorruptError) as info:
        store.load()
    assert "field 'study_log.1.hours': Input should be greater than 0 (1 more problem)" in str(
        info.value
    )
    assert "No backup that can be restored was found." in str(info.value)


def test_restore_newest_good_backup_and_keep_bad(store: ProfileStore) -> None:
    store.save(version(0))
    corrupt_after_two_saves(store, b"{ not json")  # bak1: save 1, bak2: save 0
    store.path.with_name("profile.json.bak1").write_bytes(b"also broken")  # skipped
    used = store.restore()
    assert used == store.path.with_name("profile.json.bak2")
    assert store.load().notes == "save 0"
    assert store.path.with_name("profile.json.bad-1").read_bytes() == b"{ not json"
    assert used.exists()  # the backup is copied, not moved
    store.path.write_bytes(b"broken again")
    assert store.restore(store.path.with_name("profile.json.bak2")) == used
    assert store.path.with_name("profile.json.bad-2").read_bytes() == b"broken again"


def test_restore_without_good_backup(store: ProfileStore) -> None:
    store.path.write_bytes(b"junk")
    store.path.with_name("profile.json.bak1").write_bytes(b"junk too")
    with pytest.raises(ProfileError, match="no backup that loads"):
        store.restore()
    with pytest.raises(ProfileError, match=r"cannot restore from .*bak1: not valid JSON"):
        store.restore(store.path.with_name("profile.json.bak1"))
    assert store.path.read_bytes() == b"junk"


def test_save_over_corrupt_file_keeps_it_and_backups(store: ProfileStore) -> None:
    corrupt_after_two_saves(store, b"corrupt")
    backups = {b.name: b.read_bytes() for b in store.backups()}
    store.save(version(3))
    assert {b.name: b.read_bytes() for b in store.backups()} == backups
    assert store.path.with_name("profile.json.bad-1").read_bytes() == b"corrupt"
    assert store.load().notes == "save 3"


def test_too_new(store: ProfileStore) -> None:
    store.save(version(1))
    store.save(version(2))
    raw = json.loads(store.path.read_text())
    raw["schema_version"] = 3
    raw["new_field"] = "from the future"
    store.path.write_text(json.dumps(raw))
    before = listing(store.path.parent)
    with pytest.raises(ProfileTooNewError) as info:
        store.load()
    assert "format 3, written by a newer Coding Path Planner" in str(info.value)
    assert "reads formats up to 2" in str(info.value)
    assert "codepath restore --profile" in str(info.value)
    assert listing(store.path.parent) == before


def test_refuses_to_save_invalid_profile(store: ProfileStore) -> None:
    store.save(version(1))
    profile = version(2)
    profile.study_log.append(StudyEntry.model_construct(day=date(2027, 1, 4), hours=-1, topic="x"))
    with pytest.raises(ProfileError, match=r"refusing to save: field 'study_log\.4\.hours'"):
        store.save(profile)
    assert store.load().notes == "save 1"


# ---------------------------------------------------------------- write faults


def test_missing_folder(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "gone" / "profile.json")
    with pytest.raises(ProfileWriteError, match=r"the folder .*gone does not exist"):
        store.save(sample())
    assert not (tmp_path / "gone").exists()


FaultPredicate = Callable[[tuple[Any, ...]], bool]


def final_replace(args: tuple[Any, ...]) -> bool:
    return Path(args[1]).name == "profile.json"


def backup_write(args: tuple[Any, ...]) -> bool:
    return Path(args[1]).name == "profile.json.bak1"


def always(args: tuple[Any, ...]) -> bool:
    return True


def temp_open(args: tuple[Any, ...]) -> bool:
    return str(args[0]).endswith(".tmp")


@pytest.mark.parametrize(
    ("function", "when", "code", "reason"),
    [
        ("replace", final_replace, errno.EROFS, "read-only"),
        ("replace", backup_write, errno.ENOSPC, "disk is full"),
        ("write", always, errno.ENOSPC, "disk is full"),
        ("fsync", always, errno.EIO, "input/output error"),
        ("open", temp_open, errno.EACCES, "permission denied"),
        ("open", temp_open, errno.EDQUOT, "quota"),
    ],
)
def test_write_faults_leave_old_file(
    store: ProfileStore,
    monkeypatch: pytest.MonkeyPatch,
    function: str,
    when: FaultPredicate,
    code: int,
    reason: str,
) -> None:
    store.save(version(1))
    store.save(version(2))
    before = listing(store.path.parent)
    real = getattr(os, function)

    def failing(*args: Any, **kwargs: Any) -> Any:
        if when(args):
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, function, failing)
    with pytest.raises(ProfileWriteError) as info:
        store.save(version(3))
    monkeypatch.undo()
    assert str(info.value).startswith(f"{store.path}: cannot save (")
    assert reason in str(info.value)
    assert store.load().notes == "save 2"
    assert not list(store.path.parent.glob("*.tmp"))
    after = listing(store.path.parent)
    assert after["profile.json"] == before["profile.json"]
    assert set(before.values()) <= set(after.values()), "an earlier backup was lost"


def test_partial_write_then_full_disk(store: ProfileStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store.save(version(1))
    real_write = os.write
    calls = 0

    def short_then_fail(fd: int, data: Any) -> int:
        nonlocal calls
        calls += 1
        if calls == 1:
            return real_write(fd, bytes(data[:10]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", short_then_fail)
    with pytest.raises(ProfileWriteError, match="disk is full"):
        store.save(version(2))
    monkeypatch.undo()
    assert store.load().notes == "save 1"
    assert not list(store.path.parent.glob("*.tmp"))


# ---------------------------------------------------------------- locking


@pytest.fixture
def lock_holder(store: ProfileStore) -> Iterator[subprocess.Popen[str]]:
    """A child process that holds the store's lock until its standard input closes."""
    with subprocess.Popen(
        [sys.executable, str(HELPER), "hold-lock", str(store.path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:  # leaving the block closes both pipes and waits for the child
        assert child.stdin is not None and child.stdout is not None
        try:
            assert child.stdout.readline() == "locked\n"
            yield child
        finally:
            child.stdin.close()
            child.wait(timeout=10)


def test_locked_by_another_process(
    tmp_path: Path, lock_holder: subprocess.Popen[str], store: ProfileStore
) -> None:
    waiting = ProfileStore(store.path, lock_timeout=0.3)
    started = time.monotonic()
    with pytest.raises(ProfileLockedError) as info:
        waiting.save(version(1))
    elapsed = time.monotonic() - started
    assert 0.3 <= elapsed < 3
    expected = "another Coding Path Planner window or command is saving this profile; try again"
    assert expected in str(info.value)
    assert not store.path.exists()
    with pytest.raises(ProfileLockedError), waiting.update(default=sample):
        pytest.fail("must not get here")
    assert lock_holder.stdin is not None
    lock_holder.stdin.close()
    lock_holder.wait(timeout=10)
    waiting.save(version(1))
    assert store.load().notes == "save 1"


def test_lock_in_process(store: ProfileStore) -> None:
    other = ProfileStore(store.path, lock_timeout=0.05)
    with store.update(default=sample) as profile:
        profile.notes = "inside"
        store.save(profile)  # re-entrant within one store
        with pytest.raises(ProfileLockedError):
            other.save(sample())
        assert store.load().notes == "inside"  # reading needs no lock
    other.save(version(5))  # released
    assert store.load().notes == "save 5"


def test_update(store: ProfileStore) -> None:
    with pytest.raises(ProfileNotFoundError), store.update():
        pytest.fail("must not get here")
    with store.update(default=sample) as profile:
        profile.log_study(date(2027, 5, 3), 2, "modifiers")
    assert store.load().total_hours() == 11
    with pytest.raises(RuntimeError), store.update() as profile:
        profile.notes = "not saved"
        raise RuntimeError("boom")
    assert store.load().notes != "not saved"
    ProfileStore(store.path, lock_timeout=0).save(version(1))  # the lock was released


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="keep_backups"):
        ProfileStore(tmp_path / "p.json", keep_backups=-1)
    with pytest.raises(ValueError, match="lock_timeout"):
        ProfileStore(tmp_path / "p.json", lock_timeout=-1)


# ---------------------------------------------------------------- default path


def test_default_path_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CODEPATH_HOME", str(tmp_path / "home"))
    assert default_profile_path() == tmp_path / "home" / "profile.json"


def test_default_path_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CODEPATH_HOME", raising=False)
    seen: list[tuple[Any, ...]] = []

    def fake(*args: Any, **kwargs: Any) -> Path:
        seen.append((args, kwargs))
        return tmp_path / "data"

    monkeypatch.setattr(platformdirs, "user_data_path", fake)
    assert default_profile_path() == tmp_path / "data" / "profile.json"
    assert seen == [(("codepath",), {"appauthor": False})]
    monkeypatch.setenv("CODEPATH_HOME", "  ")
    assert default_profile_path() == tmp_path / "data" / "profile.json"


# ---------------------------------------------------------------- fuzzing

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=25,
)

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def assert_load_fails_cleanly(store: ProfileStore, data: bytes) -> None:
    store.path.write_bytes(data)
    before = listing(store.path.parent)
    try:
        result = store.load()
    except ProfileError as exc:
        assert str(exc).startswith(str(store.path))
        assert "\n" not in str(exc)
    else:
        assert isinstance(result, Profile)
    assert listing(store.path.parent) == before


@pytest.fixture
def fuzz_store(tmp_path: Path) -> ProfileStore:
    store = ProfileStore(tmp_path / "profile.json")
    store.path.with_name("profile.json.bak1").write_bytes(FIXTURE.read_bytes())
    return store


@FUZZ
@given(data=st.binary(max_size=300))
def test_fuzz_bytes(fuzz_store: ProfileStore, data: bytes) -> None:
    assert_load_fails_cleanly(fuzz_store, data)


@FUZZ
@given(value=json_values)
def test_fuzz_json(fuzz_store: ProfileStore, value: Any) -> None:
    assert_load_fails_cleanly(fuzz_store, json.dumps(value).encode())


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


FIXTURE_PATHS = _paths(json.loads(FIXTURE.read_text()))[1:]


@FUZZ
@given(where=st.sampled_from(FIXTURE_PATHS), value=json_values)
def test_fuzz_near_valid(fuzz_store: ProfileStore, where: tuple[Any, ...], value: Any) -> None:
    raw = json.loads(FIXTURE.read_text())
    target = raw
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    assert_load_fails_cleanly(fuzz_store, json.dumps(raw).encode())


def test_waiting_for_the_lock_is_announced_once(tmp_path: Path) -> None:
    import fcntl

    path = tmp_path / "p.json"
    calls: list[int] = []
    store = ProfileStore(path, lock_timeout=0.3, on_wait=lambda: calls.append(1))
    holder = os.open(store.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)  # flock locks are per open file: this blocks store
        with pytest.raises(ProfileLockedError), store.lock():
            pass
    finally:
        os.close(holder)
    assert calls == [1]
