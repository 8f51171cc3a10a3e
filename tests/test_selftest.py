"""`fieldgroup self-test`: passes on a sound installation, and names what is missing on a broken one."""

import os
import subprocess
import sys

from fieldgroup.cli import main as cli
from fieldgroup.cli import selftest_command


def test_self_test_passes_and_opens_the_window_offscreen():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "fieldgroup", "self-test"], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    for check in ("store", "encryption", "fonts", "languages", "icon", "window"):
        assert f"{check}: ok" in done.stdout


def test_self_test_fails_when_the_fonts_are_not_where_they_should_be(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(selftest_command, "fonts_dir", lambda: tmp_path)
    assert cli(["self-test", "--no-window"]) == 1
    out = capsys.readouterr().out
    assert "fonts: FAILED" in out and "NotoSans-Regular.ttf" in out and "store: ok" in out
