"""The results framework and work plan through the public API: rules, deletes, migration and sync."""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import date

import pytest

from fieldgroup.core import InUseError, ValidationError, mentions, open_store, store_schema
from fieldgroup.core import store as store_module
from fieldgroup.core.results import verify_value
from fieldgroup.core.results_framework import framework, workplan_progress
from fieldgroup.core.store import RecordStore


def build(store, group):
    objective = store.objectives.create(group_id=group.id, code="O1", title="Security forces respect rights",
                                        horizon="long", start_date="2025-01-01", end_date="2027-12-31",
                                        successes="The first joint risk assessment was held.")
    result = store.results.create(objective_id=objective.id, code="R1.1", title="Guards trained",
                                  result_type="output")
    indicator = store.indicators.create(group_id=group.id, name="Guards trained", result_id=result.id)
    activity = store.activities.create(group_id=group.id, result_id=result.id, title="Training in Tarkwa",
                                       start_date="2025-02-01", end_date="2025-05-31", budget_amount=2500,
                                       currency="GHS")
    return objective, result, indicator, activity


def test_framework_tree_reads_back_what_was_created(store, group):
    objective, result, indicator, activity = build(store, group)
    store.profiles.set(group.id, vision="A country where business respects rights", mission="Convene")
    tree = framework(store, group.id)
    assert tree.profile.vision.startswith("A country")
    [node] = tree.objectives
    assert node.objective.horizon == "long" and node.results[0].result.result_type == "output"
    assert [i.id for i in node.results[0].indicators] == [indicator.id]
    # An activity under a result is also under that result's objective.
    assert activity.objective_id == objective.id
    assert [a.id for a in node.results[0].activities] == [activity.id]


def test_rules_name_the_field(store, group):
    objective, result, _indicator, _activity = build(store, group)
    with pytest.raises(ValidationError) as err:
        store.objectives.create(group_id=group.id, title="x", horizon="forever")
    assert err.value.field == "horizon"
    with pytest.raises(ValidationError) as err:
        store.activities.create(group_id=group.id, title="x", start_date="2025-05-01", end_date="2025-04-01")
    assert err.value.field == "end_date"
    with pytest.raises(ValidationError) as err:
        store.activities.create(group_id=group.id, title="x", currency="cedis")
    assert err.value.field == "currency"
    other = store.groups.create(name="Other")
    with pytest.raises(ValidationError) as err:
        store.indicators.create(group_id=other.id, name="x", result_id=result.id)
    assert err.value.field == "result_id"


def test_deletes_keep_indicators_and_activities(store, group):
    objective, result, indicator, activity = build(store, group)
    with pytest.raises(InUseError):
        store.objectives.delete(objective.id)
    store.results.delete(result.id)
    assert store.indicators.get(indicator.id).result_id is None
    assert store.activities.get(activity.id).result_id is None
    store.objectives.delete(objective.id)
    assert store.activities.get(activity.id).objective_id is None


def test_activity_links_to_meetings_and_actions_and_their_deletes(store, group):
    _o, _r, _i, activity = build(store, group)
    meeting = store.meetings.create(group_id=group.id, kind="workshop", date="2025-03-03")
    item = store.actions.create(group_id=group.id, title="Book the hall", status="open")
    store.activities.link_meeting(activity.id, meeting.id)
    store.activities.link_meeting(activity.id, meeting.id)  # twice is once
    store.activities.link_action(activity.id, item.id)
    assert store.activities.meeting_ids(activity.id) == [meeting.id]
    assert store.activities.action_ids(activity.id) == [item.id]
    store.meetings.delete(meeting.id)
    store.actions.delete(item.id)
    assert store.activities.meeting_ids(activity.id) == [] and store.activities.action_ids(activity.id) == []
    assert store.problems() == []


def test_late_activities_and_progress(store, group):
    _o, _r, _i, activity = build(store, group)  # ended 2025-05-31, today is 2025-06-15
    assert [a.id for a in store.activities.late(group.id)] == [activity.id]
    store.activities.update(activity.id, status="done")
    assert store.activities.late(group.id) == []
    progress = workplan_progress(store.activities.list(), date(2025, 6, 15))
    assert progress.done_share == 1.0 and progress.budget == {"GHS": 2500.0}


