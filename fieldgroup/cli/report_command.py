"""The `fieldgroup report` subcommand: print a meeting handout, action tracker, M&E or participation PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldgroup.cli.common import (
    EXIT_OK,
    UsageError,
    add_store_options,
)
from fieldgroup.cli.incidents_command import add_core_team_option, require_core_team
from fieldgroup.i18n import _
from fieldgroup.reports.registry import report_kinds


def register(subparsers: argparse._SubParsersAction) -> None:
    report = subparsers.add_parser("report", help="write a PDF: meeting handout, action tracker, M&E or participation")
    report.add_argument("kind", choices=[kind.name for kind in report_kinds()], help="which document")
    add_store_options(report, locale=True)
    report.add_argument("--out", type=Path,
                        help="the PDF file (or folder) to write; default: a name with the document, group or "
                             "meeting, date and language, in the current folder")
    report.add_argument("--force", action="store_true", help="replace the PDF if the file already exists")
    report.add_argument("--meeting", help="meeting id (required for the meeting handout)")
    report.add_argument("--group", help="group id (needed when the store holds several groups)")
    report.add_argument("--period", help="reporting period for the M&E report, e.g. 2025-Q3 or 2025 (default: the last complete quarter)")
    report.add_argument("--year", type=int, help="the year of the annual report (default: this year)")
    report.add_argument("--paper", choices=("a4", "letter"), type=str.lower,
                        help="paper size (default: from the language's country)")
    report.add_argument("--include-protected", action="store_true",
                        help="print protected people's names (internal copy; every page is marked)")
    report.add_argument("--with-subgroups", action="store_true",
                        help="action tracker and participation report: take in the group's regional and thematic groups")
    add_core_team_option(report, "alert sheet: file holding the core-team passphrase (or set "
                                 "FIELDGROUP_CORE_PASSPHRASE_FILE); needed on a laptop that holds incidents")
    report.set_defaults(handler=run_report)


def default_group(store) -> str | None:
    """Without --group: the top-level group when there is exactly one (its sub-groups are part of it)."""
    top = store.groups.list(parent_id=None)
    return top[0].id if len(top) == 1 else None


def run_report(args: argparse.Namespace) -> int:
    if args.kind == "meeting" and not args.meeting:
        raise UsageError(_("The meeting handout needs --meeting ID."))
    if args.kind == "summary" and not args.meeting:
        raise UsageError(_("The public summary needs --meeting ID."))
    from fieldgroup.cli.common import open_store_for
    from fieldgroup.i18n import current_locale
    from fieldgroup.reports import build_report
    from fieldgroup.reports.errors import ReportOutputError
    from fieldgroup.reports.files import default_file_name

    with open_store_for(args, read_only=True) as store:
        if args.kind == "alerts":
            require_core_team(args, store)  # before any file is named or written
        group_id = args.group or (None if args.meeting else default_group(store))
        out = args.out or Path.cwd()
        if out.is_dir():
            out = out / default_file_name(args.kind, store, group_id=group_id, meeting_id=args.meeting,
                                          period=args.period, language=current_locale())
        if out.exists() and not args.force:
            raise ReportOutputError(
                _("{path} already exists; add --force to replace it, or choose another file name.").format(path=out))
        path = build_report(args.kind, store, out, group_id=group_id, meeting_id=args.meeting,
                            period=args.period, paper=args.paper, include_protected=args.include_protected,
                            year=args.year, include_subgroups=args.with_subgroups)
    print(_("Wrote {path}.").format(path=path))
    return EXIT_OK
