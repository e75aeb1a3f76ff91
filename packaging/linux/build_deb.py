"""Build the Debian package from the PyInstaller bundle in dist/codepath.

    python packaging/linux/build_deb.py [--bundle dist/codepath] [--out-dir dist]

Layout of the package:
    /opt/codepath-planner/                     the one-folder bundle
    /usr/bin/codepath                          -> ../../opt/codepath-planner/codepath
    /usr/share/applications/APP_ID.desktop
    /usr/share/metainfo/APP_ID.metainfo.xml
    /usr/share/icons/hicolor/NxN/apps/APP_ID.png and scalable/apps/APP_ID.svg
    /usr/share/doc/codepath-planner/copyright

There are no maintainer scripts: dpkg's triggers refresh the icon cache and the desktop
database, and nothing touches users' home folders, so removing the package leaves the
learner's profile (~/.local/share/codepath) alone.

The bundle leaves out the operating system's libraries (see codepath.spec); Depends lists the
packages that provide them, as dpkg-shlibdeps (package dpkg-dev) works them out from the
bundle's ELF files on the build machine. So a .deb suits the distribution release it was
built on (as any .deb does).

Needs: dpkg-deb, dpkg-shlibdeps (dpkg-dev), dpkg-architecture or dpkg.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PACKAGE = "codepath-planner"
APP_ID = "org.codepathplanner.Planner"
INSTALL_DIR = Path("opt") / PACKAGE
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
MAINTAINER = "Coding Path Planner contributors <codepath-planner@users.noreply.github.com>"
DESCRIPTION = """\
Plan your path to a medical billing and coding career
 Coding Path Planner builds a personal, dated plan for people who want to
 become medical billing and coding professionals: pick a target credential
 (CPC, CCS or RHIT) and a specialty, and follow five phases from the core
 code sets to certification, experience and specialization. It tracks study
 hours, practice-exam scores and CEUs, shows a salary-growth chart and prints
 a roadmap. Profiles stay on the computer; no account or network is used.
 .
 This package ships a self-contained build (Python, Qt) in /opt/codepath-planner
 and the command `codepath`."""


def project_version() -> str:
    text = (ROOT / "planner" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if not match:
        raise SystemExit("cannot read __version__ from planner/__init__.py")
    return match.group(1)


def architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], check=True, capture_output=True, text=True
    ).stdout.strip()


def is_elf(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def normalise_modes(root: Path) -> None:
    """0755 for folders and executables, 0644 for everything else (no group/other write)."""
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames:
            path = Path(dirpath, name)
            if not path.is_symlink():
                path.chmod(0o755)
        for name in filenames:
            path = Path(dirpath, name)
            if path.is_symlink():
                continue
            path.chmod(0o755 if path.stat().st_mode & 0o100 else 0o644)
    root.chmod(0o755)


def shlib_depends(root: Path) -> str:
    """Depends line for the system libraries the bundle's ELF files link to."""
    if shutil.which("dpkg-shlibdeps") is None:
        raise SystemExit("dpkg-shlibdeps not found: apt-get install dpkg-dev")
    elf_files = sorted(p for p in (root / INSTALL_DIR).rglob("*") if is_elf(p))
    lib_dirs = sorted({str(p.parent) for p in elf_files})
    with tempfile.TemporaryDirectory() as work:
        # dpkg-shlibdeps wants to run in a source tree with debian/control.
        Path(work, "debian").mkdir()
        Path(work, "debian", "control").write_text(
            f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: any\n", encoding="utf-8"
        )
        command = ["dpkg-shlibdeps", "-O", "--ignore-missing-info", "--warnings=0"]
        command += [f"-l{d}" for d in lib_dirs]
        command += [f"-e{p}" for p in elf_files]
        result = subprocess.run(command, cwd=work, capture_output=True, text=True)
    if result.returncode != 0:
        missing = sorted(set(re.findall(r"cannot find library (\S+)", result.stderr)))
        if missing:
            raise SystemExit(
                "dpkg-shlibdeps: these libraries are not installed on the build machine, so the "
                "package cannot say which Debian packages provide them: " + ", ".join(missing)
            )
        raise SystemExit(f"dpkg-shlibdeps failed:\n{result.stderr}")
    match = re.search(r"^shlibs:Depends=(.*)$", result.stdout, re.M)
    return match.group(1).strip() if match else ""


