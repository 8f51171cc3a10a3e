"""An erased person's phone number (protect5): fingerprinted when the erasure comes through a sync merge as
when it is made here, and scrubbed from every backup however it was typed."""

from __future__ import annotations

import re
from datetime import date

from fieldgroup.core import backups, csv_import, protection_check, store_protect
from fieldgroup.reports.protect import Protector
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.importer import import_bundle

PHONE = "+254 700 123 456"
# How people type it: spaces, dots, dashes, brackets, +/00 country code, a leading 0, Myanmar digits.
TYPED = ["0700 123 456", "+254-700-123-456", "254.700.123.456", "(0700) 123-456", "00254 700123456",
         "0700123456", "+254 (0) 700 123 456", "၀၇၀၀ ၁၂၃ ၄၅၆"]


def send(source, target, folder, name):
    path = folder / f"{name}.fgbundle"
    export_bundle(source.store, path)
    return import_bundle(target.store, path)


def _kenya(store, protected: bool):
    group = store.groups.create(name="Kenya ICWG")
    org = store.organisations.create(group_id=group.id, name="Haki Centre", pillar="civil_society")
    person = store.people.create(organisation_id=org.id, name="Zawadi Kilonzo", phone=PHONE, protected=protected)
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1))
    return group, person, meeting


def _erased_by_a_merge(laptops, fast_dir, early=None):
    """Zawadi is protected on accra while tarkwa, which still saw her unprotected, deletes her: each laptop
    erases her while merging the other's bundle (no direct erasure anywhere)."""
    accra, tarkwa, _ = laptops
    group, zawadi, meeting = _kenya(accra.store, protected=False)
    accra.store.meetings.update(meeting.id, minutes="Reach the defender on 0700-123-456.")
    send(accra, tarkwa, fast_dir, "join")
    if early is not None:  # a laptop that has her, unprotected with her number, and syncs no more for now
        send(accra, early, fast_dir, "early")
    accra.tick(5)
    accra.store.people.update(zawadi.id, protected=True)
    tarkwa.tick(5)
    tarkwa.store.people.delete(zawadi.id)  # unprotected here: a plain delete, no erasure
    assert not store_protect.rows_of(tarkwa.store.conn, "erasures")
    send(accra, tarkwa, fast_dir, "a1")  # arrives protected, deleted here: erased by the merge
    send(tarkwa, accra, fast_dir, "t1")  # deleted by the merge while protected here
    send(accra, tarkwa, fast_dir, "a2")
    return group, zawadi, meeting


def test_a_number_typed_after_an_erasure_through_a_merge_is_recognised(laptops, fast_dir):
    group, _zawadi, meeting = _erased_by_a_merge(laptops, fast_dir)
    for laptop in laptops[:2]:
        store = laptop.store
        assert "123" not in (store.meetings.get(meeting.id).minutes or ""), laptop.name
        for typed in ("+254-700-123456", "၀၇၀၀ ၁၂၃ ၄၅၆", "0700.123.456"):
            store.meetings.update(meeting.id, decisions=f"Call {typed} first.")  # typed from memory
            assert [f.record_id for f in protection_check.find(store)] == [meeting.id], (laptop.name, typed)
            printed = Protector.from_store(store).text(store.meetings.get(meeting.id).decisions)
            assert typed not in printed and "Protected participant" in printed, (laptop.name, typed)


def test_a_sign_in_row_with_the_number_of_a_person_erased_through_a_merge_is_held_back(laptops, fast_dir, tmp_path):
    group, _zawadi, _meeting = _erased_by_a_merge(laptops, fast_dir)
    sheet = tmp_path / "signin.csv"
    sheet.write_text("Name,Organisation,Pillar,Email,Phone\nJuma Otieno,Haki Centre,civil society,,\n"
                     "Z. W.,Haki Centre,civil society,,0700 123 456\n", encoding="utf-8")
    table = csv_import.read_csv_file(sheet)
    for laptop in laptops[:2]:
        plan = csv_import.plan_for_store(laptop.store, group.id, table, csv_import.guess_mapping(table.header))
        assert [(m.row, m.erased) for m in plan.protected] == [(3, True)], laptop.name
        assert [line.name for line in plan.lines] == ["Juma Otieno"]


