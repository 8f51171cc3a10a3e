"""CSV sign-in list import without Qt: encodings, delimiters, column guesses, row errors, one transaction."""

from __future__ import annotations

import pytest

from fieldgroup.core import FieldGroupError
from fieldgroup.core.csv_import import apply_import, guess_mapping, plan_for_store, read_csv

SIGN_IN = (
    "Name;Organisation;Pillar;Gender;Role;Email\n"
    "Ama Mensah;Gold Fields;company;F;CSR lead;ama@example.org\n"
    "Kofi Boateng;Ministry of Lands;Government;male;;\n"
    "Efua Owusu;WACAM;civil society;female;Director;\n"
)


def test_semicolon_utf8_with_bom_is_read_and_mapped():
    table = read_csv(("\ufeff" + SIGN_IN).encode("utf-8"))
    assert table.delimiter == ";" and table.encoding == "utf-8-sig"
    assert table.header[0] == "Name" and len(table.rows) == 3
    mapping = guess_mapping(table.header)
    assert mapping["name"] == 0 and mapping["organisation"] == 1 and mapping["email"] == 5
    assert mapping["phone"] is None


def test_cp1252_file_keeps_accents():
    data = "Nom,Organisation,Pilier\nJosé Pérez,Défense civile,government\n".encode("cp1252")
    table = read_csv(data)
    assert table.encoding == "cp1252" and table.delimiter == ","
    assert table.rows[0][0] == "José Pérez"
    mapping = guess_mapping(table.header)
    assert mapping["name"] == 0 and mapping["pillar"] == 2


def test_tab_delimiter_detected():
    table = read_csv(b"name\torganisation\tpillar\nA\tB\tcompany\n")
    assert table.delimiter == "\t" and table.rows == [["A", "B", "company"]]


def test_empty_file_is_refused_with_a_sentence():
    with pytest.raises(FieldGroupError, match="empty"):
        read_csv(b"\n\n")


def test_bad_rows_name_their_row_number(store, group):
    text = SIGN_IN + "Bad Pillar;Some NGO;mercenaries;;;\n" + ";Nobody Org;company;;;\n" + "Odd;WACAM;;x;;\n"
    table = read_csv(text.encode())
    plan = plan_for_store(store, group.id, table, guess_mapping(table.header))
    assert len(plan.lines) == 3
    assert plan.errors[0] == ("Row 5: pillar “mercenaries” is not recognised; write one of: Companies, Government, "
                              "Civil society, Observers.")
    assert plan.errors[1].startswith("Row 6: the name is empty")
    assert plan.errors[2].startswith("Row 7: gender “x”")
    assert set(plan.new_organisations) == {"Gold Fields", "Ministry of Lands", "WACAM"}


def test_new_organisation_without_pillar_is_an_error_but_known_one_is_fine(store, group):
    store.organisations.create(group_id=group.id, name="Gold Fields", pillar="company")
    table = read_csv(b"name,organisation\nA,Gold Fields\nB,Unknown Org\n")
    plan = plan_for_store(store, group.id, table, guess_mapping(table.header))
    assert [line.name for line in plan.lines] == ["A"]
    assert plan.errors == [
        "Row 3: organisation “Unknown Org” is new, so its pillar is needed (Companies, Government, Civil society, Observers)."
    ]


def test_missing_required_column_is_refused(store, group):
    table = read_csv(b"name,email\nA,a@x\n")
    with pytest.raises(FieldGroupError, match="Organisation"):
        plan_for_store(store, group.id, table, guess_mapping(table.header))


def test_apply_creates_orgs_and_people_and_skips_duplicates_next_time(store, group):
    table = read_csv(SIGN_IN.encode())
    mapping = guess_mapping(table.header)
    result = apply_import(store, group.id, plan_for_store(store, group.id, table, mapping))
    assert (result.people, result.organisations) == (3, 3)
    ama = store.people.list(name="Ama Mensah")[0]
    assert ama.gender == "female" and ama.role == "CSR lead"
    assert store.organisations.get(ama.organisation_id).pillar == "company"
    again = plan_for_store(store, group.id, table, mapping)
    assert again.lines == [] and again.duplicates == [2, 3, 4]


def test_failure_midway_writes_nothing(store, group):
    table = read_csv(SIGN_IN.encode())
    plan = plan_for_store(store, group.id, table, guess_mapping(table.header))
    before = store.counts()

    def cancel(done: int, total: int) -> None:
        raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError):
        apply_import(store, group.id, plan, report=cancel)
    assert store.counts() == before
