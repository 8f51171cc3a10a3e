"""Erasing a protected person: mentions become the placeholder, every trace of the name is scrubbed, and
keyed fingerprints stay behind so that text arriving later is scrubbed too.

Covered: every free-text field of every synced table (found from the table definitions), every
text column of every device-local table (conflicts, import history, settings, drafts, a search
index — found from the file itself), free pages and the WAL, and each backup on this laptop."""

from __future__ import annotations

import json
import logging
import secrets
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from fieldgroup.core import fingerprints, mentions, store_protect
from fieldgroup.core.hlc import stamp_ms
from fieldgroup.core.name_match import NameMatcher, ProtectedPerson, apply_spans, fold
from fieldgroup.core.schema import MACHINE_TEXT, TABLES, Field

log = logging.getLogger(__name__)

PENDING_WIPE = "erasure_wipe_pending"
_AHEAD_MS = 24 * 3600 * 1000  # as sync's clock check: a stamp further ahead is never observed
FREE_PAGES_PENDING = "erasure_free_pages_pending"  # the backups are done; only the wipe waits
# A person's own name is theirs: erasing Zawadi Kilonzo must not rename Juma Kilonzo.
NOT_SCRUBBED = frozenset({("people", "name")})
# Device-local settings that identify this laptop and its store file, never free text.
_KEEP_LOCAL = frozenset({"home", "device_id", "previous_device_id", "clock"})


def is_free_text(table: str, spec_field: Field) -> bool:
    """Text a person types: not a choice, a link, a short code or a value the app makes."""
    return (spec_field.kind == "text" and spec_field.choices is None and spec_field.references is None
            and spec_field.max_length >= 200 and (table, spec_field.name) not in MACHINE_TEXT)


def free_text_fields() -> dict[str, tuple[str, ...]]:
    """Every free-text field of every synced table, from the table definitions (so none is forgotten)."""
    found = {name: tuple(f.name for f in spec.fields if is_free_text(name, f)
                         and (name, f.name) not in NOT_SCRUBBED) for name, spec in TABLES.items()}
    return {name: names for name, names in found.items() if names}


# ---- the group key and fingerprints -------------------------------------------------------------

def group_key(store: Any, group_id: str | None) -> tuple[str, bytes] | None:
    """The group's random key (made once, synced inside the encrypted bundles); None without any group."""
    if group_id is None:
        groups = store.groups.list()
        group_id = groups[0].id if groups else None
    if group_id is None:
        return None
    mine = sorted(r for r in store_protect.rows_of(store.conn, "group_secrets") if r[1] == group_id)
    if mine:  # two laptops may each have made one before they synced: both stay valid
        return mine[0][0], bytes.fromhex(mine[0][2])
    secret_id, secret = str(uuid.uuid4()), secrets.token_bytes(32)
    store.records.insert("group_secrets", secret_id, {"group_id": group_id, "secret": secret.hex()})
    return secret_id, secret


def scanner(conn: Any) -> fingerprints.FingerprintScanner:
    """Recognises every erased person of the store by their fingerprints."""
    keys = {r[0]: bytes.fromhex(r[2]) for r in store_protect.rows_of(conn, "group_secrets")}
    erased = [fingerprints.Erased(r[0], r[2], keys[r[1]], frozenset(json.loads(r[3])))
              for r in store_protect.rows_of(conn, "erasures") if r[1] in keys]
    return fingerprints.FingerprintScanner(erased)


def erased_pillars(conn: Any) -> dict[str, str | None]:
    return {r[0]: r[2] for r in store_protect.rows_of(conn, "erasures")}


# ---- "Not this person" ----------------------------------------------------------------------------

def dismiss(store: Any, person_id: str, phrase: str) -> None:
    """Record, as synced data, that `phrase` in the text is not this protected person (only its fingerprint)."""
    facts = store_protect.person_for_erasure(store.conn, person_id)
    with store.transaction():
        key = group_key(store, facts[3] if facts else None)
        if key is None:
            return
        print_ = fingerprints.keyed(key[1], "dismiss", fold(phrase).strip())
        store.records.insert("name_dismissals", str(uuid.uuid4()),
                             {"person_id": person_id, "secret_id": key[0], "fingerprint": print_})


