"""Matters arising: the action items a meeting must discuss, shared by the handout and the meeting editor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from fieldgroup.core.entities import ActionItem, Meeting

# A handout is read at the table: past this many items the rest is counted, with a pointer to the tracker.
MATTERS_ARISING_LIMIT = 12


@dataclass(frozen=True, slots=True)
class MattersArising:
    """The items to discuss (newest due first, at most `limit`) and how many more there are."""

    items: list[ActionItem]
    more: int
    since: Meeting | None  # the group's previous meeting, None for its first one


def previous_meeting(store: Any, group_id: str, day: date, meeting_id: str | None = None) -> Meeting | None:
    """The group's last meeting before the meeting on `day` (any kind), or None."""
    earlier = [m for m in store.meetings.list(group_id=group_id)
               if m.id != meeting_id and (m.date < day or (m.date == day and meeting_id and m.id < meeting_id))]
    return max(earlier, key=lambda m: (m.date, m.id), default=None)


def matters_arising(store: Any, meeting: Meeting, limit: int = MATTERS_ARISING_LIMIT) -> MattersArising:
    """What the meeting must discuss: see matters_arising_on."""
    return matters_arising_on(store, meeting.group_id, meeting.date, meeting.id, limit)


def matters_arising_on(store: Any, group_id: str, day: date, meeting_id: str | None = None,
                       limit: int = MATTERS_ARISING_LIMIT) -> MattersArising:
    """Open and in-progress items of the group that fell due since its previous meeting (after it, up
    to `day`), the newest due first. `meeting_id` is the meeting itself when it is saved (its own new
    items are not matters arising); the meeting editor calls this for a meeting not saved yet.

    Items due earlier were on the previous meeting's list; the action tracker keeps them all."""
    since = previous_meeting(store, group_id, day, meeting_id)
    due = [item for item in store.actions.open(group_id)
           if item.due_date is not None and item.due_date <= day
           and (since is None or item.due_date > since.date)
           and (meeting_id is None or item.meeting_id != meeting_id)]
    due.sort(key=lambda item: (item.due_date, item.title), reverse=True)
    return MattersArising(due[:limit], max(0, len(due) - limit), since)
