"""Names typed as plain text become mentions in the store, before a bundle leaves and when text arrives.

Converting only on the wire broke convergence (the text sent must equal the text kept), so the pass
writes ordinary stamped edits: this laptop's text is what it sends, and every laptop converges on the
converted text. A name the words share between two protected people becomes the neutral placeholder
token, never a guess; "Not this person" records are respected. Only rows changed since the last pass
(plus rows a merge just brought, whatever their stamps) are read, unless who is protected changed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from fieldgroup.core import erasure, mentions, store_protect

# Labels that name records themselves (shown as typed in every list, and in a bundle's manifest): a
# name in them is for the protection check to point out, not to rewrite. (A protected person's e-mail
# or phone copied into someone else's contact field is converted: it would leave in the bundle.)
NOT_CONVERTED = frozenset({("groups", "name"), ("groups", "country"), ("organisations", "name"),
                           ("organisations", "kind"), ("indicators", "name")})
MARK = "typed_names_pass"  # device-local: {"facts": hash of who is protected, "since": newest stamp then}
VERSION = 1  # raise when the matcher learns to find more: every row is read again once


def run(store: Any, rows: Mapping[str, Iterable[str]] | None = None) -> int:
    """Turn every protected name typed as plain text into a mention, in one transaction through the
    Store; `rows` (table -> ids) are read too whatever their stamps (a merge). Returns names converted."""
    if store.read_only:
        return 0
    facts = _facts_hash(store)
    mark = _mark(store)
    full = mark.get("facts") != facts
    since = "" if full else str(mark.get("since") or "")
    extra = {table: set(ids) for table, ids in (rows or {}).items() if ids}
    if not full and not _anything_new(store, since, extra):
        return 0  # the usual folder sync: a few indexed look-ups, no matcher at all
    with store.transaction():
        converted = _convert(store, since, extra)
        store.records.set_local(MARK, json.dumps({"facts": _facts_hash(store), "since": store.records.clock.last()}))
    return converted


def fields() -> dict[str, tuple[str, ...]]:
    """The free-text fields the pass converts: every one of every table but labels and contacts."""
    found = {table: tuple(n for n in names if (table, n) not in NOT_CONVERTED)
             for table, names in erasure.free_text_fields().items()}
    return {table: names for table, names in found.items() if names}


def incoming_rows(payload: Mapping[str, Any]) -> dict[str, set[str]]:
    """table -> ids of the rows a bundle's payload carries (what a merge may have written)."""
    found: dict[str, set[str]] = {}
    convertible = fields()
    for table, section in (payload.get("tables") or {}).items():
        if isinstance(section, dict) and table in convertible:
            found[table] = {row[0] for row in section.get("rows") or [] if isinstance(row, list) and row}
    return found


def _convert(store: Any, since: str, extra: dict[str, set[str]]) -> int:
    directory = mentions.Directory.from_store(store)
    if not directory.matcher and not directory.erased:
        return 0
    converted = 0
    for table, names in fields().items():
        for row in list(store_protect.text_rows_since(store.conn, table, names, since, extra.get(table, ()))):
            own = row[0] if table == "people" else None
            updates = {}
            for name, value in zip(names, row[1:], strict=True):
                found = mentions.conversions(directory, value, own) if isinstance(value, str) else []
                if found:
                    updates[name] = mentions.convert_all(value, found)
                    converted += len(found)
            if updates:
                store.records.update(table, row[0], updates)
    return converted


def _anything_new(store: Any, since: str, extra: dict[str, set[str]]) -> bool:
    for table, names in fields().items():
        for _row in store_protect.text_rows_since(store.conn, table, names, since, extra.get(table, ())):
            return True
    return False


def _facts_hash(store: Any) -> str:
    digest = hashlib.sha256(str(VERSION).encode())
    for fact in store_protect.protection_facts(store.conn):
        digest.update(json.dumps(fact, ensure_ascii=False).encode())
    return digest.hexdigest()


def _mark(store: Any) -> dict[str, Any]:
    try:
        mark = json.loads(store.records.get_local(MARK) or "{}")
    except ValueError:
        return {}
    return mark if isinstance(mark, dict) else {}


def reconciled(base: str | None, mine: str | None, stored: str | None, directory: mentions.Directory) -> str | None:
    """What an open text box should hold once the store's copy changed under it (a sync, this pass):
    the stored text when the box holds no unsaved edit of it; else the box's own edit with protected
    names converted the same way, so saving it does not write plain names back. None: leave the box."""
    base, mine, stored = base or "", mine or "", stored or ""
    if stored == base or stored == mine:
        return None
    if mine == base:
        return stored
    converted = mentions.convert_all(mine, mentions.conversions(directory, mine))
    return converted if converted != mine else None
