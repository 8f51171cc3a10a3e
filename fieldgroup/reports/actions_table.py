"""Action items as printed rows: owner and organisation after the protection rule, due date, days overdue."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.platypus import Table

from fieldgroup.core.choices import ACTION_STATUS
from fieldgroup.core.entities import ActionItem, Organisation, Person
from fieldgroup.i18n import _
from fieldgroup.reports.context import ReportContext
from fieldgroup.reports.fmt import format_date, format_number
from fieldgroup.reports.fonts import markup
from fieldgroup.reports.graphics import StatusLabel
from fieldgroup.reports.labels import ACTION_STATUS_LABELS, label
from fieldgroup.reports.styles import cell, header_row, para, table

DESCRIPTION_LIMIT = 240


@dataclass(frozen=True, slots=True)
class ActionRow:
    """One action item ready to print."""

    item: ActionItem
    title: str
    description: str
    owner: str
    organisation: str
    pillar: str | None
    days_overdue: int | None


class Directory:
    """People and organisations of a group (or of several: with sub-groups), read once, so each action row
    needs no query."""

    def __init__(self, store: Any, group_id: str | Sequence[str]):
        self.store = store
        groups = [group_id] if isinstance(group_id, str) else list(group_id)
        self.organisations: dict[str, Organisation] = {
            o.id: o for gid in groups for o in store.organisations.list(group_id=gid)}
        people = store.people.list(organisation_id=tuple(self.organisations)) if self.organisations else []
        self.people: dict[str, Person] = {p.id: p for p in people}

    def person(self, person_id: str | None) -> Person | None:
        if person_id and person_id not in self.people:
            found = self.store.people.find(person_id)  # an owner from another group
            if found is None:
                return None
            self.people[person_id] = found
        return self.people.get(person_id) if person_id else None

    def organisation(self, organisation_id: str | None) -> Organisation | None:
        if organisation_id and organisation_id not in self.organisations:
            found = self.store.organisations.find(organisation_id)
            if found is None:
                return None
            self.organisations[organisation_id] = found
        return self.organisations.get(organisation_id) if organisation_id else None


def action_rows(context: ReportContext, directory: Directory, items: Iterable[ActionItem]) -> list[ActionRow]:
    protect = context.protector
    rows = []
    for item in items:
        person = directory.person(item.owner_person_id)
        own_org = directory.organisation(item.owner_organisation_id)
        person_org = directory.organisation(person.organisation_id) if person else None
        org = own_org or person_org
        pillar = org.pillar if org else None
        owner, org_name = "", org.name if org else ""
        if person is not None:
            owner = protect.name(person.name, person_org.pillar if person_org else pillar, person.protected)
            same_org = own_org is None or (person_org is not None and own_org.id == person_org.id)
            if protect.hides(person.protected) and same_org:
                org_name = ""  # a small organisation could identify the protected person
        description = protect.text(item.description).strip()
        if len(description) > DESCRIPTION_LIMIT:
            description = description[: DESCRIPTION_LIMIT - 1].rstrip() + "…"
        overdue = (context.today - item.due_date).days if item.is_overdue(context.today) else None
        rows.append(ActionRow(item, protect.text(item.title), description, owner, org_name, pillar, overdue))
    return rows


def status_label(row: ActionRow) -> StatusLabel:
    if row.days_overdue is not None:
        return StatusLabel("alert", _("overdue"), "cell_bold")  # its own shape: never the "done" circle
    mark = ACTION_STATUS.marks().get(row.item.status) or "none"
    return StatusLabel(mark, label(ACTION_STATUS_LABELS, row.item.status))


def title_cell(row: ActionRow) -> Any:
    text = markup(row.title)
    if row.description:
        text += f'<br/><font size="7.5">{markup(row.description)}</font>'
    return para(text, "cell", is_markup=True)


def owner_text(row: ActionRow) -> str:
    if row.owner and row.organisation:
        return _("{name} ({organisation})").format(name=row.owner, organisation=row.organisation)
    return row.owner or row.organisation or "—"


def days_text(row: ActionRow) -> str:
    return format_number(row.days_overdue) if row.days_overdue is not None else ""


def actions_table(
    rows: Sequence[ActionRow], width: float, *, with_days: bool = True, from_meeting: dict[str, date] | None = None,
    show_owner_org: bool = True,
) -> Table:
    """Title, owner, due date, (meeting it came from), days overdue and status, one row per item."""
    labels = [_("Action"), _("Owner"), _("Due")]
    if from_meeting is not None:
        labels.append(_("From meeting"))
    if with_days:
        labels.append(_("Days overdue"))
    labels.append(_("Status"))
    body: list[list[Any]] = [header_row(labels)]
    for row in rows:
        line = [title_cell(row), cell(owner_text(row) if show_owner_org else (row.owner or "—")),
                cell(format_date(row.item.due_date))]
        if from_meeting is not None:
            line.append(cell(format_date(from_meeting.get(row.item.meeting_id or ""))))
        if with_days:
            line.append(cell(days_text(row)))
        line.append(status_label(row))
        body.append(line)
    return table(body, width)
