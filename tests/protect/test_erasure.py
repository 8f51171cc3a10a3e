"""Erasure that holds: every field of every table, conflicts, local tables, free pages, WAL and backups."""

from __future__ import annotations

import json
from datetime import date

from fieldgroup.core import backups, erasure, mentions, store_protect, store_sync
from fieldgroup.core.schema import MACHINE_TEXT, TABLES
from fieldgroup.sync import review

NAME = "Zawadi Kilonzo"
VARIANTS = ["Zawadi Kilonzo will brief", "Ms Kilonzo", "KILONZO, Zawadi", "zawadi.kilonzo@example.org"]
TEXT = "Notes: " + "; ".join(VARIANTS) + "."
LEAKS = ["Kilonzo", "KILONZO", "zawadi", "Zawadi"]


def _world(store):
    """One record in every synced table, each free-text field holding the protected name."""
    group = store.groups.create(name="Kenya ICWG")
    org = store.organisations.create(group_id=group.id, name="Haki Centre", pillar="civil_society")
    person = store.people.create(organisation_id=org.id, name=NAME, email="zawadi.kilonzo@example.org", protected=True)
    other = store.people.create(organisation_id=org.id, name="Juma Otieno")
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1))
    store.attendance.set(meeting.id, person.id)
    action = store.actions.create(group_id=group.id, meeting_id=meeting.id, title="Brief", owner_person_id=person.id)
    indicator = store.indicators.create(group_id=group.id, name="Meetings")
    store.targets.set(indicator.id, "2025-Q1", 3)
    store.values.set(indicator.id, "2025-Q1", 2)
    # The results framework (issue 17): its texts are free text too.
    store.profiles.set(group.id, vision="Rights respected", mission="Convene")
    objective = store.objectives.create(group_id=group.id, title="Dialogue", horizon="short")
    result = store.results.create(objective_id=objective.id, title="Guards trained", result_type="output")
    store.activities.create(group_id=group.id, result_id=result.id, title="Training")
    store.minute_sections.create(meeting_id=meeting.id, audience="internal", heading="Incident", body="Notes")
    store.incidents.add_protocol_step(group.id, "Call the defender", 0)  # incidents (issue 19): every table
    store.incidents.open(group.id, date=date(2025, 3, 2), kind="threat_to_defender", title="Threat",
                         organisation_ids=[org.id])
    with store.transaction():
        erasure.group_key(store, group.id)
        store.records.insert("name_dismissals", "d1", {"person_id": person.id, "secret_id": "x", "fingerprint": "y"})
        for table, names in erasure.free_text_fields().items():
            rows = store_protect.rows_of(store.conn, table)
            assert rows, f"add a {table} record to this test so its free text is checked"
            for row in rows:
                if (table, row[0]) != ("people", person.id):
                    store.records.update(table, row[0], {n: f"{TEXT} {mentions.mention(person.id)}" for n in names})
    return group, person, other, meeting, action


def _all_text(store) -> str:
    chunks = []
    for table in TABLES:
        chunks += [json.dumps(r, ensure_ascii=False) for r in store_protect.rows_of(store.conn, table)]
    for table, columns, _fts in store_protect.local_text_columns(store.conn):
        chunks += [json.dumps(r, ensure_ascii=False) for r in store_protect.local_rows(store.conn, table, columns)]
    return "\n".join(chunks)


def test_every_text_field_is_either_scrubbed_or_made_by_the_app():
    scrubbed = erasure.free_text_fields()
    for table, spec in TABLES.items():
        for field in spec.fields:
            if field.kind == "text" and field.choices is None and field.references is None and field.max_length >= 200:
                assert field.name in scrubbed.get(table, ()) or (table, field.name) in MACHINE_TEXT | erasure.NOT_SCRUBBED


def test_erasure_scrubs_every_field_of_every_table_and_local_tables(store):
    group, person, other, meeting, action = _world(store)
    with store.transaction():
        store_sync.add_conflict(store.conn, "meetings", meeting.id, "minutes", ("kept", "s1"), (TEXT, "s0"), "2025")
        store_sync.add_import_history(store.conn, "b1", "bundle.fgbundle", "dev", "2025", {}, note=TEXT)
        store.records.set_local("draft:meeting", TEXT)
    store.people.delete(person.id)
    everything = _all_text(store)
    for leak in LEAKS:
        assert leak not in everything
    assert "@{erased:civil_society}" in store.meetings.get(meeting.id).minutes
    assert store.people.get(other.id).name == "Juma Otieno"
    assert store_protect.rows_of(store.conn, "name_dismissals") == []


def test_no_readable_trace_in_the_file_or_the_wal(store):
    _group, person, *_ = _world(store)
    store.people.delete(person.id)
    for suffix in ("", "-wal"):
        path = store.path.with_name(store.path.name + suffix)
        data = path.read_bytes() if path.exists() else b""
        assert b"Kilonzo" not in data and b"KILONZO" not in data and b"zawadi" not in data.lower()


