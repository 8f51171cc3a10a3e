"""Undo (Ctrl+Z) for status changes, Mark done, edits of action items and meeting details: QUndoStack commands.

A command's first redo() is the change itself, so every change goes through `push`. Deleting is not
here on purpose: a delete leaves a tombstone that syncs to the other laptops and cannot be taken
back, so it asks first instead."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from fieldgroup.formatting import format_number
from fieldgroup.i18n import _, ngettext


class StatusChange(QUndoCommand):
    """New statuses for some action items; undo puts the old ones back."""

    def __init__(self, apply: Callable[[dict[str, str]], None], old: dict[str, str], new: dict[str, str]):
        count = len(new)
        if set(new.values()) == {"done"}:
            text = ngettext("mark {n} action item done", "mark {n} action items done", count).format(n=format_number(count))
        else:
            text = ngettext("change the status of {n} action item", "change the status of {n} action items",
                            count).format(n=format_number(count))
        super().__init__(text)
        self.apply, self.old, self.new = apply, old, new

    def redo(self) -> None:
        self.apply(self.new)

    def undo(self) -> None:
        self.apply(self.old)


class RecordEdit(QUndoCommand):
    """An edit already saved by a dialog: the first redo does nothing; undo writes the old values back."""

    def __init__(self, apply: Callable[[dict[str, Any]], None], old: dict[str, Any], new: dict[str, Any],
                 text: str | None = None):
        super().__init__(text or _("edit the action item"))
        self.apply, self.old, self.new = apply, old, new
        self.first = True

    def redo(self) -> None:
        if self.first:
            self.first = False
            return
        self.apply(self.new)

    def undo(self) -> None:
        self.apply(self.old)


class AttendanceChange(QUndoCommand):
    """People added to, marked on or taken off one meeting's list; undo puts the list back as it was.

    `old`/`new` map a person id to a status, or to None for "not on the list". Taking someone off
    leaves a tombstone, but a person at a meeting is a pair that may be added again, so this undoes."""

    def __init__(self, apply: Callable[[dict[str, str | None]], None], old: dict[str, str | None],
                 new: dict[str, str | None]):
        count = len(new)
        if all(old.get(pid) is None for pid in new):
            text = ngettext("add {n} attendee", "add {n} attendees", count)
        elif all(status is None for status in new.values()):
            text = ngettext("remove {n} attendee", "remove {n} attendees", count)
        else:
            text = ngettext("change the attendance of {n} person", "change the attendance of {n} people", count)
        super().__init__(text.format(n=count))
        self.apply, self.old, self.new = apply, old, new

    def redo(self) -> None:
        self.apply(self.new)

    def undo(self) -> None:
        self.apply(self.old)


class MeetingDetailsEdit(RecordEdit):
    """A change of one meeting's details (type, date, times, title, place, region, pillar, agenda) made in
    the editor. It is already on screen when pushed, so the first redo does nothing; while the same
    fields keep changing the editor moves `new` along, so one stretch of typing is one step."""

    def __init__(self, meeting_id: str, apply: Callable[[dict[str, Any]], None], old: dict[str, Any],
                 new: dict[str, Any]):
        super().__init__(apply, dict(old), dict(new), _("edit the meeting details"))
        self.meeting_id = meeting_id

    def fields(self) -> set[str]:
        return {name for name in self.new if self.new[name] != self.old.get(name)}
