"""The incident register (issue 19): incidents, organisations involved, the group's response protocol,
each incident's own steps with deadlines, open alerts and the quarterly incident indicators.

Core-team data: these tables travel only in the core-team bundle (sync/core_team.py). People appear
only as mention tokens inside the text fields, never in a name field of their own."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from fieldgroup.core import periods
from fieldgroup.core.choices import INCIDENT_KIND, INCIDENT_SEVERITY
from fieldgroup.core.repository import Repository
from fieldgroup.core.rules import require
from fieldgroup.core.schema import TABLES
from fieldgroup.i18n import N_, _

if TYPE_CHECKING:
    from fieldgroup.core.api import Store
    from fieldgroup.core.entities import Indicator
    from fieldgroup.core.indicators import PeriodProgress

CLOSED_STATUSES = frozenset({"resolved", "closed"})
RESOLVED_WITHIN_DAYS = 90
# The date field a status change fills in when it is still empty.
_STATUS_DATE = {"referred": "referred_on", "resolved": "resolved_on", "closed": "closed_on"}


@dataclass(frozen=True, slots=True)
class Incident:
    id: str
    group_id: str
    date: date
    kind: str
    severity: str
    status: str
    title: str
    region: str | None = None
    description: str | None = None
    reported_on: date | None = None
    referred_on: date | None = None
    resolved_on: date | None = None
    closed_on: date | None = None
    outcome: str | None = None
    outcome_published: bool = False

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED_STATUSES


@dataclass(frozen=True, slots=True)
class IncidentOrganisation:
    id: str
    incident_id: str
    organisation_id: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class ResponseStep:
    id: str
    group_id: str
    position: int
    what: str
    within_days: int
    contact_organisation_id: str | None = None
    contact_person_id: str | None = None


@dataclass(frozen=True, slots=True)
class IncidentStep:
    id: str
    incident_id: str
    position: int
    what: str
    contact_organisation_id: str | None = None
    contact_person_id: str | None = None
    owner_person_id: str | None = None
    due_date: date | None = None
    completed_on: date | None = None
    note: str | None = None

    def overdue(self, today: date) -> bool:
        return self.completed_on is None and self.due_date is not None and self.due_date < today


class _CoreRepository(Repository):
    """A repository whose plain object type is declared here rather than in entities.py."""

    entity_type: type = object

    def __init__(self, store: Store):  # noqa: D107 - Repository.__init__ looks the type up in entities.py
        self.store = store
        self.spec = TABLES[self.table]
        self.entity = self.entity_type
        self._date_fields = {f.name for f in self.spec.fields if f.kind == "date"}
        self._bool_fields = {f.name for f in self.spec.fields if f.kind == "bool"}
        self._entity_fields = {f.name for f in dataclass_fields(self.entity)}
        self._columns = ("id", *self.spec.field_names)


class Incidents(_CoreRepository):
    table = "incidents"
    entity_type = Incident
    order_by = "date DESC, id"

    def _defaults(self, values: dict[str, Any]) -> dict[str, Any]:
        values = {"status": "reported", "severity": "medium", "outcome_published": False} | values
        if not values.get("reported_on"):
            values["reported_on"] = values.get("date")
        return values

    def _check(self, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        happened = values.get("date")
        for name in ("reported_on", "referred_on", "resolved_on", "closed_on"):
            later = values.get(name)
            require(not (later and happened and later < happened), name,
                    _("A status date cannot be before the incident itself; check the dates."))

    def _adjust_update(self, merged: dict[str, Any], current: dict[str, Any], clean: dict[str, Any]) -> dict[str, Any]:
        status = clean.get("status")
        field = _STATUS_DATE.get(status or "")
        if field and not merged.get(field) and field not in clean:
            clean = clean | {field: self.store.today().isoformat()}
        return clean

    def _before_delete(self, record_id: str) -> None:
        self._delete_linked("incident_steps", "incident_id", record_id)
        self._delete_linked("incident_organisations", "incident_id", record_id)


class IncidentOrganisations(_CoreRepository):
    table = "incident_organisations"
    entity_type = IncidentOrganisation


class ResponseSteps(_CoreRepository):
    table = "response_steps"
    entity_type = ResponseStep
    order_by = "position, id"

    def _check(self, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        require(values["within_days"] >= 0, "within_days", _("A protocol step's delay is a number of days, 0 or more."))


class IncidentSteps(_CoreRepository):
    table = "incident_steps"
    entity_type = IncidentStep
    order_by = "position, id"


@dataclass(frozen=True, slots=True)
class Alert:
    """One open incident as the dashboard and the alert sheet list it."""

    incident: Incident
    steps: list[IncidentStep]
    overdue: list[IncidentStep]
    organisation_ids: list[str]


@dataclass(frozen=True, slots=True)
class QuarterFigures:
    """The incident indicators of one quarter (issue 19, item 4)."""

    quarter: str
    by_kind: dict[str, int]
    resolved_within_90: float | None  # share of the quarter's incidents resolved within 90 days; None: none
    grievances_published: int

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


class IncidentRegister:
    """`store.incidents`: the register, the protocol and the steps, on a core-team laptop."""

    def __init__(self, store: Store):
        self.store = store
        self.records = Incidents(store)
        self.organisations = IncidentOrganisations(store)
        self.protocol = ResponseSteps(store)
        self.steps = IncidentSteps(store)

    def list(self, group_id: str | None = None) -> list[Incident]:
        return self.records.list(group_id=group_id) if group_id else self.records.list()

    def holds_any(self) -> bool:
        """Whether this laptop holds any incident (of any group)."""
        return self.records.count() > 0

    def get(self, incident_id: str) -> Incident:
        return self.records.get(incident_id)

    def update(self, incident_id: str, **changes: Any) -> Incident:
        return self.records.update(incident_id, **changes)

    def delete(self, incident_id: str) -> None:
        self.records.delete(incident_id)

    def protocol_of(self, group_id: str) -> list[ResponseStep]:
        return self.protocol.list(group_id=group_id)

    def add_protocol_step(self, group_id: str, what: str, within_days: int, **values: Any) -> ResponseStep:
        position = values.pop("position", None)
        if position is None:
            position = 1 + max((s.position for s in self.protocol_of(group_id)), default=0)
        return self.protocol.create(group_id=group_id, what=what, within_days=within_days, position=position, **values)

    def remove_protocol_step(self, step_id: str) -> None:
        """Take a step out of the protocol; incidents already recorded keep their own copy of it."""
        self.protocol.delete(step_id)

    def move_protocol_step(self, step_id: str, offset: int) -> list[ResponseStep]:
        """Move a step up (-1) or down (+1) the checklist; positions become 1..n in one transaction."""
        group_id = self.protocol.get(step_id).group_id
        steps = self.protocol_of(group_id)
        index = next(i for i, s in enumerate(steps) if s.id == step_id)
        steps.insert(min(max(index + offset, 0), len(steps) - 1), steps.pop(index))
        with self.store.transaction():
            for position, step in enumerate(steps, start=1):
                if step.position != position:
                    self.protocol.update(step.id, position=position)
        return self.protocol_of(group_id)

    def open(self, group_id: str, *, organisation_ids: tuple[str, ...] | list[str] = (),
             owner_person_id: str | None = None, **values: Any) -> Incident:
        """Record an incident and give it its own copy of the group's protocol, with owners and deadlines."""
        with self.store.transaction():
            incident = self.records.create(group_id=group_id, **values)
            for organisation_id in dict.fromkeys(organisation_ids):
                self.organisations.create(incident_id=incident.id, organisation_id=organisation_id)
            start = incident.reported_on or incident.date
            for step in self.protocol_of(group_id):
                self.steps.create(
                    incident_id=incident.id, position=step.position, what=step.what,
                    contact_organisation_id=step.contact_organisation_id, contact_person_id=step.contact_person_id,
                    owner_person_id=owner_person_id, due_date=start + timedelta(days=step.within_days))
        return incident

    def steps_of(self, incident_id: str) -> list[IncidentStep]:
        return self.steps.list(incident_id=incident_id)

    def organisations_of(self, incident_id: str) -> list[str]:
        return [link.organisation_id for link in self.organisations.list(incident_id=incident_id)]

    def complete_step(self, step_id: str, on: date | None = None, note: str | None = None) -> IncidentStep:
        changes: dict[str, Any] = {"completed_on": on or self.store.today()}
        if note is not None:
            changes["note"] = note
        step = self.steps.update(step_id, **changes)
        incident = self.get(step.incident_id)
        if incident.status == "reported":  # the first step done means the incident is being followed up
            self.update(incident.id, status="follow_up")
        return step

    def reopen_step(self, step_id: str) -> IncidentStep:
        return self.steps.update(step_id, completed_on=None)

    def overdue_steps(self, group_id: str) -> list[IncidentStep]:
        today = self.store.today()
        return [s for a in self.alerts(group_id) for s in a.steps if s.overdue(today)]

    def alerts(self, group_id: str) -> list[Alert]:
        """Open incidents: those with overdue steps first, then by severity and date (newest first)."""
        today = self.store.today()
        found = []
        for incident in self.list(group_id):
            if not incident.is_open:
                continue
            steps = self.steps_of(incident.id)
            found.append(Alert(incident, steps, [s for s in steps if s.overdue(today)], self.organisations_of(incident.id)))
        severity = {value: index for index, value in enumerate(INCIDENT_SEVERITY.values)}
        found.sort(key=lambda a: (not a.overdue, -severity.get(a.incident.severity, 0), -a.incident.date.toordinal()))
        return found

    def quarterly(self, group_id: str) -> list[QuarterFigures]:
        """Per quarter: incidents by kind, share resolved within 90 days, grievances with a published outcome."""
        by_quarter: dict[str, list[Incident]] = {}
        for incident in self.list(group_id):
            by_quarter.setdefault(periods.period_of(incident.date, "quarter"), []).append(incident)
        return [_figures(quarter, items) for quarter, items in sorted(by_quarter.items())]


