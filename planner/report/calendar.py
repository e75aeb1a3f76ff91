"""The plan's milestones as an iCalendar (.ics) file of all-day events.

Every open milestone of the current plan becomes one all-day event on its due date (study steps,
the planned exam, credentials, code-set update dates and CEU cycle ends), filed under its kind's
label. Exams and CEU deadlines are busy time with reminders a week and a day before; the rest are
free. Done steps are dated on the day they were done, or left out (``CalendarOptions.done``);
skipped steps are left out. An optional weekly study block repeats (RRULE) from the start to the
planned exam, adding up to the planned hours per week: at a chosen time (18:00 unless told) on
weekdays or every day (by default weekdays up to 20 h a week, every day above).

The output is deterministic: the same plan, profile and options always give the same bytes. Each
event's UID is derived from the milestone id and the profile's start date and certification, so
importing the file again updates the events instead of duplicating them. SEQUENCE says how often
an event has changed, derived from the data alone (no export history is kept): 0 for an open step
on its original date; for a step a re-plan moved, 1 + the days from the plan's start to the day
the re-plan was accepted (1 when inputs alone moved it); for a done step, 1 + the days from the
plan's start to the day it was done. A later re-plan or completion therefore carries a higher
SEQUENCE than the export before it, which is what calendar programs compare.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from icalendar import Alarm, Calendar, Event

from planner.core.fileio import write_atomically
from planner.core.plan import Milestone, MilestoneKind
from planner.core.profile import MilestoneStatus, Profile

if TYPE_CHECKING:
    from planner.core.state import PlanState

PRODID = "-//Coding Path Planner//codepath//EN"
UID_DOMAIN = "codepath-planner"
BUSY_KINDS = frozenset({MilestoneKind.EXAM, MilestoneKind.CEU})  # exams and deadlines
REMINDERS = (timedelta(days=7), timedelta(days=1))  # before an exam or deadline
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")
EVERY_DAY = (*WEEKDAYS, "SA", "SU")


class StudyDays(StrEnum):
    """Which days of the week the weekly study block takes."""

    WEEKDAYS = "weekdays"
    EVERY_DAY = "every-day"

    @property
    def byday(self) -> tuple[str, ...]:
        return WEEKDAYS if self is StudyDays.WEEKDAYS else EVERY_DAY

    @classmethod
    def for_hours(cls, hours_per_week: float) -> StudyDays:
        """The days chosen when none are given: weekdays up to 20 h a week (4 h a day)."""
        return cls.WEEKDAYS if hours_per_week <= 20 else cls.EVERY_DAY


class DoneSteps(StrEnum):
    """What the calendar does with steps already done."""

    DATED = "dated"  # one event on the day it was done
    OMIT = "omit"  # left out


@dataclass(frozen=True)
class CalendarOptions:
    """Choices of a calendar export (the GUI asks; the CLI has flags)."""

    done: DoneSteps = DoneSteps.DATED
    weekly_study: bool = False
    study_time: time = time(18, 0)  # local (floating) time the study blocks start
    study_days: StudyDays | None = None  # None: StudyDays.for_hours(the planned hours)


def one_line_text(text: str) -> str:
    """``text`` with line breaks and other control characters turned into single spaces.

    A calendar property is one content line: a newline typed into the learner's name must not
    break the file (or the export).
    """
    cleaned = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in text)
    return " ".join(cleaned.split())


def profile_key(profile: Profile) -> str:
    """A short stable hash of what identifies the learner's plan (start date, certification)."""
    identity = f"{profile.inputs.start.isoformat()}|{profile.inputs.certification}"
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:12]


def event_uid(milestone: Milestone, profile: Profile) -> str:
    """The UID of a milestone's event: the same on every export of this profile's plan."""
    return f"{milestone.id}-{profile_key(profile)}@{UID_DOMAIN}"


def default_stamp(state: PlanState) -> datetime:
    """DTSTAMP when none is given: midnight UTC of the plan's start, or of the last re-plan.

    Derived from the saved data (not the clock), so exporting twice gives identical bytes.
    """
    profile = state.profile
    day = state.plan.inputs.start
    if profile.replan is not None:
        day = max(day, profile.replan.accepted_on)
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def build_calendar(
    state: PlanState, *, stamp: datetime | None = None, options: CalendarOptions | None = None
) -> bytes:
    """The milestones of the current plan as an iCalendar file (bytes, CRLF line ends)."""
    options = options or CalendarOptions()
    plan, profile = state.plan, state.profile
    stamp = stamp if stamp is not None else default_stamp(state)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    stamp = stamp.astimezone(UTC).replace(microsecond=0)
    who = one_line_text(profile.name)
    name = f"{plan.certification} roadmap" + (f": {who}" if who else "")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Coding Path Planner: {name}")
    events = []
    for milestone in plan.milestones():
        found = _milestone_event(state, milestone, stamp, options)
        if found is not None:
            events.append(found)
    for _day, _uid, event in sorted(events, key=lambda e: (e[0], e[1])):
        calendar.add_component(event)
    if options.weekly_study:
        calendar.add_component(study_block(state, stamp, options.study_time, options.study_days))
    data: bytes = calendar.to_ical()
    return data


