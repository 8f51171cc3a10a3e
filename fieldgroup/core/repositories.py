"""The rules of each record type: what must hold between fields and what a delete does to others."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from fieldgroup.core import periods, store_queries, store_sync
from fieldgroup.core.balance import DEFAULT_THRESHOLD, Balance, balance_of, balance_pillar
from fieldgroup.core.entities import (
    ActionItem,
    Attendance,
    Group,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    Meeting,
    Organisation,
    Person,
)
from fieldgroup.core.errors import InUseError
from fieldgroup.core.indicators import COMPUTED
from fieldgroup.core.members import check_subtype, subgroup_ids
from fieldgroup.core.mentions import mention, replace_mentions_of, shown_name
from fieldgroup.core.repository import Repository, pair_id
from fieldgroup.core.results import check_indicator_result
from fieldgroup.core.rules import require
from fieldgroup.core.schema import TABLES
from fieldgroup.i18n import _, ngettext


class Groups(Repository[Group]):
    table = "groups"
    order_by = "name COLLATE NOCASE"

    def _check(self, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        threshold = values.get("balance_threshold")
        require(threshold is None or 0 < threshold <= 1, "balance_threshold",
                _("Balance threshold must be between 0 and 1, for example 0.90."))
        if current is not None:
            require(values.get("parent_id") != current["id"], "parent_id", _("A group cannot be its own parent group."))

    def threshold(self, group_id: str) -> float:
        group = self.get(group_id)
        return group.balance_threshold if group.balance_threshold is not None else DEFAULT_THRESHOLD

    def includes_home_governments(self, group_id: str) -> bool:
        """Whether the group counts home governments (embassies) in its government pillar (off by default)."""
        group = self.find(group_id)
        return bool(group and group.include_home_governments)

    def _before_delete(self, record_id: str) -> None:
        conn = self.store.conn
        used = sum(store_queries.count_rows(conn, t, {"group_id": record_id})
                   for t in ("organisations", "meetings", "action_items", "indicators", "objectives", "activities",
                             "incidents", "response_steps"))
        used += store_queries.count_rows(conn, "groups", {"parent_id": record_id})
        if used:
            raise InUseError(ngettext(
                "This group still holds {n} record; delete or move it first.",
                "This group still holds {n} records; delete or move them first.", used).format(n=used))
        # Other groups' organisations were members here: the ties go with the group.
        self._delete_linked("memberships", "group_id", record_id)
        self._delete_linked("roles", "group_id", record_id)
        self._delete_linked("group_profiles", "group_id", record_id)


class Organisations(Repository[Organisation]):
    table = "organisations"
    order_by = "name COLLATE NOCASE"

    def create(self, *, id: str | None = None, **values: Any) -> Organisation:
        """A new organisation belongs to the network and is a member of the group it is created in."""
        with self.store.transaction():
            organisation = super().create(id=id, **values)
            status = "observer" if organisation.pillar == "observer" else "member"
            self.store.memberships.set(organisation.id, organisation.group_id, status)
        return organisation

    def _check(self, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        check_subtype(values)

    def _before_delete(self, record_id: str) -> None:
        people = store_queries.count_rows(self.store.conn, "people", {"organisation_id": record_id})
        if people:
            raise InUseError(ngettext(
                "This organisation still has {n} person; move them to another organisation or merge the organisations first.",
                "This organisation still has {n} people; move them to another organisation or merge the organisations first.",
                people).format(n=people))
        self._clear_links("action_items", "owner_organisation_id", record_id)
        self._delete_linked("memberships", "organisation_id", record_id)
        self._delete_linked("roles", "organisation_id", record_id)
        self._clear_links("activities", "owner_organisation_id", record_id)
        self._delete_linked("incident_organisations", "organisation_id", record_id)
        for table in ("response_steps", "incident_steps"):
            self._clear_links(table, "contact_organisation_id", record_id)


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One person as the people table shows them, with their organisation's name and pillar."""

    id: str
    organisation_id: str
    name: str
    role: str | None
    gender: str | None
    email: str | None
    phone: str | None
    protected: bool
    focal_point: bool
    organisation_name: str
    pillar: str


