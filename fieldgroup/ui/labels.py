"""Words shown for the stored choice values (meeting types, statuses, genders), translated when displayed."""

from __future__ import annotations

from fieldgroup.core.schema import PILLAR_LABELS
from fieldgroup.i18n import N_, _

MEETING_KIND_LABELS = {
    "plenary": N_("Plenary"),
    "pillar": N_("Pillar meeting"),
    "subnational": N_("Sub-national meeting"),
    "workshop": N_("Workshop"),
}
ATTENDANCE_LABELS = {"present": N_("present"), "excused": N_("excused"), "absent": N_("absent")}
ACTION_STATUS_LABELS = {
    "open": N_("open"),
    "in_progress": N_("in progress"),
    "done": N_("done"),
    "dropped": N_("dropped"),
}
GENDER_LABELS = {"female": N_("woman"), "male": N_("man"), "other": N_("other")}


def label(table: dict, value: str | None, empty: str = "") -> str:
    """The translated word for `value`, or `value` itself when unknown (data from a newer version)."""
    if value is None:
        return empty
    return str(table.get(value, value))


def pillar_label(pillar: str | None) -> str:
    return label(PILLAR_LABELS, pillar)


def not_recorded() -> str:
    return _("not recorded")
