"""Atomic file writing shared by the profile store and the exports (temp file, fsync, replace)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from uuid import uuid4

_O_BINARY: int = getattr(os, "O_BINARY", 0)


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


def write_temp(folder: Path, data: bytes, prefix: str, mode: int = 0o600) -> Path:
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


def write_atomically(
    path: Path,
    content: bytes | Callable[[], bytes],
    *,
    mode: int = 0o644,
    temp_prefix: str | None = None,
) -> None:
    """Replace ``path`` with ``content`` so that a crash leaves the old or the new file, whole.

    ``content`` may be a function: the temp file is created first, so an unwritable folder fails
    fast (an OSError naming ``path``) before any rendering work is done.
    """
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(21, "is a folder, not a file", str(path))
    fd, temp = _open_temp(path.parent, temp_prefix or f".{path.name}.", mode, path)
    commit(_fill(fd, temp, content), path)
