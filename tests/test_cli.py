"""The command line: exit codes, one-sentence errors, stable JSON."""

import json
import subprocess
import sys

import pytest

from fieldgroup.cli import main


def run(*args):
    return subprocess.run([sys.executable, "-m", "fieldgroup", *args], capture_output=True, text=True)


def test_info_json_digest_check_and_backup(tmp_path, capsys):
    path = tmp_path / "s.fgstore"
    from fieldgroup.core import create_store

    with create_store(path) as s:
        s.groups.create(name="Nigeria ICWG")
    assert main(["info", "--store", str(path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["counts"]["groups"] == 1 and info["schema_version"] >= 1 and len(info["device_id"]) == 16
    assert main(["digest", "--store", str(path)]) == 0
    digest = capsys.readouterr().out.strip()
    assert len(digest) == 64
    assert main(["check", "--store", str(path)]) == 0
    assert main(["backup", "--store", str(path), "--out", str(tmp_path / "b.fgstore")]) == 0
    capsys.readouterr()
    assert main(["digest", "--store", str(tmp_path / "b.fgstore")]) == 0
    assert capsys.readouterr().out.strip() == digest


def test_not_a_store_exits_1_with_one_sentence(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    for command in ("info", "digest", "check"):
        result = run(command, "--store", str(bad))
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1 and "not a FieldGroup store" in result.stderr
    assert bad.read_text() == "hello"


def test_wrong_usage_exits_2(tmp_path):
    assert run("info").returncode == 2
    assert run("frobnicate").returncode == 2
    result = run("--locale", "xx", "info", "--store", str(tmp_path / "x"))
    assert result.returncode == 2 and "supported" in result.stderr


def test_check_finds_a_broken_link(tmp_path, capsys):
    import sqlite3

    from fieldgroup.core import create_store

    path = tmp_path / "s.fgstore"
    with create_store(path) as s:
        g = s.groups.create(name="G")
        s.organisations.create(group_id=g.id, name="O", pillar="company")
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM groups")  # behind the app's back, with foreign keys off
    conn.commit()
    conn.close()
    assert main(["check", "--store", str(path)]) == 1
    assert "organisations" in capsys.readouterr().out


@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_version_and_help(args):
    result = run(*args)
    assert result.returncode == 0 and ("FieldGroup" in result.stdout or "fieldgroup" in result.stdout)
