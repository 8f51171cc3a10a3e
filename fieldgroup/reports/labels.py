"""Printed names of the choices the documents show (meeting types, attendance and action statuses)."""

from __future__ import annotations

from fieldgroup.i18n import N_

MEETING_KIND_LABELS = {
    "plenary": N_("Plenary"),
    "pillar": N_("Pillar meeting"),
    "subnational": N_("Sub-national meeting"),
    "workshop": N_("Workshop"),
}

ATTENDANCE_LABELS = {
    "present": N_("present"),
    "excused": N_("excused"),
    "absent": N_("absent"),
}

ACTION_STATUS_LABELS = {
    "open": N_("open"),
    "in_progress": N_("in progress"),
    "done": N_("done"),
    "dropped": N_("dropped"),
}


def label(labels: dict, key: str | None) -> str:
    """The translated label of `key`, or the key itself when it is not a known choice."""
    if key is None:
        return ""
    return str(labels.get(key, key))
