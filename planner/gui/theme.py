"""The colour theme: System, Light or Dark (Fusion palettes), and colours derived from a palette."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from PySide6.QtCore import QPointF, QRectF, QSettings, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

from planner.report.charts import DARK_COLORS, PRINT_COLORS, ChartColors, contrast_ratio

THEME_KEY = "view/theme"  # where the choice is kept in QSettings


class Theme(StrEnum):
    """The View > Theme choice."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        return {"system": "&System", "light": "&Light", "dark": "&Dark"}[self.value]


Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# role: (active and inactive, disabled); every text role reads at WCAG AA (4.5:1) on its
# background, disabled text at 3:1
_LIGHT: dict[QPalette.ColorRole, tuple[str, str]] = {
    Role.Window: ("#efefef", "#efefef"),
    Role.WindowText: ("#1a1a1a", "#6e6e6e"),
    Role.Base: ("#ffffff", "#f4f4f4"),
    Role.AlternateBase: ("#f3f5f8", "#f3f5f8"),
    Role.Text: ("#1a1a1a", "#6e6e6e"),
    Role.PlaceholderText: ("#5c5f66", "#767676"),
    Role.Button: ("#e6e6e6", "#e6e6e6"),
    Role.ButtonText: ("#1a1a1a", "#6e6e6e"),
    Role.BrightText: ("#ffffff", "#ffffff"),
    Role.Highlight: ("#1f5fa8", "#9a9a9a"),
    Role.HighlightedText: ("#ffffff", "#ffffff"),
    Role.Link: ("#0b57b0", "#6e6e6e"),
    Role.LinkVisited: ("#6a3d9a", "#6e6e6e"),
    Role.ToolTipBase: ("#ffffdc", "#ffffdc"),
    Role.ToolTipText: ("#1a1a1a", "#1a1a1a"),
    Role.Light: ("#ffffff", "#ffffff"),
    Role.Midlight: ("#f4f4f4", "#f4f4f4"),
    Role.Mid: ("#b8b8b8", "#b8b8b8"),
    Role.Dark: ("#9a9a9a", "#9a9a9a"),
    Role.Shadow: ("#6a6a6a", "#6a6a6a"),
    Role.Accent: ("#1f5fa8", "#9a9a9a"),
}
_DARK: dict[QPalette.ColorRole, tuple[str, str]] = {
    Role.Window: ("#2b2c30", "#2b2c30"),
    Role.WindowText: ("#e8e8e8", "#8c8f96"),
    Role.Base: ("#1e1f22", "#25262a"),
    Role.AlternateBase: ("#26282c", "#26282c"),
    Role.Text: ("#e8e8e8", "#8c8f96"),
    Role.PlaceholderText: ("#a4a8b0", "#80838a"),
    Role.Button: ("#3a3b40", "#323337"),
    Role.ButtonText: ("#e8e8e8", "#8c8f96"),
    Role.BrightText: ("#ffffff", "#ffffff"),
    Role.Highlight: ("#2f6fbf", "#4a4c52"),
    Role.HighlightedText: ("#ffffff", "#c8c8c8"),
    Role.Link: ("#8ab4f8", "#8c8f96"),
    Role.LinkVisited: ("#c9a0f0", "#8c8f96"),
    Role.ToolTipBase: ("#3a3b40", "#3a3b40"),
    Role.ToolTipText: ("#e8e8e8", "#e8e8e8"),
    Role.Light: ("#55575d", "#55575d"),
    Role.Midlight: ("#46484d", "#46484d"),
    Role.Mid: ("#6a6d74", "#6a6d74"),
    Role.Dark: ("#141517", "#141517"),
    Role.Shadow: ("#000000", "#000000"),
    Role.Accent: ("#2f6fbf", "#4a4c52"),
}


def _palette(colors: dict[QPalette.ColorRole, tuple[str, str]]) -> QPalette:
    palette = QPalette()
    for role, (normal, disabled) in colors.items():
        for group in (Group.Active, Group.Inactive):
            palette.setColor(group, role, QColor(normal))
        palette.setColor(Group.Disabled, role, QColor(disabled))
    return palette


def light_palette() -> QPalette:
    """The Light theme's palette (Fusion)."""
    return _palette(_LIGHT)


