"""Check a bundle's payload against the table definitions and rules before anything of it is merged."""

from __future__ import annotations

from typing import Any

from fieldgroup.core import Store
from fieldgroup.core.row_check import RowProblem, check_row, excerpt, valid_id, valid_stamp
from fieldgroup.core.schema import TABLE_ORDER, TABLES
from fieldgroup.i18n import _
from fieldgroup.sync.bundle import BundleError, Manifest


def check_payload(store: Store, manifest: Manifest, payload: Any) -> dict[str, str]:
    """Raise BundleError (one sentence) at the first thing FieldGroup would never have written.

    Returns device id -> the newest stamp of that laptop among the rows (each row's newest, field
    stamps included) and deletions: the clock check and the clock itself judge what is merged."""
    tables, tombstones = _layout(payload)
    present: dict[str, set[str]] = {}
    newest: dict[str, str] = {}
    for name in TABLE_ORDER:
        present[name] = _checked_ids(name, tables[name], newest)
    buried: dict[str, set[str]] = {name: set() for name in TABLES}
    for entry in tombstones:
        if not (isinstance(entry, list) and len(entry) == 3 and entry[0] in TABLES):
            raise _damaged()
        if not valid_id(entry[1]) or not valid_stamp(entry[2]):
            raise _refused(entry[0], _("its deletion record is not valid (“{value}”)").format(value=excerpt(entry)))
        buried[entry[0]].add(entry[1])
        _note(newest, entry[2])
    _check_references(store, tables, present, buried)
    _check_groups(store, manifest, tables["groups"])
    return newest


def _layout(payload: Any) -> tuple[dict[str, list[list]], list]:
    """{table: rows} for every table, and the tombstones; the shape exporter.build_payload writes."""
    if not isinstance(payload, dict):
        raise _damaged()
    tables, tombstones = payload.get("tables"), payload.get("tombstones")
    if not isinstance(tables, dict) or not isinstance(tombstones, list) or set(tables) - set(TABLES):
        raise _damaged()
    rows_by_table = {}
    for name in TABLE_ORDER:
        section = tables.get(name, {"fields": list(TABLES[name].field_names), "rows": []})
        if not isinstance(section, dict) or section.get("fields") != list(TABLES[name].field_names):
            raise _damaged()
        rows = section.get("rows")
        if not isinstance(rows, list):
            raise _damaged()
        rows_by_table[name] = rows
    return rows_by_table, tombstones


def _note(newest: dict[str, str], stamp: str) -> None:
    device = stamp[18:]
    if stamp > newest.get(device, ""):
        newest[device] = stamp


def _checked_ids(name: str, rows: list, newest: dict[str, str]) -> set[str]:
    ids: set[str] = set()
    for row in rows:
        try:
            _note(newest, check_row(name, row))
        except RowProblem as problem:
            raise _refused(name, str(problem)) from None
        if row[0] in ids:
            raise _refused(name, _("its id appears twice (“{value}”)").format(value=excerpt(row[0])))
        ids.add(row[0])
    return ids


def _check_references(store: Store, tables: dict[str, list[list]], present: dict[str, set[str]],
                      buried: dict[str, set[str]]) -> None:
    """Every link points to a record in the bundle or on this laptop (a deleted one counts: the merge
    decides what happens to records under a deleted parent)."""
    wanted: dict[str, set[str]] = {name: set() for name in TABLES}
    for name in TABLE_ORDER:
        for index, spec_field in enumerate(TABLES[name].fields, start=1):
            if spec_field.references:
                target = spec_field.references
                wanted[target].update(row[index] for row in tables[name] if row[index] is not None)
    for target, ids in wanted.items():
        unknown = ids - present[target] - buried[target]
        if unknown and len(store.sync.known_ids(target, unknown)) != len(unknown):
            raise BundleError(_("This bundle refers to records this laptop has never received; "
                                "import a full bundle from that laptop first."))


def _check_groups(store: Store, manifest: Manifest, groups: list[list]) -> None:
    """A bundle carries its own working group, never another one slipped in beside it."""
    parent = 1 + TABLES["groups"].field_names.index("parent_id")
    top_level = {row[0] for row in groups if row[parent] is None}
    if not top_level:
        return
    if manifest.group_id is None or (manifest.group_id not in top_level
                                     and not store.sync.known_ids("groups", [manifest.group_id])):
        raise BundleError(_("This bundle holds a working group other than the one it says it belongs to, so nothing "
                            "was imported; ask the colleague who sent it for a new bundle."))


def _refused(table: str, problem: str) -> BundleError:
    return BundleError(_("This bundle holds an invalid record ({kind}: {problem}), so nothing was imported; "
                         "ask the colleague who sent it for a new bundle.").format(kind=str(TABLES[table].label),
                                                                                   problem=problem))


def _damaged() -> BundleError:
    return BundleError(_("This bundle is damaged inside; ask for a new one."))
