"""Read-only SQL for the public API: record lists, joins for tables and the facts behind the maths."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from fieldgroup.core.schema import TABLES


def _where(filters: dict[str, Any]) -> tuple[str, list[Any]]:
    clauses, params = [], []
    for name, value in filters.items():
        if value is None:
            clauses.append(f"{name} IS NULL")
        elif isinstance(value, (list, tuple, set, frozenset)):
            values = list(value)
            clauses.append(f"{name} IN ({', '.join('?' * len(values))})" if values else "0")
            params += values
        else:
            clauses.append(f"{name} = ?")
            params.append(value)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def select_rows(
    conn: sqlite3.Connection, table: str, filters: dict[str, Any], order_by: str | None = None
) -> list[tuple]:
    """Rows of `table` as tuples in the order: id, then the spec's fields."""
    spec = TABLES[table]
    for name in filters:
        spec.field(name) if name != "id" else None
    where, params = _where(filters)
    order = f" ORDER BY {order_by}" if order_by else ""
    columns = ", ".join(("id", *spec.field_names))
    return conn.execute(f"SELECT {columns} FROM {table}{where}{order}", params).fetchall()


def count_rows(conn: sqlite3.Connection, table: str, filters: dict[str, Any] | None = None) -> int:
    where, params = _where(filters or {})
    return conn.execute(f"SELECT COUNT(*) FROM {TABLES[table].name}{where}", params).fetchone()[0]


def referencing_ids(conn: sqlite3.Connection, table: str, column: str, value: str) -> list[str]:
    TABLES[table].field(column)  # only declared columns may be named
    return [r[0] for r in conn.execute(f"SELECT id FROM {table} WHERE {column} = ?", (value,))]


def present_pillars_and_genders(conn: sqlite3.Connection, meeting_id: str) -> list[tuple[str, str | None, str | None]]:
    """(pillar, gender, organisation sub-type) of each person present."""
    return conn.execute(
        "SELECT o.pillar, p.gender, o.subtype FROM attendance a JOIN people p ON p.id = a.person_id"
        " JOIN organisations o ON o.id = p.organisation_id WHERE a.meeting_id = ? AND a.status = 'present'",
        (meeting_id,),
    ).fetchall()


def meeting_attendance(conn: sqlite3.Connection, meeting_id: str) -> list[tuple]:
    """(attendance id, person id, status, person name, protected, gender, organisation name, pillar)."""
    return conn.execute(
        "SELECT a.id, p.id, a.status, p.name, p.protected, p.gender, o.name, o.pillar"
        " FROM attendance a JOIN people p ON p.id = a.person_id JOIN organisations o ON o.id = p.organisation_id"
        " WHERE a.meeting_id = ? ORDER BY o.pillar, o.name, p.name",
        (meeting_id,),
    ).fetchall()


def group_attendance_facts(conn: sqlite3.Connection, group_id: str) -> Iterable[tuple]:
    """(meeting id, date, kind, pillar, gender, organisation id, sub-type) for every person present at the group's meetings."""
    return conn.execute(
        "SELECT m.id, m.date, m.kind, o.pillar, p.gender, o.id, o.subtype FROM meetings m"
        " JOIN attendance a ON a.meeting_id = m.id AND a.status = 'present'"
        " JOIN people p ON p.id = a.person_id JOIN organisations o ON o.id = p.organisation_id"
        " WHERE m.group_id = ?",
        (group_id,),
    )


def group_action_facts(conn: sqlite3.Connection, group_id: str) -> list[tuple]:
    return conn.execute(
        "SELECT due_date, status, completed_on FROM action_items WHERE group_id = ?", (group_id,)
    ).fetchall()


def people_rows(conn: sqlite3.Connection, group_id: str | None) -> list[tuple]:
    """People with their organisation: (person fields..., organisation name, pillar, group id)."""
    columns = ", ".join(f"p.{c}" for c in ("id", *TABLES["people"].field_names))
    sql = (
        f"SELECT {columns}, o.name, o.pillar, o.group_id FROM people p"
        " JOIN organisations o ON o.id = p.organisation_id"
    )
    params: list[Any] = []
    if group_id:
        sql += " WHERE o.group_id = ?"
        params.append(group_id)
    return conn.execute(sql + " ORDER BY p.name COLLATE NOCASE", params).fetchall()


def action_rows(conn: sqlite3.Connection, group_id: str | None, statuses: Iterable[str] | None) -> list[tuple]:
    """Action items joined with owner and pillar: (action fields..., owner name, owner protected,
    organisation id, organisation name, pillar, meeting date)."""
    columns = ", ".join(f"a.{c}" for c in ("id", *TABLES["action_items"].field_names))
    sql = (
        f"SELECT {columns}, p.name, p.protected, COALESCE(a.owner_organisation_id, p.organisation_id),"
        " o.name, o.pillar, m.date FROM action_items a"
        " LEFT JOIN people p ON p.id = a.owner_person_id"
        " LEFT JOIN organisations o ON o.id = COALESCE(a.owner_organisation_id, p.organisation_id)"
        " LEFT JOIN meetings m ON m.id = a.meeting_id"
    )
    where: dict[str, Any] = {}
    if group_id:
        where["a.group_id"] = group_id
    if statuses is not None:
        where["a.status"] = tuple(statuses)
    clause, params = _where(where)
    return conn.execute(sql + clause + " ORDER BY a.due_date IS NULL, a.due_date, a.title", params).fetchall()


