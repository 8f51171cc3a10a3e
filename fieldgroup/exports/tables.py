"""The action tracker and the work plan as plain tables (header + rows) for CSV and spreadsheet exports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from fieldgroup.core.choices import ACTION_STATUS
from fieldgroup.core.results_choices import ACTIVITY_STATUS_LABELS
from fieldgroup.core.results_framework import framework
from fieldgroup.core.schema import PILLAR_LABELS
from fieldgroup.exports.common import ExportOptions, People, choose_group
from fieldgroup.i18n import _

TABLES = ("actions", "workplan")


@dataclass(frozen=True, slots=True)
class Table:
    """A sheet: its name, column headers and rows of text, numbers or dates."""

    name: str
    header: list[str]
    rows: list[list[Any]]


def action_table(store: Any, options: ExportOptions) -> Table:
    """Every action item of the group, soonest due first, with owner (or placeholder) and meeting date."""
    group = choose_group(store, options.group_id)
    people = People(store, options.include_protected)
    meetings = {m.id: m for m in store.meetings.list(group_id=group.id)}
    header = [_("Title"), _("Status"), _("Due date"), _("Completed on"), _("Owner"), _("Organisation"), _("Pillar"),
              _("Meeting"), _("Description")]
    rows = []
    items = sorted(store.actions.list(group_id=group.id), key=lambda a: (a.due_date or date.max, a.title))
    for item in items:
        if options.year is not None and (item.due_date is None or item.due_date.year != options.year):
            continue
        meeting = meetings.get(item.meeting_id or "")
        rows.append([
            people.text(item.title), ACTION_STATUS.label(item.status), item.due_date, item.completed_on,
            people.name(item.owner_person_id), people.organisation(item.owner_organisation_id, item.owner_person_id),
            _pillar(people, item.owner_person_id, item.owner_organisation_id),
            meeting.date if meeting else None, people.text(item.description),
        ])
    return Table(_("Action tracker"), header, rows)


def _pillar(people: People, person_id: str | None, organisation_id: str | None) -> str:
    pillar = (people.pillar_of(person_id) if person_id else None) or people.organisation_pillar(organisation_id)
    return str(PILLAR_LABELS[pillar]) if pillar else ""


def workplan_table(store: Any, options: ExportOptions) -> Table:
    """Every activity of the work plan with its objective, result, dates, owner, budget and status."""
    group = choose_group(store, options.group_id)
    people = People(store, options.include_protected)
    tree = framework(store, group.id)
    where: dict[str, tuple[str, str]] = {}
    for node in tree.objectives:
        for activity in node.activities:
            where[activity.id] = (node.objective.title, "")
        for result in node.results:
            for activity in result.activities:
                where[activity.id] = (node.objective.title, result.result.title)
    header = [_("Code"), _("Activity"), _("Objective"), _("Result"), _("Start"), _("End"), _("Status"), _("Late"),
              _("Owner"), _("Owner organisation"), _("Budget"), _("Currency"), _("Meetings"), _("Action items")]
    today = store.today()
    rows = []
    for activity in tree.activities:
        if options.year is not None and not _in_year(activity, options.year):
            continue
        objective, result = where.get(activity.id, ("", ""))
        rows.append([
            activity.code or "", people.text(activity.title), people.text(objective), people.text(result),
            activity.start_date, activity.end_date, str(ACTIVITY_STATUS_LABELS[activity.status]),
            _("yes") if activity.is_late(today) else "", people.name(activity.owner_person_id),
            people.organisation(activity.owner_organisation_id, activity.owner_person_id),
            activity.budget_amount, activity.currency or "",
            len(store.activities.meeting_ids(activity.id)), len(store.activities.action_ids(activity.id)),
        ])
    return Table(_("Work plan"), header, rows)


def _in_year(activity: Any, year: int) -> bool:
    start = activity.start_date or activity.end_date
    end = activity.end_date or activity.start_date
    return start is None or (start.year <= year <= end.year)
