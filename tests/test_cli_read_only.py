"""Commands that only look (info, digest, check, list, report) never change a byte of the store (issue 11)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from fieldgroup.cli import main
from fieldgroup.core import create_store, open_store
from fieldgroup.core.store_schema import APPLICATION_ID, MIGRATIONS


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def made(tmp_path):
    """A closed store with one group and a little of everything, as another laptop would leave it."""
    path = tmp_path / "ghana.fgstore"
    with create_store(path) as s:
        g = s.groups.create(name="Ghana ICWG")
        org = s.organisations.create(group_id=g.id, name="Gold Fields", pillar="company")
        s.people.create(organisation_id=org.id, name="Ama Owusu", gender="female")
        s.meetings.create(group_id=g.id, kind="plenary", date="2025-03-04", title="Plenary")
        s.actions.create(group_id=g.id, title="Share the grievance log", status="open", due_date="2025-01-01")
        indicator = s.indicators.create(group_id=g.id, code="I1", name="Plenaries held", unit="number",
                                        direction="increase", period_kind="year", baseline_value=0)
        s.targets.set(indicator.id, "2025", 4)
        s.values.set(indicator.id, "2025", 3)
    return path


def looking_commands(path, out):
    return [
        ["info", "--store", str(path)],
        ["info", "--store", str(path), "--json"],
        ["digest", "--store", str(path)],
        ["check", "--store", str(path)],
        *(["report", kind, "--store", str(path), "--out", str(out), "--force"] for kind in ("actions", "indicators", "participation")),
        *(["list", kind, "--store", str(path), "--json"] for kind in ("groups", "meetings", "people", "organisations",
                                                                     "actions", "indicators")),
    ]


def assert_untouched(path, tmp_path, capsys):
    before = sha(path)
    for args in looking_commands(path, tmp_path / "tracker.pdf"):
        assert main(args) == 0, args
        assert sha(path) == before, args
    return capsys.readouterr().out


def test_looking_commands_leave_the_file_byte_for_byte_unchanged(made, tmp_path, capsys):
    assert_untouched(made, tmp_path, capsys)


def test_a_store_copied_from_another_laptop_gets_no_new_device_id_from_a_look(made, tmp_path, capsys):
    copy = tmp_path / "elsewhere" / "ghana.fgstore"
    copy.parent.mkdir()
    shutil.copyfile(made, copy)
    out = assert_untouched(copy, tmp_path, capsys)
    with open_store(made, read_only=True) as original:
        assert original.device_id in out  # the device id it came with, not a new one written into it


HOLDER = textwrap.dedent("""
    import sys
    from fieldgroup.core import open_store
    store = open_store(sys.argv[1])
    g = store.groups.list()[0]
    store.groups.create(name="Tarkwa sub-group", parent_id=g.id)
    print("ready", flush=True)
    sys.stdin.readline()
    store.close()
""")


def test_looking_works_while_the_app_holds_the_store_and_sees_its_saves(made, tmp_path, capsys):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(made)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        before = sha(made)
        out = assert_untouched(made, tmp_path, capsys)
        assert sha(made) == before
        assert "groups: 2" in out  # the app's save, still in its WAL, is seen (immutable would miss it)
    finally:
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=60)
    assert holder.returncode == 0


def test_an_older_store_is_not_migrated_by_a_look(tmp_path):
    path = tmp_path / "old.fgstore"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    before = sha(path)
    for args in looking_commands(path, tmp_path / "x.pdf"):
        result = subprocess.run([sys.executable, "-m", "fieldgroup", *args], capture_output=True, text=True)
        assert result.returncode == 1, args
        assert result.stderr.count("\n") == 1 and "open it in the FieldGroup app" in result.stderr, result.stderr
        assert sha(path) == before
    assert not (tmp_path / "x.pdf").exists()
