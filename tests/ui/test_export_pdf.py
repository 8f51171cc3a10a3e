"""File ▸ Export PDF and Print handout: ask, build in the background, protected names only when ticked."""

from datetime import date

from pypdf import PdfReader

from fieldgroup.ui import report_export
from fieldgroup.ui.dialogs.export_pdf_dialog import ExportPdfDialog


def pdf_text(path):
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def meeting_with_protected_person(store, group):
    org = store.organisations.create(group_id=group.id, name="Wassa Community Voice", pillar="civil_society")
    person = store.people.create(organisation_id=org.id, name="Esi Protected-Defender", protected=True)
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 2), place="Tarkwa",
                                    minutes="Esi Protected-Defender reported threats near the mine.")
    store.attendance.set(meeting.id, person.id)
    return meeting


def drive_export(qtbot, monkeypatch, answer_dialog, start, out, include_protected=False):
    opened = []
    monkeypatch.setattr(report_export, "offer_to_open", lambda parent, path: opened.append(path))

    def fill(dialog):
        dialog.path.setText(str(out))
        dialog.protected.setChecked(include_protected)
        dialog.accept()

    answer_dialog(ExportPdfDialog, fill)
    start()
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    return opened[0]


def test_print_handout_from_the_meeting_editor_hides_protected_names(qtbot, window, store, group, tmp_path,
                                                                    monkeypatch, answer_dialog):
    meeting = meeting_with_protected_person(store, group)
    window.ctx.set_group(group.id)
    page = window.show_page("meetings")
    window.open_record("meetings", meeting.id)
    qtbot.waitUntil(lambda: page.editor.meeting is not None and page.editor.meeting.id == meeting.id)
    assert page.editor.print_button.isEnabled()
    saved = drive_export(qtbot, monkeypatch, answer_dialog, page.editor.print_button.click, tmp_path / "h.pdf")
    text = pdf_text(saved)
    assert "Tarkwa" in text and "Esi Protected-Defender" not in text and "Protected participant" in text


def test_export_menu_makes_an_internal_copy_only_when_asked(qtbot, window, store, group, tmp_path,
                                                           monkeypatch, answer_dialog):
    meeting_with_protected_person(store, group)
    window.ctx.set_group(group.id)
    action = window.export_actions["meeting"]
    assert action.isEnabled()
    saved = drive_export(qtbot, monkeypatch, answer_dialog, action.trigger, tmp_path / "internal.pdf",
                         include_protected=True)
    text = pdf_text(saved)
    assert "Esi Protected-Defender" in text and "nternal" in text
    store.actions.create(group_id=group.id, title="Send the incident protocol", due_date=date(2025, 5, 30))
    tracker = drive_export(qtbot, monkeypatch, answer_dialog, window.export_actions["actions"].trigger,
                           tmp_path / "tracker.pdf")
    assert "Send the incident protocol" in pdf_text(tracker)


def test_a_report_that_cannot_be_made_says_why(qtbot, window, store, group, tmp_path, monkeypatch, answer_dialog):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: warnings.append(text) or 0)
    window.ctx.set_group(group.id)

    def fill(dialog):
        dialog.path.setText(str(tmp_path / "empty.pdf"))
        dialog.accept()

    answer_dialog(ExportPdfDialog, fill)
    window.export_actions["actions"].trigger()
    qtbot.waitUntil(lambda: bool(warnings), timeout=30_000)
    assert "no action items yet" in warnings[0] and not (tmp_path / "empty.pdf").exists()


def test_dialog_names_the_file_and_never_overwrites_silently(qtbot, store, group, tmp_path, monkeypatch):
    """The default name carries document, meeting date and language; an existing file needs a yes."""
    from PySide6.QtWidgets import QMessageBox

    meeting = meeting_with_protected_person(store, group)
    dialog = ExportPdfDialog(store, group.id, "meeting", meeting.id)
    qtbot.addWidget(dialog)
    assert dialog.path.text().endswith("handout-Ghana-ICWG-2025-05-02-en.pdf")
    existing = tmp_path / "handout.pdf"
    existing.write_bytes(b"yesterday's handout")
    dialog.path.setText(str(existing))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **_kw: asked.append(args) or QMessageBox.StandardButton.No)
    dialog.accept()
    assert asked and dialog.result() != dialog.DialogCode.Accepted


def test_me_dialog_offers_periods_last_complete_first(qtbot, store, group):
    dialog = ExportPdfDialog(store, group.id, "indicators")
    qtbot.addWidget(dialog)
    assert dialog.period.currentData() == "2025-Q1"  # the store's today is June 15, 2025
    assert dialog.choice().period == "2025-Q1" and "me-progress-Ghana-ICWG-2025-Q1-en.pdf" in dialog.path.text()


