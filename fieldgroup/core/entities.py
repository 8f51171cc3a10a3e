"""Plain record objects returned by the public API; no behaviour beyond reading their fields."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    name: str
    country: str | None = None
    region: str | None = None
    parent_id: str | None = None
    language: str | None = None
    balance_threshold: float | None = None
    kind: str | None = None
    include_home_governments: bool = False


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    group_id: str
    name: str
    pillar: str
    kind: str | None = None
    region: str | None = None
    subtype: str | None = None


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    organisation_id: str
    name: str
    role: str | None = None
    gender: str | None = None
    email: str | None = None
    phone: str | None = None
    protected: bool = False
    focal_point: bool = False
    notes: str | None = None
    indigenous: bool = False
    youth: bool = False
    disability: bool = False
    affected_community: bool = False


@dataclass(frozen=True, slots=True)
class Membership:
    """An organisation's tie to a group: member, observer, invited or left, with dates."""

    id: str
    organisation_id: str
    group_id: str
    status: str
    start_date: date | None = None
    end_date: date | None = None

    def is_current(self, day: date) -> bool:
        """A member or observer on `day` (started, not ended, not left)."""
        return (self.status in ("member", "observer") and (self.start_date is None or self.start_date <= day)
                and (self.end_date is None or self.end_date >= day))


@dataclass(frozen=True, slots=True)
class Role:
    """A person's role in a group (chair, co-chair, secretariat, focal point, alternate), with dates."""

    id: str
    person_id: str
    group_id: str
    organisation_id: str
    role: str
    start_date: date | None = None
    end_date: date | None = None

    def is_current(self, day: date) -> bool:
        return (self.start_date is None or self.start_date <= day) and (self.end_date is None or self.end_date >= day)


@dataclass(frozen=True, slots=True)
class Meeting:
    id: str
    group_id: str
    kind: str
    date: date
    title: str | None = None
    place: str | None = None
    region: str | None = None
    pillar: str | None = None
    agenda: str | None = None
    minutes: str | None = None
    decisions: str | None = None
    start_time: str | None = None  # "HH:MM", the wall clock where the meeting is held
    end_time: str | None = None

    @property
    def agenda_items(self) -> list[str]:
        """The agenda, one item per line, in order."""
        return [line.strip() for line in (self.agenda or "").splitlines() if line.strip()]


@dataclass(frozen=True, slots=True)
class Attendance:
    id: str
    meeting_id: str
    person_id: str
    status: str


@dataclass(frozen=True, slots=True)
class ActionItem:
    id: str
    group_id: str
    title: str
    status: str
    meeting_id: str | None = None
    description: str | None = None
    owner_person_id: str | None = None
    owner_organisation_id: str | None = None
    due_date: date | None = None
    completed_on: date | None = None

    def is_overdue(self, today: date) -> bool:
        """Still open or in progress after its due date."""
        return self.status in ("open", "in_progress") and self.due_date is not None and self.due_date < today


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    group_id: str
    name: str
    unit: str
    direction: str
    period_kind: str
    code: str | None = None
    description: str | None = None
    baseline_value: float | None = None
    baseline_date: date | None = None
    computed: str | None = None
    result_id: str | None = None


@dataclass(frozen=True, slots=True)
class IndicatorTarget:
    id: str
    indicator_id: str
    period: str
    value: float


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    id: str
    indicator_id: str
    period: str
    value: float
    note: str | None = None
    evidence_meeting_id: str | None = None
    evidence_action_id: str | None = None
    verified: bool = False
    verified_by: str | None = None
    verified_on: date | None = None


ENTITY_TYPES = {
    "groups": Group,
    "organisations": Organisation,
    "people": Person,
    "memberships": Membership,
    "roles": Role,
    "meetings": Meeting,
    "attendance": Attendance,
    "action_items": ActionItem,
    "indicators": Indicator,
    "indicator_targets": IndicatorTarget,
    "indicator_values": IndicatorValue,
}

# The results framework's record types live in their own module (issue 17).
from fieldgroup.core.results_entities import RESULTS_ENTITY_TYPES  # noqa: E402

ENTITY_TYPES.update(RESULTS_ENTITY_TYPES)
