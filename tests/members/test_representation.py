"""Balance counts the host government only; who is missing; diversity totals (issue 18)."""

from __future__ import annotations

from datetime import date

import pytest

from fieldgroup.core.errors import ValidationError
from fieldgroup.core.read_models import balances_by_meeting
from fieldgroup.core.who_is_missing import diversity_totals, who_is_missing


def org(store, group, name, pillar, subtype=None, **extra):
    return store.organisations.create(group_id=group.id, name=name, pillar=pillar, subtype=subtype, **extra)


def person(store, organisation, name, **extra):
    return store.people.create(organisation_id=organisation.id, name=name, **extra)


@pytest.fixture
def plenary_with_embassy(store, group):
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 7))
    for name, pillar, subtype in (("Mining Co", "company", "extractive"), ("Ministry", "government", "host_government"),
                                  ("NGO", "civil_society", "ngo"), ("Embassy", "government", "home_government")):
        store.attendance.set(meeting.id, person(store, org(store, group, name, pillar, subtype), f"{name} person").id)
    return meeting


def test_embassies_stand_apart_from_the_host_government_unless_the_group_counts_them(store, group, plenary_with_embassy):
    balance = store.meetings.balance(plenary_with_embassy.id)
    assert balance.counts == {"company": 1, "government": 1, "civil_society": 1, "home_government": 1}
    assert balance.index == pytest.approx(1.0)
    assert balances_by_meeting(store, group.id)[plenary_with_embassy.id].counts == balance.counts
    store.groups.update(group.id, include_home_governments=True)
    counted = store.meetings.balance(plenary_with_embassy.id)
    assert counted.counts == {"company": 1, "government": 2, "civil_society": 1}
    assert counted.index < 1.0
    assert store.meeting_facts(group.id)[0].counts == counted.counts


def test_a_sub_type_must_belong_to_the_pillar(store, group):
    with pytest.raises(ValidationError) as caught:
        org(store, group, "Embassy Mining", "company", "home_government")
    assert caught.value.field == "subtype"


def test_who_is_missing_names_organisations_never_people_and_hides_protected_ones(store, group, wall):
    store.today = lambda: date(2025, 12, 1)
    came = org(store, group, "Came Co", "company", "extractive")
    org(store, group, "Never Ministry", "government", "host_government")
    secret = org(store, group, "Defenders Network", "civil_society", "ngo")
    stopped = org(store, group, "Stopped Police", "government", "public_security")
    regular = person(store, came, "Kofi", focal_point=True)
    person(store, secret, "Ama", protected=True)  # never attended either, but must not be named
    gone = person(store, stopped, "Yaw")
    days = [date(2025, m, 10) for m in (1, 3, 5, 7, 9)]
    for i, day in enumerate(days):
        meeting = store.meetings.create(group_id=group.id, kind="plenary", date=day,
                                        region="Western" if i == 4 else None)
        store.attendance.set(meeting.id, regular.id)
        if i == 0:
            store.attendance.set(meeting.id, gone.id)
    missing = who_is_missing(store, group.id)
    assert [o.name for o in missing.never_attended] == ["Never Ministry"]
    assert [(s.organisation.name, s.last_attended) for s in missing.stopped] == [("Stopped Police", days[0])]
    assert missing.unnamed == 1
    assert secret.id not in {o.id for o in missing.without_focal_point}
    assert {o.name for o in missing.without_focal_point} == {"Never Ministry", "Stopped Police"}
    absent = {a.subtype for a in missing.absent_subtypes}
    assert "public_security" in absent and "host_government" in absent and "extractive" not in absent
    assert missing.window == 4
    assert (missing.held, missing.held_outside_capital) == (5, 1)


def test_focal_point_that_changed_twice_in_a_year_is_flagged(store, group):
    ministry = org(store, group, "Ministry", "government", "host_government")
    first, second, third = (person(store, ministry, n) for n in ("A", "B", "C"))
    store.roles.create(person_id=first.id, group_id=group.id, role="focal_point", start_date=date(2023, 1, 1),
                       end_date=date(2025, 1, 31))
    store.roles.create(person_id=second.id, group_id=group.id, role="focal_point", start_date=date(2025, 2, 1),
                       end_date=date(2025, 4, 30))
    store.roles.create(person_id=third.id, group_id=group.id, role="focal_point", start_date=date(2025, 5, 1))
    missing = who_is_missing(store, group.id)
    assert [(c.organisation.name, c.focal_points) for c in missing.focal_point_churn] == [("Ministry", 2)]
    assert missing.without_focal_point == []


def test_ticking_focal_point_keeps_a_dated_history(store, group):
    ministry = org(store, group, "Ministry", "government", "host_government")
    someone = person(store, ministry, "Abena", focal_point=True)
    store.people.update(someone.id, focal_point=False)
    history = store.roles.focal_point_history(ministry.id)
    assert [(r.start_date, r.end_date) for r in history] == [(date(2025, 6, 15), date(2025, 6, 15))]


def test_diversity_totals_are_withheld_below_five_people(store, group):
    ngo = org(store, group, "NGO", "civil_society", "ngo")
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 7))
    people = [person(store, ngo, f"P{i}", youth=True, indigenous=i < 2) for i in range(6)]
    for someone in people[:4]:
        store.attendance.set(meeting.id, someone.id)
    total, tags = diversity_totals(store, group.id)
    assert total == 4 and all(t.people is None for t in tags)
    for someone in people[4:]:
        store.attendance.set(meeting.id, someone.id)
    total, tags = diversity_totals(store, group.id)
    assert total == 6
    assert {t.tag: t.people for t in tags} == {"indigenous": None, "youth": 6, "disability": None,
                                               "affected_community": None}
