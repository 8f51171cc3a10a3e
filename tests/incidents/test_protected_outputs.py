"""Incident text naming a protected person (issue 19 with issue 13) never reaches the alert sheet, the
ordinary bundle, `list incidents` or the log, whichever variant of the name is typed: surname only,
honorific, Burmese with a particle written onto the name, and every other case the matcher knows."""

from __future__ import annotations

import json
import logging
from datetime import date

import pytest
from reportlab.platypus import Paragraph

from fieldgroup import logs
from fieldgroup.cli import main
from fieldgroup.core.mentions import mention
from fieldgroup.core.name_match import fold
from fieldgroup.reports.api import build_report
from fieldgroup.sync import bundle
from fieldgroup.sync.exporter import export_bundle
from tests.protect.cases import CASES
from tests.reports.helpers import pdf_text


@pytest.fixture
def captured(monkeypatch):
    """Every string given to a Paragraph while a document is built (extracted Burmese PDF text is scrambled)."""
    seen: list[str] = []
    original = Paragraph.__init__

    def spy(self, text, *args, **kwargs):
        seen.append(str(text))
        original(self, text, *args, **kwargs)

    monkeypatch.setattr(Paragraph, "__init__", spy)
    return seen


def _leaks(text: str, phrases: list[str]) -> list[str]:
    folded = " ".join(fold(text).split())
    return [p for p in phrases if " ".join(fold(p).split()) in folded]


def _register(store, lang):
    """A group whose incident, protocol and steps name the protected person in every variant of `lang`."""
    person, found, _clean = CASES[lang]
    group = store.groups.create(name="Working group", country="GH")
    org = store.organisations.create(group_id=group.id, name="Defenders' Network", pillar=person.pillar)
    company = store.organisations.create(group_id=group.id, name="Gold Fields", pillar="company")
    saved = store.people.create(organisation_id=org.id, name=person.name, email=person.email, protected=True)
    texts = [text for text, _phrase in found]
    body = "\n".join(texts)
    for text in texts:
        store.incidents.add_protocol_step(group.id, text, 0, contact_organisation_id=org.id,
                                          contact_person_id=saved.id)
    store.incidents.open(group.id, date=date(2025, 6, 1), kind="threat_to_defender", severity="high",
                         title=texts[0], region=texts[-1][:200], description=body + "\n" + mention(saved.id),
                         outcome=body, organisation_ids=[company.id], owner_person_id=saved.id)
    return group, saved, texts, [phrase for _text, phrase in found]


@pytest.mark.parametrize("lang", list(CASES))
def test_no_variant_of_a_protected_name_reaches_the_alert_sheet(store, lang, captured, tmp_path):
    group, _saved, _texts, phrases = _register(store, lang)
    out = build_report("alerts", store, tmp_path / "alerts.pdf", group_id=group.id)
    printed = "\n".join(captured)
    assert not _leaks(printed, phrases)
    assert "Protected participant" in printed
    # The protected person's own organisation would place them: it is not printed beside the placeholder.
    assert "Defenders" not in printed
    if not lang.startswith("my"):
        assert not _leaks("\n".join(pdf_text(out)), phrases)


@pytest.mark.parametrize("lang", ["en", "my"])
def test_no_variant_reaches_list_incidents_the_ordinary_bundle_or_the_log(store, lang, tmp_path, capsys, monkeypatch):
    group, saved, texts, phrases = _register(store, lang)
    core_file = tmp_path / "core.txt"
    core_file.write_text("copper-island-meadow-falcon-ninety", encoding="utf-8")
    monkeypatch.setenv("FIELDGROUP_CORE_PASSPHRASE_FILE", str(core_file))
    log_folder = tmp_path / "logs"
    logs.setup_logging(folder=log_folder)
    try:
        out = tmp_path / "ordinary.fgbundle"
        export_bundle(store, out)
        manifest, compressed = bundle.read_manifest(out.read_bytes())
        payload = json.dumps(bundle.read_payload(compressed), ensure_ascii=False)
        # The person travels (as every person does); no incident text does.
        assert not [t for t in texts if t in payload] and "threat_to_defender" not in payload
        path = store.path
        store.close()
        assert main(["list", "incidents", "--json", "--store", str(path)]) == 0
        listed = capsys.readouterr().out
        assert not _leaks(json.loads(json.dumps(listed)), phrases) and saved.id not in listed
        assert main(["report", "alerts", "--store", str(path), "--group", group.id,
                     "--out", str(tmp_path / "alerts.pdf")]) == 0
        logging.getLogger("fieldgroup.test").info("end of the check")
    finally:
        logs.stop_logging()
    logged = "\n".join(p.read_text(encoding="utf-8") for p in log_folder.iterdir())
    assert "end of the check" in logged and not _leaks(logged, phrases)