def test_the_tombstone_keeps_keyed_fingerprints_never_the_name(store):
    _group, person, *_ = _world(store)
    store.people.delete(person.id)
    [(erased_id, secret_id, pillar, prints)] = store_protect.rows_of(store.conn, "erasures")
    assert erased_id == person.id and pillar == "civil_society"
    assert "kilonzo" not in prints.lower() and len(json.loads(prints)) >= 4
    [(sid, _gid, secret)] = store_protect.rows_of(store.conn, "group_secrets")
    assert sid == secret_id and len(bytes.fromhex(secret)) == 32


def test_text_typed_later_is_found_by_its_fingerprints(store):
    group, person, _other, meeting, _ = _world(store)
    store.people.delete(person.id)
    store.meetings.update(meeting.id, minutes="Later: Ms Kilonzo called; KILONZO, Zawadi too; Kilonzo.")
    scan = erasure.scanner(store.conn)
    assert [s.text for s in scan.find(store.meetings.get(meeting.id).minutes)] == ["Ms Kilonzo", "KILONZO, Zawadi", "Kilonzo"]
    with store.transaction():
        assert erasure.scrub_late_text(store) == 1
    assert "Kilonzo" not in store.meetings.get(meeting.id).minutes


def test_the_losing_version_in_conflicts_is_scrubbed_and_keep_the_other_cannot_bring_the_name_back(store):
    group, person, _other, meeting, _ = _world(store)
    store.meetings.update(meeting.id, minutes="Clean minutes.")
    with store.transaction():
        lost, kept = store.records.clock.now(), store.records.clock.now()
        store_sync.add_conflict(store.conn, "meetings", meeting.id, "minutes", ("Clean minutes.", kept),
                                ("Zawadi Kilonzo will brief", lost), "2025")
    store.people.delete(person.id)
    [conflict] = review.open_conflicts(store)
    assert "Kilonzo" not in json.dumps(conflict.lost_value, ensure_ascii=False)
    review.keep_lost_value(store, conflict.id)
    assert "Kilonzo" not in store.meetings.get(meeting.id).minutes


def test_each_backup_on_this_laptop_is_rewritten_and_kept(store):
    _group, person, _other, meeting, _ = _world(store)
    first = backups.backup_now(store, "manual")
    second = backups.backup_now(store, "daily")
    store.people.delete(person.id)
    assert sorted(p.name for p in first.parent.iterdir()) == sorted([first.name, second.name])
    for path in (first, second):
        data = path.read_bytes()
        assert b"Kilonzo" not in data and b"zawadi" not in data.lower()
        info = [b for b in backups.list_backups(store.path) if b.path == path][0]
        assert info.problem is None and info.counts["people"] == 1


def test_a_search_index_and_a_drafts_table_added_later_are_scrubbed_too(store):
    _group, person, *_ = _world(store)
    conn = store.conn  # tables another feature adds later, found from the file itself
    conn.execute("CREATE TABLE later_notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("CREATE VIRTUAL TABLE later_search USING fts5(body)")
    conn.execute("CREATE VIRTUAL TABLE later_ext USING fts5(body, content='later_notes', content_rowid='id')")
    conn.execute("INSERT INTO later_notes (body) VALUES (?)", (TEXT,))
    conn.execute("INSERT INTO later_search (body) VALUES (?)", (TEXT,))
    conn.execute("INSERT INTO later_ext (later_ext) VALUES ('rebuild')")
    conn.execute("INSERT INTO drafts (key, record_id, group_id, fields, saved_at) VALUES (?, ?, ?, ?, ?)",
                  ("meeting:x", "x", None, json.dumps({"minutes": "Intro\nKilonzo will brief"}), "2025"))
    store.people.delete(person.id)
    assert "Kilonzo" not in conn.execute("SELECT body FROM later_notes").fetchone()[0]
    assert "Kilonzo" not in conn.execute("SELECT fields FROM drafts").fetchone()[0]
    assert conn.execute("SELECT COUNT(*) FROM later_search WHERE later_search MATCH 'Kilonzo'").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM later_ext WHERE later_ext MATCH 'Kilonzo'").fetchone()[0] == 0
    assert b"Kilonzo" not in store.path.read_bytes()


def test_on_an_encrypted_store_the_backups_are_rewritten_and_stay_encrypted(tmp_path):
    from fieldgroup.core import create_store, keys, open_store

    phrase = keys.Passphrase("correct horse battery staple")
    with create_store(tmp_path / "enc.fgstore", passphrase=phrase) as store:
        _group, person, _other, meeting, _ = _world(store)
        copy = backups.backup_now(store, "manual")
        store.people.delete(person.id)
        assert b"SQLite format 3" not in copy.read_bytes()[:16]  # still encrypted
    with open_store(copy, passphrase=phrase, read_only=True) as old:
        assert old.people.find(person.id) is None
        assert "Kilonzo" not in _all_text(old)
