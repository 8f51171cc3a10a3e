"""The meeting editor driven through its widgets: create, attendance and balance, action items, validation, delete."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from qt_helpers import press

from fieldgroup.ui.dialogs.action_item_dialog import ActionItemDialog
from fieldgroup.ui.dialogs.quick_person_dialog import QuickPersonDialog
from fieldgroup.ui.pages.meetings_page import MeetingsPage
from fieldgroup.ui.widgets.dates import to_qdate


def make_page(qtbot, ctx) -> MeetingsPage:
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitUntil(lambda: not page.loading())  # the list is read in the background
    return page


def create_meeting(qtbot, page: MeetingsPage, title: str = "Plenary on grievances") -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.editor.title, title)
    qtbot.keyClicks(page.editor.place, "Accra")
    page.editor.save_now()


def add_attendee(qtbot, page: MeetingsPage, name: str) -> None:
    panel = page.editor.attendance
    panel.search.clear()
    qtbot.keyClicks(panel.search, name)
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1)
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)  # one match left: Enter adds it


def select_attendee(page: MeetingsPage, name: str) -> None:
    panel = page.editor.attendance
    row = panel.lines.find_row(lambda line: line.name == name)
    assert row >= 0, name
    panel.table.selectRow(row)


def test_create_meeting_and_balance_with_three_pillars(qtbot, ctx, store, pillars):
    page = make_page(qtbot, ctx)
    create_meeting(qtbot, page)
    meetings = store.meetings.list()
    assert [m.title for m in meetings] == ["Plenary on grievances"]
    assert page.model.rowCount() == 1
    page.editor.tabs.setCurrentWidget(page.editor.attendance)
    for name in ("company person", "government person", "civil_society person"):
        add_attendee(qtbot, page, name)
    status = page.editor.balance.status_label.text()
    assert "balanced" in status and "1.00" in status
    assert "Women's share: 67" in page.editor.balance.text()

    select_attendee(page, "civil_society person")
    qtbot.mouseClick(page.editor.attendance.remove_button, Qt.MouseButton.LeftButton)
    assert "missing pillar" in page.editor.balance.status_label.text()
    assert "Civil society" in page.editor.balance.status_label.text()
    assert [line.name for line in store.attendance.of_meeting(meetings[0].id)] == ["company person", "government person"]
    # The list shows the new balance too, once worked out in the background.
    qtbot.waitUntil(lambda: "missing pillar" in page.model.data(page.model.index(0, 3)))


def test_excused_people_do_not_count_for_balance(qtbot, ctx, pillars):
    page = make_page(qtbot, ctx)
    create_meeting(qtbot, page)
    for name in ("company person", "government person", "civil_society person"):
        add_attendee(qtbot, page, name)
    select_attendee(page, "government person")
    excused = [b for b in page.editor.attendance.list_box.findChildren(type(page.new_button)) if "excused" in b.text()][0]
    qtbot.mouseClick(excused, Qt.MouseButton.LeftButton)
    assert "missing pillar" in page.editor.balance.status_label.text()
    assert "excused" in page.editor.attendance.lines.data(page.editor.attendance.lines.index(
        page.editor.attendance.lines.find_row(lambda line: line.name == "government person"), 3))


def test_adding_an_attendee_saves_a_new_meeting_first(qtbot, ctx, store, pillars):
    page = make_page(qtbot, ctx)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.editor.title, "Workshop")
    add_attendee(qtbot, page, "company person")
    assert store.meetings.count() == 1
    assert not page.editor.dirty


def test_quick_add_person_with_new_organisation(qtbot, ctx, store, answer_dialog):
    page = make_page(qtbot, ctx)
    create_meeting(qtbot, page)

    def fill(dialog: QuickPersonDialog) -> None:
        qtbot.keyClicks(dialog.name, "Grace Ayensu")
        dialog.gender.setCurrentIndex(dialog.gender.findData("female"))
        dialog.organisation.setCurrentIndex(dialog.organisation.findData("__new__"))
        qtbot.keyClicks(dialog.org_name, "Tarkwa Women's Forum")
        dialog.pillar.setCurrentIndex(dialog.pillar.findData("civil_society"))
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    answer_dialog(QuickPersonDialog, fill)
    qtbot.mouseClick(page.editor.attendance.new_person_button, Qt.MouseButton.LeftButton)
    [line] = store.attendance.of_meeting(store.meetings.list()[0].id)
    assert (line.name, line.organisation, line.pillar, line.status) == (
        "Grace Ayensu", "Tarkwa Women's Forum", "civil_society", "present")
    assert "Civil society 1" in page.editor.balance.text()


def test_quick_add_names_a_missing_organisation_name_beside_its_field(qtbot, ctx, store, answer_dialog):
    page = make_page(qtbot, ctx)
    create_meeting(qtbot, page)
    messages = []

    def fill(dialog: QuickPersonDialog) -> None:
        qtbot.keyClicks(dialog.name, "Grace Ayensu")
        dialog.organisation.setCurrentIndex(dialog.organisation.findData("__new__"))
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
        messages.append(dialog.errors.message("organisation_name"))
        dialog.reject()

    answer_dialog(QuickPersonDialog, fill)
    qtbot.mouseClick(page.editor.attendance.new_person_button, Qt.MouseButton.LeftButton)
    assert "Name is required" in messages[0]
    assert store.people.count() == 0 and store.organisations.count() == 0


def test_create_action_item_from_meeting(qtbot, ctx, store, pillars, answer_dialog):
    page = make_page(qtbot, ctx)
    create_meeting(qtbot, page)
    owner = pillars["government"][1]

    def fill(dialog: ActionItemDialog) -> None:
        qtbot.keyClicks(dialog.title, "Share the training report")
        dialog.owner.setCurrentIndex(dialog.owner.findData(owner.id))
        dialog.due.setDate(to_qdate(date(2025, 7, 31)))
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    answer_dialog(ActionItemDialog, fill)
    page.editor.tabs.setCurrentWidget(page.editor.actions_panel)
    qtbot.mouseClick(page.editor.actions_panel.new_button, Qt.MouseButton.LeftButton)
    [item] = store.actions.list()
    assert (item.title, item.owner_person_id, item.due_date, item.status) == (
        "Share the training report", owner.id, date(2025, 7, 31), "open")
    assert item.meeting_id == store.meetings.list()[0].id
    panel = page.editor.actions_panel
    assert panel.model.rowCount() == 1
    assert panel.model.data(panel.model.index(0, 1)) == "government person"


def test_action_item_due_before_meeting_is_refused_beside_the_due_date(qtbot, ctx, store, answer_dialog):
    page = make_page(qtbot, ctx)
    create_meeting(qtbot, page)
    seen = []

    def fill(dialog: ActionItemDialog) -> None:
        qtbot.keyClicks(dialog.title, "Too early")
        dialog.due.setDate(to_qdate(date(2025, 1, 1)))
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
        seen.append((dialog.isVisible(), dialog.form.error_text("due_date")))
        dialog.reject()

    answer_dialog(ActionItemDialog, fill)
    qtbot.mouseClick(page.editor.actions_panel.new_button, Qt.MouseButton.LeftButton)
    still_open, message = seen[0]
    assert still_open and "due date cannot be before the meeting" in message
    assert store.actions.count() == 0


def test_validation_message_next_to_the_field(qtbot, ctx, store):
    page = make_page(qtbot, ctx)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    page.editor.title.setText("x" * 201)
    page.editor.save_now()
    assert "Title is too long" in page.editor.errors.message("title")
    assert page.editor.errors.labels["title"][0].isVisible()
    assert page.editor.errors.message("place") == ""
    assert store.meetings.count() == 0
    assert page.editor.dirty  # the edits are kept for the user to fix
    page.editor.title.setText("Fixed title")
    page.editor.save_now()
    assert page.editor.errors.message("title") == "" and store.meetings.count() == 1


def test_agenda_is_ordered_and_editable(qtbot, ctx, store):
    page = make_page(qtbot, ctx)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    agenda = page.editor.agenda
    for text in ("Welcome", "Grievances", "Any other business"):
        qtbot.keyClicks(agenda.new_item, text)
        qtbot.keyClick(agenda.new_item, Qt.Key.Key_Return)
    agenda.list.setCurrentRow(2)
    qtbot.mouseClick(agenda.up_button, Qt.MouseButton.LeftButton)
    agenda.list.setCurrentRow(0)
    qtbot.mouseClick(agenda.remove_button, Qt.MouseButton.LeftButton)
    page.editor.save_now()
    assert store.meetings.list()[0].agenda_items == ["Any other business", "Grievances"]


def test_delete_asks_first_and_keeps_action_items(qtbot, ctx, store, pillars, question):
    page = make_page(qtbot, ctx)
    create_meeting(qtbot, page)
    add_attendee(qtbot, page, "company person")
    meeting = store.meetings.list()[0]
    item = store.actions.create(meeting_id=meeting.id, title="Follow up", status="open")
    ctx.changed("action_items")

    refuse = question(QMessageBox.StandardButton.No)
    qtbot.mouseClick(page.editor.delete_button, Qt.MouseButton.LeftButton)
    assert store.meetings.count() == 1
    assert "attendance list (1 person) is removed" in refuse.asked[0]
    assert "1 action item is kept, without a meeting" in refuse.asked[0]

    question(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.editor.delete_button, Qt.MouseButton.LeftButton)
    assert store.meetings.count() == 0 and store.attendance.count() == 0
    assert store.actions.get(item.id).meeting_id is None
    assert page.model.rowCount() == 0 and page.right.currentWidget() is page.empty


def test_leaving_a_meeting_saves_its_edits_without_asking(qtbot, ctx, store, question):
    store.meetings.create(group_id=ctx.group_id, kind="plenary", date=date(2025, 5, 1), title="First")
    store.meetings.create(group_id=ctx.group_id, kind="workshop", date=date(2025, 4, 1), title="Second")
    page = make_page(qtbot, ctx)
    page.table.selectRow(0)
    page.editor.title.end(False)
    qtbot.keyClicks(page.editor.title, " changed")
    asked = question(QMessageBox.StandardButton.Cancel)
    page.table.selectRow(1)
    assert not asked.asked and page.editor.meeting.title == "Second"
    assert {m.title for m in store.meetings.list()} == {"First changed", "Second"}


def test_edits_that_cannot_be_saved_yet_ask_before_leaving(qtbot, ctx, store, question):
    store.meetings.create(group_id=ctx.group_id, kind="plenary", date=date(2025, 5, 1), title="First")
    store.meetings.create(group_id=ctx.group_id, kind="workshop", date=date(2025, 4, 1), title="Second")
    page = make_page(qtbot, ctx)
    page.table.selectRow(0)
    page.editor.title.setText("x" * 201)
    cancel = question(QMessageBox.StandardButton.Cancel)
    page.table.selectRow(1)
    assert cancel.asked and page.editor.meeting.title == "First" and page.editor.dirty
    question(QMessageBox.StandardButton.Discard)
    page.table.selectRow(1)
    assert page.editor.meeting.title == "Second"
    assert {m.title for m in store.meetings.list()} == {"First", "Second"}


def test_typing_saves_after_a_pause_and_the_journal_follows_the_keys(qtbot, ctx, store):
    from fieldgroup.core import drafts as journal

    store.meetings.create(group_id=ctx.group_id, kind="plenary", date=date(2025, 5, 1), title="First")
    page = make_page(qtbot, ctx)
    page.table.selectRow(0)
    page.editor.tabs.setCurrentIndex(2)
    qtbot.keyClicks(page.editor.minutes, "Agreed to map grievances")
    qtbot.waitUntil(lambda: [d.fields["minutes"] for d in journal.list_drafts(store)]
                    == ["Agreed to map grievances"] or store.meetings.list()[0].minutes)
    qtbot.waitUntil(lambda: store.meetings.list()[0].minutes == "Agreed to map grievances")
    assert journal.list_drafts(store) == [] and not page.editor.dirty


def test_a_blank_new_meeting_is_never_saved(qtbot, ctx, store):
    page = make_page(qtbot, ctx)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.editor.ensure_saved() is None
    assert store.meetings.count() == 0 and "blank meeting" in page.editor.errors.general.text()


def test_search_filters_the_meeting_list(qtbot, ctx, store):
    store.meetings.create(group_id=ctx.group_id, kind="plenary", date=date(2025, 5, 1), title="Grievances", place="Accra")
    store.meetings.create(group_id=ctx.group_id, kind="workshop", date=date(2025, 4, 1), place="Tarkwa")
    page = make_page(qtbot, ctx)
    qtbot.keyClicks(page.search, "grievances")
    assert page.proxy.rowCount() == 1
    page.search.clear()
    qtbot.keyClicks(page.search, "workshop tarkwa")
    assert page.proxy.rowCount() == 1 and "1 of 2" in page.count_label.text()


def test_pillar_meeting_says_balance_does_not_apply(qtbot, ctx, store, pillars):
    page = make_page(qtbot, ctx)
    create_meeting(qtbot, page)
    add_attendee(qtbot, page, "civil_society person")
    assert "missing pillar" in page.editor.balance.status_label.text()
    page.editor.kind.setCurrentIndex(page.editor.kind.findData("pillar"))
    assert "does not apply" in page.editor.balance.status_label.text()
    page.editor.save_now()
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 3)) == "— one pillar")


def test_switching_group_keeps_a_new_meeting_typed_but_not_saved(qtbot, ctx, store, group):
    regional = store.groups.create(name="Western Region ICWG", parent_id=group.id)
    page = make_page(qtbot, ctx)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.editor.title, "Typed before switching group")
    ctx.set_group(regional.id)
    titles = [m.title for m in store.meetings.list(group_id=group.id)]
    assert titles == ["Typed before switching group"]  # saved in the group it was started in
    assert store.meetings.list(group_id=regional.id) == []
