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


CORE_PASSPHRASE_FILE_ENV = "FIELDGROUP_CORE_PASSPHRASE_FILE"


def add_core_team_option(parser: argparse.ArgumentParser, what: str | None = None) -> None:
    parser.add_argument("--core-passphrase-file", type=Path, metavar="F",
                        help=what or "file holding the core-team passphrase: incidents are exchanged too (core team "
                                     f"only; or set {CORE_PASSPHRASE_FILE_ENV})")


def core_passphrase_given(args: argparse.Namespace):  # noqa: ANN201 — keys.Passphrase | None
    """The core-team passphrase: --core-passphrase-file, else the file FIELDGROUP_CORE_PASSPHRASE_FILE names.

    An unreadable, empty or non-UTF-8 file is a refusal in one sentence (exit 1), never a traceback."""
    import os

    from fieldgroup.core import keys

    given = getattr(args, "core_passphrase_file", None) or os.environ.get(CORE_PASSPHRASE_FILE_ENV) or None
    if given is None:
        return None
    from fieldgroup.core.safe_read import check_file

    check_file(Path(given), 64 * 1024)  # a folder, a pipe or a device is refused before anything opens it
    return keys.read_file(given)


def hold_core_passphrase(args: argparse.Namespace, store: Store) -> bool:
    """Hold the core-team passphrase given with --core-passphrase-file (or its variable); True when one was given."""
    from fieldgroup.core import keys
    from fieldgroup.sync import core_team

    try:
        passphrase = core_passphrase_given(args)
        if passphrase is None:
            return False
        core_team.hold(store, passphrase)
    except keys.PassphraseError as exc:
        raise UsageError(str(exc)) from None
    return True


def require_core_team(args: argparse.Namespace, store: Store) -> None:
    """`list incidents` and `report alerts` on a laptop that holds incidents: the core-team passphrase, as in the app.

    Missing or wrong: one sentence, exit 1, nothing printed. A laptop never given the passphrase that
    holds incidents all the same (a demo store) takes the first one that would be accepted in the app,
    without remembering it (these commands open the store read-only)."""
    from fieldgroup.core import keys
    from fieldgroup.sync import core_team

    if not core_team.is_core_laptop(store) and not store.incidents.holds_any():
        return  # nothing here for the core team only
    passphrase = core_passphrase_given(args)
    if passphrase is None:
        raise core_team.CoreTeamError(_(
            "Incidents are for the core team only; give the core-team passphrase with --core-passphrase-file F "
            "(or FIELDGROUP_CORE_PASSPHRASE_FILE)."))
    if core_team.is_core_laptop(store):
        already = core_team.held(store) is not None
        core_team.hold(store, passphrase)  # checked against this laptop's verifier; nothing is written
        if not already:
            core_team.release(store)  # these commands only needed to know it is the right one
        return
    if store.passphrase is not None and passphrase == store.passphrase:
        raise core_team.CoreTeamError(_("The core-team passphrase must differ from the group passphrase; "
                                        "choose another one."))
    problem = keys.weakness(passphrase.reveal())
    if problem:
        raise core_team.CoreTeamError(problem)


def core_sync_lines(result: Any) -> list[str]:
    """What the core-team part of a folder sync did, one line each (names of files, counts; no incident text)."""
    if result is None:
        return []
    lines = [_("{name}: core-team incidents, {new} new, {updated} updated.").format(
        name=name, new=counts.new, updated=counts.updated) for name, counts in result.imported.items()]
    lines += [f"{name}: {reason}" for name, reason in result.refused.items()]
    lines.append(_("Wrote this laptop's core-team bundle to {path}.").format(path=result.written))
    return lines
