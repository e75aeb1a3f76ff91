"""Desktop integration files, the app icon and the build entry points: checked without a build."""

from __future__ import annotations

import configparser
import re
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pkg_support import APP_ID, ROOT, project_version, skip_or_fail

LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def run_validator(command: list[str], package: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    except FileNotFoundError:
        skip_or_fail(f"`{command[0]}` is not installed (Debian package {package})")
        raise  # not reached


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_desktop_file_passes_desktop_file_validate() -> None:
    result = run_validator(["desktop-file-validate", str(DESKTOP)], "desktop-file-utils")
    # Hints (e.g. two main categories, which the issue asks for) are not errors.
    problems = [line for line in result.stdout.splitlines() if ": hint: " not in line]
    assert result.returncode == 0 and not problems, result.stdout + result.stderr


def test_desktop_file_contents() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Coding Path Planner"
    assert entry["Categories"] == "Education;Office;"
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "codepath"
    assert entry["Terminal"] == "false"


def test_metainfo_passes_appstreamcli_validate() -> None:
    result = run_validator(
        ["appstreamcli", "validate", "--no-net", "--no-color", str(METAINFO)], "appstream"
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_matches_desktop_file_and_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("name") == desktop_entry()["Name"]
    assert [c.text for c in root.iter("category")] == ["Education", "Office"]
    assert [b.text for b in root.iter("binary")] == ["codepath"]
    releases = [r.get("version") for r in root.iter("release")]
    assert project_version() in releases, (
        f'add <release version="{project_version()}" date=...> to {METAINFO.name}'
    )


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_png_sizes(size: int) -> None:
    assert png_size(ICONS / f"codepath-{size}.png") == (size, size)


@pytest.mark.parametrize("name", ["codepath.svg", "codepath-small.svg"])
def test_icon_svg_is_square_svg(name: str) -> None:
    root = ET.parse(ICONS / name).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 512 512"


def test_icons_are_package_data() -> None:
    """The app loads its window icon from planner.resources: the PNGs must be installed."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data = config["tool"]["setuptools"]["package-data"]
    patterns = [f"icons/{p}" for p in data.get("planner.resources.icons", [])]
    patterns += data.get("planner.resources", [])
    assert {"icons/*.png", "icons/*.svg"} <= set(patterns) or "icons/*" in patterns


def test_entry_points() -> None:
    """One command, `codepath`; the bundle starts the same function as the console script."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["project"]["scripts"] == {"codepath": "planner.cli:main"}
    launcher = (ROOT / "packaging" / "launcher.py").read_text(encoding="utf-8")
    assert "from planner.cli import main" in launcher
    assert "raise SystemExit(main())" in launcher
    spec = (ROOT / "packaging" / "codepath.spec").read_text(encoding="utf-8")
    assert re.search(r'^ENTRY = SPEC_DIR / "launcher.py"$', spec, re.M)
    assert 'APP_ID = "org.codepathplanner.Planner"' in spec


def test_inno_setup_script_matches_the_app() -> None:
    iss = (ROOT / "packaging" / "windows" / "codepath.iss").read_text(encoding="utf-8")
    assert "#ifndef MyAppVersion" in iss  # the workflow passes /DMyAppVersion=...
    assert '#define MyAppName "Coding Path Planner"' in iss
    assert "CodingPathPlanner.exe" in iss
