"""Balance figures agree between dashboard, reports and indicators, for a national group with sub-groups (issue 18)."""

from __future__ import annotations

from datetime import date

import pytest

from fieldgroup.core.members import subgroup_ids
from fieldgroup.core.read_models import balances_by_meeting, recent_meetings
from fieldgroup.core.who_is_missing import region_breakdown


@pytest.fixture
def network(store, group):
    regional = store.groups.create(name="Western ICWG", parent_id=group.id, region="Western", kind="regional")
    people = {}
    for name, pillar, subtype in (("Mine", "company", "extractive"), ("Ministry", "government", "host_government"),
                                  ("Police", "government", "public_security"), ("NGO", "civil_society", "ngo"),
                                  ("Embassy", "government", "home_government"), ("UN", "observer", "international")):
        org = store.organisations.create(group_id=group.id, name=name, pillar=pillar, subtype=subtype)
        people[name] = store.people.create(organisation_id=org.id, name=f"{name} person", gender="female")
    plan = [(group, "plenary", date(2025, 1, 10), ("Mine", "Ministry", "NGO", "Embassy", "UN")),
            (group, "workshop", date(2025, 2, 10), ("Mine", "Embassy", "NGO")),
            (regional, "subnational", date(2025, 2, 20), ("Mine", "Police", "Embassy", "NGO", "NGO")),
            (regional, "subnational", date(2025, 3, 3), ("Embassy", "NGO")),
            (group, "pillar", date(2025, 3, 5), ("Ministry", "Embassy"))]
    for where, kind, day, names in plan:
        meeting = store.meetings.create(group_id=where.id, kind=kind, date=day,
                                        pillar="government" if kind == "pillar" else None)
        for name in names:
            store.attendance.set(meeting.id, people[name].id)
    return group, regional


@pytest.mark.parametrize("count_embassies", [False, True])
def test_every_view_gives_the_same_balance_and_the_same_computed_average(store, network, count_embassies):
    national, regional = network
    store.groups.update(regional.id, include_home_governments=count_embassies)
    indexes = []
    for group_id in subgroup_ids(store, national.id):
        grouped = balances_by_meeting(store, group_id)  # meetings page and dashboard history
        facts = {(f.date, f.kind): f for f in store.meeting_facts(group_id)}  # computed indicators
        _next, recent = recent_meetings(store, group_id, 10)  # dashboard
        dashboard = {row.meeting.id: row.balance for row in recent}
        for meeting in store.meetings.list(group_id=group_id):
            report = store.meetings.balance(meeting.id)  # handout and participation report
            assert grouped[meeting.id].counts == report.counts == facts[(meeting.date, meeting.kind)].counts
            assert grouped[meeting.id].index == pytest.approx(report.index)
            if meeting.id in dashboard:
                assert dashboard[meeting.id].counts == report.counts
            if meeting.kind != "pillar":
                indexes.append((group_id, report.index))
        computed = store.computed_values(group_id, "average_balance", "quarter", this_group_only=True)["2025-Q1"]
        own = [index for gid, index in indexes if gid == group_id]
        assert computed == pytest.approx(sum(own) / len(own))  # indicators page = mean of the reports' figures
    # By default a group's computed indicators pool its sub-groups' meetings too (issue 17): each meeting once.
    pooled = store.computed_values(national.id, "average_balance", "quarter")["2025-Q1"]
    assert pooled == pytest.approx(sum(index for _gid, index in indexes) / len(indexes))
    regional_balance = store.meetings.balance(store.meetings.list(group_id=regional.id)[-1].id)
    assert ("home_government" in regional_balance.counts) is not count_embassies
    assert [(r.region, r.meetings, r.present) for r in region_breakdown(store, national.id)] == [
        ("Capital", 3, 10), ("Western", 2, 6)]


def test_tracker_and_balances_include_sub_groups_when_asked(store, network):
    national, regional = network
    store.actions.create(group_id=national.id, title="National follow-up")
    store.actions.create(group_id=regional.id, title="Regional follow-up")
    assert [r.title for r in store.actions.tracker_rows(national.id)] == ["National follow-up"]
    assert sorted(r.title for r in store.actions.tracker_rows(national.id, include_subgroups=True)) == [
        "National follow-up", "Regional follow-up"]
    both = balances_by_meeting(store, national.id, include_subgroups=True)
    assert len(both) == len(balances_by_meeting(store, national.id)) + len(balances_by_meeting(store, regional.id))
    for meeting_id, balance in both.items():
        assert balance.counts == store.meetings.balance(meeting_id).counts
