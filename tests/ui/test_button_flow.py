"""A row of buttons in a narrow pane wraps onto a second line instead of cutting French labels."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from fieldgroup.ui.widgets.button_flow import ButtonFlow

LABELS = ("Ajouter une période…", "Modifier la période…", "Retirer la période…", "Marquer vérifiée…")


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

    from fieldgroup.i18n import set_locale
    from fieldgroup.ui.pages.meetings_page import MeetingsPage
    from fieldgroup.ui.widgets.table_layout import content_width

    org = store.organisations.create(group_id=group.id, pillar="civil_society",
                                     name="Association des femmes des communautés minières de Tarkwa")
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 7, 5), place="Accra")
    for name, protected in (("Gloria Amponsah", True), ("Kofi Boateng", False), ("Ama Serwaa", False)):
        person = store.people.create(organisation_id=org.id, name=name, protected=protected)
        store.attendance.set(meeting.id, person.id, "present")
    set_locale("fr")
    try:
        page = MeetingsPage(ctx)
        qtbot.addWidget(page)
        page.resize(1150, 650)  # what the page gets inside a 1366×768 window
        page.show()
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
    finally:
        set_locale("en")
