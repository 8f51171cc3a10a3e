"""Fuzzing: well-formed but invalid payloads and messy sign-in sheets end as a clean import or one sentence."""

from __future__ import annotations

import copy
import csv
import io
import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldgroup.core import FieldGroupError
from fieldgroup.core.csv_import import apply_import, guess_mapping, plan_for_store, read_csv
from fieldgroup.core.schema import TABLES
from fieldgroup.sync import bundle
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.importer import import_bundle
from tests.sync.conftest import seed_group

FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "40")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(allow_nan=True),
                    st.text(max_size=40), st.sampled_from(["", "*", "company", "2025-13-45", "0" * 34, "f" * 34,
                                                           "{}", '{"*": "x"}', "00000000-0000-4000-8000-000000000000"]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                           max_size=3), max_leaves=6)
tables = st.sampled_from(sorted(TABLES))


@st.composite
def mutations(draw):
    """One change to an honest payload: a cell, a row's length, a section or a tombstone replaced."""
    kind = draw(st.sampled_from(["cell", "cell", "cell", "row", "section", "tombstone", "top", "manifest"]))
    return kind, draw(tables), draw(st.integers(0, 20)), draw(values)


def mutate(payload, mutation):
    kind, table, index, value = mutation
    section = payload.get("tables", {}).get(table) if isinstance(payload.get("tables"), dict) else None
    rows = section.get("rows") if isinstance(section, dict) else None
    rows = rows if isinstance(rows, list) else []
    if kind == "cell" and rows and isinstance(rows[index % len(rows)], list) and rows[index % len(rows)]:
        row = rows[index % len(rows)]
        row[index % len(row)] = value
    elif kind == "row" and rows:
        rows[index % len(rows)] = value if isinstance(value, list) else [value]
    elif kind == "section" and isinstance(payload.get("tables"), dict):
        payload["tables"][table] = value
    elif kind == "tombstone" and isinstance(payload.get("tombstones"), list):
        payload["tombstones"].append(value if isinstance(value, list) else [table, value, value])
    else:
        payload[str(value)[:5] if index % 2 else "tables"] = value


@pytest.fixture(scope="module")
def honest(tmp_path_factory):
    from tests.sync.conftest import Laptop

    folder = tmp_path_factory.mktemp("fuzz")
    accra, tarkwa = Laptop(folder, "accra", 1_750_000_000_000), Laptop(folder, "tarkwa", 1_750_000_000_001)
    group, _people, meeting = seed_group(accra.store)
    accra.store.actions.create(group_id=group.id, meeting_id=meeting.id, title="Road", status="open",
                               due_date=date(2025, 4, 1))
    export_bundle(accra.store, folder / "honest.fgbundle")
    manifest, compressed = bundle.read_manifest((folder / "honest.fgbundle").read_bytes())
    yield folder, manifest, bundle.read_payload(compressed), tarkwa.store
    accra.store.close()
    tarkwa.store.close()


@FUZZ
@given(changes=st.lists(mutations(), min_size=1, max_size=3))
def test_a_mutated_payload_is_imported_cleanly_or_refused_in_one_sentence(honest, changes):
    folder, manifest, payload, store = honest
    crafted, head = copy.deepcopy(payload), copy.deepcopy(manifest)
    for change in changes:
        if change[0] == "manifest":
            fields = ["group_id", "created", "vector", "counts", "devices", "sender_name", "full", "sender_device"]
            setattr(head, fields[change[2] % len(fields)], change[3])
        else:
            mutate(crafted, change)
    path = folder / "fuzzed.fgbundle"
    path.write_bytes(bundle.encode(head, crafted))
    before = store.digest()
    try:
        import_bundle(store, path)
    except FieldGroupError as exc:
        message = str(exc)
        assert "\n" not in message and message.endswith(".") and len(message) < 500
        assert store.digest() == before
    else:
        assert store.problems() == []


words = st.sampled_from(["company", "Entreprise", "Gobierno", "pirates", "F", "H", "M", "L", "P", "robot", "",
                         "Société civile", "ကုမ္ပဏီ", "=cmd|' /C calc'!A0", "Kofi  Mensah", "KOFÍ MENSAH"])
cells = st.one_of(words, st.text(max_size=30), st.text(alphabet="\x00\r\n\t\x0b\x1b ;,\"", max_size=5))
sheets = st.lists(st.lists(cells, min_size=0, max_size=6), max_size=12)


@FUZZ
@given(rows=sheets, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
       delimiter=st.sampled_from([",", ";", "\t"]), line_end=st.sampled_from(["\n", "\r\n", "\r"]),
       blank_lines=st.integers(0, 3), title=st.booleans(), huge=st.booleans())
def test_a_messy_sheet_is_imported_cleanly_or_refused_in_one_sentence(store, group, rows, encoding, delimiter,
                                                                        line_end, blank_lines, title, huge):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=line_end)
    if title:
        writer.writerow(["Sign-in sheet — plenary"])
    writer.writerow(["Name", "Organisation", "Pillar", "Gender", "Role", "Email"])
    for row in rows:
        writer.writerow(row + (["z" * 200_000] if huge else []))
    text = line_end * blank_lines + out.getvalue()
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    before = store.digest()
    try:
        table = read_csv(data)
        plan = plan_for_store(store, group.id, table, guess_mapping(table.header))
        if not plan.errors and (plan.lines or plan.merges):
            apply_import(store, group.id, plan)
            assert store.problems() == []
        else:
            assert store.digest() == before
    except FieldGroupError as exc:
        assert "\n" not in str(exc) and store.digest() == before
