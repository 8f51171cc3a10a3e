"""Meetings as calendar invitations (.ics): one meeting, or every meeting of the group in a period."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from icalendar import Calendar, Event, vCalAddress, vText

from fieldgroup import __version__
from fieldgroup.core import periods
from fieldgroup.exports.common import ExportError, ExportOptions, People, atomic_output, choose_group
from fieldgroup.i18n import _


def meetings_for(store: Any, options: ExportOptions) -> list[Any]:
    """The meeting asked for with --meeting, or the group's meetings in --period (a quarter or a year)."""
    if options.meeting_id:
        meeting = store.meetings.find(options.meeting_id)
        if meeting is None:
            raise ExportError(_("There is no meeting with id {id} in this store; check the meeting id.")
                              .format(id=options.meeting_id))
        return [meeting]
    period = options.period or (str(options.year) if options.year else None)
    if not period or not (periods.is_valid(period, "quarter") or periods.is_valid(period, "year")):
        raise ExportError(_("Choose one meeting with --meeting ID or a period with --period, for example 2025-Q3."))
    start, end = periods.bounds(period)
    group = choose_group(store, options.group_id)
    return sorted((m for m in store.meetings.list(group_id=group.id) if start <= m.date <= end), key=lambda m: m.date)


def write_ics(store: Any, out: Path | str, options: ExportOptions) -> int:
    """A calendar with one event per meeting; returns how many meetings it holds."""
    meetings = meetings_for(store, options)
    people = People(store, options.include_protected)
    calendar = Calendar()
    calendar.add("prodid", f"-//FieldGroup//FieldGroup {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    stamp = datetime.now(UTC).replace(microsecond=0)
    for meeting in meetings:
        calendar.add_component(_event(store, meeting, people, stamp))
    with atomic_output(out, binary=True) as handle:
        handle.write(calendar.to_ical())
    return len(meetings)


def _at(day: Any, hhmm: str) -> datetime:
    hour, minute = (int(part) for part in hhmm.split(":"))
    return datetime(day.year, day.month, day.day, hour, minute)


def _event(store: Any, meeting: Any, people: People, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"{meeting.id}@fieldgroup")
    event.add("dtstamp", stamp)
    if meeting.start_time:
        # The wall clock where the meeting is held, as stored: a "floating" time, the same on every calendar.
        event.add("dtstart", _at(meeting.date, meeting.start_time))
        if meeting.end_time:
            event.add("dtend", _at(meeting.date, meeting.end_time))
    else:  # a day without an hour: an all-day event
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + timedelta(days=1))
    group = store.groups.find(meeting.group_id)
    event.add("summary", people.text(meeting.title) or _("Meeting of {group}").format(group=group.name if group else ""))
    if meeting.place:
        event.add("location", people.text(meeting.place))
    if meeting.agenda:
        event.add("description", people.text(meeting.agenda))
    for line in store.attendance.of_meeting(meeting.id):
        person = people.person_record(line.person_id)
        # Protected people are never listed (their e-mail address alone could place them).
        if person is None or people.is_hidden(person.id) or not person.email or line.status == "absent":
            continue
        if "@{" in person.email:  # someone else's address, turned into a mention: not theirs to invite
            continue
        attendee = vCalAddress(f"mailto:{person.email}")
        attendee.params["cn"] = vText(person.name)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        event.add("attendee", attendee, encode=0)
    return event
