"""Whole-store SQL: record counts, the content digest and the integrity check."""

from __future__ import annotations

import hashlib
import json
import sqlite3

from fieldgroup.core.schema import CORE_TEAM_TABLES, TABLE_ORDER, TABLES


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def record_counts(conn: sqlite3.Connection) -> dict[str, int]:
    counts = {name: conn.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0] for name in TABLE_ORDER}
    counts["tombstones"] = conn.execute("SELECT COUNT(*) FROM tombstones").fetchone()[0]
    return counts


def digest(conn: sqlite3.Connection, core_team: bool = False) -> str:
    """SHA-256 of every synced record (ids and values) and tombstone id: not stamps, not local data.

    Over what every laptop of the group holds; with core_team, over the core-team tables only
    (incidents), which laptops outside the core team never hold."""
    from fieldgroup.core import protected_contacts

    hold = protected_contacts.held_back(conn)  # defined over what is shared
    sha = hashlib.sha256()
    for name in TABLE_ORDER:
        if (name in CORE_TEAM_TABLES) != core_team:
            continue
        columns = ", ".join(("id", *TABLES[name].field_names))
        sha.update(f"table {name}\n".encode())
        for row in conn.execute(f"SELECT {columns} FROM {name} ORDER BY id"):
            row = protected_contacts.digest_row(name, row, hold)
            sha.update(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode())
            sha.update(b"\n")
    sha.update(b"tombstones\n")
    for tbl, record_id in conn.execute("SELECT tbl, id FROM tombstones ORDER BY tbl, id"):
        if (tbl in CORE_TEAM_TABLES) != core_team:
            continue
        sha.update(f"{tbl} {record_id}\n".encode())
    return sha.hexdigest()


def problems(conn: sqlite3.Connection) -> list[str]:
    """What is wrong with the file: SQLite's integrity check and every broken link between records."""
    found = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
    for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
        found.append(f"{table} row {rowid} points to a missing {parent} record")
    for name in TABLE_ORDER:
        alive_and_dead = conn.execute(
            f"SELECT COUNT(*) FROM {name} r JOIN tombstones t ON t.tbl = ? AND t.id = r.id", (name,)
        ).fetchone()[0]
        if alive_and_dead:
            found.append(f"{alive_and_dead} {name} records are both present and deleted")
    # Values and stamps by the rules every incoming bundle is checked by.
    from fieldgroup.core.store_integrity import row_problems

    return found + row_problems(conn)
