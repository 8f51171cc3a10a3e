"""The `fieldgroup list` subcommand: find ids of groups, meetings, people… without sqlite3 (read-only)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from fieldgroup.cli.common import EXIT_OK, add_store_options, open_store_for, print_json
from fieldgroup.cli.incidents_command import add_core_team_option, list_incidents, require_core_team
from fieldgroup.core import FieldGroupError, Store
from fieldgroup.core.choices import ACTION_STATUS, MEETING_KIND, PILLAR, UNIT, protected_placeholder
from fieldgroup.formatting import format_date
from fieldgroup.i18n import _

KINDS = ("groups", "meetings", "people", "organisations", "actions", "indicators", "incidents")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("list", help="list groups, meetings, people, organisations, actions, indicators or incidents")
    parser.add_argument("kind", choices=KINDS, help="what to list")
    add_store_options(parser)
    parser.add_argument("--group", help="only this group's records (group id)")
    parser.add_argument("--json", action="store_true", help="machine-readable output (docs/cli.md)")
    parser.add_argument("--include-protected", action="store_true",
                        help="show protected people's names and contact details")
    add_core_team_option(parser, "incidents: file holding the core-team passphrase (or set "
                                 "FIELDGROUP_CORE_PASSPHRASE_FILE); needed on a laptop that holds incidents")
    parser.set_defaults(handler=run_list)


def run_list(args: argparse.Namespace) -> int:
    with open_store_for(args, read_only=True) as store:
        if args.group and store.groups.find(args.group) is None:
            raise FieldGroupError(_("There is no group with id {id} in this store; check the group id.").format(id=args.group))
        if args.kind == "incidents":
            require_core_team(args, store)
        rows = LISTERS[args.kind](store, args.group, include_protected=args.include_protected)
        rows = _rendered(store, rows, args.include_protected)
    if args.json:
        print_json(rows)
        return EXIT_OK
    for row in rows:
        print("\t".join([row["id"], *(_text(row, key) for key in SHOWN[args.kind])]))
    return EXIT_OK


# Free text that may hold mentions (or a protected name still typed plainly): printed as on paper.
FREE_TEXT_KEYS = frozenset({"title", "place", "region", "role", "email", "phone", "description", "outcome", "note", "notes"})


def _rendered(store: Store, rows: list[dict[str, Any]], include_protected: bool) -> list[dict[str, Any]]:
    from fieldgroup.reports.protect import Protector

    protector = Protector.from_store(store, include_protected)
    return [{key: protector.text(value) if key in FREE_TEXT_KEYS and isinstance(value, str) else value
             for key, value in row.items()} for row in rows]


def _text(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    if value is None:
        return ""
    if key in ("date", "due_date"):
        return format_date(date.fromisoformat(value))
    return str(SHOWN_LABELS.get(key, lambda v: v)(value))


def _groups(store: Store, group_id: str | None, *, include_protected: bool) -> list[dict[str, Any]]:
    groups = store.groups.list(id=group_id) if group_id else store.groups.list()
    return [{"id": g.id, "name": g.name, "parent_id": g.parent_id, "country": g.country, "region": g.region}
            for g in groups]


def _filter(group_id: str | None) -> dict[str, Any]:
    return {"group_id": group_id} if group_id else {}


def _meetings(store: Store, group_id: str | None, *, include_protected: bool) -> list[dict[str, Any]]:
    return [{"id": m.id, "group_id": m.group_id, "date": m.date.isoformat(), "kind": m.kind, "title": m.title,
             "place": m.place, "region": m.region, "start_time": m.start_time, "end_time": m.end_time}
            for m in sorted(store.meetings.list(**_filter(group_id)), key=lambda m: (m.date, m.start_time or "", m.id))]


def _organisations(store: Store, group_id: str | None, *, include_protected: bool) -> list[dict[str, Any]]:
    return [{"id": o.id, "group_id": o.group_id, "name": o.name, "pillar": o.pillar, "kind": o.kind,
             "region": o.region}
            for o in store.organisations.list(**_filter(group_id))]


def _people(store: Store, group_id: str | None, *, include_protected: bool) -> list[dict[str, Any]]:
    rows = []
    for p in store.people.rows(group_id):
        hidden = p.protected and not include_protected
        rows.append({
            "id": p.id, "organisation_id": p.organisation_id, "organisation": p.organisation_name,
            "pillar": p.pillar, "protected": p.protected,
            "name": protected_placeholder(p.pillar) if hidden else p.name,
            "role": None if hidden else p.role, "email": None if hidden else p.email,
            "phone": None if hidden else p.phone,
        })
    return rows


def _actions(store: Store, group_id: str | None, *, include_protected: bool) -> list[dict[str, Any]]:
    items = sorted(store.actions.list(**_filter(group_id)), key=lambda a: (a.due_date is None, a.due_date, a.id))
    return [{"id": a.id, "group_id": a.group_id, "meeting_id": a.meeting_id, "title": a.title, "status": a.status,
             "due_date": a.due_date.isoformat() if a.due_date else None,
             "owner_person_id": a.owner_person_id, "owner_organisation_id": a.owner_organisation_id}
            for a in items]


def _indicators(store: Store, group_id: str | None, *, include_protected: bool) -> list[dict[str, Any]]:
    return [{"id": i.id, "group_id": i.group_id, "code": i.code, "name": i.name, "unit": i.unit,
             "direction": i.direction, "period_kind": i.period_kind, "computed": i.computed}
            for i in store.indicators.list(**_filter(group_id))]


LISTERS: dict[str, Callable[..., list[dict[str, Any]]]] = {
    "groups": _groups, "meetings": _meetings, "people": _people, "organisations": _organisations,
    "actions": _actions, "indicators": _indicators, "incidents": list_incidents,
}
# The columns of the plain-text listing (after the id), in the active language where they are a choice.
SHOWN = {
    "groups": ("name",), "meetings": ("date", "kind", "title"), "people": ("name", "organisation", "pillar"),
    "organisations": ("name", "pillar"), "actions": ("due_date", "status", "title"), "indicators": ("code", "name", "unit"),
    "incidents": ("date", "title"),
}
SHOWN_LABELS: dict[str, Callable[[str], str]] = {
    "kind": MEETING_KIND.label, "pillar": PILLAR.label, "status": ACTION_STATUS.label, "unit": UNIT.label,
}
