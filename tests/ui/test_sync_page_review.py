"""The Sync page, round two: a clock question per laptop (accepting only that laptop) and the review of
records kept under a parent deleted on another laptop (keep, move to…, delete)."""

from __future__ import annotations

from datetime import date

import page_harness
import pytest
from PySide6.QtWidgets import QFileDialog

from fieldgroup.core import create_store
from fieldgroup.sync import clocks, review
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.folder import sync_folder
from fieldgroup.sync.importer import import_bundle
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.dialogs.move_kept_dialog import MoveKeptDialog
from fieldgroup.ui.pages import sync_page
from fieldgroup.ui.pages.sync_page import SyncPage
from fieldgroup.ui.widgets.conflict_list import KeptRecordCard

show_page = page_harness.show_page

DAY_MS = 24 * 3600 * 1000


class Wall:
    def __init__(self, ms: int):
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


def laptop(tmp_path, name: str, ms: int):
    wall = Wall(ms)
    store = create_store(tmp_path / f"{name}.fgstore", wall=wall, today=lambda: date(2025, 6, 15))
    with store.transaction():
        store.records.set_local("device_name", name)
    store.wall = wall
    return store


@pytest.fixture
def three(tmp_path, store, group, wall):
    """Kofi-HP (the conftest store, with the group), Ama-Dell and this laptop, all in the group."""
    with store.transaction():
        store.records.set_local("device_name", "Kofi-HP")
    store.wall = wall
    store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 2), place="Accra")
    ama = laptop(tmp_path, "Ama-Dell", wall.ms + 10)
    mine = laptop(tmp_path, "This-laptop", wall.ms + 20)
    export_bundle(store, tmp_path / "join.fgbundle")
    for other in (ama, mine):
        import_bundle(other, tmp_path / "join.fgbundle")
    yield store, ama, mine
    ama.close()
    mine.close()


@pytest.fixture
def stick(tmp_path, monkeypatch):
    folder = tmp_path / "stick"
    folder.mkdir()
    monkeypatch.setattr(sync_page, "choose_sync_folder", lambda parent: folder)
    return folder


def press(qtbot, page, button, flow: str) -> None:
    with qtbot.waitSignal(page.work_finished, timeout=15000) as blocker:
        button.click()
    assert blocker.args == [flow]


def clocks_ahead(kofi, ama):
    """Kofi-HP stamps a change 3 days ahead, Ama-Dell one 5 days ahead (each sees only its own)."""
    meeting = kofi.meetings.list()[0]
    ama.wall.ms += 5 * DAY_MS
    ama.meetings.update(meeting.id, title="Dated by Ama-Dell")
    kofi.wall.ms += 3 * DAY_MS
    kofi.meetings.update(meeting.id, place="Dated by Kofi-HP")
    return meeting


def test_folder_sync_asks_per_laptop_by_name_and_accepts_only_that_laptop(qtbot, show_page, three, stick):
    kofi, ama, mine = three
    meeting = clocks_ahead(kofi, ama)
    sync_folder(ama, stick)
    sync_folder(kofi, stick)  # Ama-Dell's file is 2 days ahead of Kofi's clock: it waits there, not relayed
    page = show_page(SyncPage, AppContext(mine))
    questions = []

    def answer(title, question):
        questions.append(question)
        return "Kofi-HP" in question

    page.ask = answer
    press(qtbot, page, page.sync_button, "sync")
    asked = {q.split("\n\n")[-1] for q in questions}
    assert asked == {"Laptop “Kofi-HP” has a clock about 3 days ahead. Import its changes anyway?",
                     "Laptop “Ama-Dell” has a clock about 5 days ahead. Import its changes anyway?"}
    assert all("ahead of this laptop's clock" in q for q in questions)  # the date and the reason come first
    got = mine.meetings.get(meeting.id)
    assert got.place == "Dated by Kofi-HP" and got.title != "Dated by Ama-Dell"
    assert set(clocks.accepted(mine)) == {kofi.device_id}  # only the laptop the user said yes to
    assert "Not imported" in page.summary.toPlainText()  # Ama-Dell's file still waits
    questions.clear()
    page.ask = lambda title, question: questions.append(question) or True
    press(qtbot, page, page.sync_button, "sync")
    assert len(questions) == 1 and "Ama-Dell" in questions[0]  # Kofi-HP is not asked about again
    assert mine.meetings.get(meeting.id).title == "Dated by Ama-Dell"


def test_import_of_one_bundle_relaying_two_laptops_ahead_asks_about_each(qtbot, show_page, three, tmp_path,
                                                                         monkeypatch):
    kofi, ama, mine = three
    meeting = clocks_ahead(kofi, ama)
    export_bundle(kofi, tmp_path / "kofi.fgbundle")
    import_bundle(ama, tmp_path / "kofi.fgbundle")  # Ama-Dell's clock is further ahead: fine there
    relayed = tmp_path / "relayed.fgbundle"
    export_bundle(ama, relayed)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(relayed), ""))
    page = show_page(SyncPage, AppContext(mine))
    questions = []
    page.ask = lambda title, question: questions.append(question) or "Kofi-HP" in question
    digest = mine.digest()
    press(qtbot, page, page.import_button, "import")
    assert mine.digest() == digest and clocks.accepted(mine) == {}
    assert any("Kofi-HP" in q for q in questions) or any("Ama-Dell" in q for q in questions)
    assert "Accept them for that laptop only" in page.summary.toPlainText()
    questions.clear()
    page.ask = lambda title, question: questions.append(question) or True  # both laptops, then the preview
    press(qtbot, page, page.import_button, "import")
    assert sum("has a clock about" in q for q in questions) == 2
    got = mine.meetings.get(meeting.id)
    assert (got.place, got.title) == ("Dated by Kofi-HP", "Dated by Ama-Dell")
    assert set(clocks.accepted(mine)) == {kofi.device_id, ama.device_id}


