"""What every subcommand shares: exit codes, the --store and --locale options, JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from fieldgroup.i18n import SUPPORTED_LANGUAGES, normalise_locale, set_locale

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Wrong use of the command line: exit status 2 with one sentence."""


def add_store_option(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument("--store", required=required, type=Path, help="the store file")


def add_locale_option(parser: argparse.ArgumentParser, *, subcommand: bool = False) -> None:
    # SUPPRESS in subcommands, so that `fieldgroup --locale fr demo` is not reset to None by them.
    default = argparse.SUPPRESS if subcommand else None
    parser.add_argument("--locale", default=default, help=f"language and region, e.g. fr or es_CO ({', '.join(SUPPORTED_LANGUAGES)})")


def check_locale(value: str) -> str:
    try:
        return normalise_locale(value)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def apply_locale(args: argparse.Namespace) -> None:
    if getattr(args, "locale", None):
        args.locale = check_locale(args.locale)
        set_locale(args.locale)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
    sys.stdout.write("\n")
