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
