"""The PyInstaller bundle runs on its own: version, CLI, PDF export and a GUI screenshot.

Runs against dist/codepath (see conftest.py for when it runs, skips or builds). Every command
runs the bundle's own executable with a clean environment, from a folder outside the source
tree, so nothing can be imported from the checkout or the venv.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pkg_support import ROOT, project_version, require_tool

TODAY = "2027-01-04"
MiB = 1024 * 1024
BUNDLE_BUDGET = 180 * MiB  # installed size of the Linux bundle (issue 6)


def run(
    bundle: Path, *args: str, home: Path, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "CODEPATH_HOME": str(home / "codepath-home"),
        "CODEPATH_TODAY": TODAY,
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
    }
    if sys.platform == "win32":  # pragma: no cover - the bundle tests run on Linux in CI
        env = {**os.environ, **{k: v for k, v in env.items() if k != "PATH"}}
    exe = bundle / ("codepath.exe" if sys.platform == "win32" else "codepath")
    return subprocess.run(
        [str(exe), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=home,
        timeout=timeout,
        check=False,
    )


def needs_module(name: str) -> None:
    """Skip a check of a feature whose code has not landed in planner/ yet."""
    if importlib.util.find_spec(name) is None:
        pytest.skip(f"{name} does not exist yet, so the bundle cannot offer it")


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bundle-home")


@pytest.fixture(scope="module")
def profile(bundle_dir: Path, home: Path) -> Path:
    """A saved plan, made by the bundle's own CLI."""
    path = home / "profile.json"
    result = run(
        bundle_dir,
        "plan",
        "--cert",
        "CPC",
        "--specialty",
        "risk-adjustment",
        "--start",
        TODAY,
        "--hours-per-week",
        "12",
        "--name",
        "Sam Lee",
        "--profile",
        str(path),
        home=home,
    )
    assert result.returncode == 0, result.stderr
    assert path.is_file()
    return path


def test_version(bundle_dir: Path, home: Path) -> None:
    result = run(bundle_dir, "--version", home=home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"codepath {project_version()}"


def test_cli_reads_bundled_catalog(bundle_dir: Path, home: Path) -> None:
    result = run(bundle_dir, "certs", home=home)
    assert result.returncode == 0, result.stderr
    assert {line.split()[0] for line in result.stdout.splitlines()} >= {"CPC", "CCS", "RHIT"}


def test_status_of_saved_plan(bundle_dir: Path, home: Path, profile: Path) -> None:
    result = run(bundle_dir, "status", "--profile", str(profile), home=home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


def test_export_pdf(bundle_dir: Path, home: Path, profile: Path) -> None:
    needs_module("planner.render.printing")
    out = home / "roadmap.pdf"
    result = run(bundle_dir, "export", "--profile", str(profile), "--pdf", str(out), home=home)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:5] == b"%PDF-"
    pypdf = pytest.importorskip("pypdf")
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert "Sam Lee" in text.replace("\t", " ")


def test_export_ics(bundle_dir: Path, home: Path, profile: Path) -> None:
    needs_module("planner.report.calendar")
    out = home / "milestones.ics"
    result = run(bundle_dir, "export", "--profile", str(profile), "--ics", str(out), home=home)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize("page", ["timeline", "salary"])
def test_gui_screenshot(bundle_dir: Path, home: Path, profile: Path, page: str) -> None:
    """Qt (offscreen platform plugin, widgets, SVG icons) and the matplotlib QtAgg canvas."""
    needs_module("planner.gui.app")
    out = home / f"{page}.png"
    result = run(
        bundle_dir,
        "gui",
        "--profile",
        str(profile),
        "--page",
        page,
        "--screenshot",
        str(out),
        home=home,
    )
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width >= 600 and height >= 400
    assert "Traceback" not in result.stderr
    if page == "salary":
        # The spec drops PyInstaller's MPLCONFIGDIR hook, so matplotlib keeps its font cache
        # in the user's cache folder instead of rebuilding it in a new temporary one each start.
        cache = home / ".cache" / "matplotlib"
        assert any(cache.glob("fontlist-*.json")), "no matplotlib font cache in XDG_CACHE_HOME"


def test_bundle_is_trimmed(bundle_dir: Path) -> None:
    internal = bundle_dir / "_internal"
    names = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    unwanted = re.compile(
        r"Qt6?(Network|Qml|Quick|Pdf|WebEngine|Designer|Multimedia|Sql|Test)\b|/translations/"
        r"|platformthemes/libqgtk3|tkinter|/sample_data/|PIL/_avif"
    )
    assert not sorted(n for n in names if unwanted.search(n))
    for needed in (
        "planner/resources/certifications.yaml",
        "planner/resources/icons/codepath-256.png",
        "matplotlib/mpl-data/matplotlibrc",
        "matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf",
    ):
        assert needed in names
    if sys.platform.startswith("linux"):
        platforms = {n.rsplit("/", 1)[-1] for n in names if "/plugins/platforms/" in n}
        assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"} <= platforms


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF and ldconfig: Linux only")
def test_every_needed_library_resolves(bundle_dir: Path) -> None:
    """Each library the bundle links to is in the bundle or installed on this system.

    Catches a library trimmed from the bundle that something kept still needs, and lists
    the system libraries the .deb must depend on.
    """
    readelf = require_tool("readelf", "binutils")
    files = [p for p in bundle_dir.rglob("*") if p.is_file() and not p.is_symlink()]
    elf = [p for p in files if p.read_bytes()[:4] == b"\x7fELF"]
    bundled = {p.name for p in bundle_dir.rglob("*")}
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    system = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, check=True).stdout
    system_names = set(re.findall(r"^\s+(\S+) \(", system, re.M))
    missing = {}
    for path in elf:
        dynamic = subprocess.run(
            [readelf, "-d", "-W", str(path)], capture_output=True, text=True, check=True
        ).stdout
        for soname in re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic):
            if soname not in bundled and soname not in system_names:
                missing.setdefault(soname, []).append(path.relative_to(bundle_dir).as_posix())
    assert not missing, f"libraries neither bundled nor installed: {missing}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="size budget of the Linux .deb")
def test_installed_size_budget(bundle_dir: Path) -> None:
    size = sum(p.lstat().st_size for p in bundle_dir.rglob("*"))
    assert size < BUNDLE_BUDGET, f"bundle is {size / MiB:.1f} MiB (budget 180 MiB)"


def test_no_build_machine_paths(bundle_dir: Path) -> None:
    """Package metadata in the bundle does not name the checkout it was built from."""
    leaked = [
        p.relative_to(bundle_dir).as_posix()
        for p in (bundle_dir / "_internal").glob("*.dist-info/direct_url.json")
        if str(ROOT) in p.read_text(encoding="utf-8")
    ]
    assert not leaked
