"""Atomic file writing shared by the profile store and the exports (temp file, fsync, replace)."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import time
from collections.abc import Callable
from pathlib import Path
from uuid import uuid4

_O_BINARY: int = getattr(os, "O_BINARY", 0)
PRIVATE_MODE = 0o600  # new files hold personal data (name, notes, progress): owner only
LONG_NAME = 40  # longer file names get a shortened temp-file prefix (names are capped at 255)
STALE_AFTER = 600.0  # seconds: an export temp file older than this was left by a killed run
_TEMP_TAIL = re.compile(r"[0-9a-f]{12}\.tmp")

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def with_suffix(path: Path, suffix: str) -> Path:
    """``path`` with ``suffix`` added when it has not got it ('milestones' → 'milestones.ics')."""
    return path if path.suffix.lower() == suffix.lower() else path.with_name(path.name + suffix)


class NotRegularFileError(OSError):
    """The path names something other than a regular file (a FIFO, a device, a folder...)."""


def file_kind(mode: int) -> str:
    """Plain words for what a ``st_mode`` is, e.g. 'a named pipe (FIFO)'."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def refuse_special(path: Path) -> None:
    """Raise NotRegularFileError unless ``path`` is a regular file or absent (links followed)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError:
        return  # unreadable or a dangling link: the real operation reports it
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
    if not stat.S_ISREG(mode):
        raise NotRegularFileError(
            errno.EINVAL, f"this is {file_kind(mode)}, not a regular file", str(path)
        )


def short_temp_prefix(target: Path) -> str:
    """The hidden prefix of our temp files for ``target``: short even for a very long name."""
    name = target.name
    if len(name) <= LONG_NAME:
        return f".{name}."
    digest = hashlib.sha256(os.fsencode(name)).hexdigest()[:8]
    return f".{name[:24]}~{digest}."


def is_our_temp(entry_name: str, prefix: str) -> bool:
    """Whether ``entry_name`` is a temp file this module made with ``prefix``."""
    return entry_name.startswith(prefix) and bool(_TEMP_TAIL.fullmatch(entry_name[len(prefix) :]))


def remove_stale_temps(folder: Path, prefix: str, *, older_than: float = 0.0) -> None:
    """Remove our temp files with ``prefix`` (left by a killed write) at least this old (s)."""
    now = time.time()
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        if not is_our_temp(entry.name, prefix):
            continue
        try:
            if older_than and now - entry.lstat().st_mtime < older_than:
                continue  # maybe another export still writing it
            entry.unlink()
        except OSError:
            continue


def write_all(fd: int, data: bytes) -> None:
    """Write every byte (os.write may write less than asked)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op on Windows, where folders cannot be opened)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _open_temp(folder: Path, prefix: str, mode: int, target: Path) -> tuple[int, Path]:
    temp = folder / f"{prefix}{uuid4().hex[:12]}.tmp"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, mode)
    except OSError as exc:  # name the file the user asked for, not the temp file
        raise OSError(exc.errno, exc.strerror, str(target)) from exc
    if hasattr(os, "fchmod"):
        try:
            os.fchmod(fd, mode)  # exactly this mode, whatever the umask
        except BaseException:
            os.close(fd)
            temp.unlink(missing_ok=True)
            raise
    return fd, temp


def _fill(fd: int, temp: Path, content: bytes | Callable[[], bytes]) -> Path:
    """Write ``content`` into the open temp file, fsync and close it; remove it on any error."""
    try:
        try:
            write_all(fd, content() if callable(content) else content)
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def write_temp(folder: Path, data: bytes, prefix: str, mode: int = PRIVATE_MODE) -> Path:
    """Write ``data`` to a new temp file in ``folder`` and fsync it; nothing is left on error."""
    return _fill(*_open_temp(folder, prefix, mode, folder), data)


def commit(temp: Path, target: Path) -> None:
    """Atomically move a written temp file over ``target`` and fsync the folder."""
    try:
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(target)) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)


def _mode_for(path: Path, mode: int | None) -> int:
    """``mode`` if given; else an existing file's own mode (never widened), else private."""
    if mode is not None:
        return mode
    try:
        return stat.S_IMODE(os.stat(path).st_mode) & 0o777
    except OSError:
        return PRIVATE_MODE


def write_atomically(
    path: Path,
    content: bytes | Callable[[], bytes],
    *,
    mode: int | None = None,
    temp_prefix: str | None = None,
) -> None:
    """Replace ``path`` with ``content`` so that a crash leaves the old or the new file, whole.

    A symlink is written through: its target is replaced and the link stays a link. A FIFO, a
    device or a folder is refused (NotRegularFileError, an OSError). Without ``mode`` a new file
    is private (0600) and an existing file keeps its own mode. Temp files a killed write left
    beside the target are removed once they are a few minutes old.

    ``content`` may be a function: the temp file is created first, so an unwritable folder fails
    fast (an OSError naming ``path``) before any rendering work is done.
    """
    path = Path(path)
    if path.is_symlink():  # write through it: a link into a synced folder stays a link
        path = Path(os.path.realpath(path))
    refuse_special(path)
    prefix = temp_prefix or short_temp_prefix(path)
    if temp_prefix is None:  # the profile store cleans its own, under its lock
        remove_stale_temps(path.parent, prefix, older_than=STALE_AFTER)
    fd, temp = _open_temp(path.parent, prefix, _mode_for(path, mode), path)
    commit(_fill(fd, temp, content), path)
