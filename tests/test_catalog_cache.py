"""The parsed catalog is cached by the resources' hash; a stale or damaged cache is replaced."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import pytest

from planner.core import catalog as catalog_module
from planner.core import glossary, realities, resource_cache
from planner.core.catalog import (
    CATALOG_FILES,
    Catalog,
    cache_path,
    cached_catalog,
    catalog_key,
    load_catalog,
)
from planner.core.resource_cache import cached_resource, read_cached, shipped_texts, write_cached


@pytest.fixture
def yaml_loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the loads from the YAML files."""
    counted: list[int] = []
    original = catalog_module.load_catalog

    def counting(folder: Path | None = None) -> Catalog:
        counted.append(1)
        return original(folder)

    monkeypatch.setattr(catalog_module, "load_catalog", counting)
    return counted


def shipped_key() -> bytes:
    return catalog_key(shipped_texts(CATALOG_FILES))


def test_the_first_load_writes_the_cache_and_the_next_reads_it(
    tmp_path: Path, yaml_loads: list[int]
) -> None:
    path = tmp_path / "cache" / "catalog.pickle"
    first = cached_catalog(path)
    assert path.is_file() and len(yaml_loads) == 1
    second = cached_catalog(path)
    assert len(yaml_loads) == 1  # from the cache
    assert second == first == load_catalog()
    assert second.targets() == first.targets()
    assert second.salary.median == first.salary.median


def test_the_cache_lives_in_the_codepath_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CODEPATH_HOME", str(tmp_path))
    assert cache_path() == tmp_path / "cache" / "catalog.pickle"


def test_the_key_follows_every_resource_file() -> None:
    texts = shipped_texts(CATALOG_FILES)
    assert len(texts) == len(CATALOG_FILES)
    keys = {catalog_key(texts)}
    for index in range(len(texts)):
        changed = list(texts)
        changed[index] += b"\n# one more line\n"
        keys.add(catalog_key(changed))
    assert len(keys) == len(texts) + 1
    assert catalog_key(texts) == catalog_key(list(texts))  # the same files, the same key


def test_a_cache_made_from_other_resources_is_replaced(
    tmp_path: Path, yaml_loads: list[int], catalog: Catalog
) -> None:
    path = tmp_path / "catalog.pickle"
    stale = catalog.model_copy(update={"bodies": {}})
    assert write_cached(path, hashlib.sha256(b"older resources").digest(), stale)
    loaded = cached_catalog(path)
    assert len(yaml_loads) == 1 and loaded == catalog and loaded.bodies
    assert read_cached(path, shipped_key(), Catalog) == catalog  # rewritten for these resources


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="cut short"),
        pytest.param(lambda data: data[:-10] + bytes(10), id="payload zeroed"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: b"not a cache at all" * 100, id="other data"),
        pytest.param(lambda data: data.replace(b"codepath", b"CODEPATH", 1), id="bad magic"),
    ],
)
def test_a_damaged_cache_is_replaced(
    tmp_path: Path, yaml_loads: list[int], catalog: Catalog, damage: object
) -> None:
    path = tmp_path / "catalog.pickle"
    cached_catalog(path)
    assert callable(damage)
    path.write_bytes(damage(path.read_bytes()))
    assert read_cached(path, shipped_key(), Catalog) is None
    assert cached_catalog(path) == catalog
    assert len(yaml_loads) == 2
    assert read_cached(path, shipped_key(), Catalog) == catalog


def test_a_cache_holding_something_else_is_not_used(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "catalog.pickle"
    key = shipped_key()
    payload = pickle.dumps({"certifications": {}})
    magic = resource_cache._MAGIC
    path.write_bytes(magic + key + hashlib.sha256(payload).digest() + payload)
    assert read_cached(path, key, Catalog) is None
    assert cached_catalog(path) == catalog


def test_an_unwritable_cache_folder_still_gives_the_catalog(
    tmp_path: Path, yaml_loads: list[int], catalog: Catalog
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    path = blocker / "cache" / "catalog.pickle"
    assert cached_catalog(path) == catalog
    assert cached_catalog(path) == catalog
    assert len(yaml_loads) == 2
    assert not list(tmp_path.glob("**/*.tmp"))


@pytest.mark.parametrize(
    ("name", "files", "module", "load"),
    [
        ("glossary", (glossary.GLOSSARY_FILE,), glossary, glossary.load_glossary),
        ("realities", (realities.REALITIES_FILE,), realities, realities.load_realities),
    ],
)
def test_the_glossary_and_the_realities_are_cached_too(
    tmp_path: Path, name: str, files: tuple[str], module: object, load: object
) -> None:
    assert callable(load)
    kind = type(load())
    path = tmp_path / f"{name}.pickle"
    first = cached_resource(name, files, [module], load, kind, path)  # type: ignore[list-item]
    assert path.is_file()

    def refuse() -> object:
        raise AssertionError("loaded from the YAML although the cache is valid")

    second = cached_resource(name, files, [module], refuse, kind, path)  # type: ignore[list-item]
    assert second == first == load()
    path.write_bytes(path.read_bytes()[:-5])  # damaged: loaded again
    assert cached_resource(name, files, [module], load, kind, path) == first  # type: ignore[list-item]


def test_the_cache_files_are_made_in_the_codepath_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CODEPATH_HOME", str(tmp_path))
    # what the once-per-process defaults run (their process-wide results stay as they are)
    catalog_module.default_catalog.__wrapped__()
    glossary.default_glossary.__wrapped__()
    realities.default_realities.__wrapped__()
    names = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert names == ["catalog.pickle", "glossary.pickle", "realities.pickle"]
