"""Safe profile storage: atomic saves, rotating backups beside the file, a lock, restore."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import platformdirs
from pydantic import ValidationError
from pydantic_core import PydanticSerializationError

from planner.core.attachments import (
    attachments_folder,
    back_up_attachments,
    restore_attachments,
)
from planner.core.chunked_json import profile_json
from planner.core.fileio import (
    commit,
    file_kind,
    is_our_temp,
    short_temp_prefix,
    write_atomically,
    write_temp,
)
from planner.core.profile import (
    Profile,
    ProfileCorruptError,
    ProfileError,
    ProfileLockedError,
    ProfileNotFoundError,
    ProfileTooNewError,
    ProfileUnknownDataError,
    ProfileWriteError,
    migrate,
    repair_duplicate_ids,
    repair_text,
)

__all__ = [
    "HOME_ENV",
    "PROFILE_FILE_NAME",
    "ProfileCorruptError",
    "ProfileError",
    "ProfileLockedError",
    "ProfileNotFoundError",
    "ProfileStore",
    "ProfileTooNewError",
    "ProfileUnknownDataError",
    "ProfileWriteError",
    "default_profile_path",
    "ensure_folder",
    "parse_profile",
    "parse_profile_repaired",
]

HOME_ENV = "CODEPATH_HOME"  # a folder; when set, the profile lives there instead of the data dir
PROFILE_FILE_NAME = "profile.json"
FILE_MODE = 0o600  # the profile holds personal data: owner read/write only
LOCK_POLL_FIRST = 0.002  # seconds between lock attempts at first ...
NOT_FOUND_HINT = (
    "no profile has been saved here yet "
    "(make one with 'codepath plan --profile FILE ...' or the app)"
)
LOCK_POLL_MAX = 0.025  # ... growing to this
MAX_PROFILE_BYTES = 64 * 1024 * 1024  # ten years of daily entries is about 0.3 MB

_O_BINARY: int = getattr(os, "O_BINARY", 0)


def default_profile_path() -> Path:
    """Where the app keeps the profile: ``$CODEPATH_HOME/profile.json`` or the user data folder.

    The folder is not created here; create it before the first save.
    """
    home = os.environ.get(HOME_ENV, "").strip()
    if home:
        return Path(home).expanduser() / PROFILE_FILE_NAME
    return platformdirs.user_data_path("codepath", appauthor=False) / PROFILE_FILE_NAME


def ensure_folder(folder: Path) -> None:
    """Create the profile's folder (private) if needed; ProfileWriteError in one line if not.

    Names ``CODEPATH_HOME`` when that is what points at a file instead of a folder.
    """
    folder = Path(folder)
    if folder.is_dir():
        return
    where = f"{HOME_ENV}={folder}" if os.environ.get(HOME_ENV, "").strip() else str(folder)
    if folder.exists() or folder.is_symlink():
        kind = "file" if folder.is_file() else "something that is not a folder"
        raise ProfileWriteError(None, f"{where} is a {kind}; the profile needs a folder there")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise ProfileWriteError(None, f"cannot create the folder {where} ({_reason(exc)})") from exc


# ---------------------------------------------------------------- parsing and checks


def _field(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(top level)"


def parse_profile(data: bytes, path: Path | None = None) -> Profile:
    """Parse, migrate and validate the bytes of a profile file (ProfileError on any problem)."""
    return parse_profile_repaired(data, path)[0]


def parse_profile_repaired(data: bytes, path: Path | None = None) -> tuple[Profile, list[str]]:
    """``parse_profile`` plus repairs: lone surrogates and duplicate entry ids are fixed.

    Returns the profile and one sentence per repair, for the caller to show; the file itself
    is not changed (the next save writes the repaired profile).
    """
    try:
        # Fast path for a current, valid file: pydantic parses the JSON itself (about 3x
        # quicker). Anything it refuses goes through the checked path below for the message.
        profile = Profile.model_validate_json(data)
    except (ValidationError, ValueError, RecursionError):
        pass
    else:
        return profile, repair_duplicate_ids(profile)
    try:
        raw = json.loads(data)
    except RecursionError as exc:
        raise ProfileCorruptError(path, "not valid JSON (nested too deeply)") from exc
    except UnicodeDecodeError as exc:
        raise ProfileCorruptError(
            path, f"not valid JSON (not UTF-8 text at byte {exc.start})"
        ) from exc
    except json.JSONDecodeError as exc:
        raise ProfileCorruptError(
            path,
            f"not valid JSON (line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg.removesuffix(' at')})",
        ) from exc
    except ValueError as exc:  # e.g. a number with too many digits
        raise ProfileCorruptError(path, f"not valid JSON ({exc})") from exc
    try:
        raw = migrate(raw)
    except ProfileError as exc:
        raise type(exc)(path, exc.problem) from exc
    try:
        raw, repairs = repair_text(raw)
        profile = Profile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        more = exc.error_count() - 1
        raise ProfileCorruptError(
            path,
            f"field '{_field(first['loc'])}': {first['msg']}"
            + (f" ({more} more problem{'s' if more > 1 else ''})" if more else ""),
        ) from exc
    except RecursionError as exc:
        raise ProfileCorruptError(path, "the data is nested too deeply") from exc
    return profile, repairs + repair_duplicate_ids(profile)


def _add_sentence(error: ProfileError, sentence: str) -> None:
    problem = error.problem.rstrip()
    error.problem = f"{problem if problem.endswith('.') else problem + '.'} {sentence}"
    error.args = (error.path, error.problem)


# ---------------------------------------------------------------- low-level file helpers


def _reason(exc: OSError) -> str:
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the disk or folder is read-only",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENOENT: "the folder does not exist",
        errno.EDQUOT: "the disk quota is used up",
        errno.EIO: "input/output error (failing disk or removed drive?)",
    }
    return reasons.get(exc.errno or 0, exc.strerror or repr(exc))


def _atomic_write(target: Path, data: bytes, temp_prefix: str) -> None:
    """Write ``data`` to ``target`` via a 0600 temp file, fsync, replace; OSError leaves no temp."""
    write_atomically(target, data, mode=FILE_MODE, temp_prefix=temp_prefix)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


# ---------------------------------------------------------------- the store


class ProfileStore:
    """Loads and saves one profile file safely.

    Files beside the profile ``<name>`` (e.g. ``profile.json``):

    - ``<name>.bak1`` … ``<name>.bak<keep_backups>``: copies of earlier good saves, newest first;
      a file is backed up only if it loads, so a corrupt file never pushes out good backups;
    - ``<name>.bad-<n>``: an unreadable file that a save or ``restore()`` replaced, numbered
      1, 2, … so nothing is ever lost; ``<name>.before-restore-<n>``: a good file that
      ``restore()`` replaced;
    - ``<name>.lock``: the lock file (never deleted); ``.<name>.*.tmp``: temp files of a save
      in progress (a shortened name for long file names), removed by the next save if a crash
      left one behind.

    A symlinked path is resolved once: the real file is saved, locked and backed up, and the
    link stays a link. Anything at the path that is not a regular file (a FIFO, a device, a
    folder) is refused with one line; nothing is read without a size limit.
    """

    def __init__(
        self,
        path: Path,
        *,
        keep_backups: int = 5,
        lock_timeout: float = 5.0,
        on_wait: Callable[[], None] | None = None,
        on_repair: Callable[[str], None] | None = None,
    ) -> None:
        if keep_backups < 0:
            raise ValueError("keep_backups must not be negative")
        if lock_timeout < 0:
            raise ValueError("lock_timeout must not be negative")
        self.given_path = Path(path)
        self.path = self._real(self.given_path)
        self.keep_backups = keep_backups
        self.lock_timeout = lock_timeout
        self.on_wait = on_wait  # called once when the lock is busy and we start waiting
        self.on_repair = on_repair  # called with each sentence on what a load repaired
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._thread_lock = threading.RLock()
        self._lock_depth = 0
        self._lock_fd: int | None = None
        self._good: bytes | None = None  # bytes last loaded or saved here: known to load
        self._last_saved: bytes | None = None  # bytes last saved here
        self.repairs: tuple[str, ...] = ()  # what the last load() repaired, to tell the user
        self.last_kept: Path | None = None  # where the last restore() kept the replaced file
        self.restored_files: tuple[str, ...] = ()  # attached files the last restore() brought back

    @staticmethod
    def _real(path: Path) -> Path:
        """The file a symlink (or a chain of them) points at; other paths as given."""
        if path.is_symlink():
            return Path(os.path.realpath(path))
        if not path.name:  # "." or "/": name the folder itself, so messages and lock are sane
            return Path(os.path.abspath(path))
        return path

    def __repr__(self) -> str:
        return f"ProfileStore({str(self.path)!r})"

    # ------------------------------------------------------------ reading

    def exists(self) -> bool:
        """Whether anything is at the path (it may still fail to load, e.g. a folder or a FIFO)."""
        return os.path.lexists(self.path)

    def _read(self, path: Path | None = None) -> bytes | None:
        """The bytes of a regular file, or None when absent; OSError otherwise.

        Never blocks on a FIFO and never reads more than MAX_PROFILE_BYTES (+1 to notice).
        """
        path = self.path if path is None else path
        flags = os.O_RDONLY | _O_BINARY | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(path, flags)
        except FileNotFoundError:
            return None
        try:
            mode = os.fstat(fd).st_mode
            if not stat.S_ISREG(mode):
                raise _NotAProfile(
                    errno.EISDIR if stat.S_ISDIR(mode) else errno.EINVAL,
                    f"this is {file_kind(mode)}, not a profile file",
                    str(path),
                )
            chunks: list[bytes] = []
            size = 0
            while size <= MAX_PROFILE_BYTES:
                chunk = os.read(fd, min(1 << 20, MAX_PROFILE_BYTES + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            if size > MAX_PROFILE_BYTES:
                raise _NotAProfile(
                    errno.EFBIG,
                    f"the file is larger than {MAX_PROFILE_BYTES // (1024 * 1024)} MB, "
                    "too large to be a profile",
                    str(path),
                )
            return b"".join(chunks)
        finally:
            os.close(fd)

    def load(self) -> Profile:
        """Read, migrate and validate the profile; the file is never changed, even when bad.

        Whether the profile fits the career data is the core's one rule, ``state.check_usable``.
        """
        try:
            data = self._read()
        except _NotAProfile as exc:
            raise ProfileCorruptError(self.path, exc.strerror or "not a profile file") from exc
        except IsADirectoryError as exc:
            raise ProfileCorruptError(self.path, "this is a folder, not a profile file") from exc
        except OSError as exc:
            raise ProfileError(self.path, f"cannot read the file ({_reason(exc)})") from exc
        if data is None:
            raise ProfileNotFoundError(self.path, NOT_FOUND_HINT)
        try:
            profile, repairs = parse_profile_repaired(data, self.path)
        except (ProfileCorruptError, ProfileTooNewError) as exc:
            _add_sentence(exc, self.backup_hint())
            raise
        self.repairs = tuple(repairs)
        self._good = None if repairs else data
        if self.on_repair is not None:
            for message in repairs:
                self.on_repair(message)
        return profile

    def holds_last_known(self) -> bool:
        """Whether the file holds exactly the bytes last loaded or saved here (a cheap check:
        nothing is parsed; False when unknown or unreadable)."""
        known = self._good
        if known is None:
            return False
        try:
            return self._read() == known
        except OSError:
            return False

    def backups(self) -> list[Path]:
        """Backup files beside the profile, newest first."""
        pattern = re.compile(re.escape(self.path.name) + r"\.bak([1-9][0-9]*)")
        found: list[tuple[int, Path]] = []
        try:
            entries = list(self.path.parent.iterdir())
        except OSError:
            return []
        for entry in entries:
            match = pattern.fullmatch(entry.name)
            if match and entry.is_file():
                found.append((int(match.group(1)), entry))
        return [path for _, path in sorted(found)]

    def newest_good_backup(self) -> Path | None:
        """The newest backup that loads, or None."""
        return next((b for b in self.backups() if _loads(b)), None)

    def backup_hint(self) -> str:
        """One sentence on the newest backup that loads and how to restore it."""
        backup = self.newest_good_backup()
        if backup is None:
            return "No backup that can be restored was found."
        try:
            stamp = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        except (OSError, ValueError, OverflowError):
            stamp = "an earlier save"
        return (
            f"A backup from {stamp} is at {backup}; "
            f"restore it with: codepath restore --profile {self.path}"
        )

    # ------------------------------------------------------------ locking

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the profile's lock (re-entrant within this store); ProfileLockedError on timeout."""
        with self._thread_lock:
            if self._lock_depth == 0:
                self._lock_fd = self._acquire()
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
                if self._lock_depth == 0 and self._lock_fd is not None:
                    fd, self._lock_fd = self._lock_fd, None
                    try:
                        _unlock(fd)
                    finally:
                        os.close(fd)

    def _acquire(self) -> int:
        try:
            mode = os.stat(self.path).st_mode
        except OSError:
            mode = stat.S_IFREG
        if not stat.S_ISREG(mode):  # no lock file beside a folder, FIFO or device
            raise ProfileCorruptError(self.path, f"this is {file_kind(mode)}, not a profile file")
        if not self.path.parent.is_dir():
            raise ProfileWriteError(
                self.path, f"cannot save: the folder {self.path.parent} does not exist"
            )
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | _O_BINARY, FILE_MODE)
        except OSError as exc:
            raise ProfileWriteError(
                self.path, f"cannot create the lock file {self.lock_path} ({_reason(exc)})"
            ) from exc
        try:
            deadline = time.monotonic() + self.lock_timeout  # elapsed time only, not a date
            pause = LOCK_POLL_FIRST
            told = False
            while not _try_lock(fd):
                if not told and self.on_wait is not None and pause >= LOCK_POLL_MAX:
                    self.on_wait()  # only after a short moment: brief contention stays quiet
                    told = True
                if time.monotonic() >= deadline:
                    raise ProfileLockedError(
                        self.path,
                        "another Coding Path Planner window or command is saving this profile; "
                        f"try again (waited {self.lock_timeout:g} s for {self.lock_path.name})",
                    )
                time.sleep(pause)
                pause = min(pause * 2, LOCK_POLL_MAX)
        except BaseException:
            os.close(fd)
            raise
        return fd

    # ------------------------------------------------------------ writing

    def save(self, profile: Profile, *, in_pieces: bool = False) -> None:
        """Atomically replace the profile, first rotating the current good file into backups.

        ProfileWriteError on any OS error (the old file and backups are then intact);
        ProfileError if the profile object itself is invalid (it is never written).
        ``in_pieces``: made and checked entry by entry (the same bytes), so that a worker
        thread writing a long profile never holds Python's lock for long.
        """
        try:
            if in_pieces:
                text = profile_json(profile, check=parse_profile)
            else:
                text = profile.model_dump_json(indent=2)
            data = (text + "\n").encode("utf-8")
        except (PydanticSerializationError, UnicodeError, ValueError) as exc:
            if isinstance(exc, ValidationError):
                raise ProfileError(self.path, f"refusing to save: {exc}") from exc
            raise ProfileError(
                self.path,
                "refusing to save: some text is not valid Unicode "
                f"(a lone surrogate?): {str(exc).splitlines()[0]}",
            ) from exc
        except ProfileError as exc:
            raise ProfileError(self.path, f"refusing to save: {exc.problem}") from exc
        if not in_pieces:
            try:
                parse_profile(data)  # write only what loads again
            except ProfileError as exc:
                raise ProfileError(self.path, f"refusing to save: {exc.problem}") from exc
        with self.lock():
            self._write_locked(data)
            self._back_up_attachments()

    def _back_up_attachments(self) -> None:
        """Copy newly attached files into ``<name>.files.bak`` (a failure never fails the save)."""
        # the files themselves are safe beside the profile; the next save tries again
        with contextlib.suppress(OSError):
            back_up_attachments(self.path)

    def holds_last_saved(self) -> bool:
        """Whether the file holds exactly the bytes this store saved last (nothing parsed)."""
        saved = self._last_saved
        return saved is not None and self.holds_profile_bytes(saved)

    def holds_profile_bytes(self, data: bytes) -> bool:
        """Whether the file holds exactly ``data``, the file text of a valid profile (the
        caller made it so); then it counts as known to load, and is not parsed again."""
        try:
            same = self._read() == data
        except OSError:
            return False
        if same:
            self._good = data
        return same

    def _write_locked(self, data: bytes) -> None:
        """Write the new file first; only once it is safely on disk are the backups rotated.

        A failed save (a full disk) therefore changes nothing: no backup is dropped, and no
        copy identical to ``.bak1`` is ever rotated in.
        """
        try:
            self._remove_stale_temps()
            current = self._read()
            if current == data:
                self._good = self._last_saved = data
                return
            new = write_temp(self.path.parent, data, self._temp_prefix, FILE_MODE)
            try:
                if current is not None:
                    if current == self._good or _parses(current):
                        self._rotate(current)
                    else:
                        self._keep_copy(current, "bad")
            except BaseException:
                new.unlink(missing_ok=True)
                raise
            commit(new, self.path)
        except OSError as exc:
            raise ProfileWriteError(self.path, f"cannot save ({_reason(exc)})") from exc
        self._good = self._last_saved = data

    @property
    def _temp_prefix(self) -> str:
        return short_temp_prefix(self.path)

    def _remove_stale_temps(self) -> None:
        """Remove temp files a killed save left behind (only lock holders write them)."""
        prefix = self._temp_prefix
        for entry in self.path.parent.iterdir():
            if is_our_temp(entry.name, prefix):
                entry.unlink(missing_ok=True)

    def _rotate(self, current: bytes) -> None:
        """Shift the backups and put ``current`` in as ``.bak1`` (not if ``.bak1`` holds it)."""
        if self.keep_backups == 0:
            return
        name = self.path.name
        newest = self.path.with_name(f"{name}.bak1")
        try:
            if self._read(newest) == current:
                return
        except OSError:
            pass  # an unreadable .bak1 is shifted away like any other
        temp = write_temp(
            self.path.parent, current, self._temp_prefix, FILE_MODE
        )  # before moving any
        try:
            for old in self.backups():  # those that would pass the cap after the shift
                if int(old.name.rpartition(".bak")[2]) >= self.keep_backups:
                    old.unlink()
            for number in range(self.keep_backups - 1, 0, -1):
                older = self.path.with_name(f"{name}.bak{number}")
                if older.exists():
                    os.replace(older, self.path.with_name(f"{name}.bak{number + 1}"))
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        commit(temp, newest)

    def _keep_copy(self, current: bytes, label: str) -> Path:
        """Keep ``current`` as ``<name>.<label>-<n>`` with the next free number."""
        pattern = re.compile(re.escape(f"{self.path.name}.{label}-") + r"([0-9]+)")
        numbers = [
            int(m.group(1)) for e in self.path.parent.iterdir() if (m := pattern.fullmatch(e.name))
        ]
        kept = self.path.with_name(f"{self.path.name}.{label}-{max(numbers, default=0) + 1}")
        _atomic_write(kept, current, self._temp_prefix)
        return kept

    def _keep_bad(self, current: bytes) -> Path:
        return self._keep_copy(current, "bad")

    @contextmanager
    def update(
        self,
        default: Callable[[], Profile] | None = None,
    ) -> Iterator[Profile]:
        """Lock, load (or ``default()`` when there is no file yet), yield, save on normal exit.

        The lock is held throughout, so read-modify-write from several processes loses nothing;
        if the body raises, nothing is saved. The lock is always released.
        """
        with self.lock():
            try:
                profile = self.load()
            except ProfileNotFoundError:
                if default is None:
                    raise
                profile = default()
            yield profile
            self.save(profile)

    def current_loads(self) -> bool:
        """Whether the file at the path is there and loads (catalog ids are not checked)."""
        try:
            data = self._read()
        except OSError:
            return False
        return data is not None and _parses(data)

    def restore(self, backup: Path | None = None) -> Path:
        """Copy a backup (default: the newest that loads) over the profile and return it.

        The file being replaced is first kept, named for what it is: ``<name>.bad-<n>`` when it
        does not load, ``<name>.before-restore-<n>`` when it does (``last_kept`` says where).
        Callers should ask before restoring over a file that loads (see ``current_loads``).
        ProfileError if there is no backup that loads (or the given one does not load).
        """
        self.last_kept = None
        self.restored_files = ()
        with self.lock():
            if backup is None:
                backup = self.newest_good_backup()
                if backup is None:
                    raise ProfileError(
                        self.path, "cannot restore: no backup that loads was found beside it"
                    )
            try:
                data = self._read(backup)
                if data is None:
                    raise FileNotFoundError(errno.ENOENT, "no such file", str(backup))
            except OSError as exc:
                raise ProfileError(
                    self.path, f"cannot restore: cannot read {backup} ({_reason(exc)})"
                ) from exc
            try:
                restored = parse_profile(data, backup)
            except ProfileError as exc:
                raise ProfileError(self.path, f"cannot restore from {exc}") from exc
            try:
                current = self._read()
                if current is not None and current != data:
                    label = "before-restore" if _parses(current) else "bad"
                    self.last_kept = self._keep_copy(current, label)
                _atomic_write(self.path, data, self._temp_prefix)
            except OSError as exc:
                raise ProfileWriteError(self.path, f"cannot restore ({_reason(exc)})") from exc
            evidence = restored.apprentice
            if evidence is not None and evidence.files:
                names = [f.name for f in evidence.files]
                # the files it names, from the attachments' backup; a failure leaves the
                # profile restored and the file shown as missing
                with contextlib.suppress(OSError):
                    self.restored_files = tuple(restore_attachments(self.path, names))
            return backup

    def owns(self, other: Path) -> bool:
        """Whether ``other`` is this profile or one of its files (backups, lock, kept copies).

        Exports refuse to write there: a PDF saved over the profile would destroy it.
        """
        try:
            target = Path(other).expanduser().resolve()
            mine = self.path.expanduser().resolve()
        except OSError:
            return False
        if attachments_folder(mine) in target.parents:
            return True  # an attached file
        return target.parent == mine.parent and (
            target.name == mine.name or target.name.startswith(mine.name + ".")
        )

    def save_merged(self, profile: Profile, base: Profile | None) -> Profile:
        """Save ``profile``, merging in what others saved since ``base`` was read; returns it.

        ``base`` is the profile as this program last loaded or saved it. If the file now holds
        something else (a ``codepath log`` ran while the app was open), both sides' changes are
        merged (planner.core.merge) instead of the last writer winning.
        """
        from planner.core.merge import merge_profiles

        with self.lock():
            merged = profile
            if base is not None:
                try:
                    theirs = self.load()
                except ProfileError:
                    theirs = None  # missing or unreadable: save() keeps a bad file aside
                if theirs is not None and theirs != base:
                    merged = merge_profiles(base, profile, theirs)
            self.save(merged)
            return merged

    def set_aside(self) -> Path | None:
        """Keep the current file as ``<name>.bad-<n>`` and remove it, so a new profile can start.

        Returns the kept copy, or None when there is no file. ProfileWriteError on OS errors
        (the file is then still in place).
        """
        with self.lock():
            try:
                data = self._read()
            except OSError as exc:
                raise ProfileWriteError(
                    self.path, f"cannot read the file ({_reason(exc)})"
                ) from exc
            if data is None:
                return None
            try:
                kept = self._keep_bad(data)
                self.path.unlink()
            except OSError as exc:
                raise ProfileWriteError(
                    self.path, f"cannot set the file aside ({_reason(exc)})"
                ) from exc
            self._good = None
            return kept


def _parses(data: bytes) -> bool:
    try:
        parse_profile(data)
    except ProfileError:
        return False
    return True


def _loads(path: Path) -> bool:
    try:
        if not path.is_file():
            return False
        return _parses(path.read_bytes())
    except OSError:
        return False


class _NotAProfile(OSError):
    """The path holds something that cannot be a profile (a FIFO, a device, a huge file)."""
