"""Demo memberships, sub-types, roles and diversity tags, with one of each "who is missing" case (issue 18).

Runs last in the demo builder so the records made before it stay exactly as they were."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from fieldgroup.core.choices import subtypes_of
from fieldgroup.core.members import guess_subtype
from fieldgroup.core.who_is_missing import RECENT, WINDOW

if TYPE_CHECKING:
    from fieldgroup.core.demo import _DemoBuilder
    from fieldgroup.core.entities import Organisation


def add_members(builder: _DemoBuilder) -> None:
    """Group kinds, sub-types, a few cross-group memberships, dated focal points and the missing cases."""
    store = builder.store
    for group in builder.groups:
        store.groups.update(group.id, kind="regional" if group.parent_id else "national")
    _subtypes(builder)
    _memberships(builder)
    _date_focal_points(builder)
    candidates = _unprotected_national(builder)
    _never_attended(builder, candidates)
    _stopped_attending(builder, candidates)
    _no_focal_point(builder, candidates)
    _focal_point_churn(builder, candidates)
    _security_forces_away(builder)
    _diversity(builder)


def _subtypes(builder: _DemoBuilder) -> None:
    """Sure sub-types from the kind; the rest as a coordinator would set them, except one left to review."""
    left_for_review = False
    for organisations in builder.orgs.values():
        for org in organisations:
            subtype = guess_subtype(org.pillar, org.kind, org.name)
            if subtype is None and not left_for_review:
                left_for_review = True
                continue
            subtype = subtype or builder.rng.choice(subtypes_of(org.pillar))
            builder.org_by_id[org.id] = builder.store.organisations.update(org.id, subtype=subtype)


def _memberships(builder: _DemoBuilder) -> None:
    """National companies and security forces also sit in the regional groups; one invited, one left."""
    store, national = builder.store, builder.national
    for group in builder.groups[1:]:
        for org in builder.orgs[national.id]:
            if builder.org_by_id[org.id].subtype in ("extractive", "public_security"):
                store.memberships.set(org.id, group.id, "member", start_date=builder.first_day)
    regional = builder.orgs[builder.groups[1].id]
    if len(regional) >= 2:
        store.memberships.set(regional[-1].id, national.id, "invited")
        store.memberships.set(regional[-2].id, builder.groups[1].id, "left", end_date=builder.today - timedelta(days=90))


def _date_focal_points(builder: _DemoBuilder) -> None:
    """Focal points ticked while building started "today": date them from the group's first year."""
    for role in builder.store.roles.list(role="focal_point"):
        builder.store.roles.update(role.id, start_date=builder.first_day + timedelta(days=builder.rng.randint(0, 200)))


def _unprotected_national(builder: _DemoBuilder) -> list[Organisation]:
    """National member organisations with two or more people and nobody protected, in a stable order."""
    protected = {p.organisation_id for people in builder.people.values() for p in people if p.protected}
    people_of: dict[str, int] = {}
    for person in builder.people[builder.national.id]:
        people_of[person.organisation_id] = people_of.get(person.organisation_id, 0) + 1
    return [o for o in builder.orgs[builder.national.id]
            if o.id not in protected and people_of.get(o.id, 0) >= 2 and o.pillar != "observer"
            and builder.org_by_id[o.id].subtype != "public_security"]


def _people_of(builder: _DemoBuilder, org: Organisation) -> list:
    return [p for p in builder.people[org.group_id] if p.organisation_id == org.id]


def _drop_attendance(builder: _DemoBuilder, org: Organisation, after=None) -> None:
    ids = {p.id for p in _people_of(builder, org)}
    for meeting in builder.meetings:
        if meeting.date >= builder.today or (after is not None and meeting.date <= after):
            continue
        for person in builder.present.get(meeting.id, []):
            if person.id in ids:  # on the list but absent: the demo keeps no tombstones
                builder.store.attendance.set(meeting.id, person.id, "absent")


def _never_attended(builder: _DemoBuilder, candidates: list[Organisation]) -> None:
    civil = [o for o in candidates if o.pillar == "civil_society"] or candidates
    if civil:
        _drop_attendance(builder, civil[-1])


def _stopped_attending(builder: _DemoBuilder, candidates: list[Organisation]) -> None:
    companies = [o for o in candidates if o.pillar == "company"]
    if companies:
        held = [m for m in builder.meetings if m.date < builder.today]
        if len(held) > 3 * RECENT:
            _drop_attendance(builder, companies[0], after=held[-3 * RECENT].date)


def _no_focal_point(builder: _DemoBuilder, candidates: list[Organisation]) -> None:
    government = [o for o in candidates if o.pillar == "government"]
    if government:
        left = builder.today - timedelta(days=60)
        for role in builder.store.roles.focal_point_history(government[-1].id):
            builder.store.roles.update(role.id, start_date=min(role.start_date or left, left), end_date=left)


def _focal_point_churn(builder: _DemoBuilder, candidates: list[Organisation]) -> None:
    """Three focal points in a year: the first left after two months, the second after five."""
    companies = [o for o in candidates if o.pillar == "company" and len(_people_of(builder, o)) >= 3]
    if not companies:
        return
    org, store, today = companies[-1], builder.store, builder.today
    first, second, third = _people_of(builder, org)[:3]
    before = today - timedelta(days=301)
    for role in store.roles.focal_point_history(org.id):  # the focal point before them left 10 months ago
        store.roles.update(role.id, start_date=min(role.start_date or before, before), end_date=before)
    store.roles.create(id=builder.new_id(), person_id=first.id, group_id=org.group_id, role="focal_point",
                       start_date=today - timedelta(days=300), end_date=today - timedelta(days=240))
    store.roles.create(id=builder.new_id(), person_id=second.id, group_id=org.group_id, role="focal_point",
                       start_date=today - timedelta(days=239), end_date=today - timedelta(days=90))
    store.roles.create(id=builder.new_id(), person_id=third.id, group_id=org.group_id, role="focal_point",
                       start_date=today - timedelta(days=89))


def _security_forces_away(builder: _DemoBuilder) -> None:
    """Public security forces stayed away from the last plenaries: "no public security force at the last 4"."""
    plenaries = [m for m in builder.meetings if m.kind == "plenary" and m.date < builder.today][-WINDOW:]
    for meeting in plenaries:
        for person in builder.present.get(meeting.id, []):
            org = builder.org_by_id.get(person.organisation_id)
            if org is not None and org.subtype == "public_security":
                builder.store.attendance.set(meeting.id, person.id, "absent")


def _diversity(builder: _DemoBuilder) -> None:
    """Self-declared tags on some civil society people (totals only are ever shown)."""
    for people in builder.people.values():
        for person in people:
            if builder.pillar_of[person.id] != "civil_society":
                continue
            draw = builder.rng.random()
            tags = {"youth": draw < 0.3, "indigenous": 0.2 < draw < 0.45, "affected_community": draw > 0.6}
            if any(tags.values()):
                builder.store.people.update(person.id, **tags)
