"""Helpers shared by the packaging tests and their conftest (a name of its own, not `conftest`)."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
APP_ID = "org.codepathplanner.Planner"
REQUIRED = os.environ.get("CODEPATH_PACKAGING_TEST") == "1"


def load_packaging_module(relative: str, name: str) -> ModuleType:
    """Import a script from packaging/ by path (the folder name shadows the `packaging` lib)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / relative)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def skip_or_fail(reason: str) -> None:
    """Skip with the reason, or fail when the packaging test was asked for explicitly."""
    if REQUIRED:
        pytest.fail(f"CODEPATH_PACKAGING_TEST=1, but {reason}")
    pytest.skip(reason)


def require_tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        skip_or_fail(f"`{name}` is not installed (Debian package {package})")
    assert path is not None
    return path


def project_version() -> str:
    text = (ROOT / "planner" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    assert match, "no __version__ in planner/__init__.py"
    return match.group(1)
