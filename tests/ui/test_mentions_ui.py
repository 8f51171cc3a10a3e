"""Mentions in the meeting editor: type @ and pick, the guard's one-click conversion, "Not this person",
presentation mode, and the protection check dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from qt_helpers import press  # noqa: F401 - keeps the helpers importable like the other UI tests

from fieldgroup.core.mentions import mention
from fieldgroup.ui.pages.meetings_page import MeetingsPage
from fieldgroup.ui.widgets import presentation
from fieldgroup.ui.widgets.name_guard import NameGuard
from fieldgroup.ui.widgets.protection_check_dialog import ProtectionCheckDialog


def _setup(qtbot, ctx, store, group):
    org = store.organisations.create(group_id=group.id, name="Haki Centre", pillar="civil_society")
    zawadi = store.people.create(organisation_id=org.id, name="Zawadi Kilonzo", protected=True)
    juma = store.people.create(organisation_id=org.id, name="Juma Otieno")
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1), title="Plenary")
    page = MeetingsPage(ctx)
    # The draft journal and autosave write shortly after typing: stop them before the store closes.
    qtbot.addWidget(page, before_close_func=lambda p: [t.stop() for t in p.findChildren(QTimer)])
    page.resize(1300, 700)
    page.show()
    page.editor.load(store.meetings.get(meeting.id))
    return page, zawadi, juma, meeting


def test_type_at_and_pick_a_person_stores_a_mention(ctx, store, group, qtbot):
    page, _zawadi, juma, meeting = _setup(qtbot, ctx, store, group)
    minutes = page.editor.minutes
    minutes.setFocus()
    qtbot.keyClicks(minutes, "Opened by @Jum")
    qtbot.waitUntil(lambda: minutes.completer.popup().isVisible())
    qtbot.keyClick(minutes.completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(minutes.completer.popup(), Qt.Key.Key_Return)
    qtbot.keyClicks(minutes, "today.")
    assert minutes.toPlainText() == f"Opened by {mention(juma.id)} today."
    assert minutes.document().toPlainText() == "Opened by Juma Otieno today."
    assert page.editor.save()
    assert store.meetings.get(meeting.id).minutes == f"Opened by {mention(juma.id)} today."


def test_the_guard_turns_typed_names_into_mentions_in_one_click(ctx, store, group, qtbot):
    page, zawadi, _juma, meeting = _setup(qtbot, ctx, store, group)
    minutes = page.editor.minutes
    minutes.setPlainText("Ms Kilonzo will brief. KILONZO, Zawadi agreed.")
    guard = [g for g in page.editor.findChildren(NameGuard) if g.edit is minutes][0]
    qtbot.waitUntil(lambda: not guard.isHidden())
    assert "Kilonzo" not in guard.message.text()
    qtbot.mouseClick(guard.convert_button, Qt.MouseButton.LeftButton)
    assert minutes.toPlainText() == f"{mention(zawadi.id)} will brief. {mention(zawadi.id)} agreed."
    assert guard.isHidden()


def test_not_this_person_stops_the_guard_asking(ctx, store, group, qtbot):
    page, _zawadi, _juma, _meeting = _setup(qtbot, ctx, store, group)
    decisions = page.editor.decisions
    decisions.setPlainText("Zawadi Street will be repaved.")
    guard = [g for g in page.editor.findChildren(NameGuard) if g.edit is decisions][0]
    qtbot.waitUntil(lambda: not guard.isHidden())
    qtbot.mouseClick(guard.not_this_button, Qt.MouseButton.LeftButton)
    assert guard.isHidden()
    assert store.conn.execute("SELECT COUNT(*) FROM name_dismissals").fetchone()[0] == 1


def test_presentation_mode_masks_protected_names_on_screen(qtbot, window, store, group):
    org = store.organisations.create(group_id=group.id, name="Haki Centre", pillar="civil_society")
    zawadi = store.people.create(organisation_id=org.id, name="Zawadi Kilonzo", protected=True)
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1),
                                    minutes=f"{mention(zawadi.id)} will brief.", decisions="Ms Kilonzo agreed.")
    page = window.show_page("meetings")
    window.open_record("meetings", meeting.id)
    page.editor.tabs.setCurrentIndex(2)  # minutes and decisions
    qtbot.waitUntil(page.editor.minutes.isVisible)
    assert "Zawadi Kilonzo will brief." in page.editor.minutes.document().toPlainText()
    window.presentation_action.trigger()
    try:
        assert page.editor.minutes.document().toPlainText() == "Protected participant (Civil society) will brief."
        assert page.editor.minutes.toPlainText() == f"{mention(zawadi.id)} will brief."  # stored form unchanged
        decisions = page.editor.decisions
        assert decisions.document().toPlainText() == "Protected participant (Civil society) agreed."  # typed, masked too
        assert decisions.toPlainText() == "Ms Kilonzo agreed." and decisions.isReadOnly()
        assert [r.name for r in store.people.rows(group.id)] == ["Protected participant (Civil society)"]
    finally:
        window.presentation_action.trigger()
    assert not presentation.state().on


def test_protection_check_dialog_fixes_in_one_click(ctx, store, group, qtbot):
    _page, zawadi, _juma, meeting = _setup(qtbot, ctx, store, group)
    store.meetings.update(meeting.id, minutes="Ms Kilonzo will brief.")
    dialog = ProtectionCheckDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.places.count() == 1 and "Kilonzo" not in dialog.places.item(0).text()
    qtbot.mouseClick(dialog.fix_button, Qt.MouseButton.LeftButton)
    assert dialog.places.count() == 0
    assert store.meetings.get(meeting.id).minutes == f"{mention(zawadi.id)} will brief."


def test_erasing_asks_by_showing_what_will_be_scrubbed(qtbot, store, group, answer_dialog):
    from fieldgroup.ui.context import AppContext
    from fieldgroup.ui.pages.people_page import PeoplePage
    from fieldgroup.ui.widgets.erasure_confirm import ErasureConfirmDialog

    org = store.organisations.create(group_id=group.id, name="Haki Centre", pillar="civil_society")
    zawadi = store.people.create(organisation_id=org.id, name="Zawadi Kilonzo", protected=True)
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1),
                                    minutes="Ms Kilonzo will brief.", decisions=f"{mention(zawadi.id)} to follow up.")
    page = PeoplePage(AppContext(store, group.id))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.people_proxy.rowCount() == 1)
    page.people_view.selectRow(0)
    shown = []
    answer_dialog(ErasureConfirmDialog, lambda d: (shown.append([d.places.item(i).text() for i in range(d.places.count())]),
                                                   d.reject()))
    page.delete_person_button.click()
    assert "Meeting · Minutes: 1 record" in shown[0] and "Meeting · Decisions: 1 record" in shown[0]
    assert store.people.find(zawadi.id) is not None  # cancelled: nothing happened
    answer_dialog(ErasureConfirmDialog, lambda d: d.erase_button.click())
    page.delete_person_button.click()
    assert store.people.find(zawadi.id) is None
    assert "Kilonzo" not in store.meetings.get(meeting.id).minutes


def test_an_action_items_description_takes_mentions_too(qtbot, store, group):
    from fieldgroup.ui.dialogs.action_item_dialog import ActionItemDialog

    org = store.organisations.create(group_id=group.id, name="Haki Centre", pillar="civil_society")
    zawadi = store.people.create(organisation_id=org.id, name="Zawadi Kilonzo", protected=True)
    dialog = ActionItemDialog(store, group.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.description.setFocus()
    qtbot.keyClicks(dialog.description, "Ask @Zaw")
    qtbot.waitUntil(lambda: dialog.description.completer.popup().isVisible())
    qtbot.keyClick(dialog.description.completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(dialog.description.completer.popup(), Qt.Key.Key_Return)
    assert dialog.description.toPlainText() == f"Ask {mention(zawadi.id)} "
