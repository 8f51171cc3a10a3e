"""CSV sign-in list import through the dialog: preview, mapping, a bad row named by number, cancel writes nothing."""

from __future__ import annotations

import page_harness
import pytest
from PySide6.QtWidgets import QMessageBox

from fieldgroup.ui.dialogs import csv_import_dialog
from fieldgroup.ui.dialogs.csv_import_dialog import CsvImportDialog
from fieldgroup.ui.pages.people_page import PeoplePage

ctx, show_page = page_harness.ctx, page_harness.show_page  # shared fixtures

SIGN_IN = (
    "Participant;Institution;Sector;Sex;Position\n"
    "Ama Mensah;Gold Fields;company;F;CSR lead\n"
    "Kofi Boateng;Ministry of Lands;government;M;\n"
    "Bad Row;Some NGO;mercenaries;;\n"
    "Efua Owusu;WACAM;civil society;female;Director\n"
)


@pytest.fixture
def csv_file(tmp_path):
    path = tmp_path / "sign-in.csv"
    path.write_bytes(SIGN_IN.encode("cp1252"))
    return path


def test_import_with_one_bad_row_names_the_row(qtbot, ctx, show_page, csv_file, store, monkeypatch):
    page = show_page(PeoplePage, ctx)
    seen = {}

    def fake_exec(dialog):
        dialog.load(csv_file)
        seen["errors"] = [dialog.errors.item(i).text() for i in range(dialog.errors.count())]
        seen["preview"] = dialog.preview.rowCount()
        seen["summary"] = dialog.summary.text()
        dialog.import_button.click()
        return dialog.result()

    monkeypatch.setattr(CsvImportDialog, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    page.import_button.click()
    page_harness.settle(qtbot)  # the list is read again in the background
    assert seen["errors"] == ["Row 4: pillar “mercenaries” is not recognised; write one of: Companies, Government, "
                              "Civil society, Observers."]
    assert seen["preview"] == 4
    assert seen["summary"].startswith("3 people to add · 3 new organisations")
    assert {"Ama Mensah", "Kofi Boateng", "Efua Owusu"} <= {p.name for p in store.people.list()}
    assert "Bad Row" not in {p.name for p in store.people.list()}
    assert page.people_model.rowCount() == 3


def test_mapping_is_guessed_and_can_be_changed(qtbot, store, group, csv_file):
    dialog = CsvImportDialog(store, group.id, csv_file)
    qtbot.addWidget(dialog)
    assert dialog.mapping["name"].currentText() == "Participant"
    assert dialog.mapping["organisation"].currentText() == "Institution"
    dialog.mapping["name"].setCurrentIndex(0)  # "not in the file"
    assert "Choose which column holds: Name" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_cancel_writes_nothing(qtbot, store, group, csv_file):
    before = store.counts()
    dialog = CsvImportDialog(store, group.id, csv_file)
    qtbot.addWidget(dialog)
    dialog.buttons.rejected.emit()
    assert store.counts() == before


def test_large_import_runs_in_the_background(qtbot, store, group, csv_file, monkeypatch):
    monkeypatch.setattr(csv_import_dialog, "BACKGROUND_ABOVE", 0)
    dialog = CsvImportDialog(store, group.id, csv_file)
    qtbot.addWidget(dialog)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=10_000)
    assert dialog.import_result.people == 3
    assert store.people.count() == 3


def test_a_file_that_is_not_text_is_explained(qtbot, store, group, tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x81\x8d\x8f\x90\x9d")
    dialog = CsvImportDialog(store, group.id, path)
    qtbot.addWidget(dialog)
    assert "not a text file" in dialog.file_info.text()


def test_a_french_excel_sheet_with_title_lines_shows_the_spreadsheet_row_numbers(qtbot, store, group):
    from pathlib import Path

    sheet = Path(__file__).resolve().parent.parent / "data" / "signin_fr_excel_cp1252.csv"
    dialog = CsvImportDialog(store, group.id, sheet)
    qtbot.addWidget(dialog)
    assert "header on row 3" in dialog.file_info.text()
    assert dialog.preview.verticalHeaderItem(0).text() == "4"
    items = [dialog.errors.item(i).text() for i in range(dialog.errors.count())]
    assert items[0].startswith("Row 8: pillar “mercenaires”") and items[1].startswith("Row 9: Aïcha Ndiaye is listed")
    assert dialog.import_button.isEnabled()


def test_filling_in_people_already_there_can_be_declined(qtbot, store, group, tmp_path):
    org = store.organisations.create(group_id=group.id, name="Gold Fields", pillar="company")
    kofi = store.people.create(organisation_id=org.id, name="Kofi Mensah")
    sheet = tmp_path / "again.csv"
    sheet.write_text("Name,Organisation,Email\nKofi  Mensah,Gold Fields,kofi@example.org\nAma,Gold Fields,\n",
                     encoding="utf-8")
    dialog = CsvImportDialog(store, group.id, sheet)
    qtbot.addWidget(dialog)
    assert "looks like Kofi Mensah" in dialog.errors.item(0).text()
    dialog.fill_existing.setChecked(False)
    dialog.import_button.click()
    assert store.people.get(kofi.id).email is None and store.people.count() == 2


def test_each_proposed_merge_has_its_own_checkbox(qtbot, store, group, tmp_path):
    """Unticking one proposed merge adds that row as a person of their own; the other merge still happens."""
    from PySide6.QtCore import Qt

    org = store.organisations.create(group_id=group.id, name="Gold Fields", pillar="company")
    kofi = store.people.create(organisation_id=org.id, name="Kofi Mensah")
    ama = store.people.create(organisation_id=org.id, name="Ama Owusu")
    sheet = tmp_path / "again.csv"
    sheet.write_text("Name,Organisation,Email\nKofi  Mensah,Gold Fields,k.mensah@other.example\n"
                     "AMA OWUSU,Gold Fields,ama@goldfields.example\n", encoding="utf-8")
    dialog = CsvImportDialog(store, group.id, sheet)
    qtbot.addWidget(dialog)
    items = [dialog.errors.item(i) for i in range(dialog.errors.count())]
    assert [item.checkState() for item in items] == [Qt.CheckState.Checked, Qt.CheckState.Checked]
    items[0].setCheckState(Qt.CheckState.Unchecked)  # the Kofi Mensah of this sheet is someone else
    texts = [dialog.errors.item(i).text() for i in range(dialog.errors.count())]
    assert "added as a person of their own" in texts[0] and "looks like Ama Owusu" in texts[1]
    assert "1 person to add" in dialog.summary.text()
    dialog.import_button.click()
    kofis = [p for p in store.people.list() if p.name == "Kofi Mensah"]
    assert len(kofis) == 2 and store.people.get(kofi.id).email is None
    assert {p.email for p in kofis} == {None, "k.mensah@other.example"}
    assert store.people.get(ama.id).email == "ama@goldfields.example"


def test_the_preview_counts_with_thousands_separators(qtbot, store, group, tmp_path):
    sheet = tmp_path / "big.csv"
    sheet.write_text("Name,Organisation,Pillar\n" + "".join(f"Person {n},Gold Fields,company\n" for n in range(1200)),
                     encoding="utf-8")
    dialog = CsvImportDialog(store, group.id, sheet)
    qtbot.addWidget(dialog)
    assert dialog.file_info.text().startswith("1,200 rows")
    assert dialog.summary.text().startswith("1,200 people to add")
