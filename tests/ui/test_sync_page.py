"""The Sync page driven through its widgets: two laptops exchange bundles through a folder, review a conflict."""

from __future__ import annotations

import hashlib
from datetime import date

import page_harness
import pyrage
import pytest
from PySide6.QtWidgets import QFileDialog, QLabel

from fieldgroup.core import create_store
from fieldgroup.sync import review
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.folder import sync_folder
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.dialogs.passphrase_dialog import PassphraseDialog
from fieldgroup.ui.dialogs.sync_target_dialog import SyncTargetDialog
from fieldgroup.ui.pages import sync_page
from fieldgroup.ui.pages.sync_page import CONFLICTS, SyncPage

show_page = page_harness.show_page  # shared fixture


def name_laptop(store, name: str) -> None:
    with store.transaction():
        store.records.set_local("device_name", name)


class Wall:
    def __init__(self, ms: int):
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


@pytest.fixture
def accra(store, group, pillars):
    """Laptop A (the conftest store): a group, four organisations and people, one meeting."""
    name_laptop(store, "Accra laptop")
    store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 2), place="Accra")
    return store


@pytest.fixture
def tarkwa(tmp_path):
    """Laptop B, empty, its clock a little after A's: the one the page runs on."""
    wall = Wall(1_750_000_100_000)
    b = create_store(tmp_path / "tarkwa.fgstore", wall=wall, today=lambda: date(2025, 6, 15))
    name_laptop(b, "Tarkwa laptop")
    b.wall = wall
    yield b
    b.close()


@pytest.fixture
def stick(tmp_path, monkeypatch):
    """A folder standing in for the USB stick; the chooser returns it without showing a dialog."""
    folder = tmp_path / "stick"
    folder.mkdir()
    monkeypatch.setattr(sync_page, "choose_sync_folder", lambda parent: folder)
    return folder


class FastAge:
    """Stands in for pyrage's scrypt passphrase encryption, whose deliberate cost (seconds per file on this
    machine) would dominate these tests. Real age encryption is tested in tests/sync; here the page's
    handling of a missing or wrong passphrase is. Same header shape, so bundle.decrypt's checks still run."""

    HEADER = b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHQ 10\nAAAA\n--- AAAA\n"

    @classmethod
    def encrypt(cls, data: bytes, passphrase: str) -> bytes:
        return cls.HEADER + hashlib.sha256(passphrase.encode()).digest() + data

    @classmethod
    def decrypt(cls, data: bytes, passphrase: str) -> bytes:
        body = data[len(cls.HEADER):]
        if body[:32] != hashlib.sha256(passphrase.encode()).digest():
            raise pyrage.DecryptError("wrong passphrase")
        return body[32:]


@pytest.fixture
def fast_age(monkeypatch):
    monkeypatch.setattr(pyrage, "passphrase", FastAge)


def press(qtbot, page, button, flow: str) -> None:
    with qtbot.waitSignal(page.work_finished, timeout=15000) as blocker:
        button.click()
    assert blocker.args == [flow]


def test_empty_page_explains_and_says_not_synced_yet(show_page, tarkwa):
    page = show_page(SyncPage, AppContext(tarkwa))
    assert "press the button above" in page.summary.toPlainText()
    assert page.last_sync_label.text() == "This laptop has not synced yet."
    assert page.conflict_button.isHidden() and page.tabs.tabText(CONFLICTS) == "Conflicts (0)"


def test_sync_through_a_folder_shows_counts_history_and_stick_can_be_removed(qtbot, show_page, accra, tarkwa, stick):
    sync_folder(accra, stick)
    ctx = AppContext(tarkwa)
    reloads = []
    ctx.data_changed.connect(reloads.append)
    page = show_page(SyncPage, ctx)
    press(qtbot, page, page.sync_button, "sync")
    text = page.summary.toPlainText()
    # group + 4 organisations + 4 people + 1 meeting
    assert "From Accra laptop: 14 new, 0 updated, 0 deleted, 0 conflicts." in text  # 10 records and their 4 memberships (issue 18)
    assert "the stick can be removed" in text
    assert tarkwa.meetings.list()[0].place == "Accra" and "" in reloads
    assert page.history_model.rowCount() == 1 and page.history_model.index(0, 2).data() == "Accra laptop"
    laptops = [page.laptops_model.index(r, 0).data() for r in range(page.laptops_model.rowCount())]
    assert laptops == ["Tarkwa laptop (this laptop)", "Accra laptop"]
    assert page.last_sync_label.text().startswith("Last sync:")
    # The GUI's clock moved past what came in: an edit made now wins on every laptop.
    meeting = tarkwa.meetings.list()[0]
    tarkwa.wall.ms = 1_700_000_000_000  # even with this laptop's clock set back
    tarkwa.meetings.update(meeting.id, place="Tarkwa")
    sync_folder(tarkwa, stick)
    sync_folder(accra, stick)
    assert accra.meetings.get(meeting.id).place == "Tarkwa"


