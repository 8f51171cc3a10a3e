"""`fieldgroup import-people`: the sign-in sheet import of the People page, from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from fieldgroup.cli.common import EXIT_FAILED, EXIT_OK, add_store_option, print_json
from fieldgroup.i18n import _, ngettext

EXIT_PARTIAL = 3


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser("import-people", help="add people and organisations from a CSV or .xlsx sign-in sheet")
    command.add_argument("file", type=Path, help="the sign-in sheet (.csv, .txt or .xlsx)")
    add_store_option(command)
    command.add_argument("--group", required=True, help="id of the group the people join")
    command.add_argument("--dry-run", action="store_true", help="check every row and report, write nothing")
    command.add_argument("--partial", action="store_true",
                         help="import the good rows even when some are refused (exit status 3)")
    command.add_argument("--keep-separate", metavar="ROW[,ROW…]", action="append", default=[], type=_rows,
                         help="decline the merge proposed for these spreadsheet rows: each is added as a person of "
                              "its own (repeatable)")
    command.add_argument("--same-person", type=int, action="append", default=[], metavar="ROW",
                         help="row ROW, flagged as resembling a protected person, is that person: fill in their empty details")
    command.add_argument("--someone-else", type=int, action="append", default=[], metavar="ROW",
                         help="row ROW, flagged as resembling a protected person, is someone else: add them")
    command.add_argument("--json", action="store_true", help="machine-readable output")
    command.set_defaults(handler=run_import_people)


def _rows(text: str) -> list[int]:
    try:
        rows = [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        raise argparse.ArgumentTypeError(_("give spreadsheet row numbers, e.g. 7 or 7,12")) from None
    if not rows or min(rows) < 1:
        raise argparse.ArgumentTypeError(_("give spreadsheet row numbers, e.g. 7 or 7,12"))
    return rows


def run_import_people(args: argparse.Namespace) -> int:
    from fieldgroup.core import csv_import, open_store
    from fieldgroup.core.errors import FieldGroupError

    keep_separate = {row for rows in args.keep_separate for row in rows}
    table = csv_import.read_csv_file(args.file)  # before the store: a bad file is refused without opening it
    with open_store(args.store) as store:
        store.groups.get(args.group)  # an unknown group is one sentence
        plan = csv_import.plan_for_store(store, args.group, table, csv_import.guess_mapping(table.header),
                                         keep_separate)
        unknown = sorted(keep_separate - {m.row for m in plan.merges})
        if unknown:
            raise FieldGroupError(_("No merge is proposed for row {row}; run with --dry-run to see the proposed "
                                    "merges and their rows.").format(row=unknown[0]))
        refused = bool(plan.errors)
        decisions = _decisions(args)
        write = not args.dry_run and (args.partial or not refused) and (plan.lines or plan.merges or plan.protected)
        result = csv_import.apply_import(store, args.group, plan, decisions=decisions) if write else None
    _show(args, table, plan, result)
    if refused and not args.partial:
        return _summary(ngettext("{n} row was refused, so nothing was imported; correct it (or use --partial) and "
                                 "run the import again.",
                                 "{n} rows were refused, so nothing was imported; correct them (or use --partial) "
                                 "and run the import again.", len(plan.errors)).format(n=len(plan.errors)), EXIT_FAILED)
    if refused:
        return _summary(ngettext("{n} row was refused and left out; the other rows were imported.",
                                 "{n} rows were refused and left out; the other rows were imported.",
                                 len(plan.errors)).format(n=len(plan.errors)), EXIT_PARTIAL)
    held = [m.row for m in plan.protected if m.row not in decisions]
    if held:
        return _summary(ngettext(
            "{n} row may be a protected person already in the store and was left out; say who it is with "
            "--same-person ROW or --someone-else ROW and run the import again.",
            "{n} rows may be protected people already in the store and were left out; say who they are with "
            "--same-person ROW or --someone-else ROW and run the import again.", len(held)).format(n=len(held)),
            EXIT_PARTIAL)
    return EXIT_OK


def _decisions(args: argparse.Namespace) -> dict[int, str]:
    from fieldgroup.core.import_flags import OTHER, SAME

    return {**dict.fromkeys(args.someone_else, OTHER), **dict.fromkeys(args.same_person, SAME)}


def _summary(sentence: str, status: int) -> int:
    print(f"fieldgroup: {sentence}", file=sys.stderr)
    return status


def _show(args: argparse.Namespace, table: Any, plan: Any, result: Any) -> None:
    if args.json:
        print_json(as_dict(args, table, plan, result))
        return
    for message in plan.errors:
        print(message)
    for merge in plan.merges:
        if not merge.accepted:
            print(_("Row {row}: {name} is added as a person of their own, not merged with {existing}.").format(
                row=merge.row, name=merge.name, existing=merge.existing_name))
        else:
            print(_("Row {row}: {name} is {existing}, already there; merged.").format(
                row=merge.row, name=merge.name, existing=merge.existing_name))
    decided = _decisions(args)
    for match in plan.protected:
        # No name at all (the row's words may be the protected name): output is pasted to support.
        if match.erased and decided.get(match.row) != "other":
            print(_("Row {row} resembles a protected person who was erased; left out (add it with --someone-else "
                    "ROW only if it is someone else).").format(row=match.row))
            continue
        print({"same": _("Row {row} is the protected person it resembles; empty details filled in."),
               "other": _("Row {row} is not the protected person it resembles; added.")}.get(
            decided.get(match.row), _("Row {row} may be a protected person already in the store; left out."))
            .format(row=match.row))
    people = ngettext("{n} person", "{n} people", len(plan.lines)).format(n=len(plan.lines))
    orgs = ngettext("{n} organisation", "{n} organisations", len(plan.new_organisations)).format(
        n=len(plan.new_organisations))
    if result is not None:
        print(_("Added {people} and {orgs}.").format(people=people, orgs=orgs))
    elif args.dry_run:
        print(_("Dry run, nothing written: {people} and {orgs} would be added.").format(people=people, orgs=orgs))


def as_dict(args: argparse.Namespace, table: Any, plan: Any, result: Any) -> dict[str, Any]:
    """The stable --json shape (documented in docs/cli.md)."""
    return {
        "file": str(args.file), "group": args.group, "dry_run": args.dry_run, "imported": result is not None,
        "header_row": table.header_row, "encoding": table.encoding,
        "people": len(plan.lines), "organisations": len(plan.new_organisations),
        "merged": sum(m.accepted for m in plan.merges),
        "refused": [{"row": row, "problem": message} for row, message in zip(plan.refused_rows, plan.errors, strict=True)],
        "merges": [{"row": m.row, "name": m.name, "existing": m.existing_name, "person_id": m.person_id,
                    "fills": m.fills, "accepted": m.accepted} for m in plan.merges],
        "kept_separate": sorted(m.row for m in plan.merges if not m.accepted),
        "protected": [{"row": m.row, "person_id": m.person_id,
                       "decision": _decisions(args).get(m.row, "leave")} for m in plan.protected],
    }
