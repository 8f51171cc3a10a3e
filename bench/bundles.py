"""Figures 2 and 3: full-bundle import into an empty store (then the same bundle again) vs plain executemany.

Fairness of the baseline: it writes the same rows (every record table of the source store, every
column, sync columns included) into an empty store made by `create_store` — so the same schema, the
same indexes, the same WAL journal and synchronous=FULL — with one `executemany` per table in one
transaction, then commits. Ours also reads and verifies the bundle file, decompresses and parses it,
backs up the (empty) store and merges record by record; that is the cost being measured. The rows
come straight from SQLite here (this script is the bare-library side, so its SQL lives here)."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path


class ImportBench:
    def __init__(self, source: Path, work: Path):
        from fieldgroup.core import create_store, open_store
        from fieldgroup.core.schema import TABLES
        from fieldgroup.sync.exporter import export_bundle

        self.work = work
        work.mkdir(parents=True, exist_ok=True)
        self.bundle = work / "full.fgbundle"
        store = open_store(source)
        export_bundle(store, self.bundle)  # untimed: the figure is the import
        store.close()
        self.template = work / "empty.fgstore"
        for old in work.glob("empty.fgstore*"):
            old.unlink()
        create_store(self.template).close()
        conn = sqlite3.connect(source)
        self.rows: dict[str, tuple[list[str], list[tuple]]] = {}
        for name in TABLES:
            cursor = conn.execute(f"SELECT * FROM {name}")  # noqa: S608 (names come from the schema)
            self.rows[name] = ([d[0] for d in cursor.description], cursor.fetchall())
        conn.close()
        self.row_count = sum(len(rows) for _c, rows in self.rows.values())

    def _fresh(self, name: str) -> Path:
        target = self.work / name
        for old in self.work.glob(name + "*"):
            old.unlink()
        from fieldgroup.core.backups import backup_folder

        shutil.rmtree(backup_folder(target), ignore_errors=True)  # the import's own backup is part of ours
        shutil.copyfile(self.template, target)
        return target

    def ours(self) -> dict[str, float]:
        """First import into an empty store, then the same bundle again; seconds of each."""
        from fieldgroup.core import open_store
        from fieldgroup.sync.importer import import_bundle

        store = open_store(self._fresh("ours.fgstore"))
        start = time.perf_counter()
        first = import_bundle(store, self.bundle)
        middle = time.perf_counter()
        again = import_bundle(store, self.bundle)
        end = time.perf_counter()
        if first.already_had or not again.already_had:
            raise RuntimeError("the bundle did not import as a first import followed by a repeat")
        store.close()
        return {"import_s": middle - start, "reimport_s": end - middle}

    def baseline(self) -> dict[str, float]:
        path = self._fresh("plain.fgstore")
        start = time.perf_counter()
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN")
        for name, (columns, rows) in self.rows.items():
            marks = ", ".join("?" * len(columns))
            conn.executemany(f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})", rows)  # noqa: S608
        conn.execute("COMMIT")
        conn.close()
        return {"import_s": time.perf_counter() - start}