def dismissal_check(store: Any) -> Callable[[str, str], bool]:
    """For the matcher: has the coordinator said this (folded) phrase is not this person?"""
    keys = {r[0]: bytes.fromhex(r[2]) for r in store_protect.rows_of(store.conn, "group_secrets")}
    dismissed = {(r[1], r[2], r[3]) for r in store_protect.rows_of(store.conn, "name_dismissals")}
    if not dismissed:
        return lambda _pid, _phrase: False
    return lambda pid, phrase: any((pid, sid, fingerprints.keyed(key, "dismiss", phrase)) in dismissed
                                   for sid, key in keys.items())


# ---- text replacement ---------------------------------------------------------------------------

Replace = Callable[[str], str]


def replacer(pillars: dict[str, str | None], matcher: NameMatcher | None = None,
             scan: fingerprints.FingerprintScanner | None = None) -> Replace:
    """A function that scrubs one text: mentions of, names of and fingerprints of the erased people."""
    def hide(span: Any) -> str:
        return mentions.erased_mention(pillars.get(span.person_id))

    def replace(text: str) -> str:
        for person_id, pillar in pillars.items():
            text = mentions.replace_mentions_of(text, person_id, mentions.erased_mention(pillar)) or ""
        if matcher:
            text = matcher.replace(text, hide, mentions.token_ranges(text))
        if scan:
            text = _outside_tokens(text, lambda part: apply_spans(part, scan.find(part), hide))
        return text
    return replace


def _outside_tokens(text: str, fn: Replace) -> str:
    pieces, last = [], 0
    for match in mentions.TOKEN.finditer(text):
        pieces += [fn(text[last:match.start()]), match.group(0)]
        last = match.end()
    pieces.append(fn(text[last:]))
    return "".join(pieces)


def _scrub_json(data: Any, replace: Replace) -> Any:
    if isinstance(data, str):
        return replace(data)
    if isinstance(data, list):
        return [_scrub_json(v, replace) for v in data]
    if isinstance(data, dict):
        return {k: _scrub_json(v, replace) for k, v in data.items()}
    return data


def _scrub_value(value: Any, replace: Replace) -> Any:
    if not isinstance(value, str) or not value:
        return value
    if value[0] in "{[" and value[-1] in "}]":  # JSON held by a local table (drafts keep fields so)
        try:
            decoded = json.loads(value)
        except ValueError:
            decoded = None
        if isinstance(decoded, (dict, list)):
            scrubbed = _scrub_json(decoded, replace)
            return value if scrubbed == decoded else json.dumps(scrubbed, ensure_ascii=False)
    if len(value) >= 2 and value[0] == value[-1] == '"':  # a JSON string (conflicts keep values as JSON)
        try:
            decoded = json.loads(value)
        except ValueError:
            decoded = None
        if isinstance(decoded, str):
            scrubbed = replace(decoded)
            return value if scrubbed == decoded else json.dumps(scrubbed, ensure_ascii=False)
    return replace(value)


def scrub_records(conn: Any, replace: Replace, write: Callable[[str, str, dict[str, Any]], Any],
                  skip: tuple[str, str] | None = None) -> int:
    """Scrub every free-text field of every synced table; `write` saves a row's changes. Returns rows changed."""
    changed = 0
    for table, names in free_text_fields().items():
        for row in list(store_protect.text_rows(conn, table, names)):
            if skip == (table, row[0]):
                continue
            updates = {n: new for n, old in zip(names, row[1:], strict=True)
                       if (new := _scrub_value(old, replace)) != old}
            if updates:
                write(table, row[0], updates)
                changed += 1
    return changed


def scrub_local(conn: Any, replace: Replace) -> int:
    """Scrub every text column of every device-local table, then rebuild any search index."""
    changed = 0
    tables = store_protect.local_text_columns(conn)
    external = [t for t, _c, is_fts in tables if is_fts and store_protect.is_external_fts(conn, t)]
    for table, columns, is_fts in tables:
        if table in external:
            continue  # rebuilt below, from content scrubbed first
        for row in list(store_protect.local_rows(conn, table, columns)):
            if table == "local_settings" and row[1] in _KEEP_LOCAL:
                continue
            updates = {c: new for c, old in zip(columns, row[1:], strict=True)
                       if (new := _scrub_value(old, replace)) != old}
            if updates:
                store_protect.set_local_row(conn, table, row[0], updates)
                changed += 1
        if is_fts:
            store_protect.rebuild_fts(conn, table)
    for table in external:
        store_protect.rebuild_fts(conn, table)
    return changed


# ---- erasing one person (inside the caller's transaction) --------------------------------------

