"""Plain record objects of the results framework and work plan: profile, objective, result, activity, codes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fieldgroup.core.results_choices import ACTIVITY_OPEN


@dataclass(frozen=True, slots=True)
class GroupProfile:
    """One per group: vision and mission, and who the group is to funders' systems."""

    id: str
    group_id: str
    vision: str | None = None
    mission: str | None = None
    reporting_org_ref: str | None = None
    reporting_org_name: str | None = None
    reporting_org_type: str | None = None
    dhis2_org_unit: str | None = None
    currency: str | None = None


@dataclass(frozen=True, slots=True)
class Objective:
    id: str
    group_id: str
    title: str
    horizon: str
    code: str | None = None
    description: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    successes: str | None = None


@dataclass(frozen=True, slots=True)
class Result:
    id: str
    objective_id: str
    title: str
    result_type: str
    code: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Activity:
    id: str
    group_id: str
    title: str
    status: str
    objective_id: str | None = None
    result_id: str | None = None
    code: str | None = None
    description: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    owner_person_id: str | None = None
    owner_organisation_id: str | None = None
    budget_amount: float | None = None
    currency: str | None = None

    def is_late(self, today: date) -> bool:
        """Still expected to finish (planned, in progress, postponed) after its end date."""
        return self.status in ACTIVITY_OPEN and self.end_date is not None and self.end_date < today


@dataclass(frozen=True, slots=True)
class ActivityMeeting:
    id: str
    activity_id: str
    meeting_id: str


@dataclass(frozen=True, slots=True)
class ActivityAction:
    id: str
    activity_id: str
    action_id: str


@dataclass(frozen=True, slots=True)
class FunderCode:
    """Our indicator (and period, or every period when empty) -> a funder's data element and codes."""

    id: str
    indicator_id: str
    system: str
    data_element: str
    period: str | None = None
    period_code: str | None = None
    org_unit: str | None = None
    category_option_combo: str | None = None


@dataclass(frozen=True, slots=True)
class MinuteSection:
    """A part of a meeting's minutes, written for one audience (internal, members or public)."""

    id: str
    meeting_id: str
    audience: str
    position: int | None = None
    heading: str | None = None
    body: str | None = None


RESULTS_ENTITY_TYPES = {
    "group_profiles": GroupProfile,
    "objectives": Objective,
    "results": Result,
    "activities": Activity,
    "activity_meetings": ActivityMeeting,
    "activity_actions": ActivityAction,
    "funder_codes": FunderCode,
    "minute_sections": MinuteSection,
}