def stage(bundle: Path, root: Path) -> None:
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)

    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    # Relative, so it also resolves in a tree unpacked with `dpkg -x` somewhere else.
    (bin_dir / "codepath").symlink_to(Path("..", "..", INSTALL_DIR, "codepath"))

    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(HERE / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    (share / "metainfo").mkdir(parents=True)
    shutil.copy2(HERE / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml")

    icons = ROOT / "resources" / "icons"
    for size in ICON_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(icons / f"codepath-{size}.png", target / f"{APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(icons / "codepath.svg", scalable / f"{APP_ID}.svg")

    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    shutil.copy2(HERE / "copyright", doc / "copyright")


def installed_size_kib(root: Path) -> int:
    """Installed-Size as dpkg counts it: KiB of files (by 1 KiB blocks) and entries."""
    total = 0
    for dirpath, dirnames, filenames in os.walk(root):
        if Path(dirpath) == root:
            dirnames[:] = [d for d in dirnames if d != "DEBIAN"]
        for name in filenames + dirnames:
            path = Path(dirpath, name)
            size = path.lstat().st_size if not path.is_dir() or path.is_symlink() else 0
            total += max(1, (size + 1023) // 1024)
    return total


def write_control(root: Path, version: str, arch: str, depends: str) -> None:
    debian = root / "DEBIAN"
    debian.mkdir(exist_ok=True)
    fields = [
        ("Package", PACKAGE),
        ("Version", version),
        ("Architecture", arch),
        ("Maintainer", MAINTAINER),
        ("Installed-Size", str(installed_size_kib(root))),
        ("Depends", depends),
        ("Section", "education"),
        ("Priority", "optional"),
        ("Description", DESCRIPTION),
    ]
    text = "".join(f"{key}: {value}\n" for key, value in fields if value)
    (debian / "control").write_text(text, encoding="utf-8")
    (debian / "control").chmod(0o644)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "codepath")
    parser.add_argument("--out-dir", type=Path, default=ROOT / "dist")
    parser.add_argument("--work-dir", type=Path, default=ROOT / "build" / "deb")
    parser.add_argument(
        "--compress-level", default="9", help="xz level for dpkg-deb (0-9, default 9)"
    )
    args = parser.parse_args(argv)

    executable = args.bundle / "codepath"
    if not executable.is_file():
        raise SystemExit(f"no bundle at {args.bundle}: run pyinstaller packaging/codepath.spec")
    version = project_version()
    arch = architecture()
    root = args.work_dir / f"{PACKAGE}_{version}_{arch}"

    stage(args.bundle, root)
    (root / "DEBIAN").mkdir()  # lets dpkg-shlibdeps resolve $ORIGIN in RPATHs
    normalise_modes(root)
    depends = shlib_depends(root)
    write_control(root, version, arch, depends)

    args.out_dir.mkdir(parents=True, exist_ok=True)
    deb = args.out_dir / f"{PACKAGE}_{version}_{arch}.deb"
    subprocess.run(
        [
            "dpkg-deb",
            "--root-owner-group",
            "-Zxz",
            f"-z{args.compress_level}",
            "--build",
            str(root),
            str(deb),
        ],
        check=True,
    )
    size_mb = deb.stat().st_size / 1e6
    installed = installed_size_kib(root)
    sys.stdout.write(
        f"built {deb} ({size_mb:.1f} MB; installed {installed} KiB = {installed / 1024:.0f} MiB)"
        + "\n"
    )
    sys.stdout.write(f"Depends: {depends}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
