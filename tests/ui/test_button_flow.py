"""A row of buttons in a narrow pane wraps onto a second line instead of cutting French labels."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from fieldgroup.ui.widgets.button_flow import ButtonFlow

LABELS = ("Ajouter une période…", "Modifier la période…", "Retirer la période…", "Marquer vérifiée…")


@contextmanager
def _french_page(qtbot, ctx, page_class=None, bundled_font: bool = False):  # noqa: ANN001, ANN202
    """A page (the meetings page unless told) in French, at the size it gets inside a 1366×768 window;
    with `bundled_font`, in the app's own font, so widths are the ones Qt paints for a coordinator."""
    from PySide6.QtWidgets import QApplication

    from fieldgroup.i18n import set_locale
    from fieldgroup.ui.pages.meetings_page import MeetingsPage
    from fieldgroup.ui.qt_i18n import register_fonts

    before = QApplication.font()
    set_locale("fr")
    if bundled_font:
        register_fonts("fr")
    try:
        page = (page_class or MeetingsPage)(ctx)
        qtbot.addWidget(page)
        page.resize(1150, 650)
        page.show()
        yield page
    finally:
        set_locale("en")
        QApplication.setFont(before)



def test_buttons_wrap_at_their_full_width_in_a_narrow_pane(qtbot):
    pane = QWidget()
    qtbot.addWidget(pane)
    buttons = [QPushButton(text) for text in LABELS]
    column = QVBoxLayout(pane)
    column.addLayout(ButtonFlow(*buttons))
    column.addStretch(1)
    pane.resize(sum(b.sizeHint().width() for b in buttons) // 2, 300)
    pane.show()
    qtbot.waitExposed(pane)
    for button in buttons:
        assert button.width() == button.sizeHint().width(), button.text()  # never cut
        assert pane.rect().contains(button.geometry()), button.text()  # never outside the pane
    assert len({b.y() for b in buttons}) >= 2  # what did not fit went to the next line


def test_a_wide_pane_keeps_them_on_one_line(qtbot):
    pane = QWidget()
    qtbot.addWidget(pane)
    buttons = [QPushButton(text) for text in LABELS]
    QVBoxLayout(pane).addLayout(ButtonFlow(*buttons))
    pane.resize(2000, 100)
    pane.show()
    qtbot.waitExposed(pane)
    assert len({b.y() for b in buttons}) == 1
    assert [b.x() for b in buttons] == sorted(b.x() for b in buttons)


def test_the_meetings_list_keeps_its_room_beside_the_french_editor(qtbot, ctx, store, group):
    from datetime import date

    from fieldgroup.i18n import set_locale
    from fieldgroup.ui.pages.meetings_page import MeetingsPage

    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 7, 5), place="Accra")
    set_locale("fr")
    try:
        page = MeetingsPage(ctx)
        qtbot.addWidget(page)
        page.resize(1150, 650)  # what the page gets inside a 1366×768 window
        page.show()
        page.open_record(meeting.id)
        page.editor.tabs.setCurrentIndex(1)  # Présence: its long "Copier les participants…" button
        qtbot.waitUntil(lambda: page.splitter.sizes()[0] > 0)
        assert page.splitter.sizes()[0] >= 0.4 * sum(page.splitter.sizes())  # dates and titles readable
    finally:
        set_locale("en")


def test_the_french_attendance_list_shows_whole_names_beside_the_picker(qtbot, ctx, store, group):
    """In French the long "Copier les participants…" button set the picker's width and cut the names."""
    from datetime import date

    from fieldgroup.ui.widgets.table_layout import content_width

    org = store.organisations.create(group_id=group.id, pillar="civil_society",
                                     name="Association des femmes des communautés minières de Tarkwa")
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 7, 5), place="Accra")
    for name, protected in (("Gloria Amponsah", True), ("Kofi Boateng", False), ("Ama Serwaa", False)):
        person = store.people.create(organisation_id=org.id, name=name, protected=protected)
        store.attendance.set(meeting.id, person.id, "present")
    with _french_page(qtbot, ctx) as page:
        page.open_record(meeting.id)
        panel = page.editor.attendance
        page.editor.tabs.setCurrentWidget(panel)
        qtbot.waitUntil(lambda: panel.lines.rowCount() == 3)
        table = panel.table
        rows = list(range(3))
        qtbot.waitUntil(lambda: table.columnWidth(0) >= content_width(table, 0, rows))  # "Gloria … (protégé)" whole
        assert panel.list_box.width() > panel.picker_box.width()  # the list, not the picker, gets the room
        button = panel.copy_button
        assert button.full_text.startswith("Copier les participants")
        assert panel.picker_box.rect().contains(button.geometry())  # its label wraps inside the picker
        assert all(button.fontMetrics().horizontalAdvance(line) < button.width() for line in button.text().split("\n"))


