"""Export reads one snapshot: a writer committing meanwhile never leaves attendance without its meeting."""

from concurrent.futures import ThreadPoolExecutor
from datetime import date

from fieldgroup.core import open_store, store_sync
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.importer import import_bundle
from tests.sync.conftest import seed_group


def test_a_writer_committing_during_an_export_does_not_split_a_meeting_from_its_attendance(laptops, fast_dir,
                                                                                            monkeypatch):
    accra, tarkwa, _ = laptops
    group, people, _meeting = seed_group(accra.store)
    # A background task's own connection (ui/tasks.py opens one in a worker thread; it shares the lock).
    with ThreadPoolExecutor(1) as pool:
        writer = pool.submit(open_store, accra.store.path).result()
    read = store_sync.export_rows

    def rows_then_a_write(conn, table, since=None):
        rows = list(read(conn, table, since))
        if table == "meetings":  # meetings read; now the writer adds a meeting with its attendance
            with writer.transaction():
                meeting = writer.meetings.create(group_id=group.id, kind="workshop", date=date(2025, 5, 2))
                writer.attendance.set(meeting.id, people[0].id)
        return iter(rows)

    monkeypatch.setattr(store_sync, "export_rows", rows_then_a_write)
    try:
        export_bundle(accra.store, fast_dir / "during.fgbundle")
    finally:
        writer.close()
    report = import_bundle(tarkwa.store, fast_dir / "during.fgbundle")
    assert tarkwa.store.meetings.count() == 1 and tarkwa.store.attendance.count() == 3
    assert report.counts.by_table["attendance"]["new"] == 3
