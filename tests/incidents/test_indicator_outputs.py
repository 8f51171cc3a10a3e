"""The incident indicators (issue 19, item 4) are computed for the core team's screen and the alert sheet only:
even on a core-team laptop holding the passphrase, no other report, no data export, no ordinary bundle and
no `list indicators` carries them."""

from __future__ import annotations

import json
import zipfile
from datetime import date

import pytest

from fieldgroup.cli import main
from fieldgroup.core import keys
from fieldgroup.core.incidents import incident_indicators
from fieldgroup.reports import build_report
from fieldgroup.reports.errors import NothingToReportError
from fieldgroup.sync import bundle, core_team
from fieldgroup.sync.exporter import export_bundle
from tests.exports.conftest import funded  # noqa: F401 - the fixture, asked for by name
from tests.reports.helpers import pdf_text

CORE = keys.Passphrase("copper-island-meadow-falcon-ninety")
NAMES = ("Incidents per quarter", "Share of incidents resolved within 90 days", "Grievances with a published outcome")
EXPORTS = [("dhis2", []), ("adx", []), ("iati", []), ("xlsx", []), ("csv", ["--table", "actions"]),
           ("csv", ["--table", "workplan"])]


@pytest.fixture
def core_laptop(funded, pillars):  # noqa: F811
    """The funded store (indicators, results, a profile) with incidents, on a core laptop holding the passphrase."""
    store, group, _ids = funded
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 6, 1), title="Plenary",
                                    minutes="Opening remarks.")
    store.attendance.set(meeting.id, pillars["company"][1].id)
    store.incidents.open(group.id, date=date(2025, 2, 1), kind="grievance", title="Water", status="resolved",
                         resolved_on=date(2025, 3, 1), outcome_published=True)
    store.incidents.open(group.id, date=date(2025, 5, 2), kind="threat_to_defender", title="Threat")
    core_team.hold(store, CORE)
    yield store, group, meeting
    core_team.release(store)


def _absent(text: str, where: str) -> None:
    text = text.replace("- ", "")  # a word the PDF hyphenated at a line end counts whole
    for name in NAMES:
        assert name not in text, (where, name)
    assert "incidents:" not in text, where


def test_the_core_team_has_them_with_values(core_laptop):
    store, group, _meeting = core_laptop
    assert {i.name.split(":")[0] for i in incident_indicators(store, group.id)} >= {"Incidents per quarter", *NAMES[1:]}


def test_no_report_but_the_alert_sheet_carries_them(core_laptop, tmp_path):
    from fieldgroup.reports.registry import report_kinds

    store, group, meeting = core_laptop
    alerts = " ".join(pdf_text(build_report("alerts", store, tmp_path / "alerts.pdf", group_id=group.id)))
    alerts = alerts.replace("- ", "")  # headers of narrow columns may be hyphenated
    assert "Incident indicators by quarter" in alerts and "Grievances with a published outcome" in alerts
    built = set()
    for kind in [k for k in report_kinds() if k.name != "alerts"]:
        try:
            out = build_report(kind.name, store, tmp_path / f"{kind.name}.pdf", group_id=group.id,
                               meeting_id=meeting.id if kind.needs_meeting else None)
        except NothingToReportError:
            continue
        built.add(kind.name)
        _absent(" ".join(pdf_text(out)), kind.name)
    assert {"indicators", "annual", "results", "summary"} <= built, built


@pytest.mark.parametrize(("kind", "extra"), EXPORTS, ids=[" ".join([k, *e]) for k, e in EXPORTS])
def test_no_data_export_carries_them(core_laptop, tmp_path, kind, extra):
    store, _group, _meeting = core_laptop
    path = store.path
    store.close()
    out = tmp_path / f"export.{'xml' if kind in ('adx', 'iati') else 'json' if kind == 'dhis2' else kind}"
    assert main(["export-data", kind, "--store", str(path), "--out", str(out), *extra]) == 0
    if out.suffix == ".xlsx":
        with zipfile.ZipFile(out) as book:
            text = "".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml"))
    else:
        text = out.read_bytes().decode("utf-8")
    _absent(text, kind)


def test_no_ordinary_bundle_or_listing_carries_them(core_laptop, tmp_path, capsys):
    store, _group, _meeting = core_laptop
    out = tmp_path / "ordinary.fgbundle"
    export_bundle(store, out)
    _manifest, compressed = bundle.read_manifest(out.read_bytes())
    _absent(json.dumps(bundle.read_payload(compressed), ensure_ascii=False), "bundle")
    path = store.path
    store.close()
    assert main(["list", "indicators", "--store", str(path), "--json"]) == 0
    listed = capsys.readouterr().out
    assert "Guards trained" in listed
    _absent(listed, "list indicators")
