"""Memberships, roles and the group tree: who belongs to which group, who holds which role, since when."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from fieldgroup.core.choices import SUBTYPE_PILLAR
from fieldgroup.core.entities import Group, Membership, Role
from fieldgroup.core.repository import Repository, pair_id
from fieldgroup.core.rules import require
from fieldgroup.core.store_migrate_members import sure_subtype
from fieldgroup.i18n import _

if TYPE_CHECKING:
    from fieldgroup.core.api import Store


class Memberships(Repository[Membership]):
    """One membership per organisation and group (a deterministic id: two laptops adding it make one)."""

    table = "memberships"
    order_by = "start_date, id"

    def set(self, organisation_id: str, group_id: str, status: str = "member", **dates: Any) -> Membership:
        """Make `organisation_id` a member (or observer, invited, left) of `group_id`, adding or changing it."""
        record_id = pair_id(organisation_id, group_id)
        if self.store.records.exists(self.table, record_id):
            return self.update(record_id, status=status, **dates)
        return self.create(id=record_id, organisation_id=organisation_id, group_id=group_id, status=status, **dates)

    def of_group(self, group_id: str) -> list[Membership]:
        return self.list(group_id=group_id)

    def _check(self, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        _check_dates(values)
        if current is not None:
            require(values["organisation_id"] == current["organisation_id"] and values["group_id"] == current["group_id"],
                    "group_id", _("End this membership and add the organisation to the other group instead."))


class Roles(Repository[Role]):
    """A person's roles in groups, with dates: the focal-point history of each member organisation."""

    table = "roles"
    order_by = "start_date IS NOT NULL, start_date, id"

    def _defaults(self, values: dict[str, Any]) -> dict[str, Any]:
        if values.get("person_id") and not values.get("organisation_id"):
            person = self.store.people.find(values["person_id"])
            values = values | {"organisation_id": person.organisation_id if person else None}
        return values

    def _check(self, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        _check_dates(values)

    def focal_point_history(self, organisation_id: str, group_id: str | None = None) -> list[Role]:
        """The organisation's focal points, oldest first (undated ones first: they came with old data)."""
        filters = {"organisation_id": organisation_id, "role": "focal_point"}
        return self.list(**filters, **({"group_id": group_id} if group_id else {}))

    def start(self, person_id: str, group_id: str, role: str, day: date) -> Role:
        """Start a role on `day`; the same start on two laptops (or twice in a day) is one record."""
        record_id = pair_id(person_id, group_id, role, day.isoformat())
        if self.store.records.exists(self.table, record_id):
            return self.update(record_id, end_date=None)
        return self.create(id=record_id, person_id=person_id, group_id=group_id, role=role, start_date=day)

    def end_current(self, person_id: str, role: str, day: date) -> None:
        """Close every open role of this kind the person holds (they stopped being focal point today)."""
        for held in self.list(person_id=person_id, role=role):
            if held.end_date is None:
                self.update(held.id, end_date=max(day, held.start_date or day))


def _check_dates(values: dict[str, Any]) -> None:
    start, end = values.get("start_date"), values.get("end_date")
    require(start is None or end is None or str(start) <= str(end), "end_date",
            _("The end date cannot be before the start date; correct one of them."))


def check_subtype(values: dict[str, Any]) -> None:
    """An organisation's sub-type must belong to its pillar (an embassy is a government, not a company)."""
    subtype = values.get("subtype")
    require(subtype is None or SUBTYPE_PILLAR.get(subtype) == values.get("pillar"), "subtype",
            _("That sub-type belongs to another pillar; choose one of this pillar's sub-types."))


def guess_subtype(pillar: str | None, kind: str | None, name: str | None) -> str | None:
    """The sub-type a kind surely names within the pillar (the migration's word table), or None."""
    return sure_subtype(pillar, kind, name)


# ---- the group tree -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GroupNode:
    """One group in the tree, with its depth (0 for a national group) for indenting a picker."""

    group: Group
    depth: int


def group_tree(store: Store) -> list[GroupNode]:
    """Every group, parents before their sub-groups, siblings by name (a picker's order)."""
    groups = store.groups.list()
    children: dict[str | None, list[Group]] = {}
    ids = {g.id for g in groups}
    for group in groups:
        parent = group.parent_id if group.parent_id in ids else None
        children.setdefault(parent, []).append(group)
    result: list[GroupNode] = []
    seen: set[str] = set()

    # Depth first with a list, not a recursive inner function: that one referred to itself, a cycle
    # that the GUI's frozen collector kept after every background read (ui/collector.py).
    stack = [(group, 0) for group in reversed(children.get(None, []))]
    while stack:
        group, depth = stack.pop()
        if group.id in seen:  # a cycle from two laptops' edits must not hang the picker
            continue
        seen.add(group.id)
        result.append(GroupNode(group, depth))
        stack.extend((child, depth + 1) for child in reversed(children.get(group.id, [])))
    result += [GroupNode(g, 0) for g in groups if g.id not in seen]
    return result


def subgroup_ids(store: Store, group_id: str, include_subgroups: bool = True) -> list[str]:
    """The group and (when asked) every group below it (sub-groups of sub-groups too), the group itself
    first, nearest first: the one answer to "with sub-groups" for lists, reports and computed indicators."""
    if not include_subgroups:
        return [group_id]
    by_parent: dict[str, list[str]] = {}
    for group in store.groups.list():
        if group.parent_id:
            by_parent.setdefault(group.parent_id, []).append(group.id)
    result, seen, todo = [], set(), deque([group_id])
    while todo:
        current = todo.popleft()
        if current not in seen:  # a loop in parent links (two laptops' edits) must not hang the app
            seen.add(current)
            result.append(current)
            todo += by_parent.get(current, [])
    return result


def network_root(store: Store, group_id: str) -> str:
    """The national (top) group above `group_id`: organisations and people belong to its whole tree."""
    parents = {g.id: g.parent_id for g in store.groups.list()}
    current, seen = group_id, {group_id}
    while parents.get(current) and parents[current] in parents and parents[current] not in seen:
        current = parents[current]
        seen.add(current)
    return current


def network_group_ids(store: Store, group_id: str) -> list[str]:
    """Every group of the network `group_id` belongs to (its national group and all sub-groups)."""
    return subgroup_ids(store, network_root(store, group_id))


def member_organisation_ids(store: Store, group_id: str, day: date | None = None) -> set[str]:
    """Organisations that are members or observers of the group on `day` (today by default)."""
    when = day or store.today()
    return {m.organisation_id for m in store.memberships.of_group(group_id) if m.is_current(when)}


def organisations_to_review(store: Store) -> list[Any]:
    """Organisations without a sub-type: what the migration could not decide, for the one-time review."""
    return [o for o in store.organisations.list() if o.subtype is None]


def subtype_review_pending(store: Store) -> bool:
    """Whether the one-time review of sub-types should still be offered on this laptop."""
    return store.local_setting("review:organisation_subtypes") == "pending" and bool(organisations_to_review(store))


def finish_subtype_review(store: Store) -> None:
    store.set_local_setting("review:organisation_subtypes", "done")


def network_organisations(store: Store, group_id: str | None) -> list[Any]:
    """The directory: every organisation of the group's network, this group's members first, each by name."""
    if not group_id:
        return store.organisations.list()
    network = set(network_group_ids(store, group_id))
    members = member_organisation_ids(store, group_id)
    organisations = [o for o in store.organisations.list() if o.group_id in network]
    return sorted(organisations, key=lambda o: (o.id not in members and o.group_id != group_id, o.name.casefold()))
