"""Data safety of ProfileStore: full disks, symlinks, special files, odd names and odd content."""

from __future__ import annotations

import errno
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from planner.core import fileio
from planner.core.profile import Profile, StudyEntry
from planner.core.storage import (
    ProfileCorruptError,
    ProfileError,
    ProfileStore,
    ProfileWriteError,
    ensure_folder,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "profile_v2.json"
POSIX = pytest.mark.skipif(os.name == "nt", reason="POSIX files (FIFOs, symlinks, modes)")


def version(n: int) -> Profile:
    profile = Profile.model_validate_json(FIXTURE.read_bytes())
    profile.notes = f"save {n}"
    return profile


def fixture_raw() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(FIXTURE.read_bytes())
    return raw


def copies(store: ProfileStore) -> list[bytes]:
    """The profile and its backups, newest first."""
    return [store.path.read_bytes(), *(b.read_bytes() for b in store.backups())]


def finishes(action: Callable[[], object], seconds: float = 5.0) -> BaseException | None:
    """Run ``action`` in a thread; fail if it hangs; return what it raised (or None)."""
    raised: list[BaseException] = []

    def run() -> None:
        try:
            action()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            raised.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the store hung"
    return raised[0] if raised else None


# ---------------------------------------------------------------- item 2: full disk


def test_failed_saves_on_a_full_disk_keep_six_distinct_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ProfileStore(tmp_path / "profile.json", keep_backups=5)
    for n in range(6):
        store.save(version(n))
    before = copies(store)
    assert len(before) == 6 and len(set(before)) == 6
    real_write_all = fileio.write_all

    def full_disk(fd: int, data: bytes) -> None:
        if b"one entry more" in data:  # the new, larger file does not fit; smaller ones do
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write_all(fd, data)

    monkeypatch.setattr(fileio, "write_all", full_disk)
    for attempt in range(5):
        profile = version(5)
        profile.notes = f"one entry more {attempt}"
        with pytest.raises(ProfileWriteError, match="the disk is full"):
            store.save(profile)
    assert copies(store) == before
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_copy_identical_to_bak1_is_never_rotated_in(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "profile.json")
    store.save(version(1))
    store.save(version(2))
    store.restore(store.path.with_name("profile.json.bak1"))  # the file now equals .bak1
    store.save(version(3))
    backups = [b.read_bytes() for b in store.backups()]
    assert len(backups) == len(set(backups))
    assert [Profile.model_validate_json(b).notes for b in backups] == ["save 1"]


# ---------------------------------------------------------------- item 9: symlinks


@POSIX
def test_symlinked_profile_saves_locks_and_backs_up_at_the_real_file(tmp_path: Path) -> None:
    synced = tmp_path / "Sync"
    home = tmp_path / "home"
    synced.mkdir()
    home.mkdir()
    real = synced / "real.json"
    link = home / "profile.json"
    link.symlink_to(real)
    store = ProfileStore(link)
    assert store.path == real.resolve()
    store.save(version(1))
    store.save(version(2))
    with store.lock():
        pass
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert ProfileStore(link).load().notes == "save 2"
    assert sorted(p.name for p in synced.iterdir()) == [
        "real.json",
        "real.json.bak1",
        "real.json.lock",
    ]
    assert [p.name for p in home.iterdir()] == ["profile.json"]


# ---------------------------------------------------------------- special files


@POSIX
def test_a_fifo_is_refused_in_one_line_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "profile.json"
    os.mkfifo(fifo)
    store = ProfileStore(fifo)
    assert store.exists()  # something is there: not "no profile yet" (no wizard over it)
    error = finishes(store.load)
    assert isinstance(error, ProfileCorruptError)
    assert "named pipe (FIFO), not a profile file" in str(error)
    assert "\n" not in str(error)
    assert isinstance(finishes(lambda: store.save(version(1))), ProfileError)
    assert isinstance(finishes(store.set_aside), ProfileError)

    def update() -> None:
        with store.update(default=lambda: version(1)):
            pass

    assert isinstance(finishes(update), ProfileError)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile.json"]  # no lock file
    assert fifo.is_fifo()


@POSIX
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    link = tmp_path / "profile.json"
    link.symlink_to("/dev/zero")
    error = finishes(ProfileStore(link).load)
    assert isinstance(error, ProfileCorruptError)
    assert "character device, not a profile file" in str(error)
    error = finishes(ProfileStore(Path("/dev/zero")).load)
    assert isinstance(error, ProfileCorruptError)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "profile.json"
    folder.mkdir()
    store = ProfileStore(folder)
    assert store.exists()
    with pytest.raises(ProfileCorruptError, match="folder, not a profile file"):
        store.load()
    with pytest.raises(ProfileError, match="folder"):
        store.save(version(1))
    with pytest.raises(ProfileCorruptError, match="folder"):
        ProfileStore(Path(".")).load()


def test_a_huge_file_is_not_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("planner.core.storage.MAX_PROFILE_BYTES", 1000)
    store = ProfileStore(tmp_path / "profile.json")
    store.path.write_bytes(b" " * 5000)
    with pytest.raises(ProfileCorruptError, match="too large to be a profile"):
        store.load()


# ---------------------------------------------------------------- odd paths


def test_a_very_long_profile_name_saves_and_backs_up(tmp_path: Path) -> None:
    name = "p" * 240 + ".json"  # 245 bytes: the old temp-file name went past 255
    store = ProfileStore(tmp_path / name)
    store.save(version(1))
    store.save(version(2))
    assert store.load().notes == "save 2"
    assert [b.name for b in store.backups()] == [name + ".bak1"]
    leftover = tmp_path / (fileio.short_temp_prefix(store.path) + "0123456789ab.tmp")
    leftover.write_text("killed save")
    store.save(version(3))
    assert not leftover.exists()


@POSIX
def test_a_folder_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / os.fsdecode(b"caf\xe9")
    folder.mkdir()
    store = ProfileStore(folder / "profile.json")
    store.save(version(1))
    store.save(version(2))
    assert store.load().notes == "save 2"
    assert store.restore() == folder / "profile.json.bak1"
    assert store.load().notes == "save 1"


def test_codepath_home_that_is_a_file_is_named_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_file = tmp_path / "passwd"
    a_file.write_text("root:x:0:0")
    monkeypatch.setenv("CODEPATH_HOME", str(a_file))
    with pytest.raises(ProfileWriteError) as info:
        ensure_folder(a_file)
    assert str(info.value) == (
        f"CODEPATH_HOME={a_file} is a file; the profile needs a folder there"
    )
    ensure_folder(tmp_path / "new" / "home")
    assert (tmp_path / "new" / "home").is_dir()


# ---------------------------------------------------------------- item 4: lone surrogates


def test_lone_surrogates_are_repaired_on_load(tmp_path: Path) -> None:
    raw = fixture_raw()
    raw["name"] = "Jo SURROGATE"
    raw["study_log"][0]["topic"] = "CPT SURROGATE"
    text = json.dumps(raw).replace("SURROGATE", "\\ud800")
    store = ProfileStore(tmp_path / "profile.json")
    store.path.write_text(text, encoding="ascii")
    profile = store.load()
    assert profile.name == "Jo \ufffd"
    assert profile.study_log[0].topic == "CPT \ufffd"
    assert store.repairs == (
        "Repaired 2 texts holding characters that are not valid Unicode (shown as \ufffd).",
    )
    store.save(profile)
    again = ProfileStore(store.path)
    assert again.load() == profile and again.repairs == ()


def test_lone_surrogates_are_rejected_on_input() -> None:
    profile = version(1)
    with pytest.raises(ValidationError, match="unicode"):
        profile.notes = "pasted \ud800"
    with pytest.raises(ValidationError, match="unicode"):
        profile.study_log[0].topic = "\udcff"
    with pytest.raises(ValidationError):
        StudyEntry(day=profile.study_log[0].day, hours=1, topic="x\ud800")
    assert profile == version(1)


def test_saving_never_raises_a_serialization_error(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "profile.json")
    store.save(version(1))
    profile = version(2)
    profile.study_log[0].__dict__["topic"] = "\ud800"  # past the input check, as by a bug
    with pytest.raises(ProfileError, match="not valid Unicode"):
        store.save(profile)
    assert store.load().notes == "save 1"


# ---------------------------------------------------------------- item 10: duplicate ids


def test_duplicate_entry_ids_are_repaired_on_load_with_a_message(tmp_path: Path) -> None:
    raw = fixture_raw()
    log = raw["study_log"]
    assert len(log) >= 2
    log[1]["id"] = log[0]["id"]
    raw["scores"] = [
        {"id": "s", "day": "2027-05-01", "exam": "CPC", "percent": 60},
        {"id": "s", "day": "2027-05-02", "exam": "CPC", "percent": 70},
        {"id": "s", "day": "2027-05-03", "exam": "CPC", "percent": 80},
    ]
    raw["ceus"] = [
        {"id": "c", "day": "2028-01-01", "credits": 1, "credential": "CPC"},
        {"id": "c", "day": "2028-01-02", "credits": 2, "credential": "CPC"},
    ]
    store = ProfileStore(tmp_path / "profile.json")
    store.path.write_text(json.dumps(raw))
    told: list[str] = []
    store.on_repair = told.append
    profile = store.load()
    for entries in (profile.study_log, profile.scores, profile.ceus):
        ids = [e.id for e in entries]
        assert len(ids) == len(set(ids))
    assert profile.study_log[0].id == log[0]["id"]  # the first keeps its id
    assert profile.scores[0].id == "s"
    assert [s.percent for s in profile.scores] == [60, 70, 80]
    assert (
        told
        == list(store.repairs)
        == [
            "Gave 1 study log entry a new id: another entry had the same one.",
            "Gave 2 scores entries a new id: another entry had the same one.",
            "Gave 1 CEUs entry a new id: another entry had the same one.",
        ]
    )
    store.save(profile)
    assert ProfileStore(store.path).load() == profile


# ---------------------------------------------------------------- unknown fields


def test_unknown_fields_from_a_newer_version_round_trip(tmp_path: Path) -> None:
    raw = fixture_raw()
    raw["colour"] = "blue"
    raw["goals"] = {"weekly": [1, 2]}
    raw["inputs"]["preferred_language"] = "es"
    raw["study_log"][0]["mood"] = "good"
    store = ProfileStore(tmp_path / "profile.json")
    store.path.write_text(json.dumps(raw))
    profile = store.load()
    profile.notes = "edited by an older version"
    profile.study_log[0].hours = 2
    store.save(profile)
    saved = json.loads(store.path.read_bytes())
    assert saved["colour"] == "blue"
    assert saved["goals"] == {"weekly": [1, 2]}
    assert saved["inputs"]["preferred_language"] == "es"
    assert saved["study_log"][0]["mood"] == "good"
    assert saved["notes"] == "edited by an older version"
    assert ProfileStore(store.path).load() == profile
