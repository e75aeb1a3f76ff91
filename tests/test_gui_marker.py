"""The `gui` marker follows imports: `pytest -m "not gui"` runs only tests that never load Qt."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers.qt_imports import imports_qt

ROOT = Path(__file__).resolve().parents[1]

# Imports each file given, with the conftest files pytest would load for it, in one clean
# interpreter in which importing Qt (or pytest-qt) fails; prints the files that tried to.
IMPORT_WITHOUT_QT = textwrap.dedent(
    """
    import importlib.abc, importlib.util, sys
    from pathlib import Path

    class NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6", "pytestqt"):
                raise ImportError(f"{name} is imported")
            return None

    sys.meta_path.insert(0, NoQt())
    tests = Path("tests").resolve()
    for number, name in enumerate(sys.argv[1:]):
        path = Path(name).resolve()
        folders = [p for p in reversed(path.parents) if p.is_relative_to(tests)]
        sys.path[:0] = [str(folder) for folder in reversed(folders)]
        conftests = [f / "conftest.py" for f in folders if (f / "conftest.py").is_file()]
        for file in [*conftests, path]:
            spec = importlib.util.spec_from_file_location(f"checked{number}_{file.stem}", file)
            try:
                spec.loader.exec_module(importlib.util.module_from_spec(spec))
            except ImportError as error:
                print(f"{name}: {error}")
    assert not [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))]
    """
)


@pytest.mark.slow
def test_tests_not_marked_gui_import_no_qt() -> None:
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-m", "not gui", "tests"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    files = sorted({line.split("::")[0] for line in collected.stdout.splitlines() if "::" in line})
    assert "tests/test_plan_rules.py" in files and "tests/test_cli_fuzz.py" in files
    assert not [name for name in files if name.startswith("tests/gui/")]
    checked = subprocess.run(
        [sys.executable, "-c", IMPORT_WITHOUT_QT, *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout == "", f"not marked gui, but import Qt:\n{checked.stdout}"


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_qt_found_through_our_own_modules(tmp_path: Path) -> None:
    write(tmp_path / "qt_helper.py", "from PySide6.QtCore import QTimer\n")
    write(tmp_path / "lazy_helper.py", "def show():\n    from planner.gui import app\n")
    write(tmp_path / "typed_helper.py", "if TYPE_CHECKING:\n    import planner.gui.app\n")
    uses_helper = write(tmp_path / "test_a.py", "from qt_helper import QTimer\n")
    uses_lazy = write(tmp_path / "test_b.py", "import lazy_helper\nimport typed_helper\n")
    imports_in_test = write(tmp_path / "test_c.py", "def test_x():\n    import pytestqt\n")
    via_planner = write(tmp_path / "test_d.py", "from planner.gui import controller\n")
    headless = write(tmp_path / "test_e.py", "from planner.core import plan\nimport os\n")
    assert imports_qt(uses_helper)
    assert not imports_qt(uses_lazy)  # Qt loads only when show() runs
    assert imports_qt(imports_in_test)  # a test's own imports count wherever they are
    assert imports_qt(via_planner)
    assert not imports_qt(headless)