class People(Repository[Person]):
    table = "people"
    order_by = "name COLLATE NOCASE"
    _erase_mentions = True

    def delete(self, record_id: str, *, erase_mentions: bool = True) -> None:
        """Delete a person; a protected person's name is also replaced in free text (erasure).

        A merge passes erase_mentions=False: the duplicate lives on in the person it merged into."""
        self._erase_mentions = erase_mentions
        try:
            super().delete(record_id)
        finally:
            self._erase_mentions = True
        if not self.store.conn.in_transaction:
            from fieldgroup.core import erasure  # erasure and incidents load when used, not with every start

            erasure.finish_if_pending(self.store)  # free pages, WAL and backups, once the erasure is committed

    def rows(self, group_id: str | None) -> list[PersonRow]:
        """The group's people with organisation name and pillar, by name (one query)."""
        presenting = getattr(self.store, "presenting", False)  # presentation mode masks protected names
        joined = len(self.spec.field_names) + 1  # organisation name and pillar follow the person's fields
        return [PersonRow(r[0], r[1], shown_name(r[2], r[joined + 1], bool(r[7]), presenting), r[3], r[4], r[5],
                          r[6], bool(r[7]), bool(r[8]), r[joined], r[joined + 1])
                for r in store_queries.people_rows(self.store.conn, group_id)]

    def create(self, *, id: str | None = None, **values: Any) -> Person:
        """A focal point ticked on a new person starts their focal-point role today."""
        with self.store.transaction():
            person = super().create(id=id, **values)
            if person.focal_point:
                self._focal_point_changed(person)
        return person

    def update(self, record_id: str, **changes: Any) -> Person:
        """Ticking or unticking "focal point" starts or ends the role, so the history keeps the dates."""
        before = self.get(record_id)
        with self.store.transaction():
            person = super().update(record_id, **changes)
            if person.focal_point != before.focal_point:
                self._focal_point_changed(person)
        return person

    def _focal_point_changed(self, person: Person) -> None:
        today = self.store.today()
        if not person.focal_point:
            self.store.roles.end_current(person.id, "focal_point", today)
            return
        organisation = self.store.organisations.get(person.organisation_id)
        self.store.roles.start(person.id, organisation.group_id, "focal_point", today)

    def _before_delete(self, record_id: str) -> None:
        # Attendance and roles of a deleted person go with them; action items stay, without an owner.
        self._delete_linked("attendance", "person_id", record_id)
        self._delete_linked("roles", "person_id", record_id)
        self._clear_links("action_items", "owner_person_id", record_id)
        self._clear_links("activities", "owner_person_id", record_id)
        for table, column in (("response_steps", "contact_person_id"), ("incident_steps", "contact_person_id"),
                              ("incident_steps", "owner_person_id")):
            self._clear_links(table, column, record_id)
        # Erasure: a losing edit of this person kept for review must not outlive them.
        store_sync.forget_conflicts_of(self.store.conn, "people", record_id)
        if self._erase_mentions:  # nor what merges remembered of them and of duplicates merged into them
            self.store.sync.forget_merged_into("people", record_id)
        else:  # merged away here: the merge remembers the values again (an opposite merge may need them)
            self.store.sync.forget_merged_away("people", record_id)
        person = self.get(record_id)
        if person.protected and self._erase_mentions:
            from fieldgroup.core import erasure

            erasure.erase_person(self.store, record_id)