def _figures(quarter: str, items: list[Incident]) -> QuarterFigures:
    kinds = Counter(i.kind for i in items)
    resolved = [i for i in items if i.resolved_on and (i.resolved_on - i.date).days <= RESOLVED_WITHIN_DAYS]
    return QuarterFigures(
        quarter, {k: kinds.get(k, 0) for k in INCIDENT_KIND.values},
        len(resolved) / len(items) if items else None,
        sum(1 for i in items if i.kind == "grievance" and i.outcome_published))



# ---- the incident indicators as Indicators-page records (core team only) --------------------------------
# Never stored as indicator rows: a stored row would travel in the ordinary bundle and reach the M&E and
# annual reports, exports and the public summary. They exist only where the incidents do, and the caller
# (the Indicators page) lists them only while the core-team passphrase is held.

INDICATOR_PREFIX = "incidents:"
# key -> (code, unit, direction); the kinds' counts first, in the order of INCIDENT_KIND.
INCIDENT_INDICATORS: dict[str, tuple[str, str, str]] = {
    **{f"kind_{kind}": (f"I{n}", "number", "decrease") for n, kind in enumerate(INCIDENT_KIND.values, start=1)},
    "resolved_within_90_pct": (f"I{len(INCIDENT_KIND.values) + 1}", "percent", "increase"),
    "grievances_published": (f"I{len(INCIDENT_KIND.values) + 2}", "number", "increase"),
}
_DESCRIPTION = N_("Computed by FieldGroup from the incident register. Core team only: it appears on this page "
                  "and in the alert sheet, never in another report, an export or an ordinary bundle.")