def test_participation_dialog_offers_sub_groups_only_where_there_are_some(qtbot, store, group):
    dialog = ExportPdfDialog(store, group.id, "participation")
    qtbot.addWidget(dialog)
    assert not dialog.with_subgroups.isVisibleTo(dialog) and dialog.choice().include_subgroups is False
    store.groups.create(name="Western Region ICWG", parent_id=group.id, kind="regional", region="Western")
    dialog = ExportPdfDialog(store, group.id, "participation")
    qtbot.addWidget(dialog)
    assert dialog.with_subgroups.isVisibleTo(dialog)
    dialog.with_subgroups.setChecked(True)
    assert dialog.choice().include_subgroups is True
    tracker = ExportPdfDialog(store, group.id, "actions")  # the tracker PDF takes them in too
    qtbot.addWidget(tracker)
    assert tracker.with_subgroups.isVisibleTo(tracker) and not tracker.with_subgroups.isChecked()
    assert "action items" in tracker.with_subgroups.toolTip()
    tracker.with_subgroups.setChecked(True)
    assert tracker.choice().include_subgroups is True
    me = ExportPdfDialog(store, group.id, "indicators")  # the M&E report rolls them up unless unticked
    qtbot.addWidget(me)
    assert me.with_subgroups.isVisibleTo(me) and me.with_subgroups.isChecked()
    assert me.choice().include_subgroups is False and me.choice().this_group_only is False
    me.with_subgroups.setChecked(False)
    assert me.choice().this_group_only is True


def test_tracker_export_from_the_actions_page_starts_from_its_sub_groups_box(qtbot, window, store, group,
                                                                            answer_dialog):
    store.groups.create(name="Western Region ICWG", parent_id=group.id, kind="regional", region="Western")
    window.ctx.set_group(group.id)
    page = window.show_page("actions")
    qtbot.waitUntil(lambda: not page.with_subgroups.isHidden())
    seen = answer_dialog(ExportPdfDialog, lambda dialog: dialog.reject())
    for ticked in (True, False, True):  # the page's state each time, whichever way it was last
        page.with_subgroups.setChecked(ticked)
        window.export_actions["actions"].trigger()
        assert seen[-1].with_subgroups.isChecked() is ticked and seen[-1].choice().include_subgroups is ticked
    window.show_page("dashboard")  # from another page: the box's own default (the group alone)
    window.export_actions["actions"].trigger()
    assert seen[-1].with_subgroups.isVisibleTo(seen[-1]) and not seen[-1].with_subgroups.isChecked()


def test_me_report_from_the_indicators_page_counts_what_the_page_counts(qtbot, window, store, group, tmp_path,
                                                                       monkeypatch, answer_dialog):
    region = store.groups.create(name="Western Region ICWG", parent_id=group.id, kind="regional", region="Western")
    store.indicators.create(group_id=group.id, code="1.1", name="Coordination meetings held", unit="number",
                            period_kind="quarter", computed="meetings_held")
    for day, holder in ((5, group), (6, region), (7, region), (8, region)):
        store.meetings.create(group_id=holder.id, kind="plenary", date=date(2025, 2, day), place="Takoradi")
    window.ctx.set_group(group.id)
    page = window.show_page("indicators")
    qtbot.waitUntil(lambda: not page.with_subgroups.isHidden())
    assert page.with_subgroups.isChecked()  # computed indicators roll the sub-groups up at first
    page.with_subgroups.setChecked(False)  # the page now counts the group's own meeting only
    saved = drive_export(qtbot, monkeypatch, answer_dialog, window.export_actions["indicators"].trigger,
                         tmp_path / "own.pdf")
    own = pdf_text(saved)
    page.with_subgroups.setChecked(True)
    rolled = pdf_text(drive_export(qtbot, monkeypatch, answer_dialog, window.export_actions["indicators"].trigger,
                                   tmp_path / "all.pdf"))
    assert "Coordination meetings held\n1\n" in own  # the national group's one meeting, as the page showed
    assert "Coordination meetings held\n4\n" in rolled  # and the region's three with it when ticked


def test_only_the_rows_a_report_needs_are_on_show(qtbot, store, group):
    shown = {}
    for kind in ("meeting", "actions", "indicators"):
        dialog = ExportPdfDialog(store, group.id, kind)
        qtbot.addWidget(dialog)
        dialog.show()
        shown[kind] = (dialog.meeting.isVisible(), dialog.period.isVisible())
    assert shown == {"meeting": (True, False), "actions": (False, False), "indicators": (False, True)}
