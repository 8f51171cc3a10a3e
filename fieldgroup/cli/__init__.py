"""The `fieldgroup` command: opens the app, or runs one subcommand for scripting and support."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from fieldgroup import __version__
from fieldgroup.cli import (
    list_command,
    report_command,
    search_command,
    selftest_command,
    store_commands,
    sync_commands,
)
from fieldgroup.cli.common import EXIT_FAILED, EXIT_USAGE, UsageError, add_locale_option, apply_locale
from fieldgroup.core.errors import FieldGroupError

log = logging.getLogger("fieldgroup")

# Each module adds its subcommands with register(subparsers); later issues append here.
COMMAND_MODULES = [store_commands, sync_commands, report_command, list_command, search_command, selftest_command]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fieldgroup",
        description="FieldGroup: minutes, action items, pillar balance and M&E for working groups.",
    )
    parser.add_argument("--version", action="version", version=f"FieldGroup {__version__}")
    parser.add_argument("--store", help="store file to open (default: the one in your user data folder)")
    add_locale_option(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        apply_locale(args)
        if args.command is None:
            from fieldgroup.ui.app import run_app  # Qt is loaded only when the window is wanted

            return run_app(args.store, args.locale)
        return args.handler(args)
    except UsageError as exc:
        parser.exit(EXIT_USAGE, f"fieldgroup: {exc}\n")
    except FieldGroupError as exc:
        print(f"fieldgroup: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("fieldgroup: stopped.", file=sys.stderr)
        return EXIT_FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main())
