"""Subcommands that move changes between laptops: export, import, sync-folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fieldgroup.cli import incidents_command
from fieldgroup.cli.common import (
    EXIT_OK,
    UsageError,
    add_store_options,
    open_store_for,
    passphrase_for,
    print_json,
    require_file_target,
)
from fieldgroup.i18n import _, ngettext


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export", help="write a bundle of this store's changes")
    add_store_options(export)
    export.add_argument("--out", required=True, type=Path, help="the .fgbundle file to write")
    export.add_argument("--unencrypted", action="store_true",
                        help="write a bundle anyone can read (only for a group without a passphrase)")
    export.add_argument("--for-device", help="only what that device has not seen yet")
    export.add_argument("--json", action="store_true", help="machine-readable output")
    export.set_defaults(handler=run_export)

    imp = subparsers.add_parser("import", help="merge a colleague's bundle into this store")
    add_store_options(imp)
    imp.add_argument("file", type=Path, help="the .fgbundle file")
    imp.add_argument("--accept-unencrypted", action="store_true",
                     help="import a plain bundle although this group has a passphrase (a stick from before the switch)")
    imp.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
    imp.add_argument("--accept-clock-ahead", action="store_true",
                     help="import a bundle from a laptop whose clock is ahead (its changes will win)")
    imp.add_argument("--json", action="store_true", help="machine-readable output")
    imp.set_defaults(handler=run_import)

    folder = subparsers.add_parser("sync-folder", help="exchange bundles through a folder or USB stick")
    add_store_options(folder)
    folder.add_argument("folder", type=Path, help="the folder or stick")
    folder.add_argument("--unencrypted", action="store_true",
                        help="write this laptop's bundle unencrypted (only for a group without a passphrase)")
    folder.add_argument("--accept-unencrypted", action="store_true",
                        help="import plain bundles although this group has a passphrase")
    folder.add_argument("--accept-clock-ahead", metavar="DEVICE", action="append", default=[],
                        help="accept changes stamped ahead by that laptop (its clock was wrong); repeatable")
    folder.add_argument("--json", action="store_true", help="machine-readable output")
    incidents_command.add_core_team_option(folder)
    folder.set_defaults(handler=run_sync_folder)


def bundle_passphrase(args: argparse.Namespace, store):  # noqa: ANN001, ANN201 — Store, keys.Passphrase | None
    """The passphrase bundles are encrypted with: the store's own. A plain bundle only with --unencrypted."""
    passphrase = store.passphrase or passphrase_for(args, args.store)
    if passphrase is None and not getattr(args, "unencrypted", False):
        raise UsageError(_("This store has no group passphrase, so the bundle would be readable by anyone; give "
                           "--passphrase-file F to encrypt it, or --unencrypted if you really mean that."))
    if passphrase is None:
        print(_("Warning: the bundle is not encrypted; anyone who finds the stick can read every name in it."),
              file=sys.stderr)
    return passphrase


def run_export(args: argparse.Namespace) -> int:
    require_file_target(args.out)
    from fieldgroup.sync.exporter import converted_sentence, export_bundle

    with open_store_for(args) as store:
        result = export_bundle(store, args.out, bundle_passphrase(args, store), args.for_device)
    if args.json:
        print_json(result.as_dict())
    else:
        if result.converted:
            print(converted_sentence(result.converted))
        print(_("Wrote {path} ({n} records); it was read back and verified, so the stick can be removed.").format(
            path=result.path, n=sum(result.counts.values())))
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from fieldgroup.sync.importer import import_bundle

    if not args.store.exists() and not args.dry_run:
        from fieldgroup.sync.join import join_from_bundle

        # The new store is encrypted with the passphrase given, the group's (the bundle's).
        store, report = join_from_bundle(args.store, args.file, passphrase_for(args), accept_future=args.accept_clock_ahead)
        store.close()
    else:
        with open_store_for(args) as store:
            passphrase = store.passphrase or passphrase_for(args, args.store)
            report = import_bundle(store, args.file, passphrase, dry_run=args.dry_run,
                                   accept_future=args.accept_clock_ahead, accept_unencrypted=args.accept_unencrypted)
    if args.json:
        print_json(report.as_dict())
    else:
        print(report.summary())
        for line in [*report.warnings, report.converted_sentence()]:
            if line:
                print(line)
    return EXIT_OK


# Partial success: the sync went on and this laptop's bundle was written, but a file was set aside.
EXIT_SET_ASIDE = 3


def run_sync_folder(args: argparse.Namespace) -> int:
    from fieldgroup.sync.folder import sync_folder

    with open_store_for(args) as store:
        incidents_command.hold_core_passphrase(args, store)
        result = sync_folder(store, args.folder, bundle_passphrase(args, store),
                             accept_unencrypted=args.accept_unencrypted,
                             accept_clock_ahead=set(args.accept_clock_ahead))
    status = EXIT_SET_ASIDE if result.set_aside else EXIT_OK
    if args.json:
        print_json(result.as_dict())
    else:
        _print_folder_result(result)
        for line in incidents_command.core_sync_lines(result.core_team):
            print(line)
    if result.set_aside:
        print(ngettext("{n} file was set aside on this laptop; everything else was synced.",
                       "{n} files were set aside on this laptop; everything else was synced.",
                       len(result.set_aside)).format(n=len(result.set_aside)), file=sys.stderr)
    return status


def _print_folder_result(result) -> None:
    from fieldgroup.sync.exporter import converted_sentence

    for report in result.imported:
        print(f"{report.file_name}: {report.summary()}")
        if report.converted:
            print(f"{report.file_name}: {report.converted_sentence()}")
    for name in result.not_ready:
        print(_("{name}: still arriving, left for the next sync.").format(name=name))
    for name, reason in result.set_aside.items():
        print(_("{name}: set aside on this laptop until it changes: {reason}").format(name=name, reason=reason))
    for name, reason in result.waiting.items():
        print(_("{name}: waiting for you: {reason}").format(name=name, reason=reason))
    for ahead in {a.device: a for devices in result.clock_ahead.values() for a in devices}.values():
        print(_("To accept the changes of {laptop}, run sync-folder again with --accept-clock-ahead {device}.")
              .format(laptop=ahead.name or ahead.device, device=ahead.device))
    if result.exported.converted:
        print(converted_sentence(result.exported.converted))
    print(_("Wrote this laptop's bundle to {path}; the stick can be removed.").format(path=result.exported.path))
