"""The one-writer lock follows the real file: symlinks, hard links and a deleted .lock file do not let a second writer in."""

import os
import sys

import pytest

from fieldgroup.core import create_store, open_store
from fieldgroup.core.errors import StoreBusyError
from fieldgroup.core.store_lock import StoreLock, lock_path
from tests.test_store_lock import start_holder


@pytest.fixture
def held(tmp_path):
    """A store held open by another process; stopped (cleanly) at the end."""
    path = tmp_path / "group.fgstore"
    create_store(path).close()
    proc = start_holder(path)
    yield path
    proc.stdin.close()
    proc.wait()


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_a_symlink_to_a_store_in_use_is_refused(held, tmp_path):
    other = tmp_path / "elsewhere"
    other.mkdir()
    link = other / "shortcut.fgstore"
    link.symlink_to(held)
    with pytest.raises(StoreBusyError):
        open_store(link)


def test_a_hard_link_to_a_store_in_use_is_refused(held, tmp_path):
    other = tmp_path / "elsewhere"
    other.mkdir()
    os.link(held, other / "copy.fgstore")
    with pytest.raises(StoreBusyError):
        open_store(other / "copy.fgstore")


@pytest.mark.skipif(sys.platform == "win32", reason="Windows does not let an open lock file be deleted")
def test_deleting_the_lock_file_does_not_let_a_second_writer_in(held):
    lock_path(held).unlink()
    with pytest.raises(StoreBusyError):
        open_store(held)


def test_a_new_store_is_locked_by_its_identity_too(tmp_path):
    path = tmp_path / "new.fgstore"
    with create_store(path):
        os.link(path, tmp_path / "alias.fgstore")
        with pytest.raises(StoreBusyError):
            StoreLock(tmp_path / "alias.fgstore").acquire()
    with open_store(tmp_path / "alias.fgstore") as again:  # once closed, any name opens it
        assert again.groups.count() == 0
