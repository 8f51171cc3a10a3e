"""Sign-in sheets as coordinators have them: Excel's encodings and line ends, title lines, six languages, .xlsx."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldgroup.core import FieldGroupError
from fieldgroup.core.csv_import import apply_import, guess_mapping, plan_for_store, read_csv, read_csv_file

DATA = Path(__file__).parent / "data"


def plan_of(store, group, table):
    return plan_for_store(store, group.id, table, guess_mapping(table.header))


def names(store):
    return sorted(p.name for p in store.people.list())


def test_french_excel_cp1252_semicolons_title_lines_and_a_near_duplicate(store, group):
    table = read_csv_file(DATA / "signin_fr_excel_cp1252.csv")
    assert (table.encoding, table.delimiter, table.header_row) == ("cp1252", ";", 3)
    plan = plan_of(store, group, table)
    assert plan.errors == ["Row 8: pillar “mercenaires” is not recognised; write one of: Companies, Government, "
                           "Civil society, Observers."]
    assert [line.row for line in plan.lines] == [4, 5, 6, 7]
    assert [(m.row, m.existing_name, m.fills) for m in plan.merges] == [(9, "Aïcha Ndiaye", {"phone": "+243 81 000 0001"})]
    apply_import(store, group.id, plan)
    aicha = store.people.list(name="Aïcha Ndiaye")[0]
    assert aicha.gender == "female" and aicha.role == "Responsable RSE" and aicha.phone == "+243 81 000 0001"
    pillars = {o.name: o.pillar for o in store.organisations.list()}
    assert pillars == {"Société minière du Katanga": "company", "Ministère des Mines": "government",
                       "ACIDH": "civil_society", "Ambassade de France": "observer"}
    assert store.people.list(name="Jean-Pierre Mukendi")[0].gender == "male"


def test_spanish_utf8_bom_with_blank_lines_above_the_header_and_h_m_initials(store, group):
    table = read_csv_file(DATA / "signin_es_utf8_bom.csv")
    assert table.encoding == "utf-8-sig" and table.header_row == 3
    plan = plan_of(store, group, table)
    assert [e.split(":")[0] for e in plan.errors] == ["Row 7", "Row 8"]
    assert "Ana Torres" in plan.errors[0] and "robot" in plan.errors[1]
    apply_import(store, group.id, plan)
    genders = {p.name: p.gender for p in store.people.list()}
    assert genders == {"María Fernanda López": "female", "José Quispe": "male", "Rosa Huamán": "female"}


def test_indonesian_utf16_unicode_text_from_excel(store, group):
    table = read_csv_file(DATA / "signin_id_utf16.txt")
    assert table.encoding == "utf-16" and table.delimiter == "\t" and "\x00" not in "".join(table.header)
    plan = plan_of(store, group, table)
    assert [e.split(":")[0] for e in plan.errors] == ["Row 5"]
    apply_import(store, group.id, plan)
    assert {p.name: p.gender for p in store.people.list()} == {"Siti Rahayu": "female", "Budi Santoso": "male",
                                                               "Dewi Lestari": "female"}


def test_burmese_utf8(store, group):
    table = read_csv_file(DATA / "signin_my_utf8.csv")
    plan = plan_of(store, group, table)
    assert [e.split(":")[0] for e in plan.errors] == ["Row 5"]
    apply_import(store, group.id, plan)
    pillars = {o.name: o.pillar for o in store.organisations.list()}
    assert sorted(pillars.values()) == ["civil_society", "company", "government"]
    assert store.people.list(name="ဒေါ်အေးအေးမြင့်")[0].gender == "female"


def make_xlsx(path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "Lista de presença — Reunião plenária"
    for column, title in enumerate(("Nome", "Organização", "Setor", "Sexo", "Cargo", "Telefone"), start=1):
        sheet.cell(row=3, column=column, value=title)
    rows = [("Ana Souza", "Vale", "Empresa", "F", "Gerente", 5511999990000),
            ("Carlos Lima", "Ministério de Minas", "Governo", "M", None, None),
            ("Texto Enorme", "ONG", "Sociedade civil", "M", "x" * 5000, None),
            ("Joana Dias", "Justiça nos Trilhos", "Sociedade civil", "F", "Coordenadora", None)]
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            sheet.cell(row=4 + offset, column=column, value=value)
    book.save(path)
    return path


def test_an_xlsx_with_a_title_row(store, group, tmp_path):
    table = read_csv_file(make_xlsx(tmp_path / "lista.xlsx"))
    assert table.encoding == "xlsx" and table.header_row == 3
    plan = plan_of(store, group, table)
    assert [e.split(":")[0] for e in plan.errors] == ["Row 6"] and "5000 characters" in plan.errors[0]
    apply_import(store, group.id, plan)
    assert names(store) == ["Ana Souza", "Carlos Lima", "Joana Dias"]
    assert store.people.list(name="Ana Souza")[0].phone == "5511999990000"


def test_cr_only_line_ends_a_1mb_cell_nul_bytes_and_line_breaks(store, group):
    text = ("name,organisation,pillar,notes\r" "Kofi\x00 Mensah,Gold Fields,company,\r"
            "\"Ama\nOwusu\",WACAM,civil society,\r" "Big Cell,WACAM,,\"" + "y" * 1_000_000 + "\"\r"
            "Efua Boateng,WACAM,,ok\r")
    table = read_csv(text.encode())
    plan = plan_of(store, group, table)
    assert [e.split(":")[0] for e in plan.errors] == ["Row 4"]
    apply_import(store, group.id, plan)
    assert names(store) == ["Ama Owusu", "Efua Boateng", "Kofi Mensah"]


def test_kofi_with_a_double_space_or_an_accent_is_proposed_as_a_merge(store, group):
    org = store.organisations.create(group_id=group.id, name="Gold Fields", pillar="company")
    kofi = store.people.create(organisation_id=org.id, name="Kofi Mensah")
    table = read_csv("name,organisation,email\nKofi  Mensah,gold fields,kofi@example.org\nKOFÍ MENSAH,Gold Fields,\n"
                     .encode())
    plan = plan_of(store, group, table)
    assert plan.lines == [] and [m.person_id for m in plan.merges] == [kofi.id, kofi.id]
    apply_import(store, group.id, plan)
    assert names(store) == ["Kofi Mensah"] and store.people.get(kofi.id).email == "kofi@example.org"


def test_words_and_the_error_in_the_coordinators_language(store, group):
    from fieldgroup.i18n import set_locale

    set_locale("fr")
    table = read_csv(b"Nom;Organisation;Pilier;Sexe\nA B;Org;pirates;Femme\nC D;Org2;Observatrice;Homme\n")
    plan = plan_of(store, group, table)
    assert len(plan.errors) == 1 and "pirates" in plan.errors[0]
    assert plan.errors[0].startswith("Ligne 2") and "Entreprises" in plan.errors[0]
    assert [(line.pillar, line.gender) for line in plan.lines] == [("observer", "male")]


def test_a_damaged_workbook_and_a_workbook_bomb_are_one_sentence(tmp_path):
    import zipfile

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(FieldGroupError, match="workbook"):
        read_csv_file(broken)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b" " * (120 << 20))
    with pytest.raises(FieldGroupError, match="unpacks"):
        read_csv_file(bomb)


def test_binary_and_special_files_are_refused(tmp_path):
    with pytest.raises(FieldGroupError, match="not a text file"):
        read_csv(bytes(range(256)) * 10)
    with pytest.raises(FieldGroupError, match="folder"):
        read_csv_file(tmp_path)


@pytest.mark.parametrize("word, pillar", [("Entreprise", "company"), ("empresa", "company"), ("Perusahaan", "company"),
                                          ("ကုမ္ပဏီ", "company"), ("Gouvernement", "government"),
                                          ("Governo", "government"), ("Pemerintah", "government"),
                                          ("Société civile", "civil_society"), ("Sociedade civil", "civil_society"),
                                          ("LSM", "civil_society"), ("Observateur", "observer"),
                                          ("Pengamat", "observer")])
def test_the_pillar_words_of_the_six_languages(word, pillar):
    from fieldgroup.core.choice_words import pillar_of

    assert pillar_of(word) == pillar


def test_the_status_words_of_the_six_languages():
    from fieldgroup.core.choice_words import action_status_of, attendance_of

    assert [attendance_of(w) for w in ("Présent", "excusé", "ausente", "Hadir", "တက်ရောက်")] == [
        "present", "excused", "absent", "present", "present"]
    assert [action_status_of(w) for w in ("Terminé", "en curso", "concluído", "Selesai", "ပြီးစီး", "dropped")] == [
        "done", "in_progress", "done", "done", "done", "dropped"]