def make_conflict(qtbot, page, accra, tarkwa, stick):
    sync_folder(accra, stick)
    press(qtbot, page, page.sync_button, "sync")
    meeting = tarkwa.meetings.list()[0]
    accra.meetings.update(meeting.id, place="Prestea")
    tarkwa.meetings.update(meeting.id, place="Bogoso")
    sync_folder(accra, stick)
    press(qtbot, page, page.sync_button, "sync")
    return meeting


def test_a_conflict_shows_both_values_and_keep_the_other_changes_the_record(qtbot, show_page, accra, tarkwa, stick):
    page = show_page(SyncPage, AppContext(tarkwa))
    meeting = make_conflict(qtbot, page, accra, tarkwa, stick)
    assert "From Accra laptop: 0 new, 0 updated, 0 deleted, 1 conflict." in page.summary.toPlainText()
    assert page.conflict_button.text() == "1 conflict to review" and page.conflict_button.isVisibleTo(page)
    [card] = page.conflicts.cards
    assert card.kept_label.text().startswith("Bogoso  (on Tarkwa laptop, ")
    assert card.lost_label.text().startswith("Prestea  (on Accra laptop, ")
    assert "2025" in card.lost_label.text()  # when it was made, as a date
    page.conflict_button.click()
    assert page.tabs.currentIndex() == CONFLICTS
    card.keep_other.click()
    assert tarkwa.meetings.get(meeting.id).place == "Prestea"
    assert page.conflicts.cards == [] and page.conflict_button.isHidden()
    assert page.tabs.tabText(CONFLICTS) == "Conflicts (0)"


def test_a_deleted_record_offers_only_to_keep_it_deleted(qtbot, show_page, accra, tarkwa, stick):
    page = show_page(SyncPage, AppContext(tarkwa))
    sync_folder(accra, stick)
    press(qtbot, page, page.sync_button, "sync")
    meeting = tarkwa.meetings.list()[0]
    accra.meetings.update(meeting.id, place="Prestea")
    tarkwa.meetings.delete(meeting.id)
    sync_folder(accra, stick)
    press(qtbot, page, page.sync_button, "sync")
    [card] = page.conflicts.cards
    assert card.keep_other is None and card.keep_this.text() == "OK, keep it deleted"
    assert "Prestea" in card.lost_label.text() and "Accra laptop" in card.lost_label.text()
    card.keep_this.click()
    assert review.open_conflicts(tarkwa) == [] and tarkwa.meetings.find(meeting.id) is None


def test_a_wrong_passphrase_shows_the_sentence_and_the_right_one_imports(qtbot, show_page, accra, tarkwa, stick,
                                                                          fast_age):
    review.set_passphrase(accra, "the right group sentence")
    sync_folder(accra, stick, "the right group sentence")
    review.set_passphrase(tarkwa, "a wrong group sentence")
    page = show_page(SyncPage, AppContext(tarkwa))
    reasons = []
    page.ask_passphrase = lambda reason: reasons.append(reason)  # the user presses Cancel
    press(qtbot, page, page.sync_button, "sync")
    sentence = "The passphrase does not open this bundle; check it with the colleague who made the bundle."
    assert reasons == [sentence] and sentence in page.summary.toPlainText()
    assert tarkwa.meetings.count() == 0
    page.ask_passphrase = lambda reason: "the right group sentence"
    press(qtbot, page, page.sync_button, "sync")
    assert "From Accra laptop: 14 new" in page.summary.toPlainText() and tarkwa.meetings.count() == 1


def test_import_previews_with_a_dry_run_then_imports(qtbot, show_page, accra, tarkwa, tmp_path, monkeypatch):
    bundle_path = tmp_path / "from-accra.fgbundle"
    export_bundle(accra, bundle_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bundle_path), ""))
    page = show_page(SyncPage, AppContext(tarkwa))
    questions = []

    def decline(title, question):
        questions.append(question)
        return False

    page.ask = decline
    digest = tarkwa.digest()
    press(qtbot, page, page.import_button, "import")
    assert questions == ["This bundle from Accra laptop would bring 14 new, 0 updated and 0 deleted records, "
                         "0 conflicts. Import it?"]
    assert tarkwa.digest() == digest and "Nothing was imported." in page.summary.toPlainText()
    page.ask = lambda title, question: True
    press(qtbot, page, page.import_button, "import")
    assert "Imported from-accra.fgbundle" in page.summary.toPlainText() and tarkwa.meetings.count() == 1
    assert page.history_model.index(0, 1).data() == "from-accra.fgbundle"


def test_export_is_encrypted_when_a_passphrase_is_set(qtbot, show_page, accra, tmp_path, fast_age):
    page = show_page(SyncPage, AppContext(accra))
    page.passphrase_box.edit.setText("our group sentence")
    page.passphrase_box.save()
    assert review.passphrase(accra) == "our group sentence"
    out = tmp_path / "out.fgbundle"
    with qtbot.waitSignal(page.work_finished, timeout=15000):
        page.export_to(out)
    assert "encrypted with the group passphrase" in page.summary.toPlainText()
    assert out.read_bytes().startswith(b"age-encryption.org/")


