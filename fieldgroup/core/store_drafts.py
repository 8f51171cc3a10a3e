"""The draft journal: what is typed in an editor, kept inside the store (device-local, never synced) until saved.

A power cut or a crash between two saves must not lose typed minutes, and the journal must not be a
plain side file next to an encrypted store; so drafts live in the store's own `drafts` table
(migration 3). One row per editor key ("meeting:<id>" or "meeting:new"), replaced on every write."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any


@dataclass(frozen=True)
class Draft:
    key: str
    record_id: str | None
    group_id: str | None
    fields: dict[str, Any]
    saved_at: str


def _conn(store: Any) -> Any:
    return store.records.conn


def save_draft(store: Any, key: str, record_id: str | None, group_id: str | None, fields: dict[str, Any]) -> None:
    """Write (or replace) the draft for `key`; one autocommitted statement, durable at once."""
    _conn(store).execute(
        "INSERT OR REPLACE INTO drafts (key, record_id, group_id, fields, saved_at) VALUES (?, ?, ?, ?, ?)",
        (key, record_id, group_id, json.dumps(fields, default=str, ensure_ascii=False),
         datetime.now(UTC).isoformat(timespec="seconds")))


def discard_draft(store: Any, key: str) -> None:
    _conn(store).execute("DELETE FROM drafts WHERE key = ?", (key,))


def list_drafts(store: Any) -> list[Draft]:
    """Every draft left behind, oldest first (after a crash: the ones to restore)."""
    rows = _conn(store).execute(
        "SELECT key, record_id, group_id, fields, saved_at FROM drafts ORDER BY saved_at").fetchall()
    return [Draft(key, record_id, group_id, json.loads(fields), saved_at)
            for key, record_id, group_id, fields, saved_at in rows]
