"""A meeting's start and end time (issue 16): a synced field, checked like every other, on the handout."""

from __future__ import annotations

import json
import uuid
from datetime import date

import pdfplumber
import pytest

from fieldgroup.core import create_store, open_store, store_schema
from fieldgroup.core import store as store_module
from fieldgroup.core.errors import ValidationError
from fieldgroup.core.row_check import RowProblem, check_row
from fieldgroup.core.schema import TABLES
from fieldgroup.core.store import RecordStore
from fieldgroup.formatting import parse_time
from fieldgroup.i18n import set_locale
from fieldgroup.reports.api import build_report
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.importer import import_bundle

OUR_STEP = store_schema.MIGRATIONS.index(store_schema._migrate_meeting_times)


def test_start_and_end_time_are_saved_and_checked(store, group):
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 6, 1), start_time="9:30",
                                    end_time="12:00")
    assert (meeting.start_time, meeting.end_time) == ("09:30", "12:00")
    with pytest.raises(ValidationError) as bad:
        store.meetings.update(meeting.id, end_time="08:00")
    assert bad.value.field == "end_time"
    with pytest.raises(ValidationError):
        store.meetings.update(meeting.id, start_time="25:10")
    assert store.meetings.get(meeting.id).start_time == "09:30"


def test_a_bundle_carries_the_time_and_refuses_a_bad_one(store, group, tmp_path):
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 6, 1), start_time="14:00")
    export_bundle(store, tmp_path / "a.fgbundle")
    with create_store(tmp_path / "other.fgstore") as other:
        import_bundle(other, tmp_path / "a.fgbundle")
        assert other.meetings.get(meeting.id).start_time == "14:00"
    fields = TABLES["meetings"].field_names
    row = [str(uuid.uuid4()), *[None] * len(fields), json.dumps({"*": "0" * 34}), "0" * 34]
    row[1 + fields.index("group_id")] = str(uuid.uuid4())
    row[1 + fields.index("kind")], row[1 + fields.index("date")] = "plenary", "2025-06-01"
    check_row("meetings", row)
    for bad in ("9:30", "24:00", "noon", 930):
        row[1 + fields.index("start_time")] = bad
        with pytest.raises(RowProblem):
            check_row("meetings", row)


def _store_before_our_step(path, monkeypatch) -> None:
    """A store as the step before ours left it (the migrations up to it), with one meeting."""
    with monkeypatch.context() as old:
        old.setattr(store_module, "MIGRATIONS", store_schema.MIGRATIONS[:OUR_STEP])
        old.setattr(store_module, "SCHEMA_VERSION", OUR_STEP)
        records = RecordStore.open(path, create=True)
        stamp = f"{1_750_000_000_000:012x}{0:06x}a1b2c3d4e5f60718"
        for table, values in (("groups", {"id": "8e0c0c52-0000-4000-8000-000000000001", "name": "Ghana ICWG"}),
                              ("meetings", {"id": "8e0c0c52-0000-4000-8000-000000000002",
                                            "group_id": "8e0c0c52-0000-4000-8000-000000000001",
                                            "kind": "plenary", "date": "2025-03-07"})):
            names = ", ".join(values)
            records.conn.execute(f"INSERT INTO {table} ({names}, _stamps, _ver) VALUES "
                                 f"({', '.join('?' * len(values))}, ?, ?)",
                                 (*values.values(), json.dumps({"*": stamp}), stamp))
        records.close()


def test_an_older_store_gains_the_times_empty(tmp_path, monkeypatch):
    path = tmp_path / "old.fgstore"
    _store_before_our_step(path, monkeypatch)
    with open_store(path, today=lambda: date(2025, 6, 15)) as store:
        meeting = store.meetings.get("8e0c0c52-0000-4000-8000-000000000002")
        assert meeting.start_time is None and meeting.end_time is None
        assert store.meetings.update(meeting.id, start_time="10:00").start_time == "10:00"
        assert store.problems() == []


@pytest.mark.parametrize(("locale", "expected"), [("en", "9:30 AM – 12:00 PM"), ("fr", "09:30 – 12:00")])
def test_the_handout_header_shows_the_time_the_languages_way(store, group, tmp_path, locale, expected):
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 6, 1), start_time="09:30",
                                    end_time="12:00")
    out = build_report("meeting", store, tmp_path / "h.pdf", meeting_id=meeting.id, locale=locale)
    with pdfplumber.open(out) as pdf:
        text = pdf.pages[0].extract_text()
    assert expected in text.replace("\u00a0", " ").replace("\u202f", " ")


def test_typed_times_in_every_form_a_coordinator_writes():
    set_locale("fr")
    assert [parse_time(t) for t in ("14:30", "9h30", "9.30", "0930", "2:30 pm", "၁၄:၃၀", "")] == [
        "14:30", "09:30", "09:30", "09:30", "14:30", "14:30", ""]
    assert parse_time("25:00") is None and parse_time("midi") is None


def test_the_calendar_invitation_has_the_hour_when_there_is_one(store, group, tmp_path):
    from fieldgroup.exports import export_data
    from fieldgroup.exports.common import ExportOptions

    timed = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 6, 1), start_time="09:30",
                                  end_time="12:00")
    day_only = store.meetings.create(group_id=group.id, kind="workshop", date=date(2025, 6, 2))
    for meeting, expected in ((timed, ["DTSTART:20250601T093000", "DTEND:20250601T120000"]),
                              (day_only, ["DTSTART;VALUE=DATE:20250602", "DTEND;VALUE=DATE:20250603"])):
        out = tmp_path / f"{meeting.id}.ics"
        export_data("ics", store, out, ExportOptions(meeting_id=meeting.id))
        text = out.read_text()
        assert all(line in text for line in expected), text