def test_a_value_keeps_note_evidence_and_who_verified_it(store, group):
    _o, _r, indicator, _a = build(store, group)
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date="2025-03-03")
    value = store.values.set(indicator.id, "2025-Q1", 12, note="Attendance sheets", evidence_meeting_id=meeting.id)
    checked = verify_value(store, value.id, "M&E officer")
    assert checked.verified and checked.verified_by == "M&E officer" and checked.verified_on == date(2025, 6, 15)
    assert checked.note == "Attendance sheets" and checked.evidence_meeting_id == meeting.id


def test_an_older_store_is_migrated_and_keeps_its_data(tmp_path, monkeypatch):
    path = tmp_path / "old.fgstore"
    before = store_schema.MIGRATIONS.index(store_schema._migrate_results_framework)  # the version before this step
    ids = {short: str(uuid.uuid5(uuid.NAMESPACE_URL, f"fieldgroup-test/{short}")) for short in ("g", "i", "v")}
    device = "a1b2c3d4e5f60718"
    stamps = [f"{1_750_000_000_000 + n:012x}{0:06x}{device}" for n in range(3)]
    with monkeypatch.context() as old:
        old.setattr(store_module, "MIGRATIONS", store_schema.MIGRATIONS[:before])
        old.setattr(store_module, "SCHEMA_VERSION", before)
        records = RecordStore.open(path, create=True)
        conn = records.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == before
        # Rows as the released version before this step wrote them (SQL: the API writes today's columns).
        rows = [("INSERT INTO groups (id, name, _stamps, _ver) VALUES (?, 'Old group', ?, ?)", (ids["g"],)),
                ("INSERT INTO indicators (id, group_id, name, unit, direction, period_kind, _stamps, _ver)"
                 " VALUES (?, ?, 'Old indicator', 'number', 'increase', 'quarter', ?, ?)", (ids["i"], ids["g"])),
                ("INSERT INTO indicator_values (id, indicator_id, period, value, note, _stamps, _ver)"
                 " VALUES (?, ?, '2025-Q1', 7, 'kept', ?, ?)", (ids["v"], ids["i"]))]
        for (sql, values), stamp in zip(rows, stamps, strict=True):
            conn.execute(sql, (*values, json.dumps({"*": stamp}), stamp))
        records.set_local("seen_vector", json.dumps({device: stamps[-1]}))  # as after a sync with that laptop
        records.close()
    with open_store(path) as s:
        assert s.schema_version == store_schema.SCHEMA_VERSION
        g = s.groups.get(ids["g"])
        assert s.indicators.get(ids["i"]).result_id is None
        kept = s.values.get(ids["v"])  # rebuilding the tables kept every row and link
        assert (kept.value, kept.note, kept.verified) == (7, "kept", False)
        _o, result, _i, _a = build(s, g)
        assert s.indicators.update(ids["i"], result_id=result.id).result_id == result.id
        assert s.problems() == []
    conn = sqlite3.connect(path)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(indicators)")]
    conn.close()
    assert columns[-3:] == ["result_id", "_stamps", "_ver"]


def test_erasing_a_protected_person_scrubs_the_framework_texts(store, group, pillars):
    objective, result, _indicator, activity = build(store, group)
    person = pillars["civil_society"][1]
    store.people.update(person.id, name="Ama Boateng", protected=True)
    store.objectives.update(objective.id, successes="Ama Boateng led the first risk assessment.")
    store.activities.update(activity.id, title="Training with Ama Boateng")
    store.people.delete(person.id)
    assert "Ama Boateng" not in store.objectives.get(objective.id).successes
    # Erasure (protect) leaves the erased-person token, which every screen and document reads as the placeholder.
    title = store.activities.get(activity.id).title
    assert title == "Training with " + mentions.erased_mention("civil_society")
    assert mentions.Directory.from_store(store).render(title) == "Training with Protected participant (Civil society)"
