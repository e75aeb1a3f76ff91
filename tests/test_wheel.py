"""The built wheel carries the career data: it loads outside the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_finds_resources(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("codepath_planner-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for data in (
        "certifications.yaml",
        "specialties.yaml",
        "salaries.yaml",
        "training.yaml",
        "apprentice.yaml",
        "glossary.yaml",
        "realities.yaml",
        "profile.schema.json",
    ):
        assert f"planner/resources/{data}" in names
    site = tmp_path / "site"
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(site),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr
    code = (
        "import planner, planner.core.catalog as c, planner.core.glossary as g, "
        "planner.core.realities as r; print(planner.__file__); "
        "print(len(c.load_catalog().certifications)); print(len(g.load_glossary().entries)); "
        "print(len(r.load_realities().items))"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    location, count, terms, realities = result.stdout.split()
    assert Path(location).is_relative_to(site), location
    assert int(count) >= 3
    assert int(terms) >= 28 and int(realities) >= 5  # found from the installed wheel too