def dark_palette() -> QPalette:
    """The Dark theme's palette (Fusion)."""
    return _palette(_DARK)


CHECK_ELEMENTS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
)


def draw_check_indicator(painter: QPainter, option: QStyleOption) -> None:
    """A check box whose outline reads on its background (Fusion's almost vanishes on dark).

    Outline in the placeholder-text colour (3:1 or more on Base), a tick when checked, a dash
    when partly checked.
    """
    palette, state = option.palette, option.state
    enabled = bool(state & QStyle.StateFlag.State_Enabled)
    group = Group.Active if enabled else Group.Disabled
    rect = QRectF(option.rect)
    side = min(rect.width(), rect.height()) - 2
    box = QRectF(0, 0, side, side)
    box.moveCenter(rect.center())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    checked = bool(state & QStyle.StateFlag.State_On)
    fill = palette.color(group, Role.Highlight if checked and enabled else Role.Base)
    painter.setPen(QPen(palette.color(group, Role.PlaceholderText), 1.2))
    painter.setBrush(fill)
    painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
    ink = palette.color(group, Role.HighlightedText if checked and enabled else Role.Text)
    painter.setPen(QPen(ink, max(1.5, side / 7)))
    if checked:
        tick = QPainterPath(QPointF(box.left() + side * 0.22, box.top() + side * 0.52))
        tick.lineTo(box.left() + side * 0.42, box.top() + side * 0.72)
        tick.lineTo(box.left() + side * 0.78, box.top() + side * 0.3)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
    elif state & QStyle.StateFlag.State_NoChange:
        y = box.center().y()
        painter.drawLine(
            QPointF(box.left() + side * 0.25, y), QPointF(box.right() - side * 0.25, y)
        )
    painter.restore()


class ThemeStyle(QProxyStyle):
    """Fusion, with check boxes that stay visible in the Light and Dark themes."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element in CHECK_ELEMENTS:
            draw_check_indicator(painter, option)
            return
        super().drawPrimitive(element, option, painter, widget)


_system: tuple[str, QPalette] | None = None  # the style and palette before a theme was chosen
_current = Theme.SYSTEM


def apply_theme(theme: Theme) -> None:
    """Give the whole application the ``theme`` (System puts the platform's look back).

    Widgets get a PaletteChange event; the charts and the timeline re-colour on it.
    """
    global _system, _current
    app = QApplication.instance()
    if not isinstance(app, QApplication) or (theme is _current and _system is not None):
        return
    if _system is None:
        if theme is Theme.SYSTEM:
            return  # nothing changed yet
        _system = (app.style().name(), QPalette(app.palette()))
    if theme is Theme.SYSTEM:
        style, palette = _system
        app.setStyle(QStyleFactory.create(style))
        app.setPalette(palette)
    else:
        app.setStyle(ThemeStyle())
        app.setPalette(dark_palette() if theme is Theme.DARK else light_palette())
    _current = theme


def current_theme() -> Theme:
    return _current


def saved_theme(settings: QSettings) -> Theme:
    """The theme kept in ``settings`` (System when none or an unknown one is kept)."""
    value = settings.value(THEME_KEY)
    return Theme(value) if value in tuple(Theme) else Theme.SYSTEM


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` is light text on a dark background."""
    return palette.color(Role.Base).lightness() < 128


def contrast(foreground: QColor, background: QColor) -> float:
    """The WCAG contrast ratio of two colours (alpha ignored)."""
    return contrast_ratio(foreground.name(), background.name())


def chart_colors(palette: QPalette) -> ChartColors:
    """The charts' colours on this palette: its background and text, hues that read on it."""
    base = PRINT_COLORS if not is_dark(palette) else DARK_COLORS
    return replace(
        base,
        background=palette.color(Role.Base).name(),
        text=palette.color(Role.Text).name(),
    )


def today_color(palette: QPalette) -> QColor:
    """The red of the 'Today' line and label (readable text on the palette's Base)."""
    return QColor("#ff8a80" if is_dark(palette) else "#c62828")


def logged_color(palette: QPalette) -> QColor:
    """The green of the logged-hours line."""
    return QColor("#6fcf87" if is_dark(palette) else "#2e7d32")
