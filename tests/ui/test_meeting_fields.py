"""The meeting editor's date and time fields (issue 16): typed dates over a selected one, times, and what is wrong."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from fieldgroup.i18n import set_locale
from fieldgroup.ui.pages.meetings_page import MeetingsPage


def _page(qtbot, ctx) -> MeetingsPage:
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    return page


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def _type_over(qtbot, edit, text: str) -> None:
    """Select what is there and type over it, then leave the field (as Tab would)."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    edit.editingFinished.emit()


def test_typing_a_date_over_the_selected_one_keeps_every_part_of_it(qtbot, ctx, store, group):
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2026, 3, 4), title="Plenary")
    page = _page(qtbot, ctx)
    page.open_record(meeting.id)
    _type_over(qtbot, page.editor.date.edit, "2027-01-15")
    assert page.editor.save_now()
    assert store.meetings.get(meeting.id).date == date(2027, 1, 15)


def test_french_dates_typed_in_the_french_way_and_a_wrong_one_is_said(qtbot, ctx, store, group):
    set_locale("fr")
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2026, 3, 4), title="Plénière")
    page = _page(qtbot, ctx)
    page.open_record(meeting.id)
    assert page.editor.date.text() == "04/03/2026"
    _type_over(qtbot, page.editor.date.edit, "15/01/2027")
    assert page.editor.save_now()
    assert store.meetings.get(meeting.id).date == date(2027, 1, 15)
    _type_over(qtbot, page.editor.date.edit, "31/02/2027")
    message = page.editor.errors.message("date")
    assert "31/02/2027" in message and "2027-01-15" in message
    page.editor.title.setText("Plénière de février")  # another change: the save must not guess the date
    assert not page.editor.save()
    assert store.meetings.get(meeting.id).date == date(2027, 1, 15)
    assert page.editor.errors.message("date")


def test_the_calendar_picks_a_date(qtbot, ctx, store, group):
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2026, 3, 4), title="Plenary")
    page = _page(qtbot, ctx)
    page.open_record(meeting.id)
    field = page.editor.date
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    assert field.calendar.isVisible()
    field.calendar.setSelectedDate(field.calendar.selectedDate().addDays(3))
    field.calendar.activated.emit(field.calendar.selectedDate())
    assert not field.calendar.isVisible()
    assert page.editor.save_now()
    assert store.meetings.get(meeting.id).date == date(2026, 3, 7)


def test_start_and_end_time_in_the_editor_the_list_and_the_heading(qtbot, ctx, store, group):
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2026, 3, 4), title="Plenary")
    page = _page(qtbot, ctx)
    page.open_record(meeting.id)
    editor = page.editor
    _type_over(qtbot, editor.start_time, "9.30")
    _type_over(qtbot, editor.end_time, "12:00")
    assert plain(editor.start_time.text()) == "9:30 AM"  # CLDR puts a narrow no-break space before AM
    assert editor.save_now()
    saved = store.meetings.get(meeting.id)
    assert (saved.start_time, saved.end_time) == ("09:30", "12:00")
    assert "9:30 AM – 12:00 PM" in plain(editor.heading.text())
    assert plain(page.model.data(page.model.index(0, 0))) == "Mar 4, 2026, 9:30 AM"
    _type_over(qtbot, editor.end_time, "8:00")
    assert not editor.save()
    assert "ends before it starts" in editor.errors.message("start_time")
    assert store.meetings.get(meeting.id).end_time == "12:00"
    _type_over(qtbot, editor.start_time, "nine")
    assert not editor.save()
    assert "is not a time" in editor.errors.message("start_time")


def test_a_due_date_typed_over_the_selected_one(qtbot, store, group):
    from fieldgroup.ui.dialogs.action_item_dialog import ActionItemDialog

    dialog = ActionItemDialog(store, group.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("Share the grievance map")
    _type_over(qtbot, dialog.due.edit, "2027-01-15")
    dialog.save()
    assert dialog.saved is not None and dialog.saved.due_date == date(2027, 1, 15)


def test_a_two_digit_year_is_taken_when_typing_ends_never_halfway(qtbot, store):
    from fieldgroup.ui.widgets.date_field import DateField

    set_locale("fr")
    field = DateField(None, date(2026, 3, 4))
    qtbot.addWidget(field)
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "15/01/20")
    assert field.date().year() == 2026  # a pause here must not save 2020
    qtbot.keyClicks(field.edit, "27")
    assert (field.date().year(), field.date().month(), field.date().day()) == (2027, 1, 15)
    field.set_text("16/01/28")
    field.edit.editingFinished.emit()
    assert field.text() == "16/01/2028" and field.check("date") == date(2028, 1, 16)


def test_a_day_and_month_typed_without_leading_zeros_are_read(qtbot, store):
    from fieldgroup.ui.widgets.date_field import parse_date

    for language, typed in (("fr", "5/1/2027"), ("pt", "5/1/2027"), ("id", "5/1/27"), ("fr", "05/01/2027")):
        set_locale(language)
        assert parse_date(typed) == date(2027, 1, 5), (language, typed)
    set_locale("fr")
    assert parse_date("5/1/202", short_years=False) is None  # halfway through a year is not a date yet
