"""Folder sync sweeps the temporary files its own killed bundle writer left in the mailbox, and only those
(issue 14, item 7, for the shared folder)."""

from __future__ import annotations

import os
import time

from fieldgroup.sync.folder import LEFTOVER_AFTER_S, mailbox_for, sweep_own_leftovers, sync_folder
from tests.sync.conftest import seed_group


def aged(path, seconds: float) -> None:
    path.write_bytes(b"half a bundle")
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_killed_writers_old_temporary_file_is_swept_and_nothing_else(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    seed_group(accra.store)
    sync_folder(accra.store, fast_dir)  # the mailbox exists, as on a stick used before
    mailbox = mailbox_for(accra.store, fast_dir)
    mine, theirs = accra.store.device_id, tarkwa.store.device_id
    old = 2 * LEFTOVER_AFTER_S
    leftover = mailbox / f".{mine}.fgbundle.k3x_9q2a.part"  # what atomic.py's mkstemp names it
    legacy = mailbox / f".{mine}.fgbundle.1a2b3c4d.tmp"
    kept = {
        mailbox / f".{mine}.fgbundle.fresh123.part": 60,  # written a minute ago: this laptop may be writing it
        mailbox / f".{theirs}.fgbundle.k3x_9q2a.part": old,  # a colleague's: maybe still being written
        mailbox / f".syncthing.{theirs}.fgbundle.tmp": old,  # Syncthing's own temporary file
        mailbox / f"{theirs}.sync-conflict-20250101-120000-ABCDEFG.fgbundle": old,  # Syncthing's conflict copy
        mailbox / f".{mine}.fgbundle.other.part.bak": old,  # not our pattern
    }
    aged(leftover, old)
    aged(legacy, old)
    for path, age in kept.items():
        aged(path, age)
    (mailbox / f".{mine}.fgbundle.adir.part").mkdir()  # a folder of that name is not a file of ours
    os.utime(mailbox / f".{mine}.fgbundle.adir.part", (time.time() - old, time.time() - old))
    result = sync_folder(accra.store, fast_dir)
    assert sorted(result.swept) == sorted([leftover.name, legacy.name])
    assert not leftover.exists() and not legacy.exists()
    assert all(path.exists() for path in kept) and (mailbox / f".{mine}.fgbundle.adir.part").is_dir()
    assert result.exported is not None and (mailbox / f"{mine}.fgbundle").is_file()
    assert result.as_dict()["swept"] == result.swept


def test_sweeping_a_missing_or_unreadable_mailbox_is_quiet(fast_dir):
    assert sweep_own_leftovers(fast_dir / "not-there", "0123456789abcdef") == []
