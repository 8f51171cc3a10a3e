"""`list incidents` and `report alerts` ask for the core-team passphrase on a laptop that holds incidents,
as the app does: --core-passphrase-file F or FIELDGROUP_CORE_PASSPHRASE_FILE; wrong or missing is one
sentence on stderr, exit 1, nothing on stdout and no PDF."""

from __future__ import annotations

from datetime import date

import pytest

from fieldgroup.cli import main
from fieldgroup.core import keys
from fieldgroup.sync import core_team

CORE = "copper-island-meadow-falcon-ninety"
COMMANDS = {
    "list": lambda path, group, out: ["list", "incidents", "--store", str(path), "--json"],
    "report": lambda path, group, out: ["report", "alerts", "--store", str(path), "--group", group, "--out", str(out)],
}


@pytest.fixture
def core_store(store, group, tmp_path):
    """A core-team laptop (its verifier remembered) holding one incident; the store is closed for the CLI."""
    store.incidents.open(group.id, date=date(2025, 6, 1), kind="threat_to_defender", title="Secret-title-4711")
    core_team.hold(store, keys.Passphrase(CORE))
    core_team.release(store)  # a new run of the program holds nothing
    path = store.path
    store.close()
    return path, group.id


def _file(tmp_path, text: str):
    path = tmp_path / f"core-{abs(hash(text))}.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _refused(capsys, code: int, out) -> str:
    captured = capsys.readouterr()
    assert code == 1 and captured.out == "" and not out.exists()
    err = captured.err.strip()
    assert err.count("\n") == 0 and "Secret-title" not in err and "Traceback" not in err
    return err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_without_the_core_team_passphrase_nothing_is_printed(core_store, tmp_path, capsys, command):
    path, group_id = core_store
    out = tmp_path / "alerts.pdf"
    err = _refused(capsys, main(COMMANDS[command](path, group_id, out)), out)
    assert "--core-passphrase-file" in err and "core team" in err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_wrong_core_team_passphrase_is_one_sentence(core_store, tmp_path, capsys, command):
    path, group_id = core_store
    out = tmp_path / "alerts.pdf"
    wrong = _file(tmp_path, "another-long-passphrase-entirely")
    err = _refused(capsys, main([*COMMANDS[command](path, group_id, out), "--core-passphrase-file", str(wrong)]), out)
    assert "not the core-team passphrase" in err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_missing_core_passphrase_file_is_one_sentence(core_store, tmp_path, capsys, command):
    path, group_id = core_store
    out = tmp_path / "alerts.pdf"
    _refused(capsys, main([*COMMANDS[command](path, group_id, out), "--core-passphrase-file",
                           str(tmp_path / "nowhere.txt")]), out)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_the_right_passphrase_by_option_or_variable(core_store, tmp_path, capsys, monkeypatch, command):
    path, group_id = core_store
    right = _file(tmp_path, CORE)
    out = tmp_path / "alerts.pdf"
    assert main([*COMMANDS[command](path, group_id, out), "--core-passphrase-file", str(right)]) == 0
    first = capsys.readouterr().out
    assert ("Secret-title-4711" in first) if command == "list" else out.exists()
    out.unlink(missing_ok=True)
    monkeypatch.setenv("FIELDGROUP_CORE_PASSPHRASE_FILE", str(right))
    assert main(COMMANDS[command](path, group_id, out)) == 0
    again = capsys.readouterr().out
    assert (again == first) if command == "list" else out.exists()


def test_a_laptop_without_incidents_lists_none_without_a_passphrase(store, group, capsys):
    path = store.path
    store.close()
    assert main(["list", "incidents", "--store", str(path), "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"


def test_a_demo_store_never_given_the_passphrase_takes_a_strong_one_but_not_the_group_one(store, group, tmp_path,
                                                                                          capsys):
    store.incidents.open(group.id, date=date(2025, 6, 1), kind="grievance", title="Secret-title-4711")
    path = store.path
    store.close()
    weak = _file(tmp_path, "short")
    assert main(["list", "incidents", "--store", str(path), "--core-passphrase-file", str(weak)]) == 1
    assert capsys.readouterr().out == ""
    assert main(["list", "incidents", "--store", str(path), "--core-passphrase-file", str(_file(tmp_path, CORE))]) == 0
    assert "Secret-title-4711" in capsys.readouterr().out
