"""Digest of the sources a PyInstaller bundle is built from.

    python packaging/source_digest.py                 # print the digest
    python packaging/source_digest.py --write FILE    # store it (make package-bundle does)

tests/packaging compares the stored digest with the sources, so that `make test` skips a
bundle in dist/ that is older than the code instead of testing stale files.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = (
    "pyproject.toml",
    "packaging/codepath.spec",
    "packaging/launcher.py",
    "packaging/rthook_qt.py",
)
TREES = ("planner", "resources")


def source_files(root: Path = ROOT) -> list[Path]:
    files = [root / name for name in INPUTS]
    for tree in TREES:
        files += [
            p
            for p in (root / tree).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
        ]
    return sorted(files)


def digest(root: Path = ROOT) -> str:
    h = hashlib.sha256()
    for path in source_files(root):
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(path.read_bytes() if path.exists() else b"<missing>")
        h.update(b"\0")
    return h.hexdigest()


def main(argv: list[str]) -> int:
    value = digest()
    if argv[:1] == ["--write"] and len(argv) == 2:
        Path(argv[1]).write_text(value + "\n", encoding="ascii")
    elif argv:
        sys.stderr.write(__doc__)
        return 2
    else:
        sys.stdout.write(value + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
