"""Render the app icon and derive the platform icon files.

Usage (run with the project's venv Python)::

    python packaging/make_icons.py png            # resources/icons/*.svg -> committed PNGs
    python packaging/make_icons.py ico OUT.ico    # Windows icon, from the committed PNGs
    python packaging/make_icons.py icns OUT.icns  # macOS icon, from the committed PNGs

``png`` renders with Qt's SVG renderer (offscreen, PySide6 is a runtime dependency
anyway); sizes up to 32 px use the simplified ``codepath-small.svg``. ``ico`` and
``icns`` use Pillow, which matplotlib already depends on, so no extra install.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
SMALL_MAX = 32  # sizes <= this use the simplified drawing


def png_path(size: int) -> Path:
    return ICON_DIR / f"codepath-{size}.png"


def render_pngs() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    for size in PNG_SIZES:
        name = "codepath-small.svg" if size <= SMALL_MAX else "codepath.svg"
        renderer = QSvgRenderer(str(ICON_DIR / name))
        if not renderer.isValid():
            raise SystemExit(f"invalid SVG: {name}")
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if not image.save(str(png_path(size)), "PNG"):
            raise SystemExit(f"could not write {png_path(size)}")
        sys.stdout.write(f"wrote {png_path(size).relative_to(ROOT)}\n")


def write_ico(out: Path) -> None:
    from PIL import Image

    out.parent.mkdir(parents=True, exist_ok=True)
    sizes = [s for s in PNG_SIZES if s <= 256]
    images = [Image.open(png_path(s)).convert("RGBA") for s in sizes]
    # Pillow writes one entry per size; pass the 256 px image and the rest as
    # append_images so each size keeps its own (hand-tuned small) drawing.
    images[-1].save(out, format="ICO", sizes=[(s, s) for s in sizes], append_images=images[:-1])
    sys.stdout.write(f"wrote {out}\n")


def write_icns(out: Path) -> None:
    from PIL import Image

    out.parent.mkdir(parents=True, exist_ok=True)
    sizes = [s for s in PNG_SIZES if s in (16, 32, 64, 128, 256, 512)]
    images = [Image.open(png_path(s)).convert("RGBA") for s in sizes]
    images[-1].save(out, format="ICNS", append_images=images[:-1])
    sys.stdout.write(f"wrote {out}\n")


def main(argv: list[str]) -> int:
    if argv[:1] == ["png"] and len(argv) == 1:
        render_pngs()
    elif argv[:1] == ["ico"] and len(argv) == 2:
        write_ico(Path(argv[1]))
    elif argv[:1] == ["icns"] and len(argv) == 2:
        write_icns(Path(argv[1]))
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
