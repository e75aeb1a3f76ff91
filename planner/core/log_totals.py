"""Running totals of the study log by day, month and year, updated entry by entry.

Progress asks for the hours logged between two days (up to today, after today, before exam
preparation, over the pace window) and for the first day logged. Kept per day, month and
year, each answer costs a few dozen look-ups however long the log is, and adding or removing
one entry costs three. Sums are exact (integers in units of the smallest float), so the
totals after any sequence of edits equal the totals built from the whole log, bit for bit.
"""

from __future__ import annotations

import bisect
import calendar
import operator
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TypeVar

from planner.core.profile import StudyEntry

_SCALE_BITS = 1074  # every finite float is a whole multiple of 2**-1074
_SCALE = 1 << _SCALE_BITS

Bucket = tuple[int, int]  # (exact hours, entries)
Span = tuple[date | None, date | None]
Cumulative = tuple[list[date], list[int], tuple[tuple[date, float], ...]]
K = TypeVar("K")


def exact_hours(hours: float) -> int:
    """``hours`` as a whole number of 2**-1074 units (no rounding)."""
    numerator, denominator = hours.as_integer_ratio()
    return numerator << (_SCALE_BITS - (denominator.bit_length() - 1))


def as_hours(total: int) -> float:
    """An exact total back as the nearest float (int division in Python rounds correctly)."""
    return total / _SCALE


def exact_sum(values: Sequence[float]) -> float:
    """The correctly rounded sum of ``values`` (the same whatever their order)."""
    return as_hours(sum(map(exact_hours, values)))


def one_added(old: Sequence[object], new: Sequence[object]) -> object | None:
    """The one item ``new`` holds beyond ``old`` (the very same objects otherwise, in order)."""
    if len(new) != len(old) + 1:
        return None
    flags = list(map(operator.is_, old, new))  # C speed, also on long lists
    try:
        same = flags.index(False)
    except ValueError:
        same = len(flags)
    if all(map(operator.is_, old[same:], new[same + 1 :])):
        return new[same]
    return None


def _add(bucket: Bucket | None, hours: int, count: int) -> Bucket | None:
    total, entries = bucket if bucket is not None else (0, 0)
    entries += count
    return (total + hours, entries) if entries else None


def _bump(mapping: dict[K, Bucket], key: K, hours: int, count: int) -> None:
    bucket = _add(mapping.get(key), hours, count)
    if bucket is None:
        mapping.pop(key, None)
    else:
        mapping[key] = bucket


