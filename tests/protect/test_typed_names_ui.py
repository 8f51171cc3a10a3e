"""On screen (issue 13): an open meeting does not write plain names back over the text the export
just converted, and presentation mode masks the meeting's own title and place boxes."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import QTimer

from fieldgroup.core import typed_names
from fieldgroup.core.mentions import mention
from fieldgroup.ui.ops import catch_up_clock, with_own_store
from fieldgroup.ui.pages.meetings_page import MeetingsPage
from fieldgroup.ui.widgets import presentation
from tests.ui.conftest import ctx, isolated_settings  # noqa: F401 (fixtures)

HIDDEN = "Protected participant (Civil society)"


@pytest.fixture
def open_meeting(qtbot, ctx, store, group):  # noqa: F811
    org = store.organisations.create(group_id=group.id, name="Haki Centre", pillar="civil_society")
    zawadi = store.people.create(organisation_id=org.id, name="Zawadi Kilonzo", protected=True)
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1),
                                    title="Visit to Ms Kilonzo", place="Kilonzo farm", minutes="Ms Kilonzo will brief.")
    page = MeetingsPage(ctx)
    qtbot.addWidget(page, before_close_func=lambda p: [t.stop() for t in p.findChildren(QTimer)])
    page.resize(1300, 700)
    page.show()
    page.open_record(meeting.id)
    return page, zawadi, meeting


def _export_pass_elsewhere(ctx):  # noqa: F811
    """What the Sync page does: the pass on its own connection in a worker thread, then every page told."""
    worker = threading.Thread(target=lambda: with_own_store(ctx.store, typed_names.run))
    worker.start()
    worker.join()
    catch_up_clock(ctx.store)
    ctx.changed("")


def test_an_open_meeting_shows_the_converted_text_and_saving_keeps_it(qtbot, ctx, store, open_meeting):  # noqa: F811
    page, zawadi, meeting = open_meeting
    _export_pass_elsewhere(ctx)
    assert page.editor.minutes.toPlainText() == f"{mention(zawadi.id)} will brief."
    assert page.editor.minutes.document().toPlainText() == "Zawadi Kilonzo will brief."  # shown as the name
    page.editor.region.setText("Nairobi")  # any later edit saves every box: the plain name must not come back
    assert page.editor.save()
    saved = store.meetings.find(meeting.id)
    assert saved.minutes == f"{mention(zawadi.id)} will brief." and saved.title == f"Visit to {mention(zawadi.id)}"


def test_unsaved_typing_survives_and_is_converted_alike(qtbot, ctx, store, open_meeting):  # noqa: F811
    page, zawadi, meeting = open_meeting
    page.editor.minutes.setPlainText("Ms Kilonzo will brief. Adjourned at noon.")  # typed, not saved yet
    assert page.editor.dirty
    _export_pass_elsewhere(ctx)
    assert page.editor.minutes.toPlainText() == f"{mention(zawadi.id)} will brief. Adjourned at noon."
    assert page.editor.save()
    assert store.meetings.find(meeting.id).minutes == f"{mention(zawadi.id)} will brief. Adjourned at noon."


def test_presentation_mode_masks_the_meeting_title_and_place_boxes(qtbot, open_meeting):
    page, _zawadi, meeting = open_meeting
    editor = page.editor
    presentation.state().set(True)
    try:
        assert "Kilonzo" not in editor.title.document().toPlainText()
        assert "Kilonzo" not in editor.place.document().toPlainText()
        assert HIDDEN in editor.title.document().toPlainText()
        assert editor.title.isReadOnly() and editor.place.isReadOnly()
        assert editor.values()["title"] == "Visit to Ms Kilonzo"  # what is stored stays what was typed
        assert not editor.dirty
    finally:
        presentation.state().set(False)
    assert editor.title.document().toPlainText() == "Visit to Ms Kilonzo" and not editor.title.isReadOnly()


def test_the_sync_page_says_how_many_names_were_converted_without_naming_anyone(tmp_path):
    from pathlib import Path

    from fieldgroup.sync.exporter import ExportResult
    from fieldgroup.sync.folder import FolderSyncResult
    from fieldgroup.ui.sync_jobs import FolderOutcome
    from fieldgroup.ui.widgets.sync_summary import folder_summary

    result = FolderSyncResult(Path(tmp_path))
    result.exported = ExportResult(Path(tmp_path) / "a.fgbundle", "b", True, {}, True, 10, converted=3)
    html = folder_summary(FolderOutcome(result), {})
    assert "3 names typed as plain text were turned into mentions before export." in html


def test_minute_sections_show_converted_names_as_names_and_keep_them(qtbot, ctx, store, open_meeting):  # noqa: F811
    page, zawadi, meeting = open_meeting
    section = store.minute_sections.create(meeting_id=meeting.id, audience="internal", heading="Security",
                                           body="Ms Kilonzo reported threats.")
    page.editor.sections_panel.set_meeting(meeting.id)
    panel = page.editor.sections_panel
    _export_pass_elsewhere(ctx)
    assert panel.body.toPlainText() == f"{mention(zawadi.id)} reported threats."
    assert panel.body.document().toPlainText() == "Zawadi Kilonzo reported threats."  # a name, not a token
    panel.save_section()
    assert store.minute_sections.get(section.id).body == f"{mention(zawadi.id)} reported threats."
