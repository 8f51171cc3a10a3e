"""What every subcommand shares: exit codes, the --store and --locale options, JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from fieldgroup.core.errors import FieldGroupError
from fieldgroup.i18n import SUPPORTED_LANGUAGES, _, normalise_locale, set_locale

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Wrong use of the command line: exit status 2 with one sentence."""


def add_store_option(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument("--store", required=required, type=Path, help="the store file")


def add_store_options(parser: argparse.ArgumentParser, *, locale: bool = False) -> None:
    """--store and --passphrase-file (and, with `locale`, a subcommand's --locale): what every command
    that opens a store takes, declared once."""
    add_store_option(parser)
    add_passphrase_option(parser)
    if locale:
        add_locale_option(parser, subcommand=True)


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


# ---- the group passphrase: --passphrase-file, FIELDGROUP_PASSPHRASE_FILE, or remembered on this laptop ----


def add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--passphrase-file", type=Path, metavar="F",
                        help="file holding the group passphrase (or set FIELDGROUP_PASSPHRASE_FILE)")


def passphrase_for(args: argparse.Namespace, store_path: Path | None = None):  # noqa: ANN201 — keys.Passphrase | None
    """The passphrase the user gave: --passphrase-file, else the file FIELDGROUP_PASSPHRASE_FILE names,
    else the one remembered on this laptop for this store (OS credential store)."""
    from fieldgroup.core import keys

    given = getattr(args, "passphrase_file", None)
    if given is not None:  # a folder, a pipe or a device is refused before anything opens it (exit 1)
        from fieldgroup.core.safe_read import check_file

        check_file(given, 64 * 1024)
    try:
        if given is not None:
            return keys.read_file(given)
        from_env = keys.from_environment()
    except keys.PassphraseError as exc:  # an empty, unreadable or non-UTF-8 file: wrong use, exit 2
        raise UsageError(str(exc)) from None
    if from_env is not None or store_path is None:
        return from_env
    from fieldgroup.core import is_encrypted_store

    if is_encrypted_store(store_path):
        from fieldgroup import keychain

        return keychain.remembered(store_path)
    return None


def open_store_for(args: argparse.Namespace, path: Path | None = None, **options: Any):  # noqa: ANN201 — Store
    """open_store with the passphrase from the command line; a locked store says how to give one."""
    from fieldgroup.core import keys, open_store

    path = path or args.store
    passphrase = passphrase_for(args, path)
    try:
        store = open_store(path, passphrase=passphrase, **options)
    except keys.LockedStoreError as exc:
        raise keys.LockedStoreError(
            _("{name} is encrypted; give its passphrase with --passphrase-file F (or FIELDGROUP_PASSPHRASE_FILE).")
            .format(name=Path(path).name)) from exc
    for notice in store.notices:
        print(notice, file=sys.stderr)
    return store


def require_file_target(path: Path) -> Path:
    """A folder given where a file is to be written is a refusal (exit 1) in every command."""
    if path.is_dir():
        raise FieldGroupError(_("{path} is a folder; give a file name inside it.").format(path=path))
    return path
