"""The narrow sync interface of a store: rows since a vector, audience filters, closure under references."""

from __future__ import annotations

import pytest

from fieldgroup.core.schema import TABLES


@pytest.fixture
def filled(store, group):
    org = store.organisations.create(group_id=group.id, name="Gold Fields", pillar="company")
    ama = store.people.create(organisation_id=org.id, name="Ama", protected=True)
    kofi = store.people.create(organisation_id=org.id, name="Kofi")
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date="2025-03-04")
    store.attendance.create(meeting_id=meeting.id, person_id=ama.id, status="present")
    store.attendance.create(meeting_id=meeting.id, person_id=kofi.id, status="present")
    return org, ama, kofi, meeting


def ids(changes, table):
    return {row[0] for row in changes.tables[table]}


def test_rows_since_a_vector_carry_only_what_the_holder_lacks(store, wall, group, filled):
    vector = store.sync.seen_vector()
    wall.ms += 10
    store.people.update(filled[2].id, role="Security manager")
    lacking = store.sync.changes_since(vector, close_references=False)
    assert lacking.counts() == {name: (1 if name == "people" else 0) for name in lacking.tables} | {"tombstones": 0}
    assert store.sync.changes_since(store.sync.seen_vector()).counts()["people"] == 0


def test_a_record_travels_with_what_it_points_to(store, wall, group, filled):
    vector = store.sync.seen_vector()
    wall.ms += 10
    store.people.update(filled[2].id, role="Security manager")
    closed = store.sync.changes_since(vector)
    assert ids(closed, "people") == {filled[2].id}
    assert ids(closed, "organisations") == {filled[0].id} and ids(closed, "groups") == {group.id}


def test_an_audience_filter_withholds_rows_and_whatever_points_to_them(store, group, filled):
    org, ama, kofi, meeting = filled
    people = store.sync.changes_since(None).tables["people"]
    protected_at = 1 + TABLES["people"].field_names.index("protected")
    assert {bool(r[protected_at]) for r in people} == {False, True}

    def not_protected(table, row):
        return table != "people" or not row[protected_at]

    shared = store.sync.changes_since(None, audience=not_protected)
    assert ids(shared, "people") == {kofi.id}
    # Ama's attendance points to a person who does not travel, so it stays home too.
    assert len(shared.tables["attendance"]) == 1 and shared.tables["attendance"][0][2] == kofi.id
    assert ids(shared, "meetings") == {meeting.id}


def test_merge_writes_are_refused_outside_a_transaction(store, group):
    with pytest.raises(RuntimeError):
        store.sync.set_tombstone("groups", group.id, "x")
    with store.transaction():
        store.sync.save_peer("abc", "Tarkwa laptop", {"abc": "1"}, "2025-06-15T10:00:00+00:00")
    assert [(p.device, p.name, p.vector) for p in store.sync.peers()] == [("abc", "Tarkwa laptop", {"abc": "1"})]


def test_settings_the_store_keeps_itself_cannot_be_overwritten(store):
    store.set_local_setting("last_sync", "2025-06-15T10:00:00+00:00")
    assert store.local_setting("last_sync") == "2025-06-15T10:00:00+00:00"
    for key in ("device_id", "clock", "home"):
        with pytest.raises(ValueError):
            store.set_local_setting(key, "x")
