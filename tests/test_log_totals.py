"""The study log's running totals: after any edits they equal the totals of the whole log."""

from __future__ import annotations

import math
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.catalog import default_catalog
from planner.core.inputs import PlanInputs
from planner.core.log_totals import LogTotals, exact_sum, one_added
from planner.core.profile import Profile, StudyEntry
from planner.core.state import derive

CATALOG = default_catalog()
TODAY = date(2027, 3, 2)
DAYS = st.integers(-800, 120).map(lambda offset: TODAY + timedelta(days=offset))
HOURS = st.one_of(
    st.sampled_from([0.1, 0.2, 0.25, 0.3, 1.0, 1.5, 3.0, 24.0]),
    st.floats(min_value=1e-6, max_value=24, allow_nan=False, allow_infinity=False),
)
ENTRIES = st.builds(StudyEntry, day=DAYS, hours=HOURS, topic=st.just("CPT"))
# one edit: add an entry, remove the entry at a position, or undo back to an earlier list
EDITS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), ENTRIES),
        st.tuples(st.just("remove"), st.integers(0, 10_000)),
        st.tuples(st.just("undo"), st.integers(0, 10_000)),
        st.tuples(st.just("replace"), st.lists(ENTRIES, max_size=4)),
    ),
    max_size=30,
)
RANGES = [
    (None, None),
    (None, TODAY),
    (TODAY + timedelta(days=1), None),
    (TODAY - timedelta(days=27), TODAY),
    (date(2026, 2, 27), date(2026, 3, 1)),
    (date(2025, 12, 31), date(2026, 1, 1)),
    (TODAY, TODAY - timedelta(days=1)),
]


def edited_logs(edits: list[tuple[str, object]]) -> list[list[StudyEntry]]:
    """Each log after each edit, as the window makes them (lists replaced whole, undo restores)."""
    history: list[list[StudyEntry]] = [[]]
    log = history[0]
    for kind, value in edits:
        if kind == "add" and isinstance(value, StudyEntry):
            log = [*log, value]
        elif kind == "remove" and isinstance(value, int) and log:
            gone = log[value % len(log)]
            log = [e for e in log if e is not gone]
        elif kind == "undo" and isinstance(value, int):
            log = history[value % len(history)]
        elif kind == "replace" and isinstance(value, list):
            log = list(value)
        history.append(log)
    return history[1:]


def naive_hours(log: list[StudyEntry], first: date | None, last: date | None) -> float:
    return math.fsum(
        e.hours
        for e in log
        if (first is None or e.day >= first) and (last is None or e.day <= last)
    )


@settings(max_examples=200, deadline=None)
@given(EDITS)
def test_totals_kept_through_edits_equal_the_totals_of_the_whole_log(
    edits: list[tuple[str, object]],
) -> None:
    totals = LogTotals.of([])
    for log in edited_logs(edits):
        totals = totals.updated(log)
        whole = LogTotals.of(log)
        assert totals.source is log
        for first, last in RANGES:
            assert totals.hours(first, last) == whole.hours(first, last)
            assert totals.hours(first, last) == naive_hours(log, first, last)
            in_range = [
                e
                for e in log
                if (first is None or e.day >= first) and (last is None or e.day <= last)
            ]
            assert totals.count(first, last) == len(in_range)
            assert totals.first_day(first, last) == min((e.day for e in in_range), default=None)
            days = sorted({e.day for e in in_range})
            assert totals.daily_cumulative(first, last) == tuple(
                (day, round(math.fsum(e.hours for e in in_range if e.day <= day), 2))
                for day in days
            )
            assert totals.daily_cumulative(first, last) == whole.daily_cumulative(first, last)


@settings(max_examples=60, deadline=None)
@given(EDITS, st.sampled_from(["CPC", "RHIT", "CCS"]))
def test_progress_after_edits_equals_progress_from_the_whole_log(
    edits: list[tuple[str, object]], certification: str
) -> None:
    inputs = PlanInputs(
        certification=certification,
        specialty="risk-adjustment",
        start=TODAY - timedelta(days=400),
        hours_per_week=10,
    )
    profile = Profile(inputs=inputs)
    state = derive(profile, CATALOG, TODAY)
    for log in edited_logs(edits):
        profile.study_log = log
        state = derive(profile, CATALOG, TODAY, previous=state)
        assert state.progress == derive(profile, CATALOG, TODAY).progress


def test_one_added_finds_the_one_new_object_only() -> None:
    a, b, c = (StudyEntry(day=TODAY, hours=1, topic=t) for t in "abc")
    assert one_added([a, c], [a, b, c]) is b
    assert one_added([a, b], [a, b, c]) is c
    assert one_added([a, b], [c, a, b]) is c
    assert one_added([a, b], [a, c, c]) is None
    assert one_added([a, b], [a, b]) is None


def test_an_exact_sum_does_not_depend_on_the_order() -> None:
    values = [0.1, 0.2, 0.3, 1e-6, 23.9]
    assert exact_sum(values) == exact_sum(list(reversed(values))) == math.fsum(values)
