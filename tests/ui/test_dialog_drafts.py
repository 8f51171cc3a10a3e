"""Save as you go in the record dialogs (issue 16): what is typed survives a crash, Cancel still cancels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from qt_helpers import press

from fieldgroup.core import drafts as journal
from fieldgroup.ui.dialogs.action_item_dialog import ActionItemDialog
from fieldgroup.ui.dialogs.dialog_draft import restore_dialog_drafts
from fieldgroup.ui.dialogs.indicator_dialog import IndicatorDialog
from fieldgroup.ui.dialogs.person_dialog import PersonDialog


def test_a_person_typed_when_the_power_went_comes_back_at_the_next_start(qtbot, store, group, answer_dialog):
    org = store.organisations.create(group_id=group.id, name="Women's Forum", pillar="civil_society")
    dialog = PersonDialog(store, group.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Ama Owusu")
    dialog.organisation.setCurrentIndex(dialog.organisation.findData(org.id))
    qtbot.mouseClick(dialog.protected, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.notes, "Met at the Tarkwa workshop")
    qtbot.waitUntil(lambda: any(d.key == "person:new" and d.fields["notes"] for d in journal.list_drafts(store)))
    assert store.people.list() == []  # nothing is a record until Save: not even the name
    dialog.hide()  # the app dies with the dialog open: no Save, no Cancel

    def check_and_save(restored: PersonDialog) -> None:
        assert restored.name.text() == "Ama Owusu" and restored.protected.isChecked()
        assert restored.notes.toPlainText() == "Met at the Tarkwa workshop"
        assert "closed before this was saved" in restored.findChild(QLabel, "draft_notice").text()
        press(qtbot, restored, QDialogButtonBox.StandardButton.Save)

    seen = answer_dialog(PersonDialog, check_and_save)
    changed: list[str] = []
    assert restore_dialog_drafts(store, None, changed.append) == 1
    assert len(seen) == 1 and changed == ["people"]
    [person] = store.people.list()
    assert (person.name, person.protected, person.organisation_id) == ("Ama Owusu", True, org.id)
    assert journal.list_drafts(store) == []


def test_cancel_drops_the_draft_and_changes_nothing(qtbot, store, group):
    item = store.actions.create(group_id=group.id, title="Share the grievance map")
    dialog = ActionItemDialog(store, group.id, item)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.selectAll()
    qtbot.keyClicks(dialog.title, "Share the map with the chiefs")
    qtbot.waitUntil(lambda: [d.key for d in journal.list_drafts(store)] == [f"action:{item.id}"])
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    assert journal.list_drafts(store) == []
    assert store.actions.get(item.id).title == "Share the grievance map"


def test_an_indicator_edit_comes_back_over_its_record(qtbot, store, group, answer_dialog):
    indicator = store.indicators.create(group_id=group.id, name="Meetings held", unit="number",
                                        direction="increase", period_kind="year")
    dialog = IndicatorDialog(store, group.id, indicator)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.baseline.setText("4")
    qtbot.waitUntil(lambda: bool(journal.list_drafts(store)))
    dialog.hide()
    seen = answer_dialog(IndicatorDialog, lambda d: press(qtbot, d, QDialogButtonBox.StandardButton.Save))
    restore_dialog_drafts(store, None, lambda _table: None)
    assert seen[0].indicator.id == indicator.id
    assert store.indicators.get(indicator.id).baseline_value == 4.0
