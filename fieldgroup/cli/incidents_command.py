"""`fieldgroup list incidents` (issue 19): open and closed incidents for scripts, with no person's name."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from fieldgroup.cli.common import UsageError
from fieldgroup.core import Store
from fieldgroup.i18n import _


def list_incidents(store: Store, group_id: str | None, *, include_protected: bool = False) -> list[dict[str, Any]]:
    """Every incident this laptop holds (only core-team laptops hold any); people as their pillar, never named.

    `include_protected` is ignored on purpose: no option prints a name from the incident register."""
    from fieldgroup.reports.anonymise import Anonymiser

    who = Anonymiser(store)
    today = store.today()
    rows = []
    for incident in sorted(store.incidents.list(group_id), key=lambda i: (i.date, i.id)):
        steps = store.incidents.steps_of(incident.id)
        rows.append({
            "id": incident.id, "group_id": incident.group_id, "date": incident.date.isoformat(),
            "region": who.text(incident.region) or None, "kind": incident.kind, "severity": incident.severity, "status": incident.status,
            "title": who.text(incident.title), "description": who.text(incident.description) or None,
            "reported_on": _iso(incident.reported_on), "referred_on": _iso(incident.referred_on),
            "resolved_on": _iso(incident.resolved_on), "closed_on": _iso(incident.closed_on),
            "outcome": who.text(incident.outcome) or None, "outcome_published": incident.outcome_published,
            "organisation_ids": store.incidents.organisations_of(incident.id),
            "steps": [{"id": s.id, "position": s.position, "what": who.text(s.what), "due_date": _iso(s.due_date),
                       "completed_on": _iso(s.completed_on), "overdue": s.overdue(today)} for s in steps],
            "overdue_steps": sum(s.overdue(today) for s in steps),
        })
    return rows


def _iso(day: Any) -> str | None:
    return day.isoformat() if day else None


def add_core_team_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--core-passphrase-file", type=Path, metavar="F",
                        help="file holding the core-team passphrase: incidents are exchanged too (core team only)")


def hold_core_passphrase(args: argparse.Namespace, store: Store) -> bool:
    """Hold the core-team passphrase given with --core-passphrase-file; True when one was given."""
    from fieldgroup.core import keys
    from fieldgroup.sync import core_team

    given = getattr(args, "core_passphrase_file", None)
    if given is None:
        return False
    try:
        core_team.hold(store, keys.read_file(given))
    except keys.PassphraseError as exc:
        raise UsageError(str(exc)) from None
    return True


def core_sync_lines(result: Any) -> list[str]:
    """What the core-team part of a folder sync did, one line each (names of files, counts; no incident text)."""
    if result is None:
        return []
    lines = [_("{name}: core-team incidents, {new} new, {updated} updated.").format(
        name=name, new=counts.new, updated=counts.updated) for name, counts in result.imported.items()]
    lines += [f"{name}: {reason}" for name, reason in result.refused.items()]
    lines.append(_("Wrote this laptop's core-team bundle to {path}.").format(path=result.written))
    return lines
