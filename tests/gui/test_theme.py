"""View > Theme: light and dark palettes with readable contrast; charts and timeline follow."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from matplotlib.colors import to_hex
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
)
from pytestqt.qtbot import QtBot

from planner.core.profile import MilestoneStatus
from planner.gui import app
from planner.gui.controller import PlannerController
from planner.gui.main_window import MainWindow
from planner.gui.milestones_page import COL_STATUS, COL_TITLE, ID_ROLE
from planner.gui.theme import (
    THEME_KEY,
    Theme,
    ThemeStyle,
    apply_theme,
    chart_colors,
    contrast,
    current_theme,
    dark_palette,
    light_palette,
    logged_color,
    saved_theme,
    today_color,
)
from planner.gui.timeline import TimelineLegend, TimelineView
from planner.gui.widgets import STATUS_TEXT, status_color, status_icon
from planner.report.charts import contrast_ratio
from planner.report.text import OVERDUE_MARK

Role = QPalette.ColorRole
Group = QPalette.ColorGroup
TEXT_AA = 4.5
GRAPHICS = 3.0  # lines, outlines and disabled text
THEMES = {"light": light_palette, "dark": dark_palette}


@pytest.fixture(autouse=True)
def _system_theme_after(qapp: QApplication) -> Iterator[None]:
    """Every test leaves the application as the other tests know it."""
    yield
    apply_theme(Theme.SYSTEM)


@pytest.fixture(params=list(THEMES))
def palette(request: pytest.FixtureRequest) -> QPalette:
    return THEMES[request.param]()


def ratio(palette: QPalette, text: Role, background: Role, group: Group = Group.Active) -> float:
    return contrast(palette.color(group, text), palette.color(group, background))


TEXT_ON = [
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base),
    (Role.PlaceholderText, Role.AlternateBase),
    (Role.PlaceholderText, Role.Window),  # notes under fields
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.Link, Role.Base),
    (Role.Link, Role.Window),
]


def test_palette_text_reads_at_wcag_aa(palette: QPalette) -> None:
    for group in (Group.Active, Group.Inactive):
        for text, background in TEXT_ON:
            assert ratio(palette, text, background, group) >= TEXT_AA, (text, background)


def test_disabled_text_still_reads(palette: QPalette) -> None:
    for text, background in [
        (Role.WindowText, Role.Window),
        (Role.Text, Role.Base),
        (Role.ButtonText, Role.Button),
    ]:
        assert ratio(palette, text, background, Group.Disabled) >= GRAPHICS, (text, background)


def test_check_box_outline_and_selection_stand_out(palette: QPalette) -> None:
    # the theme style draws check boxes with a PlaceholderText outline on Base
    assert ratio(palette, Role.PlaceholderText, Role.Base) >= GRAPHICS
    assert ratio(palette, Role.Highlight, Role.Base) >= GRAPHICS  # a line in the hours chart


def test_status_and_timeline_colours_read_on_their_rows(palette: QPalette) -> None:
    for background in (Role.Base, Role.AlternateBase):
        row = palette.color(background)
        for status in MilestoneStatus:
            assert contrast(status_color(status, palette), row) >= TEXT_AA, status
        assert contrast(today_color(palette), row) >= TEXT_AA  # the "Today" label
        assert contrast(palette.color(Role.Text), row) >= TEXT_AA  # phase names
        assert contrast(palette.color(Role.PlaceholderText), row) >= TEXT_AA  # phase dates
        assert contrast(logged_color(palette), row) >= GRAPHICS


def test_chart_colours_come_from_the_palette(palette: QPalette) -> None:
    colors = chart_colors(palette)
    assert colors.background == palette.color(Role.Base).name()
    assert colors.text == palette.color(Role.Text).name()
    for shade in (colors.background, *colors.phase_shades):
        for text in (colors.text, colors.mark_text, colors.phase_text):
            assert contrast_ratio(text, shade) >= TEXT_AA
    for line in (colors.median, colors.mark, colors.income, *colors.compare_lines):
        assert contrast_ratio(line, colors.background) >= GRAPHICS


def _pixel(widget: object, x: int = 3, y: int = 3) -> QColor:
    image = widget.grab().toImage()  # type: ignore[attr-defined]
    return image.pixelColor(x, y)


def _legend_icon(legend: TimelineLegend | None, text: str) -> bytes:
    assert legend is not None
    for label in legend.findChildren(QLabel):
        if label.text() == text:
            icon = label.parentWidget().findChildren(QLabel)[0]
            return bytes(icon.pixmap().toImage().constBits())
    raise AssertionError(f"no legend entry {text!r}")


def test_the_start_applies_the_kept_or_the_given_theme() -> None:
    settings = app.make_settings()  # in the test's own CODEPATH_HOME
    settings.setValue(THEME_KEY, "dark")
    settings.sync()
    app._apply_start_theme(None)
    assert current_theme() is Theme.DARK
    app._apply_start_theme("light")  # codepath gui --theme light
    assert current_theme() is Theme.LIGHT
    assert QApplication.palette().color(Role.Base) == light_palette().color(Role.Base)


def test_view_theme_colours_the_app_and_is_remembered(
    qtbot: QtBot, make_controller: type[PlannerController], tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(make_controller(), settings=settings)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    menu = window.findChild(QMenu, "menuTheme")
    assert menu is not None
    assert [a.text() for a in menu.actions()] == ["&System", "&Light", "&Dark"]
    chart = window.salary_page.ensure_chart()
    window.show_page("progress")

    legend = window.timeline_page.findChild(TimelineLegend)
    before = _legend_icon(legend, "Today")
    window.actions_by_name["theme_dark"].trigger()
    QApplication.processEvents()  # the palette change reaches the widgets as events
    assert _legend_icon(legend, "Today") != before  # the legend's red follows the theme
    dark = dark_palette().color(Role.Base)
    assert current_theme() is Theme.DARK
    style = QApplication.style()
    assert isinstance(style, ThemeStyle)
    assert style.baseStyle().name().lower() == "fusion"
    assert QApplication.palette().color(Role.Base) == dark
    assert settings.value(THEME_KEY) == "dark"
    assert to_hex(chart.figure.get_facecolor()) == dark.name()  # the chart was re-coloured
    assert to_hex(chart.axes.get_facecolor()) == dark.name()
    assert to_hex(chart.artists["median"].get_color()) == chart_colors(dark_palette()).median
    assert _pixel(window.timeline_page.findChild(TimelineView)) == dark
    assert _pixel(window.progress_page.hours_chart) == dark

    window.actions_by_name["theme_light"].trigger()
    QApplication.processEvents()
    light = light_palette().color(Role.Base)
    assert to_hex(chart.figure.get_facecolor()) == light.name()
    assert _pixel(window.timeline_page.findChild(TimelineView)) == light

    window.actions_by_name["theme_dark"].trigger()
    assert saved_theme(settings) is Theme.DARK  # what the next start applies
    again = MainWindow(make_controller(), settings=settings)
    qtbot.addWidget(again)
    assert again.actions_by_name["theme_dark"].isChecked()

    window.actions_by_name["theme_system"].trigger()
    assert current_theme() is Theme.SYSTEM
    assert settings.value(THEME_KEY) == "system"
    assert QApplication.palette().color(Role.Base) != dark


def _status_cells(window: MainWindow) -> dict[str, QTreeWidgetItem]:
    found = {}
    iterator = QTreeWidgetItemIterator(window.milestones_page.tree)
    while (item := iterator.value()) is not None:
        if item.data(COL_STATUS, ID_ROLE):
            found[str(item.data(COL_TITLE, ID_ROLE))] = item
        iterator += 1
    return found


def test_milestone_status_follows_the_theme(window: MainWindow) -> None:
    window.show_page("milestones")
    window.set_theme(Theme.DARK)
    QApplication.processEvents()
    cells = _status_cells(window)
    done = [item for item in cells.values() if item.text(COL_STATUS) == "Done"]
    assert done
    dark = dark_palette()
    expected = status_color(MilestoneStatus.DONE, dark)
    assert done[0].foreground(COL_STATUS).color() == expected
    assert contrast(expected, dark.color(Role.Base)) >= TEXT_AA


def test_status_is_never_shown_by_colour_alone(window: MainWindow) -> None:
    words = {STATUS_TEXT[status]: status for status in MilestoneStatus}
    cells = _status_cells(window)
    shown = set()
    for item in cells.values():
        text = item.text(COL_STATUS)
        word = text.split(" · ")[-1]
        assert word in words, text  # a word for every status, "⚠ overdue · ..." when late
        assert not item.icon(COL_STATUS).isNull()  # and a shape
        shown.add(words[word])
        if text.startswith(OVERDUE_MARK):
            assert item.toolTip(COL_STATUS)
    assert {MilestoneStatus.DONE, MilestoneStatus.IN_PROGRESS} <= shown
    icons = {
        status_icon(status, light_palette()).pixmap(16, 16).toImage().bits().tobytes()
        for status in MilestoneStatus
    }
    assert len(icons) == len(MilestoneStatus)  # four different shapes
    pace = window.progress_page.status_label.text()
    assert pace[0] in "◌○●▲▼✓" and any(c.isalpha() for c in pace)  # a symbol and words
    assert window.save_label.text() in ("✓ Saved", "⚠ Not saved yet")
    legend = window.timeline_page.findChild(TimelineLegend)
    assert legend is not None
    texts = {label.text() for label in legend.findChildren(QLabel)}
    assert set(STATUS_TEXT.values()) | {"Today"} <= texts


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_an_unchecked_box_has_a_visible_outline(qtbot: QtBot, theme: Theme) -> None:
    apply_theme(theme)
    tree = QTreeWidget()
    qtbot.addWidget(tree)
    item = QTreeWidgetItem(tree, [""])  # no text: only the box is painted in the row
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(0, Qt.CheckState.Unchecked)
    tree.resize(300, 100)
    tree.show()
    qtbot.waitExposed(tree)
    QApplication.processEvents()
    base = tree.palette().color(Role.Base)
    rect = tree.visualItemRect(item)
    image = tree.viewport().grab(rect).toImage()
    strongest = max(
        contrast(image.pixelColor(x, y), base)
        for x in range(image.width())
        for y in range(image.height())
    )
    assert strongest >= GRAPHICS  # the outline of the box (Fusion's: 1.3:1 dark, 1.9:1 light)
