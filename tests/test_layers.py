"""The layers of DESIGN §3 hold: no Qt below the UI, no SQL outside the store modules."""

import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "fieldgroup"


def test_core_sync_and_reports_load_no_qt():
    code = (
        "import sys, fieldgroup.core, fieldgroup.sync, fieldgroup.reports, fieldgroup.cli;"
        "import fieldgroup.core.api, fieldgroup.formatting;"
        "bad = [m for m in sys.modules if m.startswith('PySide6')];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_pyside6_is_imported_only_in_the_ui_package():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts[:1]
        and re.search(r"^\s*(from|import)\s+PySide6", path.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []


SQL = re.compile(r"""["'](\s*)(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|BEGIN|COMMIT)\b""")


def test_sql_lives_only_in_the_store_modules():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if not path.name.startswith("store") and SQL.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


# The one door to the data (issue 11): outside fieldgroup/core nothing holds the connection, the
# internal record store, a private store method, or imports the store's SQL modules.
DOOR = re.compile(
    r"""\.conn\b|\bstore\.records\b|\.records\.|\bstore\._[a-z]\w*|\bRecordStore\b"""
    r"""|fieldgroup\.core(\.|\s+import\s+)(store|store_\w+)\b"""
)


def test_nothing_outside_core_reaches_past_the_store():
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] != "core"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if DOOR.search(line)
    ]
    assert offenders == []


def test_the_door_test_catches_what_it_forbids():
    for line in ("store.conn.execute(x)", "self.store.records.delete(t, i)", "gui.records.clock.wall",
                 "store._meeting_facts(g)", "from fieldgroup.core import store_queries",
                 "from fieldgroup.core.store import RecordStore", "from fieldgroup.core.store_sync import peers"):
        assert DOOR.search(line), line
    for line in ("info.records", "store.sync.peers()", "from fieldgroup.core import Store, periods"):
        assert not DOOR.search(line), line
