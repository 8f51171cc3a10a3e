"""Subcommands that move changes between laptops: export, import, sync-folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldgroup.cli.common import EXIT_OK, UsageError, add_store_option, print_json
from fieldgroup.core import open_store
from fieldgroup.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export", help="write a bundle of this store's changes")
    add_store_option(export)
    export.add_argument("--out", required=True, type=Path, help="the .fgbundle file to write")
    export.add_argument("--passphrase-file", type=Path, help="file holding the group passphrase (encrypts the bundle)")
    export.add_argument("--for-device", help="only what that device has not seen yet")
    export.add_argument("--json", action="store_true", help="machine-readable output")
    export.set_defaults(handler=run_export)

    imp = subparsers.add_parser("import", help="merge a colleague's bundle into this store")
    add_store_option(imp)
    imp.add_argument("file", type=Path, help="the .fgbundle file")
    imp.add_argument("--passphrase-file", type=Path, help="file holding the group passphrase")
    imp.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
    imp.add_argument("--accept-clock-ahead", action="store_true",
                     help="import a bundle from a laptop whose clock is ahead (its changes will win)")
    imp.add_argument("--json", action="store_true", help="machine-readable output")
    imp.set_defaults(handler=run_import)

    folder = subparsers.add_parser("sync-folder", help="exchange bundles through a folder or USB stick")
    add_store_option(folder)
    folder.add_argument("folder", type=Path, help="the folder or stick")
    folder.add_argument("--passphrase-file", type=Path, help="file holding the group passphrase")
    folder.add_argument("--json", action="store_true", help="machine-readable output")
    folder.set_defaults(handler=run_sync_folder)


def read_passphrase(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8").strip("\r\n")
    except OSError as exc:
        raise UsageError(_("Could not read the passphrase file {path} ({reason}).").format(
            path=path, reason=exc.strerror or exc)) from exc
    if not text:
        raise UsageError(_("The passphrase file {path} is empty.").format(path=path))
    return text


def run_export(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args.passphrase_file)
    from fieldgroup.sync.exporter import export_bundle

    with open_store(args.store) as store:
        result = export_bundle(store, args.out, passphrase, args.for_device)
    if args.json:
        print_json(result.as_dict())
    else:
        print(_("Wrote {path} ({n} records); it was read back and verified, so the stick can be removed.").format(
            path=result.path, n=sum(result.counts.values())))
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args.passphrase_file)
    from fieldgroup.sync.importer import import_bundle

    if not args.store.exists() and not args.dry_run:
        from fieldgroup.sync.join import join_from_bundle

        store, report = join_from_bundle(args.store, args.file, passphrase, accept_future=args.accept_clock_ahead)
        store.close()
    else:
        with open_store(args.store) as store:
            report = import_bundle(store, args.file, passphrase, dry_run=args.dry_run,
                                   accept_future=args.accept_clock_ahead)
    if args.json:
        print_json(report.as_dict())
    else:
        print(report.summary())
        for warning in report.warnings:
            print(warning)
    return EXIT_OK


def run_sync_folder(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args.passphrase_file)
    from fieldgroup.sync.folder import sync_folder

    with open_store(args.store) as store:
        result = sync_folder(store, args.folder, passphrase)
    if args.json:
        print_json(result.as_dict())
        return EXIT_OK
    for report in result.imported:
        print(f"{report.file_name}: {report.summary()}")
    for name in result.not_ready:
        print(_("{name}: still arriving, left for the next sync.").format(name=name))
    for name, reason in result.refused.items():
        print(f"{name}: {reason}")
    print(_("Wrote this laptop's bundle to {path}; the stick can be removed.").format(path=result.exported.path))
    return EXIT_OK
