"""Contact details of protected people (e-mail, phone, notes) stay on this laptop unless the group shares them.

Held back means: the values and their stamps leave the outgoing row, so the other laptop never
counts them as seen; once the group ticks "share protected contacts", every protected person's
row travels in full with each bundle."""

from __future__ import annotations

import json
from typing import Any

from fieldgroup.core import store_protect
from fieldgroup.core.repository import pair_id
from fieldgroup.core.schema import TABLES

CONTACT_FIELDS = ("email", "phone", "notes")


def sharing_groups(conn: Any) -> set[str]:
    """Groups that ticked "share protected contacts"."""
    return {r[1] for r in store_protect.rows_of(conn, "protection_settings") if r[2]}


def shares(store: Any, group_id: str) -> bool:
    return group_id in sharing_groups(store.conn)


def set_sharing(store: Any, group_id: str, share: bool) -> None:
    """The group setting (synced): share protected people's contact details with the other laptops."""
    record_id = pair_id(group_id)
    with store.transaction():
        if store.records.exists("protection_settings", record_id):
            store.records.update("protection_settings", record_id, {"share_contacts": int(share)})
        else:
            store.records.insert("protection_settings", record_id, {"group_id": group_id, "share_contacts": int(share)})


def held_back(conn: Any) -> set[str]:
    """Ids of protected people whose contact details stay here."""
    shared = sharing_groups(conn)
    return {pid for pid, group_id in store_protect.protected_people_groups(conn) if group_id not in shared}


def outgoing(store: Any, tables: dict[str, Any]) -> dict[str, Any]:
    """The bundle's tables with held-back contacts removed, and shared protected rows always in full."""
    conn = store.conn
    section = tables.get("people")
    if not section:
        return tables
    names = list(TABLES["people"].field_names)
    hold = held_back(conn)
    rows = [_strip(row, names) if row[0] in hold else row for row in section["rows"]]
    present = {row[0] for row in rows}
    shared = {pid for pid, _g in store_protect.protected_people_groups(conn)} - hold - present
    rows += [list(row) for row in store_protect.full_rows(conn, "people", shared)]
    return tables | {"people": section | {"rows": rows}}


def without_held_back(store: Any, tables: dict[str, Any]) -> dict[str, Any]:
    """The tables with held-back contacts removed and nothing added: for a bundle that carries people
    only because its rows point to them (the core-team bundle, issue 19)."""
    section = tables.get("people")
    if not section:
        return tables
    names = list(TABLES["people"].field_names)
    hold = held_back(store.conn)
    return tables | {"people": section | {"rows": [_strip(r, names) if r[0] in hold else r for r in section["rows"]]}}


def _strip(row: list, names: list[str]) -> list:
    row = list(row)
    stamps = json.loads(row[-2])
    for field in CONTACT_FIELDS:
        row[names.index(field) + 1] = None
        stamps.pop(field, None)
    row[-2] = json.dumps(stamps, sort_keys=True)
    row[-1] = max(stamps.values())
    return row


def digest_row(table: str, row: tuple, hold: set[str]) -> tuple:
    """A row as the digest sees it: what is shared, so that two synced laptops have equal digests."""
    if table != "people" or row[0] not in hold:
        return row
    names = TABLES["people"].field_names
    return tuple(None if i and names[i - 1] in CONTACT_FIELDS else v for i, v in enumerate(row))
