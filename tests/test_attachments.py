"""Files attached to a profile: private copies beside it, never overwritten, backed up, restored."""

from __future__ import annotations

import os
import stat
import sys
from datetime import date
from pathlib import Path

import pytest

from planner.core.apprentice_evidence import ApprenticeEvidence, Attachment
from planner.core.attachments import (
    attach_copy,
    attachment_path,
    attachments_backup_folder,
    attachments_folder,
    back_up_attachments,
    carry_attachments,
    restore_attachments,
)
from planner.core.profile import Profile
from planner.core.storage import ProfileStore
from tests.helpers.samples import sample_inputs

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def a_pdf(folder: Path, name: str = "letter.pdf", body: bytes = b"%PDF-1.4 one") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(body)
    return path


def with_files(*names: str) -> Profile:
    files = [Attachment(name=n, item="letters", added=date(2027, 1, 2)) for n in names]
    return Profile(inputs=sample_inputs(), apprentice=ApprenticeEvidence(files=files))


@posix_only
def test_an_attached_file_is_a_private_copy_beside_the_profile(tmp_path: Path) -> None:
    profile = tmp_path / "profile.json"
    source = a_pdf(tmp_path / "downloads")
    name = attach_copy(profile, source)
    assert name == "letter.pdf"
    kept = attachment_path(profile, name)
    assert kept.parent == tmp_path / "profile.json.files"
    assert kept.read_bytes() == source.read_bytes()
    assert mode(kept) == 0o600
    assert mode(attachments_folder(profile)) == 0o700
    assert sorted(os.listdir(kept.parent)) == ["letter.pdf"]  # no temp file left


def test_a_name_collision_keeps_both_files(tmp_path: Path) -> None:
    profile = tmp_path / "profile.json"
    first = attach_copy(profile, a_pdf(tmp_path / "a", body=b"%PDF first"))
    second = attach_copy(profile, a_pdf(tmp_path / "b", body=b"%PDF second"))
    assert (first, second) == ("letter.pdf", "letter (2).pdf")
    assert attachment_path(profile, first).read_bytes() == b"%PDF first"
    assert attachment_path(profile, second).read_bytes() == b"%PDF second"


def test_a_name_once_used_is_never_reused_even_after_the_file_went(tmp_path: Path) -> None:
    profile = tmp_path / "profile.json"
    first = attach_copy(profile, a_pdf(tmp_path / "a", body=b"%PDF first"))
    back_up_attachments(profile)
    attachment_path(profile, first).unlink()
    assert attach_copy(profile, a_pdf(tmp_path / "b", body=b"%PDF other")) == "letter (2).pdf"


def test_unsafe_names_are_made_safe_and_folders_refused(tmp_path: Path) -> None:
    profile = tmp_path / "profile.json"
    assert attach_copy(profile, a_pdf(tmp_path / "x", ".hidden.pdf")) == "hidden.pdf"
    with pytest.raises(IsADirectoryError):
        attach_copy(profile, tmp_path / "x")


@posix_only
def test_saving_backs_up_attached_files(tmp_path: Path) -> None:
    path = tmp_path / "profile.json"
    store = ProfileStore(path)
    name = attach_copy(path, a_pdf(tmp_path / "in"))
    store.save(with_files(name))
    backup = attachments_backup_folder(path) / name
    assert backup.read_bytes() == b"%PDF-1.4 one"
    assert mode(backup) == 0o600 and mode(backup.parent) == 0o700
    assert store.backups() == []  # the attachments' backup is not taken for a profile backup
    assert store.owns(attachment_path(path, name))


def test_restore_brings_back_the_files_the_backup_names(tmp_path: Path) -> None:
    path = tmp_path / "profile.json"
    store = ProfileStore(path)
    name = attach_copy(path, a_pdf(tmp_path / "in"))
    store.save(with_files(name))
    store.save(with_files())  # the file taken off the list, then lost from the folder
    attachment_path(path, name).unlink()
    store.restore()  # the newest backup: the profile that listed the file
    assert store.restored_files == (name,)
    assert store.load().apprentice == with_files(name).apprentice
    assert attachment_path(path, name).read_bytes() == b"%PDF-1.4 one"


def test_restore_never_overwrites_a_file_that_is_there(tmp_path: Path) -> None:
    path = tmp_path / "profile.json"
    name = attach_copy(path, a_pdf(tmp_path / "in"))
    back_up_attachments(path)
    attachment_path(path, name).write_bytes(b"%PDF edited by hand")
    assert restore_attachments(path, [name]) == []
    assert attachment_path(path, name).read_bytes() == b"%PDF edited by hand"
    assert back_up_attachments(path) == ["letter (2).pdf"]  # the edit is kept beside the old
    assert (attachments_backup_folder(path) / name).read_bytes() == b"%PDF-1.4 one"


def test_save_as_carries_the_files_and_never_replaces_one(tmp_path: Path) -> None:
    old = tmp_path / "old" / "profile.json"
    old.parent.mkdir()
    name = attach_copy(old, a_pdf(tmp_path / "in"))
    clash = attach_copy(old, a_pdf(tmp_path / "in", "other.pdf", b"%PDF mine"))
    new = tmp_path / "new" / "copy.json"
    a_pdf(attachments_folder(new), "other.pdf", b"%PDF already there")
    assert carry_attachments(old, new, [name, clash, "gone.pdf"]) == ["other.pdf"]
    assert attachment_path(new, name).read_bytes() == b"%PDF-1.4 one"
    assert attachment_path(new, "other.pdf").read_bytes() == b"%PDF already there"
    assert carry_attachments(old, old, [name]) == []
