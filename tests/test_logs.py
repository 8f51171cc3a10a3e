"""The log file: rotates, survives an unwritable folder, and keeps names and home folders out."""

import logging
import sys
from datetime import datetime
from pathlib import Path

import pytest

from fieldgroup import logs
from fieldgroup.core import backups, create_store, open_store

NAME = "Aminata Sawadogo"


@pytest.fixture
def log_folder(tmp_path):
    folder = tmp_path / "logs"
    yield folder
    logs.stop_logging()


def test_setup_logging_writes_a_file_once_however_often_it_is_called(log_folder):
    path = logs.setup_logging(folder=log_folder)
    assert path == log_folder / "fieldgroup.log"
    assert logs.setup_logging(folder=log_folder) == path
    logging.getLogger("fieldgroup.test").info("hello %s", "there")
    text = path.read_text(encoding="utf-8")
    assert text.count("hello there") == 1 and "started" in text


def test_the_log_rotates_at_one_megabyte_and_keeps_five_old_files(log_folder, monkeypatch):
    assert (logs.MAX_BYTES, logs.BACKUP_COUNT) == (1_000_000, 5)
    monkeypatch.setattr(logs, "MAX_BYTES", 20_000)  # the same rotation, 50 times smaller
    logs.setup_logging(folder=log_folder)
    log = logging.getLogger("fieldgroup.test")
    for _ in range(140):
        log.info("x" * 1000)
    files = sorted(p.name for p in log_folder.iterdir())
    assert files == ["fieldgroup.log", *(f"fieldgroup.log.{n}" for n in range(1, 6))]
    assert all(p.stat().st_size <= 20_000 for p in log_folder.iterdir())


def test_the_home_folder_is_written_as_a_tilde(log_folder):
    logs.setup_logging(folder=log_folder)
    logging.getLogger("fieldgroup.test").info("Opened %s", Path.home() / "Documents" / "group.fgstore")
    text = (log_folder / "fieldgroup.log").read_text(encoding="utf-8")
    assert "Opened ~/Documents/group.fgstore" in text.replace("\\", "/")


def test_an_unwritable_log_folder_does_not_stop_the_app(tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    try:
        assert logs.setup_logging(folder=blocker / "logs") is None
        logging.getLogger("fieldgroup.test").info("still running")
    finally:
        logs.stop_logging()


def test_everyday_work_logs_no_names_of_people(log_folder, tmp_path):
    logs.setup_logging(folder=log_folder)
    path = tmp_path / "group.fgstore"
    with create_store(path) as store:
        group = store.groups.create(name="Ghana ICWG")
        org = store.organisations.create(group_id=group.id, name="Community radio", pillar="civil_society")
        person = store.people.create(organisation_id=org.id, name=NAME, protected=True)
        meeting = store.meetings.create(group_id=group.id, kind="plenary", date="2025-06-01")
        store.attendance.set(meeting.id, person.id, "present")
        first = backups.backup_now(store, now=datetime(2025, 6, 1, 9, 0))
        backups.backup_if_due(store, now=datetime(2025, 6, 2, 9, 0))
    backups.list_backups(path)
    backups.restore_backup(first, path)
    with open_store(path) as store:
        store.people.update(person.id, name=NAME + " Jr")
    text = (log_folder / "fieldgroup.log").read_text(encoding="utf-8")
    assert "Restored" in text and "Backup" in text  # the work was logged...
    assert "Aminata" not in text  # ...without the person's name


def test_an_unexpected_error_is_logged_in_full_and_shown_as_a_reference_only(log_folder):
    logs.setup_logging(folder=log_folder)
    shown = []
    hook = logs.excepthook(lambda error, reference: shown.append(reference))
    try:
        raise ValueError(f"could not parse {NAME}")
    except ValueError:
        hook(*sys.exc_info())
    [reference] = shown
    assert reference.startswith("ValueError (test_logs.py:") and NAME not in reference
    text = (log_folder / "fieldgroup.log").read_text(encoding="utf-8")
    assert "Traceback" in text and "Unexpected ValueError" in text
