"""Migrations are frozen SQL (issue 11): version 1 never changes, and the live schema still matches schema.py."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from fieldgroup.core.schema import TABLES
from fieldgroup.core.store_schema import MIGRATIONS, transform

SQL_TYPES = {"text": "TEXT", "date": "TEXT", "time": "TEXT", "int": "INTEGER", "bool": "INTEGER", "real": "REAL"}
# sqlite_master of a store at version 1, as released (name|sql per object, by name).
V1_SHA256 = "00ea57b64e09163a10c1f2993e72f85df0075053046be3bf00f0b3d9b1ad69f1"


def master(conn: sqlite3.Connection) -> str:
    return "\n".join(f"{name}|{sql}" for name, sql in conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name"))


def test_version_1_is_exactly_the_released_schema():
    conn = sqlite3.connect(":memory:")
    MIGRATIONS[0](conn)
    assert hashlib.sha256(master(conn).encode()).hexdigest() == V1_SHA256


def test_a_fresh_store_has_every_column_and_link_schema_py_declares(store):
    conn = store.conn
    for spec in TABLES.values():
        columns = [(row[1], row[2]) for row in conn.execute(f"PRAGMA table_info({spec.name})")]
        expected = [("id", "TEXT"), *((f.name, SQL_TYPES[f.kind]) for f in spec.fields),
                    ("_stamps", "TEXT"), ("_ver", "TEXT")]
        # ALTER TABLE ADD COLUMN (issue 18's step) appends after _stamps/_ver: every query names its columns.
        assert sorted(columns) == sorted(expected), spec.name
        links = {(row[3], row[2]) for row in conn.execute(f"PRAGMA foreign_key_list({spec.name})")}
        assert links == {(f.name, f.references) for f in spec.fields if f.references}, spec.name


@pytest.mark.parametrize("finish", ["ROLLBACK", "COMMIT"])
def test_transform_stays_inside_the_migrations_transaction(finish):
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT, size TEXT)")
    conn.execute("INSERT INTO notes VALUES ('a', 'hello', '5')")
    conn.execute("BEGIN IMMEDIATE")
    transform(conn, "notes", types={"size": int}, drop={"body"})
    assert conn.in_transaction
    conn.execute(finish)
    columns = [(row[1], row[2]) for row in conn.execute("PRAGMA table_info(notes)")]
    if finish == "ROLLBACK":
        assert columns == [("id", "TEXT"), ("body", "TEXT"), ("size", "TEXT")]
    else:
        assert columns == [("id", "TEXT"), ("size", "INTEGER")]
        assert conn.execute("SELECT * FROM notes").fetchall() == [("a", 5)]
