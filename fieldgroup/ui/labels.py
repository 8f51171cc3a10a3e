"""Words shown for the stored choice values (meeting types, statuses, genders): from core/choices.py."""

from __future__ import annotations

from fieldgroup.core.choices import ACTION_STATUS, ATTENDANCE, GENDER, MEETING_KIND, PILLAR, not_recorded

MEETING_KIND_LABELS = MEETING_KIND.labels()
ATTENDANCE_LABELS = ATTENDANCE.labels()
ACTION_STATUS_LABELS = ACTION_STATUS.labels()
GENDER_LABELS = GENDER.labels()

__all__ = ["ACTION_STATUS_LABELS", "ATTENDANCE_LABELS", "GENDER_LABELS", "MEETING_KIND_LABELS", "label",
           "not_recorded", "pillar_label"]


def label(table: dict, value: str | None, empty: str = "") -> str:
    """The translated word for `value`, or `value` itself when unknown (data from a newer version)."""
    if value is None:
        return empty
    return str(table.get(value, value))


def pillar_label(pillar: str | None) -> str:
    return PILLAR.label(pillar)
