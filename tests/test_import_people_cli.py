"""`fieldgroup import-people`: the dialog's checks from the command line; all or nothing, --partial exits 3."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from fieldgroup.cli import main
from fieldgroup.core import create_store, open_store

DATA = Path(__file__).parent / "data"


@pytest.fixture
def store_and_group(tmp_path):
    path = tmp_path / "s.fgstore"
    with create_store(path) as s:
        group = s.groups.create(name="DRC ICWG")
    return path, group.id


def people(path):
    with open_store(path) as s:
        return sorted(p.name for p in s.people.list())


def test_a_refused_row_refuses_the_whole_import(store_and_group, capsys):
    path, group = store_and_group
    status = main(["import-people", str(DATA / "signin_fr_excel_cp1252.csv"), "--store", str(path), "--group", group])
    out, err = capsys.readouterr()
    assert status == 1 and people(path) == []
    assert out.splitlines()[0].startswith("Row 8: pillar “mercenaires”") and "Row 9" in out
    assert err.count("\n") == 1 and "nothing was imported" in err


def test_partial_imports_the_good_rows_and_exits_3(store_and_group, capsys):
    path, group = store_and_group
    args = ["import-people", str(DATA / "signin_es_utf8_bom.csv"), "--store", str(path), "--group", group, "--json"]
    assert main([*args, "--dry-run", "--partial"]) == 3
    dry = json.loads(capsys.readouterr().out)
    assert dry["imported"] is False and people(path) == []
    assert main([*args, "--partial"]) == 3
    report = json.loads(capsys.readouterr().out)
    assert [r["row"] for r in report["refused"]] == [7, 8] and report["header_row"] == 3 and report["people"] == 3
    assert people(path) == ["José Quispe", "María Fernanda López", "Rosa Huamán"]
    assert main([*args]) == 1  # the same sheet again: two rows still refused
    again = json.loads(capsys.readouterr().out)
    assert again["people"] == 0 and again["merged"] == 3


def test_a_clean_sheet_exits_0_and_an_unknown_group_or_a_folder_is_one_sentence(store_and_group, tmp_path):
    path, group = store_and_group
    clean = tmp_path / "clean.csv"
    clean.write_text("Name,Organisation,Pillar\nKofi Mensah,Gold Fields,company\n", encoding="utf-8")
    run = [sys.executable, "-m", "fieldgroup", "import-people"]
    result = subprocess.run([*run, str(clean), "--store", str(path), "--group", group], capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr == "" and people(path) == ["Kofi Mensah"]
    for target, group_id in ((clean, "no-such-group"), (tmp_path, group)):
        result = subprocess.run([*run, str(target), "--store", str(path), "--group", group_id],
                                capture_output=True, text=True)
        assert result.returncode == 1 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_each_proposed_merge_can_be_declined_by_its_row(store_and_group, tmp_path, capsys):
    """Two people who share a name are two people: --keep-separate ROW adds that row as a person of its
    own instead of merging it (row by row, not all merges or none); --json says which were kept apart."""
    path, group = store_and_group
    with open_store(path) as s:
        org = s.organisations.create(group_id=group, name="Gold Fields", pillar="company")
        s.people.create(organisation_id=org.id, name="Kofi Mensah", email="kofi@goldfields.example")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Name,Organisation,Pillar,Email\nKofi  Mensah,Gold Fields,,k.mensah@other.example\n"
                     "Ama Owusu,Gold Fields,,\nAMA OWUSU,Gold Fields,,ama@goldfields.example\n", encoding="utf-8")
    args = ["import-people", str(sheet), "--store", str(path), "--group", group, "--json"]
    assert main([*args, "--keep-separate", "9"]) == 1  # no merge is proposed for row 9: one sentence
    assert "row 9" in capsys.readouterr().err and people(path) == ["Kofi Mensah"]
    assert main([*args, "--keep-separate", "2", "--keep-separate", "4", "--dry-run"]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert dry["kept_separate"] == [2, 4] and [m["accepted"] for m in dry["merges"]] == [False, False]
    assert main([*args, "--keep-separate", "2"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["kept_separate"] == [2] and report["merged"] == 1 and report["people"] == 2
    assert people(path) == ["Ama Owusu", "Kofi Mensah", "Kofi Mensah"]
    with open_store(path) as s:
        emails = sorted(p.email or "" for p in s.people.list() if "Kofi" in p.name)
    assert emails == ["k.mensah@other.example", "kofi@goldfields.example"]
