"""Minutes as sections for audiences in the meeting editor, and the public summary printed from there."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldgroup.ui.pages.meetings_page import MeetingsPage


def test_write_a_public_section_and_print_the_public_summary(qtbot, ctx, store, pillars, tmp_path, monkeypatch):
    from fieldgroup.ui import report_export

    monkeypatch.setattr(report_export, "offer_to_open", lambda *a: None)
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.editor.title, "Plenary on grievances")
    panel = page.editor.sections_panel
    panel.new_button.click()  # saves the new meeting first
    meeting_id = page.editor.meeting.id
    name = pillars["civil_society"][1].name
    panel.heading.setText("Grievance mechanisms")
    panel.body.setPlainText(f"{name} presented the community's view.")
    panel.audience.setCurrentIndex(panel.audience.findData("public"))
    panel.save_button.click()
    panel.new_button.click()
    panel.heading.setText("Security incident")
    panel.save_button.click()  # members only
    sections = store.minute_sections.of_meeting(meeting_id)
    assert [(s.heading, s.audience) for s in sections] == [("Grievance mechanisms", "public"),
                                                          ("Security incident", "members")]
    out = tmp_path / "summary.pdf"
    signals = panel.print_summary(out)
    with qtbot.waitSignal(signals.finished, timeout=15_000):
        pass
    assert out.exists() and out.stat().st_size > 1000
