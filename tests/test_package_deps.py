"""`make package` checks its Debian build dependencies first and names the missing ones."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "packaging" / "linux" / "check_build_deps.sh"
LIST = ROOT / "packaging" / "linux" / "build-deps.txt"
BASH = shutil.which("bash") or "/bin/bash"


def _packages() -> list[str]:
    lines = LIST.read_text(encoding="utf-8").splitlines()
    return [line.split()[0] for line in lines if line.strip() and not line.startswith("#")]


def _run(tmp_path: Path, installed: set[str], **env: str) -> subprocess.CompletedProcess[str]:
    """The check with a stand-in dpkg-query that knows ``installed``."""
    fake = tmp_path / "bin"
    fake.mkdir(exist_ok=True)
    query = fake / "dpkg-query"
    cases = "\n".join(f"    {name}) echo installed ;;" for name in sorted(installed))
    query.write_text(
        f'#!/bin/sh\nfor last; do :; done\ncase "$last" in\n{cases}\n    *) exit 1 ;;\nesac\n',
        encoding="utf-8",
    )
    query.chmod(0o755)
    path = f"{fake}:/usr/bin:/bin"
    return subprocess.run(
        [BASH, str(SCRIPT)],
        capture_output=True,
        text=True,
        env={"PATH": path, "HOME": str(tmp_path), **env},
        check=False,
    )


def test_missing_packages_are_named_in_one_line(tmp_path: Path) -> None:
    packages = _packages()
    missing = {"libwayland-cursor0", "libwayland-egl1"}
    result = _run(tmp_path, set(packages) - missing)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        "make package: missing build dependencies; install them with: "
        "sudo apt-get install libwayland-cursor0 libwayland-egl1"
    ]


def test_nothing_said_when_all_are_installed(tmp_path: Path) -> None:
    result = _run(tmp_path, set(_packages()))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_without_dpkg_it_says_why(tmp_path: Path) -> None:
    result = subprocess.run(
        [BASH, str(SCRIPT)],
        capture_output=True,
        text=True,
        env={"PATH": str(tmp_path), "HOME": str(tmp_path)},
        check=False,
    )
    assert result.returncode == 1 and "dpkg-query not found" in result.stderr
    skipped = _run(tmp_path, set(), CODEPATH_SKIP_DEPS_CHECK="1")
    assert skipped.returncode == 0


def test_the_list_is_documented_installed_and_checked_first() -> None:
    readme = (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")
    for name in _packages():
        assert f"`{name}`" in readme, name
    assert "build-deps.txt" in (ROOT / "packaging" / "check_package.sh").read_text()
    makefile = (ROOT / "packaging" / "package.mk").read_text(encoding="utf-8")
    assert re.search(r"^package-deb: package-deps package-bundle$", makefile, re.M)
    assert os.access(SCRIPT, os.X_OK)
