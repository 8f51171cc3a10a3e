"""An erasure whose wipe a long background read refused is finished once the reads are done: the erased
name does not wait in the WAL until the store is closed (found while testing the search index, issue 16)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fieldgroup.core import create_store, erasure

NAME = "Xqvyth Zbrodnik"


def _bytes(path: Path) -> bytes:
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _store_with_a_protected_person(tmp_path):
    store = create_store(tmp_path / "s.fgstore", today=lambda: date(2025, 6, 15))
    group = store.groups.create(name="Ghana ICWG")
    org = store.organisations.create(group_id=group.id, name="Haki Centre", pillar="civil_society")
    person = store.people.create(organisation_id=org.id, name=NAME, protected=True)
    for n in range(30):
        store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1),
                              minutes=f"Meeting {n}: {NAME} spoke about grievances near the mine.")
    return store, person


def test_a_wipe_refused_by_a_reader_is_done_when_the_reader_has_finished(tmp_path):
    store, person = _store_with_a_protected_person(tmp_path)
    reader = store.reopen(read_only=True)  # a page's background read, still running
    reader.conn.execute("BEGIN")
    reader.conn.execute("SELECT count(*) FROM meetings").fetchone()
    store.conn.execute("PRAGMA busy_timeout = 50")  # the 5 s wait, shortened for the test
    store.people.delete(person.id)  # protected: erased
    assert NAME.split()[1].encode() in _bytes(store.path)  # the reader kept the old pages alive
    assert erasure.wipe_if_pending(store) is False  # still reading: nothing yet, and no harm
    reader.conn.execute("COMMIT")
    reader.close()
    assert erasure.wipe_if_pending(store) is True
    assert NAME.split()[1].encode() not in _bytes(store.path)
    assert erasure.wipe_if_pending(store) is False  # done once
    store.close()


def test_the_window_wipes_when_its_last_background_read_reports_back(qtbot, tmp_path, monkeypatch):
    from fieldgroup.ui import ops
    from fieldgroup.ui.main_window import MainWindow

    store, _person = _store_with_a_protected_person(tmp_path)
    window = MainWindow(store)
    qtbot.addWidget(window)
    wiped = []
    monkeypatch.setattr(erasure, "wipe_if_pending", lambda s: wiped.append(s) or True)
    done = []
    ops.QueryOp(window, store).run(lambda s: s.meetings.count(), done.append)
    qtbot.waitUntil(lambda: bool(done) and not ops.running_ops())
    qtbot.waitUntil(lambda: bool(wiped))
    assert wiped[-1] is store