@pytest.fixture
def kept(tmp_path, store, group, wall):
    """This laptop deleted an organisation while Tarkwa added two people to it: both kept for review."""
    with store.transaction():
        store.records.set_local("device_name", "Accra laptop")
    org = store.organisations.create(group_id=group.id, name="Tarkwa Mining", pillar="company")
    other = store.organisations.create(group_id=group.id, name="WACAM", pillar="civil_society")
    tarkwa = laptop(tmp_path, "Tarkwa laptop", wall.ms + 10)
    export_bundle(store, tmp_path / "join.fgbundle")
    import_bundle(tarkwa, tmp_path / "join.fgbundle")
    wall.ms += 1000
    store.organisations.delete(org.id)
    tarkwa.wall.ms += 2000
    kofi = tarkwa.people.create(organisation_id=org.id, name="Kofi Mensah")
    ama = tarkwa.people.create(organisation_id=org.id, name="Ama Owusu")
    export_bundle(tarkwa, tmp_path / "tarkwa.fgbundle")
    import_bundle(store, tmp_path / "tarkwa.fgbundle")
    yield store, other, kofi, ama
    tarkwa.close()


def test_kept_records_show_a_sentence_and_can_be_moved_or_deleted(qtbot, show_page, kept):
    store, other, kofi, ama = kept
    page = show_page(SyncPage, AppContext(store))
    cards = {c.conflict.record_id: c for c in page.conflicts.cards if isinstance(c, KeptRecordCard)}
    assert set(cards) == {kofi.id, ama.id}
    sentence = cards[kofi.id].sentence.text()
    assert "Tarkwa Mining" in sentence and "Kofi Mensah" in sentence and "Accra laptop" in sentence
    offered = []
    page.choose_new_parent = lambda record, kind, targets: offered.append((record, kind, targets)) or other.id
    cards[kofi.id].move_button.click()
    [(record, kind, targets)] = offered
    assert record == "Kofi Mensah" and kind == "organisation" and (other.id, "WACAM") in targets
    assert store.people.get(kofi.id).organisation_id == other.id
    recreated = store.people.get(ama.id).organisation_id
    assert all(target_id != recreated for target_id, _name in targets)  # not where it already is
    cards = {c.conflict.record_id: c for c in page.conflicts.cards if isinstance(c, KeptRecordCard)}
    assert set(cards) == {ama.id}  # the page reloaded: one case left
    page.ask = lambda title, question: False
    cards[ama.id].delete_button.click()
    assert store.people.find(ama.id) is not None  # "No" deletes nothing
    page.ask = lambda title, question: "Ama Owusu" in question
    cards[ama.id].delete_button.click()
    assert store.people.find(ama.id) is None and store.organisations.find(recreated) is None
    assert review.orphans(store) == [] and not any(isinstance(c, KeptRecordCard) for c in page.conflicts.cards)


def test_keep_it_here_closes_the_case_and_changes_nothing(qtbot, show_page, kept):
    store, _other, kofi, _ama = kept
    page = show_page(SyncPage, AppContext(store))
    digest = store.digest()
    card = next(c for c in page.conflicts.cards if isinstance(c, KeptRecordCard) and c.conflict.record_id == kofi.id)
    card.keep_this.click()
    assert store.digest() == digest
    assert [c.record_id for c in review.orphans(store)] != [] and kofi.id not in {c.record_id for c in review.orphans(store)}


def test_the_move_dialog_filters_and_returns_the_chosen_record(qtbot):
    dialog = MoveKeptDialog("Kofi Mensah", "organisation", [("a", "Gold Fields"), ("b", "WACAM"), ("c", "Wassa")])
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()  # nothing chosen yet
    dialog.filter.setText("wac")
    assert [dialog.list.item(r).isHidden() for r in range(3)] == [True, False, True]
    assert dialog.ok.isEnabled()  # the one match is chosen
    dialog.ok.click()
    assert dialog.chosen == "b"


def test_a_kept_attendance_moves_to_the_same_person_at_another_meeting(kept, tmp_path, wall):
    store, _other, _kofi, _ama = kept
    group = store.groups.list()[0]
    person = store.people.create(organisation_id=_other.id, name="Esi Arthur")
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1))
    target = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 4, 1))
    tarkwa = laptop(tmp_path, "Tarkwa two", wall.ms + 50)
    export_bundle(store, tmp_path / "j2.fgbundle")
    import_bundle(tarkwa, tmp_path / "j2.fgbundle")
    wall.ms += 5000
    store.meetings.delete(meeting.id)
    tarkwa.wall.ms += 6000
    tarkwa.attendance.set(meeting.id, person.id, "excused")
    export_bundle(tarkwa, tmp_path / "t2.fgbundle")
    import_bundle(store, tmp_path / "t2.fgbundle")
    case = next(c for c in review.orphans(store) if c.table == "attendance")
    review.move_orphan(store, case.id, target.id)
    [line] = store.attendance.list(person_id=person.id)
    assert (line.meeting_id, line.status) == (target.id, "excused")
    assert store.problems() == []
    tarkwa.close()
