"""Calendar arithmetic used by the plan builder (pure, no clock)."""

from __future__ import annotations

import calendar
import math
from datetime import date, timedelta

HORIZON_YEARS = 10  # every plan, its outlook and its cost totals cover this many years
# English month names, the same in every locale (strftime's %b and %B follow the locale)
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def add_months(day: date, months: int) -> date:
    """Same day of month ``months`` later (clamped to the month's last day)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_weeks(day: date, weeks: float) -> date:
    """``weeks`` later, rounded up to whole days."""
    return day + timedelta(days=math.ceil(weeks * 7))


def add_years(day: date, years: float) -> date:
    """``years`` later: whole months, rounded up."""
    return add_months(day, math.ceil(years * 12 - 1e-9))


def months_between(start: date, end: date) -> int:
    """Whole calendar months from start to end (negative if end is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return months


def weeks_between(start: date, end: date) -> float:
    """Weeks from start to end."""
    return (end - start).days / 7


def at_fraction(start: date, end: date, fraction: float) -> date:
    """The day ``fraction`` of the way from start to end."""
    return start + timedelta(days=round((end - start).days * fraction))


def format_date(day: date) -> str:
    """'Mar 1, 2027': the one human date of the window, the print-out and the command line."""
    return f"{MONTH_NAMES[day.month - 1][:3]} {day.day}, {day.year}"


def format_month(day: date) -> str:
    """ "Mar '27", for chart axes."""
    return f"{MONTH_NAMES[day.month - 1][:3]} '{day.year % 100:02d}"
