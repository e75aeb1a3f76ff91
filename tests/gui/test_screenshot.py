"""`codepath gui --screenshot` in a fresh process: a PNG per page, one-line errors, no save."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from gui_helpers import TODAY
from PySide6.QtGui import QImage

from planner.gui.main_window import PAGE_NAMES

pytestmark = pytest.mark.slow


def env() -> dict[str, str]:
    values = dict(os.environ)
    values.update({"QT_QPA_PLATFORM": "offscreen", "CODEPATH_TODAY": TODAY.isoformat()})
    return values


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "planner", "gui", *args]


def distinct_colours(image: QImage) -> int:
    step = 3
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def test_every_page_renders_to_a_png(profile_path: Path, tmp_path: Path) -> None:
    before = profile_path.read_bytes()
    stamp = profile_path.stat().st_mtime_ns
    running = {}
    for page in PAGE_NAMES:
        out = tmp_path / f"{page}.png"
        args = command("--profile", str(profile_path), "--screenshot", str(out), "--page", page)
        running[page] = subprocess.Popen(
            args, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    for page, process in running.items():
        _out, err = process.communicate(timeout=60)
        assert process.returncode == 0, (page, err)
        image = QImage(str(tmp_path / f"{page}.png"))
        assert not image.isNull(), page
        assert (image.width(), image.height()) == (1200, 800), page
        assert distinct_colours(image) > 40, page
    assert profile_path.read_bytes() == before  # never saved
    assert profile_path.stat().st_mtime_ns == stamp


def test_salary_screenshot_has_the_chart(profile_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "salary.png"
    subprocess.run(
        command("--profile", str(profile_path), "--screenshot", str(out), "--page", "salary"),
        env=env(),
        check=True,
        capture_output=True,
        timeout=60,
    )
    image = QImage(str(out))
    # the chart's median line colour (#1f4e79) is drawn somewhere in the upper half
    median = {image.pixel(x, y) & 0xFFFFFF for x in range(0, 1200, 2) for y in range(0, 400, 2)}
    assert 0x1F4E79 in median


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("missing", "no profile at"),
        ("corrupt", "not valid JSON"),
        ("unwritable", "cannot write the screenshot"),
    ],
)
def test_errors_are_one_line(profile_path: Path, tmp_path: Path, setup: str, expected: str) -> None:
    path = profile_path
    out = tmp_path / "out.png"
    if setup == "missing":
        path = tmp_path / "nothing-here.json"
    elif setup == "corrupt":
        path.write_text("{not json", encoding="utf-8")
    else:
        out = tmp_path / "no-such-folder" / "out.png"
    result = subprocess.run(
        command("--profile", str(path), "--screenshot", str(out)),
        env=env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if "propagateSizeHints" not in line]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("codepath: ")
    assert expected in lines[0]
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_without_a_display(profile_path: Path, tmp_path: Path) -> None:
    bare = {
        k: v for k, v in env().items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    result = subprocess.run(
        command("--profile", str(profile_path)),
        env=bare,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip().startswith("codepath: no display found")
    assert len(result.stderr.strip().splitlines()) == 1
    out = tmp_path / "headless.png"
    shot = command("--profile", str(profile_path), "--screenshot", str(out))
    assert subprocess.run(shot, env=bare, capture_output=True, timeout=60).returncode == 0
    assert out.is_file()  # screenshots render offscreen by themselves


def test_a_dark_screenshot_at_a_chosen_size(profile_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "salary-dark.png"
    args = ["--profile", str(profile_path), "--page", "salary", "--screenshot", str(out)]
    done = subprocess.run(
        command(*args, "--theme", "dark", "--size", "1400x900"),
        env=env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)
    window = image.pixelColor(image.width() - 30, image.height() // 2)
    assert window.lightness() < 80  # the dark theme's window, not a light one
    bad = subprocess.run(
        command(*args, "--size", "large"), env=env(), capture_output=True, text=True, timeout=60
    )
    assert bad.returncode == 1
    assert bad.stderr.startswith("codepath: --size wants WIDTHxHEIGHT")
