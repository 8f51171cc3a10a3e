"""Erasure leaves nothing of the name in the search index's shadow tables, live or free pages (issue 16).

The trigram index stores a name as three-letter terms ("zbr", "bro", …), so the check looks for the
rare trigrams of an unusual name in the file's bytes, not only for the whole name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fieldgroup.core import create_store
from fieldgroup.core.store_search import search

NAME = "Xqvyth Zbrodnik"
TRACES = [b"Xqvyth", b"Zbrodnik", b"xqv", b"qvy", b"vyt", b"zbr", b"bro" + b"d"]


def _bytes(path: Path) -> bytes:
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_no_trigram_of_an_erased_name_is_left_in_the_store_file(tmp_path):
    store = create_store(tmp_path / "s.fgstore", today=lambda: date(2025, 6, 15))
    group = store.groups.create(name="Ghana ICWG")
    org = store.organisations.create(group_id=group.id, name="Haki Centre", pillar="civil_society")
    person = store.people.create(organisation_id=org.id, name=NAME, protected=True, notes=f"{NAME} at Tarkwa")
    for n in range(30):  # enough text for the index to spread over several pages and segments
        store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1),
                              minutes=f"Meeting {n}: {NAME} spoke about grievances near the mine.")
    assert len(search(store, "Zbrodnik")) == 31
    assert any(store.path.read_bytes().count(t) or _bytes(store.path).count(t) for t in TRACES)
    store.people.delete(person.id)  # a protected person: erased
    assert search(store, "Zbrodnik") == [] and search(store, "qvy") == []
    assert len(search(store, "grievances")) == 30  # the rest of the index is still there
    data = _bytes(store.path)
    assert [t for t in TRACES if t in data] == []
    store.close()
    assert [t for t in TRACES if t in _bytes(store.path)] == []
