"""Temporary and partial files a killed run left behind, removed when a store is next opened."""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

log = logging.getLogger(__name__)

# What our writers leave while they work: backup copies (`x.partial` and SQLite's journal of it),
# a demo store being built (`.x.1a2b3c4d.partial`), PDFs (`.x.abc123.part`), bundles (`.x.1a2b3c4d.tmp`).
LEFTOVER = re.compile(r"(\.partial(-journal|-wal|-shm|\.lock)?|^\..+\.part|^\..+\.[0-9a-f]{8}\.tmp)$")
# Files of other stores (or of a report or export still being written by another program) are
# only removed once nobody can still be writing them.
OTHERS_AFTER_S = 3600


def is_leftover(name: str) -> bool:
    return bool(LEFTOVER.search(name))


def clean(store_path: Path, now: float | None = None) -> list[Path]:
    """Remove leftovers beside the store and in its backups folder; returns what was removed.

    Call it holding the store's lock: then nothing else is writing this store's own temporary
    files (those named after it), which go at once; other leftovers go once an hour old."""
    now = time.time() if now is None else now
    stem = store_path.name.split(".")[0]
    removed = []
    for folder in (store_path.parent, store_path.parent / "backups"):
        try:
            candidates = [p for p in folder.iterdir() if is_leftover(p.name)]
        except OSError:
            continue
        for path in candidates:
            try:
                own = path.name.lstrip(".").startswith(stem)
                if path.is_file() and (own or now - path.stat().st_mtime > OTHERS_AFTER_S):
                    path.unlink()
                    removed.append(path)
            except OSError as exc:  # read-only stick, vanished file: never a reason not to open
                log.info("Could not remove a leftover file: %s", exc.strerror)
    if removed:
        log.info("Removed %d leftover temporary files", len(removed))
    return removed
