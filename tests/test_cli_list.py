"""`fieldgroup list`: ids without sqlite3, protected people as the placeholder unless asked (issue 11)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from fieldgroup.cli import main
from fieldgroup.core import create_store


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "ghana.fgstore"
    with create_store(path) as s:
        ghana = s.groups.create(name="Ghana ICWG")
        tarkwa = s.groups.create(name="Tarkwa", parent_id=ghana.id)
        ngo = s.organisations.create(group_id=ghana.id, name="WACAM", pillar="civil_society")
        mine = s.organisations.create(group_id=tarkwa.id, name="Gold Fields", pillar="company")
        s.people.create(organisation_id=ngo.id, name="Ama Owusu", protected=True, phone="+233 1", role="Monitor")
        s.people.create(organisation_id=mine.id, name="Kofi Mensah")
        s.meetings.create(group_id=tarkwa.id, kind="subnational", date="2025-03-04", title="Tarkwa dialogue",
                          start_time="09:30")
        s.actions.create(group_id=ghana.id, title="Share the log", status="open", due_date="2025-04-01")
        s.indicators.create(group_id=ghana.id, code="C1", name="Meetings held", unit="number",
                            direction="increase", period_kind="quarter")
    return path


def listed(capsys, *args):
    assert main(["list", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_every_kind_lists_with_the_documented_keys(path, capsys):
    keys = {
        "groups": {"id", "name", "parent_id", "country", "region"},
        "meetings": {"id", "group_id", "date", "kind", "title", "place", "region", "start_time", "end_time"},
        "people": {"id", "organisation_id", "organisation", "pillar", "protected", "name", "role", "email", "phone"},
        "organisations": {"id", "group_id", "name", "pillar", "kind", "region"},
        "actions": {"id", "group_id", "meeting_id", "title", "status", "due_date", "owner_person_id",
                    "owner_organisation_id"},
        "indicators": {"id", "group_id", "code", "name", "unit", "direction", "period_kind", "computed"},
    }
    for kind, expected in keys.items():
        rows = listed(capsys, kind, "--store", str(path))
        assert rows and all(set(row) == expected for row in rows), kind
    assert [(m["date"], m["start_time"], m["end_time"]) for m in listed(capsys, "meetings", "--store", str(path))] == [
        ("2025-03-04", "09:30", None)]


def test_group_filter_and_protected_people(path, capsys):
    groups = {g["name"]: g["id"] for g in listed(capsys, "groups", "--store", str(path))}
    people = listed(capsys, "people", "--store", str(path), "--group", groups["Ghana ICWG"])
    assert [(p["name"], p["role"], p["phone"]) for p in people] == [
        ("Protected participant (Civil society)", None, None)]
    people = listed(capsys, "people", "--store", str(path), "--include-protected")
    assert {p["name"] for p in people} == {"Ama Owusu", "Kofi Mensah"}
    assert [o["name"] for o in listed(capsys, "organisations", "--store", str(path), "--group", groups["Tarkwa"])] == [
        "Gold Fields"]


def test_plain_listing_shows_no_protected_name(path, capsys):
    assert main(["list", "people", "--store", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Ama Owusu" not in out and "Protected participant (Civil society)" in out and "Kofi Mensah" in out


def test_bad_input_one_sentence_exit_1_and_wrong_usage_exit_2(path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "fieldgroup", *args], capture_output=True, text=True)

    result = run("list", "people", "--store", str(path), "--group", "nope")
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "no group with id nope" in result.stderr
    not_a_store = path.with_name("notes.txt")
    not_a_store.write_text("shopping list")
    result = run("list", "groups", "--store", str(not_a_store))
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and not_a_store.read_text() == "shopping list"
    assert run("list", "widgets", "--store", str(path)).returncode == 2
    assert run("list", "people").returncode == 2


def test_report_uses_the_only_top_level_group(path, tmp_path, capsys):
    assert main(["report", "actions", "--store", str(path), "--out", str(tmp_path / "a.pdf")]) == 0
    assert (tmp_path / "a.pdf").stat().st_size > 0
