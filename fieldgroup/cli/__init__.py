"""The `fieldgroup` command: opens the app, or runs one subcommand for scripting and support."""

from __future__ import annotations

import argparse
import errno
import logging
import os
import sqlite3
import sys
from collections.abc import Sequence

from fieldgroup import __version__
from fieldgroup.cli import (
    export_data_command,
    import_people_command,
    list_command,
    report_command,
    search_command,
    selftest_command,
    store_commands,
    sync_commands,
)
from fieldgroup.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    add_locale_option,
    apply_locale,
)
from fieldgroup.core.errors import FieldGroupError
from fieldgroup.i18n import _

log = logging.getLogger("fieldgroup")

# Each module adds its subcommands with register(subparsers); later issues append here.
COMMAND_MODULES = [store_commands, sync_commands, report_command, list_command, search_command, selftest_command,
                   import_people_command, export_data_command]


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
    """Run the command line. Whatever happens, the user sees at most one sentence on stderr: a
    refusal or failure exits 1, wrong usage 2; tracebacks go to the log file only."""
    if argv is None:  # the real command line (tests pass argv and keep their own logging)
        _log_to_file_only()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        apply_locale(args)
        if args.command is None:
            from fieldgroup.ui.app import run_app  # Qt is loaded only when the window is wanted

            return run_app(args.store, args.locale)
        status = args.handler(args)
        sys.stdout.flush()  # a closed pipe must fail here, inside the guard, not at interpreter exit
        return status
    except UsageError as exc:
        parser.exit(EXIT_USAGE, f"fieldgroup: {exc}\n")
    except BaseException as exc:  # noqa: BLE001 — the one place every failure becomes a sentence
        return _failed(exc, args)


def _failed(exc: BaseException, args: argparse.Namespace | None = None) -> int:
    if isinstance(exc, SystemExit):
        raise exc
    if isinstance(exc, BrokenPipeError):
        _quiet_stdout()  # `fieldgroup list … | head`: the reader stopped listening; nothing to say
        return EXIT_OK
    if isinstance(exc, KeyboardInterrupt):
        return _say(_("stopped."), EXIT_FAILED)
    from fieldgroup.core.failures import disk_full

    full = disk_full(exc) or _full_folder(exc, args)
    if full is not None:  # anywhere: the lock, a temporary file, a backup, the store itself
        log.warning("Disk full: %s", type(exc).__name__)
        return _say(str(full), EXIT_FAILED)
    if isinstance(exc, FieldGroupError):
        log.info("Refused: %s", type(exc).__name__)  # the sentence may quote hostile input: not logged
        return _say(str(exc), EXIT_FAILED)
    if isinstance(exc, OSError):
        log.warning("File error", exc_info=exc)
        return _say(_os_sentence(exc), EXIT_FAILED)
    if isinstance(exc, sqlite3.DatabaseError):
        log.warning("Database error", exc_info=exc)
        return _say(_("The store could not be read or written ({reason}); check the drive, or restore the store from "
                      "a backup.").format(reason=type(exc).__name__), EXIT_FAILED)
    from fieldgroup.logs import log_unexpected
    from fieldgroup.paths import log_dir

    reference = log_unexpected(type(exc), exc, exc.__traceback__)
    return _say(_("FieldGroup stopped because of an unexpected error ({reference}); the details are in {log}.")
                .format(reference=reference, log=log_dir()), EXIT_FAILED)


def _full_folder(exc: BaseException, args: argparse.Namespace | None) -> FieldGroupError | None:
    """SQLite says only "disk I/O error" when it cannot grow a -shm or -wal file on a full disk: a
    failure of that kind, with no room left where the command reads or writes, is the full disk."""
    if not isinstance(exc, OSError | sqlite3.OperationalError) or args is None:
        return None
    import shutil

    from fieldgroup.core.failures import disk_full_error

    for value in vars(args).values():
        if isinstance(value, os.PathLike):
            folder = value if os.path.isdir(value) else os.path.dirname(os.path.abspath(value))
            try:
                if shutil.disk_usage(folder).free < 64 * 1024:
                    return disk_full_error()
            except OSError:
                continue
    return None


def _os_sentence(exc: OSError) -> str:
    from fieldgroup.core.safe_read import shown

    path = shown(exc.filename) if exc.filename else _("a file")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return _("{path} is on a read-only drive or in a folder you may not write to; choose another place.").format(
            path=path)
    reason = exc.strerror or type(exc).__name__
    return _("Could not use {path} ({reason}); check the name, the folder and the drive, then try again.").format(
        path=path, reason=reason)


def _say(message: str, status: int) -> int:
    try:
        print(f"fieldgroup: {message}", file=sys.stderr)
    except OSError:
        pass  # stderr itself is gone; the exit status still tells
    return status


def _quiet_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _log_to_file_only() -> None:
    """Warnings (a store failing its check, a lock taken over) go to the log file, never as a line
    before the one sentence; without a writable log folder they are dropped rather than shown."""
    from fieldgroup.logs import setup_logging

    if setup_logging() is None:
        for handler in logging.getLogger("fieldgroup").handlers:
            handler.setLevel(logging.CRITICAL + 1)
    logging.getLogger("fieldgroup").propagate = False


if __name__ == "__main__":
    sys.exit(main())