def event_sequence(state: PlanState, milestone: Milestone) -> int:
    """How often the event has changed, from the data alone (see the module's docstring)."""
    profile, start = state.profile, state.plan.inputs.start
    progress = profile.milestones.get(milestone.id)
    if progress is not None and progress.status is MilestoneStatus.DONE and progress.done_on:
        return 1 + max(0, (progress.done_on - start).days)
    original = state.baseline.milestone(milestone.id)
    moved = original is not None and original.due != milestone.due
    if moved and profile.replan is not None:
        return 1 + max(0, (profile.replan.accepted_on - start).days)
    return 1 if moved else 0


def _milestone_event(
    state: PlanState, milestone: Milestone, stamp: datetime, options: CalendarOptions
) -> tuple[date, str, Event] | None:
    profile = state.profile
    status = profile.milestone_status(milestone.id)
    if status is MilestoneStatus.SKIPPED:
        return None
    day, summary = milestone.due, one_line_text(milestone.title)
    done = status is MilestoneStatus.DONE
    if done:
        if options.done is DoneSteps.OMIT:
            return None
        progress = profile.milestones.get(milestone.id)
        day = progress.done_on if progress is not None and progress.done_on else day
        summary = f"Done: {summary}"
    event = Event()
    uid = event_uid(milestone, profile)
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("sequence", event_sequence(state, milestone))
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", one_line_text(milestone.why))
    event.add("categories", [milestone.kind.label])
    busy = milestone.kind in BUSY_KINDS and not done
    event.add("transp", "OPAQUE" if busy else "TRANSPARENT")  # the other steps are reminders
    if busy:
        for before in REMINDERS:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add(
                "description", f"{summary}: {'in a week' if before.days == 7 else 'tomorrow'}"
            )
            alarm.add("trigger", -before)
            event.add_component(alarm)
    return day, uid, event


def study_block(
    state: PlanState,
    stamp: datetime,
    start_time: time = time(18, 0),
    study_days: StudyDays | None = None,
) -> Event:
    """Weekly study blocks from the plan's start to its exam, adding up to the planned hours.

    The hours are shared by ``study_days``; when not given, five weekdays up to 20 h a week
    (4 h a day) and all seven above.
    """
    plan, profile = state.plan, state.profile
    hours = plan.inputs.hours_per_week
    days = (study_days or StudyDays.for_hours(hours)).byday
    minutes = max(15, round(hours * 60 / len(days)))
    event = Event()
    event.add("uid", f"study-block-{profile_key(profile)}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("sequence", 0)
    event.add("dtstart", datetime.combine(plan.inputs.start, start_time))  # floating: local
    event.add("duration", timedelta(minutes=minutes))
    until = datetime.combine(plan.exam_date, time(23, 59, 59))
    event.add("rrule", {"freq": "weekly", "byday": list(days), "until": until})
    event.add("summary", f"Study ({hours:g} h a week)")
    event.add(
        "description",
        f"Your plan counts on {hours:g} study hours a week until the {plan.exam_credential} "
        "exam; move these blocks to the times that suit you.",
    )
    event.add("categories", ["Study"])
    event.add("transp", "OPAQUE")
    return event


def all_day_events(data: bytes) -> list[tuple[str, date, str]]:
    """(UID, date, summary) of every all-day event in ``data`` (for tests and checks)."""
    calendar = Calendar.from_ical(data)
    return [
        (str(e["uid"]), e.decoded("dtstart"), str(e["summary"]))
        for e in calendar.walk("VEVENT")
        if not isinstance(e.decoded("dtstart"), datetime)
    ]


def write_ics(
    state: PlanState,
    path: Path,
    *,
    stamp: datetime | None = None,
    options: CalendarOptions | None = None,
) -> None:
    """Write the calendar to ``path`` atomically (temp file beside it, then os.replace).

    Raises OSError naming ``path`` when the folder is missing or not writable.
    """
    write_atomically(Path(path), build_calendar(state, stamp=stamp, options=options))
