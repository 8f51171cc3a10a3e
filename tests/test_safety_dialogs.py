"""The first-run welcome dialog and the restore dialog, driven through their widgets."""

import sqlite3
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from fieldgroup.core import backups, open_store, store_schema
from fieldgroup.ui.dialogs.restore_dialog import RestoreDialog
from fieldgroup.ui.dialogs.welcome_dialog import WelcomeDialog


def press_ok(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_welcome_asks_for_a_name_before_starting_a_new_group(qtbot):
    dialog = WelcomeDialog(language="fr_CD")
    qtbot.addWidget(dialog)
    press_ok(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted and "name of the working group" in dialog.error.text()
    qtbot.keyClicks(dialog.name_edit, "Lubumbashi ICWG")
    dialog.country_combo.setCurrentIndex(dialog.country_combo.findData("CD"))
    assert dialog.language_combo.currentData() == "fr"  # the laptop's language is offered first
    press_ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (dialog.choice.kind, dialog.choice.name, dialog.choice.country, dialog.choice.language) == (
        "new", "Lubumbashi ICWG", "CD", "fr")


def test_welcome_restore_and_join_pick_a_file_and_cancelling_the_picker_keeps_the_dialog(qtbot, tmp_path):
    dialog = WelcomeDialog(start_folder=tmp_path)
    qtbot.addWidget(dialog)
    picked = []
    dialog.pick_file = lambda kind: picked.pop() if picked else None
    dialog.radios["restore"].click()
    assert not dialog.form.isEnabled()
    press_ok(dialog)
    assert dialog.choice is None and dialog.result() != QDialog.DialogCode.Accepted
    picked.append(tmp_path / "bundle.fgbundle")
    dialog.radios["join"].click()
    press_ok(dialog)
    assert dialog.choice.kind == "join" and dialog.choice.path == tmp_path / "bundle.fgbundle"


def test_restore_dialog_lists_backups_and_returns_only_a_usable_one(qtbot, store, group):
    good = backups.backup_now(store, "daily", now=datetime(2025, 6, 1, 9, 30))
    newer = backups.backup_now(store, "manual", now=datetime(2025, 6, 2, 9, 30))
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {store_schema.SCHEMA_VERSION + 1}")
    conn.close()
    dialog = RestoreDialog(store.path)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == 2
    assert table.item(0, 4).text().startswith("Made by a newer version")
    assert [table.item(1, c).text() for c in range(3)] == ["Jun 1, 2025 09:30", "Daily backup", "1"]
    assert dialog.chosen.path == good and dialog.restore_button.isEnabled()  # the newest usable one
    table.selectRow(0)
    assert dialog.chosen is None and not dialog.restore_button.isEnabled()
    table.selectRow(1)
    dialog.restore_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    store.groups.create(name="Made after the backup")
    store.close()
    backups.restore_backup(dialog.chosen, store.path)
    with open_store(store.path) as restored:
        assert [g.name for g in restored.groups.list()] == [group.name]


def test_restore_dialog_says_when_there_is_no_backup(qtbot, tmp_path):
    dialog = RestoreDialog(Path(tmp_path / "none.fgstore"))
    qtbot.addWidget(dialog)
    assert not dialog.empty.isHidden() and not dialog.restore_button.isEnabled()
