"""Full-text search over meetings, action items and people's notes: an FTS5 index kept by triggers.

The index (migration 4) uses SQLite's trigram tokenizer: Burmese, Thai and other scripts written
without spaces between words are found inside a run of text, and every language is matched the same
way (case-insensitively, any three or more characters). Triggers on the record tables keep it current
whoever writes (the GUI, an import, an erasure), so an erased name leaves the index with the text.
Queries shorter than three characters cannot use trigrams and fall back to a plain substring scan."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from fieldgroup.core.errors import FieldGroupError
from fieldgroup.i18n import _

HIT_START, HIT_END = "\x02", "\x03"  # snippet markers; the UI turns them into bold, the CLI into [ ]
SNIPPET_TOKENS = 48  # trigram tokens: about this many characters of context
LIMIT = 200

# (kind, table, title SQL, body SQL, group SQL, day SQL) over the new row `NEW`/`OLD` alias `r`.
_SOURCES = (
    ("meeting", "meetings", "coalesce(r.title, '')",
     "coalesce(r.agenda, '') || char(10) || coalesce(r.minutes, '') || char(10) || coalesce(r.decisions, '')",
     "r.group_id", "r.date"),
    ("action", "action_items", "coalesce(r.title, '')", "coalesce(r.description, '')", "r.group_id", "r.due_date"),
    ("person", "people", "coalesce(r.name, '')", "coalesce(r.notes, '')",
     "(SELECT o.group_id FROM organisations o WHERE o.id = r.organisation_id)", "NULL"),
)


def _select(kind: str, title: str, body: str, group: str, day: str, alias: str) -> str:
    def use(sql: str) -> str:
        return sql.replace("r.", f"{alias}.")

    return f"SELECT '{kind}', {alias}.id AS id, {use(group)}, {use(day)}, {use(title)}, {use(body)}"


def migrate_to_4(conn: sqlite3.Connection) -> None:
    """Frozen step: the index, its triggers, and the rows already in the store.

    FTS5 finds a row quickly only by its rowid, and record ids are text; `search_rows` gives each
    indexed record a stable integer (an INTEGER PRIMARY KEY survives VACUUM), so a trigger touches
    one index row instead of scanning the whole index (130 ms per saved meeting on a big store)."""
    conn.execute("CREATE TABLE search_rows (rid INTEGER PRIMARY KEY, kind TEXT NOT NULL, record_id TEXT NOT NULL,"
                 " UNIQUE (kind, record_id))")
    conn.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, record_id UNINDEXED, group_id UNINDEXED,"
        " day UNINDEXED, title, body, tokenize = 'trigram')"
    )
    for kind, table, title, body, group, day in _SOURCES:
        rid = f"(SELECT rid FROM search_rows WHERE kind = '{kind}' AND record_id = {{row}}.id)"
        insert = (f"INSERT INTO search_rows (kind, record_id) VALUES ('{kind}', NEW.id);"
                  f" INSERT INTO search_index (rowid, kind, record_id, group_id, day, title, body)"
                  f" SELECT {rid.format(row='NEW')}, * FROM ({_select(kind, title, body, group, day, 'NEW')});")
        delete = (f"DELETE FROM search_index WHERE rowid = {rid.format(row='OLD')};"
                  f" DELETE FROM search_rows WHERE kind = '{kind}' AND record_id = OLD.id;")
        conn.execute(f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN {insert} END")
        conn.execute(f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN {delete} END")
        conn.execute(f"CREATE TRIGGER search_{table}_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END")
        conn.execute(f"INSERT INTO search_rows (kind, record_id) SELECT '{kind}', id FROM {table}")
        conn.execute(f"INSERT INTO search_index (rowid, kind, record_id, group_id, day, title, body) "
                     f"SELECT k.rid, x.* FROM ({_select(kind, title, body, group, day, 'r')} FROM {table} r) x"
                     f" JOIN search_rows k ON k.kind = '{kind}' AND k.record_id = x.id")


@dataclass(frozen=True)
class Hit:
    """One record that matches: what it is, where it belongs, and the matching text with markers."""

    kind: str  # "meeting", "action" or "person"
    record_id: str
    group_id: str | None
    day: str | None
    title: str
    snippet: str


def _terms(query: str) -> list[str]:
    return [t for t in re.split(r"\s+", query.strip()) if t]


def _fts_query(terms: list[str]) -> str:
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)


def search(store: Any, query: str, group_id: str | None = None, limit: int = LIMIT) -> list[Hit]:
    """Records whose title or text contains every word of `query` (best matches first)."""
    terms = _terms(query)
    if not terms:
        return []
    conn = store.records.conn
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_index'").fetchone():
        raise FieldGroupError(_("This store has no search index yet; open it once in this version of FieldGroup "
                                "and search again."))
    where, params = "", []
    if group_id:
        where, params = " AND group_id = ?", [group_id]
    if all(len(t) >= 3 for t in terms):
        rows = conn.execute(
            "SELECT kind, record_id, group_id, day, title,"
            f" snippet(search_index, -1, ?, ?, '…', {SNIPPET_TOKENS}) FROM search_index"
            f" WHERE search_index MATCH ?{where} ORDER BY rank LIMIT ?",
            [HIT_START, HIT_END, _fts_query(terms), *params, limit]).fetchall()
    else:  # a word of one or two letters: no trigram to look up, so scan
        likes = " AND ".join("(title || ' ' || body) LIKE ?" for _t in terms)
        rows = conn.execute(
            f"SELECT kind, record_id, group_id, day, title, substr(body, 1, 200) FROM search_index"
            f" WHERE {likes}{where} ORDER BY day DESC LIMIT ?",
            [*(f"%{t}%" for t in terms), *params, limit]).fetchall()
    return [Hit(*row) for row in rows]
