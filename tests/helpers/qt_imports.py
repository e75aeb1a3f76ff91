"""Which test files need Qt, read from their imports and from those of our own modules they load.

The ``gui`` marker is set from this, so it follows what a test imports rather than its folder.
Only files of this repository (``planner/`` and ``tests/``) are followed; a module under one of
the Qt names below counts as Qt.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
QT_MODULES = ("PySide6", "shiboken6", "pytestqt", "planner.gui", "matplotlib.backends.backend_qt")


def is_qt_module(name: str) -> bool:
    return any(name == qt or name.startswith(qt + ".") for qt in QT_MODULES)


def _module_file(parts: list[str], folders: list[Path]) -> Path | None:
    for folder in folders:
        base = folder.joinpath(*parts)
        for candidate in (base.with_suffix(".py"), base / "__init__.py"):
            if candidate.is_file():
                return candidate
    return None


def _import_nodes(tree: ast.Module, deep: bool) -> Iterator[ast.Import | ast.ImportFrom]:
    """Import statements: all of them (deep), or those that run on import of the module."""
    if deep:
        yield from (n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom))
        return
    todo: list[ast.stmt] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and "TYPE_CHECKING" not in ast.unparse(node.test):
            todo += node.body + node.orelse
        elif isinstance(node, ast.Try):
            todo += node.body + node.orelse + node.finalbody
            todo += [stmt for handler in node.handlers for stmt in handler.body]


@functools.cache
def _imports(path: Path, deep: bool) -> tuple[bool, frozenset[Path]]:
    """Whether the file imports Qt itself, and which of our own files it imports."""
    qt = False
    files: set[Path] = set()

    def add(module: str, folders: list[Path]) -> None:
        nonlocal qt
        qt = qt or is_qt_module(module)
        found = _module_file(module.split("."), folders) if module else None
        if found is not None:
            files.add(found)

    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in _import_nodes(tree, deep):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name, [ROOT, path.parent, TESTS])
        else:
            # relative imports from the importing file's folder; otherwise planner from the
            # checkout, and test helpers from the test's folder or tests/ (both on sys.path)
            folders = [path.parents[node.level - 1]] if node.level else [ROOT, path.parent, TESTS]
            module = node.module or ""
            add(module, folders)
            for alias in node.names:  # `from package import module`
                add(f"{module}.{alias.name}" if module else alias.name, folders)
    return qt, frozenset(files)


def imports_qt(path: Path) -> bool:
    """True when the file imports Qt anywhere in it, or loads one of our modules that does.

    A module it imports counts by what importing it runs (its module-level imports, followed
    transitively), not by imports inside its functions: those load Qt only when called.
    """
    start = path.resolve()
    seen: set[Path] = set()
    todo = [start]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        qt, files = _imports(current, deep=current == start)
        if qt:
            return True
        todo.extend(files)
    return False


def needs_qt(path: Path) -> bool:
    """True when pytest imports Qt to run this file's tests: the file or a conftest above it."""
    path = path.resolve()
    conftests = [
        folder / "conftest.py"
        for folder in path.parents
        if folder.is_relative_to(TESTS) and (folder / "conftest.py").is_file()
    ]
    return any(imports_qt(file) for file in [path, *conftests])
