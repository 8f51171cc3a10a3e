"""A demo-like store whose every converted free-text field holds mention tokens, and the walkers
that look for a raw token in what a page, a PDF, an export or the command line shows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fieldgroup.core import open_store, typed_names
from fieldgroup.core.demo import generate_demo
from fieldgroup.core.mentions import mention

TODAY = date(2025, 6, 1)
RAW = "@{"


def tokened_store(path: Path):
    """The small demo, with every row's every converted field ending in a mention of a protected
    person, a neutral placeholder token and an erased one. Returns (store, protected person)."""
    generate_demo(path, size="small", seed=1, locale="en", today=TODAY)
    store = open_store(path, today=lambda: TODAY)
    person = next(p for p in store.people.list() if p.protected)
    _add_missing_rows(store)
    tokens = f" {mention(person.id)} @{{protected:company}} @{{erased:government}}"
    with store.transaction():
        for table, names in typed_names.fields().items():
            for row in store.conn.execute(f"SELECT id, {', '.join(names)} FROM {table}").fetchall():  # noqa: S608
                changes = {name: f"{value or 'x'}{tokens}" for name, value in zip(names, row[1:], strict=True)}
                store.records.update(table, row[0], changes)
    return store, person


def _add_missing_rows(store) -> None:
    """The small demo has no period values nor incident organisations: add one of each."""
    indicator = next(i for i in store.indicators.list() if not i.computed)
    store.values.set(indicator.id, "2025-Q1", 3, note="From the survey")
    incident = store.conn.execute("SELECT id FROM incidents LIMIT 1").fetchone()
    org = store.organisations.list()[0]
    if incident:
        store.records.insert("incident_organisations", "io-1", {"incident_id": incident[0], "organisation_id": org.id,
                                                                 "role": "Reported it"})


def raw_in(texts) -> list[str]:
    return [t for t in texts if isinstance(t, str) and RAW in t]
