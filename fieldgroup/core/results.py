"""Repositories of the results framework and work plan: the rules of each record type and its deletes."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from fieldgroup.core import periods, store_queries
from fieldgroup.core.errors import InUseError
from fieldgroup.core.repository import Repository, pair_id
from fieldgroup.core.results_entities import (
    Activity,
    ActivityAction,
    ActivityMeeting,
    FunderCode,
    GroupProfile,
    MinuteSection,
    Objective,
    Result,
)
from fieldgroup.core.rules import require, to_date
from fieldgroup.i18n import _, ngettext

_CURRENCY = re.compile(r"^[A-Z]{3}$")


def _check_dates(values: dict[str, Any]) -> None:
    start, end = values.get("start_date"), values.get("end_date")
    require(start is None or end is None or start <= end, "end_date",
            _("The end date cannot be before the start date; correct one of them."))


class GroupProfiles(Repository[GroupProfile]):
    """One profile per group (vision, mission, funder identifiers); its id is the same on every laptop."""

    table = "group_profiles"

    def of_group(self, group_id: str) -> GroupProfile | None:
        return self.find(pair_id(group_id))

    def set(self, group_id: str, **values: Any) -> GroupProfile:
        """Create or change the group's profile with `values` (vision, mission, reporting_org_ref, …)."""
        record_id = pair_id(group_id)
        if self.store.records.exists(self.table, record_id):
            return self.update(record_id, **values)
        return self.create(id=record_id, group_id=group_id, **values)

    def _check(self, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        currency = values.get("currency")
        require(currency is None or bool(_CURRENCY.match(currency)), "currency",
                _("A currency is three capital letters, for example USD or GHS."))
        if current is not None:
            require(values["group_id"] == current["group_id"], "group_id",
                    _("A group's profile cannot move to another group."))


class Objectives(Repository[Objective]):
    table = "objectives"
    order_by = "code, title"

    def _check(self, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        _check_dates(values)

    def _before_delete(self, record_id: str) -> None:
        results = store_queries.count_rows(self.store.conn, "results", {"objective_id": record_id})
        if results:
            raise InUseError(ngettext(
                "This objective still has {n} result; delete it or move it to another objective first.",
                "This objective still has {n} results; delete them or move them to another objective first.",
                results).format(n=results))
        self._clear_links("activities", "objective_id", record_id)


class Results(Repository[Result]):
    table = "results"
    order_by = "code, title"

    def of_group(self, group_id: str) -> list[Result]:
        objectives = [o.id for o in self.store.objectives.list(group_id=group_id)]
        return self.list(objective_id=objectives)

    def _before_delete(self, record_id: str) -> None:
        # Indicators and activities outlive the result they were filed under: they lose the link only.
        self._clear_links("indicators", "result_id", record_id)
        self._clear_links("activities", "result_id", record_id)


class Activities(Repository[Activity]):
    table = "activities"
    order_by = "start_date, code, title"

    def _defaults(self, values: dict[str, Any]) -> dict[str, Any]:
        values = {"status": "planned"} | values
        return self._with_objective_of_result(values)

    def _with_objective_of_result(self, values: dict[str, Any]) -> dict[str, Any]:
        """An activity under a result is also under that result's objective."""
        result = self.store.results.find(values["result_id"]) if values.get("result_id") else None
        if result is not None and not values.get("objective_id"):
            values = values | {"objective_id": result.objective_id}
        return values

    def _adjust_update(self, merged: dict[str, Any], current: dict[str, Any], clean: dict[str, Any]) -> dict[str, Any]:
        if clean.get("result_id") and "objective_id" not in clean:
            result = self.store.results.get(clean["result_id"])
            clean = clean | {"objective_id": result.objective_id}
        return clean

    def _check(self, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        _check_dates(values)
        budget, currency = values.get("budget_amount"), values.get("currency")
        require(budget is None or budget >= 0, "budget_amount", _("A budget cannot be negative."))
        require(currency is None or bool(_CURRENCY.match(currency)), "currency",
                _("A currency is three capital letters, for example USD or GHS."))
        if values.get("objective_id"):
            objective = self.store.objectives.get(values["objective_id"])
            require(objective.group_id == values["group_id"], "objective_id",
                    _("The objective belongs to another group; choose an objective of this group."))
        if values.get("result_id"):
            result = self.store.results.get(values["result_id"])
            require(values.get("objective_id") == result.objective_id, "result_id",
                    _("The result is under another objective; choose a result of this objective."))

    def late(self, group_id: str | None = None, today: date | None = None) -> list[Activity]:
        """Activities still expected to finish whose end date has passed, the latest first."""
        day = today or self.store.today()
        found = self.list(**({"group_id": group_id} if group_id else {}))
        return sorted((a for a in found if a.is_late(day)), key=lambda a: (a.end_date, a.title))

    def link_meeting(self, activity_id: str, meeting_id: str) -> ActivityMeeting:
        """Record that this meeting carried out (part of) the activity."""
        found = self.store.activity_meetings.find(pair_id(activity_id, meeting_id))
        return found or self.store.activity_meetings.create(activity_id=activity_id, meeting_id=meeting_id)

    def link_action(self, activity_id: str, action_id: str) -> ActivityAction:
        """Record that this action item carries out (part of) the activity."""
        found = self.store.activity_actions.find(pair_id(activity_id, action_id))
        return found or self.store.activity_actions.create(activity_id=activity_id, action_id=action_id)

    def unlink_meeting(self, activity_id: str, meeting_id: str) -> None:
        self.store.activity_meetings.delete(pair_id(activity_id, meeting_id))

    def unlink_action(self, activity_id: str, action_id: str) -> None:
        self.store.activity_actions.delete(pair_id(activity_id, action_id))

    def meeting_ids(self, activity_id: str) -> list[str]:
        return [link.meeting_id for link in self.store.activity_meetings.list(activity_id=activity_id)]

    def action_ids(self, activity_id: str) -> list[str]:
        return [link.action_id for link in self.store.activity_actions.list(activity_id=activity_id)]

    def _before_delete(self, record_id: str) -> None:
        self._delete_linked("activity_meetings", "activity_id", record_id)
        self._delete_linked("activity_actions", "activity_id", record_id)


class _ActivityLinks(Repository):
    def _check(self, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        activity = self.store.activities.get(values["activity_id"])
        other = self.store.meetings.get(values["meeting_id"]) if "meeting_id" in values \
            else self.store.actions.get(values["action_id"])
        require(other.group_id == activity.group_id, "activity_id",
                _("The activity belongs to another group; link it to a meeting or action item of its own group."))


class ActivityMeetings(_ActivityLinks, Repository[ActivityMeeting]):
    table = "activity_meetings"


class ActivityActions(_ActivityLinks, Repository[ActivityAction]):
    table = "activity_actions"


class FunderCodes(Repository[FunderCode]):
    """The mapping table: which funder code our indicator (and period) is reported under."""

    table = "funder_codes"
    order_by = "indicator_id, period"

    def _defaults(self, values: dict[str, Any]) -> dict[str, Any]:
        return {"system": "dhis2"} | values

    def _check(self, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        indicator = self.store.indicators.get(values["indicator_id"])
        period = values.get("period")
        example = "2025-Q3" if indicator.period_kind == "quarter" else "2025"
        require(period is None or periods.is_valid(period, indicator.period_kind), "period",
                _("Period must look like {example} for this indicator.").format(example=example))

    def code_for(self, indicator_id: str, period: str, system: str = "dhis2") -> FunderCode | None:
        """The row for this period if there is one, else the indicator's row for every period."""
        rows = self.list(indicator_id=indicator_id, system=system)
        exact = [r for r in rows if r.period == period]
        general = [r for r in rows if r.period is None]
        return (exact or general or [None])[0]


class MinuteSections(Repository[MinuteSection]):
    """The minutes of a meeting as sections, each for an audience; `of_meeting` gives them in order."""

    table = "minute_sections"
    order_by = "position, id"

    def _defaults(self, values: dict[str, Any]) -> dict[str, Any]:
        if values.get("position") is None and values.get("meeting_id"):
            values = values | {"position": self.count(meeting_id=values["meeting_id"]) + 1}
        return {"audience": "members"} | values

    def of_meeting(self, meeting_id: str, audiences: tuple[str, ...] | None = None) -> list[MinuteSection]:
        sections = self.list(meeting_id=meeting_id)
        return [s for s in sections if audiences is None or s.audience in audiences]


def check_indicator_result(store: Any, values: dict[str, Any]) -> None:
    """An indicator measures a result of its own group's framework."""
    if values.get("result_id"):
        result = store.results.get(values["result_id"])
        objective = store.objectives.get(result.objective_id)
        require(objective.group_id == values["group_id"], "result_id",
                _("The result belongs to another group; choose a result of this group."))


def verify_value(store: Any, value_id: str, by: str, on: date | str | None = None) -> Any:
    """Mark an actual value as verified by `by` on `on` (today unless given)."""
    require(bool((by or "").strip()), "verified_by", _("Say who verified the value."))
    day = to_date(on) or store.today()
    return store.values.update(value_id, verified=True, verified_by=by, verified_on=day)
