"""The action tracker PDF with sub-groups: its regional groups' items under their group's name, protection unchanged."""

from __future__ import annotations

from datetime import date

import pdfplumber
import pytest

from fieldgroup.cli import main
from fieldgroup.i18n import set_locale
from fieldgroup.reports import action_tracker, actions_table, build_report
from fieldgroup.reports import layout as layout_module
from tests.reports.helpers import PROTECTED
from tests.reports.helpers import record_strings as record_strings_of
from tests.reports.test_documents import _western_region

WEST_PROTECTED = "Efua Hidden-Defender"


def _text(path) -> str:
    with pdfplumber.open(str(path)) as pdf:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)


def _west_items(store, sample):
    """The regional group with an item of its own, one owned by a protected person, one done."""
    west = _western_region(store, sample)
    union = next(o for o in store.organisations.list(group_id=west.id))
    kwame = next(p for p in store.people.list(organisation_id=(union.id,)))
    women = store.organisations.create(group_id=west.id, name="Tarkwa Women Defenders", pillar="civil_society")
    hidden = store.people.create(organisation_id=women.id, name=WEST_PROTECTED, gender="female", protected=True)
    store.actions.create(group_id=west.id, title="Map the Tarkwa complaints", owner_person_id=kwame.id,
                         due_date=date(2025, 5, 20))  # overdue on 2025-06-15
    store.actions.create(group_id=west.id, title=f"Escort {WEST_PROTECTED} to the hearing",
                         owner_person_id=hidden.id, due_date=date(2025, 7, 1))
    store.actions.create(group_id=west.id, title="Regional item already done", owner_person_id=kwame.id,
                         due_date=date(2025, 3, 1), status="done")
    return west


def test_tracker_takes_in_sub_groups_only_when_asked(store, sample, tmp_path):
    _west_items(store, sample)
    alone = _text(build_report("actions", store, tmp_path / "alone.pdf", group_id=sample.group.id))
    assert "Tarkwa" not in alone and "Western Region ICWG" not in alone and "By group" not in alone
    text = _text(build_report("actions", store, tmp_path / "all.pdf", group_id=sample.group.id,
                              include_subgroups=True))
    assert "Including the sub-groups: Western Region ICWG." in text
    # One row per group in the summary (open, overdue), then each group's items under its name.
    assert "Group Open Overdue" in text
    assert "Ghana ICWG 4 1" in text and "Western Region ICWG 2 1" in text
    assert "5 open, 2 overdue" not in text and "2 items are overdue." in text
    west_part = text[text.rindex("Western Region ICWG"):]
    assert "Map the Tarkwa complaints" in west_part and "Kwame Asante" in west_part
    assert "Réviser le protocole de sécurité" not in west_part  # the national group's item stays above
    assert "Regional item already done" not in text


def test_protection_rules_unchanged_with_sub_groups(store, sample, tmp_path):
    _west_items(store, sample)
    text = _text(build_report("actions", store, tmp_path / "all.pdf", group_id=sample.group.id,
                              include_subgroups=True))
    for name in (PROTECTED, WEST_PROTECTED, "Hidden-Defender", "Tarkwa Women Defenders"):
        assert name not in text  # neither the person nor their (small, identifying) organisation
    assert "Organisation not shown" in text
    internal = _text(build_report("actions", store, tmp_path / "internal.pdf", group_id=sample.group.id,
                                  include_subgroups=True, include_protected=True))
    assert WEST_PROTECTED in internal and PROTECTED in internal


def test_cli_tracker_with_subgroups(store, sample, tmp_path, capsys):
    _west_items(store, sample)
    path, group = store.path, sample.group.id
    store.close()
    out = tmp_path / "a.pdf"
    assert main(["report", "actions", "--store", str(path), "--group", group, "--out", str(out),
                 "--with-subgroups"]) == 0
    assert "Map the Tarkwa complaints" in _text(out)
    assert main(["report", "actions", "--store", str(path), "--group", group, "--out", str(out), "--force"]) == 0
    assert "Map the Tarkwa complaints" not in _text(out)
    capsys.readouterr()
    assert main(["report", "indicators", "--store", str(path), "--group", group, "--out", str(tmp_path / "i.pdf"),
                 "--with-subgroups"]) == 1
    assert "actions" in capsys.readouterr().err  # the error names the kinds that take sub-groups


@pytest.fixture
def record_strings(monkeypatch):
    """Every string handed to the tracker's PDF builders, before shaping and layout (Burmese too)."""
    return record_strings_of(monkeypatch, (action_tracker, actions_table, layout_module))


def test_burmese_tracker_with_sub_groups(store, sample, tmp_path, record_strings):
    west = _west_items(store, sample)
    store.groups.update(west.id, name="အနောက်ပိုင်း တိုင်းဒေသကြီး အဖွဲ့")
    set_locale("my")
    path = build_report("actions", store, tmp_path / "my.pdf", group_id=sample.group.id, include_subgroups=True)
    assert path.exists()
    text = "\n".join(record_strings)
    assert "အနောက်ပိုင်း တိုင်းဒေသကြီး အဖွဲ့" in text and "Map the Tarkwa complaints" in text
    assert WEST_PROTECTED not in text and PROTECTED not in text and "Tarkwa Women Defenders" not in text
    assert "၂" in text  # the counts in Myanmar digits (2 open in the regional group)
