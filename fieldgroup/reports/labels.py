"""Printed names of the choices the documents show (meeting types, attendance and action statuses): core/choices.py."""

from __future__ import annotations

from fieldgroup.core.choices import ACTION_STATUS, ATTENDANCE, MEETING_KIND

MEETING_KIND_LABELS = MEETING_KIND.labels()
ATTENDANCE_LABELS = ATTENDANCE.labels()
ACTION_STATUS_LABELS = ACTION_STATUS.labels()


def label(labels: dict, key: str | None) -> str:
    """The translated label of `key`, or the key itself when it is not a known choice."""
    if key is None:
        return ""
    return str(labels.get(key, key))
