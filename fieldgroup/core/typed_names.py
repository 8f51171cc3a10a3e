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
from fieldgroup.core.name_match import NameMatcher, ProtectedPerson

# Labels that name records themselves (shown as typed in every list, and in a bundle's manifest): a
# name in them is for the protection check to point out, not to rewrite. (A protected person's e-mail
# or phone copied into someone else's contact field is converted: it would leave in the bundle.)
NOT_CONVERTED = frozenset({("groups", "name"), ("groups", "country"), ("organisations", "name"),
                           ("organisations", "kind"), ("indicators", "name")})
MARK = "typed_names_pass"  # device-local: {"version", "people": {id: hash of name and contacts}, "since": stamp}
VERSION = 1  # raise when the matcher learns to find more: every row is read again once


def run(store: Any, rows: Mapping[str, Iterable[str]] | None = None) -> int:
    """Turn every protected name typed as plain text into a mention, in one transaction through the
    Store; `rows` (table -> ids) are read too whatever their stamps (a merge). Returns names converted.

    Rows older than the last pass are read again only for people protected (or renamed) since, and
    then only through a matcher of those people; a "Not this person" or an erasure needs no second
    look (the first only takes matches away; the second scrubs the text itself, erasure.py)."""
    if store.read_only:
        return 0
    mark = _mark(store)
    known = mark.get("people") if mark.get("version") == VERSION else None
    since = str(mark.get("since") or "") if isinstance(known, dict) else ""
    people = _people_facts(store)
    suspects = {pid for pid, facts in people.items() if known.get(pid) != facts} if since else set()
    extra = {table: set(ids) for table, ids in (rows or {}).items() if ids}
    if since and not suspects and not _anything_new(store, since, extra):
        return 0  # the usual folder sync: a few indexed look-ups, no matcher at all
    with store.transaction():
        converted = _convert(store, since, extra, suspects)
        store.records.set_local(MARK, json.dumps({"version": VERSION, "people": _people_facts(store),
                                                  "since": store.records.clock.last()}))
    return converted


def fields() -> dict[str, tuple[str, ...]]:
    """The free-text fields the pass converts: every one of every table but labels and contacts."""
    found = {table: tuple(n for n in names if (table, n) not in NOT_CONVERTED)
             for table, names in erasure.free_text_fields().items()}
    return {table: names for table, names in found.items() if names}


def _convert(store: Any, since: str, extra: dict[str, set[str]], suspects: set[str]) -> int:
    directory = mentions.Directory.from_store(store)
    if not directory.matcher and not directory.erased:
        return 0
    narrow = NameMatcher([ProtectedPerson(p.id, p.name, p.email, p.pillar, p.phone)
                          for p in directory.by_id.values() if p.id in suspects and p.protected])
    converted = 0
    for table, names in fields().items():
        if since and not narrow:
            rows = store_protect.text_rows_since(store.conn, table, names, since, extra.get(table, ()))
        else:  # (id, _ver, values...): old rows are read only through the narrow matcher
            rows = (row for row in store_protect.text_rows(store.conn, table, names, with_ver=True)
                    if not since or row[1] > since or row[0] in extra.get(table, ())
                    or any(isinstance(v, str) and narrow.find(v) for v in row[2:]))
            rows = ((row[0], *row[2:]) for row in rows)
        for row in list(rows):
            converted += _convert_row(store, directory, table, names, row)
    return converted


def _convert_row(store: Any, directory: mentions.Directory, table: str, names: tuple[str, ...], row: tuple) -> int:
    own = row[0] if table == "people" else None
    updates, converted = {}, 0
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


def _people_facts(store: Any) -> dict[str, str]:
    """Protected person id -> a short hash of what the matcher knows of them (name, e-mail, phone)."""
    return {row[0]: hashlib.sha256(json.dumps(row[1:], ensure_ascii=False).encode()).hexdigest()[:16]
            for row in store_protect.protected_facts(store.conn)}


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
