"""One member directory (issue 18): memberships follow deletes and merges; the picker offers the network."""

from __future__ import annotations

from fieldgroup.core.members import group_tree, network_organisations
from fieldgroup.core.read_models import person_choices


def test_memberships_follow_a_merge_and_go_with_a_deleted_organisation(store, group):
    regional = store.groups.create(name="Western", parent_id=group.id)
    keep = store.organisations.create(group_id=group.id, name="Ministry of Mines", pillar="government")
    duplicate = store.organisations.create(group_id=group.id, name="Min. of Mines", pillar="government")
    store.memberships.set(duplicate.id, regional.id, "member")
    store.merge_organisations(keep.id, duplicate.id)
    assert {(m.organisation_id, m.group_id) for m in store.memberships.list()} == {
        (keep.id, group.id), (keep.id, regional.id)}
    store.organisations.delete(keep.id)
    assert store.memberships.list() == [] and store.problems() == []


def test_the_picker_offers_the_whole_network_with_this_groups_members_first(store, group):
    regional = store.groups.create(name="Western", parent_id=group.id)
    other_network = store.groups.create(name="Another country")
    national_org = store.organisations.create(group_id=group.id, name="National NGO", pillar="civil_society")
    regional_org = store.organisations.create(group_id=regional.id, name="Tarkwa Youth", pillar="civil_society")
    foreign = store.organisations.create(group_id=other_network.id, name="Elsewhere", pillar="company")
    store.people.create(organisation_id=national_org.id, name="Ama")
    store.people.create(organisation_id=regional_org.id, name="Zainab")
    store.people.create(organisation_id=foreign.id, name="Bob")
    assert [c.person.name for c in person_choices(store, regional.id)] == ["Zainab", "Ama"]
    store.memberships.set(national_org.id, regional.id, "member")
    assert [c.person.name for c in person_choices(store, regional.id)] == ["Ama", "Zainab"]
    assert [o.name for o in network_organisations(store, regional.id)] == ["National NGO", "Tarkwa Youth"]
    assert [(n.group.name, n.depth) for n in group_tree(store)] == [
        ("Another country", 0), ("Ghana ICWG", 0), ("Western", 1)]
