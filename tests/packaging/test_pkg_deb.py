"""The Debian package: metadata, file layout, launcher, and a clean install and removal.

Runs against dist/codepath-planner_<version>_<arch>.deb (see conftest.py for when).
"""

from __future__ import annotations

import os
import subprocess
import tarfile
from pathlib import Path

import pytest
from pkg_support import APP_ID, project_version, require_tool

ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
DEB_BUDGET = 75 * 1000 * 1000  # bytes (issue 6: .deb < 75 MB)


def dpkg_deb(*args: str) -> str:
    require_tool("dpkg-deb", "dpkg")
    return subprocess.run(
        ["dpkg-deb", *args], capture_output=True, text=True, check=True, timeout=300
    ).stdout


@pytest.fixture(scope="module")
def unpacked(deb_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("deb-root")
    dpkg_deb("-x", str(deb_path), str(root))
    return root


def test_control_fields(deb_path: Path) -> None:
    field = {
        name: dpkg_deb("-f", str(deb_path), name).strip()
        for name in ("Package", "Version", "Architecture", "Depends", "Section", "Installed-Size")
    }
    assert field["Package"] == "codepath-planner"
    assert field["Version"] == project_version()
    assert field["Section"] == "education"
    depends = {d.split()[0] for d in field["Depends"].split(", ")}
    # Libraries the bundle leaves to the system (X11/xcb, fontconfig, CUPS, ...).
    assert {"libc6", "libfontconfig1", "libxcb-cursor0"} <= {d.removesuffix("t64") for d in depends}
    assert int(field["Installed-Size"]) < 180 * 1024  # KiB


def test_no_maintainer_scripts(deb_path: Path, tmp_path: Path) -> None:
    """Nothing runs at install or removal, so nothing can touch a learner's home folder."""
    control = tmp_path / "control"
    dpkg_deb("-e", str(deb_path), str(control))
    assert sorted(p.name for p in control.iterdir()) == ["control"]


def test_deb_size_budget(deb_path: Path) -> None:
    assert deb_path.stat().st_size < DEB_BUDGET, f"{deb_path.stat().st_size / 1e6:.1f} MB"


def test_compressed_with_xz(deb_path: Path) -> None:
    members = subprocess.run(
        ["ar", "t", str(deb_path)], capture_output=True, text=True, check=False
    )
    if members.returncode != 0:
        pytest.skip("`ar` (binutils) is not installed")
    assert "data.tar.xz" in members.stdout.split()


def test_launcher(unpacked: Path, tmp_path: Path) -> None:
    launcher = unpacked / "usr" / "bin" / "codepath"
    assert launcher.is_symlink()
    assert os.readlink(launcher) == "../../opt/codepath-planner/codepath"
    assert launcher.resolve() == (unpacked / "opt" / "codepath-planner" / "codepath").resolve()
    result = subprocess.run(
        [str(launcher), "--version"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"},
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"codepath {project_version()}"


def test_desktop_integration_files(unpacked: Path) -> None:
    share = unpacked / "usr" / "share"
    desktop = share / "applications" / f"{APP_ID}.desktop"
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    assert desktop.is_file() and metainfo.is_file()
    for size in ICON_SIZES:
        icon = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert icon.is_file(), icon
        assert int.from_bytes(icon.read_bytes()[16:20], "big") == size
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (share / "doc" / "codepath-planner" / "copyright").is_file()
    if not os.path.exists("/usr/bin/desktop-file-validate"):
        pytest.skip("desktop-file-validate is not installed (desktop-file-utils)")
    result = subprocess.run(
        ["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout


def test_only_expected_top_level_paths(deb_path: Path, tmp_path: Path) -> None:
    data = tmp_path / "data.tar"
    data.write_bytes(
        subprocess.run(
            ["dpkg-deb", "--fsys-tarfile", str(deb_path)], capture_output=True, check=True
        ).stdout
    )
    with tarfile.open(data) as archive:
        paths = [m.name.removeprefix("./").strip("/") for m in archive.getmembers()]
    names = {"/".join(p.split("/")[:3]) for p in paths if p and p != "."}
    allowed = (
        "opt/codepath-planner",
        "usr/bin/codepath",
        "usr/share/applications",
        "usr/share/metainfo",
        "usr/share/icons",
        "usr/share/doc",
    )

    # Parent folders (usr, usr/share) and everything inside the allowed paths are fine.
    def fits(name: str, path: str) -> bool:
        return name == path or path.startswith(name + "/") or name.startswith(path + "/")

    stray = sorted(n for n in names if not any(fits(n, a) for a in allowed))
    assert not stray


@pytest.mark.skipif(os.geteuid() != 0, reason="dpkg --instdir needs root")
def test_install_and_remove_leave_only_the_profile(deb_path: Path, tmp_path: Path) -> None:
    """Install into an empty root with its own dpkg database, then purge: only the
    learner's profile (which the package never touches) is left."""
    require_tool("dpkg", "dpkg")
    root = tmp_path / "root"
    admin = root / "var" / "lib" / "dpkg"
    for sub in ("info", "updates", "triggers"):
        (admin / sub).mkdir(parents=True)
    (admin / "status").touch()
    (admin / "available").touch()
    profile = root / "home" / "learner" / ".local" / "share" / "codepath" / "profile.json"
    profile.parent.mkdir(parents=True)
    profile.write_text('{"kept": true}\n', encoding="utf-8")
    dpkg = ["dpkg", f"--admindir={admin}", f"--instdir={root}", "--force-depends"]

    def files() -> set[str]:
        return {
            p.relative_to(root).as_posix()
            for p in root.rglob("*")
            if not p.is_dir() and not p.relative_to(root).as_posix().startswith("var/lib/dpkg")
        }

    subprocess.run([*dpkg, "-i", str(deb_path)], capture_output=True, check=True, timeout=600)
    installed = files()
    assert "usr/bin/codepath" in installed
    assert f"usr/share/applications/{APP_ID}.desktop" in installed
    subprocess.run([*dpkg, "--purge", "codepath-planner"], capture_output=True, check=True)
    assert files() == {profile.relative_to(root).as_posix()}
    assert profile.read_text(encoding="utf-8") == '{"kept": true}\n'
    assert not (root / "opt" / "codepath-planner").exists()
