"""The Incidents page (issue 19): record an incident naming a protected defender by mention, work its
protocol, watch the dashboard's Open alerts change, print the alert sheet and find no name in it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate

from fieldgroup.core import keys
from fieldgroup.sync import core_team
from fieldgroup.ui.dialogs.incident_dialog import IncidentDialog
from fieldgroup.ui.pages.incidents_page import IncidentsPage
from fieldgroup.ui.widgets.name_guard import NameGuard
from tests.reports.helpers import pdf_text

DEFENDER = "Thandiwe Okonkwo-Mensah"
CORE = "copper-island-meadow-falcon-ninety"


@pytest.fixture
def core_window(window, store, group, pillars):
    org = pillars["civil_society"][0]
    store.people.create(organisation_id=org.id, name=DEFENDER, protected=True)
    store.incidents.add_protocol_step(group.id, "Call the defender's organisation", 0, contact_organisation_id=org.id)
    store.incidents.add_protocol_step(group.id, "Inform the embassies", 2)
    yield window
    core_team.release(store)


def test_the_page_and_panel_are_hidden_without_the_core_team_passphrase(core_window, store):
    nav = core_window.nav
    assert nav.item(core_window._index_of("incidents")).isHidden()
    assert not core_window.show_page("dashboard").alerts_panel.isVisible()
    core_team.hold(store, keys.Passphrase(CORE))
    core_window.ctx.changed("incidents")
    assert not nav.item(core_window._index_of("incidents")).isHidden()


def test_record_work_and_print_an_incident(core_window, store, group, pillars, qtbot, answer_dialog, tmp_path):
    core_team.hold(store, keys.Passphrase(CORE))
    core_window.ctx.changed("incidents")
    dashboard = core_window.show_page("dashboard")
    assert dashboard.alerts_panel.isVisible() and dashboard.alerts_panel.summary.text().startswith("0 open")
    page = core_window.show_page("incidents")
    assert isinstance(page, IncidentsPage) and page.body.isVisible()

    def fill(dialog: IncidentDialog) -> None:
        dialog.date.setDate(QDate(2025, 6, 1))
        dialog.kind.setCurrentIndex(dialog.kind.findData("threat_to_defender"))
        dialog.severity.setCurrentIndex(dialog.severity.findData("high"))
        dialog.title_edit.setText("Threat after the Tarkwa meeting")
        dialog.person.setCurrentIndex(dialog.person.findText(DEFENDER))
        dialog.owner.setCurrentIndex(dialog.owner.findText("government person"))
        dialog.description.setPlainText("Armed men asked for ")
        dialog.insert_mention()
        dialog.save()

    answer_dialog(IncidentDialog, fill)
    page.new_incident()
    incident = store.incidents.list(group.id)[0]
    assert DEFENDER not in (incident.description or "") and "@{person:" in incident.description
    assert page.table.rowCount() == 1 and page.steps.rowCount() == 2  # the protocol, as the incident's own steps
    assert {s.owner_person_id for s in store.incidents.steps_of(incident.id)} == {pillars["government"][1].id}
    assert "overdue" in page.steps.item(0, 2).text() and "civil_society org" in page.steps.item(0, 1).text()
    core_window.show_page("dashboard")
    assert "1 with overdue steps" in dashboard.alerts_panel.summary.text()
    page = core_window.show_page("incidents")
    page.select_incident(incident.id)
    for row in range(2):
        page.steps.selectRow(row)
        page.complete_selected_step()
    assert all(s.completed_on for s in store.incidents.steps_of(incident.id))
    core_window.show_page("dashboard")
    assert "0 with overdue steps" in dashboard.alerts_panel.summary.text()
    page = core_window.show_page("incidents")
    assert "Q2 2025" in page.indicators.text() and "1 threat or attack on a defender" in page.indicators.text()
    out = tmp_path / "alerts.pdf"
    with qtbot.waitSignal(page.alert_sheet_written, timeout=30_000):
        page.print_alert_sheet(out)
    text = " ".join(pdf_text(out))
    assert "Threat after the Tarkwa meeting" in text and "Protected participant (Civil society)" in text
    for part in DEFENDER.replace("-", " ").split():
        assert part not in text


def test_a_protected_name_typed_in_an_incident_is_offered_as_a_mention(core_window, store, group, qtbot):
    from fieldgroup.ui.widgets.name_guard import NameGuard

    dialog = IncidentDialog(store, group.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("Threat at the gate")
    dialog.description.setPlainText("Okonkwo-Mensah was followed home.")
    dialog.outcome.setPlainText("Thandiwe moved for a week.")
    guards = [g for g in dialog.findChildren(NameGuard) if g.isVisible()]
    assert len(guards) == 2 and len(dialog.findChildren(NameGuard)) == 4  # region, title, description, outcome
    assert "Okonkwo" not in guards[0].message.text()  # the bar may be on a projected screen
    for guard in guards:
        guard.convert()
    assert not any(g.isVisible() for g in guards)
    assert "Okonkwo-Mensah" in dialog.description.document().toPlainText()  # shown as the name, on this screen
    dialog.save()
    saved = store.incidents.list(group.id)[0]
    assert "Okonkwo" not in saved.description and "@{person:" in saved.description
    assert "Thandiwe" not in saved.outcome and "@{person:" in saved.outcome


def test_a_protected_name_typed_in_the_title_or_region_is_offered_as_a_mention_and_never_saved_plain(
        core_window, store, group, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    dialog = IncidentDialog(store, group.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("Okonkwo-Mensah followed home")
    dialog.region.setText("Thandiwe's village")
    title_guard, region_guard = (dialog.title_edit.parent().findChild(NameGuard),
                                 dialog.region.parent().findChild(NameGuard))
    assert title_guard.isVisible() and region_guard.isVisible()
    dialog.save()  # refused: nothing stored, one sentence
    assert store.incidents.list(group.id) == [] and len(warned) == 1 and warned[0].count(".") == 1
    assert "Okonkwo" not in warned[0]
    title_guard.convert()
    region_guard.convert()
    assert not title_guard.isVisible() and not region_guard.isVisible()
    assert "Okonkwo-Mensah" in dialog.title_edit.toPlainText() or "@{person:" in dialog.title_edit.toPlainText()
    dialog.save()
    saved = store.incidents.list(group.id)[0]
    assert "Okonkwo" not in saved.title and "@{person:" in saved.title
    assert "Thandiwe" not in saved.region and "@{person:" in saved.region
    edit = IncidentDialog(store, group.id, saved)  # shown again as the name on the core team's screen
    qtbot.addWidget(edit)
    assert "@{person:" in edit.title_edit.text() and not edit.names_in_plain_text()


def test_a_protocol_step_names_whom_to_call_and_each_new_incident_carries_it(core_window, store, group, pillars, qtbot):
    from fieldgroup.ui.dialogs.incident_dialog import ProtocolStepDialog

    org, officer = pillars["government"]
    store.people.update(officer.id, focal_point=True)
    dialog = ProtocolStepDialog(store, group.id)
    qtbot.addWidget(dialog)
    assert not dialog.person.isEnabled()  # no organisation chosen: nobody to pick
    dialog.what.setText("Call the ministry's focal point")
    dialog.contact.setCurrentIndex(dialog.contact.findData(org.id))
    assert dialog.person.isEnabled() and dialog.person.itemData(1) == officer.id  # focal points first
    dialog.person.setCurrentIndex(1)
    dialog.within.setValue(1)
    dialog.save()
    incident = store.incidents.open(group.id, date=date(2025, 6, 14), kind="security_incident", title="Road block")
    step = store.incidents.steps_of(incident.id)[-1]
    assert (step.contact_organisation_id, step.contact_person_id) == (org.id, officer.id)
    assert step.due_date == date(2025, 6, 15)


def test_presentation_mode_masks_protected_people_on_the_incidents_page(core_window, store, group, pillars):
    org = pillars["civil_society"][0]
    defender = next(p for p in store.people.list() if p.protected)
    store.incidents.add_protocol_step(group.id, "Check on Okonkwo-Mensah", 0, contact_organisation_id=org.id,
                                      contact_person_id=defender.id)
    incident = store.incidents.open(group.id, date=date(2025, 6, 14), kind="threat_to_defender",
                                    title=f"Threat to @{{person:{defender.id}}}")
    core_team.hold(store, keys.Passphrase(CORE))
    core_window.ctx.changed("incidents")
    page = core_window.show_page("incidents")
    page.select_incident(incident.id)

    def shown() -> str:
        cells = [page.table.item(r, c).text() for r in range(page.table.rowCount()) for c in range(6)]
        cells += [page.steps.item(r, c).text() for r in range(page.steps.rowCount()) for c in range(4)]
        return " ".join(cells + [core_window.show_page("dashboard").alerts_panel.lines.text()])

    assert DEFENDER in shown()  # the core team's own screen
    core_window.set_presentation(True)
    page = core_window.show_page("incidents")
    page.select_incident(incident.id)
    text = shown()
    assert "Okonkwo" not in text and "Thandiwe" not in text and "Protected participant" in text
    core_window.set_presentation(False)


def test_the_response_protocol_is_kept_in_order_and_new_incidents_follow_it(core_window, store, group, qtbot):
    from fieldgroup.ui.dialogs.incident_dialog import ProtocolDialog

    dialog = ProtocolDialog(store, group.id)
    qtbot.addWidget(dialog)
    words = lambda: [dialog.steps.item(i).text().split(" — ")[0] for i in range(dialog.steps.count())]  # noqa: E731
    assert words() == ["Call the defender's organisation", "Inform the embassies"]
    dialog.steps.setCurrentRow(1)
    dialog.move(-1)
    assert words() == ["Inform the embassies", "Call the defender's organisation"] and dialog.steps.currentRow() == 0
    first = store.incidents.open(group.id, date=date(2025, 6, 10), kind="grievance", title="Water")
    dialog.steps.setCurrentRow(1)
    dialog.remove()
    assert words() == ["Inform the embassies"] and "within 2 days" in dialog.steps.item(0).text()
    second = store.incidents.open(group.id, date=date(2025, 6, 12), kind="grievance", title="Dust")
    assert [s.what for s in store.incidents.steps_of(first.id)] == ["Inform the embassies",
                                                                      "Call the defender's organisation"]
    assert [s.what for s in store.incidents.steps_of(second.id)] == ["Inform the embassies"]


def test_a_protocol_step_is_edited_in_place_by_double_click_and_cancel_leaves_it(core_window, store, group, pillars,
                                                                                  qtbot, answer_dialog):
    from PySide6.QtCore import Qt

    from fieldgroup.ui.dialogs.incident_dialog import ProtocolDialog, ProtocolStepDialog

    org, officer = pillars["government"]
    before = store.incidents.open(group.id, date=date(2025, 6, 10), kind="grievance", title="Water")
    dialog = ProtocolDialog(store, group.id)
    qtbot.addWidget(dialog)
    dialog.show()

    def change(step_dialog: ProtocolStepDialog) -> None:
        assert step_dialog.what.text() == "Inform the embassies" and step_dialog.within.value() == 2
        step_dialog.what.setText("Inform the embassies and the ministry")
        step_dialog.contact.setCurrentIndex(step_dialog.contact.findData(org.id))
        step_dialog.person.setCurrentIndex(step_dialog.person.findData(officer.id))
        step_dialog.within.setValue(1)
        step_dialog.save()

    answer_dialog(ProtocolStepDialog, change)
    where = dialog.steps.visualItemRect(dialog.steps.item(1)).center()
    qtbot.mousePress(dialog.steps.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double click starts with one
    qtbot.mouseDClick(dialog.steps.viewport(), Qt.MouseButton.LeftButton, pos=where)
    step = store.incidents.protocol_of(group.id)[1]
    assert (step.what, step.within_days, step.contact_organisation_id, step.contact_person_id) == (
        "Inform the embassies and the ministry", 1, org.id, officer.id)
    assert dialog.steps.item(1).text().startswith("Inform the embassies and the ministry — within 1 day")
    assert dialog.steps.currentRow() == 1 and dialog.steps.count() == 2  # still in its place

    def cancel(step_dialog: ProtocolStepDialog) -> None:
        step_dialog.what.setText("Something else entirely")
        step_dialog.within.setValue(30)
        step_dialog.reject()

    answer_dialog(ProtocolStepDialog, cancel)
    dialog.steps.setCurrentRow(0)
    dialog.edit()  # the Edit… button's slot
    assert [s.what for s in store.incidents.protocol_of(group.id)] == ["Call the defender's organisation",
                                                                       "Inform the embassies and the ministry"]
    assert store.incidents.protocol_of(group.id)[0].within_days == 0
    # An incident already recorded keeps its own copy; the next one follows the edited protocol.
    assert [s.what for s in store.incidents.steps_of(before.id)][1] == "Inform the embassies"
    after = store.incidents.open(group.id, date=date(2025, 6, 12), kind="grievance", title="Dust")
    assert store.incidents.steps_of(after.id)[1].due_date == date(2025, 6, 13)


def _incident_rows(page) -> list:
    return [page.model.row_at(r) for r in range(page.model.rowCount())
            if page.model.row_at(r).indicator.id.startswith("incidents:")]


def test_incident_indicators_are_on_the_indicators_page_only_while_the_core_passphrase_is_held(
        core_window, store, group, qtbot):
    from tests.ui.page_harness import settle

    store.indicators.create(group_id=group.id, code="M1", name="Guards trained")
    store.incidents.open(group.id, date=date(2025, 1, 20), kind="grievance", title="Water", status="resolved",
                         resolved_on=date(2025, 2, 10), outcome_published=True)
    for day in (3, 9):
        store.incidents.open(group.id, date=date(2025, 5, day), kind="threat_to_defender", title="Threat")
    page = core_window.show_page("indicators")
    settle(qtbot)
    assert page.model.rowCount() == 1 and _incident_rows(page) == []  # a laptop without the passphrase
    core_team.hold(store, keys.Passphrase(CORE))
    core_window.ctx.changed("incidents")
    page = core_window.show_page("indicators")
    settle(qtbot)
    rows = {row.indicator.name: row for row in _incident_rows(page)}
    assert set(rows) == {"Incidents per quarter: threat or attack on a defender",
                         "Incidents per quarter: security incident",
                         "Incidents per quarter: community grievance or complaint",
                         "Incidents per quarter: other incident", "Share of incidents resolved within 90 days",
                         "Grievances with a published outcome"}
    threats = rows["Incidents per quarter: threat or attack on a defender"]
    assert (threats.latest.period, threats.latest.actual) == ("2025-Q2", 2.0)
    page.show_record(threats.indicator.id)
    settle(qtbot)
    shown = {page.periods.item(r, 0).text(): page.periods.item(r, 2).text() for r in range(page.periods.rowCount())}
    assert shown == {"Q2 2025": "2", "Q1 2025": "0"}
    assert "Core team only" in page.facts.text()
    assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()
    assert not page.add_period_button.isEnabled()
    page.show_record(rows["Share of incidents resolved within 90 days"].indicator.id)
    settle(qtbot)
    assert page.periods.item(page.periods.rowCount() - 1, 2).text() == "100%"  # Q1: the grievance, in 21 days
    assert page.periods.item(0, 2).text() == "0%"
    page.show_record(rows["Grievances with a published outcome"].indicator.id)
    settle(qtbot)
    assert page.periods.item(page.periods.rowCount() - 1, 2).text() == "1"
    core_team.release(store)
    core_window.ctx.changed("incidents")
    page = core_window.show_page("indicators")
    settle(qtbot)
    assert _incident_rows(page) == [] and page.model.rowCount() == 1


def test_the_first_core_team_passphrase_on_a_laptop_is_typed_twice_and_a_typo_keeps_nothing(
        core_window, store, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from fieldgroup.ui.pages.incidents_page import ask_core_passphrase

    answers = iter([(CORE, True), (CORE + "x", True), (CORE, True), (CORE, True)])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: next(answers)))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: warnings.append(text)))
    assert not ask_core_passphrase(core_window.ctx, core_window)
    assert "differ" in warnings[0] and not core_team.is_core_laptop(store)  # the typo became nothing
    assert ask_core_passphrase(core_window.ctx, core_window)
    assert core_team.held(store) == keys.Passphrase(CORE)
