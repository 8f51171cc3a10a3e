#!/usr/bin/env bash
# CI: build the one-folder installer and prove the frozen program finds its data files.
# Usage: bash tools/ci_installer.sh   (from anywhere; run by .ci/run after the tests)
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen

started=$(date +%s)
make --no-print-directory installer
echo "installer: built in $(( $(date +%s) - started )) s, $(du -sh dist/fieldgroup | cut -f1) in dist/fieldgroup/"

APP=dist/fieldgroup/fieldgroup
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
STORE="$WORK/frozen.fgstore"

"$APP" --version
RAN="--version"
if [ -f fieldgroup/core/demo.py ]; then
    "$APP" demo --store "$STORE" --size small
    RAN="$RAN, demo"
else
    # No demo generator on this branch yet: make the store with the source tree, read it frozen.
    .venv/bin/python -c "import sys; from fieldgroup.core import create_store; s = create_store(sys.argv[1]); g = s.groups.create(name='CI group'); s.meetings.create(group_id=g.id, kind='plenary', date='2025-06-01'); s.close()" "$STORE"
fi
"$APP" info --store "$STORE"
"$APP" check --store "$STORE"
RAN="$RAN, info, check"
"$APP" --help > "$WORK/help.txt"
if grep -q ' report ' "$WORK/help.txt"; then
    MEETING=$(.venv/bin/python -c "import sys; from fieldgroup.core import open_store; s = open_store(sys.argv[1]); print(s.meetings.list()[0].id); s.close()" "$STORE")
    "$APP" report meeting --store "$STORE" --meeting "$MEETING" --out "$WORK/handout.pdf"
    test -s "$WORK/handout.pdf"
    RAN="$RAN, report"
fi
"$APP" self-test
echo "installer: the frozen program passed $RAN and its self-test"
