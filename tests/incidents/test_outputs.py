"""Incident outputs (issue 19): the alert sheet names nobody and is internal on every page; `list incidents`;
incidents never reach the tracker or the handout."""

from __future__ import annotations

import json
from datetime import date

import pytest

from fieldgroup.cli import main
from fieldgroup.reports import build_report
from fieldgroup.reports.errors import NothingToReportError
from tests.reports.helpers import pdf_text

DEFENDER = "Aung Min Thu"
OFFICER = "Kwame Asante"


@pytest.fixture
def register(store, group, pillars):
    cs_org = pillars["civil_society"][0]
    defender = store.people.create(organisation_id=cs_org.id, name=DEFENDER, protected=True)
    officer = store.people.create(organisation_id=pillars["government"][0].id, name=OFFICER)
    reg = store.incidents
    reg.add_protocol_step(group.id, f"Call @{{person:{officer.id}}} at the ministry", 0,
                          contact_organisation_id=pillars["government"][0].id, contact_person_id=officer.id)
    reg.add_protocol_step(group.id, "Inform the company", 1, contact_organisation_id=pillars["company"][0].id)
    for n in range(12):  # enough to fill more than one page
        reg.open(group.id, date=date(2025, 6, 1 + n), kind="threat_to_defender", severity="high",
                 title=f"Threat {n} against @{{person:{defender.id}}} reported by {OFFICER}",
                 description=f"{DEFENDER} was followed home; @{{person:{officer.id}}} was told. " * 3,
                 organisation_ids=[pillars["company"][0].id], owner_person_id=officer.id)
    reg.open(group.id, date=date(2025, 2, 1), kind="grievance", title="Water", status="resolved",
             resolved_on=date(2025, 3, 1), outcome_published=True)
    return reg


def test_the_alert_sheet_names_nobody_and_is_internal_on_every_page(store, group, register, tmp_path):
    register.open(group.id, date=date(2025, 6, 15), kind="security_incident", severity="critical", title="Fresh alarm")
    out = build_report("alerts", store, tmp_path / "alerts.pdf", group_id=group.id)
    pages = pdf_text(out)
    assert len(pages) > 1
    text = " ".join(pages)
    for name in (DEFENDER, "Aung", OFFICER, "Asante", "person:"):
        assert name not in text
    assert all("Internal — core team only" in page for page in pages)
    assert "Protected participant (Civil society)" in text and "a representative of Government" in text
    assert "days overdue" in text and "Incident indicators by quarter" in text
    assert text.index("Threat 0") < text.index("Fresh alarm")  # overdue steps first, even before a critical one


@pytest.fixture
def core_file(tmp_path):
    path = tmp_path / "core.txt"
    path.write_text("copper-island-meadow-falcon-ninety\n", encoding="utf-8")
    return path


def test_list_incidents_json_names_nobody(store, group, register, capsys, core_file):
    path = store.path
    store.close()
    assert main(["list", "incidents", "--store", str(path), "--json", "--core-passphrase-file", str(core_file)]) == 0
    out = capsys.readouterr().out
    rows = json.loads(out)
    assert len(rows) == 13 and DEFENDER not in out and OFFICER not in out
    first = next(r for r in rows if r["kind"] == "threat_to_defender")
    assert first["overdue_steps"] == 2 and first["steps"][0]["overdue"]


def test_incidents_never_reach_the_tracker_or_the_handout(store, group, register, pillars, tmp_path):
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 6, 1), title="Plenary")
    store.actions.create(group_id=group.id, title="An ordinary action", status="open", due_date=date(2025, 7, 1))
    for kind, extra in (("actions", {}), ("meeting", {"meeting_id": meeting.id})):
        text = " ".join(pdf_text(build_report(kind, store, tmp_path / f"{kind}.pdf", group_id=group.id, **extra)))
        assert "Threat" not in text and "Call" not in text and "Inform the company" not in text


def test_cli_report_alerts(store, group, register, tmp_path, capsys, core_file):
    path = store.path
    store.close()
    assert main(["report", "alerts", "--store", str(path), "--group", group.id, "--out", str(tmp_path / "a.pdf"),
                 "--core-passphrase-file", str(core_file)]) == 0
    assert DEFENDER not in " ".join(pdf_text(tmp_path / "a.pdf"))


def test_no_other_document_holds_an_incident(store, group, register, pillars, tmp_path):
    """Every report in the registry but the alert sheet (handout, tracker, M&E, annual, results, public summary…)."""
    from fieldgroup.reports.registry import report_kinds

    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 6, 1), title="Plenary",
                                    minutes="Opening remarks.")
    store.actions.create(group_id=group.id, title="An ordinary action", status="open", due_date=date(2025, 7, 1))
    store.attendance.set(meeting.id, pillars["company"][1].id)
    objective = store.objectives.create(group_id=group.id, title="Dialogue", horizon="short")
    store.results.create(objective_id=objective.id, title="Guards trained", result_type="output")
    indicator = store.indicators.create(group_id=group.id, name="Meetings held")
    store.targets.set(indicator.id, "2025-Q2", 3)
    built = set()
    for kind in [k for k in report_kinds() if k.name != "alerts"]:
        try:
            out = build_report(kind.name, store, tmp_path / f"{kind.name}.pdf", group_id=group.id,
                               meeting_id=meeting.id if kind.needs_meeting else None)
        except NothingToReportError:
            continue  # a document this small group has nothing for (no indicators, no results framework)
        built.add(kind.name)
        text = " ".join(pdf_text(out))
        for words in ("Threat 0", "Water", "followed home", "Inform the company", "core team"):
            assert words not in text, (kind.name, words)
    assert {"meeting", "actions", "indicators", "annual", "results", "participation", "summary"} <= built, built


@pytest.mark.parametrize(("locale", "quarter"), [("fr", "T2 2025"), ("my", "၂၀၂၅ ဒ")])
def test_the_alert_sheet_writes_quarters_as_the_other_reports_do(store, group, register, tmp_path, locale, quarter):
    from fieldgroup.i18n import set_locale

    set_locale(locale)
    try:
        text = " ".join(pdf_text(build_report("alerts", store, tmp_path / "alerts.pdf", group_id=group.id)))
    finally:
        set_locale("en")
    assert "2025-Q2" not in text and "2025-Q1" not in text and "Q2" not in text
    assert quarter in text  # Burmese: the year in Myanmar digits, then the quarter's name (as the PDF shapes it)