def as_protected(person_id: str, facts: tuple, pillar: str | None = None) -> ProtectedPerson:
    """The person the matcher looks for, from `person_for_erasure`'s facts (name, e-mail, pillar, group,
    phone): one place, so that a direct erasure, one made by a merge and a backup rewrite know the same."""
    name, email, own_pillar, _group, phone = facts
    return ProtectedPerson(person_id, name, email, pillar if pillar is not None else own_pillar, phone)


def erase_person(store: Any, person_id: str, known: tuple | None = None) -> None:
    """Leave fingerprints, turn mentions into the placeholder and scrub the name from all text.

    `known` is `person_for_erasure`'s tuple when the person's row is already gone (a merge)."""
    facts = known or store_protect.person_for_erasure(store.conn, person_id)
    if facts is None:
        return
    person = as_protected(person_id, facts)
    store_protect.secure_delete_on(store.conn)
    _leave_fingerprints(store, person, facts[3])
    replace = replacer({person_id: person.pillar}, NameMatcher([person]))
    scrub_records(store.conn, replace, store.records.update, skip=("people", person_id))
    for dismissal in store_protect.rows_of(store.conn, "name_dismissals"):
        if dismissal[1] == person_id:
            store.records.delete("name_dismissals", dismissal[0])
    scrub_local(store.conn, replace)
    store.records.set_local(PENDING_WIPE, "1")


def _leave_fingerprints(store: Any, person: ProtectedPerson, group_id: str | None) -> None:
    """Insert the person's fingerprints; when another laptop's erasure of them arrived first (it may not
    have known their phone, held back on this laptop), add to it what this laptop knows."""
    if store.records.tombstone("erasures", person.id):
        return
    existing = store.records.get_row("erasures", person.id)
    if existing is None:
        key = group_key(store, group_id)
        if key is not None:
            prints = fingerprints.of_person(key[1], person.name, person.email, person.phone)
            store.records.insert("erasures", person.id, {
                "secret_id": key[0], "pillar": person.pillar, "fingerprints": json.dumps(prints)})
        return
    secret = next((bytes.fromhex(r[2]) for r in store_protect.rows_of(store.conn, "group_secrets")
                   if r[0] == existing["secret_id"]), None)
    old = json.loads(existing["fingerprints"])
    prints = sorted(set(old) | set(fingerprints.of_person(secret, person.name, person.email, person.phone))) if secret else old
    if prints == sorted(old) or stamp_ms(existing["_ver"]) > store.sync.wall_ms() + _AHEAD_MS:
        return  # nothing new; or a stamp from a clock far ahead, which this laptop must not follow
    store.sync.observe(existing["_ver"])  # it arrived in this merge: the addition must sort after it
    store.records.update("erasures", person.id, {"fingerprints": json.dumps(prints)})


def scrub_late_text(store: Any) -> int:
    """Scrub text that names an erased person (text from a laptop that had not synced, or typed later)."""
    scan = scanner(store.conn)
    pillars = erased_pillars(store.conn)
    if not pillars:
        return 0
    replace = replacer(pillars, None, scan)
    changed = scrub_records(store.conn, replace, store.records.update)
    return changed + scrub_local(store.conn, replace)


@contextmanager
def guarding_merge(store: Any, payload: dict[str, Any]) -> Iterator[None]:
    """Wraps a merge: people it deletes who were protected here, or arrive protected but were deleted
    here, are erased; then text naming any erased person is scrubbed."""
    before = {r[0]: r for r in store_protect.directory_rows(store.conn) if r[3]}
    facts = {pid: store_protect.person_for_erasure(store.conn, pid) for pid in before}
    erased_before = _erasure_rows(store)
    yield
    for person_id in _newly_gone(store, facts, payload):
        erase_person(store, person_id, facts.get(person_id) or _incoming_facts(store, payload, person_id))
    if _erasure_rows(store) - erased_before:  # erased elsewhere, or known better (their phone): this
        store.records.set_local(PENDING_WIPE, "1")  # laptop's backups and free pages too
    scrub_late_text(store)


def _erasure_rows(store: Any) -> set[tuple]:
    return set(store_protect.rows_of(store.conn, "erasures"))


def _newly_gone(store: Any, facts: dict[str, Any], payload: dict[str, Any]) -> list[str]:
    # Protected here and gone: erased here even when the bundle brings an erasure from a laptop that
    # knew less of them (their phone number never leaves this laptop unless the group shares contacts).
    gone = [pid for pid in facts if not store.records.exists("people", pid)]
    return gone + [pid for pid in _incoming_protected(payload) if pid not in facts
                   and not store.records.exists("people", pid) and store.records.tombstone("people", pid)
                   and not store.records.exists("erasures", pid)]


