"""Read-only SQL for memberships and representation: who was present where, across a group and its sub-groups."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable


def _in(values: Iterable[str]) -> tuple[str, list[str]]:
    items = list(values)
    return (", ".join("?" * len(items)) or "NULL"), items


def presence(conn: sqlite3.Connection, group_ids: Iterable[str], before: str, since: str = "") -> list[tuple]:
    """(meeting id, date, kind, meeting region, group id, person id, organisation id, sub-type) of everyone
    present at the groups' meetings held from `since` to before `before` (ISO dates), oldest meeting first."""
    marks, params = _in(group_ids)
    return conn.execute(
        "SELECT m.id, m.date, m.kind, m.region, m.group_id, p.id, o.id, o.subtype FROM meetings m"
        " JOIN attendance a ON a.meeting_id = m.id AND a.status = 'present'"
        " JOIN people p ON p.id = a.person_id JOIN organisations o ON o.id = p.organisation_id"
        f" WHERE m.group_id IN ({marks}) AND m.date < ? AND m.date >= ? ORDER BY m.date, m.id",
        (*params, before, since),
    ).fetchall()


def held_meetings(conn: sqlite3.Connection, group_ids: Iterable[str], before: str) -> list[tuple]:
    """(id, date, kind, region, pillar, group id) of the groups' meetings held before `before`, oldest first."""
    marks, params = _in(group_ids)
    return conn.execute(
        f"SELECT id, date, kind, region, pillar, group_id FROM meetings WHERE group_id IN ({marks}) AND date < ?"
        " ORDER BY date, id",
        (*params, before),
    ).fetchall()


def organisations_with_protected_people(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT DISTINCT organisation_id FROM people WHERE protected = 1")}
