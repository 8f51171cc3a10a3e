"""Sign-in sheets that name a protected person (issue 13): flagged, never silently merged nor duplicated;
the user decides (same person, someone else, leave out), in the CLI as in the dialog."""

from __future__ import annotations

import json

from fieldgroup.cli import main
from fieldgroup.core import create_store, csv_import, open_store
from fieldgroup.core.name_match import fold

SHEET = (
    "Name,Organisation,Pillar,Email,Phone\n"
    "Juma Otieno,Haki Centre,civil society,,\n"           # row 2: ordinary
    "KILONZO Zawadi,Mining Watch,civil society,,+254700\n"  # row 3: the protected person, another org, surname first
    "Zawadi Kilonzo,Haki Centre,civil society,,+254711\n"  # row 4: exactly her (would have merged into her)
    "Z. Mwangi,Haki Centre,civil society,zawadi.kilonzo@example.org,\n"  # row 5: her e-mail
)


def _store(tmp_path):
    path = tmp_path / "s.fgstore"
    with create_store(path) as store:
        group = store.groups.create(name="Kenya ICWG")
        org = store.organisations.create(group_id=group.id, name="Haki Centre", pillar="civil_society")
        zawadi = store.people.create(organisation_id=org.id, name="Zawadi Kilonzo", protected=True,
                                     email="zawadi.kilonzo@example.org")
    sheet = tmp_path / "signin.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    return path, group.id, zawadi.id, sheet


def _plan(store, group_id, sheet):
    table = csv_import.read_csv_file(sheet)
    return csv_import.plan_for_store(store, group_id, table, csv_import.guess_mapping(table.header))


def test_rows_resembling_a_protected_person_are_held_back_not_merged_nor_added(tmp_path):
    path, group_id, zawadi, sheet = _store(tmp_path)
    with open_store(path) as store:
        plan = _plan(store, group_id, sheet)
        assert [(m.row, m.person_id) for m in plan.protected] == [(3, zawadi), (4, zawadi), (5, zawadi)]
        assert [line.name for line in plan.lines] == ["Juma Otieno"] and plan.merges == []
        assert "Mining Watch" not in plan.new_organisations  # only a held-back row brings it
        result = csv_import.apply_import(store, group_id, plan)
        assert result.people == 1 and result.held == 3
        names = sorted(p.name for p in store.people.list())
        assert names == ["Juma Otieno", "Zawadi Kilonzo"]
        assert store.people.get(zawadi).phone is None  # her record untouched
        assert not any(o.name == "Mining Watch" for o in store.organisations.list(group_id=group_id))


def test_the_users_decisions_are_carried_out(tmp_path):
    path, group_id, zawadi, sheet = _store(tmp_path)
    with open_store(path) as store:
        plan = _plan(store, group_id, sheet)
        result = csv_import.apply_import(store, group_id, plan, decisions={4: "same", 5: "other", 3: "leave"})
        assert (result.protected_merged, result.protected_added, result.held) == (1, 1, 1)
        assert store.people.get(zawadi).phone == "+254711"  # same person: empty details filled in
        mwangi = [p for p in store.people.list() if p.name == "Z. Mwangi"]
        assert len(mwangi) == 1 and not mwangi[0].protected
        again = _plan(store, group_id, sheet)  # row 5 is now the Z. Mwangi added: an ordinary merge into him
        assert [m.row for m in again.protected] == [3, 4] and mwangi[0].id in [m.person_id for m in again.merges]


def test_someone_else_by_name_stops_the_guard_asking(tmp_path):
    path, group_id, zawadi, sheet = _store(tmp_path)
    sheet.write_text("Name,Organisation,Pillar\nPeter Kilonzo,Haki Centre,civil society\n", encoding="utf-8")
    with open_store(path) as store:
        plan = _plan(store, group_id, sheet)
        assert [m.phrases for m in plan.protected] == [("Kilonzo",)]
        csv_import.apply_import(store, group_id, plan, decisions={2: "other"})
        assert [p.name for p in store.people.list() if not p.protected] == ["Peter Kilonzo"]
        assert _plan(store, group_id, sheet).protected == []
        from fieldgroup.core.mentions import Directory

        assert Directory.from_store(store).find_names("Kilonzo spoke.") == []  # recorded as "not this person"


def test_cli_holds_back_flagged_rows_exits_3_and_never_prints_the_name(tmp_path, capsys):
    path, group_id, zawadi, sheet = _store(tmp_path)
    sheet.write_text("Name,Organisation,Pillar\nJuma Otieno,Haki Centre,civil society\n"
                     "Ms Kilonzo,Haki Centre,civil society\n", encoding="utf-8")
    args = ["import-people", str(sheet), "--store", str(path), "--group", group_id]
    assert main(args) == 3
    out, err = capsys.readouterr()
    assert "Row 3 may be a protected person" in out and "Kilonzo" not in out + err
    assert err.count("\n") == 1 and "--same-person" in err
    assert main([*args, "--someone-else", "3", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["protected"] == [{"row": 3, "person_id": zawadi, "decision": "other"}]
    assert "Kilonzo" not in json.dumps(report["protected"])
    with open_store(path) as store:
        assert sorted(fold(p.name) for p in store.people.list()) == ["juma otieno", "ms kilonzo", "zawadi kilonzo"]


def test_a_row_naming_an_erased_protected_person_is_held_back_without_naming_them(tmp_path, capsys):
    path, group_id, zawadi, sheet = _store(tmp_path)
    with open_store(path) as store:
        store.people.delete(zawadi)  # protected: erased, only fingerprints stay
        plan = _plan(store, group_id, sheet)
        assert [(m.row, m.erased) for m in plan.protected] == [(3, True), (4, True), (5, True)]
        assert [line.name for line in plan.lines] == ["Juma Otieno"]
        result = csv_import.apply_import(store, group_id, plan, decisions={4: "same", 5: "other"})
        assert result.held == 2 and result.people == 2  # "same" cannot apply to an erased person
        assert sorted(p.name for p in store.people.list()) == ["Juma Otieno", "Z. Mwangi"]
    assert main(["import-people", "--store", str(path), "--group", group_id, str(sheet), "--dry-run"]) != 0
    out = capsys.readouterr()
    assert "Row 3 resembles a protected person who was erased" in out.out
    assert "Kilonzo" not in out.out.replace("KILONZO", "") and "Zawadi" not in out.out
