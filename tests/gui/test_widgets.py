"""Small GUI helpers: dates on screen, status icons, the wrapping legend layout."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from planner.core.profile import MilestoneStatus
from planner.gui.widgets import FlowLayout, fmt_date, status_icon
from planner.report.text import humanize_dates


def test_dates_on_screen() -> None:
    assert fmt_date(date(2027, 3, 1)) == "Mar 1, 2027"
    assert fmt_date(None) == ""
    assert humanize_dates("ends on 2026-11-30.") == "ends on Nov 30, 2026."
    assert humanize_dates("not a date: 2026-13-45") == "not a date: 2026-13-45"


def test_each_status_has_its_own_icon(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    images = {
        status: status_icon(status, widget.palette()).pixmap(16, 16).toImage()
        for status in MilestoneStatus
    }
    assert len({bytes(image.constBits()) for image in images.values()}) == len(MilestoneStatus)


def test_flow_layout_wraps(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    flow = FlowLayout(host)
    for index in range(12):
        flow.addWidget(QLabel(f"Legend entry {index}"))
    wide = flow.heightForWidth(5000)
    narrow = flow.heightForWidth(200)
    assert narrow > 3 * wide
    assert flow.count() == 12
