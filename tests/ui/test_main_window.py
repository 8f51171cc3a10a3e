"""The main window: pages built lazily, remembered last page, keyboard shortcuts, groups, records opened."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from fieldgroup.ui.main_window import PAGES, MainWindow


def test_only_the_shown_page_is_built_at_start(window):
    assert window.current_key() == "dashboard"
    assert set(window.pages) == {"dashboard"}


def test_window_remembers_last_page_and_geometry(qtbot, store, group):
    first = MainWindow(store)
    qtbot.addWidget(first)
    first.show()
    first.resize(1100, 650)
    first.nav.setCurrentRow([spec.key for spec in PAGES].index("meetings"))
    assert first.current_key() == "meetings"
    first.close()

    second = MainWindow(store)
    qtbot.addWidget(second)
    second.show()
    assert second.current_key() == "meetings"
    assert set(second.pages) == {"meetings"}
    # The offscreen test screen is 800 px wide, so Qt clamps the width; the height shows the restore.
    assert second.height() == 650


def test_view_shortcuts_switch_pages(qtbot, window):
    for number, spec in enumerate(PAGES, start=1):
        action = next(a for a in window.findChildren(type(window.export_actions["meeting"]))
                      if a.shortcut().toString() == f"Ctrl+{number}")
        action.trigger()
        assert window.current_key() == spec.key


def test_find_focuses_the_page_search_box(qtbot, window):
    window.show_page("meetings")
    window.activateWindow()
    window.find()
    qtbot.waitUntil(lambda: window.pages["meetings"].search.hasFocus())


def test_new_meeting_shortcut_opens_a_blank_meeting(qtbot, window):
    window.new_meeting()
    page = window.pages["meetings"]
    assert window.current_key() == "meetings"
    assert page.right.currentWidget() is page.editor and page.editor.meeting is None
    assert "New meeting" in page.editor.heading.text()


def test_group_selector_only_with_several_groups(qtbot, store, group):
    single = MainWindow(store)
    qtbot.addWidget(single)
    assert single.group_combo.isHidden()
    regional = store.groups.create(name="Western Region", parent_id=group.id)
    several = MainWindow(store)
    qtbot.addWidget(several)
    several.show()
    assert not several.group_combo.isHidden()
    assert [several.group_combo.itemData(i) for i in range(2)] == [group.id, regional.id]
    page = several.show_page("meetings")
    store.meetings.create(group_id=regional.id, kind="subnational", date=date(2025, 3, 1), place="Tarkwa")
    several.group_combo.setCurrentIndex(1)
    assert several.ctx.group_id == regional.id
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)  # the list is read in the background


def test_switching_page_saves_the_meeting_being_typed(qtbot, window, question):
    from PySide6.QtWidgets import QMessageBox

    window.new_meeting()
    qtbot.keyClicks(window.pages["meetings"].editor.title, "Draft")
    asked = question(QMessageBox.StandardButton.Cancel)
    window.nav.setCurrentRow(0)
    assert not asked.asked and window.current_key() == "dashboard"
    assert [m.title for m in window.ctx.store.meetings.list()] == ["Draft"]


def test_open_record_shows_the_page_with_the_record(qtbot, window, store, group):
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 1), title="Found me")
    window.ctx.open_record("meetings", meeting.id)
    page = window.pages["meetings"]
    assert window.current_key() == "meetings" and page.editor.meeting.id == meeting.id
    window.ctx.open_record("sync", "")
    assert window.current_key() == "sync"


def test_status_bar_shows_store_and_last_sync(window, store):
    assert str(store.path) in window.store_label.text()
    assert window.sync_label.text() == "Last sync: never"
    with store.transaction():
        store.records.set_local("last_sync", "2025-06-14T09:30:00+00:00")
    window.ctx.changed("")  # what the sync page says after a sync
    assert window.sync_label.text().startswith("Last sync: Jun 14, 2025")


def test_every_export_pdf_entry_is_available(window):
    assert set(window.export_actions) == {"meeting", "actions", "indicators", "participation"}
    assert all(action.isEnabled() for action in window.export_actions.values())


def test_navigation_is_keyboard_reachable(qtbot, window):
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.current_key() == "meetings"
    assert window.nav.accessibleName() == "Pages"


def test_closing_the_window_saves_what_was_typed(qtbot, window, question):
    from PySide6.QtWidgets import QMessageBox

    window.new_meeting()
    qtbot.keyClicks(window.pages["meetings"].editor.title, "Draft")
    asked = question(QMessageBox.StandardButton.Cancel)
    window.close()
    assert not asked.asked and not window.isVisible()
    assert [m.title for m in window.ctx.store.meetings.list()] == ["Draft"]


def test_back_up_now_writes_a_backup_beside_the_store(qtbot, window, store):
    from fieldgroup.core import backups

    window.back_up()
    qtbot.waitUntil(lambda: "Backup saved" in window.statusBar().currentMessage())
    [made] = list(backups.backup_folder(store.path).glob("*.fgstore"))
    assert made.name in window.statusBar().currentMessage()
    assert made.stat().st_size > 0


def test_a_language_chosen_in_settings_applies_at_once(qtbot, window, answer_dialog):
    from fieldgroup.i18n import set_locale
    from fieldgroup.ui.dialogs.settings_dialog import SettingsDialog
    from fieldgroup.ui.main_window import OPEN_WINDOWS

    def choose_french(dialog):
        dialog.language.setCurrentIndex(dialog.language.findData("fr"))
        dialog.accept()

    answer_dialog(SettingsDialog, choose_french)
    try:
        window.open_settings()
        french = OPEN_WINDOWS[-1]
        qtbot.addWidget(french)
        assert french is not window and not window.isVisible()
        assert french.nav.item(1).text() == "Réunions" and french.ctx.store is window.ctx.store
    finally:
        set_locale("en")


def test_an_empty_store_says_where_to_start_and_why_buttons_are_grey(qtbot, tmp_path):
    from fieldgroup.core import create_store
    from fieldgroup.ui.main_window import MainWindow

    store = create_store(tmp_path / "empty.fgstore")
    try:
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.show()
        people = window.show_page("people")
        assert not people.new_person_button.isEnabled()
        assert "working group first" in people.new_person_button.toolTip()
        group = store.groups.create(name="New group")
        window.load_groups()
        window.ctx.changed("groups")
        qtbot.waitUntil(lambda: "organisation first" in people.new_person_button.toolTip())  # once read
        dashboard = window.show_page("dashboard")
        assert "Start here" in " ".join(label.text() for label in dashboard.findChildren(QLabel))
        meetings = window.show_page("meetings")
        qtbot.waitUntil(lambda: "No meetings yet" in meetings.empty.text())  # known once the list is read
        assert window.ctx.group_id == group.id
        window.close()
    finally:
        store.close()


def test_f1_opens_the_user_guide_inside_the_app(qtbot, window):
    from fieldgroup.i18n import set_locale
    from fieldgroup.ui.dialogs.guide_dialog import GuideDialog

    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.findChild(GuideDialog)
    assert guide is not None and guide.isVisible()
    assert "Your first meeting" in guide.browser.toPlainText() and not guide.note.isVisible()
    guide.close()
    set_locale("fr")
    try:
        french = GuideDialog(window)
        qtbot.addWidget(french)
        assert "Votre première réunion" in french.browser.toPlainText() and french.note.isHidden()
    finally:
        set_locale("en")
