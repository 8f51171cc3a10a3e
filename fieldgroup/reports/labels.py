"""Printed names of the choices the documents show (meeting types, attendance and action statuses): core/choices.py."""

from __future__ import annotations

from fieldgroup.core.choices import ACTION_STATUS, ATTENDANCE, MEETING_KIND
from fieldgroup.i18n import pgettext

MEETING_KIND_LABELS = MEETING_KIND.labels()
ATTENDANCE_LABELS = ATTENDANCE.labels()
ACTION_STATUS_LABELS = ACTION_STATUS.labels()


def label(labels: dict, key: str | None) -> str:
    """The translated label of `key`, or the key itself when it is not a known choice."""
    if key is None:
        return ""
    return str(labels.get(key, key))


def attendance_label(status: str, gender: str | None) -> str:
    """The attendance status agreeing with the person where the language needs it ("présente")."""
    if gender == "female":
        # The contexts let French, Spanish and Portuguese give the feminine form; others repeat the word.
        if status == "present":
            return pgettext("attendance of a woman", "present")
        if status == "excused":
            return pgettext("attendance of a woman", "excused")
        if status == "absent":
            return pgettext("attendance of a woman", "absent")
    return label(ATTENDANCE_LABELS, status)
