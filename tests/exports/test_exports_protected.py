"""Every data export runs free text through the print safety net: a protected name typed as plain text leaks nowhere."""

from __future__ import annotations

import zipfile

import pytest

from fieldgroup.cli import main

# A surname alone, a Burmese name with a particle written onto it, an e-mail address: none is a mention.
SURNAME, BURMESE, EMAIL = "Kilonzo", "အေးချို", "z.kilonzo@example.org"
KINDS = [("dhis2", []), ("adx", []), ("iati", []), ("xlsx", []), ("csv", ["--table", "actions"]),
         ("csv", ["--table", "workplan"]), ("ics", ["--period", "2025-Q1"])]


@pytest.fixture
def typed(funded):
    """The funded store with the protected people's names typed into every text an export carries."""
    store, group, ids = funded
    latin = store.people.list()[0]
    store.people.update(latin.id, name="Zawadi Kilonzo", email=EMAIL, protected=True)
    burmese = next(p for p in store.people.list() if p.id != latin.id and not p.protected)
    store.people.update(burmese.id, name="ဒေါ်အေးချို", protected=True)
    store.meetings.update(ids["meeting"], title="Plenary with Kilonzo",
                          agenda=f"Report by {SURNAME}\n{BURMESE}က အစီရင်ခံ\nWrite to {EMAIL}")
    store.values.set(ids["trained"], "2025-Q1", 80, note=f"Sheets checked by {SURNAME}")
    store.values.set(ids["trained"], "2025-Q2", 130.5, note=f"{BURMESE}ကို မေးမြန်းခဲ့သည်")
    store.values.set(ids["incidents"], "2025", 7, note=f"Police records sent to {EMAIL}")
    result = store.results.list()[0]
    store.results.update(result.id, title=f"Guards trained with {SURNAME}", description=f"{BURMESE}နှင့် {EMAIL}")
    store.actions.create(group_id=group.id, title=f"Call {SURNAME} back", description=f"{BURMESE}က {EMAIL}",
                         status="open", due_date="2025-03-01")
    store.activities.create(group_id=group.id, result_id=result.id, title=f"{BURMESE}၏ training",
                            description=f"Budget with {SURNAME} ({EMAIL})", start_date="2025-02-01",
                            end_date="2025-03-31")
    path = store.path
    store.close()
    return path


def _written(path) -> str:
    if path.suffix == ".xlsx":  # the text of every sheet and shared string
        with zipfile.ZipFile(path) as book:
            return "".join(book.read(name).decode("utf-8") for name in book.namelist() if name.endswith(".xml"))
    return path.read_bytes().decode("utf-8")


@pytest.mark.parametrize(("kind", "extra"), KINDS, ids=[" ".join([k, *e]) for k, e in KINDS])
def test_no_export_carries_a_protected_name_typed_as_text(typed, tmp_path, kind, extra):
    out = tmp_path / f"export.{'xml' if kind in ('adx', 'iati') else 'json' if kind == 'dhis2' else kind}"
    assert main(["export-data", kind, "--store", str(typed), "--out", str(out), *extra]) == 0
    text = _written(out)
    assert "Protected participant" in text  # the safety net was there and replaced something
    assert SURNAME.lower() not in text.lower() and BURMESE not in text and EMAIL not in text


def test_include_protected_keeps_what_was_typed(typed, tmp_path):
    out = tmp_path / "actions.csv"
    assert main(["export-data", "csv", "--store", str(typed), "--out", str(out), "--table", "actions",
                 "--include-protected"]) == 0
    text = _written(out)
    assert f"Call {SURNAME} back" in text and f"{BURMESE}က {EMAIL}" in text