class Meetings(Repository[Meeting]):
    table = "meetings"
    order_by = "date DESC, start_time DESC, id"

    def balance(self, meeting_id: str) -> Balance:
        """Who was present by pillar, the balance index, its status and women's share (DESIGN §6)."""
        meeting = self.get(meeting_id)
        include = self.store.groups.includes_home_governments(meeting.group_id)
        present = [(balance_pillar(pillar, subtype, include), gender) for pillar, gender, subtype
                   in store_queries.present_pillars_and_genders(self.store.conn, meeting_id)]
        return balance_of(present, self.store.groups.threshold(meeting.group_id), meeting.kind)

    def _check(self, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        start, end = values.get("start_time"), values.get("end_time")
        require(not (start and end) or end > start, "end_time",
                _("The meeting ends before it starts; put an end time after the start time, or leave it empty."))
        if current is not None and values["date"] != current["date"]:
            earliest = min((a.due_date for a in self.store.actions.list(meeting_id=current["id"]) if a.due_date),
                           default=None)
            require(earliest is None or earliest.isoformat() >= values["date"], "date",
                    _("An action item from this meeting is due before that date; move the meeting no later than {date}.")
                    .format(date=earliest.isoformat() if earliest else ""))

    def _before_delete(self, record_id: str) -> None:
        # Attendance belongs to the meeting; action items and evidence are kept, unlinked.
        self._delete_linked("attendance", "meeting_id", record_id)
        self._clear_links("action_items", "meeting_id", record_id)
        self._clear_links("indicator_values", "evidence_meeting_id", record_id)
        self._delete_linked("activity_meetings", "meeting_id", record_id)
        self._delete_linked("minute_sections", "meeting_id", record_id)


@dataclass(frozen=True, slots=True)
class AttendanceLine:
    """One person on a meeting's attendance list, with what a list or handout shows of them."""

    id: str
    person_id: str
    status: str
    name: str
    protected: bool
    gender: str | None
    organisation: str
    pillar: str


class AttendanceRecords(Repository[Attendance]):
    table = "attendance"

    def set(self, meeting_id: str, person_id: str, status: str = "present") -> Attendance:
        """Record this person at this meeting with `status`, adding them to the list if needed."""
        record_id = pair_id(meeting_id, person_id)
        if self.store.records.exists(self.table, record_id):
            return self.update(record_id, status=status)
        return self.create(id=record_id, meeting_id=meeting_id, person_id=person_id, status=status)

    def remove(self, meeting_id: str, person_id: str) -> None:
        self.delete(pair_id(meeting_id, person_id))

    def of_meeting(self, meeting_id: str) -> list[AttendanceLine]:
        rows = store_queries.meeting_attendance(self.store.conn, meeting_id)
        presenting = getattr(self.store, "presenting", False)
        return [AttendanceLine(r[0], r[1], r[2], shown_name(r[3], r[7], bool(r[4]), presenting), bool(r[4]), r[5],
                               r[6], r[7]) for r in rows]

    def _adjust_update(self, merged: dict[str, Any], current: dict[str, Any], clean: dict[str, Any]) -> dict[str, Any]:
        require(merged["meeting_id"] == current["meeting_id"] and merged["person_id"] == current["person_id"],
                "person_id", _("Remove the person from the meeting and add the other one instead."))
        return clean


@dataclass(frozen=True, slots=True)
class TrackerRow:
    """One action item as the tracker table shows it: owner, organisation, pillar and meeting date joined in."""

    id: str
    title: str
    status: str
    due_date: date | None
    completed_on: date | None
    meeting_id: str | None
    meeting_date: date | None
    owner_person_id: str | None
    owner_name: str | None
    owner_protected: bool
    organisation_id: str | None
    organisation_name: str | None
    pillar: str | None


def _tracker_row(r: tuple) -> TrackerRow:
    # Column order of store_queries.tracker_rows, which matches TrackerRow's fields.
    day = date.fromisoformat
    return TrackerRow(r[0], r[1], r[2], day(r[3]) if r[3] else None, day(r[4]) if r[4] else None, r[5],
                      day(r[6]) if r[6] else None, r[7], r[8], bool(r[9]), r[10], r[11], r[12])


class ActionItems(Repository[ActionItem]):
    table = "action_items"

    def tracker_rows(self, group_id: str | None, *, include_subgroups: bool = False) -> list[TrackerRow]:
        """Every action item of the group (and its sub-groups when asked) with its owner, organisation,
        pillar and meeting date (one query)."""
        if include_subgroups and group_id:
            rows = store_queries.tracker_rows(self.store.conn, group_ids=subgroup_ids(self.store, group_id))
            return self._masked([_tracker_row(r) for r in rows])
        return self._masked([_tracker_row(r) for r in store_queries.tracker_rows(self.store.conn, group_id)])

    def tracker_rows_by_id(self, ids: list[str]) -> list[TrackerRow]:
        return self._masked([_tracker_row(r) for r in store_queries.tracker_rows(self.store.conn, ids=ids)])

    def _masked(self, rows: list[TrackerRow]) -> list[TrackerRow]:
        if not getattr(self.store, "presenting", False):
            return rows
        return [replace(r, owner_name=shown_name(r.owner_name, r.pillar, True, True)) if r.owner_protected else r
                for r in rows]

    def _defaults(self, values: dict[str, Any]) -> dict[str, Any]:
        values = {"status": "open"} | values
        if values.get("meeting_id") and not values.get("group_id"):
            meeting = self.store.meetings.find(values["meeting_id"])
            values["group_id"] = meeting.group_id if meeting else None
        if values.get("status") == "done" and not values.get("completed_on"):
            values["completed_on"] = self.store.today()
        return values

    def _adjust_update(self, merged: dict[str, Any], current: dict[str, Any], clean: dict[str, Any]) -> dict[str, Any]:
        if "status" in clean and clean["status"] != current["status"]:
            if clean["status"] == "done" and not clean.get("completed_on"):
                clean = clean | {"completed_on": self.store.today().isoformat()}
            elif clean["status"] != "done" and "completed_on" not in clean:
                clean = clean | {"completed_on": None}
        return clean

    def _check(self, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        meeting_id, due = values.get("meeting_id"), values.get("due_date")
        if meeting_id:
            found = store_queries.meeting_group_and_date(self.store.conn, meeting_id)
            if found is None:
                self.store.meetings.get(meeting_id)  # raises the not-found sentence
            group_id, meeting_date = found
            require(group_id == values["group_id"], "meeting_id",
                    _("The meeting belongs to another group; choose a meeting of this group."))
            require(due is None or due >= meeting_date, "due_date",
                    _("The due date cannot be before the meeting it comes from ({date}).").format(date=meeting_date))
        completed = values.get("completed_on")
        require(values["status"] == "done" or completed is None, "completed_on",
                _("Only an action item that is done has a completion date."))

    def open(self, group_id: str | None = None) -> list[ActionItem]:
        """Open and in-progress items, soonest due first."""
        items = self.list(status=("open", "in_progress"), **({"group_id": group_id} if group_id else {}))
        return sorted(items, key=lambda a: (a.due_date is None, a.due_date or date.max, a.title))

    def overdue(self, group_id: str | None = None, today: date | None = None) -> list[ActionItem]:
        """Open or in-progress items whose due date has passed."""
        day = today or self.store.today()
        return [a for a in self.open(group_id) if a.is_overdue(day)]

    def _before_delete(self, record_id: str) -> None:
        self._clear_links("indicator_values", "evidence_action_id", record_id)
        self._delete_linked("activity_actions", "action_id", record_id)


class Indicators(Repository[Indicator]):
    table = "indicators"
    order_by = "code, name"

    def _defaults(self, values: dict[str, Any]) -> dict[str, Any]:
        key = values.get("computed")
        if key in COMPUTED:
            label, unit, direction = COMPUTED[key]
            values = {"name": str(label), "unit": unit, "direction": direction} | values
        return {"period_kind": "quarter", "direction": "increase", "unit": "number"} | values

    def _check(self, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        require(values.get("computed") is None or values["computed"] in COMPUTED, "computed",
                _("Unknown computed indicator; choose one from the list."))
        check_indicator_result(self.store, values)
        if current is not None and values["period_kind"] != current["period_kind"]:
            require(not self.store.targets.count(indicator_id=current["id"])
                    and not self.store.values.count(indicator_id=current["id"]), "period_kind",
                    _("This indicator already has targets or values; remove them before changing its period."))

    def _before_delete(self, record_id: str) -> None:
        self._delete_linked("indicator_targets", "indicator_id", record_id)
        self._delete_linked("indicator_values", "indicator_id", record_id)
        self._delete_linked("funder_codes", "indicator_id", record_id)


class _PerPeriod(Repository):
    """Targets and actual values: one per indicator and period, with a deterministic id."""

    def set(self, indicator_id: str, period: str, value: float, **extra: Any) -> Any:
        record_id = pair_id(indicator_id, period)
        if self.store.records.exists(self.table, record_id):
            return self.update(record_id, value=value, **extra)
        return self.create(id=record_id, indicator_id=indicator_id, period=period, value=value, **extra)

    def remove(self, indicator_id: str, period: str) -> None:
        self.delete(pair_id(indicator_id, period))

    def of_indicator(self, indicator_id: str) -> dict[str, Any]:
        return {r.period: r for r in self.list(indicator_id=indicator_id)}

    def _check(self, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        indicator = self.store.indicators.get(values["indicator_id"])
        example = "2025-Q3" if indicator.period_kind == "quarter" else "2025"
        require(periods.is_valid(values["period"], indicator.period_kind), "period",
                _("Period must look like {example} for this indicator.").format(example=example))
        if indicator.unit == "percent":
            require(0 <= values["value"] <= 100, "value", _("A percentage must be between 0 and 100."))
        if indicator.unit == "yes_no":
            require(values["value"] in (0, 1), "value", _("A yes/no value must be 1 (yes) or 0 (no)."))
        if current is not None:
            require(values["period"] == current["period"] and values["indicator_id"] == current["indicator_id"],
                    "period", _("Remove this value and enter it again for the other period."))


class Targets(_PerPeriod, Repository[IndicatorTarget]):
    table = "indicator_targets"
    order_by = "period"


class Values(_PerPeriod, Repository[IndicatorValue]):
    table = "indicator_values"
    order_by = "period"


def merge_people(store: Any, keep_id: str, duplicate_id: str) -> Person:
    """Move the duplicate's attendance and action items to `keep_id`, then delete the duplicate."""
    from fieldgroup.core import erasure
    from fieldgroup.core.incidents import move_person

    keep, duplicate = store.people.get(keep_id), store.people.get(duplicate_id)
    require(keep.id != duplicate.id, "person_id", _("Choose two different people to merge."))
    with store.transaction():
        for line in store.attendance.list(person_id=duplicate.id):
            existing = store.attendance.find(pair_id(line.meeting_id, keep.id))
            # When both were on the list, keep the stronger record of presence.
            rank = {"present": 2, "excused": 1, "absent": 0}
            if existing is None or rank[line.status] > rank[existing.status]:
                store.attendance.set(line.meeting_id, keep.id, line.status)
        for item in store.actions.list(owner_person_id=duplicate.id):
            store.actions.update(item.id, owner_person_id=keep.id)
        for role in store.roles.list(person_id=duplicate.id):
            store.roles.update(role.id, person_id=keep.id)
        move_person(store, duplicate.id, keep.id)  # incident steps (issue 19)
        filled = {name: getattr(duplicate, name) for name in ("role", "gender", "email", "phone", "notes")
                  if getattr(keep, name) in (None, "") and getattr(duplicate, name)}
        if duplicate.protected and not keep.protected:
            filled["protected"] = True  # protection is never lost by a merge
        if filled:
            store.people.update(keep.id, **filled)
        # Mentions of the duplicate now name the person kept (else they would point at nobody).
        erasure.scrub_records(store.conn, lambda text: replace_mentions_of(text, duplicate.id, mention(keep.id)),
                              store.records.update)
        row = store.records.get_row("people", duplicate.id)
        store.people.delete(duplicate.id, erase_mentions=False)
        # Recorded as data so that opposite merges on two laptops resolve to one survivor (sync).
        store_sync.record_merge(store.conn, "people", duplicate.id, keep.id)
        _remember_merged_away(store, "people", row)
    return store.people.get(keep.id)


def merge_organisations(store: Any, keep_id: str, duplicate_id: str) -> Organisation:
    """Move the duplicate's people and action items to `keep_id`, then delete the duplicate."""
    from fieldgroup.core.incidents import move_organisation

    keep, duplicate = store.organisations.get(keep_id), store.organisations.get(duplicate_id)
    require(keep.id != duplicate.id, "organisation_id", _("Choose two different organisations to merge."))
    with store.transaction():
        for person in store.people.list(organisation_id=duplicate.id):
            store.people.update(person.id, organisation_id=keep.id)
        move_organisation(store, duplicate.id, keep.id)  # incidents (issue 19)
        for item in store.actions.list(owner_organisation_id=duplicate.id):
            store.actions.update(item.id, owner_organisation_id=keep.id)
        for role in store.roles.list(organisation_id=duplicate.id):
            store.roles.update(role.id, organisation_id=keep.id)
        kept_groups = {m.group_id for m in store.memberships.list(organisation_id=keep.id)}
        for membership in store.memberships.list(organisation_id=duplicate.id):
            if membership.group_id not in kept_groups:
                store.memberships.set(keep.id, membership.group_id, membership.status,
                                      start_date=membership.start_date, end_date=membership.end_date)
        row = store.records.get_row("organisations", duplicate.id)
        store.organisations.delete(duplicate.id)
        store_sync.record_merge(store.conn, "organisations", duplicate.id, keep.id)
        _remember_merged_away(store, "organisations", row)
    return store.organisations.get(keep.id)


def _remember_merged_away(store: Any, table: str, row: dict[str, Any]) -> None:
    """An opposite merge elsewhere may make the duplicate the survivor: sync then needs the values
    (and the edits of colleagues) this laptop held for it, which its seen vector already claims."""
    store.sync.keep_merged_away(table, row["id"], {f: row[f] for f in TABLES[table].field_names},
                                json.loads(row["_stamps"]))
