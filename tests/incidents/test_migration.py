"""The incidents migration step (issue 19): an older store gains the empty core-team tables and keeps everything else.

The old store is built by running the migrations up to the step before ours, wherever ours stands
in the list: renumbering the step at a rebase never breaks this test."""

from __future__ import annotations

import json
import uuid
from datetime import date

from fieldgroup.core import open_store, store_maintenance, store_schema
from fieldgroup.core import store as store_module
from fieldgroup.core.schema import CORE_TEAM_TABLES
from fieldgroup.core.store import RecordStore
from fieldgroup.core.store_migrate_incidents import migrate_incidents

DEVICE = "a1b2c3d4e5f60718"
GROUP = str(uuid.uuid5(uuid.NAMESPACE_URL, "fieldgroup-test/incidents-migration/group"))


def _stamp(n: int) -> str:
    return f"{1_750_000_000_000 + n:012x}{0:06x}{DEVICE}"


def make_store_before_incidents(path, monkeypatch) -> tuple[int, str]:
    """A store as the step before ours left it, holding one group; returns (its version, its digest)."""
    before = store_schema.MIGRATIONS.index(migrate_incidents)
    with monkeypatch.context() as old:
        old.setattr(store_module, "MIGRATIONS", store_schema.MIGRATIONS[:before])
        old.setattr(store_module, "SCHEMA_VERSION", before)
        records = RecordStore.open(path, create=True)
        records.conn.execute("INSERT INTO groups (id, name, _stamps, _ver) VALUES (?, ?, ?, ?)",
                             (GROUP, "Ghana ICWG", json.dumps({"*": _stamp(1)}), _stamp(1)))
        records.conn.commit()
        tables = {row[0] for row in records.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert not tables & CORE_TEAM_TABLES
        digest = store_maintenance.digest(records.conn)
        records.close()
    return before, digest


def test_an_older_store_gains_an_empty_incident_register_and_keeps_its_records(tmp_path, monkeypatch):
    path = tmp_path / "old.fgstore"
    before, digest = make_store_before_incidents(path, monkeypatch)
    with open_store(path, today=lambda: date(2025, 6, 15)) as store:
        assert store.schema_version == store_schema.SCHEMA_VERSION > before
        assert store.digest() == digest and store.problems() == []
        assert store.incidents.list() == [] and store.incidents.protocol_of(GROUP) == []
        store.incidents.add_protocol_step(GROUP, "Call the defender's organisation", 1)
        incident = store.incidents.open(GROUP, date=date(2025, 6, 10), kind="grievance", title="Water complaint")
        assert [s.due_date for s in store.incidents.steps_of(incident.id)] == [date(2025, 6, 11)]
        assert store.digest() == digest  # incidents are core-team data: the group's digest is unchanged
