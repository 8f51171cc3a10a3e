"""A step of the response protocol (protect5) is guarded like the incident's title and region: a protected
name typed there as plain text is offered as a mention, and the step is not saved until it is one."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldgroup.core.mentions import mention
from fieldgroup.ui.dialogs.incident_dialog import ProtocolDialog, ProtocolStepDialog
from fieldgroup.ui.widgets import presentation
from tests.ui.conftest import isolated_settings  # noqa: F401 (fixtures)

REFUSED = ("A protected person's name is typed as plain text; press Turn into mentions (or Not this person) "
           "under the box before saving.")


@pytest.fixture
def warnings(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: said.append(text))
    return said


@pytest.fixture
def defenders(store, group):
    org = store.organisations.create(group_id=group.id, name="Haki Centre", pillar="civil_society")
    zawadi = store.people.create(organisation_id=org.id, name="Zawadi Kilonzo", phone="+254 700 123 456",
                                 protected=True)
    khine = store.people.create(organisation_id=org.id, name="Daw Aye Aye Khine", protected=True)
    burmese = store.people.create(organisation_id=org.id, name="ဒေါ်အေးအေးခိုင်", protected=True)
    return {"zawadi": zawadi, "khine": khine, "burmese": burmese}


@pytest.mark.parametrize("typed", ["Call Zawadi Kilonzo at home", "Ask Ms Kilonzo first", "Call KILONZO",
                                   "Call +254-700-123-456", "Visit Daw Khine", "Visit Aye Aye Khine",
                                   "ဒေါ်အေးအေးခိုင် ကို ဖုန်းဆက်ပါ"])
def test_a_new_step_naming_a_protected_person_is_refused_until_the_name_is_a_mention(store, group, defenders, qtbot,
                                                                                     warnings, typed):
    dialog = ProtocolStepDialog(store, group.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.what.setText(typed)
    dialog.within.setValue(1)
    dialog.save()
    assert warnings == [REFUSED]
    assert store.incidents.protocol_of(group.id) == [] and not dialog.result()
    guard = dialog.guards[0]
    assert guard.isVisible()
    guard.convert()
    dialog.save()
    assert warnings == [REFUSED]  # not asked again
    [step] = store.incidents.protocol_of(group.id)
    assert "@{person:" in step.what
    for word in ("Kilonzo", "KILONZO", "Khine", "123", "အေး"):
        assert word not in step.what


def test_editing_a_step_that_names_a_protected_person_plainly_is_refused(store, group, defenders, qtbot, warnings):
    # Typed before she was protected (or on a laptop that had not heard of it): the guard shows on opening.
    step = store.incidents.add_protocol_step(group.id, "Brief Ms Kilonzo's family", 2)
    [step] = store.incidents.protocol_of(group.id)
    dialog = ProtocolStepDialog(store, group.id, step=step)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.guards[0].isVisible()
    dialog.within.setValue(3)
    dialog.save()
    assert warnings == [REFUSED] and store.incidents.protocol_of(group.id)[0].within_days == 2
    dialog.guards[0].convert()
    dialog.save()
    saved = store.incidents.protocol_of(group.id)[0]
    assert saved.within_days == 3 and saved.what == f"Brief {mention(defenders['zawadi'].id)}'s family"


def test_not_this_person_lets_a_step_save(store, group, defenders, qtbot, warnings):
    dialog = ProtocolStepDialog(store, group.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.what.setText("Call the Kilonzo water point")
    dialog.guards[0].not_this_person()
    dialog.save()
    assert warnings == [] and [s.what for s in store.incidents.protocol_of(group.id)] == ["Call the Kilonzo water point"]


def test_an_erased_persons_name_or_number_in_a_step_is_refused(store, group, defenders, qtbot, warnings):
    store.people.delete(defenders["zawadi"].id)  # erased: only fingerprints are left
    for typed in ("Ask Ms Kilonzo first", "Call 0700 123 456"):
        dialog = ProtocolStepDialog(store, group.id)
        qtbot.addWidget(dialog)
        dialog.what.setText(typed)
        dialog.save()
        assert store.incidents.protocol_of(group.id) == []
    assert warnings == [REFUSED, REFUSED]


def test_the_protocol_list_shows_a_mentioned_person_by_name_and_masks_them_when_projected(store, group, defenders,
                                                                                        qtbot):
    zawadi = defenders["zawadi"]
    store.incidents.add_protocol_step(group.id, f"Call {mention(zawadi.id)}", 0)
    dialog = ProtocolDialog(store, group.id)
    qtbot.addWidget(dialog)
    assert dialog.steps.item(0).text().startswith("Call Zawadi Kilonzo — within 0 days")
    presentation.state().set(True)
    try:
        dialog.refresh()
        text = dialog.steps.item(0).text()
        assert "Kilonzo" not in text and "@{" not in text and "Protected participant" in text
    finally:
        presentation.state().set(False)


def test_a_step_typed_on_a_laptop_that_had_not_heard_of_the_protection_arrives_as_a_mention(laptops, fast_dir):
    from fieldgroup.core import keys
    from fieldgroup.sync import core_team
    from fieldgroup.sync.exporter import export_bundle
    from fieldgroup.sync.importer import import_bundle

    accra, tarkwa, _ = laptops
    group = accra.store.groups.create(name="Kenya ICWG")
    org = accra.store.organisations.create(group_id=group.id, name="Haki Centre", pillar="civil_society")
    zawadi = accra.store.people.create(organisation_id=org.id, name="Zawadi Kilonzo", phone="+254 700 123 456")
    export_bundle(accra.store, fast_dir / "join.fgbundle")
    import_bundle(tarkwa.store, fast_dir / "join.fgbundle")
    for laptop in (accra, tarkwa):
        core_team.hold(laptop.store, keys.Passphrase("copper-island-meadow-falcon-ninety"))
    try:
        accra.tick(5)
        accra.store.people.update(zawadi.id, protected=True)
        tarkwa.tick(5)
        tarkwa.store.incidents.add_protocol_step(group.id, "Call Zawadi Kilonzo before anyone", 1)  # late, plain
        core_team.export_core_bundle(tarkwa.store, fast_dir / "late.core.fgbundle")
        core_team.import_core_bundle(accra.store, fast_dir / "late.core.fgbundle")
        [step] = accra.store.incidents.protocol_of(group.id)
        assert "Kilonzo" not in step.what and mention(zawadi.id) in step.what
        accra.tick(5)
        accra.store.people.delete(zawadi.id)  # erased on accra; tarkwa has not heard of it
        tarkwa.tick(50)
        tarkwa.store.incidents.add_protocol_step(group.id, "Then ask Ms Kilonzo, on 0700 123 456", 2)
        core_team.export_core_bundle(tarkwa.store, fast_dir / "later.core.fgbundle")
        core_team.import_core_bundle(accra.store, fast_dir / "later.core.fgbundle")
        words = " ".join(s.what for s in accra.store.incidents.protocol_of(group.id))
        assert "Kilonzo" not in words and "123" not in words and "@{erased:civil_society}" in words
    finally:
        for laptop in (accra, tarkwa):
            core_team.release(laptop.store)
