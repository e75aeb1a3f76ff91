"""A cache of checked resource data (catalog, glossary, ...), keyed by the files' and code's hash.

Parsing and checking the YAML in resources/ costs tens of milliseconds at every start; the
result is pickled in the user cache folder (``$CODEPATH_HOME/cache`` when that is set) with a
key made of the resource files, the modules that check them and the versions involved. A file
with another key, a bad digest or anything but the expected type is ignored and replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.resources
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TypeVar

import pydantic

import planner
from planner.core import base, resource_files

T = TypeVar("T")

CACHE_ENV = "CODEPATH_HOME"  # storage.HOME_ENV: when set, the cache lives in its "cache" folder
_MAGIC = b"codepath-resource-cache 1\n"
_DIGEST_SIZE = 32


def cache_folder() -> Path:
    """``$CODEPATH_HOME/cache``, or the user cache folder."""
    home = os.environ.get(CACHE_ENV, "").strip()
    if home:
        return Path(home).expanduser() / "cache"
    import platformdirs

    return platformdirs.user_cache_path("codepath", appauthor=False)


def shipped_texts(names: Sequence[str]) -> list[bytes]:
    """The bytes of resource files shipped in the package (OSError when one cannot be read)."""
    folder = importlib.resources.files("planner.resources")
    return [folder.joinpath(name).read_bytes() for name in names]


def cache_key(texts: Sequence[bytes], modules: Sequence[ModuleType]) -> bytes:
    """What cached data was made from: the resource files and the code that checks them."""
    key = hashlib.sha256(_MAGIC)
    versions = (planner.__version__, pydantic.VERSION, sys.version, str(pickle.HIGHEST_PROTOCOL))
    key.update(repr(versions).encode())
    for module in (base, resource_files, *modules):
        try:
            key.update(Path(module.__file__ or "").read_bytes())
        except OSError:  # no source (a bundle): its version stands for it
            key.update(repr(module.__file__).encode())
    for text in texts:
        key.update(len(text).to_bytes(8, "big"))
        key.update(text)
    return key.digest()


def read_cached(path: Path, key: bytes, kind: type[T]) -> T | None:
    """The cached ``kind`` when ``path`` holds one made for ``key``, intact; None otherwise."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC)
    payload = data[head + 2 * _DIGEST_SIZE :]
    if (
        data[:head] != _MAGIC
        or data[head : head + _DIGEST_SIZE] != key
        or data[head + _DIGEST_SIZE : head + 2 * _DIGEST_SIZE] != hashlib.sha256(payload).digest()
    ):
        return None
    try:
        # the file is the user's own (their cache folder) and its digest matched
        value = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - any damage means: load from the YAML instead
        return None
    return value if isinstance(value, kind) else None


def write_cached(path: Path, key: bytes, value: object) -> bool:
    """Cache ``value`` for ``key`` (atomically); False when the folder cannot be written."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    data = _MAGIC + key + hashlib.sha256(payload).digest() + payload
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return False
    return True


def cached_resource(
    name: str,
    files: Sequence[str],
    modules: Sequence[ModuleType],
    load: Callable[[], T],
    kind: type[T],
    path: Path | None = None,
) -> T:
    """``load()``'s result from the cache when it matches ``files`` and ``modules``, else loaded
    and cached. A missing, stale or damaged cache is replaced; one that cannot be written is
    skipped. ``name`` names the cache file (``path`` overrides it)."""
    path = path if path is not None else cache_folder() / f"{name}.pickle"
    try:
        key = cache_key(shipped_texts(files), modules)
    except OSError:
        return load()  # reports the unreadable file
    value = read_cached(path, key, kind)
    if value is None:
        value = load()
        write_cached(path, key, value)
    return value
