"""`fieldgroup check --protection`: where protected names are still typed as plain text, and the fix."""

from __future__ import annotations

import argparse

from fieldgroup.cli.common import EXIT_FAILED, EXIT_OK, open_store_for
from fieldgroup.core import erasure_backups, protection_check
from fieldgroup.i18n import _, ngettext


def run_protection_check(args: argparse.Namespace) -> int:
    with open_store_for(args, read_only=not args.fix) as store:  # looking never writes
        if args.fix and erasure_backups.unreached(store):
            erasure_backups.rewrite_backups(store)  # the stick may be back, the file writable again
        unreached = erasure_backups.unreached(store)
        for path, why in unreached.items():
            print(erasure_backups.advice(path, why))
        findings = protection_check.find(store)
        # Names are never printed: the output may be read out to support or pasted into a message.
        for finding in findings:
            print(ngettext("{where}: a protected person is named {n} time outside a mention.",
                           "{where}: a protected person is named {n} times outside a mention.", finding.count)
                  .format(where=finding.where, n=finding.count))
        if findings and args.fix:
            changed = protection_check.fix(store, findings)
            print(ngettext("Turned the names in {n} field into mentions.",
                           "Turned the names in {n} fields into mentions.", changed).format(n=changed))
            return EXIT_FAILED if unreached else EXIT_OK
    if not findings:
        print(_("No protected name is typed outside a mention."))
        if unreached:
            print(_("Run the check again with --fix once those backups can be reached."))
        return EXIT_FAILED if unreached else EXIT_OK
    print(_("Run the check again with --fix, or use View › Protection check in the app, to turn them into mentions."))
    return EXIT_FAILED
