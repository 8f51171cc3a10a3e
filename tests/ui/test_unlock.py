"""Unlocking an encrypted store in the app: remembered passphrase, the dialog, the welcome's new group, the demo."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from fieldgroup import keychain
from fieldgroup.core import create_store, keys, open_store
from fieldgroup.ui.dialogs.unlock_dialog import UnlockDialog
from fieldgroup.ui.dialogs.welcome_dialog import WelcomeDialog
from fieldgroup.ui.first_run import open_unlocked, store_from_choice
from fieldgroup.ui.widgets.passphrase_box import PassphraseBox, PassphraseField

PASSPHRASE = "copper-meadow-lantern-violet-nine"


def _encrypted(tmp_path):
    path = tmp_path / "group.fgstore"
    with create_store(path, passphrase=keys.Passphrase(PASSPHRASE)) as store:
        store.groups.create(name="Tarkwa ICWG")
    keys.forget_all()  # the next start
    return path


def test_remembered_passphrase_opens_without_asking(tmp_path, monkeypatch, fake_keyring):
    path = _encrypted(tmp_path)
    assert keychain.remember(path, keys.Passphrase(PASSPHRASE))
    monkeypatch.setattr(UnlockDialog, "exec", lambda self: (_ for _ in ()).throw(AssertionError("asked")))
    with open_unlocked(path) as store:
        assert store.encrypted and store.groups.list()[0].name == "Tarkwa ICWG"


def test_wrong_then_right_passphrase_and_remember(tmp_path, answer_dialog, fake_keyring):
    path = _encrypted(tmp_path)
    typed = iter(["not it at all", PASSPHRASE])

    def fill(dialog: UnlockDialog) -> None:
        dialog.field.setText(next(typed))
        dialog.remember.setEnabled(True)
        dialog.remember.setChecked(True)
        dialog._accept()

    seen = answer_dialog(UnlockDialog, fill)
    with open_unlocked(path) as store:
        assert store.encrypted
    assert len(seen) == 2 and "does not open" in seen[1].error.text()
    assert keychain.remembered(path) == keys.Passphrase(PASSPHRASE)


def test_a_refusing_credential_store_falls_back_to_asking(tmp_path, answer_dialog, fake_keyring):
    path = _encrypted(tmp_path)
    fake_keyring.refuse = True
    seen = answer_dialog(UnlockDialog, lambda d: (d.field.setText(PASSPHRASE), d._accept()))
    with open_unlocked(path) as store:
        assert store.encrypted and len(seen) == 1


def test_cancel_opens_nothing(tmp_path, monkeypatch):
    path = _encrypted(tmp_path)
    monkeypatch.setattr(UnlockDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert open_unlocked(path) is None


def test_caps_lock_hint_and_show_hide(qtbot):
    field = PassphraseField()
    qtbot.addWidget(field)
    field.show()
    qtbot.keyClicks(field.edit, "A")  # a capital without Shift
    assert field.caps_hint.isVisible()
    qtbot.keyClicks(field.edit, "a")
    assert not field.caps_hint.isVisible()
    field.show_box.setChecked(True)
    assert field.edit.echoMode() == field.edit.EchoMode.Normal


def test_welcome_new_group_is_encrypted_from_creation(qtbot, tmp_path):
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    words = dialog.passphrase_field.text().split("-")
    assert len(words) == 5 and all(w in keys.word_list() for w in words) and all(w.isascii() for w in words)
    dialog.new_words_button.click()
    assert dialog.passphrase_field.text().split("-") != words  # replaced (the same five words: 1 in 2^55)
    printed = []
    dialog.print_passphrase = lambda text: printed.append(text) or True
    dialog.print_button.click()
    assert printed == [dialog.passphrase_field.text()] and not dialog.print_button.isEnabled()  # printed once
    qtbot.keyClicks(dialog.name_edit, "Ghana ICWG")
    dialog._accept()
    choice = dialog.choice
    assert choice.passphrase == printed[0]
    path = tmp_path / "data" / "fieldgroup.fgstore"
    store_from_choice(choice, path).close()
    data = path.read_bytes()
    assert b"Ghana ICWG" not in data and b"SQLite format 3" not in data
    keys.forget_all()
    with open_store(path, passphrase=keys.Passphrase(choice.passphrase)) as store:
        assert store.groups.list()[0].name == "Ghana ICWG"


def test_welcome_refuses_a_short_passphrase(qtbot):
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name_edit, "Ghana ICWG")
    dialog.passphrase_field.setText("short")
    dialog._accept()
    assert dialog.choice is None and "at least 12 characters" in dialog.error.text()


def test_sync_page_box_encrypts_a_plain_store_and_remembers(qtbot, store, group, fake_keyring):
    box = PassphraseBox(store)
    qtbot.addWidget(box)
    assert not store.encrypted and "not encrypted" in box.explain.text()
    box.suggest()
    chosen = box.edit.text()
    box.remember.setEnabled(True)
    box.remember.setChecked(True)
    box.save()
    assert store.encrypted and b"Ghana ICWG" not in store.path.read_bytes()
    assert keychain.remembered(store.path) == keys.Passphrase(chosen)
    store.groups.create(name="Still writable")  # the open store goes on working after the swap
    box.remember.setChecked(False)
    assert keychain.remembered(store.path) is None


def test_make_run_opens_the_encrypted_demo_without_a_prompt(tmp_path, monkeypatch):
    from fieldgroup import run_demo
    from fieldgroup.core import demo

    monkeypatch.setattr(run_demo, "DEMO_STORE", tmp_path / "demo.fgstore")
    monkeypatch.setattr(UnlockDialog, "exec", lambda self: (_ for _ in ()).throw(AssertionError("asked")))
    monkeypatch.setitem(demo.SIZES, "realistic", demo.SIZES["small"])  # quicker; the size is not what is tested
    run_demo.prepare_demo()
    assert b"SQLite format 3" not in (tmp_path / "demo.fgstore").read_bytes()
    with open_unlocked(tmp_path / "demo.fgstore") as store:
        assert store.encrypted and store.counts()["meetings"] > 0


def test_title_bar_says_when_a_store_is_not_encrypted(qtbot, tmp_path, store, group):
    from fieldgroup.ui.main_window import MainWindow

    plain = MainWindow(store)
    qtbot.addWidget(plain)
    assert plain.windowTitle().endswith("— not encrypted")
    with create_store(tmp_path / "enc.fgstore", passphrase=keys.Passphrase(PASSPHRASE)) as encrypted:
        window = MainWindow(encrypted)
        qtbot.addWidget(window)
        assert "not encrypted" not in window.windowTitle()
        window.close()


def test_key_is_derived_while_the_app_starts(tmp_path, monkeypatch, fake_keyring):
    from fieldgroup.ui.first_run import prefetch_key

    path = _encrypted(tmp_path)
    keychain.remember(path, keys.Passphrase(PASSPHRASE))
    derived = []
    real = keys.derive
    monkeypatch.setattr(keys, "derive", lambda p, salt: derived.append(salt) or real(p, salt))
    monkeypatch.setattr(UnlockDialog, "exec", lambda self: (_ for _ in ()).throw(AssertionError("asked")))
    prefetch_key(path)
    with open_unlocked(path) as store:
        assert store.encrypted
    assert len(derived) == 1  # once, in the background: the open waited for it instead of deriving again


def test_a_wrong_remembered_passphrase_asks_with_a_sentence(tmp_path, answer_dialog, fake_keyring):
    from fieldgroup.ui.first_run import prefetch_key

    path = _encrypted(tmp_path)
    keychain.remember(path, keys.Passphrase("the old passphrase of the group"))
    prefetch_key(path)
    seen = answer_dialog(UnlockDialog, lambda d: (d.field.setText(PASSPHRASE), d._accept()))
    with open_unlocked(path) as store:
        assert store.encrypted
    assert len(seen) == 1 and "no longer opens" in seen[0].error.text()


def test_settings_file_is_private():  # settings in a temporary folder: the autouse isolated_settings
    import os
    import sys

    from fieldgroup.ui import settings

    settings.set_value(settings.LAST_STORE, "/somewhere/group.fgstore")
    if sys.platform != "win32":
        assert os.stat(settings.settings().fileName()).st_mode & 0o777 == 0o600


def test_the_password_store_is_asked_only_when_the_passphrase_tab_is_shown(qtbot, store, group, fake_keyring,
                                                                         monkeypatch):
    keychain.remember(store.path, keys.Passphrase(PASSPHRASE))
    asked = []
    real = keychain.available
    monkeypatch.setattr(keychain, "available", lambda: asked.append(1) or real())
    box = PassphraseBox(store)
    qtbot.addWidget(box)
    assert asked == [] and not box.remember.isChecked()  # opening the Sync page loads no keyring (0.36 s)
    box.show()
    qtbot.waitExposed(box)
    assert asked and box.remember.isEnabled() and box.remember.isChecked()
