"""After an erasure (issue 13): backups that could not be rewritten — a stick that is gone, a read-only
file — are named with what to do, in the CLI (check --protection) and in the app; --fix reaches them later."""

from __future__ import annotations

import errno
import shutil

from fieldgroup.cli import main
from fieldgroup.core import create_store, erasure_backups, open_store

NAME = "Zawadi Kilonzo"


def _store_with_copies(tmp_path):
    path = tmp_path / "s.fgstore"
    stick, other, folder = tmp_path / "stick", tmp_path / "ro", tmp_path / "desk"
    for place in (stick, other, folder):
        place.mkdir()
    with create_store(path) as store:
        group = store.groups.create(name="Kenya ICWG")
        org = store.organisations.create(group_id=group.id, name="Haki Centre", pillar="civil_society")
        person = store.people.create(organisation_id=org.id, name=NAME, protected=True)
        copies = [store.backup(place / "copy.fgstore") for place in (stick, other, folder)]
    return path, person.id, copies


def _read_only_at(path, monkeypatch):
    real = erasure_backups.rewrite_one

    def rewrite(store, target, erased):
        if target.resolve() == path.resolve():
            raise OSError(errno.EROFS, "Read-only file system")  # a locked stick, a write-protected card
        return real(store, target, erased)

    monkeypatch.setattr(erasure_backups, "rewrite_one", rewrite)


def test_backups_out_of_reach_are_named_with_what_to_do(tmp_path, monkeypatch, capsys):
    path, person_id, (on_stick, read_only, on_desk) = _store_with_copies(tmp_path)
    gone = tmp_path / "stick-away"
    shutil.move(on_stick.parent, gone)  # the stick went home with a colleague
    _read_only_at(read_only, monkeypatch)
    with open_store(path) as store:
        store.people.delete(person_id)
        assert erasure_backups.unreached(store) == {str(on_stick.resolve()): "missing",
                                                    str(read_only.resolve()): "read_only"}
    assert b"Kilonzo" not in on_desk.read_bytes()  # reachable copies elsewhere are rewritten
    assert b"Kilonzo" in read_only.read_bytes()

    assert main(["check", "--protection", "--store", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{on_stick.resolve()} was not found" in out and "plug it in" in out
    assert f"{read_only.resolve()} is read-only" in out
    assert "Kilonzo" not in out and "Zawadi" not in out

    shutil.move(gone, on_stick.parent)  # the stick is back; the file is writable again
    monkeypatch.undo()
    assert main(["check", "--protection", "--fix", "--store", str(path)]) == 0
    assert b"Kilonzo" not in on_stick.read_bytes() and b"Kilonzo" not in read_only.read_bytes()
    with open_store(path) as store:
        assert erasure_backups.unreached(store) == {}


def test_the_app_says_which_backups_still_hold_the_name(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from fieldgroup.ui.context import AppContext
    from fieldgroup.ui.pages.people_page import PeoplePage
    from fieldgroup.ui.widgets import erasure_confirm

    path, person_id, (on_stick, _read_only, _on_desk) = _store_with_copies(tmp_path)
    shutil.rmtree(on_stick.parent)
    shown = []
    monkeypatch.setattr(erasure_confirm, "confirm_erasure", lambda *_a: True)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.informativeText())))
    with open_store(path) as store:
        page = PeoplePage(AppContext(store, store.groups.list()[0].id))
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.people_proxy.rowCount() == 1)
        page.people_view.selectRow(0)
        page.delete_person_button.click()
        assert store.people.find(person_id) is None
        page.close()
    assert len(shown) == 1 and "1 backup could not be rewritten" in shown[0][0]
    assert str(on_stick.resolve()) in shown[0][1] and "Kilonzo" not in shown[0][0] + shown[0][1]


def test_the_protection_check_in_the_app_names_them_and_reaches_them_once_back(qtbot, tmp_path):
    from fieldgroup.ui.context import AppContext
    from fieldgroup.ui.widgets.protection_check_dialog import ProtectionCheckDialog

    path, person_id, (on_stick, _read_only, _on_desk) = _store_with_copies(tmp_path)
    gone = tmp_path / "stick-away"
    shutil.move(on_stick.parent, gone)
    with open_store(path) as store:
        store.people.delete(person_id)
        ctx = AppContext(store, store.groups.list()[0].id)
        dialog = ProtectionCheckDialog(ctx)
        qtbot.addWidget(dialog)
        assert dialog.backups.count() == 1 and "was not found" in dialog.backups.item(0).text()
        shutil.move(gone, on_stick.parent)  # plugged back in
        dialog.load()
        assert dialog.backups.count() == 0 and dialog.backups.isHidden()
        assert b"Kilonzo" not in on_stick.read_bytes()