class LogTotals:
    """The study log's hours per day, month and year; a new object per edit (never changed)."""

    __slots__ = ("_all", "_cumulative", "_days", "_edited_day", "_months", "_years", "source")

    def __init__(
        self,
        source: Sequence[StudyEntry],
        days: dict[date, Bucket],
        months: dict[tuple[int, int], Bucket],
        years: dict[int, Bucket],
        whole: Bucket,
    ) -> None:
        self.source = source  # the list these totals describe (compared by identity)
        self._days = days
        self._months = months
        self._years = years
        self._all = whole
        # daily_cumulative answers: (first, last) -> (days, exact running totals, points)
        self._cumulative: dict[Span, Cumulative] = {}
        self._edited_day: date | None = None  # the day of the one entry these differ by

    @classmethod
    def of(cls, log: Sequence[StudyEntry]) -> LogTotals:
        """Totals built from the whole log (by day first, then months and years from days)."""
        exact: dict[float, int] = {}  # logs repeat a few values (1, 1.5, 2 h): convert once
        per_day: dict[date, list[int]] = {}
        for entry in log:
            hours = exact.get(entry.hours)
            if hours is None:
                hours = exact[entry.hours] = exact_hours(entry.hours)
            bucket = per_day.get(entry.day)
            if bucket is None:
                per_day[entry.day] = [hours, 1]
            else:
                bucket[0] += hours
                bucket[1] += 1
        days = {day: (hours, count) for day, (hours, count) in per_day.items()}
        months: dict[tuple[int, int], Bucket] = {}
        years: dict[int, Bucket] = {}
        for day, (hours, count) in days.items():
            _bump(months, (day.year, day.month), hours, count)
            _bump(years, day.year, hours, count)
        whole = (sum(h for h, _ in years.values()), sum(c for _, c in years.values()))
        return cls(log, days, months, years, whole)

    def updated(self, log: Sequence[StudyEntry]) -> LogTotals:
        """Totals of ``log``: from these by one entry when it adds or removes one, else anew."""
        if log is self.source:
            return self
        added = one_added(self.source, log)
        removed = one_added(log, self.source) if added is None else None
        if not isinstance(added, StudyEntry) and not isinstance(removed, StudyEntry):
            return LogTotals.of(log)
        changed = LogTotals(log, dict(self._days), dict(self._months), dict(self._years), self._all)
        if isinstance(added, StudyEntry):
            changed._change(added, 1)
            changed._edited_day = added.day
        elif isinstance(removed, StudyEntry):
            changed._change(removed, -1)
            changed._edited_day = removed.day
        changed._cumulative = {
            span: changed._cumulative_after_edit(span, known)
            for span, known in self._cumulative.items()
        }
        return changed

    def _change(self, entry: StudyEntry, sign: int) -> None:
        hours = sign * exact_hours(entry.hours)
        day = entry.day
        _bump(self._days, day, hours, sign)
        _bump(self._months, (day.year, day.month), hours, sign)
        _bump(self._years, day.year, hours, sign)
        whole = _add(self._all, hours, sign)
        self._all = whole if whole is not None else (0, 0)

    # ------------------------------------------------------------------ questions

    def _upto(self, day: date) -> Bucket:
        """Hours and entries dated on or before ``day``."""
        total = entries = 0
        for year, (hours, count) in self._years.items():
            if year < day.year:
                total += hours
                entries += count
        for month in range(1, day.month):
            hours, count = self._months.get((day.year, month), (0, 0))
            total += hours
            entries += count
        for number in range(1, day.day + 1):
            hours, count = self._days.get(day.replace(day=number), (0, 0))
            total += hours
            entries += count
        return total, entries

    def _between(self, first: date | None, last: date | None) -> Bucket:
        if first is not None and last is not None and first > last:
            return 0, 0
        high = self._all if last is None else self._upto(last)
        if first is None or first == date.min:
            return high
        low = self._upto(first - timedelta(days=1))
        return high[0] - low[0], high[1] - low[1]

    def hours(self, first: date | None = None, last: date | None = None) -> float:
        """Hours logged from ``first`` to ``last`` (both included; None: no bound)."""
        return as_hours(self._between(first, last)[0])

    def count(self, first: date | None = None, last: date | None = None) -> int:
        """Entries dated from ``first`` to ``last`` (both included; None: no bound)."""
        return self._between(first, last)[1]

    def first_day(self, first: date | None = None, last: date | None = None) -> date | None:
        """The earliest day with an entry from ``first`` to ``last``, or None."""
        start = first if first is not None else date.min
        found = self._first_from(start)
        return found if found is not None and (last is None or found <= last) else None

    def _first_from(self, start: date) -> date | None:
        for year in sorted(y for y in self._years if y >= start.year):
            first_month = start.month if year == start.year else 1
            for month in range(first_month, 13):
                if (year, month) not in self._months:
                    continue
                first_day = start.day if (year, month) == (start.year, start.month) else 1
                for number in range(first_day, calendar.monthrange(year, month)[1] + 1):
                    day = date(year, month, number)
                    if day in self._days:
                        return day
        return None

    def daily_cumulative(
        self, first: date | None = None, last: date | None = None
    ) -> tuple[tuple[date, float], ...]:
        """(day, hours logged from ``first`` up to that day, to 0.01 h) for each day logged.

        Kept from edit to edit: after one entry changed, only the days from its day on are
        summed again (an entry for today leaves the years before it as they were).
        """
        span = (first, last)
        known = self._cumulative.get(span)
        if known is None:
            days = sorted(
                day
                for day in self._days
                if (first is None or day >= first) and (last is None or day <= last)
            )
            known = self._summed(days, [], 0)
            self._cumulative[span] = known
        return known[2]

    def _summed(self, days: list[date], kept: list[int], start: int) -> Cumulative:
        """Running totals of ``days`` from position ``start`` on (``kept``: those before it)."""
        runs = kept
        running = runs[-1] if runs else 0
        points: list[tuple[date, float]] = []
        for day in days[start:]:
            running += self._days[day][0]
            runs.append(running)
            points.append((day, round(as_hours(running), 2)))
        return days, runs, tuple(points)

    def _cumulative_after_edit(self, span: Span, known: Cumulative) -> Cumulative:
        """The answer for ``span`` after the one-entry edit, from the answer before it."""
        first, last = span
        day = self._edited_day
        if day is None:
            return known
        if (first is not None and day < first) or (last is not None and day > last):
            return known
        days, runs, points = known
        position = bisect.bisect_left(days, day)
        changed = list(days)
        present = position < len(changed) and changed[position] == day
        if day in self._days and not present:
            changed.insert(position, day)
        elif day not in self._days and present:
            del changed[position]
        summed = self._summed(changed, runs[:position], position)
        return changed, summed[1], points[:position] + summed[2]