def _incoming_protected(payload: dict[str, Any]) -> dict[str, list]:
    section = (payload.get("tables") or {}).get("people") or {}
    names = list(section.get("fields") or [])
    if "protected" not in names:
        return {}
    index = names.index("protected") + 1
    return {row[0]: row for row in section.get("rows") or [] if isinstance(row, list) and row[index]}


def _incoming_facts(store: Any, payload: dict[str, Any], person_id: str) -> tuple | None:
    row = _incoming_protected(payload).get(person_id)
    if row is None:
        return None
    names = list(payload["tables"]["people"]["fields"])
    values = dict(zip(names, row[1:], strict=False))
    organisation = store.organisations.find(values.get("organisation_id") or "")
    return (values.get("name") or "", values.get("email"), organisation.pillar if organisation else None,
            organisation.group_id if organisation else None, values.get("phone"))


# ---- what an erasure will do, for the confirmation -----------------------------------------------

@dataclass
class ErasurePreview:
    """Shown before erasing: what will be scrubbed and what the app cannot reach."""

    fields: list[tuple[str, str, int]] = field(default_factory=list)  # (record kind, field label, records)
    local_rows: int = 0  # conflicts, import history, drafts, settings
    backups: int = 0


def preview(store: Any, person_id: str) -> ErasurePreview:
    """Count, without changing anything, the texts the erasure of `person_id` will scrub."""
    from fieldgroup.core.backups import list_backups

    facts = store_protect.person_for_erasure(store.conn, person_id)
    result = ErasurePreview(backups=len(list_backups(store.path)))
    if facts is None:
        return result
    person = as_protected(person_id, facts)
    replace = replacer({person_id: person.pillar}, NameMatcher([person]))
    counts: dict[tuple[str, str], int] = {}
    for table, names in free_text_fields().items():
        for row in store_protect.text_rows(store.conn, table, names):
            if (table, row[0]) == ("people", person_id):
                continue
            for name_, value in zip(names, row[1:], strict=True):
                if _scrub_value(value, replace) != value:
                    counts[(table, name_)] = counts.get((table, name_), 0) + 1
    result.fields = [(str(TABLES[t].label), str(TABLES[t].field(f).label), n) for (t, f), n in sorted(counts.items())]
    for table, columns, _fts in store_protect.local_text_columns(store.conn):
        result.local_rows += sum(1 for row in store_protect.local_rows(store.conn, table, columns)
                                 if any(_scrub_value(v, replace) != v for v in row[1:]))
    return result


# ---- after the commit: free pages, WAL, backups --------------------------------------------------

@dataclass
class ErasureReport:
    """What an erasure reached, and what it could not."""

    rewritten: list[str] = field(default_factory=list)
    not_rewritten: list[str] = field(default_factory=list)
    why: dict[str, str] = field(default_factory=dict)  # not rewritten: path -> missing / read_only / unreadable


def finish_if_pending(store: Any) -> ErasureReport | None:
    """After a commit that erased someone (a merge, say): finish the job; nothing when nobody was erased."""
    if store.read_only or not store.records.get_local(PENDING_WIPE):
        return None
    return finish(store)


def finish(store: Any) -> ErasureReport:
    """Once the erasure is committed: wipe free pages and the WAL, rewrite this laptop's backups."""
    from fieldgroup.core.erasure_backups import rewrite_backups

    report = rewrite_backups(store)
    with store.transaction():
        store.records.set_local(PENDING_WIPE, None)
    if not store_protect.wipe_free_space(store.conn):
        with store.transaction():  # a reader held the file past the busy timeout: wipe_if_pending later
            store.records.set_local(FREE_PAGES_PENDING, "1")
    return report


def wipe_if_pending(store: Any) -> bool:
    """A wipe that a long background read refused: try again (the app calls this whenever no background
    read is running), so an erased name does not wait in the WAL or free pages until the store closes.
    True when the file is now clean."""
    if store.read_only or not store.records.get_local(FREE_PAGES_PENDING):
        return False
    with store.transaction():
        store.records.set_local(FREE_PAGES_PENDING, None)
    if store_protect.wipe_free_space(store.conn):
        return True
    with store.transaction():
        store.records.set_local(FREE_PAGES_PENDING, "1")
    return False
