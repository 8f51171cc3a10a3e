"""Matters arising: the action items a meeting must discuss, shared by the handout and the meeting editor."""

from __future__ import annotations

from dataclasses import dataclass
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


def previous_meeting(store: Any, meeting: Meeting) -> Meeting | None:
    """The group's last meeting before `meeting` (any kind), or None."""
    earlier = [m for m in store.meetings.list(group_id=meeting.group_id)
               if (m.date, m.id) < (meeting.date, meeting.id) and m.id != meeting.id]
    return max(earlier, key=lambda m: (m.date, m.id), default=None)


def matters_arising(store: Any, meeting: Meeting, limit: int = MATTERS_ARISING_LIMIT) -> MattersArising:
    """Open and in-progress items of the meeting's group that fell due since the group's previous
    meeting (after it, up to this meeting's day), the newest due first: what the meeting must discuss.

    Items due earlier were on the previous meeting's list; the action tracker keeps them all."""
    since = previous_meeting(store, meeting)
    due = [item for item in store.actions.open(meeting.group_id)
           if item.due_date is not None and item.due_date <= meeting.date
           and (since is None or item.due_date > since.date)
           and item.meeting_id != meeting.id]
    due.sort(key=lambda item: (item.due_date, item.title), reverse=True)
    return MattersArising(due[:limit], max(0, len(due) - limit), since)
