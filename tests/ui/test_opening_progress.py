"""Opening a store that must be migrated first: the open runs off the GUI thread and a window says so."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from fieldgroup.core import create_store, store_schema
from fieldgroup.core import store as store_module
from fieldgroup.ui.first_run import open_unlocked


def test_a_slow_migration_shows_progress_and_the_window_keeps_answering(tmp_path, qtbot, monkeypatch):
    path = tmp_path / "old.fgstore"
    with monkeypatch.context() as old_version:  # a store from before the search index (migration 4)
        old_version.setattr(store_module, "MIGRATIONS", store_schema.MIGRATIONS[:3])
        old_version.setattr(store_module, "SCHEMA_VERSION", 3)
        create_store(path).close()
    release = threading.Event()
    build_index = store_schema.MIGRATIONS[3]

    def slow_index(conn):  # stands for the ~11 s index build of a big store; goes on once seen
        release.wait(60)
        build_index(conn)

    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_schema.MIGRATIONS[:3], slow_index, *store_schema.MIGRATIONS[4:]])
    seen: dict[str, object] = {"ticks": 0}

    def watch() -> None:  # runs from the event loop while the store opens: it must keep running
        seen["ticks"] = int(seen["ticks"]) + 1
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QProgressDialog) and w.objectName() == "opening_progress" and w.isVisible()), None)
        if dialog is not None:
            seen["text"] = dialog.labelText()
            release.set()
        elif not release.is_set():
            QTimer.singleShot(20, watch)

    QTimer.singleShot(0, watch)
    store = open_unlocked(path)
    try:
        assert "old.fgstore" in str(seen.get("text"))
        assert int(seen["ticks"]) > 1  # the event loop ran while the migration was under way
        assert store.schema_version == store_schema.SCHEMA_VERSION
        store.groups.create(name="After the update")  # the store opened on a worker thread works here
        assert [g.name for g in store.groups.list()] == ["After the update"]
    finally:
        store.close()
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_an_open_that_fails_raises_its_own_error(tmp_path, qtbot):
    import pytest

    from fieldgroup.core.errors import NotAStoreError

    bad = tmp_path / "notes.fgstore"
    bad.write_text("not a store", encoding="utf-8")
    with pytest.raises(NotAStoreError):
        open_unlocked(bad)
