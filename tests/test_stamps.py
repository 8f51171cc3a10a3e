"""Every write of every synced field is stamped; reading never is; deletes leave tombstones."""

import json
from datetime import date

import pytest

from fieldgroup.core.hlc import stamp_device


def stamps_of(store, table, record_id):
    row = store.records.get_row(table, record_id)
    return json.loads(row["_stamps"]), row["_ver"]


def snapshot(store):
    """Everything stamp-related in the store: record stamps, tombstones and the saved clock."""
    tables = ("groups", "organisations", "people", "meetings", "attendance", "action_items",
              "indicators", "indicator_targets", "indicator_values")
    rows = {t: store.conn.execute(f"SELECT id, _stamps, _ver FROM {t} ORDER BY id").fetchall() for t in tables}
    rows["tombstones"] = store.conn.execute("SELECT * FROM tombstones ORDER BY tbl, id").fetchall()
    rows["clock"] = store.records.get_local("clock")
    return rows


def test_create_stamps_every_field_with_this_device(store, group):
    stamps, ver = stamps_of(store, "groups", group.id)
    assert set(stamps) == {"*"} and stamps["*"] == ver
    assert stamp_device(ver) == store.device_id


def test_update_stamps_only_the_changed_fields(store, group, wall):
    before, _ = stamps_of(store, "groups", group.id)
    wall.ms += 10
    store.groups.update(group.id, country="NG", name=group.name)  # name unchanged
    after, ver = stamps_of(store, "groups", group.id)
    assert after["country"] == ver > before["*"]
    assert "name" not in after


def test_saving_unchanged_values_writes_nothing(store, group):
    before = snapshot(store)
    store.groups.update(group.id, name=group.name, country=group.country)
    assert snapshot(store) == before


@pytest.mark.parametrize("write", [
    lambda s, p: s.people.update(p["company"][1].id, role="Head of security"),
    lambda s, p: s.organisations.update(p["company"][0].id, name="Renamed Ltd"),
    lambda s, p: s.people.delete(p["observer"][1].id),
    lambda s, p: s.meetings.create(group_id=p["company"][0].group_id, kind="plenary", date=date(2025, 1, 2)),
])
def test_every_write_path_advances_the_stamps(store, pillars, write):
    before = snapshot(store)
    write(store, pillars)
    after = snapshot(store)
    assert after != before
    assert after["clock"] > before["clock"]


def test_attendance_action_and_indicator_writes_are_stamped(store, group, pillars):
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 1))
    person = pillars["company"][1]
    line = store.attendance.set(meeting.id, person.id, "present")
    store.attendance.set(meeting.id, person.id, "excused")
    stamps, _ = stamps_of(store, "attendance", line.id)
    assert "status" in stamps and stamps["status"] > stamps["*"]
    item = store.actions.create(meeting_id=meeting.id, title="Share the minutes", due_date=date(2025, 5, 10))
    store.actions.update(item.id, status="done")
    stamps, _ = stamps_of(store, "action_items", item.id)
    assert stamps["status"] == stamps["completed_on"]
    indicator = store.indicators.create(group_id=group.id, name="Grievances resolved", unit="number")
    value = store.values.set(indicator.id, "2025-Q1", 3)
    assert stamps_of(store, "indicator_values", value.id)[1] > stamps["status"]


def test_reading_and_listing_never_stamp(store, group, pillars):
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 1))
    for _org, person in pillars.values():
        store.attendance.set(meeting.id, person.id)
    indicator = store.indicators.create(group_id=group.id, computed="meetings_held")
    before = snapshot(store)
    store.groups.list(), store.people.list(), store.meetings.get(meeting.id)
    store.meetings.balance(meeting.id), store.attendance.of_meeting(meeting.id)
    store.actions.open(group.id), store.actions.overdue(group.id)
    store.indicator_progress(indicator.id), store.digest(), store.counts(), store.problems()
    assert snapshot(store) == before


def test_delete_leaves_a_tombstone_and_takes_dependent_attendance(store, group, pillars):
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 1))
    person = pillars["civil_society"][1]
    line = store.attendance.set(meeting.id, person.id)
    store.people.delete(person.id)
    assert store.records.tombstone("people", person.id)
    assert store.records.tombstone("attendance", line.id)
    assert store.attendance.find(line.id) is None


def test_a_person_removed_from_a_meeting_can_be_added_again(store, group, pillars):
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 1))
    person = pillars["government"][1]
    store.attendance.set(meeting.id, person.id)
    store.attendance.remove(meeting.id, person.id)
    again = store.attendance.set(meeting.id, person.id, "excused")
    assert again.status == "excused" and store.records.tombstone("attendance", again.id) is None


def test_stamps_keep_increasing_when_the_wall_clock_is_set_back(store, group, wall):
    store.groups.update(group.id, country="GH")
    _, first = stamps_of(store, "groups", group.id)
    wall.ms -= 86_400_000 * 365
    store.groups.update(group.id, country="NG")
    _, second = stamps_of(store, "groups", group.id)
    assert second > first


def test_two_writes_in_the_same_millisecond_are_ordered(store, group):
    store.groups.update(group.id, country="GH")
    _, first = stamps_of(store, "groups", group.id)
    store.groups.update(group.id, country="NG")  # the fake wall clock has not moved
    _, second = stamps_of(store, "groups", group.id)
    assert second > first


def test_clock_survives_closing_the_store(tmp_path, wall):
    from fieldgroup.core import create_store, open_store

    path = tmp_path / "s.fgstore"
    with create_store(path, wall=wall) as s:
        g = s.groups.create(name="Peru")
        _, last = stamps_of(s, "groups", g.id)
    wall.ms -= 10_000_000
    with open_store(path, wall=wall) as s:
        s.groups.update(g.id, country="PE")
        _, after = stamps_of(s, "groups", g.id)
    assert after > last


def test_device_local_settings_are_not_stamped(store):
    before = snapshot(store)
    with store.transaction():
        store.records.set_local("window", "maximised")
    assert snapshot(store) == before


def test_two_connections_to_one_store_never_issue_the_same_stamp(store, group, wall):
    """A background task with its own connection and the window's connection share one clock on disk."""
    from concurrent.futures import ThreadPoolExecutor

    from fieldgroup.core import open_store

    with ThreadPoolExecutor(1) as pool:  # opened in a worker thread, as ui/tasks.py does (shares the store lock)
        other = pool.submit(open_store, store.path, wall=wall).result()
    try:
        store.groups.update(group.id, country="NG")
        other.groups.update(group.id, region="Western")  # same millisecond, other connection
        store.groups.update(group.id, name="Ghana ICWG (national)")
        stamps = json.loads(store.records.get_row("groups", group.id)["_stamps"])
        assert len({stamps["country"], stamps["region"], stamps["name"]}) == 3
        assert stamps["country"] < stamps["region"] < stamps["name"]
    finally:
        other.close()
