"""Subcommands about the store file itself: demo, info, digest, check, backup (the ones that look never write)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from fieldgroup import __version__
from fieldgroup.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    add_store_options,
    open_store_for,
    passphrase_for,
    print_json,
    require_file_target,
)
from fieldgroup.core.errors import FieldGroupError
from fieldgroup.formatting import format_number
from fieldgroup.i18n import _, current_locale, ngettext


def count_label(table: str, n: int) -> str:
    """'3 groups', '1 person': a record count in words, in the active language."""
    return COUNT_LABELS[table](n).format(n=format_number(n))


# Whole ngettext calls, so that Babel's extractor finds both forms of each message.
COUNT_LABELS = {
    "groups": lambda n: ngettext("{n} group", "{n} groups", n),
    "organisations": lambda n: ngettext("{n} organisation", "{n} organisations", n),
    "people": lambda n: ngettext("{n} person", "{n} people", n),
    "meetings": lambda n: ngettext("{n} meeting", "{n} meetings", n),
    "attendance": lambda n: ngettext("{n} attendance record", "{n} attendance records", n),
    "action_items": lambda n: ngettext("{n} action item", "{n} action items", n),
    "indicators": lambda n: ngettext("{n} indicator", "{n} indicators", n),
    "indicator_targets": lambda n: ngettext("{n} target", "{n} targets", n),
    "indicator_values": lambda n: ngettext("{n} actual value", "{n} actual values", n),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="create a store filled with a believable demo working group")
    add_store_options(demo, locale=True)
    demo.add_argument("--size", choices=("small", "realistic", "stress"), default="realistic")
    demo.add_argument("--seed", type=int, default=1)
    demo.set_defaults(handler=run_demo)

    info = subparsers.add_parser("info", help="device id, schema version and record counts")
    add_store_options(info)
    info.add_argument("--json", action="store_true", help="machine-readable output")
    info.set_defaults(handler=run_info)

    digest = subparsers.add_parser("digest", help="one hash of all synced content")
    add_store_options(digest)
    digest.add_argument("--core-team", action="store_true", help="the hash of the incidents only (core-team laptops)")
    digest.set_defaults(handler=run_digest)

    check = subparsers.add_parser("check", help="integrity and link check; exit 1 on a problem")
    add_store_options(check)
    check.add_argument("--protection", action="store_true",
                       help="list every place where a protected person's name is typed outside a mention; exit 1 if any")
    check.add_argument("--fix", action="store_true", help="with --protection: turn every name found into a mention")
    check.set_defaults(handler=run_check)

    backup = subparsers.add_parser("backup", help="consistent copy of the store")
    add_store_options(backup)
    backup.add_argument("--out", required=True, type=Path, help="the backup file to write")
    backup.set_defaults(handler=run_backup)

    encrypt = subparsers.add_parser("encrypt", help="encrypt a plain store in place with the group passphrase")
    add_store_options(encrypt)
    encrypt.set_defaults(handler=run_encrypt)

    rekey = subparsers.add_parser("change-passphrase", help="change the group passphrase of an encrypted store")
    add_store_options(rekey)
    rekey.add_argument("--new-passphrase-file", type=Path, required=True, metavar="F",
                       help="file holding the new group passphrase")
    rekey.set_defaults(handler=run_change_passphrase)


def run_demo(args: argparse.Namespace) -> int:
    from fieldgroup.core import keys
    from fieldgroup.core.demo import generate_demo

    if args.store.exists():
        raise FieldGroupError(_("{path} already exists; choose a new file name for the demo store.").format(path=args.store))
    started = time.perf_counter()
    passphrase = passphrase_for(args)
    if passphrase is not None and keys.weakness(passphrase.reveal()):
        raise keys.PassphraseError(keys.weakness(passphrase.reveal()))
    counts = generate_demo(args.store, size=args.size, seed=args.seed, locale=current_locale(), passphrase=passphrase)
    seconds = time.perf_counter() - started
    summary = ", ".join(count_label(name, n) for name, n in counts.items() if name in COUNT_LABELS)
    print(_("Created {path} in {seconds} s: {summary}.").format(
        path=args.store, seconds=format_number(seconds, 1), summary=summary))
    return EXIT_OK


def run_info(args: argparse.Namespace) -> int:
    with open_store_for(args, read_only=True) as store:
        data = {
            "store": str(store.path),
            "device_id": store.device_id,
            "schema_version": store.schema_version,
            "app_version": __version__,
            "counts": store.counts(),
        }
    if args.json:
        print_json(data)
        return EXIT_OK
    print(_("Store: {path}").format(path=data["store"]))
    print(_("Device id: {device}").format(device=data["device_id"]))
    print(_("Schema version: {version}").format(version=data["schema_version"]))
    for name, count in data["counts"].items():
        print(f"  {name}: {count}")
    return EXIT_OK


def run_digest(args: argparse.Namespace) -> int:
    with open_store_for(args, read_only=True) as store:
        print(store.digest(core_team=args.core_team))
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    if getattr(args, "protection", False):
        from fieldgroup.cli.protection_command import run_protection_check

        return run_protection_check(args)
    with open_store_for(args, read_only=True) as store:
        problems = store.problems()
    if not problems:
        print(_("The store is sound."))
        return EXIT_OK
    for problem in problems:
        print(problem)
    print(ngettext("The store has {n} problem; restore it from a backup or contact support.",
                   "The store has {n} problems; restore it from a backup or contact support.", len(problems))
          .format(n=len(problems)))
    return EXIT_FAILED


def run_backup(args: argparse.Namespace) -> int:
    require_file_target(args.out)
    with open_store_for(args) as store:
        target = store.backup(args.out)
    print(_("Backed up to {path}.").format(path=target))
    return EXIT_OK


def run_encrypt(args: argparse.Namespace) -> int:
    from fieldgroup.core import encrypt_store

    passphrase = passphrase_for(args)
    if passphrase is None:
        raise UsageError(_("Give the group passphrase with --passphrase-file F (or FIELDGROUP_PASSPHRASE_FILE)."))
    backup = encrypt_store(args.store, passphrase)
    print(_("Encrypted {path}; an encrypted backup is at {backup}. Copies made before today (sticks, other folders) "
            "are still readable: delete them.").format(path=args.store, backup=backup))
    return EXIT_OK


def run_change_passphrase(args: argparse.Namespace) -> int:
    from fieldgroup.core import keys

    new = keys.read_file(args.new_passphrase_file)
    with open_store_for(args) as store:
        store.change_passphrase(new)
    print(_("Changed the passphrase of {path}; bundles made from now on need the new one.").format(path=args.store))
    return EXIT_OK
