"""The plan's milestones as an iCalendar (.ics) file of all-day events.

Every milestone of the current plan becomes one all-day event on its due date (study steps, the
planned exam, credentials, code-set update dates and CEU cycle ends), filed under its kind's
label. The output is deterministic: the same plan and profile always give the same bytes, and
each event's UID is derived from the milestone id and the profile's start date and
certification, so importing the file again updates the events instead of duplicating them.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from icalendar import Calendar, Event

from planner.core.fileio import write_atomically
from planner.core.plan import Milestone
from planner.core.profile import Profile

if TYPE_CHECKING:
    from planner.core.state import PlanState

PRODID = "-//Coding Path Planner//codepath//EN"
UID_DOMAIN = "codepath-planner"


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


def build_calendar(state: PlanState, *, stamp: datetime | None = None) -> bytes:
    """The milestones of the current plan as an iCalendar file (bytes, CRLF line ends)."""
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
    for milestone in sorted(plan.milestones(), key=lambda m: (m.due, m.id)):
        calendar.add_component(_event(milestone, profile, stamp))
    data: bytes = calendar.to_ical()
    return data


def _event(milestone: Milestone, profile: Profile, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", event_uid(milestone, profile))
    event.add("dtstamp", stamp)
    event.add("dtstart", milestone.due)
    event.add("dtend", milestone.due + timedelta(days=1))
    event.add("summary", one_line_text(milestone.title))
    event.add("description", one_line_text(milestone.why))
    event.add("categories", [milestone.kind.label])
    event.add("transp", "TRANSPARENT")  # an all-day reminder, not busy time
    return event


def all_day_events(data: bytes) -> list[tuple[str, date, str]]:
    """(UID, date, summary) of every event in ``data`` (for tests and checks)."""
    calendar = Calendar.from_ical(data)
    return [
        (str(e["uid"]), e.decoded("dtstart"), str(e["summary"])) for e in calendar.walk("VEVENT")
    ]


def write_ics(state: PlanState, path: Path, *, stamp: datetime | None = None) -> None:
    """Write the calendar to ``path`` atomically (temp file beside it, then os.replace).

    Raises OSError naming ``path`` when the folder is missing or not writable.
    """
    write_atomically(Path(path), build_calendar(state, stamp=stamp))
