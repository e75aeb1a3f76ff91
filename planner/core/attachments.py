"""Files kept beside a profile (evidence PDFs): private copies, never overwritten, backed up.

Beside ``<name>`` (e.g. ``profile.json``) live ``<name>.files/`` (the attached files) and
``<name>.files.bak/`` (a copy of every file ever attached, made when the profile is saved).
A file's name is claimed once in both folders, so a name always means the same file: a
backup of the profile that names a file can always find it again (``restore_attachments``).
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable
from pathlib import Path

from planner.core.fileio import (
    fsync_folder,
    is_our_temp,
    refuse_special,
    remove_stale_temps,
    write_temp,
)

FILE_MODE = 0o600  # evidence holds personal data: owner read/write only
FOLDER_MODE = 0o700
FILES_SUFFIX = ".files"
BACKUP_SUFFIX = ".files.bak"
MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024
_TEMP_PREFIX = ".attach."
_MAX_STEM = 120


class AttachmentError(OSError):
    """A file cannot be attached (missing, not a regular file, too large, disk problems)."""


def attachments_folder(profile_path: Path) -> Path:
    """``<name>.files`` beside the profile: where attached files live."""
    return profile_path.with_name(profile_path.name + FILES_SUFFIX)


def attachments_backup_folder(profile_path: Path) -> Path:
    """``<name>.files.bak`` beside the profile: a copy of every attached file."""
    return profile_path.with_name(profile_path.name + BACKUP_SUFFIX)


def attachment_path(profile_path: Path, name: str) -> Path:
    """Where the attached file ``name`` is kept."""
    return attachments_folder(profile_path) / name


def _private_folder(folder: Path) -> None:
    folder.mkdir(mode=FOLDER_MODE, parents=False, exist_ok=True)
    os.chmod(folder, FOLDER_MODE)


def _clean_name(name: str) -> str:
    """A safe file name from the one chosen: no folders, no leading dot, a sane length."""
    name = re.sub(r"[\x00-\x1f/\\:*?\"<>|]", "_", name).strip().lstrip(".") or "file"
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        stem, suffix = name, ""
    suffix = suffix[:12]
    return stem[:_MAX_STEM] + (f".{suffix}" if suffix else "")


def _candidates(name: str) -> Iterable[str]:
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    yield name
    for number in range(2, 10_000):
        yield f"{stem} ({number})" + (f".{suffix}" if suffix else "")


def _claim(folder: Path, temp: Path, name: str, taken: set[str]) -> str:
    """Give ``temp`` the first free name like ``name`` (never replacing a file); return it."""
    for candidate in _candidates(name):
        if candidate in taken:
            continue
        target = folder / candidate
        try:
            os.link(temp, target)  # fails if the name exists: atomic "create, never replace"
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
                raise
            try:  # a file system without hard links: create exclusively and copy
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
            except FileExistsError:
                continue
            with os.fdopen(fd, "wb") as out:
                out.write(temp.read_bytes())
                out.flush()
                os.fsync(out.fileno())
        temp.unlink(missing_ok=True)
        fsync_folder(folder)
        return candidate
    raise AttachmentError(errno.EEXIST, "no free file name left", str(folder / name))


def _read_source(source: Path) -> bytes:
    refuse_special(source)
    size = source.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        raise AttachmentError(
            errno.EFBIG,
            f"the file is larger than {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB",
            str(source),
        )
    return source.read_bytes()


def attach_copy(profile_path: Path, source: Path) -> str:
    """Copy ``source`` into the profile's files folder (0600) and return its stored name.

    The name is the source's, made safe; when it is taken (now or in the backups), `` (2)``,
    `` (3)``... is added, so nothing is ever overwritten. AttachmentError / OSError on failure
    (nothing is left behind then).
    """
    data = _read_source(Path(source))
    folder = attachments_folder(profile_path)
    _private_folder(folder)
    remove_stale_temps(folder, _TEMP_PREFIX, older_than=600)
    temp = write_temp(folder, data, _TEMP_PREFIX, FILE_MODE)
    try:
        return _claim(folder, temp, _clean_name(Path(source).name), _names(profile_path))
    finally:
        temp.unlink(missing_ok=True)


def _names(profile_path: Path) -> set[str]:
    """Names used in the files folder or its backup (each name is one file, for good)."""
    names: set[str] = set()
    for folder in (attachments_folder(profile_path), attachments_backup_folder(profile_path)):
        try:
            names |= {e.name for e in folder.iterdir() if not is_our_temp(e.name, _TEMP_PREFIX)}
        except OSError:
            continue
    return names


def _copy_into(folder: Path, source: Path, name: str) -> str:
    temp = write_temp(folder, _read_source(source), _TEMP_PREFIX, FILE_MODE)
    try:
        return _claim(folder, temp, name, set())
    finally:
        temp.unlink(missing_ok=True)


def back_up_attachments(profile_path: Path) -> list[str]:
    """Copy every attached file not yet in ``<name>.files.bak`` there; return their names.

    Nothing in the backup folder is ever replaced; a same-named file with other content (edited
    by hand) is kept beside it under a new name.
    """
    folder = attachments_folder(profile_path)
    if not folder.is_dir():
        return []
    backup = attachments_backup_folder(profile_path)
    copied = []
    for entry in sorted(folder.iterdir()):
        if is_our_temp(entry.name, _TEMP_PREFIX) or not entry.is_file():
            continue
        kept = backup / entry.name
        if kept.is_file() and kept.stat().st_size == entry.stat().st_size:
            continue
        _private_folder(backup)
        copied.append(_copy_into(backup, entry, entry.name))
    return copied


def restore_attachments(profile_path: Path, names: Iterable[str]) -> list[str]:
    """Bring back from the backup folder each of ``names`` missing beside the profile.

    Returns the names brought back. A file already there is never replaced.
    """
    folder = attachments_folder(profile_path)
    backup = attachments_backup_folder(profile_path)
    restored = []
    for name in names:
        if (folder / name).exists() or not (backup / name).is_file():
            continue
        _private_folder(folder)
        restored.append(_copy_into(folder, backup / name, name))
    return restored


def carry_attachments(old_profile: Path, new_profile: Path, names: Iterable[str]) -> list[str]:
    """Copy the files ``names`` from beside ``old_profile`` to beside ``new_profile`` (Save As).

    Nothing there is replaced. Returns the names that exist there already with other content
    (those stay as they are; the caller tells the learner).
    """
    if attachments_folder(old_profile) == attachments_folder(new_profile):
        return []
    target = attachments_folder(new_profile)
    clashes = []
    for name in names:
        source = attachment_path(old_profile, name)
        if not source.is_file():
            continue
        there = target / name
        if there.exists():
            if not there.is_file() or there.read_bytes() != source.read_bytes():
                clashes.append(name)
            continue
        _private_folder(target)
        _copy_into(target, source, name)
    return clashes
