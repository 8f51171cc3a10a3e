"""Memberships and roles travel by bundle like every record: validated, merged field by field (issue 18)."""

from __future__ import annotations

from datetime import date

from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.importer import import_bundle
from tests.sync.conftest import seed_group


def send(source, target, folder, name):
    path = folder / f"{name}.fgbundle"
    export_bundle(source.store, path)
    return import_bundle(target.store, path)


def test_memberships_and_roles_reach_the_other_laptop_and_concurrent_changes_leave_one_conflict(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    group, people, _meeting = seed_group(accra.store)
    regional = accra.store.groups.create(name="Western", parent_id=group.id, kind="regional")
    organisation_id = people[0].organisation_id
    accra.store.memberships.set(organisation_id, regional.id, "member", start_date=date(2025, 1, 1))
    accra.store.roles.start(people[1].id, group.id, "chair", date(2025, 2, 1))
    send(accra, tarkwa, fast_dir, "a1")
    assert tarkwa.store.digest() == accra.store.digest()
    assert tarkwa.store.roles.list()[0].role == "chair"
    tarkwa.tick(5)
    tarkwa.store.memberships.set(organisation_id, regional.id, "left", end_date=date(2025, 6, 1))
    accra.tick(3)
    accra.store.memberships.set(organisation_id, regional.id, "observer")  # concurrent: one wins, one is kept
    report = send(tarkwa, accra, fast_dir, "t1")
    assert report.counts.conflicts == 1
    send(accra, tarkwa, fast_dir, "a2")
    assert tarkwa.store.digest() == accra.store.digest()
    assert accra.store.memberships.find(
        accra.store.memberships.list(group_id=regional.id)[0].id).status == "left"  # the later change wins
