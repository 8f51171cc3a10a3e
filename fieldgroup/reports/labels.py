"""Printed names of the choices the documents show (meeting types, attendance and action statuses): core/choices.py."""

from __future__ import annotations

from fieldgroup.core.choices import ACTION_STATUS, ATTENDANCE, MEETING_KIND
from fieldgroup.i18n import pgettext, translate_or_none

MEETING_KIND_LABELS = MEETING_KIND.labels()
ATTENDANCE_LABELS = ATTENDANCE.labels()
ACTION_STATUS_LABELS = ACTION_STATUS.labels()


def label(labels: dict, key: str | None) -> str:
    """The translated label of `key`, or the key itself when it is not a known choice."""
    if key is None:
        return ""
    return str(labels.get(key, key))


WOMAN = "attendance of a woman"


def attendance_label(status: str, gender: str | None) -> str:
    """The attendance status agreeing with the person where the language needs it ("présente").

    Falls back to the plain word while a catalog has no form for women yet (never to English)."""
    if gender == "female" and status in ATTENDANCE_LABELS and translate_or_none(WOMAN, status) is not None:
        # The contexts let French, Spanish and Portuguese give the feminine form; others repeat the word.
        feminine = {"present": lambda: pgettext("attendance of a woman", "present"),
                    "excused": lambda: pgettext("attendance of a woman", "excused"),
                    "absent": lambda: pgettext("attendance of a woman", "absent")}
        return feminine[status]()
    return label(ATTENDANCE_LABELS, status)
