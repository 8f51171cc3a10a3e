"""Names typed as plain text are turned into mentions in the store before export and on arrival
(issue 13): laptops that type protected names, protect and unprotect people, and swap bundles in any
order still end with the same store, and none of them keeps a protected name typed as plain text."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import rule

from fieldgroup.core import protection_check, typed_names
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.importer import import_bundle
from tests.sync.conftest import SYNC_PROFILE, Laptop
from tests.sync.test_convergence import ConvergingDevices, device, names, pick


class TypingDevices(ConvergingDevices):
    """The convergence machine, plus coordinators typing names into minutes and titles."""

    @rule(i=device, which=pick, name=names, where=st.sampled_from(["minutes", "title", "decisions"]))
    def type_a_name(self, i, which, name, where):
        meeting_id = self._choose("meetings", which, i)
        if meeting_id:
            self._try(lambda: self.stores[i].meetings.update(meeting_id, **{where: f"{name} will report back"}))

    @rule(i=device, which=pick, protected=st.booleans())
    def protect_or_not(self, i, which, protected):
        person_id = self._choose("people", which, i)
        if person_id:
            self._try(lambda: self.stores[i].people.update(person_id, protected=protected))

    def check_convergence(self):
        super().check_convergence()
        for store in self.stores:  # every laptop passed its text after the last merge
            left = [f for f in protection_check.find(store) if f.field in typed_names.fields().get(f.table, ())]
            assert not left, left


TypingDevices.TestCase.settings = settings(
    settings.get_profile(SYNC_PROFILE), max_examples=min(settings.get_profile(SYNC_PROFILE).max_examples, 15),
    stateful_step_count=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestTypedNamesConverge = TypingDevices.TestCase


def _two_laptops(fast_dir):
    accra, tarkwa = Laptop(fast_dir, "accra", 1_750_000_000_000), Laptop(fast_dir, "tarkwa", 1_750_000_000_001)
    group = accra.store.groups.create(name="Ghana ICWG")
    org = accra.store.organisations.create(group_id=group.id, name="Haki", pillar="civil_society")
    person = accra.store.people.create(organisation_id=org.id, name="Zawadi Kilonzo", protected=True)
    meeting = accra.store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1), minutes="Opening")
    export_bundle(accra.store, fast_dir / "first.fgbundle")
    import_bundle(tarkwa.store, fast_dir / "first.fgbundle")
    return accra, tarkwa, person, meeting


def test_a_colleagues_older_plain_text_is_converted_on_arrival_and_both_laptops_agree(fast_dir):
    accra, tarkwa, person, meeting = _two_laptops(fast_dir)
    try:
        tarkwa.tick(10)  # Tarkwa had not synced: it types the name plainly
        tarkwa.store.meetings.update(meeting.id, minutes="Ms Kilonzo will brief the group.")
        export_bundle(tarkwa.store, fast_dir / "tarkwa.fgbundle")  # converted in Tarkwa's store first
        assert tarkwa.store.meetings.find(meeting.id).minutes == f"{_mention(person)} will brief the group."
        report = import_bundle(accra.store, fast_dir / "tarkwa.fgbundle")
        assert report.converted == 0  # it came in converted
        assert accra.store.digest() == tarkwa.store.digest()
    finally:
        accra.store.close()
        tarkwa.store.close()


def test_plain_text_that_arrives_unconverted_is_converted_on_arrival_and_converges(fast_dir, monkeypatch):
    accra, tarkwa, person, meeting = _two_laptops(fast_dir)
    try:
        tarkwa.tick(10)
        tarkwa.store.meetings.update(meeting.id, minutes="Zawadi Kilonzo will brief the group.")
        with monkeypatch.context() as patch:  # an older FieldGroup on Tarkwa: it sends the text as typed
            patch.setattr(typed_names, "run", lambda *_a, **_k: 0)
            export_bundle(tarkwa.store, fast_dir / "old.fgbundle")
        report = import_bundle(accra.store, fast_dir / "old.fgbundle")
        assert report.converted == 1
        assert accra.store.meetings.find(meeting.id).minutes == f"{_mention(person)} will brief the group."
        for _round in range(2):  # both ways, as a folder sync would
            export_bundle(accra.store, fast_dir / "accra.fgbundle")
            import_bundle(tarkwa.store, fast_dir / "accra.fgbundle")
            export_bundle(tarkwa.store, fast_dir / "tarkwa.fgbundle")
            import_bundle(accra.store, fast_dir / "tarkwa.fgbundle")
        assert accra.store.digest() == tarkwa.store.digest()
        assert tarkwa.store.meetings.find(meeting.id).minutes == f"{_mention(person)} will brief the group."
    finally:
        accra.store.close()
        tarkwa.store.close()


def _mention(person) -> str:
    return f"@{{person:{person.id}}}"
