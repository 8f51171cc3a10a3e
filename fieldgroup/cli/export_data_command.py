"""The `fieldgroup export-data` subcommand: DHIS2, ADX, IATI, xlsx, CSV and ics files from a store."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldgroup.cli.common import (
    EXIT_OK,
    UsageError,
    add_store_options,
    open_store_for,
)
from fieldgroup.i18n import _, ngettext

KINDS = ("dhis2", "adx", "iati", "xlsx", "csv", "ics")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("export-data", help="write indicator values, results, the action tracker, "
                                                       "the work plan or meetings in a funder's or a spreadsheet's format")
    parser.add_argument("kind", choices=KINDS, help="which format")
    add_store_options(parser, locale=True)
    parser.add_argument("--out", required=True, type=Path, help="the file to write")
    parser.add_argument("--group", help="group id (needed when the store holds several top-level groups)")
    parser.add_argument("--year", type=int, help="only this year's values, actions or activities")
    parser.add_argument("--meeting", help="ics: the meeting to export")
    parser.add_argument("--period", help="ics: every meeting of a quarter or year, e.g. 2025-Q3")
    parser.add_argument("--table", choices=("actions", "workplan"), help="csv: which table")
    parser.add_argument("--include-protected", action="store_true",
                        help="write protected people's names (internal copy)")
    parser.set_defaults(handler=run_export_data)


def run_export_data(args: argparse.Namespace) -> int:
    if args.kind == "csv" and not args.table:
        raise UsageError(_("The CSV export needs --table actions or --table workplan."))
    if args.kind == "ics" and not (args.meeting or args.period or args.year):
        raise UsageError(_("The calendar export needs --meeting ID or --period P."))
    from fieldgroup.exports import ExportOptions, export_data

    options = ExportOptions(group_id=args.group, year=args.year, meeting_id=args.meeting, period=args.period,
                            table=args.table, include_protected=args.include_protected)
    # Exporting only looks: the store is opened read-only and not a byte of it changes.
    with open_store_for(args, read_only=True) as store:
        count = export_data(args.kind, store, args.out, options)
    print(ngettext("Wrote {path} ({n} record).", "Wrote {path} ({n} records).", count).format(path=args.out, n=count))
    return EXIT_OK