def meetings_with_attendance_counts(conn: sqlite3.Connection, group_id: str) -> list[tuple]:
    """(meeting id, pillar, gender, count, sub-type) of people present, for every meeting of the group."""
    return conn.execute(
        "SELECT m.id, o.pillar, p.gender, COUNT(*), o.subtype FROM meetings m"
        " JOIN attendance a ON a.meeting_id = m.id AND a.status = 'present'"
        " JOIN people p ON p.id = a.person_id JOIN organisations o ON o.id = p.organisation_id"
        " WHERE m.group_id = ? GROUP BY m.id, o.pillar, p.gender, o.subtype",
        (group_id,),
    ).fetchall()


def overdue_actions(conn: sqlite3.Connection, group_id: str, today: str, limit: int) -> tuple[int, list[tuple]]:
    """How many of the group's items are overdue on `today`, and the `limit` most overdue:
    (id, title, due date, owner name, owner protected, organisation name)."""
    where = " WHERE a.group_id = ? AND a.status IN ('open', 'in_progress') AND a.due_date < ?"
    count = conn.execute("SELECT COUNT(*) FROM action_items a" + where, (group_id, today)).fetchone()[0]
    rows = conn.execute(
        "SELECT a.id, a.title, a.due_date, p.name, p.protected, o.name FROM action_items a"
        " LEFT JOIN people p ON p.id = a.owner_person_id"
        " LEFT JOIN organisations o ON o.id = COALESCE(a.owner_organisation_id, p.organisation_id)"
        + where + " ORDER BY a.due_date, a.title LIMIT ?",
        (group_id, today, limit),
    ).fetchall()
    return count, rows


def meeting_ids_around(
    conn: sqlite3.Connection, group_id: str, day: str, upcoming: int, held: int, held_kinds: Iterable[str] | None = None
) -> tuple[list[str], list[str]]:
    """Ids of the group's `upcoming` first meetings on or after `day` (soonest first) and its `held` last
    meetings before `day` (newest first, only of `held_kinds` when given), without reading every meeting."""
    after = conn.execute(
        "SELECT id FROM meetings WHERE group_id = ? AND date >= ? ORDER BY date, id LIMIT ?", (group_id, day, upcoming)
    ).fetchall()
    kinds = tuple(held_kinds) if held_kinds is not None else None
    kind_clause = f" AND kind IN ({', '.join('?' * len(kinds))})" if kinds else ""
    before = conn.execute(
        "SELECT id FROM meetings WHERE group_id = ? AND date < ?" + kind_clause + " ORDER BY date DESC, id LIMIT ?",
        (group_id, day, *(kinds or ()), held),
    ).fetchall()
    return [r[0] for r in after], [r[0] for r in before]


_TRACKER_SQL = (
    "SELECT a.id, a.title, a.status, a.due_date, a.completed_on, a.meeting_id, m.date, a.owner_person_id, p.name,"
    " p.protected, COALESCE(a.owner_organisation_id, p.organisation_id), o.name, o.pillar FROM action_items a"
    " LEFT JOIN people p ON p.id = a.owner_person_id"
    " LEFT JOIN organisations o ON o.id = COALESCE(a.owner_organisation_id, p.organisation_id)"
    " LEFT JOIN meetings m ON m.id = a.meeting_id"
)


def tracker_rows(conn: sqlite3.Connection, group_id: str | None = None, ids: Iterable[str] | None = None,
                 group_ids: Iterable[str] | None = None) -> list[tuple]:
    """Just what the action tracker shows, unsorted (the table sorts): (id, title, status, due date,
    completed on, meeting id, meeting date, owner id, owner name, owner protected, organisation id,
    organisation name, pillar). Leaves out descriptions, which can be long, to keep 100,000 rows light."""
    where: dict[str, Any] = {}
    if group_id:
        where["a.group_id"] = group_id
    if group_ids is not None:  # a group with its sub-groups
        where["a.group_id"] = tuple(group_ids)
    if ids is not None:
        where["a.id"] = tuple(ids)
    clause, params = _where(where)
    return conn.execute(_TRACKER_SQL + clause, params).fetchall()


def meeting_group_and_date(conn: sqlite3.Connection, meeting_id: str) -> tuple[str, str] | None:
    """(group id, ISO date) of a meeting: all the action-item rules need, without reading its minutes."""
    return conn.execute("SELECT group_id, date FROM meetings WHERE id = ?", (meeting_id,)).fetchone()

