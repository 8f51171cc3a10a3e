"""The annual report names no one (en, fr, my: strings checked before layout) and the M&E report by result
prints each value's note and evidence."""

from __future__ import annotations

from datetime import date

import pytest

from fieldgroup.cli import main
from fieldgroup.core import open_store
from fieldgroup.core.demo import generate_demo
from fieldgroup.core.results import verify_value
from fieldgroup.core.results_framework import framework
from fieldgroup.i18n import set_locale
from fieldgroup.reports import annual_report, build_report, results_report
from fieldgroup.reports import layout as layout_module
from tests.reports.helpers import record_strings as record_strings_of

TODAY = date(2025, 6, 15)


@pytest.fixture
def record_strings(monkeypatch):
    """Every string handed to the PDF builders (before shaping and layout) — for Burmese too."""
    return record_strings_of(monkeypatch, (annual_report, results_report, layout_module))


def _demo_with_names(tmp_path, locale):
    """A demo store whose framework texts were typed with people's names in them (protected and not)."""
    path = tmp_path / f"{locale}.fgstore"
    generate_demo(path, size="small", locale=locale, today=TODAY)
    store = open_store(path, today=lambda: TODAY)
    national = next(g for g in store.groups.list() if g.parent_id is None)
    people = store.people.list()
    protected = next(p for p in people if p.protected)
    someone = next(p for p in people if not p.protected)
    tree = framework(store, national.id)
    objective = tree.objectives[0].objective
    store.objectives.update(objective.id, successes=f"{objective.successes} {someone.name} , {protected.name} .")
    activity = tree.activities[0]
    store.activities.update(activity.id, title=f"{activity.title} — {someone.name}")
    return store, national, people


@pytest.mark.parametrize("locale", ["en", "fr", "my"])
def test_annual_report_prints_no_ones_name(tmp_path, locale, record_strings):
    store, national, people = _demo_with_names(tmp_path, locale)
    try:
        set_locale(locale)
        path = build_report("annual", store, tmp_path / "annual.pdf", group_id=national.id, year=2025)
    finally:
        store.close()
    assert path.stat().st_size > 2000
    printed = "\n".join(record_strings)
    leaked = [p.name for p in people if p.name in printed]
    assert leaked == []
    assert any(s for s in record_strings if "2025" in s)
    # Names typed into the successes are replaced by who they represent.
    from fieldgroup.core.results_public import REPRESENTATIVE

    assert any(str(label) in printed for label in REPRESENTATIVE.values())


def test_annual_report_has_its_sections(tmp_path, record_strings):
    store, national, _people = _demo_with_names(tmp_path, "en")
    try:
        build_report("annual", store, tmp_path / "annual.pdf", group_id=national.id, year=2025)
    finally:
        store.close()
    for expected in ("Annual report 2025", "Vision", "Objectives and results", "Work plan",
                     "Meetings and balance by quarter", "Successes", "Strengthen dialogue among the three pillars"):
        assert expected in record_strings


def test_me_report_by_result_prints_note_evidence_and_verification(store, group, tmp_path, record_strings):
    objective = store.objectives.create(group_id=group.id, title="Dialogue", horizon="short")
    result = store.results.create(objective_id=objective.id, title="Guards trained", result_type="output")
    indicator = store.indicators.create(group_id=group.id, name="Guards trained", result_id=result.id)
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date="2025-03-07", title="First plenary")
    value = store.values.set(indicator.id, "2025-Q1", 80, note="Attendance sheets", evidence_meeting_id=meeting.id)
    verify_value(store, value.id, "M&E officer", on="2025-04-02")
    store.activities.create(group_id=group.id, result_id=result.id, title="Training in Tarkwa",
                            start_date="2025-02-01", end_date="2025-05-31")
    build_report("results", store, tmp_path / "me.pdf")
    printed = "\n".join(record_strings).replace("\u00a0", " ")  # dates print with no-break spaces
    assert "Attendance sheets" in printed and "Evidence: meeting Mar 7, 2025 First plenary" in printed
    assert "Verified by M&E officer on Apr 2, 2025" in printed
    assert "Training in Tarkwa" in printed


def test_cli_report_annual(tmp_path, capsys):
    path = tmp_path / "d.fgstore"
    generate_demo(path, size="small", today=TODAY)
    with open_store(path) as store:
        national = next(g for g in store.groups.list() if g.parent_id is None)
    assert main(["report", "annual", "--store", str(path), "--out", str(tmp_path / "a.pdf"), "--year", "2025",
                 "--group", national.id]) == 0
    assert (tmp_path / "a.pdf").exists()
