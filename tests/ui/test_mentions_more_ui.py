"""Mentions and the guard beyond minutes (issue 13): the agenda, action titles, indicator notes; and
presentation mode in lists (meeting titles and places, agenda items, action titles)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer

from fieldgroup.core.mentions import mention
from fieldgroup.ui.pages.meetings_page import MeetingsPage
from fieldgroup.ui.widgets.name_guard import NameGuard

HIDDEN = "Protected participant (Civil society)"


def _people(store, group):
    org = store.organisations.create(group_id=group.id, name="Haki Centre", pillar="civil_society")
    zawadi = store.people.create(organisation_id=org.id, name="Zawadi Kilonzo", protected=True)
    juma = store.people.create(organisation_id=org.id, name="Juma Otieno")
    return zawadi, juma


def _editor(qtbot, ctx, store, meeting):
    page = MeetingsPage(ctx)
    qtbot.addWidget(page, before_close_func=lambda p: [t.stop() for t in p.findChildren(QTimer)])
    page.resize(1300, 700)
    page.show()
    page.editor.load(store.meetings.get(meeting.id))
    return page


def _pick(qtbot, edit, typed):
    edit.setFocus()
    qtbot.keyClicks(edit, typed)
    qtbot.waitUntil(lambda: edit.completer.popup().isVisible())
    qtbot.keyClick(edit.completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(edit.completer.popup(), Qt.Key.Key_Return)


def test_an_agenda_item_takes_a_mention_shown_as_the_name(ctx, store, group, qtbot):
    zawadi, _juma = _people(store, group)
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1), title="Plenary")
    page = _editor(qtbot, ctx, store, meeting)
    agenda = page.editor.agenda
    _pick(qtbot, agenda.new_item, "Report by @Zaw")
    qtbot.keyClick(agenda.new_item, Qt.Key.Key_Return)
    assert agenda.items() == [f"Report by {mention(zawadi.id)}"]
    assert agenda.list.item(0).text() == "Report by Zawadi Kilonzo"
    assert page.editor.save()
    assert store.meetings.get(meeting.id).agenda_items == [f"Report by {mention(zawadi.id)}"]


def test_the_agenda_guard_turns_typed_names_into_mentions(ctx, store, group, qtbot):
    zawadi, _juma = _people(store, group)
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1),
                                    agenda="Welcome\nMs Kilonzo on the field visit")
    page = _editor(qtbot, ctx, store, meeting)
    guard = [g for g in page.editor.findChildren(NameGuard) if g.edit is page.editor.agenda][0]
    qtbot.waitUntil(lambda: not guard.isHidden())
    qtbot.mouseClick(guard.convert_button, Qt.MouseButton.LeftButton)
    assert page.editor.agenda.items() == ["Welcome", f"{mention(zawadi.id)} on the field visit"]
    assert guard.isHidden()


def test_an_action_title_takes_mentions_and_guards_typed_names(qtbot, store, group):
    from fieldgroup.ui.dialogs.action_item_dialog import ActionItemDialog

    zawadi, _juma = _people(store, group)
    dialog = ActionItemDialog(store, group.id)
    qtbot.addWidget(dialog)
    dialog.show()
    _pick(qtbot, dialog.title, "Visit @Zaw")
    assert dialog.title.text() == f"Visit {mention(zawadi.id)}"
    dialog.title.setText("Call Kilonzo")
    guard = [g for g in dialog.findChildren(NameGuard) if g.edit is dialog.title][0]
    qtbot.waitUntil(lambda: not guard.isHidden())
    qtbot.mouseClick(guard.convert_button, Qt.MouseButton.LeftButton)
    assert dialog.title.text() == f"Call {mention(zawadi.id)}"


def test_an_indicator_note_takes_mentions_and_guards_typed_names(qtbot, store, group):
    from fieldgroup.ui.dialogs.period_value_dialog import PeriodValueDialog

    zawadi, _juma = _people(store, group)
    indicator = store.indicators.create(group_id=group.id, name="Trainings held", unit="number", direction="increase")
    dialog = PeriodValueDialog(store, indicator)
    qtbot.addWidget(dialog)
    dialog.show()
    _pick(qtbot, dialog.note, "Led by @Zaw")
    assert dialog.note.toPlainText() == f"Led by {mention(zawadi.id)} "
    dialog.note.setPlainText("Led by Zawadi Kilonzo")
    guard = [g for g in dialog.findChildren(NameGuard) if g.edit is dialog.note][0]
    qtbot.waitUntil(lambda: not guard.isHidden())


def test_presentation_mode_masks_names_in_lists(qtbot, window, store, group):
    from fieldgroup.ui.models.action_tracker_model import TITLE

    zawadi, _juma = _people(store, group)
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1),
                                    title=f"Visit with {mention(zawadi.id)}", place="Kilonzo farm",
                                    agenda="Ms Kilonzo reports")
    store.actions.create(group_id=group.id, title="Call Zawadi Kilonzo", due_date=date(2025, 4, 1))
    page = window.show_page("meetings")
    window.open_record("meetings", meeting.id)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1)

    def cells():
        model = page.proxy
        return [model.index(0, c).data() for c in range(model.columnCount())]

    assert "Visit with Zawadi Kilonzo" in cells()  # mentions show as names
    window.presentation_action.trigger()
    try:
        qtbot.waitUntil(lambda: f"Visit with {HIDDEN}" in cells())
        assert not any("Kilonzo" in (c or "") for c in cells())
        assert page.editor.agenda.list.item(0).text() == f"{HIDDEN} reports"
        actions = window.show_page("actions")
        qtbot.waitUntil(lambda: actions.model.rowCount() == 1)
        assert actions.model.index(0, TITLE).data() == f"Call {HIDDEN}"
    finally:
        window.presentation_action.trigger()
    assert page.editor.agenda.list.item(0).text() == "Ms Kilonzo reports"


def test_the_import_dialog_lists_rows_resembling_a_protected_person_and_follows_the_choice(qtbot, store, group, tmp_path):
    from fieldgroup.core.import_flags import OTHER
    from fieldgroup.ui.dialogs.csv_import_dialog import CsvImportDialog

    zawadi, _juma = _people(store, group)
    sheet = tmp_path / "signin.csv"
    sheet.write_text("Name,Organisation,Pillar,Phone\nZawadi Kilonzo,Haki Centre,civil society,+254711\n"
                     "KILONZO Peter,Haki Centre,civil society,\nAma Mensah,Haki Centre,civil society,\n", encoding="utf-8")
    dialog = CsvImportDialog(store, group.id, sheet)
    qtbot.addWidget(dialog)
    rows = dialog.protected_rows
    assert not rows.isHidden() and rows.rowCount() == 2
    assert all("Zawadi" not in rows.horizontalHeaderItem(c).text() for c in range(3))
    rows.cellWidget(1, 2).setCurrentIndex(rows.cellWidget(1, 2).findData(OTHER))
    dialog.start_import()
    names = sorted(p.name for p in store.people.list())
    assert names == ["Ama Mensah", "Juma Otieno", "KILONZO Peter", "Zawadi Kilonzo"]
    assert store.people.get(zawadi.id).phone is None  # left out: her record untouched, not silently merged
    assert dialog.import_result.held == 1


def test_an_action_title_with_a_mention_reads_as_the_name_in_the_meetings_actions(ctx, store, group, qtbot):
    zawadi, _juma = _people(store, group)
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1), title="Plenary")
    store.actions.create(group_id=group.id, meeting_id=meeting.id, title=f"Call {mention(zawadi.id)}",
                         due_date=date(2025, 4, 1))
    page = _editor(qtbot, ctx, store, meeting)
    panel = page.editor.actions_panel
    panel.set_meeting(meeting.id)
    panel.reload()  # the panel loads when shown
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.index(0, 0).data() == "Call Zawadi Kilonzo"
