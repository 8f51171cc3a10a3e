"""The SQLite schema of a store and its forward-only migrations (the DDL lives here, nowhere else)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from fieldgroup.core.schema import TABLES, TableSpec

# 'FGrp': marks a SQLite file as a FieldGroup store, so a foreign database is refused on sight.
APPLICATION_ID = 0x46477270

_SQL_TYPES = {"text": "TEXT", "date": "TEXT", "int": "INTEGER", "bool": "INTEGER", "real": "REAL"}


def _record_table_ddl(spec: TableSpec) -> list[str]:
    columns = ["id TEXT PRIMARY KEY NOT NULL"]
    columns += [f"{f.name} {_SQL_TYPES[f.kind]}" for f in spec.fields]
    # _stamps: JSON {"*": creation stamp, field: stamp of its last change}; _ver: the newest stamp.
    columns += ["_stamps TEXT NOT NULL", "_ver TEXT NOT NULL"]
    # Deferred so that sync can apply a bundle's rows in any order inside one transaction.
    columns += [
        f"FOREIGN KEY ({f.name}) REFERENCES {f.references}(id) DEFERRABLE INITIALLY DEFERRED"
        for f in spec.fields
        if f.references
    ]
    statements = [f"CREATE TABLE {spec.name} (\n  " + ",\n  ".join(columns) + "\n)"]
    statements += [
        f"CREATE INDEX idx_{spec.name}_{f.name} ON {spec.name}({f.name})" for f in spec.fields if f.references
    ]
    statements.append(f"CREATE INDEX idx_{spec.name}__ver ON {spec.name}(_ver)")
    return statements


def _migrate_to_1(conn: sqlite3.Connection) -> None:
    statements: list[str] = []
    for spec in TABLES.values():
        statements += _record_table_ddl(spec)
    statements += [
        "CREATE INDEX idx_action_items_due ON action_items(status, due_date)",
        "CREATE INDEX idx_meetings_date ON meetings(group_id, date)",
        "CREATE TABLE tombstones (tbl TEXT NOT NULL, id TEXT NOT NULL, stamp TEXT NOT NULL,"
        " PRIMARY KEY (tbl, id)) WITHOUT ROWID",
        # Device-local tables: never stamped, never synced.
        "CREATE TABLE local_settings (key TEXT PRIMARY KEY NOT NULL, value TEXT)",
        "CREATE TABLE import_history (id INTEGER PRIMARY KEY, bundle_id TEXT, file_name TEXT,"
        " sender_device TEXT, imported_at TEXT NOT NULL, counts TEXT, note TEXT)",
        "CREATE TABLE peers (device TEXT PRIMARY KEY NOT NULL, name TEXT, vector TEXT, last_seen TEXT)",
    ]
    for statement in statements:
        conn.execute(statement)


def _migrate_to_2(conn: sqlite3.Connection) -> None:
    # Device-local: the losing side of concurrent edits, kept until the coordinator chooses.
    conn.execute(
        "CREATE TABLE conflicts (id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, record_id TEXT NOT NULL,"
        " field TEXT NOT NULL, kept_value TEXT, kept_stamp TEXT, lost_value TEXT, lost_stamp TEXT,"
        " detected_at TEXT NOT NULL, resolved_at TEXT, resolution TEXT)"
    )
    conn.execute("CREATE INDEX idx_conflicts_record ON conflicts(tbl, record_id)")


# Index i migrates a store from version i to version i + 1. Append only; never edit a released step.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_migrate_to_1, _migrate_to_2]
SCHEMA_VERSION = len(MIGRATIONS)