def test_the_french_meeting_heading_stays_on_one_line_at_1366(qtbot, ctx, store, group):
    """Beside "Toutes les modifications sont enregistrées" the heading was squeezed to a word a line."""
    from datetime import date

    meeting = store.meetings.create(group_id=group.id, kind="subnational", date=date(2025, 6, 6), place="Kumasi",
                                    start_time="09:30", end_time="12:30")
    with _french_page(qtbot, ctx) as page:
        page.open_record(meeting.id)
        heading = page.editor.heading
        qtbot.waitUntil(lambda: "juin" in heading.text())
        qtbot.waitUntil(lambda: bool(page.editor.save_state.text()))
        editor = page.editor
        buttons = editor.print_button.width() + editor.delete_button.width()
        assert heading.width() >= editor.width() - buttons - 40  # only the two buttons share its line
        assert editor.save_state.isVisible() and editor.save_state.y() >= heading.y() + heading.height()


def test_the_meetings_list_never_cuts_a_date_and_time(qtbot, ctx, store, group):
    """"13 juin 2…" read as no date at all, and two meetings on one day differ only by their time."""
    from datetime import date

    from fieldgroup.ui.widgets.table_layout import content_width

    for day in range(1, 26):
        store.meetings.create(group_id=group.id, kind="subnational", date=date(2025, 3, day), place="Kumasi",
                              title="Sub-national meeting on grievance mechanisms in the Ashanti Region " * 2,
                              start_time="09:30" if day % 3 else None)
    with _french_page(qtbot, ctx) as page:
        table = page.table
        qtbot.waitUntil(lambda: table.model().rowCount() == 25)
        rows = list(range(25))
        qtbot.waitUntil(lambda: table.columnWidth(0) >= content_width(table, 0, rows))


def test_a_date_with_a_time_far_down_the_meetings_list_is_not_cut(qtbot, ctx, store, group):
    """The column was sized from the rows on screen: the one meeting with a time, further down, read
    "28 mars 20…" in the French demo."""
    from datetime import date, timedelta

    first = date(2025, 1, 2)
    for n in range(80):
        store.meetings.create(group_id=group.id, kind="plenary", date=first + timedelta(days=7 * n), place="Accra",
                              start_time="09:30" if n == 0 else None)
    with _french_page(qtbot, ctx) as page:
        table = page.table
        qtbot.waitUntil(lambda: table.model().rowCount() == 80)
        oldest = 79  # newest first: the meeting with a time is the last row
        assert table.rowViewportPosition(oldest) > table.viewport().height()  # not on screen
        assert "09:30" in table.model().index(oldest, 0).data()
        qtbot.waitUntil(lambda: _shows_whole(table, oldest, 0))


def _shows_whole(table, row: int, column: int, icon: bool = False) -> bool:  # noqa: ANN001
    """Whether Qt paints the cell's text whole: elided to the cell's width less its margins and grid line
    (and its icon, padded like the text, when it has one)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyle

    text = table.model().index(row, column).data()
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    room = table.columnWidth(column) - margin - (1 if table.showGrid() else 0)
    if icon:
        room -= table.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, table) + margin
    return table.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room) == text


def test_french_dates_are_whole_in_the_bundled_font(qtbot, ctx, store, group):
    """At one pixel of slack, "28 mars 2025" read "28 mars 20…" in Noto Sans (the app's font in French)."""
    from datetime import date

    for day in (28, 19, 11):
        store.meetings.create(group_id=group.id, kind="workshop", date=date(2025, 3, day), place="Tarkwa")
    store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 1, 31), place="Accra")
    with _french_page(qtbot, ctx, bundled_font=True) as page:
        table = page.table
        qtbot.waitUntil(lambda: table.model().rowCount() == 4)
        qtbot.waitUntil(lambda: all(_shows_whole(table, row, 0) for row in range(4)))


def test_french_tracker_dates_are_whole_beside_long_titles(qtbot, ctx, store, group, pillars):
    """"11 août 20…" read as no year and "16 sept. 2023 · en reta…" as no warning: the due date and the
    meeting's date are never cut, whatever the titles beside them (icon padding included)."""
    from datetime import date

    from fieldgroup.ui.models.action_tracker_model import DUE, MEETING
    from fieldgroup.ui.pages.actions_page import ActionsPage

    org = pillars["company"][0]
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2023, 8, 11), place="Accra")
    for day in (16, 19, 28):
        store.actions.create(group_id=group.id, meeting_id=meeting.id, owner_organisation_id=org.id,
                             title="Follow up the complaint of farmers in Takoradi with the security provider " * 2,
                             due_date=date(2023, 9, day))
    with _french_page(qtbot, ctx, ActionsPage, bundled_font=True) as page:
        table = page.view
        qtbot.waitUntil(lambda: table.model().rowCount() == 3)
        assert "en retard" in table.model().index(0, DUE).data()
        qtbot.waitUntil(lambda: all(_shows_whole(table, row, column, icon=column == DUE)
                                    for row in range(3) for column in (DUE, MEETING)))
