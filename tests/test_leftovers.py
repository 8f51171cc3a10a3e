"""Killed runs leave nothing that lingers: temporary and partial files go when a store is next opened."""

import os
import subprocess
import sys
import time

from fieldgroup.cli import main
from fieldgroup.core import create_store, open_store


def test_partial_and_temporary_files_are_cleaned_at_the_next_open(tmp_path):
    path = tmp_path / "group.fgstore"
    create_store(path).close()
    backups = tmp_path / "backups"
    backups.mkdir()
    own = [backups / "group.2025-06-15.manual.fgstore.partial", backups / "group.2025-06-15.manual.fgstore.partial-journal",
           tmp_path / ".group.fgstore.1a2b3c4d.partial", tmp_path / "group.before-v2.fgstore.bak.partial"]
    old_others = [tmp_path / ".handout.x1y2z3.part", tmp_path / ".other.fgbundle.0badf00d.tmp"]
    fresh_others = [tmp_path / ".minutes.q9w8e7.part"]  # maybe another program is writing it right now
    keep = [tmp_path / "notes.txt", tmp_path / "partial-list.csv"]
    for leftover in own + old_others + fresh_others + keep:
        leftover.write_bytes(b"x")
    an_hour_ago = time.time() - 2 * 3600
    for leftover in old_others:
        os.utime(leftover, (an_hour_ago, an_hour_ago))
    open_store(path).close()
    assert [p for p in own + old_others if p.exists()] == []
    assert all(p.exists() for p in fresh_others + keep)


KILLED_DEMO = """
import os, sys
from fieldgroup.core import demo
demo._DemoBuilder.build = lambda self: os._exit(9)  # dies half-way, like a killed process: no cleanup runs
demo.generate_demo(sys.argv[1], size="small")
"""


def test_a_killed_demo_does_not_block_the_next_one(tmp_path, capsys):
    path = tmp_path / "demo.fgstore"
    killed = subprocess.run([sys.executable, "-c", KILLED_DEMO, str(path)], capture_output=True)
    assert killed.returncode == 9 and not path.exists()
    assert main(["demo", "--store", str(path), "--size", "small"]) == 0
    capsys.readouterr()
    open_store(path).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.fgstore"]
