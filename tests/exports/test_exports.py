"""Funder and coordinator formats: DHIS2 JSON, ADX, IATI, xlsx, CSV and ics match the store and leak no protected name."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from lxml import etree

from fieldgroup.cli import main
from fieldgroup.exports import ExportError, ExportOptions, export_data


def _iati_dir() -> Path:
    """../shared/data/iati beside the checkout (a worktree sits one folder deeper, so look upwards)."""
    for folder in Path(__file__).resolve().parents[2:]:
        candidate = folder / "shared" / "data" / "iati"
        if candidate.is_dir():
            return candidate
    return Path("shared/data/iati")


IATI_XSD = _iati_dir() / "iati-activities-schema.xsd"
SECRET = "Ama Boateng"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_dhis2_data_value_set_matches_the_store(funded, tmp_path):
    store, group, ids = funded
    out = tmp_path / "values.json"
    assert export_data("dhis2", store, out, ExportOptions(year=2025)) == 3
    values = json.loads(_read(out))["dataValues"]
    by_key = {(v["dataElement"], v["period"]): v for v in values}
    # Q1 uses the indicator's every-period code, Q2 its own row, with its own org unit and disaggregation.
    assert by_key["deTrained01", "2025Q1"] == {"dataElement": "deTrained01", "period": "2025Q1", "orgUnit": "OuGhana0001",
                                               "value": "80", "comment": "Sheets checked with Protected participant (Civil society)"}
    assert by_key["deTrained02", "2025Q2"]["value"] == "130.5"
    assert by_key["deTrained02", "2025Q2"]["orgUnit"] == "OuWestern01"
    assert by_key["deTrained02", "2025Q2"]["categoryOptionCombo"] == "cocMale0001"
    assert by_key["deIncident1", "2025"]["value"] == "7"
    # Every value in the file is the store's value for that indicator and period.
    stored = {(v.indicator_id, v.period): v.value for v in store.values.list()}
    assert float(by_key["deTrained01", "2025Q1"]["value"]) == stored[ids["trained"], "2025-Q1"]
    assert SECRET not in _read(out)


def test_without_a_year_every_period_is_sent(funded, tmp_path):
    store, _group, _ids = funded
    assert export_data("dhis2", store, tmp_path / "all.json") == 4  # 2024-Q4 too


def test_adx_parses_and_matches_the_store(funded, tmp_path):
    store, _group, _ids = funded
    out = tmp_path / "values.adx.xml"
    export_data("adx", store, out, ExportOptions(year=2025))
    root = etree.parse(str(out)).getroot()
    ns = {"adx": "urn:ihe:qrph:adx:2015"}
    assert root.tag == "{urn:ihe:qrph:adx:2015}adx"
    found = {(g.get("orgUnit"), g.get("period"), dv.get("dataElement")): dv.get("value")
             for g in root.findall("adx:group", ns) for dv in g.findall("adx:dataValue", ns)}
    assert found == {
        ("OuGhana0001", "2025-01-01/P3M", "deTrained01"): "80",
        ("OuWestern01", "2025-04-01/P3M", "deTrained02"): "130.5",
        ("OuGhana0001", "2025-01-01/P1Y", "deIncident1"): "7",
    }
    assert SECRET not in _read(out)


def test_dhis2_without_an_org_unit_is_one_sentence(funded, tmp_path):
    store, group, _ids = funded
    store.profiles.set(group.id, dhis2_org_unit=None)
    with pytest.raises(ExportError, match="organisation unit"):
        export_data("dhis2", store, tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists() and not list(tmp_path.glob("*.partial"))


@pytest.mark.skipif(not IATI_XSD.exists(), reason="the IATI 2.03 schema is not in ../shared/data/iati on this machine")
def test_iati_file_validates_against_the_203_schema(funded, tmp_path):
    store, _group, _ids = funded
    out = tmp_path / "iati.xml"
    assert export_data("iati", store, out) == 2
    schema = etree.XMLSchema(etree.parse(str(IATI_XSD)))
    document = etree.parse(str(out))
    assert schema.validate(document), schema.error_log
    activity = document.getroot().find("iati-activity")
    assert activity.find("reporting-org").get("ref") == "GH-CHC-0001"
    results = {r.find("title/narrative").text: r for r in activity.findall("result")}
    assert (results["Guards trained"].get("type"), results["Fewer incidents"].get("type")) == ("1", "2")
    output = results["Guards trained"]
    indicator = output.find("indicator")
    assert indicator.find("baseline").get("value") == "50"
    q1 = next(p for p in indicator.findall("period") if p.find("period-start").get("iso-date") == "2025-01-01")
    assert (q1.find("target").get("value"), q1.find("actual").get("value")) == ("100", "80")
    assert SECRET not in _read(out)


@pytest.mark.skipif(not IATI_XSD.exists(), reason="the IATI 2.03 schema is not in ../shared/data/iati on this machine")
def test_iati_of_a_demo_store_validates(tmp_path):
    from datetime import date

    from fieldgroup.core import open_store
    from fieldgroup.core.demo import generate_demo

    generate_demo(tmp_path / "d.fgstore", size="small", locale="my", today=date(2025, 6, 15))
    with open_store(tmp_path / "d.fgstore", today=lambda: date(2025, 6, 15)) as store:
        export_data("iati", store, tmp_path / "d.xml")
    schema = etree.XMLSchema(etree.parse(str(IATI_XSD)))
    assert schema.validate(etree.parse(str(tmp_path / "d.xml"))), schema.error_log


def test_iati_needs_the_reporting_organisation(funded, tmp_path):
    store, group, _ids = funded
    store.profiles.set(group.id, reporting_org_ref=None)
    with pytest.raises(ExportError, match="reporting organisation"):
        export_data("iati", store, tmp_path / "x.xml")


def test_xlsx_has_both_sheets_no_formula_and_no_protected_name(funded, tmp_path):
    from openpyxl import load_workbook

    store, _group, _ids = funded
    out = tmp_path / "plan.xlsx"
    export_data("xlsx", store, out)
    book = load_workbook(out)
    assert book.sheetnames == ["Action tracker", "Work plan"]
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert '=HYPERLINK("http://x","click")' in texts  # kept as text, never a formula
    risky = [c for c in cells if isinstance(c.value, str) and c.value[:1] in "=+-@"]
    assert risky and all(c.quotePrefix for c in risky)
    assert not any(SECRET in t for t in texts)
    assert "Protected participant (Civil society)" in texts
    assert "Kofi Mensah" in texts


def test_csv_neutralises_formulas_and_keeps_phone_numbers_readable(funded, tmp_path):
    store, _group, _ids = funded
    out = tmp_path / "actions.csv"
    export_data("csv", store, out, ExportOptions(table="actions"))
    rows = list(csv.reader(_read(out).lstrip("\ufeff").splitlines()))
    cells = [c for row in rows for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=HYPERLINK(\"http://x\",\"click\")" in cells and "'@SUM(1+1)" in cells
    assert "Call +233 20 765 4321" in cells  # not at the start: left alone
    assert SECRET not in _read(out)
    plan = tmp_path / "plan.csv"
    export_data("csv", store, plan, ExportOptions(table="workplan"))
    assert "'-2+3 training" in _read(plan)


def test_phone_number_cell_gets_the_apostrophe():
    from fieldgroup.exports.cells import csv_cell

    assert csv_cell("+233 24 123 4567") == "'+233 24 123 4567"
    assert csv_cell(" =1+1") == "' =1+1"
    assert csv_cell(-5) == -5 and csv_cell("Accra") == "Accra"


def test_ics_one_meeting_and_a_quarter(funded, tmp_path):
    from icalendar import Calendar

    store, _group, ids = funded
    store.meetings.create(group_id=funded[1].id, kind="workshop", date="2025-05-20", title="Workshop")
    store.meetings.create(group_id=funded[1].id, kind="workshop", date="2025-08-20", title="Later")
    one = tmp_path / "one.ics"
    assert export_data("ics", store, one, ExportOptions(meeting_id=ids["meeting"])) == 1
    [event] = Calendar.from_ical(one.read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == "First plenary" and str(event["location"]) == "Accra"
    attendees = event.get("attendee")
    attendees = attendees if isinstance(attendees, list) else [attendees]
    assert [str(a) for a in attendees] == ["mailto:kofi@example.org"]
    assert "Protected participant" in str(event["description"])
    quarter = tmp_path / "q.ics"
    assert export_data("ics", store, quarter, ExportOptions(period="2025-Q2")) == 1
    assert SECRET not in one.read_text(encoding="utf-8") + quarter.read_text(encoding="utf-8")


def test_include_protected_writes_the_name(funded, tmp_path):
    store, _group, _ids = funded
    out = tmp_path / "actions.csv"
    export_data("csv", store, out, ExportOptions(table="actions", include_protected=True))
    assert SECRET in _read(out)


def test_cli_export_data(funded, tmp_path, capsys):
    store, _group, _ids = funded
    path = store.path
    store.close()
    before = path.read_bytes()
    assert main(["export-data", "dhis2", "--store", str(path), "--out", str(tmp_path / "v.json"), "--year", "2025"]) == 0
    assert "3 records" in capsys.readouterr().out
    assert main(["export-data", "csv", "--store", str(path), "--out", str(tmp_path / "w.csv"), "--table", "workplan"]) == 0
    assert main(["export-data", "ics", "--store", str(path), "--out", str(tmp_path / "q.ics"), "--period", "2025-Q1"]) == 0
    assert path.read_bytes() == before
    with pytest.raises(SystemExit) as usage:
        main(["export-data", "csv", "--store", str(path), "--out", str(tmp_path / "x.csv")])
    assert usage.value.code == 2
    assert main(["export-data", "ics", "--store", str(path), "--out", str(tmp_path / "x.ics"), "--meeting", "nope"]) == 1
    assert "no meeting with id nope" in capsys.readouterr().err


def test_hidden_names_are_found_in_any_case_and_with_curly_apostrophes(store, group, pillars):
    from fieldgroup.exports.common import People

    person = pillars["civil_society"][1]
    store.people.update(person.id, name="Siobhán O'Neill-Mensah", protected=True)
    people = People(store)
    for typed in ("met SIOBHÁN O’NEILL-MENSAH today", "met siobhán o'neill mensah.", f"met @{{person:{person.id}}}"):
        assert people.text(typed).startswith("met Protected participant (Civil society)"), typed
    assert people.text("Siobhán alone") == "Protected participant (Civil society) alone"  # a distinctive part alone, as on paper
