"""Help ▸ Restore from backup puts an older state back, keeping the current one as a backup."""

from PySide6.QtWidgets import QMessageBox

from fieldgroup.core import backups
from fieldgroup.ui import main_window as main_window_module
from fieldgroup.ui.dialogs.restore_dialog import RestoreDialog


def test_restore_from_backup_brings_back_the_older_store(qtbot, window, store, group, monkeypatch, answer_dialog):
    backups.backup_now(store)
    store.groups.update(group.id, name="Renamed after the backup")
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)

    def choose_newest(dialog):
        assert dialog.chosen is not None
        dialog.accept()

    answer_dialog(RestoreDialog, choose_newest)
    before = list(main_window_module.OPEN_WINDOWS)
    window.restore_from_backup()
    new_windows = [w for w in main_window_module.OPEN_WINDOWS if w not in before]
    assert len(new_windows) == 1
    restored = new_windows[0]
    qtbot.addWidget(restored)
    assert [g.name for g in restored.ctx.store.groups.list()] == ["Ghana ICWG"]
    kept = [b for b in backups.list_backups(restored.ctx.store.path) if b.reason != "manual"]
    assert kept, "the store as it was before the restore is kept as a backup"
    restored.close()
    restored.ctx.store.close()
