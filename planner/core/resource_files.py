"""Reading a YAML file of resources/ (or of a given folder) with one-line errors naming the file."""

from __future__ import annotations

import functools
import importlib.resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

ModelT = TypeVar("ModelT", bound=BaseModel)


def file_label(name: str, folder: Path | None) -> str:
    """How messages name the file: ``resources/NAME`` when packaged, else its path."""
    return f"resources/{name}" if folder is None else str(folder / name)


@functools.cache
def _packaged_text(name: str) -> str:
    return importlib.resources.files("planner.resources").joinpath(name).read_text("utf-8")


def read_yaml(
    name: str,
    folder: Path | None,
    error: type[Exception],
    *,
    yaml_problem: str = "not valid YAML",
) -> tuple[str, Any]:
    """The file's label and plain data; ``error('LABEL: ...')`` when it cannot be read or parsed.

    ``folder`` None reads the file shipped in the package. ``yaml_problem`` begins the message
    of a YAML syntax error.
    """
    label = file_label(name, folder)
    try:
        text = _packaged_text(name) if folder is None else (folder / name).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{label}: cannot read the file ({exc})") from exc
    import yaml  # here, not at start-up: shipped data mostly comes from the resource cache

    # libyaml's safe loader when PyYAML has it (about 9x faster), else the pure-Python one:
    # both only build plain data (the same as yaml.safe_load).
    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return label, yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise error(f"{label}: {yaml_problem} ({exc})") from exc


def read_model(
    name: str,
    folder: Path | None,
    model: type[ModelT],
    error: type[Exception],
    *,
    yaml_problem: str = "not valid YAML",
) -> tuple[str, ModelT]:
    """The file's label and its data checked as ``model``; ``error`` names the first problem."""
    label, raw = read_yaml(name, folder, error, yaml_problem=yaml_problem)
    try:
        return label, model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise error(f"{label}: {first['loc']}: {first['msg']}") from exc


def top_list(label: str, raw: Any, key: str, error: type[Exception]) -> list[Any]:
    """The list under ``key`` of a file's top mapping; ``error`` when there is none."""
    if not isinstance(raw, dict) or not isinstance(raw.get(key), list):
        raise error(f"{label}: expected a mapping with a '{key}' list at the top")
    entries: list[Any] = raw[key]
    return entries


def entry_model(
    label: str,
    item: Any,
    index: int,
    model: type[ModelT],
    error: type[Exception],
    *,
    name_field: str,
    kind: str,
) -> ModelT:
    """One list entry checked as ``model``; the error names it by ``name_field`` (or its index)."""
    try:
        return model.model_validate(item)
    except ValidationError as exc:
        name = item.get(name_field, f"#{index}") if isinstance(item, dict) else f"#{index}"
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(entry)"
        raise error(f"{label}: {kind} '{name}', field '{where}': {first['msg']}") from exc