def test_a_sign_in_row_with_the_number_of_a_person_erased_here_is_held_back(store, tmp_path):
    group, zawadi, _meeting = _kenya(store, protected=True)
    store.people.delete(zawadi.id)
    sheet = tmp_path / "signin.csv"
    sheet.write_text("Name,Organisation,Pillar,Email,Phone\nZ. W.,Haki Centre,civil society,,+254 700 123 456\n",
                     encoding="utf-8")
    table = csv_import.read_csv_file(sheet)
    plan = csv_import.plan_for_store(store, group.id, table, csv_import.guess_mapping(table.header))
    assert [(m.row, m.erased) for m in plan.protected] == [(2, True)]
    assert plan.lines == []


def _variants_left(data: bytes) -> list[str]:
    """Every way of the number still in `data`: its digits however grouped, in ASCII or Myanmar digits."""
    text = data.decode("utf-8", "replace")
    found = []
    for digits, sep in (("0123456789", r"[\s.()\-]{0,4}"), ("၀၁၂၃၄၅၆၇၈၉", r"[\s.()\-]{0,4}")):
        core = "700123456"
        pattern = sep.join(digits[int(d)] for d in core)
        found += re.findall(pattern, text)
    return found


def _decrypted(store, path) -> bytes:
    """The backup's content as SQLite sees it (a dump of every table), so encryption hides nothing from the test."""
    conn = store_protect.open_copy(str(path), store.records.key)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        rows = [repr(row) for t in tables for row in conn.execute(f'SELECT * FROM "{t}"')]
        return "\n".join(rows).encode()
    finally:
        conn.close()


def test_backups_hold_no_variant_of_an_erased_persons_number(store):
    _erase_and_check_backups(store)


def test_encrypted_backups_hold_no_variant_of_an_erased_persons_number(tmp_path):
    from fieldgroup.core import create_store, keys

    with create_store(tmp_path / "enc.fgstore", passphrase=keys.Passphrase("correct horse battery staple")) as store:
        _erase_and_check_backups(store)
    keys.forget_all()


def _erase_and_check_backups(store) -> None:
    _group, zawadi, meeting = _kenya(store, protected=True)
    other = store.people.create(organisation_id=zawadi.organisation_id, name="Juma Otieno", protected=False)
    store.meetings.update(meeting.id, minutes=" / ".join(f"Reach her on {t}" for t in TYPED))
    store.people.update(other.id, notes="Zawadi's line: 0700.123.456; a driver on 0722 987 654.")
    made = [backups.backup_now(store), backups.backup_before(store, "import")]
    store.people.update(zawadi.id, phone="+254 733 000 111")
    assert all(_variants_left(_decrypted(store, p)) for p in made)  # the backups did hold it
    store.people.delete(zawadi.id)  # erased: the backups are rewritten
    for path in made:
        content = _decrypted(store, path)
        assert _variants_left(content) == [], path.name
        assert b"0722 987 654" in content  # someone else's number stays
        assert _variants_left(path.read_bytes()) == [], path.name


def test_backups_hold_no_variant_of_the_number_of_a_person_erased_through_a_merge(laptops, fast_dir):
    _erased_by_a_merge(laptops, fast_dir)
    for laptop in laptops[:2]:
        copies = backups.list_backups(laptop.store.path)
        assert copies  # made before each import, some while she was not yet protected
        for copy in copies:
            assert _variants_left(_decrypted(laptop.store, copy.path)) == [], (laptop.name, copy.path.name)


def test_a_laptop_that_had_not_synced_sends_the_number_late_and_it_is_scrubbed_everywhere(laptops, fast_dir):
    accra, tarkwa, obuasi = laptops
    group, zawadi, meeting = _erased_by_a_merge(laptops, fast_dir, early=obuasi)
    obuasi.tick(50)
    obuasi.store.meetings.update(meeting.id, decisions="Zawadi's new line: 00254 700 123 456; Juma on 0722 987 654.")
    send(obuasi, accra, fast_dir, "late")
    decisions = accra.store.meetings.get(meeting.id).decisions
    assert _variants_left(decisions.encode()) == [] and "0722 987 654" in decisions
    assert not accra.store.records.exists("people", zawadi.id)
    send(accra, obuasi, fast_dir, "back")  # obuasi hears of the erasure: its store and backups are cleaned
    assert not obuasi.store.records.exists("people", zawadi.id)
    assert _variants_left(_decrypted(obuasi.store, obuasi.store.path)) == []
    copies = backups.list_backups(obuasi.store.path)
    assert copies
    for copy in copies:
        assert _variants_left(_decrypted(obuasi.store, copy.path)) == [], copy.path.name
