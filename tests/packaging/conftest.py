"""Shared fixtures of the packaging tests: where the bundle and the .deb are, and whether to test.

The bundle tests need a PyInstaller build in dist/ (``make package``). By default they run
only when that build exists and matches the current sources (its source digest), and skip
with the reason otherwise, so ``make test`` works on machines without PyInstaller or dpkg.
With ``CODEPATH_PACKAGING_TEST=1`` (``make package-check``, ``packaging/check_package.sh``)
a missing or stale bundle is built first, and a missing tool is a failure, not a skip.
``CODEPATH_BUNDLE_DIR`` / ``CODEPATH_DEB`` point the tests at a build somewhere else.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pkg_support import DIST, REQUIRED, ROOT, load_packaging_module, project_version, require_tool


def _build_bundle(bundle: Path) -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("CODEPATH_PACKAGING_TEST=1, but PyInstaller is not installed: make package")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(bundle.parent),
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            str(ROOT / "packaging" / "codepath.spec"),
        ],
        check=True,
        cwd=ROOT,
        timeout=1800,
    )
    digest = load_packaging_module("packaging/source_digest.py", "codepath_source_digest")
    Path(f"{bundle}.source-digest").write_text(digest.digest() + "\n", encoding="ascii")


@pytest.fixture(scope="session")
def bundle_dir() -> Path:
    """The one-folder bundle (dist/codepath), checked to be fresh, or built when required."""
    override = os.environ.get("CODEPATH_BUNDLE_DIR")
    bundle = Path(override) if override else DIST / "codepath"
    if override:  # a bundle given explicitly is used as it is
        if not (bundle / "codepath").is_file():
            pytest.fail(f"CODEPATH_BUNDLE_DIR={override} holds no `codepath` executable")
        return bundle
    stamp = Path(f"{bundle}.source-digest")
    digest = load_packaging_module("packaging/source_digest.py", "codepath_source_digest")
    fresh = (
        (bundle / "codepath").is_file()
        and stamp.is_file()
        and stamp.read_text(encoding="ascii").strip() == digest.digest()
    )
    if not fresh:
        if not REQUIRED:
            state = "is older than the sources" if (bundle / "codepath").is_file() else "missing"
            pytest.skip(
                f"PyInstaller bundle {bundle.relative_to(ROOT)} {state}: run `make package` "
                "(or set CODEPATH_PACKAGING_TEST=1) to test the packaged app"
            )
        _build_bundle(bundle)
    return bundle


@pytest.fixture(scope="session")
def deb_path(bundle_dir: Path) -> Path:
    """The Debian package built from that bundle (built here when required)."""
    override = os.environ.get("CODEPATH_DEB")
    if override:
        return Path(override)
    version = project_version()
    debs = sorted(DIST.glob(f"codepath-planner_{version}_*.deb"))
    stamp = Path(f"{bundle_dir}.source-digest")
    if debs and stamp.is_file() and debs[-1].stat().st_mtime >= stamp.stat().st_mtime:
        return debs[-1]
    if not REQUIRED:
        pytest.skip(
            f"no .deb for version {version} newer than the bundle in dist/: run `make package`"
        )
    require_tool("dpkg-deb", "dpkg")
    require_tool("dpkg-shlibdeps", "dpkg-dev")
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "linux" / "build_deb.py"),
            "--bundle",
            str(bundle_dir),
            "--out-dir",
            str(DIST),
        ],
        check=True,
        cwd=ROOT,
        timeout=1800,
    )
    debs = sorted(DIST.glob(f"codepath-planner_{version}_*.deb"))
    assert debs, "build_deb.py made no package"
    return debs[-1]
