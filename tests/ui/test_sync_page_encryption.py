"""The Sync page with an encrypted group: a plain bundle dropped on the stick is named and asked about."""

from __future__ import annotations

from datetime import date

import page_harness
import pytest

from fieldgroup.core import create_store, keys
from fieldgroup.sync.folder import sync_folder
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.pages import sync_page
from fieldgroup.ui.pages.sync_page import SyncPage

show_page = page_harness.show_page

PASSPHRASE = "pebble-orchid-canyon-wagon-tide"


@pytest.fixture
def stick(tmp_path, monkeypatch):
    folder = tmp_path / "stick"
    folder.mkdir()
    monkeypatch.setattr(sync_page, "choose_sync_folder", lambda parent: folder)
    return folder


def test_plain_bundle_is_asked_about_by_name_and_imported_only_on_yes(qtbot, show_page, store, group, stick, tmp_path):
    sync_folder(store, stick)  # a laptop from before the switch writes a plain bundle
    mine = create_store(tmp_path / "mine.fgstore", passphrase=keys.Passphrase(PASSPHRASE), today=lambda: date(2025, 6, 15))
    try:
        page = show_page(SyncPage, AppContext(mine))
        questions = []
        page.ask = lambda title, question: questions.append((title, question)) or False
        with qtbot.waitSignal(page.work_finished, timeout=15000):
            page.sync_button.click()
        plain_name = f"{store.device_id}.fgbundle"
        assert questions and questions[0][0] == "A bundle is not encrypted" and plain_name in questions[0][1]
        assert mine.groups.count() == 0
        page.ask = lambda title, question: True
        with qtbot.waitSignal(page.work_finished, timeout=15000):
            page.sync_button.click()
        qtbot.waitUntil(lambda: mine.groups.count() == 1, timeout=15000)
    finally:
        mine.close()
