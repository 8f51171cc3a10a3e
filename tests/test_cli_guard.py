"""The command line never shows a traceback: one sentence and exit 1 for every failure, 2 for wrong usage."""

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from fieldgroup.core import create_store
from tests.sync.conftest import seed_group
from tests.test_backups import corrupt_a_data_page, fill

PYTHON = sys.executable


def run(*args, env=None, stdout=subprocess.PIPE, input=None):
    result = subprocess.run([PYTHON, "-m", "fieldgroup", *map(str, args)], stdout=stdout, stderr=subprocess.PIPE,
                            text=True, env=env, input=input, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def one_sentence(result, status=1):
    assert result.returncode == status, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("fieldgroup: "), result.stderr
    return result.stderr


@pytest.fixture
def env(tmp_path):
    """The log goes to a folder of the test's own (platformdirs reads XDG_STATE_HOME)."""
    return {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}


@pytest.fixture
def small_store(tmp_path):
    path = tmp_path / "s.fgstore"
    with create_store(path) as s:
        seed_group(s)
    return path


def test_a_folder_where_a_file_is_wanted_exits_1_in_every_command(small_store, tmp_path, env):
    folder = tmp_path / "folder"
    folder.mkdir()
    commands = [
        ("backup", "--store", small_store, "--out", folder),
        ("export", "--store", small_store, "--out", folder),
        ("import", "--store", small_store, folder),
        ("export", "--store", small_store, "--out", tmp_path / "x.fgbundle", "--passphrase-file", folder),
        ("info", "--store", folder),
        ("demo", "--store", folder),
        ("import-people", folder, "--store", small_store, "--group", "x"),
    ]
    for command in commands:
        assert "folder" in one_sentence(run(*command, env=env)), command
    # A report is the exception: --out FOLDER names the PDF inside it (docs/reports.md).


def test_a_store_failing_its_check_prints_only_the_sentence(tmp_path, env):
    path = tmp_path / "group.fgstore"
    fill(path)
    corrupt_a_data_page(path)
    message = one_sentence(run("export", "--store", path, "--out", tmp_path / "x.fgbundle", "--unencrypted", env=env))
    assert "damaged" in message and "WARNING" not in message
    assert "quick_check" in (tmp_path / "state" / "FieldGroup" / "log" / "fieldgroup.log").read_text()


def test_a_closed_pipe_is_quiet(small_store, env):
    reader, writer = os.pipe()
    os.close(reader)  # like `| head` that has already stopped reading
    try:
        result = run("info", "--store", small_store, "--json", env=env, stdout=writer)
    finally:
        os.close(writer)
    assert result.returncode == 0 and result.stderr == ""


def test_a_300_character_file_name_is_one_sentence(small_store, tmp_path, env):
    long_name = tmp_path / ("x" * 300 + ".fgstore")
    for command in (("info", "--store", long_name), ("import", "--store", small_store, long_name),
                    ("export", "--store", small_store, "--out", long_name, "--unencrypted"),
                    ("backup", "--store", small_store, "--out", long_name)):
        message = one_sentence(run(*command, env=env))
        assert len(message) < 400, command


def test_a_latin1_passphrase_file_is_one_sentence_not_a_traceback(small_store, tmp_path, env):
    """The passphrase must be exactly what colleagues typed, so a file that is not UTF-8 is refused
    (keys.read_file) — in one sentence, as wrong use."""
    secret = tmp_path / "pass.txt"
    secret.write_bytes("café mangué 2025\n".encode("latin-1"))
    result = run("export", "--store", small_store, "--out", tmp_path / "b.fgbundle", "--passphrase-file", secret,
                 env=env)
    assert "UTF-8" in one_sentence(result, status=2)


def test_an_unexpected_error_is_one_sentence_and_the_traceback_goes_to_the_log(small_store, monkeypatch, capsys):
    from fieldgroup.cli import main, store_commands

    def explode(args):
        raise KeyError("*")
    monkeypatch.setattr(store_commands, "run_digest", explode)
    monkeypatch.setattr("fieldgroup.cli.build_parser", _parser_with(store_commands))
    assert main(["digest", "--store", str(small_store)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "KeyError" in err and "Traceback" not in err


def _parser_with(store_commands):
    from fieldgroup import cli

    original = cli.build_parser

    def build():
        parser = original()
        for action in parser._subparsers._group_actions[0].choices.values():
            if action.prog.endswith("digest"):
                action.set_defaults(handler=store_commands.run_digest)
        return parser
    return build


def _namespace_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _namespace_works(), reason="needs unprivileged mount namespaces (unshare -rm)")
def test_a_full_disk_and_a_read_only_drive_are_one_sentence_each(small_store, tmp_path, env):
    full, ro = tmp_path / "full", tmp_path / "ro"
    full.mkdir()
    ro.mkdir()
    script = textwrap.dedent(f"""
        set -u
        mount -t tmpfs -o size=256k none {full}
        mount -t tmpfs -o size=256k,ro none {ro}
        cp {small_store} {full}/s.fgstore
        head -c 10000000 /dev/zero > {full}/filler 2>/dev/null
        # (--unencrypted adds its own warning line; the line under test is the sentence after it)
        fg() {{ {PYTHON} -m fieldgroup "$@" 2>&1 1>/dev/null | grep -v "^Warning"; echo "exit=${{PIPESTATUS[0]}}"; }}
        fg info --store {full}/s.fgstore
        fg backup --store {small_store} --out {full}/b.fgstore
        fg export --store {small_store} --out {full}/x.fgbundle --unencrypted
        fg demo --store {full}/demo.fgstore --size small
        fg export --store {small_store} --out {ro}/x.fgbundle --unencrypted
        fg backup --store {small_store} --out {ro}/b.fgstore
        ls -a {full}
    """)
    result = subprocess.run(["unshare", "-rm", "bash", "-c", script], capture_output=True, text=True, env=env,
                            cwd=os.getcwd(), timeout=300)
    lines = result.stdout.splitlines()
    outcomes = [(lines[i], lines[i + 1]) for i in range(0, 12, 2)]
    for message, status in outcomes:
        assert status == "exit=1" and message.startswith("fieldgroup: ") and "Traceback" not in result.stdout, lines
    for message, _status in outcomes[:4]:
        assert "disk is full" in message, lines
    for message, _status in outcomes[4:]:
        assert "read-only" in message or "write" in message, lines
    assert not [name for name in lines[12:] if "partial" in name or name.endswith(".tmp")], lines
