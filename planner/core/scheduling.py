"""Date rules of the schedule: study-block lengths, code-set switch-overs, AHIMA windows."""

from __future__ import annotations

import math
from datetime import date, timedelta

from planner.core.base import Figure
from planner.core.catalog import Background, Catalog, Certification
from planner.core.dates import add_months, add_weeks

TARGET_SLACK_DAYS = 91  # a target exam date this much later than the hours need is flagged
APPLY_LEAD_DAYS = 30  # apply this long before the window closes: approval takes days (planner rule)
TERM_MONTHS = 4  # a final term (semester) of a degree programme, for early testing (planner rule)
EARLY_TEST_BEFORE_END_DAYS = 30  # the early-tested exam falls in the final term's last month


def duration_end(start: date, prep: Figure, hours_per_week: float, hours: float) -> date:
    """End of a study block: hours scale with the learner's week, weeks and months do not."""
    if prep.unit == "hours":
        return add_weeks(start, max(1, math.ceil(hours / hours_per_week)))
    if prep.unit == "weeks":
        return add_weeks(start, math.ceil(prep.planning))
    return add_months(start, math.ceil(prep.planning))


def start_before(day: date, prep: Figure, hours_per_week: float, hours: float) -> date:
    """Start of a study block that ends on ``day``."""
    if prep.unit == "hours":
        return day - timedelta(weeks=max(1, math.ceil(hours / hours_per_week)))
    if prep.unit == "weeks":
        return day - timedelta(weeks=math.ceil(prep.planning))
    return add_months(day, -math.ceil(prep.planning))


def avoid_switchover(day: date, catalog: Catalog) -> date:
    """Move an exam out of the days around a code-set switch-over (never earlier).

    A planner rule, not an AAPC or AHIMA one: AAPC even allows the previous year's books early
    in the year. Occasional updates (April 1) are not switch-overs.
    """
    margin = timedelta(days=catalog.training.exam_blackout_days)
    moved = True
    while moved:
        moved = False
        for update in catalog.training.codeset_updates:
            if not update.switch_over:
                continue
            for year in (day.year - 1, day.year, day.year + 1):
                switch = date(year, update.month, update.day)
                if switch - margin <= day <= switch + margin:
                    day = switch + margin + timedelta(days=1)
                    moved = True
    return day


def apply_date(exam: date, earliest: date, catalog: Catalog) -> date:
    """When to apply to AHIMA: inside its window before the exam, never before ``earliest``."""
    lead = catalog.training.application_window_days - APPLY_LEAD_DAYS
    return min(exam, max(earliest, exam - timedelta(days=lead)))


def prep_for(cert: Certification, catalog: Catalog) -> Figure:
    """The sourced preparation for ``cert``: its own figure, else the catalog's default."""
    return cert.prep if cert.prep is not None else catalog.training.default_prep


def prep_hours(prep: Figure, background: Background) -> float:
    # Coders already know the code sets: they plan at the low end of the sourced range.
    return prep.lo if background is Background.CODING else prep.planning