def test_short_passphrase_is_refused_with_the_sentence(show_page, accra):
    page = show_page(SyncPage, AppContext(accra))
    page.passphrase_box.edit.setText("short")
    page.passphrase_box.save()
    assert "at least 12 characters" in page.passphrase_box.status.text() and review.passphrase(accra) is None


def test_the_chooser_offers_drives_first(qtbot, tmp_path):
    drive = tmp_path / "KINGSTON"
    dialog = SyncTargetDialog([drive])
    qtbot.addWidget(dialog)
    assert dialog.drive_buttons[0].text() == "USB stick: KINGSTON"
    dialog.drive_buttons[0].click()
    assert dialog.chosen == drive


YEAR_MS = 365 * 24 * 3600 * 1000


def test_a_bundle_from_a_clock_years_ahead_asks_before_importing(qtbot, show_page, accra, tarkwa, wall, tmp_path,
                                                                  monkeypatch):
    wall.ms += 3 * YEAR_MS
    accra.meetings.update(accra.meetings.list()[0].id, place="Prestea")
    bundle_path = tmp_path / "ahead.fgbundle"
    export_bundle(accra, bundle_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bundle_path), ""))
    page = show_page(SyncPage, AppContext(tarkwa))
    asked = []
    page.ask = lambda title, question: asked.append((title, question)) or False
    press(qtbot, page, page.import_button, "import")
    [(title, question)] = asked
    assert title == "A laptop's clock is ahead"
    assert question.endswith("Laptop “Accra laptop” has a clock about 3 years ahead. Import its changes anyway?")
    assert "would win over every later change" in page.summary.toPlainText()
    assert tarkwa.meetings.count() == 0
    page.ask = lambda title, question: True  # import anyway, then yes to the preview
    press(qtbot, page, page.import_button, "import")
    assert tarkwa.meetings.list()[0].place == "Prestea"
    assert "Warning: Changes made on" in page.summary.toPlainText()


def test_folder_sync_asks_about_a_clock_ahead_and_a_new_laptop_joins_the_group(qtbot, show_page, accra, tarkwa, wall,
                                                                               stick):
    wall.ms += 3 * YEAR_MS
    accra.meetings.update(accra.meetings.list()[0].id, place="Prestea")
    sync_folder(accra, stick)
    ctx = AppContext(tarkwa)
    page = show_page(SyncPage, ctx)
    page.ask = lambda title, question: "Import its changes anyway?" in question
    press(qtbot, page, page.sync_button, "sync")
    text = page.summary.toPlainText()
    assert "Not imported:" in text and "From Accra laptop: 14 new" in text
    assert tarkwa.meetings.list()[0].place == "Prestea"
    assert ctx.group_id == tarkwa.groups.list()[0].id  # joined: the other pages now show the group


def test_cancel_ends_the_sync_with_a_sentence(qtbot, show_page, accra, tarkwa, stick, monkeypatch):
    import threading

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from fieldgroup.ui import sync_jobs

    sync_folder(accra, stick)
    started, go = threading.Event(), threading.Event()
    real = sync_jobs.sync_folder

    def held(*args):
        started.set()
        go.wait(10)
        return real(*args)

    monkeypatch.setattr(sync_jobs, "sync_folder", held)
    page = show_page(SyncPage, AppContext(tarkwa))
    ended = []
    page.work_finished.connect(ended.append)
    page.sync_button.click()
    qtbot.waitUntil(started.is_set)
    page.findChild(QProgressDialog).findChild(QPushButton).click()  # the dialog's Cancel
    go.set()
    qtbot.waitUntil(lambda: ended == ["sync"], timeout=15000)
    assert page.summary.toPlainText().startswith("Cancelled.") and tarkwa.meetings.count() == 0


def test_the_chooser_offers_another_folder(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    dialog = SyncTargetDialog([])
    qtbot.addWidget(dialog)
    assert dialog.drive_buttons == [] and "No USB stick was found" in dialog.findChild(QLabel).text()
    dialog.other_button.click()
    assert dialog.chosen == tmp_path


def test_passphrase_prompt_remembers_it_for_the_group_or_says_why_not(qtbot, tarkwa):
    dialog = PassphraseDialog(tarkwa, "This bundle is encrypted; enter the group passphrase to import it.")
    qtbot.addWidget(dialog)
    dialog.edit.setText("short")
    dialog.save()
    assert "at least 12 characters" in dialog.error.text() and dialog.passphrase is None
    dialog.edit.setText("mango season 2025")
    dialog.save()
    assert dialog.passphrase == "mango season 2025" and review.passphrase(tarkwa) == "mango season 2025"
    once = PassphraseDialog(tarkwa, "")
    qtbot.addWidget(once)
    once.remember.setChecked(False)
    once.edit.setText("x")
    once.save()
    assert once.passphrase == "x" and review.passphrase(tarkwa) == "mango season 2025"