def incident_indicator_name(key: str) -> str:
    if key.startswith("kind_"):
        return _("Incidents per quarter: {kind}").format(kind=INCIDENT_KIND.label(key.removeprefix("kind_")))
    if key == "resolved_within_90_pct":
        return _("Share of incidents resolved within 90 days")
    return _("Grievances with a published outcome")


def incident_indicators(store: Store, group_id: str) -> list[Indicator]:
    """The computed incident indicators of a group, shaped as indicators (ids that no stored record can have)."""
    from fieldgroup.core.entities import Indicator

    return [Indicator(id=f"{INDICATOR_PREFIX}{group_id}:{key}", group_id=group_id, name=incident_indicator_name(key),
                      unit=unit, direction=direction, period_kind="quarter", code=code, description=str(_DESCRIPTION),
                      computed=key)
            for key, (code, unit, direction) in INCIDENT_INDICATORS.items()]


def incident_indicator_values(store: Store, group_id: str, key: str, *, this_group_only: bool = False) -> dict[str, float]:
    """Per quarter, from the group's first incident to today (quarters without one count 0; a share needs one)."""
    from fieldgroup.core.members import subgroup_ids

    items = [i for g in subgroup_ids(store, group_id, not this_group_only) for i in store.incidents.list(g)]
    if not items:
        return {}
    first = periods.period_of(min(i.date for i in items), "quarter")
    by_quarter = {q: [] for q in periods.periods_between(first, periods.period_of(store.today(), "quarter"))}
    for incident in items:
        by_quarter.setdefault(periods.period_of(incident.date, "quarter"), []).append(incident)
    values = {}
    for quarter, found in by_quarter.items():
        figures = _figures(quarter, found)
        if key.startswith("kind_"):
            values[quarter] = float(figures.by_kind.get(key.removeprefix("kind_"), 0))
        elif key == "resolved_within_90_pct":
            if figures.resolved_within_90 is not None:
                values[quarter] = 100.0 * figures.resolved_within_90
        else:
            values[quarter] = float(figures.grievances_published)
    return values


def incident_indicator_progress(store: Store, indicator: Indicator, *,
                                this_group_only: bool = False) -> list[PeriodProgress]:
    """Actual values per quarter (these indicators have no targets: nothing of them is stored)."""
    from fieldgroup.core.indicators import progress_by_period

    actuals = incident_indicator_values(store, indicator.group_id, indicator.computed or "",
                                        this_group_only=this_group_only)
    return progress_by_period(None, indicator.direction, {}, actuals)


def move_person(store: Store, old_id: str, new_id: str) -> None:
    """Merging duplicates: incident steps and the protocol follow the person kept."""
    reg = store.incidents
    for column in ("owner_person_id", "contact_person_id"):
        for step in reg.steps.list(**{column: old_id}):
            reg.steps.update(step.id, **{column: new_id})
    for step in reg.protocol.list(contact_person_id=old_id):
        reg.protocol.update(step.id, contact_person_id=new_id)


def move_organisation(store: Store, old_id: str, new_id: str) -> None:
    """Merging duplicates: 'organisations involved' and contacts follow the organisation kept."""
    reg = store.incidents
    for link in reg.organisations.list(organisation_id=old_id):
        if new_id not in reg.organisations_of(link.incident_id):
            reg.organisations.create(incident_id=link.incident_id, organisation_id=new_id, role=link.role)
        reg.organisations.delete(link.id)
    for repository in (reg.steps, reg.protocol):
        for step in repository.list(contact_organisation_id=old_id):
            repository.update(step.id, contact_organisation_id=new_id)
