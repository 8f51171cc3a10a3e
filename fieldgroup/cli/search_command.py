"""The `fieldgroup search` subcommand: the app's full-text search, from a script or a support call."""

from __future__ import annotations

import argparse

from fieldgroup.cli.common import EXIT_OK, add_store_option, print_json
from fieldgroup.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    search = subparsers.add_parser("search", help="find meetings, action items and people by any word in them")
    search.add_argument("query", help="words to find (each must appear; three letters or more search fastest)")
    add_store_option(search)
    search.add_argument("--group", help="only this group's records (group id)")
    search.add_argument("--json", action="store_true", help="print the hits as JSON")
    search.add_argument("--include-protected", action="store_true", help="show protected people's names")
    search.set_defaults(handler=run_search)


def run_search(args: argparse.Namespace) -> int:
    from fieldgroup.core import open_store
    from fieldgroup.search import find, plain_snippet

    # Read-only: a search never writes, and works while the app has the store open.
    with open_store(args.store, read_only=True) as store:
        hits = find(store, args.query, args.group, include_protected=args.include_protected)
    if args.json:
        print_json([hit.as_dict() for hit in hits])
        return EXIT_OK
    for hit in hits:
        print(f"{hit.kind}\t{hit.record_id}\t{hit.day or ''}\t{hit.title}\t{plain_snippet(hit.snippet)}")
    if not hits:
        print(_("Nothing found."))
    return EXIT_OK
