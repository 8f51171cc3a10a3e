"""One store, one app: a second opener is told the store is busy, until the first closes or dies."""

import os
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from fieldgroup.core import create_store, open_store
from fieldgroup.core.errors import StoreBusyError
from fieldgroup.core.store_lock import StoreLock, lock_path

BUSY = "This store is already open in another FieldGroup window; switch to that window or close it first."

HOLDER = """
import sys
from fieldgroup.core import open_store
store = open_store(sys.argv[1])
print("open", flush=True)
sys.stdin.read()  # hold the store until the test closes our stdin (or kills us)
store.close()
print("closed", flush=True)
"""


def start_holder(path):
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "open"
    return proc


def test_a_second_open_in_the_same_process_is_refused_until_the_first_closes(store):
    with pytest.raises(StoreBusyError) as info:
        open_store(store.path)
    assert str(info.value) == BUSY
    store.close()
    with open_store(store.path) as again:
        assert again.groups.count() == 0
    assert not lock_path(store.path).exists()  # a clean close leaves nothing behind


def test_a_refused_second_open_does_not_disturb_the_first(store):
    with pytest.raises(StoreBusyError):
        open_store(store.path)
    store.groups.create(name="Still writable")
    assert lock_path(store.path).exists()


def test_another_process_holding_the_store_blocks_us_until_it_closes(tmp_path):
    path = tmp_path / "s.fgstore"
    create_store(path).close()
    proc = start_holder(path)
    try:
        with pytest.raises(StoreBusyError, match="already open"):
            open_store(path)
    finally:
        proc.stdin.close()
        assert proc.stdout.readline().strip() == "closed"
        proc.wait()
    open_store(path).close()


def test_a_killed_holder_leaves_a_stale_lock_that_is_taken_over(tmp_path):
    path = tmp_path / "s.fgstore"
    create_store(path).close()
    proc = start_holder(path)
    with pytest.raises(StoreBusyError):
        open_store(path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert str(proc.pid) in lock_path(path).read_text()  # the dead holder's details are still there
    with open_store(path) as s:
        assert s.records.lock.stale["pid"] == proc.pid
        s.groups.create(name="After the crash")


def test_creating_a_store_takes_the_lock_too(tmp_path):
    path = tmp_path / "new.fgstore"
    with create_store(path):
        with pytest.raises(StoreBusyError):
            open_store(path)


def test_the_lock_is_released_when_opening_fails_after_taking_it(tmp_path, monkeypatch):
    path = tmp_path / "s.fgstore"
    create_store(path).close()
    from fieldgroup.core import store_integrity

    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure while opening")

    monkeypatch.setattr(store_integrity, "verify_on_open", broken)
    with pytest.raises(RuntimeError):
        open_store(path)
    monkeypatch.undo()
    open_store(path).close()


def test_lock_object_can_be_used_as_a_context_manager(tmp_path):
    store_path = tmp_path / "x.fgstore"
    with StoreLock(store_path) as lock:
        assert lock.held
        with pytest.raises(StoreBusyError):
            StoreLock(store_path).acquire()
    assert not lock.held
    StoreLock(store_path).acquire().release()


def in_worker_thread(fn):
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(fn).result()


def test_a_worker_thread_of_the_window_shares_its_lock(store):
    """Background work (ui/tasks.py) opens its own connection: it must not be told the store is busy."""
    worker = in_worker_thread(lambda: open_store(store.path))
    in_worker_thread(lambda: worker.groups.create(name="Written in the background"))
    store.close()
    with pytest.raises(StoreBusyError):  # the worker still has the store: nobody else may open it
        open_store(store.path)
    in_worker_thread(worker.close)
    with open_store(store.path) as again:
        assert [g.name for g in again.groups.list()] == ["Written in the background"]
    assert not lock_path(store.path).exists()


def test_restoring_from_a_worker_thread_while_the_window_has_the_store_is_refused(store):
    from fieldgroup.core import backups

    backup = backups.backup_now(store)
    with pytest.raises(StoreBusyError):
        in_worker_thread(lambda: backups.restore_backup(backup, store.path))
